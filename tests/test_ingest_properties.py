"""Property tests: ingest never raises on arbitrary input, and what it returns is well formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscope.ingest import document_from_html, document_from_record, document_from_text
from eventscope.ingest.dates import normalise_date
from eventscope.ingest.decoding import decode_bytes
from eventscope.models import Document, Rejection, content_id

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks a bit like articles: words, chrome, dates, newlines and odd characters.
_pieces = st.sampled_from([
    "Accessibility links", "Breaking News", "1. Archive", "Advertisement", "By Jane Doe | Reuters",
    "MOSCOW (Reuters) - ", "2001-10-02", "October 2, 2001", " - ", "\n", "\n\n", "\r\n", "\t",
    "The minister said talks would continue.", "Headline here", "U.S.", "\x00", "\ufeff", "\u200b",
    "Share this article", "\u00a0", ".", "|",
])
article_like = st.lists(st.one_of(_pieces, st.text(max_size=30)), max_size=40).map("".join)
any_text = st.one_of(st.text(), article_like)

_tags = st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<style>", "</style>", "<div>",
                         "</div>", "<title>", "</title>", "<!--", "-->", "<br/>", "<html>",
                         "<meta property='og:site_name' content='X'>", "<embed>", "<![CDATA[", "&amp;",
                         "&#0;", "<h1>", "</h1>", "<", ">"])
html_like = st.lists(st.one_of(_tags, any_text), max_size=40).map("".join)

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text())
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)), max_leaves=8)
record_keys = st.one_of(st.sampled_from(["id", "text", "title", "date", "url", "source", "Body"]), st.text(max_size=8))
records = st.dictionaries(record_keys, st.one_of(json_values, any_text), max_size=7)


def check_result(result, origin: str) -> None:
    assert isinstance(result, (Document, Rejection))
    assert result.origin == origin
    if isinstance(result, Document):
        assert result.text and result.text == result.text.strip()
        assert "\n\n\n" not in result.text
        assert result.id == content_id(result.text, result.title)
        assert result.date is None or result.date[:4].isdigit()
    else:
        assert result.reason


@FAST
@given(any_text, st.booleans())
def test_document_from_text_never_raises(raw, english_only):
    check_result(document_from_text(raw, "t.txt", english_only=english_only), "t.txt")


@FAST
@given(html_like)
def test_document_from_html_never_raises(raw):
    check_result(document_from_html(raw, "p.html", english_only=False), "p.html")


@FAST
@given(records)
def test_document_from_record_never_raises(rec):
    check_result(document_from_record(rec, "r.jsonl:1", english_only=False), "r.jsonl:1")


@FAST
@given(st.one_of(json_values, any_text))
def test_normalise_date_never_raises(value):
    iso = normalise_date(value)
    assert iso is None or (len(iso) in (4, 7, 10) and iso[:4].isdigit())


@FAST
@given(st.binary(max_size=300))
def test_decode_bytes_gives_text_or_a_reason(data):
    decoded = decode_bytes(data)
    assert (decoded.text is None) == bool(decoded.problem)
