"""Records from a Parquet file: one article per row, the same columns as JSONL/CSV records.

Read a batch of rows at a time (never the whole file); dates and timestamps become ISO strings
and other non-text values their text, as a JSON record would carry them. Origins are
``path:row N`` (1-based), so a bad row is named like a bad line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from eventscope.ingest.decoding import printable_path
from eventscope.models import Rejection

BATCH_ROWS = 256


def _plain(value: object) -> object:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def parquet_records(path: Path) -> Iterator[tuple[str, dict] | Rejection]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        reader = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        yield Rejection(printable_path(path), f"not a readable Parquet file ({str(exc).splitlines()[0]})")
        return
    number = 0
    try:
        for batch in reader.iter_batches(batch_size=BATCH_ROWS):
            for row in batch.to_pylist():
                number += 1
                yield f"{printable_path(path)}:row {number}", {str(k): _plain(v) for k, v in row.items()}
    except (pa.ArrowException, OSError) as exc:
        yield Rejection(f"{printable_path(path)}:row {number + 1}",
                        f"unreadable Parquet data ({str(exc).splitlines()[0]})")
