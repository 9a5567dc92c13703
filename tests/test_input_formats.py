"""Inputs users have: Parquet, gzip-compressed JSONL/CSV, TSV and other CSV delimiters; the outlet
from a record's URL when it names none. Invented articles; no NLP runs here."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventscope.ingest.files import documents_from_file
from eventscope.ingest.urls import outlet_from_url
from eventscope.models import Document, Rejection

TEXT_A = "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fishing quotas."
TEXT_B = "Protesters gathered outside the parliament in Lima on Friday, demanding new elections."
RECORDS = [{"id": "a", "text": TEXT_A, "title": "Ministers meet", "date": "2024-02-06",
            "url": "https://www.example-news.com/world/ministers"},
           {"id": "b", "text": TEXT_B, "date": "2024-02-09", "source": "Lima Daily", "url": "https://lima.example/x"}]


def read(path) -> list[Document | Rejection]:
    return list(documents_from_file(path))


def summary(items) -> list[tuple]:
    return [(d.external_id, d.title, d.date, d.source) if isinstance(d, Document) else ("rejected", d.origin, d.reason)
            for d in items]


EXPECTED = [("a", "Ministers meet", "2024-02-06", "example-news.com"), ("b", None, "2024-02-09", "Lima Daily")]


def _csv(delimiter: str) -> str:
    header = delimiter.join(["id", "text", "title", "date", "url", "source"])
    rows = [delimiter.join([r["id"], f'"{r["text"]}"', r.get("title", ""), r["date"], r["url"], r.get("source", "")])
            for r in RECORDS]
    return "\n".join([header, *rows]) + "\n"


@pytest.mark.parametrize("name, write", [
    ("in.jsonl.gz", lambda p: p.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in RECORDS).encode()))),
    ("in.csv.gz", lambda p: p.write_bytes(gzip.compress(_csv(",").encode()))),
    ("in.tsv", lambda p: p.write_text(_csv("\t"))),
    ("in.tsv.gz", lambda p: p.write_bytes(gzip.compress(_csv("\t").encode()))),
    ("semicolons.csv", lambda p: p.write_text(_csv(";"))),
    ("pipes.csv", lambda p: p.write_text(_csv("|"))),
    ("in.parquet", lambda p: pq.write_table(pa.table({k: [r.get(k) for r in RECORDS] for k in
                                                      ("id", "text", "title", "date", "url", "source")}), p)),
])
def test_record_files_of_every_kind(tmp_path, name, write):
    path = tmp_path / name
    write(path)
    assert summary(read(path)) == EXPECTED


def test_parquet_dates_and_numbers_become_record_values(tmp_path):
    path = tmp_path / "typed.parquet"
    pq.write_table(pa.table({"id": [7, 8], "text": [TEXT_A, TEXT_B],
                             "date": [dt.date(2024, 2, 6), None],
                             "published": [None, dt.datetime(2024, 2, 9, 14, 30)]}), path)
    docs = read(path)
    assert [(d.external_id, d.date, d.origin) for d in docs] == [
        ("7", "2024-02-06", f"{path}:row 1"), ("8", "2024-02-09", f"{path}:row 2")]


@pytest.mark.parametrize("name, content, reason", [
    ("broken.jsonl.gz", b"\x1f\x8b\x08\x00 not really gzip", "unreadable"),
    ("notgzip.csv.gz", b"id,text\n1,plain text\n", "unreadable"),
    ("broken.parquet", b"PAR1 not a parquet file", "not a readable Parquet file"),
    ("in.parquet.gz", b"\x1f\x8b", "unsupported record file type .parquet.gz"),
])
def test_broken_compressed_or_parquet_files_are_one_rejection(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    found = read(path)
    assert len(found) == 1 and isinstance(found[0], Rejection) and reason in found[0].reason, found


def test_a_bad_line_in_a_gzip_file_is_named_and_the_rest_read(tmp_path):
    path = tmp_path / "mixed.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(RECORDS[0]) + "\n{oops\n" + json.dumps(RECORDS[1]) + "\n").encode()))
    assert summary(read(path)) == [EXPECTED[0], ("rejected", f"{path}:2", "malformed JSON (Expecting property "
                                                 "name enclosed in double quotes: line 1 column 2 (char 1))"),
                                   EXPECTED[1]]


@pytest.mark.parametrize("url, outlet", [
    ("https://www.reuters.com/world/europe/x", "reuters.com"), ("http://m.bbc.co.uk/news", "bbc.co.uk"),
    ("https://apnews.com/article/1", "apnews.com"), ("https://www.com/x", "www.com"), ("not a url", None),
    ("file:///tmp/a.html", None), ("", None), (None, None), ("http://localhost:8000/a", None),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_record_counts_for_the_progress_bar(tmp_path):
    from eventscope.ingest.records import count_records

    files = {"a.jsonl.gz": lambda p: p.write_bytes(gzip.compress(b'{"id": 1}\n\n{"id": 2}\n')),
             "b.tsv": lambda p: p.write_text(_csv("\t")),
             "c.csv": lambda p: p.write_text('id,text\n1,"two\nlines"\n2,x\n'),
             "d.parquet": lambda p: pq.write_table(pa.table({"id": [1, 2, 3]}), p)}
    counts = {}
    for name, write in files.items():
        write(tmp_path / name)
        counts[name] = count_records(tmp_path / name)
    assert counts == {"a.jsonl.gz": 2, "b.tsv": 2, "c.csv": 2, "d.parquet": 3}
