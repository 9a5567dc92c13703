"""Event types, implicit doers and acts not done on constructions wire copy uses: invasions,
warnings against an act, crowds clashing with police, people held in custody, deaths in
accidents, speakers who only report an act. Every sentence here is invented."""

from __future__ import annotations

import pytest

from conftest import coded_events


def test_an_invasion_is_an_assault_and_holding_land_an_occupation(code_text):
    invaded = coded_events(code_text, "Chilean troops invaded Bolivia in 1879.")
    assert any(plover == "ASSAULT" and src == ("CHL",) and tgt == ("BOL",) for _, plover, src, tgt in invaded), invaded
    noun = coded_events(code_text, "Chile's invasion of Bolivia shocked Lima.")
    assert any(plover == "ASSAULT" and src == ("CHL",) for _, plover, src, _ in noun), noun
    occupied = coded_events(code_text, "Chilean troops occupied the Bolivian port of Antofagasta.")
    assert any(cameo == "192" and plover == "COERCE" for cameo, plover, _, _ in occupied), occupied


def test_warning_someone_against_an_act_asks_them_not_to(lexicon_text, code_text):
    # (the learned sentence model on top may recode it to a threat: it weighs the verb "warn")
    events = coded_events(lexicon_text, "The Kenyan president warned Ugandan officials against closing the border.")
    assert any(plover == "REQUEST" and src == ("KEN",) and tgt == ("UGA",) for _, plover, src, tgt in events), events
    assert not any(plover in {"ACCUSE", "THREATEN"} for _, plover, _, _ in events), events
    threat = coded_events(code_text, "Kenya warned Uganda of severe reprisals.")
    assert any(plover == "THREATEN" for _, plover, _, _ in threat), threat


def test_crowds_clashing_with_police_riot(code_text):
    events = coded_events(code_text, "Hundreds of Chilean students clashed with police in Santiago on Monday.")
    assert any(cameo == "145" and plover == "PROTEST" for cameo, plover, _, _ in events), events
    battle = coded_events(code_text, "Bolivian troops clashed with Peruvian soldiers near the border.")
    assert any(plover == "ASSAULT" for _, plover, _, _ in battle), battle


def test_questions_names_and_accidents_are_no_requests_or_attacks(lexicon_text):
    asked = coded_events(lexicon_text, "A Peruvian senator asked Quispe about the border dispute.")
    assert not any(plover == "REQUEST" for _, plover, _, _ in asked), asked
    named = coded_events(lexicon_text, "The Bolivian president called the Chilean election a farce.")
    assert not any(plover == "REQUEST" for _, plover, _, _ in named), named
    called = coded_events(lexicon_text, "The Bolivian president called on Chile to reopen the border.")
    assert any(plover == "REQUEST" for _, plover, _, _ in called), called
    crash = coded_events(lexicon_text, "Three Kenyan soldiers were killed in a helicopter crash in Somalia.")
    assert not any(plover == "ASSAULT" for _, plover, _, _ in crash), crash
    shot = coded_events(lexicon_text, "Three Kenyan soldiers were killed in an ambush in Somalia.")
    assert any(plover == "ASSAULT" for _, plover, _, _ in shot), shot


@pytest.mark.parametrize("text", [
    "The Ugandan opposition leader Kizza Besigye remains in police custody in Kampala.",
    "The Ugandan opposition leader Kizza Besigye is under arrest in Kampala.",
])
def test_someone_held_in_custody_was_detained_by_the_police_of_the_story(code_text, text):
    events = coded_events(code_text, text)
    assert any(plover == "COERCE" and src == ("UGA",) and tgt == ("UGA",) for _, plover, src, tgt in events), events


def test_a_custody_noun_that_is_no_state_of_its_subject_codes_nothing(code_text):
    events = coded_events(code_text, "A custody battle between two Ugandan families ended in Kampala.")
    assert not any(plover == "COERCE" for _, plover, _, _ in events), events


def test_a_speaker_who_reports_an_attack_does_not_make_it(code_text):
    text = ("An air strike on the Syrian village of Kafr Nabl killed six farmers on Sunday, "
            "the Syrian Observatory for Human Rights said.")
    result = code_text(text)
    attacks = [e for e in result.events if e.plover == "ASSAULT"]
    assert not any("Observatory" in a.name for e in attacks for a in e.source), \
        [(e.cameo, [a.name for a in e.source]) for e in attacks]


def test_the_reason_of_a_punishment_is_no_act_of_the_punisher(lexicon_text):
    # (the learned sentence model on top may still recode the sentence by its words "helping")
    events = coded_events(lexicon_text, "A Moroccan court jailed a teacher for three years for helping young Moroccans "
                                   "join an armed group in Mali.")
    assert any(plover == "SANCTION" for _, plover, _, _ in events), events
    assert not any(plover in {"AID", "COOPERATE", "CONSULT"} for _, plover, _, _ in events), events


def test_an_alleged_act_is_not_done(lexicon_text):
    events = coded_events(lexicon_text, "Kenyan lawmakers opened hearings against the Ugandan minister for allegedly beating a guard.")
    assert not any(plover == "ASSAULT" for _, plover, _, _ in events), events
    done = coded_events(lexicon_text, "The Ugandan minister beat a Kenyan guard in Kampala.")
    assert any(plover == "ASSAULT" for _, plover, _, _ in done), done


def test_misconduct_forms_and_military_operations(lexicon_text):
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["abuse"], {"office", "his"}) is None  # abusing one's office hurts no one's body
    assert lex.match(["abuse"], {"prisoner"}).cameo.startswith("18")
    assert lex.match(["sign"], {"certificate", "false"}) is None  # a form is no agreement
    assert lex.match(["sign"], {"treaty"}).cameo == "057"
    events = coded_events(lexicon_text, "Ugandan troops continued operations against the rebels near Gulu.")
    assert any(plover == "ASSAULT" for _, plover, _, _ in events), events
