"""`eventscope code IN -o OUT.jsonl`: the batch contract of shared/eval/FORMAT.md.

IN is a records file (the contract: one output line per input id) or articles: a .txt/.html
file or a folder of them, read by ingest as `run` reads them (furniture dropped, title, date and
outlet found), one output line per article."""

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
    input: Path = typer.Argument(..., exists=True, metavar="IN",
                                 help="JSONL, CSV/TSV or Parquet records with id and text (also gzip-compressed), "
                                      "or articles: a .txt/.html file or a folder of them."),
    output: str = Output(help="JSONL file: one {id, events} line per input record; - writes to standard output."),
    dictionaries: list[Path] = Dictionaries(),
    as_json: bool = Json(),
    quiet: bool = Quiet(),
) -> None:
    """Code every record of a file (or every article of a .txt/.html file or folder) into events,
    one output line per input id or article, in input order.

    Exit code 3 when some records were rejected (each is named on stderr)."""
    from eventscope.ingest import iter_inputs, read_records
    from eventscope.ingest.records import RECORD_SUFFIXES, record_suffix
    from eventscope.models import Rejection
    from eventscope.code_contract import code_documents, code_records

    books = dictionaries_arg(dictionaries)
    articles = input.is_dir() or record_suffix(input) not in RECORD_SUFFIXES
    # Articles are read as `run` reads them, but every language is coded, as the contract does.
    items = iter_inputs([input], english_only=False) if articles else read_records(input)
    records, rejected = [], []
    for item in items:
        if isinstance(item, Rejection):
            rejected.append(item)
        else:
            records.append(item)
    report_rejections(rejected)
    n_events = 0
    results = code_documents(records, dictionaries=books) if articles else code_records(records, dictionaries=books)
    with open_output(output) as sink, Progress(console=console, disable=quiet) as progress:
        task = progress.add_task("coding", total=len(records))
        for result in results:
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
            n_events += len(result["events"])
            progress.advance(task)
    summarise(f"{len(records)} {'articles' if articles else 'records'}, {n_events} events -> {output}; {len(rejected)} rejected",
              {"command": "code", "records": len(records), "events": n_events, "rejected": len(rejected),
               "output": output}, as_json=as_json, quiet=quiet, data_on_stdout=output == "-")
    raise typer.Exit(EXIT_REJECTED if rejected else 0)
