"""Event locations: resolved offline to a place name and country (lexicon, then gazetteer)."""

from __future__ import annotations

import pytest

from eventscope.actors.gazetteer import load_gazetteer
from eventscope.knowledge.actor_lexicon import LexiconError
from eventscope.coding.places import resolve_place


@pytest.mark.parametrize("text,name,country", [
    ("Moscow", "Moscow", "RUS"),  # Moscow, Russia, not Moscow, Idaho
    ("Tehran", "Tehran", "IRN"),
    ("the Kremlin", "Moscow", "RUS"),  # a seat of government lies in its capital
    ("New York", "New York City", "USA"),
    ("Puerto Penasco", "Puerto Peñasco", "MEX"),  # only in the gazetteer
    ("Dehli", "Delhi", "IND"),  # a GeoNames alternate spelling
    ("Gaza", "Gaza", "PSE"),  # a country alias keeps its own name
    ("Kabul province", "Kabul province", "AFG"),
])
def test_places_resolve_to_name_and_country(text, name, country):
    assert resolve_place(text) == (name, country)


def test_unknown_place_keeps_its_text():
    assert resolve_place("Xyzzyville") == ("Xyzzyville", None)


def test_one_word_names_must_be_sizeable_towns():
    gaz = load_gazetteer()
    assert gaz.find("Lincoln") is not None  # 290,000 people
    small = next(p for p in gaz.places() if p.population < 20_000 and " " not in p.name
                 and p.name.isalpha())
    assert gaz.find(small.name) is None or gaz.find(small.name).population >= 100_000


def test_short_alternate_spellings_only_for_big_cities():
    gaz = load_gazetteer()
    assert gaz.find("Dehli").name == "Delhi"  # 11 million people
    assert gaz.find("Pul") is None  # a GeoNames spelling of Poole, 150,000 people


def test_gazetteer_rows_are_well_formed():
    gaz = load_gazetteer()
    places = list(gaz.places())
    assert len(places) > 30_000
    assert all(len(p.country) == 3 and p.country.isupper() and p.population >= 0 for p in places)


def test_a_broken_gazetteer_row_is_named_at_load(tmp_path):
    path = tmp_path / "gazetteer.tsv"
    path.write_text("name\tcountry\tpopulation\tlat\tlon\taliases\tgeonameid\tadmin1\tkind\n"
                    "Moscow\tRUS\t10381222\t55.752\t37.618\t\t524901\tRU.48\tcity\n"
                    "Nowhere\tXXX\tmany\t1.0\t2.0\t\t1\t\tcity\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="gazetteer.tsv:3"):
        load_gazetteer.__wrapped__(str(path))


def test_event_location_comes_from_the_locative_phrase(code_text):
    r = code_text("Russian and Iranian defense ministers are meeting in Moscow Tuesday.")
    located = [e for e in r.events if e.location]
    assert located and (located[0].location, located[0].location_country) == ("Moscow", "RUS")
    town = code_text("Mexican police arrested protesters in Puerto Penasco.")
    assert [(e.location, e.location_country) for e in town.events] == [("Puerto Peñasco", "MEX")]


def test_a_protest_or_visit_aimed_at_no_one_is_aimed_at_the_place(code_text):
    r = code_text("Northland activists staged a protest in Beijing on Wednesday.")
    protests = [e for e in r.events if e.plover == "PROTEST"]
    assert protests and [a.country for a in protests[0].target] == ["CHN"]
    assert "target: the country where it happened" in protests[0].target[0].evidence_text
    # a named target stays the target
    r = code_text("Thousands of Kenyan teachers protested against the government in Nairobi.")
    assert all(a.entity != "KEN::place" for e in r.events for a in e.target)


def test_an_unplaced_protest_of_the_story_s_own_people_is_aimed_at_its_country(code_text):
    story = ("Kenyan police fired tear gas at students on Monday. Kenya's interior minister defended the "
             "police. Kenyan opposition leaders condemned the minister. {}")
    r = code_text(story.format("Later, people threw stones."))
    protests = [e for e in r.events if e.plover == "PROTEST"]
    assert protests and [a.country for a in protests[0].target] == ["KEN"]
    assert "its own people's protest" in protests[0].target[0].evidence_text
    # people of another country than the story's: no such target
    r = code_text(story.format("Later, Ugandan traders threw stones."))
    assert all(not e.target for e in r.events if e.plover == "PROTEST")
