"""`eventscope export`: write a table of the store to parquet, csv or jsonl, events optionally in a
GDELT, ICEWS or POLECAT profile and filtered (see eventscope/export and docs/export_profiles.md)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import typer

from eventscope.cli.app import app
from eventscope.cli.common import EXIT_BAD_DATABASE, EXIT_USAGE, fail
from eventscope.cli.options import Json, Quiet, read_store, summarise
from eventscope.export import PROFILE_NAMES, TABLES, ExportError, ExportFilters, export as write_export


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
    as_json: bool = Json(),
    quiet: bool = Quiet(),
) -> None:
    """Export a table of the database (events by default)."""
    filters = ExportFilters(start=start, end=end, country=country, code=code)
    with read_store(db) as store:
        try:
            rows = write_export(store.con, out, fmt, table=table, profile=profile, filters=filters)
        except ExportError as err:
            fail(str(err), EXIT_USAGE)
        except duckdb.Error as err:  # e.g. a table of another program's DuckDB file
            fail(f"cannot export {table} from {db}: {str(err).splitlines()[0]}", EXIT_BAD_DATABASE)
    where = "standard output" if out == "-" else out
    summarise(f"wrote {rows} {table} rows to {where}",
              {"command": "export", "table": table, "profile": profile, "rows": rows, "output": out},
              as_json=as_json, quiet=quiet, data_on_stdout=out == "-")
