"""Targets read from an act's phrases and clauses (coding.phrase_targets, coding.targets), on
invented sentences (not from any dev set)."""

from __future__ import annotations


def aimed(result, plover: str) -> list[list[tuple[str | None, str | None]]]:
    return [[(a.country, a.sector) for a in e.target] for e in result.events if e.plover == plover]


def test_a_passive_after_clause_happens_to_the_subject_of_the_clause_it_qualifies(code_text):
    r = code_text("A Kenyan opposition leader died in custody after being arrested in a police raid, officials said.")
    assert aimed(r, "COERCE") == [[("KEN", "OPP")]]


def test_a_circumstance_s_doer_is_not_the_target(code_text):
    # the army did the raid (and the shooting): never whom it was aimed at
    r = code_text("Police said the suspect was shot dead in an army raid in Mombasa on Monday.")
    assert all(sector != "MIL" for targets in aimed(r, "ASSAULT") for _, sector in targets)
    # a building's owner still is: the embassy is the United States'
    r = code_text("Angry protesters gathered at the US embassy in Cairo on Friday.")
    assert any(("USA", "GOV") in targets for targets in aimed(r, "CONSULT") + aimed(r, "PROTEST"))


def test_a_sea_is_no_target(code_text):
    r = code_text("The Indian navy patrolled the Gulf of Aden on Thursday.")
    assert all(not targets for targets in aimed(r, "MOBILIZE"))
    r = code_text("Vietnam sent two coast guard ships to the South China Sea on Monday.")
    assert all("Sea" not in (a.text or "") for e in r.events for a in e.target)



def test_whom_an_event_noun_is_done_to_may_be_an_unnamed_person(code_text):
    r = code_text("The killing of two men by Kenyan soldiers in Garissa angered residents.")
    assert [("KEN", "CVL")] in aimed(r, "ASSAULT")


def test_the_building_an_act_happened_at_is_no_second_target(code_text):
    r = code_text("Israeli police clashed with Palestinian protesters at the mosque on Friday.")
    assert aimed(r, "ASSAULT") and all(targets == [("PSE", "CVL")] for targets in aimed(r, "ASSAULT"))


def test_a_passive_with_a_named_doer_is_aimed_at_its_subject_s_owner(code_text):
    # as "the Swedish government criticized Norway's decision" is aimed at Norway
    r = code_text("Norway's decision was criticized by the Swedish government on Tuesday.")
    assert [("NOR", None)] in aimed(r, "ACCUSE")
    # a participle qualifying a noun that stands beside the owned one: the owner's
    r = code_text("The Norwegian premier defended his budget, a plan drafted by Labour leaders and "
                  "criticized by the Swedish government for its cost.")
    assert [("NOR", "GOV")] in aimed(r, "ACCUSE")
    # with no doer named, a passive subject's words are no target
    r = code_text("The Ugandan minister's remarks were met with laughter in the hall.")
    assert not aimed(r, "CONSULT")


def test_a_noun_owner_of_the_sources_country_and_kind_is_someone_else(code_text):
    # one person named as owner is no part of the officials (a pronoun could be them again)
    r = code_text("Kenyan officials criticized the president's decision to close schools.")
    assert [("KEN", "GOV")] in aimed(r, "ACCUSE")
    r = code_text("Kenyan officials criticized their decision to close schools.")
    assert [("KEN", "GOV")] not in aimed(r, "ACCUSE")



def test_a_reaction_is_aimed_at_whoever_did_the_act_its_object_names(code_text):
    # the act's doer the object's own words name, not whom that act concerned
    r = code_text("Norway rejected an EU demand for more troops in Mali.")
    assert [[c for c, _ in t] for t in aimed(r, "REJECT")] == [["EUR"]]
    r = code_text("Kenya condemned the Ugandan raid on Somali villages.")
    assert [[c for c, _ in t] for t in aimed(r, "ACCUSE")] == [["UGA"]]
    # the one an arrest is done to did not do it: its by-phrase did
    r = code_text("Norway condemned Anna Berg's arrest by Kenyan police.")
    assert [[c for c, _ in t] for t in aimed(r, "ACCUSE")] == [["KEN"]]
    # a request's object is what it asks for: the one to be extradited is not asked
    r = code_text("Sweden is seeking the extradition of Anna Berg from Kenya.")
    assert [[c for c, _ in t] for t in aimed(r, "REQUEST")] == [["KEN"]]
