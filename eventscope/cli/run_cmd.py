"""`eventscope run`: ingest, code and store a corpus."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventscope.cli.app import app
from eventscope.cli.common import console, out, report_rejections


@app.command("run")
def run_command(
    inputs: List[Path] = typer.Argument(..., help="Files or folders of .txt, .html, .jsonl, .csv articles."),
    db: Path = typer.Option(Path("eventscope.duckdb"), "--db", help="DuckDB file to write (created if missing)."),
    dictionaries: Optional[Path] = typer.Option(None, "--dictionaries", help="Actor dictionaries (folder or file)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per committed batch."),
    all_languages: bool = typer.Option(False, "--all-languages", help="Do not skip non-English documents."),
    show: int = typer.Option(20, "--show", help="Print this many coded events at the end (0: none)."),
) -> None:
    """Ingest articles, code their events and store everything in the embedded database."""
    from eventscope import pipeline
    from eventscope.store import Store

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        console.print(f"[red]error:[/] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    total = _count_inputs(inputs)
    with Store(db) as store, Progress(
        SpinnerColumn(), TextColumn("[bold]coding[/]"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[events]} events"), TimeElapsedColumn(), console=console, transient=False,
    ) as progress:
        task = progress.add_task("coding", total=total or None, events=0)

        def advance(n: int, events: int) -> None:
            progress.update(task, advance=n, events=events)

        report = pipeline.run(inputs, store, dictionaries=dictionaries, batch_size=batch_size,
                              on_progress=advance, english_only=not all_languages)
        progress.update(task, completed=total or progress.tasks[0].completed)
        console.print(
            f"run {report.run_id}: {report.documents_added} new documents, {report.documents_skipped} already stored, "
            f"{report.events_added} events, {len(report.rejected)} rejected -> {db}"
        )
        report_rejections(report.rejected)
        if show:
            from eventscope.cli.tables import events_table

            out.print(events_table(store.events(limit=show), title=f"Coded events (first {show})"))
    raise typer.Exit(1 if report.rejected else 0)


INPUT_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".csv"}


def _count_inputs(paths: List[Path]) -> int:
    """Rough number of documents for the progress bar: files, or lines of record files."""
    total = 0
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for f in files:
            if f.suffix.lower() in {".jsonl", ".csv"}:
                with f.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip()) - (f.suffix.lower() == ".csv")
            elif f.suffix.lower() in INPUT_SUFFIXES:
                total += 1
    return max(total, 0)
