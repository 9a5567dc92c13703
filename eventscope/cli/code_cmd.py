"""`eventscope code IN.jsonl -o OUT.jsonl`: the batch contract of shared/eval/FORMAT.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.progress import Progress

from eventscope.cli.app import app
from eventscope.cli.common import console, report_rejections


@app.command("code")
def code_command(
    input: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSONL (or CSV) records with id and text."),
    output: Path = typer.Option(..., "-o", "--output", help="JSONL file: one {id, events} line per input record."),
    dictionaries: Optional[Path] = typer.Option(None, "--dictionaries", help="Actor/verb dictionaries (folder or file)."),
) -> None:
    """Code every record of a JSONL/CSV file into events, one output line per input id, in input order."""
    from eventscope.ingest import read_records
    from eventscope.models import Rejection
    from eventscope.pipeline import code_records

    records, rejected = [], []
    for item in read_records(input):
        if isinstance(item, Rejection):
            rejected.append(item)
        else:
            records.append(item)
    report_rejections(rejected)
    n_events = 0
    with output.open("w", encoding="utf-8") as sink, Progress(console=console) as progress:
        task = progress.add_task("coding", total=len(records))
        for result in code_records(records, dictionaries=dictionaries):
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
            n_events += len(result["events"])
            progress.advance(task)
    console.print(f"{len(records)} records, {n_events} events -> {output}; {len(rejected)} rejected")
    raise typer.Exit(1 if rejected else 0)
