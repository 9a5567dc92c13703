"""Who acts, when the text names a place or a crowd instead of a known actor (issue 16): a sea
is no actor and gives no one a country; people met at sea are not of the story's country
(a navy's captives, a ship's flag); a headline's capitalised common word is no person; a body
named with its country ("the Indian Navy") counts for the story's country. Invented
sentences only."""

from __future__ import annotations

import pytest

from eventscope.actors.phrase import resolve_phrase


def mentions(processor, text, title=None):
    from eventscope.actors.mentions import DocActors
    from eventscope.models import Document

    doc = processor.nlp(text)
    return doc, DocActors(doc, Document(id="t", text=text, title=title, date="2020-05-01", origin="test"))


def actors_of(doc, actors, word: str):
    token = next(t for t in doc if t.text == word)
    return actors.actors_for(token)


@pytest.mark.parametrize("text", ["the Gulf of Aden", "the Bay of Bengal", "the South China Sea"])
def test_a_seas_name_gives_no_country(text):
    actor = resolve_phrase(text)
    assert actor is None or actor.country is None, actor


def test_a_sea_is_no_actor_and_not_whose_a_pronoun_is(processor):
    doc, actors = mentions(processor, "The Kenyan frigate Jasiri and its marine commandos patrolled the "
                                      "Gulf of Aden on Monday and seized 14 smugglers.")
    assert not actors_of(doc, actors, "Aden")
    assert [a.country for a in actors_of(doc, actors, "commandos")] == ["KEN"]


def test_people_met_at_sea_are_not_of_the_storys_country(processor):
    doc, actors = mentions(processor, "The Kenyan navy seized 14 smugglers in the Gulf of Aden on Tuesday. "
                                      "Kenya's defence ministry said the navy would keep patrolling.")
    assert [(a.country, a.sector) for a in actors_of(doc, actors, "smugglers")] == [(None, "CRM")]
    assert [a.country for a in actors_of(doc, actors, "navy")] == ["KEN"]


def test_people_caught_on_land_are_of_the_storys_country(processor):
    doc, actors = mentions(processor, "Kenyan police arrested 14 smugglers near the port on Tuesday. "
                                      "Kenya's interior ministry said more arrests would follow.")
    assert [a.country for a in actors_of(doc, actors, "smugglers")] == ["KEN"]


@pytest.mark.parametrize("text,word", [
    ("Riot breaks out in Mombasa after the vote\nA riot broke out in Mombasa on Sunday. Kenyan police "
     "fired tear gas at the crowd.", "Riot"),
    ("Clashes Erupt Following Vote In Mombasa\nClashes erupted in Mombasa on Sunday after the vote. "
     "Kenyan police fired tear gas at the crowd.", "Erupt"),
])
def test_a_headlines_capitalised_word_is_no_person(processor, text, word):
    doc, actors = mentions(processor, text)
    assert not actors_of(doc, actors, word)
    assert all(word not in a.name for a in actors.all_mentions())


def test_a_capitalised_name_the_text_never_writes_in_lower_case_stays_a_person(processor):
    doc, actors = mentions(processor, "Wanjiru Odhiambo told the court on Monday that the charges were false. "
                                      "Odhiambo is a Kenyan lawyer.")
    assert actors_of(doc, actors, "Odhiambo")


def test_a_body_named_with_its_country_counts_for_the_storys_country(processor):
    # "the Indian Navy" is one ORG name to the parser: its leading country still names the story's
    text = ("The Indian Navy said on Saturday that it had freed a cargo ship flying an Ethiopian flag. "
            "Officers said the crew was safe.")
    doc, actors = mentions(processor, text)
    assert actors.story_country == "IND"
    assert [a.country for a in actors_of(doc, actors, "Officers")] == ["IND"]


def test_a_crowd_of_no_known_kind_that_protests_is_civilians_of_the_place(code_text):
    events = code_text("Taxi drivers blocked the main road into Nairobi on Monday to protest a new fuel tax.").events
    protests = [e for e in events if e.plover == "PROTEST"]
    assert protests and [(a.country, a.sector) for a in protests[0].source] == [("KEN", "CVL")], events
    assert "a crowd of no known kind (driver)" in protests[0].evidence_text


def test_a_counted_crowd_that_marches_is_civilians_of_the_place(code_text):
    events = code_text("Hundreds of people marched on parliament in Kampala on Tuesday.").events
    assert any(e.plover == "PROTEST" and [(a.country, a.sector) for a in e.source] == [("UGA", "CVL")]
               for e in events), events


def test_a_crowd_that_only_speaks_is_no_doer(code_text):
    events = code_text("People in Kampala said on Tuesday that the election had been unfair.").events
    assert not any(a.sector == "CVL" for e in events for a in e.source), events


def test_a_crowd_word_lent_by_another_clause_is_no_doer(code_text):
    # the parse may read "hurled" as a conjunct of "died": the women did not hurl anything
    text = "Two women died in Mombasa after masked men broke a window and hurled petrol bombs at the bank."
    events = code_text(text).events
    assert not any("women" in a.name for e in events for a in e.source), events


def test_a_place_and_a_role_modifying_an_event_noun_are_one_doer(code_text):
    # "Sicilian" alone would make the island the doer; with "police" it is Italy's police
    events = code_text("Two suspected smugglers were arrested on Tuesday in a Sicilian police raid near Palermo.").events
    doers = [a for e in events if e.trigger == "raid" for a in e.source]
    assert doers and all(a.sector == "COP" and a.country == "ITA" for a in doers), events


def test_a_us_states_name_in_a_story_about_the_united_states_is_the_state(processor):
    doc, actors = mentions(processor, "A Georgia judge on Friday jailed the former sheriff of Savannah. "
                                      "Prosecutors in Atlanta said he had taken bribes.")
    assert [a.country for a in actors_of(doc, actors, "judge")] == ["USA"]
    assert "the US state" in " ".join(e.value for a in actors_of(doc, actors, "judge") for e in a.evidence)


@pytest.mark.parametrize("text", [
    "Georgia recalled its ambassador from Moscow on Friday. Officials in Tbilisi said talks had failed.",
    "Georgia recalled its ambassador on Friday.",  # no other country named: the country
])
def test_the_countrys_name_stays_the_country(processor, text):
    doc, actors = mentions(processor, text)
    assert [a.country for a in actors_of(doc, actors, "Georgia")] == ["GEO"]


def test_a_group_of_men_that_attacks_is_civilians_not_a_named_actor(code_text):
    # no actor of the lexicon ("men" is of no known kind), but the attack stays coded
    events = code_text("A group of men attacked a Kenyan police station.").events
    assert [(a.country, a.sector) for e in events for a in e.source] == [("KEN", "CVL")], events
    assert all("crowd of no known kind" in e.evidence_text for e in events)


def test_a_states_jets_are_an_actor_and_a_passenger_jet_a_civilian_one(processor):
    # our own sectors.tsv must know the head word: the Phoenix-derived "jet" only reads phrases
    doc, actors = mentions(processor, "Russian jets bombed rebel positions near Idlib on Monday. "
                                      "Ukrainian forces later shot down a Malaysian passenger jet.")
    assert [(a.country, a.sector) for a in actors_of(doc, actors, "jets")] == [("RUS", "MIL")]
    assert [(a.country, a.sector) for a in actors_of(doc, actors, "jet")] == [("MYS", "CVL")]


STORY = ("Swedish prosecutors dropped the case against Lena Berg on Monday. Sweden's justice minister "
         "praised the decision. Swedish police closed the file. {}")


@pytest.mark.parametrize("sentence, country", [
    ("Police arrested Lena Berg in Oslo on Tuesday.", "NOR"),  # the clause's own place
    ("In London, a judge rejected her request for bail.", "GBR"),
    ("Police arrested Lena Berg in Uppsala on Tuesday.", "SWE"),  # the story's own country: as it was
])
def test_police_and_courts_of_no_country_are_of_where_they_acted(code_text, sentence, country):
    r = code_text(STORY.format(sentence))
    acted = [a for e in r.events if e.plover in {"COERCE", "REJECT"} for a in e.source]
    assert acted and {a.country for a in acted} == {country}


def test_soldiers_of_no_country_keep_the_story_s_abroad(code_text):
    # armies act abroad: "troops" in a Swedish story may be Sweden's own, wherever they are
    r = code_text(STORY.format("Troops arrested Lena Berg in Kabul on Tuesday."))
    assert all(a.country != "AFG" for e in r.events for a in e.source if a.sector == "MIL")
