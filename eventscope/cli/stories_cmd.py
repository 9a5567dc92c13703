"""`eventscope stories IN.jsonl -o OUT.jsonl`: group documents into stories;
`eventscope stories --db FILE`: list the stories an `eventscope run` stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from eventscope.cli.app import app
from eventscope.cli.common import console, fail, out
from eventscope.cli.options import EXIT_REJECTED, Json, Output, Quiet, open_output, read_store, summarise


def _read_inputs(path: Path) -> tuple[list[dict], int]:
    """Records with an id; each bad line or id-less record is named on stderr and skipped."""
    from eventscope.ingest.records import read_numbered_records
    from eventscope.models import Rejection

    records, bad, seen = [], 0, set()
    for item in read_numbered_records(path):
        if isinstance(item, Rejection):
            console.print(f"[yellow]skipped[/] {item.origin}: {item.reason}", highlight=False)
            bad += 1
            continue
        origin, record = item
        if record.get("id") in (None, ""):
            console.print(f"[yellow]skipped[/] {origin}: no 'id'", highlight=False)
            bad += 1
            continue
        record["id"] = str(record["id"])
        if record["id"] in seen:
            console.print(f"[yellow]skipped[/] {origin}: id {record['id']!r} repeats an earlier line", highlight=False)
            bad += 1
            continue
        seen.add(record["id"])
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            console.print(f"[yellow]note[/] {origin}: no 'text'; it gets a story of its own", highlight=False)
        records.append(record)
    return records, bad


def _list_stored(db: Path, limit: int) -> None:
    from rich.table import Table

    with read_store(db) as store:
        stories = store.list_stories(limit=limit)
    if not stories:
        console.print(f"no stories in {db} (run `eventscope run` on some articles first)")
        return
    table = Table("story", "documents", "events", "first", "last", "title")
    for s in stories:
        table.add_row(s["id"], str(s["n_documents"]), str(s["n_events"]), s["first_date"] or "",
                      s["last_date"] or "", s["title"] or "")
    out.print(table)


@app.command("stories")
def stories_command(
    input: Optional[Path] = typer.Argument(None, exists=True, dir_okay=False,
                                           help="JSONL/CSV records: id, text, optional title and date."),
    output: Optional[str] = Output(required=False, help="JSONL: one {id, story} line per input id; - for standard output."),
    db: Optional[Path] = typer.Option(None, "--db", help="List the stories stored in this database instead."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1,
                                             help="Documents per streaming batch (default 256)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                              help="Mean cosine similarity needed to join a story (default 0.13)."),
    limit: int = typer.Option(50, "--limit", min=1, help="With --db: how many stories to list."),
    as_json: bool = Json(),
    quiet: bool = Quiet(),
) -> None:
    """Group documents into stories (streaming: each batch joins earlier stories or starts new ones)."""
    if db is not None:
        if input is not None:
            fail("give either IN.jsonl -o OUT.jsonl, or --db FILE, not both")
        _list_stored(db, limit)
        return
    if input is None or output is None:
        fail("usage: eventscope stories IN.jsonl -o OUT.jsonl  (or: eventscope stories --db FILE)")
    from eventscope.linking.stories import cluster_records

    records, bad = _read_inputs(input)
    assigned = cluster_records(records, batch_size=batch_size, threshold=threshold)
    with open_output(output) as sink:
        for record in records:
            sink.write(json.dumps({"id": record["id"], "story": assigned[record["id"]]}, ensure_ascii=False) + "\n")
    n_stories = len(set(assigned.values()))
    summarise(f"{len(records)} documents -> {n_stories} stories -> {output}" + (f"; {bad} lines skipped" if bad else ""),
              {"command": "stories", "documents": len(records), "stories": n_stories, "rejected": bad,
               "output": output}, as_json=as_json, quiet=quiet, data_on_stdout=output == "-")
    raise typer.Exit(EXIT_REJECTED if bad else 0)
