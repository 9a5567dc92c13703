"""`eventscope export`: write a table of the store to parquet, csv or jsonl, events optionally in a
GDELT, ICEWS or POLECAT profile and filtered (see eventscope/export and docs/export_profiles.md)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import typer
from rich.console import Console

from eventscope.cli.app import app
from eventscope.export import FORMATS, PROFILE_NAMES, TABLES, ExportError, ExportFilters, export as write_export
from eventscope.store import Store

console = Console(stderr=True)


@app.command("export")
def export(
    out: str = typer.Option(..., "-o", "--output", "--out", metavar="FILE",
                            help="File to write; - writes to standard output."),
    fmt: str = typer.Option("parquet", "--format", "-f", metavar="FORMAT", help="parquet, csv or jsonl."),
    db: Path = typer.Option(Path("eventscope.duckdb"), "--db", metavar="FILE", help="The eventscope database."),
    table: str = typer.Option("events", "--table", metavar="TABLE", help=f"One of: {', '.join(TABLES)}."),
    profile: str = typer.Option("eventscope", "--profile", metavar="PROFILE",
                                help=f"Columns of events: {', '.join(PROFILE_NAMES)} (ours by default)."),
    start: str = typer.Option(None, "--start", metavar="DATE", help="Events on or after YYYY[-MM[-DD]]."),
    end: str = typer.Option(None, "--end", metavar="DATE", help="Events on or before YYYY[-MM[-DD]]."),
    country: str = typer.Option(None, "--country", metavar="ISO3", help="Events with this country as source or target."),
    code: str = typer.Option(None, "--code", metavar="CAMEO", help="Events with this CAMEO code or a code under it (19, 190)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line."),
) -> None:
    """Export a table of the database (events by default)."""
    if not db.exists():
        console.print(f"[red]error:[/] no database at {db} (run `eventscope run` first, or pass --db)")
        raise typer.Exit(2)
    filters = ExportFilters(start=start, end=end, country=country, code=code)
    try:
        with Store(db, read_only=True) as store:
            rows = write_export(store.con, out, fmt, table=table, profile=profile, filters=filters)
    except ExportError as err:
        console.print(f"[red]error:[/] {err}", highlight=False)
        raise typer.Exit(2) from None
    except duckdb.Error as err:  # not a DuckDB file, file locked by a writer ...
        console.print(f"[red]error:[/] cannot export {table} from {db}: {err}".splitlines()[0], highlight=False)
        raise typer.Exit(2) from None
    if not quiet:
        where = "standard output" if out == "-" else out
        console.print(f"wrote {rows} {table} rows to {where}", highlight=False)
