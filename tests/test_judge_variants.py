"""tools/judge_variants.py replays the chooser variants as the pipeline would code (invented
story, a fixed encoder: no model or runtime needed)."""

from __future__ import annotations

import pytest

from conftest import load_tool
from eventscope.coding import encoder as E
from eventscope.coding import judge
from eventscope.models import Document

tune = load_tool("tune_judge")
variants = load_tool("judge_variants")

TEXT = ("Kenyan troops shelled rebel positions near the Ugandan border on Monday. "
        "Kenya's foreign minister said Uganda had broken its promises. "
        "Kenya refused to send food aid to Uganda, officials said.")


class _Consults:
    """Reads every clause as a consultation, sure of it, and as not done."""

    name = "consults@1"

    def predict(self, items):
        one = {"class5": {"0": 0.02, "1": 0.9, "2": 0.04, "3": 0.02, "4": 0.02},
               "cameo": {f"{n:02d}": (0.81 if n == 4 else 0.01) for n in range(1, 21)},
               "plover": {"CONSULT": 0.95, "NONE": 0.05}, "mode": {"CONSULT/": 1.0},
               "modality": {"done": 0.1, "negated": 0.9}}
        return [E.Judgement(one) for _ in items]


@pytest.fixture(scope="module")
def story():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    document = Document(id="story", text=TEXT, title="Kenya and Uganda trade blows", date="2021-09-15")
    article, = tune.collect([({"id": "story"}, document)], lambda record: _Consults())
    variants.with_readings([article], default_lexicon())
    return article


def test_off_shipped_and_veto_replay_as_tune_judge_does(story):
    assert variants.replay(story, None, []) == tune.replay(story, None)
    assert variants.replay(story, variants.SHIPPED, []) == tune.replay(story, judge.JudgeSettings())
    vetoed, held = [], []
    mine = variants.replay(story, ("veto", 0.5), vetoed)
    theirs = tune.replay(story, judge.JudgeSettings(veto=0.5), held)
    bare = lambda events: [{k: v for k, v in e.items() if k != "evidence"} for e in events]  # noqa: E731
    assert bare(mine) == bare(theirs) and len(mine) < len(tune.replay(story, None))  # the veto drops acts
    assert bare(vetoed) == bare(held) and vetoed  # (the judge also writes its readings into kept events' evidence)


def test_a_sure_reading_makes_the_statement_the_act_and_leaves_the_acts_alone(story):
    statements = lambda events: [e for e in events if e.cameo.startswith("01")]  # noqa: E731
    assert statements(story.events)  # "the foreign minister said": a statement the encoder reads
    said, _ = variants.chosen_events(story, ("said", 0.9))
    assert not statements(said) and len(said) == len(story.events)
    assert [e.cameo for e in said if e.cameo[:2] != "04"] == [e.cameo for e in story.events if e.cameo[:2] not in ("01", "04")]
    unsure, _ = variants.chosen_events(story, ("said", 0.99))  # not that sure: nothing changes
    assert [e.cameo for e in unsure] == [e.cameo for e in story.events]


def test_variants_that_only_read_filed_events_or_rivals_lose_no_event_before_filing(story):
    for variant in (("said-filed", 0.5), ("rivals", 1.0)):
        kept, held = variants.chosen_events(story, variant)
        assert [e.cameo for e in kept] == [e.cameo for e in story.events] and held == []


class _Assault(_Consults):
    """Reads every clause as an assault, done; unsure of its class (no recode by the judge)."""

    def predict(self, items):
        one = {"class5": {"0": 0.1, "1": 0.1, "2": 0.1, "3": 0.1, "4": 0.6},
               "cameo": {f"{n:02d}": (0.81 if n == 19 else 0.01) for n in range(1, 21)},
               "plover": {"ASSAULT": 0.9, "AGREE": 0.05, "NONE": 0.05}, "mode": {"ASSAULT/": 1.0},
               "modality": {"done": 0.9, "negated": 0.1}}
        return [E.Judgement(one) for _ in items]


def test_the_system_cv_wrapper_lets_the_encoder_choose_among_a_sentence_sets_readings(monkeypatch):
    from eventscope.pipeline import Processor, pipeline_config

    encoder = _Assault()
    monkeypatch.setattr(E.EventEncoder, "load", classmethod(lambda cls, directory=None, threads=1: encoder))
    monkeypatch.setattr(E, "require_runtime", lambda: None)
    monkeypatch.setattr(judge, "revise", judge.revise)  # restored after the test
    sentence_set = [Document(id="set", text="Kenya struck a trade deal with Uganda.")]
    codes = lambda: [e.cameo for r in Processor(config=pipeline_config(encoder=True)).process(sentence_set)  # noqa: E731
                     for e in r.events]
    assert codes() == ["057"]  # the judge alone: unsure of the class, it keeps the lexicon's reading
    load_tool("chooser_system_cv").wrap(0.0, "plover")
    assert codes() == ["190"]  # "strike" (190) is the other reading that fits; the encoder reads an assault
