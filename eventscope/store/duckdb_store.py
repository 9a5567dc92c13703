"""The DuckDB store: the one place that writes, and the pipeline's checkpoint.

Each `write_results` call is one transaction, so a batch's documents, sentences, actors and
events are all stored or none are; a crashed run resumes by skipping the documents that
`known_document_ids` reports. Rows go in as column lists (one INSERT per table per batch),
never row by row (store/bulk.py). Tables and columns are described in SCHEMA.md.
"""

from __future__ import annotations

import json
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterable

import duckdb

from eventscope.models import DocumentResult, Rejection
from eventscope.store import lock
from eventscope.store.bulk import KEYED_LOOKUP_MAX, insert_columns
from eventscope.store.links import LinkTables
from eventscope.store.rows import EVENT_COLUMNS, Columns, to_columns

TABLES = ("documents", "sentences", "actors", "events", "rejections", "runs")
WRITER_MEMORY_LIMIT = "128MB"  # measured: RSS 10x/1x 1.08 with it, 1.10 without (make bench)
# After every CACHE_TRIM_COMMITS commits (batches) the writer lowers DuckDB's memory limit for a
# moment, which evicts cached table blocks: keyed reads of stories scattered through a growing
# table (story_state, story_terms) otherwise keep each block they touched until the 128 MB
# limit, so peak RSS grew with the store (measured at 4,000 documents: BASE_TABLE 61 MiB and
# rising). Every commit, not every 25: the blocks of 25 batches were still tens of MiB on top
# of the parse's own peak (96 new documents on a 4,000-document store, benchmarks/rss_growth.py:
# peak 516 MiB trimming every 25 commits, 470 every commit); a trim costs a few milliseconds.
# Only the cache changes, never a result. DuckDB evicts down to the new limit, so the targets
# are small; the lowest it accepts wins (pinned memory, such as indexes, may not fit it).
CACHE_TRIM_COMMITS = 1
CACHE_TRIM_TARGETS = ("1MB", "8MB", "32MB", "64MB")
RUN_COUNTS = ("documents_added", "documents_skipped", "events_added", "rejected")
# Stable display order of `events()`: by publication date, then document, then sentence.
EVENTS_ORDER = "ORDER BY (SELECT date FROM documents d WHERE d.id = t.doc_id) NULLS LAST, doc_id, sentence, span_start, id"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)  # stored as naive UTC


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class Store(LinkTables):
    """The eventscope database (DuckDB): `Store(path)` opens or creates it for writing,
    `Store(path, read_only=True)` for reading while other readers may hold it too. Use it as a
    context manager; `events(...)` reads events as dicts, `eventscope.export` writes files."""

    def __init__(self, path: str | Path, read_only: bool = False, wait: float = 0.0):
        """Open (and create) the store. When another process holds the file, retry for up to
        ``wait`` seconds, then raise lock.DatabaseBusy naming it (store/lock.py)."""
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise FileNotFoundError(f"no eventscope database at {self.path}")
        # A writer holds DuckDB to a fixed budget: by default DuckDB may keep most of the
        # machine's memory for caching, so a run's peak RSS would grow with the store (larger
        # operations spill to disk). And one thread: a run's queries are small, per batch, and
        # DuckDB's worker threads only cost coordination and per-thread heaps (measured: 800
        # articles 65 s / 429 MiB instead of 70 s / 437 MiB). Readers (exports, the web app)
        # keep DuckDB's defaults.
        # And keyed reads: a batch looks rows up by lists of ids (`IN (SELECT unnest(?))`).
        # DuckDB turns such a list into a join and pushes it into the table scan as an IN
        # filter, which an index answers, only for lists of up to dynamic_or_filter_threshold
        # values (default 50); a longer list (a batch's 64 documents, a story's 200) became a
        # scan of the whole table, so a batch's reads, and DuckDB's cache, grew with the store.
        config = {} if read_only else {"memory_limit": WRITER_MEMORY_LIMIT, "threads": 1,
                                       "dynamic_or_filter_threshold": KEYED_LOOKUP_MAX}
        # A writer's marker tells readers (the web app) to stay away while it waits and writes.
        self._marker = None if read_only else lock.claim(self.path)
        try:
            self.con = lock.with_retry(lambda: duckdb.connect(self.path, read_only=read_only, config=config),
                                       self.path, wait)
        except BaseException:
            lock.release(self._marker)
            raise
        self._depth = 0  # open transaction() blocks: the outermost one commits
        self._commits = 0  # outermost commits since the cache was last trimmed
        if not read_only:
            schema = resources.files("eventscope.store").joinpath("schema.sql").read_text("utf-8")
            self.con.execute(schema)
            self.create_link_tables()

    # -- context manager ------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (a writer releases the file for readers)."""
        self.con.close()
        lock.release(self._marker)

    @contextmanager
    def transaction(self):
        """One transaction around the block; nested blocks join the outermost one, so a run
        writes a whole batch (documents, copies, links, story summaries, rejections, finished
        input files) as one unit: a kill leaves all of it or none of it."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.con.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.forget_counts()  # what the writer keeps of the rows must not outlive them
            self.con.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.con.execute("COMMIT")
        except BaseException:
            self.forget_counts()
            raise
        self._commits += 1
        if self._commits >= CACHE_TRIM_COMMITS:
            self.trim_cache()

    def trim_cache(self) -> str | None:
        """Evict DuckDB's cached table blocks (see CACHE_TRIM_COMMITS); the limit it reached,
        None for a reader or an in-memory store, whose blocks cannot be evicted."""
        self._commits = 0
        if self.read_only or self.path == ":memory:":
            return None
        reached = None
        for target in CACHE_TRIM_TARGETS:
            try:
                self.con.execute(f"SET memory_limit = '{target}'")
            except duckdb.Error:  # pinned memory (indexes) does not fit: try a larger one
                continue
            reached = target
            break
        self.con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
        return reached

    # -- reading --------------------------------------------------------------------
    def known_document_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of `ids` already stored as documents (the checkpoint a resumed run skips)."""
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {row[0] for row in rows}

    def counts(self) -> dict[str, int]:
        """Rows in each main table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def events(self, limit: int | None = None, **filters) -> list[dict]:
        """Events as dicts (actor lists decoded), filtered by column equality, e.g.
        `events(plover="ASSAULT", doc_id="...")`; unknown filter names raise ValueError."""
        unknown = set(filters) - set(EVENT_COLUMNS)
        if unknown:
            raise ValueError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
        where = " AND ".join(f"{name} = ?" for name in filters) or "true"
        sql = f"SELECT * FROM events t WHERE {where} {EVENTS_ORDER}"
        params = list(filters.values())
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        out = []
        for row in cursor.fetchall():
            record = dict(zip(names, row))
            for key in ("source_actors", "target_actors"):
                record[key] = json.loads(record[key]) if record[key] else []
            out.append(record)
        return out

    # -- writing --------------------------------------------------------------------
    def _insert(self, table: str, columns: Columns) -> None:
        """One bulk INSERT of column lists; columns matched by name (store/bulk.py)."""
        insert_columns(self.con, table, columns)

    def write_results(self, results: list[DocumentResult], run_id: str | None = None) -> int:
        """Store the documents not already present, with their rows, in one transaction.
        Returns how many documents were new. Writing the same batch twice adds nothing."""
        batch: dict[str, DocumentResult] = {}
        for result in results:  # first copy of a document repeated within the batch wins
            batch.setdefault(result.document.id, result)
        if not batch:
            return 0
        with self.transaction():
            known = self.known_document_ids(batch)
            new = [r for doc_id, r in batch.items() if doc_id not in known]
            tables = to_columns(new, run_id, _now())
            for table in ("documents", "sentences", "actors", "events"):
                self._insert(table, tables[table])
        return len(new)

    def record_rejections(self, rejections: list[Rejection], run_id: str) -> None:
        """Write rejected inputs (origin and reason) under `run_id`."""
        at = _now()
        self._insert("rejections", {
            "run_id": [run_id] * len(rejections),
            "origin": [r.origin for r in rejections],
            "reason": [r.reason for r in rejections],
            "at": [at] * len(rejections),
        })

    def start_run(self, inputs: list[str], config: dict | None = None) -> str:
        """Open a run (status 'running'); `config`: the pipeline it codes with
        (pipeline.pipeline_config). A run still 'running' at this point was killed: only one
        process can hold the database for writing, so it is marked 'killed'."""
        self.mark_killed_runs()
        started = _now()
        run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, inputs, status, config) VALUES (?, ?, ?, 'running', ?)",
            [run_id, started, json.dumps([str(i) for i in inputs]), json.dumps(config) if config else None],
        )
        return run_id

    def mark_killed_runs(self) -> int:
        """Mark runs left 'running' by a process that died (SIGKILL, power cut) as 'killed'."""
        rows = self.con.execute("UPDATE runs SET status = 'killed' WHERE status = 'running' RETURNING run_id").fetchall()
        return len(rows)

    def finish_run(self, run_id: str, **counts) -> None:
        """Close a run. Counts not given are measured from the store (documents and events
        written under this run, rejections recorded for it); `status` defaults to "ok"."""
        allowed = set(RUN_COUNTS) | {"status"}
        unknown = set(counts) - allowed
        if unknown:
            raise ValueError(f"unknown run field(s): {', '.join(sorted(unknown))}")
        if not self.con.execute("SELECT 1 FROM runs WHERE run_id = ?", [run_id]).fetchone():
            raise KeyError(f"unknown run {run_id!r}")
        measured = self.con.execute(
            """SELECT (SELECT count(*) FROM documents WHERE run_id = $r),
                      (SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id
                        WHERE d.run_id = $r),
                      (SELECT count(*) FROM rejections WHERE run_id = $r)""",
            {"r": run_id},
        ).fetchone()
        values = {"documents_added": measured[0], "documents_skipped": 0,
                  "events_added": measured[1], "rejected": measured[2], "status": "ok"}
        values.update(counts)
        sets = ", ".join(f"{name} = ?" for name in values)
        self.con.execute(f"UPDATE runs SET finished_at = ?, {sets} WHERE run_id = ?",
                         [_now(), *values.values(), run_id])
