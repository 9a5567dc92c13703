"""The place finder's rules (coding/places.py, coding/data/place_words.tsv): which words
say where an act happened, and which only look like places. Invented sentences."""

from __future__ import annotations

import pytest

from eventscope.coding.places import resolve
from eventscope.knowledge.place_words import KINDS, place_words

from conftest import placed


def test_every_kind_of_place_word_is_in_the_data_file():
    words = place_words()
    assert words.keys() == KINDS and all(words[k] for k in KINDS)
    assert "in" in words["locative"] and "official" in words["owned"] and "sidelines" in words["occasion"]


def test_a_countrys_official_is_no_place_of_the_attack(code_text):
    r = code_text("Gunmen attacked a United States official on Tuesday.")
    assert r.events and all(country != "USA" for _, country, _ in placed(r))


def test_a_possessed_army_is_no_place(code_text):
    r = code_text("Militants attacked Kenya's army on Monday.")
    assert r.events and all(where is None for where, _, _ in placed(r, "19"))


def test_a_conjoined_verbs_object_places_the_act_only_when_it_is_shared(code_text):
    jailed = code_text("A Kenyan court jailed a man for two years for helping young fighters join an "
                       "armed group in Somalia, his lawyer said.")
    assert placed(jailed, "116") == [("Kenya", "KEN", "country")]  # the group is in Somalia, not the court
    shot = code_text("Police shot and killed a teenager in Leeds on Friday.")
    assert {where for where, _, _ in placed(shot, "19")} == {"Leeds"}


def test_the_place_of_a_meeting_whose_sidelines_held_the_talks(code_text):
    r = code_text("The ministers held talks on the sidelines of a meeting of NATO foreign ministers in Oslo.")
    assert ("Oslo", "NOR", "city") in placed(r)


def test_an_act_in_a_where_clause_of_a_place(code_text):
    r = code_text("The summit in Lima, where the Ecuadorean president criticized Peru, ended on Friday.")
    assert placed(r, "11") == [("Lima", "PER", "city")]


def test_a_dateline_over_a_story_set_in_another_town_gives_only_the_country(code_text):
    elsewhere = code_text(
        "WASHINGTON (AP) - Two guards at a federal jail in Chicago were charged on Tuesday. The inmate had "
        "been held in Chicago since May. Prosecutors alleged that the guards slept. A judge in Chicago set "
        "bail at 5,000 dollars. Senator Dick Durbin criticized the prison bureau.")
    assert ("United States", "USA", "country") in placed(elsewhere, "11")
    assert all(where != "Washington" for where, _, _ in placed(elsewhere))
    local = code_text("WASHINGTON (AP) - Senator Dick Durbin criticized the prison bureau on Tuesday. "
                      "A hearing will be held in Chicago next week.")  # named once: still local
    assert placed(local, "11") == [("Washington", "USA", "city")]


def test_a_wire_story_places_a_states_act_on_a_militant_group(code_text):
    r = code_text("CAIRO (AP) - Tunisian police arrested ten Tunisian men on Monday. Tunisia's president said "
                  "Tunisian troops would stay. The Tunisian government banned the Islamic State group.")
    assert placed(r, "172") == [("Tunisia", "TUN", "country")]


@pytest.mark.parametrize("name,country", [
    ("rural Idlib", "SYR"), ("the outskirts of Kabul", "AFG"), ("northern Syria", "SYR"), ("southern Guyana", "GUY"),
])
def test_a_part_of_a_place_is_in_its_country(name, country):
    assert resolve(name).country == country


def test_a_company_named_after_a_town_is_no_place():
    assert resolve("Las Vegas Sands") is None and resolve("Las Vegas").country == "USA"


def test_a_court_or_police_acts_where_it_sits_when_its_words_name_the_country(code_text):
    assert placed(code_text("A Brazilian court ordered the arrest of three men on Monday.")) == [
        ("Brazil", "BRA", "country")]
    assert placed(code_text("Nairobi police arrested two journalists.")) == [("Nairobi", "KEN", "city")]
    lent = code_text("Kenya's president spoke on Monday. Kenyan officials met in private. "
                     "Police arrested two journalists.")  # the story lends "police" its country: no place
    assert [where for where, _, _ in placed(lent, "17")] == [None]


def test_the_capital_is_the_capital_of_the_events_country(code_text):
    r = code_text("Kenyan police detained dozens of students in the capital on Friday.")
    assert placed(r, "17") == [("Nairobi", "KEN", "city")]


def test_an_act_right_after_an_event_is_where_the_event_was(code_text):
    r = code_text("Protesters were accused of looting following a rally in Accra.")
    assert [where for where, _, _ in placed(r)] == ["Accra"]


def test_a_participle_shares_the_scene_of_the_verb_its_noun_serves(code_text):
    r = code_text("Two Peruvian men wanted in the killing of a judge in Lima were arrested by police in Bolivia.")
    assert ("Bolivia", "BOL", "country") in placed(r, "17")


@pytest.mark.parametrize("name", ["West Africa", "Europe", "Asia", "the Middle East", "northern Europe"])
def test_a_region_of_several_countries_is_no_place_and_no_town_namesake(name):
    assert resolve(name) is None  # "Asia" is also a small town in the Philippines


def test_an_expulsion_happens_where_it_expels_from(code_text):
    assert placed(code_text("Police deported three Nigerians from Ghana on Monday."), "174") == [
        ("Ghana", "GHA", "country")]


def test_a_persons_guessed_country_does_not_move_the_dateline():
    from collections import Counter
    from pathlib import Path

    import eventscope.actors.whose as whose
    from eventscope.coding.places import GUESSED_PERSON, PlaceContext, locate
    from eventscope.models import Actor, Event, Evidence, Location

    assert GUESSED_PERSON in Path(whose.__file__).read_text()  # the evidence the rule reads
    context = PlaceContext(Counter({"USA": 6}), dateline=Location("New Delhi", "IND", precision="city"))

    def said_by(actor):
        return locate(Event("d", 0, (0, 9), [actor], [], "010", "01", 0.0, 1, "COMMENT"), None, None, context)

    guessed = Actor("Ravi Mehta", "USA", evidence=(
        Evidence("rule", f"country of the story ({GUESSED_PERSON})", decides="country"),))
    assert said_by(guessed).name == "New Delhi"  # a quoted deportee speaks where the reporter is
    official = Actor("a US official", "USA", "GOV", evidence=(Evidence("lexicon", "demonym", decides="country"),))
    assert (said_by(official).country, said_by(official).precision) == ("USA", "country")  # the story's country


def test_a_visit_that_departs_for_a_place_is_placed_there_not_where_it_left(code_text):
    r = code_text("The Kenyan president spoke to reporters in Nairobi before departing for Tokyo.")
    assert ("Tokyo", "JPN", "city") in placed(r, "042")


def test_an_attack_noun_happens_where_it_strikes(code_text):
    r = code_text("Five soldiers died in an attack on a checkpoint in Kirkuk.")
    assert ("Kirkuk", "IRQ", "city") in placed(r, "19")


@pytest.mark.parametrize("name,town", [("Homs city", "Homs"), ("downtown Beirut", "Beirut")])
def test_a_town_with_a_town_word_is_the_town(name, town):
    where = resolve(name)
    assert (where.name, where.precision) == (town, "city") and where.geonames_id


def test_a_town_the_tagger_misreads_is_still_a_place(code_text):
    # the model tags "Tunis" a LANGUAGE, and swallows it into "the U.S. Embassy in Tunis" (ORG)
    assert placed(code_text("Police arrested ten men in Tunis."), "17") == [("Tunis", "TUN", "city")]
    assert placed(code_text("Protesters attacked the U.S. Embassy in Tunis on Friday."), "19") == [
        ("Tunis", "TUN", "city")]
    assert all(where is None for where, _, _ in placed(code_text("The senator spoke at the United Nations on Friday.")))
