"""Types that depend on who acts or on what the verb acts upon (issue 16/21, types on the
right dyad): a law-enforcement raid is COERCE (PLOVER COERCE/seize), menacing a ship is no
verbal threat, blocking a measure rejects it, and the sentence model does not recode an act
to the class of a clause the lexicon knows codes nothing. Every sentence here is invented."""

from __future__ import annotations

import pytest

from conftest import coded_events


@pytest.mark.parametrize("text", [
    "Kenyan police raided the offices of an opposition newspaper in Nairobi.",
    "Kenyan police stormed the offices of an opposition newspaper in Nairobi.",
    "Two men were detained in a Kenyan police raid on a warehouse in Nairobi.",
])
def test_a_police_raid_is_coercion_not_assault(lexicon_text, text):
    events = coded_events(lexicon_text, text)
    assert any(cameo == "171" and plover == "COERCE" for cameo, plover, _, _ in events), events
    assert not any(plover == "ASSAULT" for _, plover, _, _ in events), events


def test_a_military_raid_stays_an_assault(lexicon_text):
    events = coded_events(lexicon_text, "Kenyan troops raided a militant camp in Somalia.")
    assert any(plover == "ASSAULT" for _, plover, _, _ in events), events


@pytest.mark.parametrize("text", [
    "Somali pirates threatened a Kenyan merchant vessel off Mombasa.",
    "Dozens of Kenyan villages are threatened with famine after the drought.",
])
def test_menacing_a_ship_or_a_danger_is_no_threat(lexicon_text, text):
    events = coded_events(lexicon_text, text)
    assert not any(plover == "THREATEN" for _, plover, _, _ in events), events


def test_threats_said_stay_threats(lexicon_text):
    assert any(p == "THREATEN" for _, p, _, _ in coded_events(lexicon_text, "Kenya threatened Uganda with sanctions."))
    assert any(p == "THREATEN" for _, p, _, _ in coded_events(
        lexicon_text, "Somali pirates threatened to seize a Kenyan merchant vessel."))


def test_blocking_a_measure_rejects_it_and_blocking_a_road_is_a_protest(lexicon_text):
    deal = coded_events(lexicon_text, "Kenyan lawmakers blocked the trade deal with Uganda.")
    assert any(plover == "REJECT" for _, plover, _, _ in deal), deal
    bill = coded_events(lexicon_text, "Ugandan senators blocked a bill on Kenyan imports.")
    assert any(plover == "REJECT" for _, plover, _, _ in bill) and not any(
        plover == "PROTEST" for _, plover, _, _ in bill), bill
    road = coded_events(lexicon_text, "Ugandan protesters blocked the road to the airport.")
    assert any(plover == "PROTEST" for _, plover, _, _ in road), road


def test_the_sentence_model_reads_no_threat_from_a_ruled_out_clause(code_text):
    # without the guard the class5 model recodes the capture to the class of "threatened"
    events = coded_events(code_text, "The Kenyan navy has captured 12 Somali pirates who threatened a merchant vessel off Lamu.")
    assert not any(plover == "THREATEN" for _, plover, _, _ in events), events
    assert any(plover == "COERCE" and src == ("KEN",) for _, plover, src, _ in events), events
