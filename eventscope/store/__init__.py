"""store stage: the DuckDB database every result is written to (see SCHEMA.md)."""

from eventscope.store.duckdb_store import TABLES, Store

__all__ = ["Store", "TABLES"]
