"""Read-only access to the store for the web app.

Connection policy: one short-lived read-only DuckDB connection per request, closed when the
request ends. DuckDB lets a file be opened either by one writer or by readers, never both
across processes; a connection held for the server's lifetime would lock `eventscope run` out
until the server stops. The writer wins (store/lock.py): while a run waits for the file or
writes it, its marker beside the database tells the server not to open the file at all, and
the server answers 503 at once; a request that meets the run's lock retries for about a
second, then answers 503. The server itself never writes. The 503 message says what is going
on, not where the file is or which process holds it (the server's log has that).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb

from eventscope.store import lock

log = logging.getLogger("eventscope.web")
BUSY = "The database is being updated by an eventscope run; this page will be back when the run ends."


class DatabaseBusy(RuntimeError):
    """The file is locked by a writer (an `eventscope run` in progress) or unreadable."""


class Database:
    def __init__(self, path: str | Path, wait: float = lock.READER_WAIT):
        self.path = Path(path)
        self.wait = wait
        if not self.path.exists():
            raise FileNotFoundError(f"no eventscope database at {self.path}")

    @contextmanager
    def connect(self) -> Iterator[Reader]:
        writer = lock.live_writer(self.path)
        if writer:
            log.info("%s: writer PID %s at work, answering busy", self.path, writer)
            raise DatabaseBusy(BUSY)
        try:
            con = lock.with_retry(lambda: duckdb.connect(str(self.path), read_only=True), self.path, self.wait)
        except lock.DatabaseBusy as err:
            log.info("%s", err)
            raise DatabaseBusy(BUSY) from None
        except duckdb.Error as err:
            log.warning("cannot open %s read-only: %s", self.path, err)
            raise DatabaseBusy("The database cannot be read right now (an eventscope run may be writing it); "
                               "try again in a moment.") from None
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
