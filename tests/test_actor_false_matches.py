"""Actor false matches (issue 15 item 4): an acronym in parentheses spells the name before
it; a known organisation inside a longer name is a different organisation; an actor's name
is its whole phrase, never a leading modifier. Invented sentences only."""

from __future__ import annotations

import pytest

from eventscope.actors.phrase import resolve_phrase


def mentions(processor, text):
    from eventscope.actors.mentions import DocActors
    from eventscope.models import Document

    doc = processor.nlp(text)
    return doc, DocActors(doc, Document(id="t", text=text, date="2020-05-01", origin="test"))


@pytest.mark.parametrize("text", [
    "the Movement for Better Schools (MBS)",  # MBS is also a known person's alias
    "Movement for Better Schools (MBS) leaders",
    "the Alliance for Modern Liberty (AMLO)",
])
def test_acronym_in_parentheses_is_not_a_person(text):
    actor = resolve_phrase(text)
    assert not any(e.value.startswith("person:") for e in actor.evidence)
    assert actor.country not in ("SAU", "MEX")


def test_acronym_in_parentheses_is_the_organisation_before_it(processor):
    doc, actors = mentions(processor, "Members of the Movement for Better Schools (MBS) marched in Nairobi on Tuesday.")
    for found in actors.all_mentions():
        assert found.country != "SAU" and "Salman" not in found.name
    acronym = next(t for t in doc if t.text == "MBS")
    assert all(a.country != "SAU" for a in actors.actors_for(acronym))


def test_known_acronym_in_parentheses_still_names_its_organisation():
    assert resolve_phrase("the Japan Self-Defense Forces (JSDF)").country == "JPN"


@pytest.mark.parametrize("text", [
    "the Northern Kivu Self-Defense Forces",
    "the Lakeside Self Defense Forces",
    "fighters of the Upper Valley Self-Defence Forces",
])
def test_local_militia_is_not_japans_army(text):
    assert resolve_phrase(text).country != "JPN"


@pytest.mark.parametrize("text", ["Japan Self-Defense Forces", "the JSDF", "the Self-Defense Forces"])
def test_japans_army_is_still_japans(text):
    assert resolve_phrase(text).country == "JPN"


def test_local_militia_in_a_sentence_takes_no_foreign_army(processor):
    _, actors = mentions(processor, "Fighters of the Northern Kivu Self-Defense Forces attacked a village in Congo.")
    assert all(a.country != "JPN" for a in actors.all_mentions())


@pytest.mark.parametrize("text,name", [
    ("Angry protesters", "Angry protesters"),
    ("Seven soldiers", "Seven soldiers"),
    ("Furious farmers", "Furious farmers"),
    ("Better Schools", "Better Schools"),
])
def test_name_is_the_whole_phrase_not_a_leading_modifier(text, name):
    assert resolve_phrase(text).name == name


@pytest.mark.parametrize("text,name", [
    ("Minister Juan Jobet", "Juan Jobet"),  # a name after a title is still the person's
    ("Ali Kushayb, a Sudanese militia leader", "Ali Kushayb"),  # and before an apposition
])
def test_person_names_next_to_titles_are_still_found(text, name):
    assert resolve_phrase(text).name == name


def test_mention_names_are_whole_phrases(processor):
    _, actors = mentions(processor, "Angry protesters burned tyres outside the ministry in Nairobi.")
    names = {a.text: a.name for a in actors.all_mentions()}
    assert names["Angry protesters"] == "Angry protesters"
    _, actors = mentions(processor, "Seven soldiers were killed in an ambush in Mali.")
    assert {a.name for a in actors.all_mentions()} >= {"Seven soldiers"}


def test_unknown_organisation_does_not_take_its_acronyms_namesake(processor):
    doc, actors = mentions(processor, "Police dispersed a rally of the Alliance for Modern Liberty (AMLO) in Lima.")
    assert all(a.country != "MEX" for a in actors.all_mentions())


@pytest.mark.parametrize("text", [
    "the Minsk Protocol", "the Harbin Accords", "the Paris Agreement", "the Warsaw Pact", "the Lisbon Treaty",
])
def test_a_place_naming_a_text_gives_no_actor(text):
    actor = resolve_phrase(text)
    assert actor.country is None and actor.sector in (None, "JNK")


def test_the_place_itself_is_still_an_actor():
    assert resolve_phrase("Minsk police").country == "BLR"
    assert resolve_phrase("the Paris talks").country == "FRA"  # "talks" names no text


def test_laws_treaties_and_sentence_initial_words_are_not_actors(processor):
    _, actors = mentions(processor, "Under the Kiev Protocol, Lithuania and Latvia agreed to share the river.")
    assert {a.country for a in actors.all_mentions()} == {"LTU", "LVA"}
    _, actors = mentions(processor, "The Patriot Act gave the FBI new powers, Canadian officials said.")
    assert {a.name for a in actors.all_mentions()} >= {"Federal Bureau of Investigation"}
    assert not any("Patriot" in a.text for a in actors.all_mentions())
    _, actors = mentions(processor, "Furious farmers blocked roads near Lyon on Monday.")
    assert "Furious farmers" in {a.name for a in actors.all_mentions()}


def test_a_country_inside_a_persons_name_gives_no_country(processor):
    _, actors = mentions(processor, "Jordan Whitfield, a teacher, said the strike would go on.")
    person = next(a for a in actors.all_mentions() if "Whitfield" in a.text)
    assert person.country is None
    _, actors = mentions(processor, "Jordan's King Abdullah met Egyptian President Abdel Fattah el-Sisi in Cairo.")
    assert "JOR" in {a.country for a in actors.all_mentions()}


def test_a_role_after_a_places_comma_is_not_the_place(processor):
    # the parser takes "a lawyer" for an appositive of "Peru": a place is no person, so the
    # lawyer is an actor of its own and Peru keeps no role
    doc, actors = mentions(processor, "After his arrest in Peru, a lawyer for the Chilean family asked for an inquiry.")
    peru = next(t for t in doc if t.text == "Peru")
    lawyer = next(t for t in doc if t.text == "lawyer")
    assert [(a.name, a.sector) for a in actors.actors_for(peru)] == [("Peru", None)]
    assert [a.sector for a in actors.actors_for(lawyer)] == ["JUD"]
    assert all(a.name != "Peru" for a in actors.actors_for(lawyer))
    # a person's appositive still says who the person is
    doc, actors = mentions(processor, "Lars Holm, a Danish engineer, was detained in Chile.")
    holm = next(t for t in doc if t.text == "Holm")
    assert [a.country for a in actors.actors_for(holm)] == ["DNK"]
