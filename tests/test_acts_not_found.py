"""Acts the coder did not find at all (issue 16, recall): verbs and phrases the lexicon
lacked, event nouns whose doer the sentence names elsewhere. Every sentence here is
invented for the test."""

from __future__ import annotations

import pytest


def _codes(result) -> list[tuple[str, tuple, tuple]]:
    return [(e.cameo, tuple(a.country for a in e.source), tuple(a.country for a in e.target))
            for e in result.events]


@pytest.mark.parametrize("text", [
    "Kenya suspended its sanctions on Uganda on Monday.",
    "Kenya dropped the tariffs on Ugandan sugar on Monday.",
    "Kenya cut its tariffs on Ugandan sugar on Monday.",
])
def test_sanctions_suspended_dropped_or_cut_are_eased(lexicon_text, text):
    assert ("085", ("KEN",), ("UGA",)) in _codes(lexicon_text(text)), _codes(lexicon_text(text))


def test_a_refusal_to_roll_back_sanctions_is_a_refusal_to_ease_them(lexicon_text):
    codes = _codes(lexicon_text("Kenya refused to roll back the tariffs on Ugandan sugar."))
    assert ("1244", ("KEN",), ("UGA",)) in codes, codes


def test_an_event_noun_a_mis_lemmatised_verb_codes_is_no_act_of_its_possessive(code_text):
    # the tagger's lemma of "staged" is "stag": the verb still codes the protest (the
    # lexicon's own lemma), so the noun is its object, not a second act done by "Nairobi's"
    events = code_text("Kenyan teachers staged Nairobi's largest protests in years.").events
    assert [e.trigger for e in events] == ["staged"], [(e.trigger, e.cameo) for e in events]


@pytest.mark.parametrize("text", [
    "Kenya will respond to Uganda's attack on its troops.",
    "The minister urged lawmakers not to lose sight of Uganda's attack on Kenyan troops.",
])
def test_a_definite_event_noun_behind_a_preposition_is_done_whatever_its_clause_says(code_text, text):
    events = [e for e in code_text(text).events if e.trigger == "attack"]
    assert [(e.cameo[:2], [a.country for a in e.source]) for e in events] == [("19", ["UGA"])], events


def test_an_event_noun_a_frame_verb_governs_stays_not_done(code_text):
    # "hopes for": the talks are hoped for, whatever the preposition
    assert not code_text("Kenya hopes for the talks with Uganda.").events


def test_the_backer_of_a_violent_act_gives_its_doer_military_aid(code_text):
    # "Kenyan-backed": Kenya backs the offensive; the doer is implied (the story's country),
    # and Kenya is not read as the attacker
    codes = _codes(code_text("Uganda's army shelled Gulu on Monday. "
                             "A Kenyan-backed offensive against the rebels began in June."))
    assert ("072", ("KEN",), ("UGA",)) in codes, codes
    assert not [c for c in codes if c[0][:2] in {"18", "19", "20"} and c[1] == ("KEN",)], codes


def test_backing_talks_is_no_military_aid(code_text):
    codes = _codes(code_text("The Kenyan-backed talks between Uganda and Tanzania ended on Friday."))
    assert not [c for c in codes if c[0].startswith("07")], codes


def test_world_leaders_are_heads_of_state_of_no_one_country(code_text):
    # "world leaders" act (they condemn, they meet) but take no country, never the story's
    codes = _codes(code_text("Kenya's army shelled Gulu on Monday. World leaders condemned Uganda on Tuesday."))
    assert ("111", (None,), ("UGA",)) in codes, codes


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister arrived in Kampala on Tuesday.",
    "Kenyan President Mwai Otieno arrived in Uganda on Monday for a two-day stay.",
])
def test_arriving_in_a_foreign_place_is_a_visit_to_its_country(code_text, text):
    assert ("042", ("KEN",), ("UGA",)) in _codes(code_text(text)), _codes(code_text(text))


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister arrived in Nairobi on Tuesday.",  # home: no one visited
    "The Kenyan foreign minister arrived at the airport on Tuesday.",  # a building names no host
])
def test_arriving_at_home_or_at_a_building_visits_no_one(code_text, text):
    assert not [c for c in _codes(code_text(text)) if c[0].startswith("04")], _codes(code_text(text))


@pytest.mark.parametrize("text, code", [
    ("Kenya's president had a phone call with his Ugandan counterpart on Monday.", "041"),
    ("Kenya's president had a long conversation with Uganda's president on Monday.", "040"),
])
def test_having_a_call_or_a_conversation_with_someone_is_consulting_them(lexicon_text, text, code):
    assert (code, ("KEN",), ("UGA",)) in _codes(lexicon_text(text)), _codes(lexicon_text(text))


@pytest.mark.parametrize("text", [
    "Kenyan police arrested two Ugandan men over the killing of two American missionaries.",
    "A Kenyan court issued arrest warrants for two Ugandan men sought in the killing of two American missionaries.",
    "Two Ugandan men are under arrest for the murder of two American missionaries.",
])
def test_whom_police_hold_for_a_killing_did_it(code_text, text):
    codes = _codes(code_text(text))
    assert [c for c in codes if c[0][:2] == "19" and c[1] == ("UGA",) and c[2] == ("USA",)], codes


@pytest.mark.parametrize("text", [
    "A suspected Ugandan gang boss was arrested in a police raid in Kampala.",  # where, not what for
    "Two Ugandan men were charged with the attempted murder of two American missionaries.",  # not done
])
def test_an_arrest_in_a_raid_or_for_an_attempt_gives_no_doer(code_text, text):
    codes = _codes(code_text(text))
    assert not [c for c in codes if c[0][:2] in {"18", "19"} and c[1] == ("UGA",)], codes


def test_discussing_a_question_with_someone_is_consulting_them(code_text):
    # the parser hangs "with his Ugandan counterpart" on the question's passive verb; the
    # question's own act (taking measures) is not done, the discussion is
    codes = _codes(code_text("The Kenyan minister discussed what further measures could be taken "
                             "with his Ugandan counterpart."))
    assert ("040", ("KEN",), ("UGA",)) in codes, codes
    assert not [c for c in codes if not c[0].startswith("04")], codes


def test_the_partner_of_an_active_verb_in_the_question_was_not_consulted(code_text):
    codes = _codes(code_text("The Kenyan minister discussed how Kenya could cooperate with Uganda."))
    assert not [c for c in codes if c[0].startswith("04") and c[2] == ("UGA",)], codes
