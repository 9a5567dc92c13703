"""`eventscope.code`: texts or records in, the export's columns out (invented sentences)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest

import eventscope
from eventscope.export import to_arrow

import webdb

RECORDS = [
    {"id": "r1", "text": "The Iranian army attacked rebel positions near the border on Tuesday.",
     "date": "2024-03-07", "source": "Wire"},
    "Russia's foreign minister met his Iranian counterpart in Moscow.",
    {"id": "no-text", "title": "only a headline"},
]


@pytest.fixture(scope="module")
def coded(processor):  # the session's pipeline: eventscope.code reuses it
    with pytest.warns(UserWarning, match=r"record 2 \(id no-text\): missing 'text' field"):
        return eventscope.code(RECORDS, output="arrow")


def test_columns_and_types_are_the_exports(coded, tmp_path):
    store = duckdb.connect(str(webdb.build(tmp_path / "w.duckdb")), read_only=True)
    assert coded.schema == to_arrow(store).schema  # same names, order and types as `eventscope export`
    store.close()


def test_each_event_knows_its_record_and_its_dates(coded):
    rows = coded.to_pylist()
    assert {r["doc_external_id"] for r in rows} == {"r1", "1"}  # a plain text is named by its position
    attack = next(r for r in rows if r["doc_external_id"] == "r1")
    assert attack["cameo"].startswith("19") and attack["source_country"] == "IRN"
    assert attack["date"] == "2024-03-05" and attack["date_precision"] == "day"  # "on Tuesday" before the 7th
    assert attack["date_start"] == attack["date_end"] == dt.date(2024, 3, 5)
    assert attack["n_sources"] == 1 and attack["doc_source"] == "Wire"


def test_outputs_and_profiles(processor):
    text = RECORDS[0]["text"]
    frame = eventscope.code(text)  # pandas by default
    assert list(frame.columns) == to_arrow_columns() and len(frame) >= 1
    assert isinstance(eventscope.code(text, output="arrow"), pa.Table)
    assert eventscope.code(text, profile="gdelt", output="polars").width == 61
    assert len(eventscope.code([], output="arrow")) == 0
    with pytest.raises(ValueError, match="output must be"):
        eventscope.code(text, output="excel")


def to_arrow_columns() -> list[str]:
    return [f.name for f in eventscope.code([], output="arrow").schema]


def test_import_is_light():
    import subprocess
    import sys

    probe = "import sys, eventscope; print('spacy' in sys.modules, callable(eventscope.code))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60).stdout.split()
    assert out == ["False", "True"]  # spaCy loads on first use of code()
