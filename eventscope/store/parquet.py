"""Partitioned Parquet in and out: how results computed elsewhere (Dask workers) reach the store.

A worker writes one partition as a folder holding ``documents.parquet``, ``sentences.parquet``,
``actors.parquet`` and ``events.parquet`` (the store's own columns, from rows.to_columns). The
store, still the only writer to the database, loads a partition in one transaction, keeping
only documents it does not have yet, so loading a partition twice adds nothing.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventscope.models import Actor, Document, DocumentResult, Event, Sentence, evidence_from_json
from eventscope.store.rows import to_columns

TABLES = ("documents", "sentences", "actors", "events")


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_partition(results: list[DocumentResult], folder: str | Path, run_id: str | None) -> int:
    """Write one partition (runs on a worker); returns the number of documents in it."""
    folder = Path(folder)
    # Not parents=True: if the run's folder is gone (the driver was killed and its temporary
    # folder removed), a worker finishing late must not create it again.
    folder.mkdir(exist_ok=True)
    tables = to_columns(results, run_id, datetime.now(timezone.utc).replace(tzinfo=None))
    for name in TABLES:
        tmp = folder / f".{name}.parquet.tmp"
        pq.write_table(pa.table(tables[name]), tmp)
        tmp.replace(folder / f"{name}.parquet")  # a reader never sees half a file
    return len(results)


def load_partition(store, folder: str | Path) -> tuple[int, int]:
    """Load one partition into ``store`` in one transaction; (new documents, new events)."""
    folder = Path(folder)
    con = store.con
    with store.transaction():
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _new_docs AS SELECT * FROM read_parquet({_sql_path(folder / 'documents.parquet')}) "
            "WHERE id NOT IN (SELECT id FROM documents)"
        )
        con.execute("INSERT INTO documents BY NAME SELECT * FROM _new_docs")
        new_events = 0
        for name in TABLES[1:]:
            source = folder / f"{name}.parquet"
            if pq.ParquetFile(source).metadata.num_rows == 0:
                continue  # an empty column list was written without types
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM read_parquet({_sql_path(source)}) "
                        "WHERE doc_id IN (SELECT id FROM _new_docs)")
            if name == "events":
                new_events = con.execute("SELECT count(*) FROM events WHERE doc_id IN (SELECT id FROM _new_docs)").fetchall()[0][0]
        new_docs = con.execute("SELECT count(*) FROM _new_docs").fetchall()[0][0]
        con.execute("DROP TABLE _new_docs")
    return int(new_docs), int(new_events)


def read_partition(folder: str | Path) -> list[DocumentResult]:
    """The DocumentResults a partition holds, rebuilt from its rows (for the linking stage,
    which the driver runs on each loaded partition exactly as a local run does per batch)."""
    folder = Path(folder)
    rows = {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in TABLES}
    document_fields = {f.name for f in fields(Document)}
    event_fields = {f.name for f in fields(Event)} - {"doc_id", "span", "source", "target"}
    results = {}
    for row in rows["documents"]:
        results[row["id"]] = DocumentResult(Document(**{k: v for k, v in row.items() if k in document_fields}))
    for row in rows["sentences"]:
        results[row["doc_id"]].sentences.append(
            Sentence(row["doc_id"], row["idx"], row["start"], row["end"], row["text"]))
    for row in rows["actors"]:
        results[row["doc_id"]].actors.append(Actor(**{k: evidence_from_json(v) if k == "evidence" else v
                                                      for k, v in row.items() if k != "doc_id"}))
    for row in rows["events"]:
        results[row["doc_id"]].events.append(Event(
            doc_id=row["doc_id"], span=(row["span_start"], row["span_end"]),
            source=_actors(row["source_actors"]), target=_actors(row["target_actors"]),
            **{k: evidence_from_json(v) if k == "evidence" else v for k, v in row.items() if k in event_fields}))
    return list(results.values())


def _actors(blob: str | None) -> list[Actor]:
    return [Actor(**a) for a in json.loads(blob)] if blob else []
