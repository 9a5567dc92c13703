"""Acts the text reports without naming who did them: an attack noun as the subject of a
violent verb ("a bomb explosion killed two"). Every sentence here is invented."""

from __future__ import annotations

from conftest import coded_events


def test_an_attack_noun_subject_keeps_the_attack_with_no_doer(lexicon_text):
    events = coded_events(lexicon_text, "A car bomb explosion outside the ministry wounded three police officers.")
    assert any(plover == "ASSAULT" and src == () and tgt for _, plover, src, tgt in events), events


def test_an_attack_noun_with_a_country_modifier_names_the_doer(lexicon_text):
    events = coded_events(lexicon_text, "Bolivian air strikes killed twelve fighters near the Chilean border on Monday.")
    assert any(plover == "ASSAULT" and src == ("BOL",) and tgt for _, plover, src, tgt in events), events


def test_shelling_that_wounded_soldiers_is_kept_with_its_victims(lexicon_text):
    events = coded_events(lexicon_text, "The shelling of the outpost wounded two Peruvian soldiers.")
    assert any(plover == "ASSAULT" and src == () and tgt == ("PER",) for _, plover, src, tgt in events), events


def test_other_subjects_without_a_doer_still_code_nothing(lexicon_text):
    # a disaster is no attack noun; a meeting does not kill; talks do not "attack"
    assert not coded_events(lexicon_text, "The earthquake killed twelve villagers in the mountains.")
    assert not [e for e in coded_events(lexicon_text, "The talks produced a ceasefire plan.") if e[2] == ()]


def test_a_by_phrase_on_one_of_two_coordinated_passives_is_the_agent_of_both(lexicon_text):
    events = coded_events(lexicon_text, "The student was beaten and killed by police in Lima last week.")
    assert {cameo for cameo, _, src, tgt in events if src == ("PER",) and tgt == ("PER",)} >= {"190"}, events
    beaten = coded_events(lexicon_text, "The student was shot and wounded by police in Lima last week.")
    assert any(cameo == "193" and src == ("PER",) for cameo, _, src, _ in beaten), beaten


def test_what_a_coordinated_passive_triggers_is_not_its_agents_act(lexicon_text):
    events = coded_events(lexicon_text, "The student was shot and killed by police in Lima, sparking riots across Peru.")
    assert not any(cameo[:2] not in {"18", "19", "20"} and src == ("PER",) for cameo, _, src, _ in events), events


def test_courts_and_police_of_the_place_did_an_agentless_arrest_or_sentence(lexicon_text):
    events = coded_events(lexicon_text, "The Bolivian activist was detained and sentenced to two years in jail in Santiago.")
    assert any(cameo == "116" and src == ("CHL",) and tgt == ("BOL",) for cameo, _, src, tgt in events), events
    nowhere = coded_events(lexicon_text, "The Bolivian activist was sentenced to two years in jail.")
    assert not any(src == ("CHL",) for _, _, src, _ in nowhere), nowhere


def test_a_sanction_that_is_to_be_lifted_exists(lexicon_text):
    # whatever becomes of the lifting, the sanctions it would lift stand: a (background) act
    events = coded_events(lexicon_text, "Steps will be taken next month on the lifting of Chilean sanctions on two Bolivian ministers.")
    assert any(plover == "SANCTION" and src == ("CHL",) and tgt == ("BOL",) for _, plover, src, tgt in events), events
    planned = coded_events(lexicon_text, "Chile will consider new sanctions on two Bolivian ministers next month.")
    assert not any(plover == "SANCTION" for _, plover, _, _ in planned), planned
