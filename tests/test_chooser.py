"""tools/encoder_chooser.py: the encoder choosing among the lexicon's readings of a clause (our own
invented sentences and a small lexicon of our own; a fixed judgement, no model needed)."""

from __future__ import annotations

import pytest

from eventscope.coding.encoder import Judgement
from eventscope.knowledge.verb_lexicon import Lexicon
from eventscope.models import Event, Evidence

from conftest import load_tool

chooser = load_tool("encoder_chooser")


@pytest.fixture(scope="module")
def nlp():
    from eventscope.analyze import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def lexicon():
    lex = Lexicon()
    lex.add_verb("hit", "-", "190")
    lex.add_verb("hit", "tariff|sanction", "163")
    lex.add_verb("hit", "talks", "040")
    return lex


def _event(lexicon, label, cameo, trigger="hit", rules=(), text=""):
    pattern = next(p for ps in lexicon.verbs.values() for p in ps if p.label == label)
    return Event(doc_id="d", sentence=0, span=(0, len(text)), source=[], target=[], cameo=cameo,
                 cameo_root=cameo[:2], goldstein=0.0, quad_class=4, plover=None, trigger=trigger,
                 evidence=(Evidence("pattern", f"pattern {pattern.label}", entry=pattern.label),
                           *(Evidence("rule", r) for r in rules)))


def _judgement(plover: dict, cameo: dict | None = None) -> Judgement:
    types = ["ASSAULT", "SANCTION", "CONSULT", "THREATEN", "REQUEST", "NONE"]
    roots = [f"{n:02d}" for n in range(1, 21)]
    return Judgement({"plover": {t: plover.get(t, 0.0) for t in types},
                      "cameo": {r: (cameo or {}).get(r, 0.0) for r in roots}})


TARIFFS = "Norland hit Estavia with new tariffs on steel."


def test_readings_are_the_verbs_patterns_that_fit_its_objects_own_code_first(nlp, lexicon):
    event = _event(lexicon, "hit tariff|sanction -> 163", "163", text=TARIFFS)
    doc = nlp(TARIFFS)
    assert chooser.readings(event, doc, lexicon) == ["163", "190"]  # "hit talks" names no object here
    assert chooser.readings(event, doc, lexicon, wide=True) == ["163", "190", "040"]


def test_readings_pass_through_the_frame_that_made_the_events_code(nlp, lexicon):
    text = "Norland vowed to hit Estavia with tariffs."
    event = _event(lexicon, "hit tariff|sanction -> 163", "1312", trigger="vowed .. hit", rules=["frame intent"],
                   text=text)
    assert chooser.readings(event, nlp(text), lexicon) == ["1312", "138"]  # threats of sanctions, of force


def test_no_readings_when_a_later_rule_changed_the_code_or_no_pattern_made_it(nlp, lexicon):
    doc = nlp(TARIFFS)
    changed = _event(lexicon, "hit tariff|sanction -> 163", "150", text=TARIFFS)
    assert chooser.readings(changed, doc, lexicon) == []
    unpatterned = _event(lexicon, "hit - -> 190", "190", text=TARIFFS)
    unpatterned.evidence = (Evidence("model", "class5 model"),)
    assert chooser.readings(unpatterned, doc, lexicon) == []
    missing = _event(lexicon, "hit - -> 190", "190", trigger="bombed", text=TARIFFS)
    assert chooser.readings(missing, doc, lexicon) == []


def test_choose_switches_only_to_a_reading_likelier_by_the_margin(lexicon):
    event = _event(lexicon, "hit - -> 190", "190")
    codes = ["190", "163"]
    sure = _judgement({"SANCTION": 0.8, "ASSAULT": 0.1})
    assert chooser.choose(event, sure, codes) == "163"
    assert chooser.choose(event, sure, codes, margin=0.5) == "163"
    assert chooser.choose(event, sure, codes, margin=0.8) is None
    assert chooser.choose(event, _judgement({"SANCTION": 0.3, "ASSAULT": 0.6}), codes) is None
    assert chooser.choose(event, sure, ["190"]) is None  # one reading: nothing to choose
    # the CAMEO root head reads roots: "19" likelier than "16" keeps the event's code
    assert chooser.choose(event, _judgement({}, {"19": 0.6, "16": 0.3}), codes, head="cameo") is None
    assert chooser.choose(event, _judgement({}, {"19": 0.2, "16": 0.7}), codes, head="cameo") == "163"


def test_a_statement_becomes_the_act_the_encoder_reads_only_when_it_is_sure(lexicon):
    statement = _event(lexicon, "hit - -> 190", "010", trigger="said")
    assert chooser.said_act(statement, _judgement({"REQUEST": 0.9, "NONE": 0.05}), 0.8) == "100"
    assert chooser.said_act(statement, _judgement({"REQUEST": 0.6, "NONE": 0.3}), 0.8) is None
    act = _event(lexicon, "hit - -> 190", "190")
    assert chooser.said_act(act, _judgement({"REQUEST": 0.9}), 0.8) is None  # only statements


def test_of_rival_readings_of_one_dyad_in_one_sentence_the_likeliest_type_stays(lexicon):
    from eventscope.models import Actor

    def act(plover, target="EST", sentence=0):
        e = _event(lexicon, "hit - -> 190", "190")
        e.plover, e.sentence = plover, sentence
        e.source, e.target = [Actor("Norland", country="NRL")], [Actor(target, country=target)]
        return e

    events = [act("ASSAULT"), act("SANCTION"), act("CONSULT", target="BEL"), act("ASSAULT", sentence=1)]
    reads = _judgement({"SANCTION": 0.7, "ASSAULT": 0.2, "CONSULT": 0.1})
    judged = {k: reads for k in range(4)}
    assert chooser.rival_losers(events, judged) == {0}  # other dyad, other sentence: no rivals
    assert chooser.rival_losers(events, judged, margin=0.6) == set()
    assert chooser.rival_losers(events, {1: reads, 2: reads}) == set()  # an unread event is no rival
