"""The two seed articles (bundled in examples/) code to the events a careful reader lists."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES


@pytest.fixture(scope="module")
def seed_events(processor):
    from eventscope.ingest import iter_inputs
    from eventscope.models import Document

    docs = [d for d in iter_inputs([EXAMPLES]) if isinstance(d, Document)]
    assert len(docs) >= 2
    events = []
    for result in processor.process(docs):
        events.extend(result.events)
    return events


def _has(events, plover, src, tgt=None, cameo_prefix=None):
    for e in events:
        if e.plover != plover:
            continue
        if cameo_prefix and not e.cameo.startswith(cameo_prefix):
            continue
        if src not in {a.country for a in e.source}:
            continue
        if tgt and tgt not in {a.country for a in e.target}:
            continue
        return e
    return None


def test_defence_ministers_meeting_is_consult(seed_events):
    e = _has(seed_events, "CONSULT", "RUS", "IRN") or _has(seed_events, "CONSULT", "IRN", "RUS")
    assert e is not None, [ (x.cameo, x.trigger) for x in seed_events]


def test_us_threatens_russia_with_sanctions(seed_events):
    e = _has(seed_events, "THREATEN", "USA", "RUS")
    assert e is not None
    assert e.cameo.startswith("13")


def test_iran_condemns_attacks(seed_events):
    assert _has(seed_events, "ACCUSE", "IRN") is not None


def test_iran_provides_arms_to_northern_alliance(seed_events):
    e = _has(seed_events, "AID", "IRN", cameo_prefix="07")
    assert e is not None
    assert e.cameo == "072"  # military aid
    assert any("Alliance" in a.name or "Alliance" in a.text for a in e.target)


def test_negated_arms_sales_not_coded(seed_events):
    for e in seed_events:
        assert "neither side" not in e.evidence
    # no arms sale / military cooperation coded from the negated sentence (sentence 1 of the first seed)
    sale_sentences = [e for e in seed_events if e.cameo in {"061", "062"} and e.trigger == "announced"]
    assert sale_sentences == []


def test_every_event_has_provenance(seed_events):
    for e in seed_events:
        assert e.doc_id and e.sentence >= 0
        assert 0 <= e.span[0] < e.span[1]
        assert 0 < e.confidence <= 1
        assert e.evidence
