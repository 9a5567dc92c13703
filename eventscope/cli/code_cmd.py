"""`eventscope code IN.jsonl -o OUT.jsonl`: the batch contract of shared/eval/FORMAT.md."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import Progress

from eventscope.cli.app import app
from eventscope.cli.common import console, report_rejections
from eventscope.cli.options import (EXIT_REJECTED, Dictionaries, Json, Output, Quiet, dictionaries_arg, open_output,
                                    summarise)


@app.command("code")
def code_command(
    input: Path = typer.Argument(..., exists=True, dir_okay=False, metavar="IN",
                                 help="JSONL, CSV/TSV or Parquet records with id and text (also gzip-compressed)."),
    output: str = Output(help="JSONL file: one {id, events} line per input record; - writes to standard output."),
    dictionaries: list[Path] = Dictionaries(),
    as_json: bool = Json(),
    quiet: bool = Quiet(),
) -> None:
    """Code every record of a file into events, one output line per input id, in input order.

    Exit code 3 when some records were rejected (each is named on stderr)."""
    from eventscope.ingest import read_records
    from eventscope.models import Rejection
    from eventscope.pipeline import code_records

    books = dictionaries_arg(dictionaries)
    records, rejected = [], []
    for item in read_records(input):
        if isinstance(item, Rejection):
            rejected.append(item)
        else:
            records.append(item)
    report_rejections(rejected)
    n_events = 0
    with open_output(output) as sink, Progress(console=console, disable=quiet) as progress:
        task = progress.add_task("coding", total=len(records))
        for result in code_records(records, dictionaries=books):
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
            n_events += len(result["events"])
            progress.advance(task)
    summarise(f"{len(records)} records, {n_events} events -> {output}; {len(rejected)} rejected",
              {"command": "code", "records": len(records), "events": n_events, "rejected": len(rejected),
               "output": output}, as_json=as_json, quiet=quiet, data_on_stdout=output == "-")
    raise typer.Exit(EXIT_REJECTED if rejected else 0)
