"""Property tests: whatever bytes a file holds, under whatever supported name, reading it never
raises; every result is a Document or a Rejection naming that file (and line)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscope.ingest import iter_inputs
from eventscope.models import Document, Rejection

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

_lines = st.one_of(
    st.binary(max_size=80),
    st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.dictionaries(st.sampled_from(["id", "text", "title", "date", "body"]),
                    st.one_of(st.text(max_size=60), st.integers(), st.none()), max_size=4)
    .map(lambda d: json.dumps(d).encode()),
    st.sampled_from([b"id,text", b'1,"Iran and Russia signed a deal in Moscow."', b'"unterminated', b"\x00",
                     b"\xef\xbb\xbf", b"\xff\xfe", b"<html><script>x()</script><p>Hi there.</p>", b""]),
)
contents = st.lists(_lines, max_size=8).map(b"\n".join)
names = st.sampled_from(["a.txt", "a.html", "a.htm", "a.jsonl", "a.csv", "a.ndjson", "a.pdf", "noext"])


@SETTINGS
@given(files=st.lists(st.tuples(names, contents), min_size=1, max_size=3, unique_by=lambda f: f[0]),
       english_only=st.booleans())
def test_reading_any_bytes_never_raises(files, english_only):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in files:
            (folder / name).write_bytes(data)
        items = list(iter_inputs([folder], english_only=english_only))
    written = {str(folder / name) for name, _ in files}
    for item in items:
        assert isinstance(item, (Document, Rejection))
        assert item.origin.rsplit(":", 1)[0] in written or item.origin in written
        if isinstance(item, Rejection):
            assert item.reason
        else:
            assert item.text.strip()
