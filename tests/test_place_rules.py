"""The place finder's rules (coding/places.py, coding/data/place_words.tsv): which words
say where an act happened, and which only look like places. Invented sentences."""

from __future__ import annotations

import pytest

from eventscope.coding.places import resolve
from eventscope.knowledge.place_words import KINDS, place_words


def placed(result, cameo_prefix: str = "") -> list[tuple[str | None, str | None, str | None]]:
    return [(e.location, e.location_country, e.location_precision) for e in result.events
            if e.cameo.startswith(cameo_prefix)]


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


def where_of(result, cameo_prefix: str = "") -> set[str | None]:
    return {where for where, _, _ in placed(result, cameo_prefix)}


def test_a_named_facility_is_in_the_town_it_lies_in(code_text):
    # the gazetteer knows no "Zenith museum"; the tagger reads "Tunis" a nationality here
    assert where_of(code_text("Masked gunmen stormed the Zenith museum in Tunis on Tuesday."), "19") == {"Tunis"}


def test_a_strike_on_a_target_happens_in_the_targets_town(code_text):
    assert where_of(code_text("Insurgents fired rockets at the Turkish consulate in Mosul on Monday."), "19") == {"Mosul"}
    hiding = code_text("Warplanes launched airstrikes on Islamic State fighters holding out in Raqqa on Sunday.")
    assert [(c, p) for _, c, p in placed(hiding, "19")] == [("SYR", "city")]  # a participle's place: Raqqa


def test_talks_with_several_people_in_a_town_are_in_that_town(code_text):
    r = code_text("The Chinese envoy held talks with President Ruto and opposition leader Kalonzo Musyoka in Nairobi.")
    assert where_of(r, "04") == {"Nairobi"}


def test_the_place_of_a_conjoined_object_places_the_act(code_text):
    assert where_of(code_text("Police arrested a student and two teachers in Mombasa on Friday."), "17") == {"Mombasa"}


def test_an_act_during_a_briefing_is_where_the_briefing_was(code_text):
    r = code_text("The interior ministry during a press briefing in Islamabad on Tuesday welcomed the Chinese offer.")
    assert where_of(r, "04") == {"Islamabad"}


def test_a_place_named_with_its_owner_is_inside_the_owner(code_text):
    # "Old City" alone is Jerusalem's; Mosul's is in Mosul
    old_city = code_text("Iraqi forces launched airstrikes on fighters in Mosul's Old City on Friday.")
    assert where_of(old_city, "19") == {"Mosul"}
    region = code_text("Houthi fighters fired missiles at an air base in Saudi Arabia's Jizan region.")
    assert [(w, c) for w, c, _ in placed(region, "19")] == [("Jizan", "SAU")]  # the region, not its country


def test_a_city_named_beside_its_country_is_the_city(code_text):
    r = code_text("Government troops shelled a rebel-held part of Syria's largest city Aleppo on Sunday.")
    assert where_of(r, "19") == {"Aleppo"}


@pytest.mark.parametrize("name,town,precision", [
    ("western Aleppo", "Aleppo", "city"), ("eastern Mosul", "Mosul", "city"),
    ("rural Idlib", "rural Idlib", "region"), ("the outskirts of Kabul", "outskirts of Kabul", "region"),
])
def test_a_part_of_a_town_is_the_town_and_its_surroundings_its_region(name, town, precision):
    where = resolve(name)
    assert (where.name, where.precision) == (town, precision) and where.lat is not None and where.admin1
    assert (where.geonames_id is not None) == (precision == "city")


def test_an_unknown_facility_is_in_the_town_the_story_is_set_in(code_text):
    r = code_text("WASHINGTON (AP) - Two guards at a federal jail in Manhattan were charged on Tuesday. The inmate "
                  "had been held in Manhattan since May. Police arrested a guard at the Hudson Correctional "
                  "Center on Friday.")
    assert [(w, c, p) for w, c, p in placed(r, "17")] == [("New York City", "USA", "city")]
    struck = code_text("TUNIS (AP) - Gunmen fired on tourists in Sousse on Monday. Police in Sousse arrested two men. "
                       "Masked gunmen stormed the Zenith Palace on Friday.")
    assert ("Sousse", "TUN", "city") in placed(struck, "19")  # the struck building is in the story's town
    unset = code_text("Police arrested a guard at the Hudson Correctional Center on Friday.")
    assert where_of(unset, "17") == {None}  # no town in the story: no place


def test_a_small_town_of_a_country_the_story_never_names_is_a_namesake(code_text):
    r = code_text("GEORGETOWN (Reuters) - Guyana's police said on Monday that Guyanese hunters had been detained. "
                  "The Guyanese government said Guyana would act. The hunter arrived at Bethany where he met "
                  "two Brazilian loggers.")  # a meeting needs a second party (plover_recipients.tsv)
    assert [(w, c) for w, c, _ in placed(r, "04")] == [("Guyana", "GUY")]  # not Bethany, Oregon


def test_a_story_with_no_dateline_lends_no_country_to_its_actors_acts(code_text):
    # a feature about one country's people ranges abroad: no dateline, no guess
    story = ("American officials met on Monday. American diplomats criticised the American embassy. "
             "The Americans asked the guards to watch the visitors.")
    assert all(e.location is None for e in code_text(story).events)


def test_a_court_acts_where_it_sits_whoever_it_acts_on(code_text):
    r = code_text("A Czech court on Tuesday freed a Syrian Kurdish politician.")
    assert [(w, c) for w, c, _ in placed(r)] == [("Czechia", "CZE")]


def test_an_attack_on_a_countrys_people_in_a_story_about_it_happened_there(code_text):
    r = code_text("CAIRO (AP) - Syria's army said on Monday that Syrian rebels had lost ground. The Syrian "
                  "government said Syrian troops would advance. Russian warplanes attacked Syrian rebels on Sunday.")
    assert ("Syria", "SYR", "country") in placed(r, "19")


def test_a_death_is_where_the_attack_around_it_struck(code_text):
    r = code_text("Three soldiers died on Friday when rebels ambushed a convoy near Goma.")
    assert ("Goma", "COD", "city") in placed(r, "19")  # "on Friday" names no place and hides none


def test_a_datelines_town_is_no_place_for_a_foreign_governments_act(code_text):
    r = code_text("NEW DELHI (Reuters) - Indian officials said on Monday that 200 Indians had come home. "
                  "Mexican immigration authorities deported 300 Indians in October.")
    assert [(w, c) for w, c, _ in placed(r, "174")] == [("Mexico", "MEX")]  # a government coerces at home


def test_a_town_with_an_area_word_before_it_is_its_region(code_text):
    rural = placed(code_text("Syrian troops attacked rebels in rural Hama on Sunday."), "19")
    town = placed(code_text("Syrian troops attacked rebels in Hama on Sunday."), "19")
    assert [(c, p) for _, c, p in rural] == [("SYR", "region")] and [(c, p) for _, c, p in town] == [("SYR", "city")]


def test_a_place_inside_a_chain_of_noun_modifiers(code_text):
    # "a suburban Detroit office building": Detroit modifies "office", which modifies "building"
    r = code_text("A gunman shot three people at a suburban Detroit office building Monday morning, and "
                  "officers were searching for the shooter, police said.")
    assert ("Detroit", "USA", "city") in placed(r, "19")


def test_every_verb_of_a_coordinated_chain_shares_the_chains_place(code_text):
    r = code_text("A dismissed employee shot and killed a woman and wounded two men on Monday at a "
                  "warehouse in Rotterdam.")
    assert {where for where, _, _ in placed(r, "19")} == {"Rotterdam"}


def test_a_participle_clause_tells_where_the_doer_spoke(code_text):
    before = code_text("Speaking in Ankara on Tuesday, the Turkish foreign minister criticised Washington.")
    after = code_text("The Turkish foreign minister, speaking at a news conference in Ankara, criticised Washington.")
    audience = code_text("Speaking to reporters in Brussels, the German foreign minister called for talks.")
    assert [w for w, _, _ in placed(before)] == ["Ankara"]
    assert [w for w, _, _ in placed(after)] == ["Ankara"]
    assert ("Brussels", "BEL", "city") in placed(audience)


def test_a_clause_about_the_same_person_at_the_same_time_places_the_act(code_text):
    r = code_text("The Ugandan opposition leader was arrested on Monday as he tried to hold a rally in Kampala.")
    assert ("Kampala", "UGA", "city") in placed(r, "17")
    # a clause about someone else at the same time says nothing of where the act was
    other = code_text("The German chancellor criticised Russia on Monday while troops fought in Donetsk.")
    assert all(where != "Donetsk" for where, _, _ in placed(other, "11"))


def test_a_place_noun_after_on_or_in_front_of(code_text):
    outskirts = code_text("Syrian troops clashed with rebels on the outskirts of Aleppo on Sunday.")
    assert placed(outskirts, "19") and placed(outskirts, "19")[0][1] == "SYR"
    front = code_text("Protesters gathered in front of the parliament in Kampala to denounce the government.")
    assert ("Kampala", "UGA", "city") in placed(front, "11")
    topic = code_text("The minister commented on the issue of refugees in Lebanon.")  # "on" a topic: no place
    assert all(where is None for where, _, _ in placed(topic))


def test_a_demand_made_in_words_is_where_the_words_were_said(code_text):
    r = code_text("Merkel told a news conference in Berlin that Russia must withdraw its troops.")
    assert ("Berlin", "DEU", "city") in placed(r, "10")


def test_an_attack_that_is_the_subject_strikes_where_its_phrase_says(code_text):
    r = code_text("A fire-bomb attack on a bank in Athens killed three people on Wednesday as police "
                  "fought pitched battles with striking protesters.")
    assert ("Athens", "GRC", "city") in placed(r, "19")


def test_a_death_while_doing_something_somewhere_is_there(code_text):
    r = code_text("A British man has been killed after falling while climbing in New Zealand.")
    assert [country for _, country, _ in placed(r, "19")] == ["NZL"]


def test_a_body_of_no_one_state_does_not_keep_an_event_from_its_dateline(code_text):
    r = code_text("GENEVA (Reuters) - The United Nations appealed on Tuesday for 500 million dollars in aid "
                  "for refugees, officials said.")
    assert ("Geneva", "CHE", "city") in placed(r, "02")


def test_here_in_wire_copy_is_the_datelines_town(code_text):
    r = code_text("MOSCOW (Reuters) - The German foreign minister criticised the United States here on Monday, "
                  "officials said.")
    assert placed(r, "11") == [("Moscow", "RUS", "city")]  # a foreign minister's act: only "here" places it
    without = code_text("MOSCOW (Reuters) - The German foreign minister criticised the United States on Monday, "
                        "officials said.")
    assert placed(without, "11") == [(None, None, None)]
