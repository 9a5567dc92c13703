"""`eventscope export`: write a table of the store to parquet, csv or jsonl."""

from __future__ import annotations

from pathlib import Path

import duckdb
import typer
from rich.console import Console

from eventscope.cli.app import app
from eventscope.store import EXPORT_FORMATS, TABLES, Store

console = Console(stderr=True)


@app.command("export")
def export(
    out: Path = typer.Option(..., "-o", "--out", help="File to write."),
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet, csv or jsonl."),
    db: Path = typer.Option(Path("eventscope.duckdb"), "--db", help="The eventscope database."),
    table: str = typer.Option("events", "--table", help=f"One of: {', '.join(TABLES)}."),
) -> None:
    """Export a table of the database (events by default)."""
    if fmt not in EXPORT_FORMATS:
        console.print(f"[red]error:[/] unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(2)
    if table not in TABLES:
        console.print(f"[red]error:[/] unknown table {table!r}; choose one of {', '.join(TABLES)}")
        raise typer.Exit(2)
    if not db.exists():
        console.print(f"[red]error:[/] no database at {db} (run `eventscope run` first, or pass --db)")
        raise typer.Exit(2)
    try:
        with Store(db, read_only=True) as store:
            rows = store.export(fmt, out, table=table)
    except duckdb.Error as err:  # not a DuckDB file, no such table, file locked by a writer ...
        console.print(f"[red]error:[/] cannot export {table} from {db}: {err}")
        raise typer.Exit(2) from None
    Console().print(f"wrote {rows} {table} rows to {out}")
