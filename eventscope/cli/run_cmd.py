"""`eventscope run`: ingest, code and store a corpus (once, or watching a folder).

Exit codes (cli/common.py; the README has the table): 0 everything went in; 3 some inputs
were rejected (each is named, with its reason, on stderr and in the `rejections` table; the
good ones were stored); 2 usage error (missing input, `--db` in a missing folder, bad option);
4 another process held the database for longer than `--wait`; 5 `--db` is not a DuckDB
database; 6 a worker process died; 130 interrupted (Ctrl-C / SIGTERM outside --watch).
Every one of them ends with one line on stderr, never a traceback.
"""

from __future__ import annotations

import signal
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventscope.cli.app import app
from eventscope.cli.common import (EXIT_BAD_DATABASE, EXIT_BUSY, EXIT_INTERRUPTED, EXIT_REJECTED, EXIT_USAGE,
                                   EXIT_WORKER_DIED, console, fail, out, report_rejections)
from eventscope.store.lock import WRITER_WAIT
from eventscope.cli.options import Dictionaries, Json, Quiet, dictionaries_arg, summarise


class Executor(str, Enum):
    local = "local"
    dask = "dask"


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # SIGTERM stops a run the way Ctrl-C does: the open batch rolls back


@app.command("run")
def run_command(
    inputs: List[Path] = typer.Argument(..., help="Files or folders of .txt, .html, .jsonl, .csv articles."),
    db: Path = typer.Option(Path("eventscope.duckdb"), "--db", help="DuckDB file to write (created if missing)."),
    dictionaries: List[Path] = Dictionaries(),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, help="Documents per committed batch (Dask: per "
                                             "partition); default 256, with --workers or Dask 64."),
    all_languages: bool = typer.Option(False, "--all-languages", help="Do not skip non-English documents."),
    show: int = typer.Option(20, "--show", help="Print this many coded events at the end (0: none)."),
    executor: Executor = typer.Option(Executor.local, "--executor", help="local processes, or a Dask cluster."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes (local), or LocalCluster workers (dask)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); "
                                            "default: start a local cluster."),
    parquet_dir: Optional[Path] = typer.Option(None, "--parquet-dir", help="Dask: where workers write Parquet "
                                               "partitions (kept; must be shared with remote workers)."),
    dashboard: Optional[str] = typer.Option(None, "--dashboard", help="Dask: serve the local cluster's dashboard "
                                            "at this address (e.g. :8787); off by default."),
    watch: bool = typer.Option(False, "--watch", help="Keep polling the inputs for new files until Ctrl-C/SIGTERM."),
    interval: float = typer.Option(5.0, "--interval", min=0.1, help="Seconds between polls with --watch."),
    wait: float = typer.Option(WRITER_WAIT, "--wait", min=0, help="Seconds to wait for the database while another "
                               "process (a run, a reader) holds it; then exit with code 4."),
    as_json: bool = Json(),
    quiet: bool = Quiet(),
) -> None:
    """Ingest articles, code their events and store everything in the embedded database.

    Files ingested by an earlier run into the same database are not read again."""
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        console.print(f"[red]error:[/] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    if scheduler and executor is not Executor.dask:
        console.print("[red]error:[/] --scheduler needs --executor dask")
        raise typer.Exit(2)
    if not db.parent.is_dir():
        fail(f"no folder {db.parent} for --db {db}", EXIT_USAGE)
    if db.is_dir():
        fail(f"--db {db} is a folder, not a database file", EXIT_USAGE)
    dictionaries = dictionaries_arg(dictionaries)
    signal.signal(signal.SIGTERM, _interrupt)
    pool = None
    if executor is Executor.local and workers > 1:
        from eventscope.scale.pool import ProcessPool

        pool = ProcessPool(workers, dictionaries)
    options = dict(dictionaries=dictionaries, batch_size=batch_size, english_only=not all_languages,
                   executor=executor, workers=workers, scheduler=scheduler, parquet_dir=parquet_dir, pool=pool,
                   wait=wait, dashboard=dashboard, as_json=as_json, quiet=quiet)
    any_rejected = False
    try:
        while True:
            report = _run_once(inputs, db, show=0 if quiet else show, settle=interval if watch else None, **options)
            any_rejected = any_rejected or bool(report and report.rejected)
            if not watch:
                break
            show = 0
            time.sleep(interval)
    except KeyboardInterrupt:
        console.print("[yellow]stopped[/]: the batch in flight was rolled back; re-run to resume")
        if not watch:
            raise typer.Exit(EXIT_INTERRUPTED)
    except Exception as err:  # noqa: BLE001 - what a user can meet is named in one line, with its exit code
        _fail_for(err, db)
    finally:
        if pool is not None:
            pool.close()
    raise typer.Exit(EXIT_REJECTED if any_rejected else 0)


def _fail_for(err: Exception, db: Path) -> None:
    """One line and an exit code for the failures a user can meet; anything else is a bug
    and keeps its traceback."""
    import duckdb

    from eventscope.store.lock import DatabaseBusy

    if isinstance(err, DatabaseBusy):
        fail(f"{err}; try again when it is done, or pass a longer --wait", EXIT_BUSY)
    if _is_worker_death(err):
        fail("a worker process died (out of memory, or killed); the batches in flight were rolled back; "
             "re-run to resume", EXIT_WORKER_DIED)
    if isinstance(err, duckdb.Error) and _not_a_database(err):
        fail(f"{db} is not an eventscope (DuckDB) database: {str(err).splitlines()[0]}", EXIT_BAD_DATABASE)
    raise err


def _is_worker_death(err: Exception) -> bool:
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(err, BrokenProcessPool) or type(err).__name__ == "KilledWorker"  # Dask's


def _not_a_database(err: Exception) -> bool:
    text = str(err)
    return any(s in text for s in ("not a valid DuckDB database", "Serialization Error", "Corrupt",
                                    "database file", "version number", "Could not read from file"))


def _run_once(inputs: List[Path], db: Path, *, show: int, settle: float | None, dictionaries, batch_size,
              english_only, executor, workers, scheduler, parquet_dir, pool, wait, dashboard=None, as_json=False,
              quiet=False):
    """One pass over the inputs. When watching (``settle`` set) only files left unchanged for
    ``settle`` seconds are taken, so a file still being written is not ingested half-way, and
    None is returned when there is nothing to do. The database is opened only for the pass,
    so readers (the web UI) can get in between polls; a watch pass that finds nothing new
    looks through a read-only connection and never opens it for writing."""
    from eventscope import pipeline
    from eventscope.ingest.assemble import DEFAULT_MAX_CHARS
    from eventscope.store import Store
    from eventscope.store.inputs import changed_files, reading_options

    options = reading_options(english_only, DEFAULT_MAX_CHARS)
    if settle is not None:
        if db.exists():
            with Store(db, read_only=True, wait=wait) as reader:
                changed = _settled(changed_files(reader, inputs, options), settle)
        else:
            changed = _settled(changed_files(None, inputs, options), settle)
        if not changed:
            return None
        inputs = changed
    with Store(db, wait=wait) as store:
        changed = changed_files(store, inputs, options)
        total = _count_documents(changed)
        with Progress(SpinnerColumn(), TextColumn("[bold]coding[/]"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[events]} events"), TimeElapsedColumn(), console=console,
                      transient=False, disable=quiet) as progress:
            task = progress.add_task("coding", total=total or None, events=0)

            def advance(n: int, events: int) -> None:
                progress.update(task, advance=n, events=events)

            if executor is Executor.dask:
                from eventscope.scale.dask_run import run_on_dask

                report = run_on_dask(inputs, store, scheduler=scheduler, workers=workers, dictionaries=dictionaries,
                                     partition_size=batch_size or pipeline.DEFAULT_BATCH, english_only=english_only,
                                     parquet_dir=parquet_dir, on_progress=advance, dashboard=dashboard)
            else:
                report = pipeline.run(inputs, store, dictionaries=dictionaries, batch_size=batch_size,
                                      on_progress=advance, english_only=english_only, executor=pool)
            progress.update(task, completed=total or progress.tasks[0].completed)
        summarise(
            f"run {report.run_id}: {report.documents_added} new documents, "
            f"{report.documents_skipped - report.near_copies} already stored, "
            f"{report.near_copies} near-copies kept as extra sources, "
            f"{report.files_unchanged} unchanged files not re-read, {report.events_added} events, "
            f"{len(report.rejected)} rejected -> {db}",
            {"command": "run", "run_id": report.run_id, "documents_added": report.documents_added,
             "already_stored": report.documents_skipped - report.near_copies, "near_copies": report.near_copies,
             "files_unchanged": report.files_unchanged, "events_added": report.events_added,
             "rejected": len(report.rejected), "db": str(db)}, as_json=as_json, quiet=quiet)
        report_rejections(report.rejected)
        if show:
            from eventscope.cli.tables import events_table

            out.print(events_table(store.events(limit=show), title=f"Coded events (first {show})"))
    return report


def _settled(files: List[Path], seconds: float) -> List[Path]:
    now = time.time()
    out = []
    for f in files:
        try:
            if now - f.stat().st_mtime >= seconds:
                out.append(f)
        except OSError:
            pass  # gone since the walk
    return out


def _count_documents(files: List[Path]) -> int:
    """Number of documents for the progress bar: files, or records of record files (CSV rows
    counted as rows: a quoted field may hold line breaks; Parquet rows from its metadata)."""
    from eventscope.ingest.files import HTML_SUFFIXES, TEXT_SUFFIXES
    from eventscope.ingest.records import RECORD_SUFFIXES, count_records, record_suffix

    total = 0
    for f in files:
        if record_suffix(f) in RECORD_SUFFIXES:
            try:
                total += count_records(f)
            except Exception:  # noqa: BLE001 - a file the reader will reject: counted as one
                total += 1
        elif f.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
            total += 1
    return max(total, 0)
