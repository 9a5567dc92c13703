"""Acts the text reports without naming who did them: an attack noun as the subject of a
violent verb ("a bomb explosion killed two"), an agentless passive ("were deported"). The
doer's country comes by one rule (coding/data/implicit_agent_country.tsv): where it happened,
else the story's country, else the victims'. Every sentence here is invented."""

from __future__ import annotations

import pytest
from conftest import coded_events


def test_an_attack_noun_subject_keeps_the_attack_with_no_doer_when_nothing_names_a_country(lexicon_text):
    events = coded_events(lexicon_text, "A car bomb explosion outside the ministry wounded three police officers.")
    assert any(plover == "ASSAULT" and src == () and tgt for _, plover, src, tgt in events), events


def test_an_attack_noun_subject_is_done_by_someone_of_the_storys_country(code_text):
    text = ("An air strike in the village of Mbuti killed nine traders on Sunday. Congolese officials "
            "said the army was investigating the strike. Congo's government has blamed the rebels.")
    strikes = [e for e in code_text(text, title="Fighting spreads in eastern Congo").events if e.trigger == "killed"]
    assert strikes and [a.country for a in strikes[0].source] == ["COD"], strikes
    assert "(implicit)" in strikes[0].source[0].name and strikes[0].source[0].sector is None
    assert "subject is an attack noun (strike)" in strikes[0].evidence_text
    assert "implicit agent of a passive: of the story's country" in strikes[0].evidence_text


def test_the_people_an_attack_noun_killed_are_its_target(code_text):
    # no named victim either: the people it killed, of the story's country, as the doer
    text = ("Fighting spread across northern Chad on Monday. An air strike on the village of Bardai "
            "killed eleven people. Chad's army denied any role.")
    strikes = [e for e in code_text(text).events if e.trigger == "killed"]
    assert strikes and [(a.country, a.sector) for a in strikes[0].target] == [("TCD", "CVL")], strikes
    assert [a.country for a in strikes[0].source] == ["TCD"]


def test_an_agentless_act_on_foreigners_is_done_by_the_storys_country(code_text):
    # the deported are Indian; the story (and the state that deports) is the United States'
    text = ("Forty Indian students were deported on Tuesday, weeks after the United States tightened its "
            "visa rules. The U.S. Department of Homeland Security said more removals would follow. "
            "Washington has deported thousands this year.")
    deported = [e for e in code_text(text, title="US tightens border rules").events if e.sentence == 0 and e.plover == "COERCE"]
    assert deported and [(a.country, a.sector) for a in deported[0].source] == [("USA", "GOV")], deported
    assert [a.country for a in deported[0].target] == ["IND"]


def test_an_agentless_act_anyone_could_do_takes_the_country_of_its_place(lexicon_text):
    # who killed him the text does not say; where it happened it does
    events = coded_events(lexicon_text, "A Bolivian union leader was killed in Santiago on Friday.")
    assert any(plover == "ASSAULT" and src == ("CHL",) and tgt == ("BOL",) for _, plover, src, tgt in events), events


def test_where_an_implied_doers_country_comes_from_is_one_rule_read_from_data(tmp_path):
    from eventscope.knowledge.implicit_agents import implicit_agent_countries, read_agent_countries
    from eventscope.knowledge.tsv import DataFileError

    assert implicit_agent_countries() == ("place", "story", "target")
    bad = tmp_path / "rule.tsv"
    bad.write_text("source\tnote\nplace\twhere\nnewsroom\tthe outlet's country\n")
    with pytest.raises(DataFileError, match="rule.tsv:3"):
        read_agent_countries(bad)


def test_an_attack_noun_with_a_country_modifier_names_the_doer(lexicon_text):
    events = coded_events(lexicon_text, "Bolivian air strikes killed twelve fighters near the Chilean border on Monday.")
    assert any(plover == "ASSAULT" and src == ("BOL",) and tgt for _, plover, src, tgt in events), events


def test_shelling_that_wounded_soldiers_is_kept_with_its_victims(lexicon_text):
    # the sentence names one country, its victims': the story's, and so the implied doer's
    events = coded_events(lexicon_text, "The shelling of the outpost wounded two Peruvian soldiers.")
    assert any(plover == "ASSAULT" and src == ("PER",) and tgt == ("PER",) for _, plover, src, tgt in events), events


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


def test_receiving_a_letter_or_reports_is_no_hosting_of_a_visit(lexicon_text):
    events = coded_events(lexicon_text, "The Peruvian senate received three letters from the Chilean embassy on Monday.")
    assert not any(plover == "CONSULT" for _, plover, _, _ in events), events
    visit = coded_events(lexicon_text, "The Peruvian president received the Chilean foreign minister in Lima on Monday.")
    assert any(plover == "CONSULT" for _, plover, _, _ in visit), visit


def test_a_model_coded_passive_clause_gets_the_implied_doer_too():
    """coding.classify codes clauses the lexicon could not ("he was hit by a brick"): the same
    rule gives their doer (coding.agents.with_implied_doer)."""
    from types import SimpleNamespace

    from eventscope.analyze import load_nlp
    from eventscope.coding.agents import with_implied_doer
    from eventscope.models import Actor

    doc = load_nlp()("In Santiago, the Bolivian student was hit by a brick.")
    verb = next(t for t in doc if t.lemma_ == "hit")
    victim = [Actor(name="The Bolivian student", country="BOL", sector="CVL", entity="BOL:CVL:student")]
    story = SimpleNamespace(story_country="BOL")
    sources, evidence = with_implied_doer(verb, "190", [], victim, story, ())
    assert [(a.country, a.sector) for a in sources] == [("CHL", None)]  # where it happened
    assert any("of where it happened" in e.value for e in evidence)
    named = [Actor(name="Chile", country="CHL", entity="CHL")]
    assert with_implied_doer(verb, "190", named, victim, story, ()) == (named, ())  # a named doer stays
    assert with_implied_doer(verb, "190", [], [], story, ()) == ([], ())  # no victim, no implied doer


def test_unnamed_people_held_in_custody_are_the_target_of_an_implied_arrest(code_text):
    # "two men" is no actor of the lexicon: as those held, they are civilians of the story's country
    text = ("Guyana's police chief said on Monday that a miner was found dead near Bartica. "
            "Two men are now in police custody in Guyana.")
    held = [e for e in code_text(text).events if e.trigger == "custody"]
    assert held and [(a.country, a.sector) for a in held[0].target] == [("GUY", "CVL")], held
    assert [a.country for a in held[0].source] == ["GUY"]
