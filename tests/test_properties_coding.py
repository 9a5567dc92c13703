"""Property tests: the coding entry points never crash, whatever text or record they get,
and what they return keeps its contract (offsets inside the text, known codes, one output
record per input record, in order)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscope.models import Document, content_id
from eventscope.code_contract import code_records

# Every example runs the spaCy parser: keep the counts modest.
FEW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

_pieces = st.sampled_from([
    "Russia", "Iran", "the United States", "Russian Defense Minister Igor Sergeyev", "rebels",
    "police", "NATO", "the UN", " attacked ", " met ", " said ", " threatened to impose sanctions on ",
    " signed an agreement with ", " did not ", " will ", " on Monday", " in Tehran", " last week",
    "October 2, 2001", ".", ",", "\"", "'", "(", ")", "\n", "\n\n", " ", "-", "\u2014", "?", "!",
    "\u00e9", "\u4e2d\u6587", "\U0001f600", "\x00", "\t", "U.S.", "Mr.", "123", "%",
])
sentence_like = st.lists(st.one_of(_pieces, st.text(max_size=12)), min_size=1, max_size=40).map("".join)
# Document.date as ingest produces it: None or ISO at day, month or year precision (1800-2200).
_days = st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))
dates = st.one_of(st.none(), _days.map(date.isoformat), _days.map(lambda d: d.isoformat()[:7]),
                  _days.map(lambda d: d.isoformat()[:4]))


def check_contract(text: str, events: list) -> None:
    for e in events:
        assert 0 <= e.span[0] <= e.span[1] <= len(text)
        assert e.cameo and e.cameo[:2] == e.cameo_root[:2]
        assert e.quad_class in (0, 1, 2, 3, 4)
        assert -10.0 <= e.goldstein <= 10.0
        assert 0.0 <= e.confidence <= 1.0
        for actor in e.source + e.target:
            assert actor.name


@FEW
@given(text=sentence_like, when=dates, title=st.one_of(st.none(), sentence_like))
def test_coder_never_crashes_and_keeps_offsets_inside_the_text(processor, text, when, title):
    if not text.strip():
        return  # ingest never hands the coder an empty document
    document = Document(id=content_id(text, title), text=text, title=title, date=when, origin="prop")
    [result] = list(processor.process([document]))
    assert result.document is document
    check_contract(text, result.events)
    for s in result.sentences:
        assert 0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == s.text


_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), sentence_like,
                    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
records = st.lists(st.fixed_dictionaries({"id": _values}, optional={
    "text": st.one_of(sentence_like, _values), "title": _values, "date": _values}), max_size=3)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(records)
def test_code_records_gives_one_output_per_record_in_order(processor, recs):
    out = list(code_records(recs))
    assert [o["id"] for o in out] == [str(r.get("id", "")) for r in recs]
    for o in out:
        assert isinstance(o["events"], list)
        for e in o["events"]:
            assert set(e) >= {"source", "target", "cameo", "plover", "sentence", "span"}
