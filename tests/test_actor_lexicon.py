"""Built-in actor lexicon and phrase resolution."""

from __future__ import annotations

from collections import defaultdict

import pytest

from conftest import UN_MEMBERS
from eventscope.knowledge.actor_lexicon import LexiconError, key, tokenize
from eventscope.knowledge.actor_files import _load_lexicon, load_lexicon, sector_codes
from eventscope.knowledge.tsv import ACTOR_DATA as DATA, read_tsv, split_list
from eventscope.actors.phrase import evidence_fields, parse_date, resolve_country, resolve_phrase


def resolved(text, context=None, date=None):
    actor = resolve_phrase(text, context=context, date=date)
    return actor.country, actor.sector


# ------------------------------------------------------------------ data files

def test_every_un_member_and_observer_is_present():
    assert len(UN_MEMBERS) == 193
    codes = {row["iso3"] for _, row in read_tsv(DATA / "countries.tsv")}
    assert UN_MEMBERS <= codes
    assert {"PSE", "VAT", "TWN", "XKX", "HKG", "ESH"} <= codes


def test_no_country_alias_points_to_two_countries():
    owners = defaultdict(set)
    for _, row in read_tsv(DATA / "countries.tsv"):
        phrases = [row["name"], *split_list(row["aliases"]), *split_list(row["demonyms"]),
                   *split_list(row["capital"]), *(s.split("=")[0] for s in split_list(row["seats"]))]
        for phrase in phrases:
            owners[key(phrase)].add(row["iso3"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_every_sector_code_used_in_data_is_documented():
    known = set(sector_codes())
    used = set()
    for name, columns in [("sectors.tsv", ("sector", "sector2")),
                          ("organizations.tsv", ("sector", "sector2")),
                          ("people.tsv", ("sector", "sector2"))]:
        for _, row in read_tsv(DATA / name):
            used.update(row[c] for c in columns if row[c])
    assert used - known == set()


def test_people_dates_are_ordered():
    for lineno, row in read_tsv(DATA / "people.tsv"):
        if row["start"] and row["end"]:
            assert row["start"] <= row["end"], f"people.tsv:{lineno}"


def test_bad_data_file_names_file_and_line(tmp_path):
    for name in ("countries", "places", "organizations", "people", "sectors"):
        (tmp_path / f"{name}.tsv").write_text((DATA / f"{name}.tsv").read_text())
    (tmp_path / "people.tsv").write_text(
        "name\taliases\tcountry\tsector\tsector2\trole\tstart\tend\nX Y\t\tFRA\tGOV\t\tBoss\t1999-13\t\n")
    with pytest.raises(LexiconError, match=r"people.tsv:2: bad date"):
        _load_lexicon.__wrapped__(str(tmp_path), True)


# ------------------------------------------------------------------ normalisation

def test_tokenize_is_punctuation_and_diacritic_tolerant():
    assert key("U.S.") == key("US") == ("us",)
    assert key("the Élysée") == ("elysee",)
    assert [t.norm for t in tokenize("Chile’s Ministry")] == ["chile", "ministry"]
    assert [t.norm for t in tokenize("Russian-Iranian")] == ["russian", "iranian"]


def test_abbreviations_need_capitals():
    assert resolved("US officials") == ("USA", "GOV")
    assert resolve_country("let us talk") is None


# ------------------------------------------------------------------ seed and brief examples

@pytest.mark.parametrize("text, context, date, expected", [
    ("Russian Defense Minister Igor Sergeyev", None, "2000-12-28", ("RUS", "MIL")),
    ("Rear Adm. Ali Shamkhani", "his Iranian counterpart, Rear Adm. Ali Shamkhani", None, ("IRN", "MIL")),
    ("the U.S. State Department", None, None, ("USA", "GOV")),
    ("Tehran", None, None, ("IRN", "GOV")),
    ("the Kremlin", None, None, ("RUS", "GOV")),
    ("Iran", None, None, ("IRN", None)),
    ("the Taleban", None, None, ("AFG", "REB")),
    ("Chinese warplanes", None, None, ("CHN", "MIL")),
    ("riot police", None, None, (None, "COP")),
    ("U.S. officials", None, None, ("USA", "GOV")),
    ("the Pentagon", None, None, ("USA", "MIL")),
    ("Downing Street", None, None, ("GBR", "GOV")),
    ("Hamas", None, None, ("PSE", "REB")),
    ("Hezbollah fighters", None, None, ("LBN", "REB")),
])
def test_resolves(text, context, date, expected):
    assert resolved(text, context, date) == expected


def test_nato_is_an_igo_in_any_spelling():
    assert resolved("NATO")[0] == resolved("Nato")[0] == "IGO"
    assert resolve_phrase("the U.N.").name == "United Nations"


def test_compound_adjective_takes_the_first_country():
    assert resolved("Russian-Iranian military cooperation")[0] == "RUS"


def test_possessive_country():
    assert resolved("Peru's Ministry of Energy") == ("PER", "GOV")


def test_country_alone_has_no_sector_but_capital_is_government():
    assert resolved("Brazil") == ("BRA", None)
    assert resolved("Brasilia") == ("BRA", "GOV")
    assert resolve_phrase("Brasilia").name == "Brasília"


def test_role_priority_prefers_the_specific_institution():
    assert resolved("Indonesian police spokesman") == ("IDN", "COP")
    assert resolved("opposition lawmakers") == (None, "LEG")
    assert resolved("government troops") == (None, "MIL")


def test_former_makes_an_elite():
    assert resolved("a former Kenyan minister") == ("KEN", "ELI")
    assert resolved("retired general") == (None, "ELI")


def test_prepositional_parts():
    # "of"/"in" parts fill what the head lacks; "to" parts name someone else
    assert resolved("protesters in Caracas")[0] == "VEN"
    assert resolved("French envoy to NATO") == ("FRA", "GOV")
    assert resolved("speaker of the Knesset") == ("ISR", "LEG")
    assert resolved("head of the army") == (None, "MIL")


def test_context_is_only_a_fallback_for_the_country():
    assert resolved("Defense Minister", context="the German Defense Minister said") == ("DEU", "GOV")
    assert resolved("Mexican troops", context="talks in Paris")[0] == "MEX"
    near = "Police in Peru arrested two Bolivians; the interior minister said"
    assert resolved("the interior minister", context=near)[0] == "BOL"


def test_people_roles_follow_the_date():
    assert resolved("Vladimir Putin", date="1999-01-15") == ("RUS", "SPY")
    assert resolved("Vladimir Putin", date="2005-06-01") == ("RUS", "GOV")
    assert resolved("Tony Blair", date="2012-01-01") == ("GBR", "ELI")
    actor = resolve_phrase("Putin", date="2010-01-01")
    assert actor.name == "Vladimir Putin"
    assert evidence_fields(actor)["role"] == "Prime Minister of Russia"


def test_surname_homonyms_pick_the_officeholder_of_the_day():
    assert resolve_phrase("President Bush", date="1991-06-01").name == "George H. W. Bush"
    assert resolve_phrase("President Bush", date="2003-06-01").name == "George W. Bush"


def test_title_in_phrase_beats_the_gazetteer_role():
    assert resolved("Senator Marco Rubio", date="2026-01-01") == ("USA", "LEG")


def test_unknown_person_name_is_extracted():
    actor = resolve_phrase("Bolivian Foreign Minister Jane Quispe")
    assert (actor.country, actor.sector, actor.name) == ("BOL", "GOV", "Jane Quispe")


def test_capitalised_name_words_are_not_places_or_people():
    assert resolved("Sen. Maria Valencia")[0] is None  # not Spain's Valencia
    assert resolve_phrase("car-borne youths").country is None  # not Élisabeth Borne


def test_secondary_sector_is_recorded():
    assert evidence_fields(resolve_phrase("defence minister"))["sector2"] == "MIL"  # PLOVER GOVMIL


def test_parse_date():
    assert parse_date("2001-10-02").isoformat() == "2001-10-02"
    assert parse_date("1999").year == 1999
    assert parse_date("1 January 2018").isoformat() == "2018-01-01"


def test_without_a_date_only_the_long_retired_are_former():
    assert resolved("Tony Blair", date="2005-01-01") == ("GBR", "GOV")
    assert resolved("Tony Blair", date="2012-01-01") == ("GBR", "ELI")
    assert resolved("Tony Blair") == ("GBR", "ELI")  # out of office since 2007
    assert resolved("Sergey Lavrov") == ("RUS", "GOV")  # still in office
    assert resolved("Jean-Yves Le Drian")[1] != "ELI"  # left recently: undated text may be his term


def test_entity_that_only_modifies_the_head_keeps_the_phrase_as_name():
    actor = resolve_phrase("the Trudeau government")
    assert (actor.country, actor.sector, actor.name) == ("CAN", "GOV", "the Trudeau government")
    assert resolve_phrase("Putin, President of Russia").name == "Vladimir Putin"  # apposition


def test_unknown_names_take_a_country_only_from_a_short_hint():
    sentence = "Officials in Ankara met Zorlan Vex on Monday"
    assert resolved("Zorlan Vex", context=sentence)[0] is None
    assert resolved("Zorlan Vex", context="Turkey")[0] == "TUR"


def test_no_person_name_without_a_title_next_to_it():
    assert resolve_phrase("Thousands of Myanmar nationals").name == "Thousands of Myanmar nationals"
    assert resolve_phrase("Ali Kushayb, a Sudanese militia leader").name == "Ali Kushayb"


def test_may_match_word_is_false_only_for_words_no_entry_can_match():
    from eventscope.knowledge.actor_lexicon import tokenize
    from eventscope.knowledge.actor_files import load_lexicon

    lex = load_lexicon()
    for word in ["talks", "weapons", "partnership", "sanctions", "week"]:
        if not lex.may_match_word(word):
            assert lex.scan(tokenize(word)) == []
    assert lex.may_match_word("officials") and lex.scan(tokenize("officials"))  # plural of an entry
    assert lex.may_match_word("Moscow") and lex.may_match_word("U.S.")  # capitals: towns, abbreviations
    assert not lex.may_match_word("partnership")


@pytest.mark.parametrize("plural, single", [
    ("gunmen", "gunman"), ("men", "man"), ("spokeswomen", "spokeswoman"), ("militias", "militia"),
    ("parties", "party"), ("churches", "church"), ("boss", None), ("bus", None), ("police", None)])
def test_singular_of_regular_and_men_plurals(plural, single):
    from eventscope.knowledge.actor_lexicon import singular
    assert singular(plural) == single


def test_no_organisation_alias_is_a_capitals_name():
    # "police in Georgetown" are Guyana's, not a university's: a capital's name stays the capital
    capitals = {key(c): row["iso3"] for _, row in read_tsv(DATA / "countries.tsv") for c in split_list(row["capital"])}
    clashes = [(row["name"], alias) for _, row in read_tsv(DATA / "organizations.tsv")
               for alias in [row["name"], *split_list(row["aliases"])] if key(alias) in capitals]
    assert clashes == []


@pytest.mark.parametrize("text,expected", [
    ("police in Georgetown", ("GUY", "COP")),
    ("an Athenian court", ("GRC", "JUD")),
    ("Muscovite protesters", ("RUS", "CVL")),
])
def test_a_capital_and_its_people_name_its_country(text, expected):
    assert resolved(text) == expected
