"""Where an act happened when its scene is told around it: facilities, strikes on targets,
briefings, owners of places, parts of towns, chains of modifiers, participle clauses, deaths
(coding/places.py). Invented sentences; the place words themselves are in test_place_rules.py."""

from __future__ import annotations

import pytest

from eventscope.coding.places import resolve

from conftest import placed, where_of


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
