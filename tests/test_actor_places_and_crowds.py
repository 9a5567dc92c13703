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
