"""export: tables of the store as CSV, Parquet or JSONL files (or Arrow tables), in our own columns
or in a GDELT, ICEWS or POLECAT profile, optionally filtered (date range, country, CAMEO code).

Types survive a round trip: CAMEO codes are strings (quoted in CSV, so readers keep the leading
zero when told the column is text, see README "Reading exports"), dates are typed DATE columns
beside their precision, and actor lists are list<struct> columns in Parquet and nested arrays
in JSONL (JSON text in CSV). Mappings: docs/export_profiles.md; columns: store/SCHEMA.md.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from eventscope.export import lookups
from eventscope.export.events import EXTRA_COLUMNS, INTERNAL_COLUMNS, ORDER as EVENT_ORDER, events_query
from eventscope.export.profiles import PROFILES, Profile, select_list
from eventscope.store.links import LINK_TABLES

if TYPE_CHECKING:  # imported where used: every command imports this module (`run` needs no pyarrow)
    import pyarrow as pa

FORMATS = {"csv": "(FORMAT csv, HEADER true{quote})", "parquet": "(FORMAT parquet)", "jsonl": "(FORMAT json)"}
TABLES = ("events", "documents", "sentences", "actors", "rejections", "runs", *LINK_TABLES)
ORDER = {
    "documents": "date NULLS LAST, id", "sentences": "doc_id, idx", "actors": 'doc_id, "start", name',
    "rejections": '"at", origin', "runs": "started_at", "document_sources": "doc_id, copy_id",
    "event_links": "linked_event_id, event_id", "linked_events": "date NULLS LAST, id",
    "stories": "first_date NULLS LAST, id", "story_documents": "story_id, doc_id",
    "story_brief": "story_id, idx",
}
CODE_COLUMNS = {"events": ("cameo", "cameo_root"), "linked_events": ("cameo", "cameo_root")}
PROFILE_NAMES = ("eventscope", *PROFILES)


class ExportError(ValueError):
    """An export that cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class ExportFilters:
    """Which events to export. Dates overlap as in the API (a month-precision date is inside a
    range that covers part of that month); country matches source or target (any actor);
    code matches a CAMEO code and the codes under it."""
    start: str | None = None
    end: str | None = None
    country: str | None = None
    code: str | None = None

    def any(self) -> bool:
        """Whether any filter is set."""
        return any((self.start, self.end, self.country, self.code))


def _where(filters: ExportFilters | None) -> tuple[str, list]:
    if filters is None or not filters.any():
        return "true", []
    from eventscope.web.filters import FilterError, build_filters, where_clause

    try:
        f = build_filters(None, actor=filters.country, start=filters.start, end=filters.end, cameo=filters.code)
    except FilterError as err:
        raise ExportError(str(err).replace("actor:", "country:").replace("cameo:", "code:")) from None
    if f.actor and len(f.actor) != 3:
        raise ExportError(f"country: a 3-letter country or class code, got {f.actor!r}")
    return where_clause(f)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}


def query(con: duckdb.DuckDBPyConnection, table: str = "events", profile: str | None = None,
          filters: ExportFilters | None = None, nested: bool = True) -> tuple[str, list, Profile | None]:
    """(SQL, parameters, profile) of an export; ExportError when it cannot be made."""
    profile = None if profile in (None, "eventscope") else profile
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if profile is not None and profile not in PROFILES:
        raise ExportError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILE_NAMES)}")
    if table != "events" and (profile or (filters and filters.any())):
        raise ExportError(f"profiles and filters apply to the events table, not {table}")
    tables = _tables(con)
    if table not in tables:
        raise ExportError(f"this database has no {table} table (written before linking existed?)")
    if table != "events":
        return f"SELECT * FROM {table} ORDER BY {ORDER[table]}", [], None
    where, params = _where(filters)
    if profile is None:
        base = events_query(tables, where, nested_actors=nested)
        return f"SELECT * EXCLUDE ({', '.join(INTERNAL_COLUMNS)}) FROM ({base}) b {EVENT_ORDER}", params, None
    chosen = PROFILES[profile]
    base = events_query(tables, where, nested_actors=False)
    event_columns = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    # One row per real-world event: its earliest mention (placed date, then document order).
    dedup = (" QUALIFY row_number() OVER (PARTITION BY coalesce(b.linked_event_id, b.id) "
             f"{EVENT_ORDER}) = 1" if chosen.one_row_per == "linked event" else "")
    return f"SELECT {select_list(chosen, event_columns)}\nFROM ({base}) b{dedup} {EVENT_ORDER}", params, chosen


def _copy_options(fmt: str, table: str, chosen: Profile | None) -> str:
    if fmt != "csv":
        return FORMATS[fmt]
    codes = chosen.code_columns if chosen else CODE_COLUMNS.get(table, ())
    quote = ", FORCE_QUOTE (" + ", ".join(f'"{c}"' for c in codes) + ")" if codes else ""
    return FORMATS["csv"].format(quote=quote)


def export(con: duckdb.DuckDBPyConnection, out: str | Path, fmt: str = "parquet", table: str = "events",
           profile: str | None = None, filters: ExportFilters | None = None) -> int:
    """Write one table (events: in a profile, filtered) to `out` ("-": standard output).
    Returns the number of rows written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    sql, params, chosen = query(con, table, profile, filters, nested=fmt != "csv")
    to_stdout = str(out) == "-"
    target = Path(tempfile.mkdtemp(prefix="eventscope-export-")) / f"out.{fmt}" if to_stdout else Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    lookups.register(con)
    try:
        path = "'" + str(target).replace("'", "''") + "'"
        row = con.execute(f"COPY ({sql}) TO {path} {_copy_options(fmt, table, chosen)}", params).fetchone()
    finally:
        lookups.unregister(con)
    if to_stdout:
        with target.open("rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        shutil.rmtree(target.parent, ignore_errors=True)
    return int(row[0]) if row else 0


def to_arrow(con: duckdb.DuckDBPyConnection, table: str = "events", profile: str | None = None,
             filters: ExportFilters | None = None) -> pa.Table:
    """The export as an Arrow table (same columns and types as the Parquet file)."""
    sql, params, _ = query(con, table, profile, filters, nested=True)
    lookups.register(con)
    try:
        return con.sql(sql, params=params).to_arrow_table()
    finally:
        lookups.unregister(con)


__all__ = ["ExportError", "ExportFilters", "FORMATS", "PROFILES", "PROFILE_NAMES", "TABLES", "EXTRA_COLUMNS",
           "export", "query", "to_arrow"]
