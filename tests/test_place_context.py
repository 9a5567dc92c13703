"""Places an event's own clause does not give (coding/places.py, coding/place_story.py): a
locative phrase the parser hangs on a name, the sentence before in the same paragraph, a town
that acts, a state that cuts ties. Invented sentences."""

from __future__ import annotations

from conftest import placed


def test_a_place_hung_on_a_persons_name_places_what_the_name_hangs_from(code_text):
    r = code_text("Police detained the brother of Ivan Petrov in Minsk on Sunday.")
    assert placed(r, "17") == [("Minsk", "BLR", "city")]


def test_a_parse_through_a_number_reaches_the_verb():
    from eventscope.analyze import load_nlp
    from eventscope.coding.place_phrases import attachment

    doc = load_nlp()("Police arrested a man who was 45 in Lagos.")
    prep = next(t for t in doc if t.lower_ == "in")
    assert prep.head.ent_type_ == "DATE" and attachment(prep).lemma_ == "be"


def test_the_sentence_before_in_the_same_paragraph_places_the_same_actors(code_text):
    r = code_text("Police arrested two men in Kabul on Monday. Police accused the men of planning attacks "
                  "on the embassy.")
    assert placed(r, "112") == [("Kabul", "AFG", "city")]
    assert r.events[-1].location_precision == "city"


def test_no_place_from_another_paragraph_or_other_actors(code_text):
    broken = code_text("Police arrested two men in Kabul on Monday.\nPolice accused the men of planning attacks "
                       "on the embassy.")
    assert placed(broken, "112") == [(None, None, None)]
    others = code_text("Police arrested two men in Kabul on Monday. Officials accused Pakistan of sheltering "
                       "militants.")
    assert placed(others, "112") == [(None, None, None)]


def test_a_town_that_acts_acts_at_home(code_text):
    assert placed(code_text("Chicago imposed a curfew on alcohol sales on Thursday."), "17") == [
        ("Chicago", "USA", "city")]
    assert placed(code_text("Ankara imposed a curfew on the town on Sunday."), "17") == [("Ankara", "TUR", "city")]


def test_a_person_named_like_a_town_is_no_place(code_text):
    r = code_text("Lyons attacked the rebels on Monday.")  # the lexicon reads "Lyons" as Lyon
    assert r.events and all(where is None for where, _, _ in placed(r))


def test_a_state_imposes_sanctions_at_home_under_a_foreign_dateline(code_text):
    r = code_text("ISTANBUL (Reuters) - The United States imposed sanctions on two Turkish ministers on "
                  "Tuesday, Turkish officials said.")
    assert placed(r, "16") == [("United States", "USA", "country")]


def test_an_act_at_sea_is_in_no_country_the_story_covers(code_text):
    story = (" on Saturday, India's navy said. The Indian navy has been patrolling the area since October, "
             "Indian officials said. India praised the operation.")
    sea = code_text("Indian commandos captured 23 pirates in the Gulf of Aden" + story)
    assert placed(sea, "17") == [(None, None, None)]
    village = code_text("Indian commandos captured 23 pirates in the village of Deir Sharki" + story)
    assert placed(village, "17") == [("India", "IND", "country")]  # a place unknown to us, in the story's country


def test_an_event_nouns_scene_is_its_verbs():
    from eventscope.analyze import load_nlp
    from eventscope.coding.place_phrases import sentence_owners

    doc = load_nlp()("A Mafia boss in Palermo hanged himself hours after he was arrested in a police raid.")
    raid = next(t for t in doc if t.lower_ == "raid")
    owners = {doc[i].lower_ for i in sentence_owners(raid)}
    assert {"raid", "arrested", "boss"} <= owners  # "in Palermo" hangs on the boss


def test_foreign_forces_striking_the_datelines_people_strike_in_its_country(code_text):
    local = code_text("KABUL (Reuters) - American troops fired on Afghan protesters on Monday, Afghan officials said.")
    assert placed(local, "19") == [("Afghanistan", "AFG", "country")]  # the country; the town is not sure
    for other in ("Pakistani protesters", "Afghan soldiers"):  # another people; an army may fight abroad
        r = code_text(f"KABUL (Reuters) - American troops fired on {other} on Monday, Afghan officials said.")
        assert placed(r, "19") == [(None, None, None)]
