"""Clauses that report no act of their subject (coding/non_events.py, data/non_events.tsv):
deaths with no attacker, harm done to oneself, acts prevented, and statements that only tell
of a death. Every sentence here is invented."""

from __future__ import annotations

import pytest
from conftest import coded_events


@pytest.fixture(scope="module")
def parse():
    from eventscope.analyze import load_nlp

    nlp = load_nlp()
    return lambda text: nlp(text)


def _verb(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("text, verb", [
    ("The old senator passed away in Lima on Sunday.", "passed"),
    ("Two clerks died in a fire at the depot.", "died"),
    ("The reporter was found dead in his flat.", "found"),
])
def test_a_death_of_the_subject_is_recognised(parse, text, verb):
    from eventscope.coding.non_events import reports_a_death

    assert reports_a_death(_verb(parse(text), verb))


@pytest.mark.parametrize("text, verb", [
    ("Soldiers shot dead two farmers near the border.", "shot"),
    ("Rebels killed two clerks at the depot.", "killed"),
])
def test_an_attack_that_kills_is_no_death_of_its_subject(parse, text, verb):
    from eventscope.coding.non_events import reports_a_death, self_inflicted

    token = _verb(parse(text), verb)
    assert not reports_a_death(token) and not self_inflicted(token)


@pytest.mark.parametrize("text, verb, expected", [
    ("The guard shot himself in the barracks.", "shot", True),
    ("The gunman killed himself and four guards.", "killed", False),
    ("A bomber blew himself up outside the mission.", "blew", False),
    ("The militants launched suicide attacks on the base.", "launched", False),
])
def test_harm_done_to_oneself(parse, text, verb, expected):
    from eventscope.coding.non_events import self_inflicted

    assert self_inflicted(_verb(parse(text), verb)) is expected


def test_a_statement_that_only_tells_of_a_death(parse):
    from eventscope.coding.non_events import tells_only_a_death

    assert tells_only_a_death(_verb(parse("Police said the banker had hanged himself."), "said"))
    assert not tells_only_a_death(_verb(parse("Police said soldiers had shot two farmers."), "said"))


def test_a_suicide_is_no_event(code_text):
    events = coded_events(code_text, "A jailed Peruvian union leader committed suicide hours after his arrest.")
    assert events == [], events


def test_shooting_oneself_is_no_attack(code_text):
    events = coded_events(code_text, "The American soldier shot himself in the head at Fort Hood, the army said.")
    assert not any(plover == "ASSAULT" for _, plover, _, _ in events), events


def test_a_statement_that_only_reports_a_death_is_no_event(code_text):
    text = "The former Bolivian mining minister died in his cell on Sunday, a prison spokesman said."
    assert coded_events(code_text, text) == []


def test_the_dead_of_an_attack_are_its_targets_not_its_doers(code_text):
    events = code_text("Two Greek bank workers died in a petrol bomb attack in Athens on Tuesday.").events
    attacks = [e for e in events if e.plover == "ASSAULT"]
    assert attacks, events
    assert all("workers" not in a.name for e in attacks for a in e.source), attacks
    assert any("workers" in a.name for e in attacks for a in e.target), attacks


def test_an_attack_foiled_is_no_attack_by_the_one_who_foiled_it(code_text):
    events = coded_events(code_text, "The Indian navy foils a pirate attack in the Gulf of Aden")
    assert not any(plover == "ASSAULT" and "IND" in src for _, plover, src, _ in events), events


def test_a_place_said_to_be_calm_does_no_act(code_text):
    # the class5 model reads the riots and the killing; "Lima was calm" is no one's act
    text = "Lima was calm on Sunday after five days of the worst riots Peru has seen, sparked by the police killing of a student."
    events = coded_events(code_text, text)
    assert not any(src == ("PER",) and plover == "ASSAULT" for _, plover, src, _ in events), events


def test_what_a_copula_says_can_still_be_an_act(parse):
    from eventscope.coding.classify.lexicon_index import default_index
    from eventscope.coding.non_events import idle_copula

    index = default_index()
    assert idle_copula(_verb(parse("The capital was calm on Sunday."), "was"), False, index)
    assert not idle_copula(_verb(parse("The cartel has been responsible for mass killings."), "been"), False, index)
    assert not idle_copula(_verb(parse("Chile is ready to send troops."), "is"), True, index)


def test_seeking_shelter_is_no_appeal_but_asking_for_it_is(lexicon_text):
    sheltering = "Hundreds of Congolese families sought shelter in a church in Goma after the fighting."
    assert not any(e.plover == "REQUEST" for e in lexicon_text(sheltering).events)
    asking = "The Kenyan government asked donors for food and shelter."
    assert any(e.cameo == "023" for e in lexicon_text(asking).events)


def test_a_known_non_event_beats_an_equally_specific_pattern():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lexicon = default_lexicon()
    assert lexicon.match(["seek"], {"shelter"}) is None  # "seek @AID" 023 names shelter too
    assert lexicon.match(["seek"], {"aid"}).cameo == "023"


@pytest.mark.parametrize("text", [
    "Mutineers in Gabon have seized the president, cutting short an unfinished count in Central Africa's third coup in a year.",
    "The Malian junta cut short the peace talks with the northern rebels.",
])
def test_cutting_something_short_is_no_cut_in_relations(code_text, text):
    # "short" read as the verb's particle or as its complement: the idiom, not CAMEO 16
    events = coded_events(code_text, text)
    assert not any(cameo.startswith("16") for cameo, _, _, _ in events), events
