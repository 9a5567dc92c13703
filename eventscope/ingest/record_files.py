"""What a record file is: the suffixes read as records and the columns that hold each field."""

from __future__ import annotations

import gzip
from pathlib import Path

RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet"}
# Field name -> accepted column names (matched ignoring case), in order of preference.
FIELD_NAMES = {
    "id": ("id", "doc_id", "article_id"),
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "pubdate"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher"),
}


def record_suffix(path: Path) -> str:
    """The suffix that says how to read a file: ".jsonl" for "a.jsonl.gz" (gzip is undone first)."""
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return suffixes[-2]
    return path.suffix.lower()


def open_binary(path: Path):
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")
