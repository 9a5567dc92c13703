"""`eventscope story STORY_ID --db FILE`: a stored story's brief, documents and timeline."""

from __future__ import annotations

from pathlib import Path

import typer

from eventscope.cli.app import app
from eventscope.cli.common import fail, out
from eventscope.cli.options import read_store


@app.command("story")
def story_command(
    story_id: str = typer.Argument(..., help="Story id (see `eventscope stories --db FILE`)."),
    db: Path = typer.Option(Path("eventscope.duckdb"), "--db", help="DuckDB file written by `eventscope run`."),
) -> None:
    """Print a story: its brief (each sentence cited to its document), sources and timeline."""
    with read_store(db) as store:
        story = store.story(story_id)
    if story is None:
        fail(f"no story {story_id!r} in {db} (list them with `eventscope stories --db {db}`)")
    span = " to ".join(dict.fromkeys(d for d in (story["first_date"], story["last_date"]) if d)) or "undated"
    out.print(f"[bold]{story['title'] or story_id}[/]  ({story_id}; {story['n_documents']} documents, "
              f"{story['n_events']} events; {span})", highlight=False)
    cite = {d["id"]: i for i, d in enumerate(story["documents"], 1)}
    out.print("\n[bold]Brief[/]")
    for row in story["brief"]:
        out.print(f"  {row['date'] or '----------'}  {row['text']} [{cite.get(row['doc_id'], '?')}]",
                  highlight=False, soft_wrap=True)
    out.print("\n[bold]Sources[/]")
    for doc in story["documents"]:
        extra = f" (+{doc['n_sources'] - 1} copies)" if doc["n_sources"] > 1 else ""
        out.print(f"  [{cite[doc['id']]}] {doc['date'] or 'undated'}  {doc['title'] or doc['id']}"
                  f"{' — ' + doc['source'] if doc['source'] else ''}{extra}  ({doc['id']})",
                  highlight=False, soft_wrap=True)
    out.print("\n[bold]Timeline[/]")
    for event in story["timeline"]:
        who = " -> ".join(x for x in (event["source"], event["target"]) if x)
        out.print(f"  {event['date'] or 'undated':10s}  {event['cameo']:5s} {event['plover'] or '':10s} {who}"
                  f"  ({event['n_sources'] or 1} source{'s' if (event['n_sources'] or 1) != 1 else ''})"
                  f" [{cite.get(event['doc_id'], '?')}]", highlight=False, soft_wrap=True)
