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
