"""Read-only access to the store for the web app.

Connection policy: one short-lived read-only DuckDB connection per request, closed when the
request ends. DuckDB lets a file be opened either by one writer or by readers, never both
across processes; a connection held for the server's lifetime would lock `eventscope run` out
until the server stops. Opening per request (~20 ms on a small file) lets a run write between
requests and the pages show its results on the next load; while a run holds the file the
server answers 503 with a message instead of failing. The server itself never writes.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb


class DatabaseBusy(RuntimeError):
    """The file is locked by a writer (an `eventscope run` in progress) or unreadable."""


class Database:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no eventscope database at {self.path}")

    @contextmanager
    def connect(self) -> Iterator[Reader]:
        try:
            con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as err:
            raise DatabaseBusy(
                f"cannot open {self.path} read-only (is `eventscope run` writing it?): {err}"
            ) from None
        try:
            yield Reader(con)
        finally:
            con.close()


class Reader:
    """A read-only connection with helpers returning plain dicts; SQL is always parameterised."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._tables: set[str] | None = None

    @property
    def tables(self) -> set[str]:
        if self._tables is None:
            rows = self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
            self._tables = {r[0] for r in rows}
        return self._tables

    def has(self, *tables: str) -> bool:
        return all(t in self.tables for t in tables)

    def rows(self, sql: str, params: list[Any] | dict | None = None) -> list[dict]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def row(self, sql: str, params: list[Any] | dict | None = None) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def value(self, sql: str, params: list[Any] | dict | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None

    def count(self, table: str) -> int:
        if table not in self.tables:  # names come from our own constants, never from a request
            return 0
        return int(self.value(f'SELECT count(*) FROM "{table}"'))
