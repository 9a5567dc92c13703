"""What a frame verb makes of the act it governs (issue 16/21, types on the right dyad and
modality): a cooperative act sought is an intent (PETRARCH2's SEEK/STRIVE [030]); a wish,
aim or plan narrated of its doer is no stated intent and codes nothing. Every sentence here
is invented."""

from __future__ import annotations

import pytest

from conftest import coded_events
from eventscope.coding.frames import apply_frame
from eventscope.knowledge.verb_lexicon import default_lexicon


@pytest.mark.parametrize("verb", ["seek", "strive", "endeavour"])
def test_seeking_is_the_pursue_frame(verb):
    assert default_lexicon().frames[verb] == "pursue"


def test_a_cooperative_act_sought_is_an_intent_a_hostile_one_is_tried():
    assert apply_frame("pursue", "050") == "032"  # "sought to deepen ties": intent to cooperate
    assert apply_frame("pursue", "040") == "036"  # "sought to meet": intent to meet
    assert apply_frame("pursue", "0841") == "0353"  # "sought to free hostages"
    assert apply_frame("pursue", "190") == "190"  # "sought to storm the base": the attack, tried
    assert apply_frame("pursue", "020") == "020"  # "sought to persuade": the appeal itself


@pytest.mark.parametrize("text", [
    "Kenya and Uganda are seeking to deepen their partnership in energy.",
    "Kenya is striving to improve its relations with Uganda.",
])
def test_seeking_cooperation_is_an_intent_to_cooperate(lexicon_text, text):
    plovers = [plover for _, plover, _, _ in coded_events(lexicon_text, text)]
    assert "AGREE" in plovers, plovers
    assert "SUPPORT" not in plovers, plovers


def test_seeking_to_meet_is_no_meeting(lexicon_text):
    events = coded_events(lexicon_text, "The Kenyan president sought to meet Ugandan officials in Kampala.")
    assert not any(plover == "CONSULT" for _, plover, _, _ in events), events


@pytest.mark.parametrize("text", [
    "The Ugandan army wanted to raid a rebel camp in Kenya.",
    "Kenya wants to buy more Ugandan sugar.",
    "Uganda hopes to reject the Kenyan proposal.",
    "Kenya intends to expel Ugandan diplomats.",
])
def test_a_wish_or_plan_narrated_codes_nothing(lexicon_text, text):
    # no THREATEN from "wanted to raid" (PLOVER threats are said), no AGREE from "wants to buy"
    assert coded_events(lexicon_text, text) == []


def test_a_wish_that_another_act_is_still_an_appeal(lexicon_text):
    events = coded_events(lexicon_text, "Kenya wants Uganda to extradite the suspect.")
    assert any(plover == "REQUEST" and src == ("KEN",) for _, plover, src, _ in events), events


def test_a_plan_stated_by_its_doer_is_still_an_intent(lexicon_text):
    # the future tense said by the doer remains an intent (frame_codes.tsv `intent`)
    events = coded_events(lexicon_text, "Kenya said it will send food aid to Uganda.")
    assert any(plover == "AGREE" for _, plover, _, _ in events), events


@pytest.mark.parametrize("text", [
    "Kenya said it plans to send food aid to Uganda.",
    "Kenya announced its intention to send food aid to Uganda.",
])
def test_a_plan_said_by_its_doer_is_an_intent(lexicon_text, text):
    events = coded_events(lexicon_text, text)
    assert any(plover == "AGREE" and src == ("KEN",) for _, plover, src, _ in events), events


@pytest.mark.parametrize("text", [
    "Kenya's plan to send food aid to Uganda angered Tanzania.",
    "Both sides are going to want to improve ties with Uganda, Kenyan analyst John Kamau said.",
])
def test_a_plan_narrated_or_forecast_by_another_is_no_act(lexicon_text, text):
    # the plan noun voids its act: "send" is not coded as aid sent
    events = coded_events(lexicon_text, text)
    assert not any(plover in {"AID", "AGREE", "SUPPORT"} for _, plover, _, _ in events), events


def test_seeking_cooperation_forecast_by_another_is_withheld(lexicon_text):
    result = lexicon_text("Analysts say Kenya will seek to improve ties with Uganda.")
    assert not any(e.plover == "AGREE" for e in result.events), result.events
    assert any(e.plover == "AGREE" for e in result.withheld), result.withheld
