"""tools/second_types.py adds the encoder's top PLOVER type as a second event on the same
actors, only when it differs from the coded type and is probable enough (invented story, a
fixed encoder: no model or runtime needed)."""

from __future__ import annotations

import pytest

from conftest import load_tool
from eventscope.coding import encoder as E
from eventscope.models import Document

tune = load_tool("tune_judge")
second = load_tool("second_types")

TEXT = ("Kenyan troops shelled rebel positions near the Ugandan border on Monday. "
        "Uganda's president met Kenya's foreign minister in Kampala on Tuesday.")


class _Reads:
    """Reads every clause as a threat with probability `p` (statements are never proposed)."""

    name = "threat@1"

    def __init__(self, p: float):
        self.p = p

    def predict(self, items):
        one = {"class5": {"0": 0.0, "1": 0.0, "2": 0.0, "3": 1.0, "4": 0.0},
               "cameo": {f"{n:02d}": (0.5 if n == 13 else 0.4 if n == 1 else 0.1 / 18) for n in range(1, 21)},
               "plover": {"THREATEN": self.p, "CONSULT": 1 - self.p, "NONE": 0.0}, "mode": {"THREATEN/": 1.0},
               "modality": {"done": 1.0}}
        return [E.Judgement(one) for _ in items]


@pytest.fixture
def story(monkeypatch):
    encoder = _Reads(0.7)
    monkeypatch.setattr(E.EventEncoder, "load", classmethod(lambda cls, directory=None, threads=1: encoder))
    monkeypatch.setattr(E, "require_runtime", lambda: None)
    document = Document(id="story", text=TEXT, title="Kenya and Uganda trade blows", date="2021-09-15")
    [article] = tune.collect([({"id": "story"}, document)], lambda record: encoder)
    return article


def test_a_second_type_joins_only_above_the_threshold_and_never_the_coded_type(story):
    coded = [e for e in story.events]
    assert coded and story.judged
    added = second.proposed(story, story.judged, 0.6, dyad_only=False)[len(coded):]
    judged = [coded[k] for k in story.judged if coded[k].plover != "THREATEN"]
    assert len(added) == len(judged) and all(e.plover == "THREATEN" and e.cameo_root == "13" for e in added)
    assert [(e.source, e.target) for e in added] == [(e.source, e.target) for e in judged]
    assert second.proposed(story, story.judged, 0.8, dyad_only=False)[len(coded):] == []


def test_the_root_of_a_type_is_never_a_statement():
    judgement = _Reads(0.9).predict([None])[0]
    assert second.root_of_type(judgement, "THREATEN") == "13"
    assert second.root_of_type(judgement, "MOBILIZE") in {"15"}
