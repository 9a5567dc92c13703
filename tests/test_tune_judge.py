"""tools/tune_judge.py replays the judge exactly as the pipeline codes (invented story, a
fixed encoder: no model or runtime needed)."""

from __future__ import annotations

import pytest

from conftest import load_tool
from eventscope.coding import encoder as E
from eventscope.coding import judge
from eventscope.models import Document

tune = load_tool("tune_judge")

TEXT = ("Kenyan troops shelled rebel positions near the Ugandan border on Monday. "
        "Uganda's president met Kenya's foreign minister in Kampala on Tuesday. "
        "Kenya refused to send food aid to Uganda, officials said.")


class _NotDone:
    """Reads every clause as a consultation not done (so the veto and recode both act)."""

    name = "not-done@1"

    def predict(self, items):
        one = {"class5": {"0": 0.02, "1": 0.9, "2": 0.04, "3": 0.02, "4": 0.02},
               "cameo": {f"{n:02d}": (0.81 if n == 4 else 0.01) for n in range(1, 21)},
               "plover": {"CONSULT": 0.9, "NONE": 0.1}, "mode": {"CONSULT/": 1.0},
               "modality": {"done": 0.1, "negated": 0.9}}
        return [E.Judgement(one) for _ in items]


@pytest.fixture
def fixed(monkeypatch):
    encoder = _NotDone()
    monkeypatch.setattr(E.EventEncoder, "load", classmethod(lambda cls, directory=None, threads=1: encoder))
    monkeypatch.setattr(E, "require_runtime", lambda: None)
    return encoder


DOCUMENTS = [Document(id="story", text=TEXT, title="Kenya and Uganda trade blows", date="2021-09-15"),
             Document(id="set", text="Kenyan troops shelled rebel positions near the Ugandan border.")]


def _coded(config):
    from eventscope.evaluation.realnews import contract_with_mentions
    from eventscope.pipeline import Processor

    return [[contract_with_mentions(e) for e in result.events] for result in Processor(config=config).process(DOCUMENTS)]


def test_the_replay_codes_what_the_pipeline_codes_with_the_encoder_on_and_off(fixed):
    from eventscope.pipeline import pipeline_config

    on, off = _coded(pipeline_config(encoder=True)), _coded(pipeline_config())
    assert on[1] != off[1]  # the fixed reading changes the sentence set, so the comparison means something
    story, sentence_set = tune.collect([({"id": d.id}, d) for d in DOCUMENTS], lambda record: fixed)
    assert story.judged and all(k < len(story.events) for k in story.judged) and story.settled is None
    assert sentence_set.settled is not None  # a sentence set is judged as by default (recoded, not vetoed)
    for k, article in enumerate((story, sentence_set)):
        assert tune.replay(article, judge.JudgeSettings()) == on[k]
        assert tune.replay(article, None) == off[k]
    vetoed = tune.replay(story, judge.JudgeSettings(veto=0.5))
    assert len(vetoed) < len(off[0])  # the veto drops the acts read as not done
    article = story
    recoded = tune.replay(article, judge.JudgeSettings(story_recode=0.5))
    consultations = lambda events: sum(e["cameo"].startswith("04") for e in events)  # noqa: E731
    assert consultations(recoded) > consultations(off[0])  # the shelling reads as a consultation


def test_settings_of_the_grid():
    settings = tune.settings_of(None, 0.9, frozenset({(1, 3)}))
    assert settings.veto is None and settings.story_recode == 0.9 and settings.recode_pairs == {(1, 3)}
    assert "veto none" in tune.describe(settings) and "(1, 3)" in tune.describe(settings)
    assert tune.fold_of({"id": "x", "origin": "a/b.json"}, 4) == tune.fold_of({"id": "y", "origin": "a/b.json"}, 4)


def test_the_replay_hands_vetoed_acts_to_the_scorer_as_withheld(fixed):
    story, _ = tune.collect([({"id": d.id}, d) for d in DOCUMENTS], lambda record: fixed)
    withheld = []
    kept = tune.replay(story, judge.JudgeSettings(veto=0.5), withheld)
    reasons = [w["withheld"] for w in withheld]
    assert reasons and all(r and r.startswith("not-done@1 reads it negated") for r in reasons)
    assert len(kept) + len(reasons) == len(tune.replay(story, None))  # nothing lost, nothing twice
