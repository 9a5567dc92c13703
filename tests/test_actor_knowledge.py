"""Actors derived from PETRARCH2's Phoenix dictionaries (tools/build_actor_knowledge.py), their
place under our own actor data, and resolving them by date and context. The fixture dictionary,
its people and organisations, and the sentences are invented."""

from __future__ import annotations


import pytest

from conftest import SHARED, load_tool
from eventscope.knowledge.actor_files import load_lexicon
from eventscope.knowledge.tsv import ACTOR_DATA as DATA
from eventscope.knowledge.derived_actors import DERIVED_FILES
from eventscope.knowledge.petrarch_actors import actor_records

PETRARCH = SHARED / "reference" / "petrarch2"


def _tool():
    return load_tool("build_actor_knowledge")


CONFIG = """\
[Dictionaries]
verbfile_name    = none.verbs.txt
actorfile_list   = Mini.Countries.actors.txt, Mini.International.actors.txt
"""
COUNTRIES = """\
# mini country actors
GROXLAND_  [ISL]
+GROXLANDIA_

# National institutions
GROXLAND_NATIONAL_GUARD_
+GNG
	[ISLMIL]
NATIONAL_SECURITY_COUNCIL_  [ISLGOV]
KELVAR_CHAMBER_ [ISLLEG]
ICELANDIC_NATIONAL_COALITION_ [ISLOPP]
PEOPLE'S_FRONT_FOR_GROXLAND_(PFG)_ [ISLREB]

ZORBAN_KALINSKI_  # CountryInfo.txt
+KALINSKI_
+ZORBAN_
+PRESIDENT_KALINSKI
	[ISLELI 600101-990101]
	[ISLGOV 990101-041231]
	[ISLELI]
MIRKO_VELTAN_
MIRKO_S._VELTAN
	[ISLGOV 100301]
ZORBAN_PETROV_
+ORBIT
	[ISLGOV 120101-130101]
ANNA_MERTZ_
+MERTZ
	[ISLGOV 050101-060101]
OTTO_MERTZ_
+MERTZ
	[NORGOV 070101-080101]
VLADIMIR_PUTIN_
+GROX_STRONGMAN
	[ISLGOV]
BAD_DATES_PERSON_
	[ISLGOV 991399-000101]
	[ISLGOV 010101-020101]
"""
INTERNATIONAL = """\
KARA_LUNDQVIST_	[IGOUNO 970101-061231] [ELI]
WORLD_GRAIN_AGENCY_	[IGOUNOAGR]
+WGA
EUROPEAN_FISH_BOARD_	[IGOEUREEC]
TOLLAN_WIDGETS_INC_	[MNCISL]
FRIENDS_OF_THE_HERON_	[NGOENV]
KELVAR_CHAMBER_	[NORLEG]
"""
COMMON = {"orbit", "national", "security", "council", "guard", "chamber", "front", "people"}


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phoenix")
    (folder / "PETR_config.ini").write_text(CONFIG)
    (folder / "Mini.Countries.actors.txt").write_text(COUNTRIES)
    (folder / "Mini.International.actors.txt").write_text(INTERNATIONAL)
    (folder / "Ignored.actors.txt").write_text("NOT_NAMED_BY_THE_CONFIG_ [ISLGOV]\n")
    tool = _tool()
    files = tool.actor_files(folder)
    warnings: list[str] = []
    records = [r for path in files for r in actor_records(path, warnings)]
    derived = tool.derive(records, COMMON, load_lexicon(derived=False))
    people: dict[str, list[list[str]]] = {}
    for row in derived.people:
        people.setdefault(row[0], []).append(row)
    orgs = {row[0]: row for row in derived.orgs}
    return {"files": files, "records": records, "warnings": warnings, "people": people, "orgs": orgs}


def test_the_config_decides_which_files_are_actor_dictionaries(mini):
    assert [p.name for p in mini["files"]] == ["Mini.Countries.actors.txt", "Mini.International.actors.txt"]


def test_root_lines_without_codes_share_the_codes_that_follow(mini):
    veltan = next(r for r in mini["records"] if r.phrases[0] == "MIRKO_VELTAN_")
    assert veltan.phrases == ["MIRKO_VELTAN_", "MIRKO_S._VELTAN"]
    lundqvist = next(r for r in mini["records"] if r.phrases[0] == "KARA_LUNDQVIST_")
    assert [r.code for r in lundqvist.roles] == ["IGOUNO"] and lundqvist.default.code == "ELI"


def test_a_bad_date_is_reported_with_file_and_line_and_the_rest_is_read(mini):
    line = COUNTRIES.splitlines().index("\t[ISLGOV 991399-000101]") + 1
    assert any(w.startswith(f"Mini.Countries.actors.txt:{line}: bad date") for w in mini["warnings"])
    assert [r[6] for r in mini["people"]["Bad Dates Person"]] == ["2001-01-01"]


def test_people_keep_their_dated_roles_and_default(mini):
    rows = {(r[3], r[6], r[7]) for r in mini["people"]["Zorban Kalinski"]}
    assert rows == {("ELI", "1960-01-01", "1999-01-01"), ("GOV", "1999-01-01", "2004-12-31"), ("ELI", "", "")}
    aliases = mini["people"]["Zorban Kalinski"][0][1].split("|")
    assert "Kalinski" in aliases and "President Kalinski" in aliases


def test_an_open_role_ends_at_the_dictionary_date_and_is_unknown_after(mini):
    rows = sorted((r[3], r[6], r[7]) for r in mini["people"]["Mirko Veltan"])
    assert rows == [("", "2015-05-01", ""), ("GOV", "2010-03-01", "2015-04-30")]


def test_a_code_without_country_takes_the_persons_other_country(mini):
    rows = {(r[2], r[3], r[6]) for r in mini["people"]["Kara Lundqvist"]}
    assert rows == {("IGO", "", "1997-01-01"), ("IGO", "ELI", "")}


def test_organisation_codes_map_to_ours(mini):
    orgs = mini["orgs"]
    assert orgs["World Grain Agency"][1:] == ["WGA", "IGO", "AGR", ""]
    assert orgs["European Fish Board"][2] == "EUR"  # EU bodies: EUR, as organizations.tsv
    assert orgs["Tollan Widgets Inc"][2:4] == ["ISL", "BUS"]
    assert orgs["Friends of the Heron"][2] == "NGO"
    assert orgs["Groxland National Guard"][1:4] == ["GNG", "ISL", "MIL"]
    assert orgs["People's Front for Groxland"][1] == "PFG"  # the acronym written in parentheses
    assert "Groxland" not in orgs  # country names: countries.tsv has them


def test_false_match_aliases_are_left_out(mini):
    people = mini["people"]
    aliases = {a for rows in people.values() for a in rows[0][1].split("|")}
    assert "Zorban" not in aliases  # a given name alone
    assert "Orbit" not in aliases  # a common word
    assert people["Anna Mertz"][0][1] == people["Otto Mertz"][0][1] == "Mertz"  # namesakes: the document chooses
    assert "National Security Council" not in mini["orgs"]  # common words of one country
    assert "Kelvar Chamber" not in mini["orgs"]  # the same name in two countries


def test_a_word_of_no_kind_reads_nothing_of_a_name(mini):
    # ours reads "Icelandic" (a demonym) and "coalition" (a role), but "national" is a word of
    # no kind (sectors.tsv UNK: "the Kenyan national"): the name is a body's, not a role
    assert mini["orgs"]["Icelandic National Coalition"][2:4] == ["ISL", "OPP"]


def test_a_record_ours_describes_is_left_out_entirely(mini):
    assert "Vladimir Putin" not in mini["people"] and "Vladimir Putin" not in mini["orgs"]


# --- the shipped data ---------------------------------------------------------------------

def test_derived_files_ship_with_the_mit_notice():
    for name in DERIVED_FILES:
        assert "MIT License" in (DATA / name).read_text(encoding="utf-8").splitlines()[1]
    notice = (DATA / "phoenix_actors.NOTICE").read_text(encoding="utf-8")
    assert "Permission is hereby granted" in notice and "Open Event Data" in notice


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not (PETRARCH / "PETR_config.ini").exists(), reason="../shared PETRARCH2 dictionaries absent")
def test_committed_files_are_the_tools_output():
    tool = _tool()
    derived, files, _ = tool.build(PETRARCH)
    people, orgs = tool.render(derived)
    assert (DATA / "phoenix_people.tsv").read_text(encoding="utf-8") == people
    assert (DATA / "phoenix_organizations.tsv").read_text(encoding="utf-8") == orgs
    assert (DATA / "phoenix_actors.NOTICE").read_text(encoding="utf-8") == tool.notice(PETRARCH, files)


def test_ours_stays_on_top_of_the_derived_actors():
    ours, both = load_lexicon(derived=False), load_lexicon(derived=True)
    for k, entries in ours.table.items():
        assert both.table[k] == entries and k not in both.pending  # no derived entry under a name ours knows
    assert len(both.pending) + len(both.table) > 5 * len(ours.table)


def test_every_derived_row_reads():
    from eventscope.knowledge.tsv import read_tsv

    both = load_lexicon(derived=True)
    for k in list(both.pending):
        assert all(e.kind in ("person", "org") and e.name for e in both._deferred(k))
    assert len(read_tsv(DATA / "phoenix_people.tsv")) > 25_000


# --- resolving derived actors by date and in context (shipped data) ----------------------

def _resolve(text: str, date: str | None = None):
    from eventscope.actors.phrase import resolve_phrase

    actor = resolve_phrase(text, date=date)
    return actor.name, actor.country, actor.sector


def test_a_derived_person_is_coded_by_the_documents_date():
    assert _resolve("Mir Hossein Moussavi", "1985-03-01") == ("Mir Hossein Moussavi", "IRN", "GOV")
    assert _resolve("Mir Hossein Moussavi", "2009-06-20") == ("Mir Hossein Moussavi", "IRN", "ELI")
    assert _resolve("President Carter", "1978-01-01") == ("Jimmy Carter", "USA", "GOV")
    assert _resolve("President Carter", "1995-01-01") == ("Jimmy Carter", "USA", "ELI")  # out of office


def test_after_the_dictionaries_date_a_role_is_unknown_unless_the_text_gives_it():
    assert _resolve("Oumar Ibrahima Toure", "2010-01-01") == ("Oumar Ibrahima Toure", "MLI", "GOV")
    assert _resolve("Oumar Ibrahima Toure", "2021-01-01") == ("Oumar Ibrahima Toure", "MLI", None)
    assert _resolve("Israeli President Reuven Rivlin", "2019-01-01") == ("Reuven Rivlin", "ISR", "GOV")


def test_roles_titles_and_frequent_names_are_no_derived_actors():
    assert _resolve("the German chancellor", "2019-01-01")[:2] == ("the German chancellor", "DEU")
    assert _resolve("John Williams", "2020-01-01") == ("John Williams", None, None)


def test_a_name_of_several_people_resolves_by_the_documents_countries(tmp_path):
    from eventscope.actors.reading import parse_phrase, read_phrase

    for name in ("countries", "places", "organizations", "people", "sectors"):
        (tmp_path / f"{name}.tsv").write_text((DATA / f"{name}.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "phoenix_people.tsv").write_text(
        "name\taliases\tcountry\tsector\tsector2\trole\tstart\tend\n"
        "Anna Mertz\tMertz\tISL\tGOV\t\tPhoenix ISLGOV\t2005-01-01\t2006-01-01\n"
        "Otto Mertz\tMertz\tNOR\tLEG\t\tPhoenix NORLEG\t2005-01-01\t2009-01-01\n", encoding="utf-8")
    lex = load_lexicon(str(tmp_path), derived=True)
    import datetime as dt

    def read(text, countries):
        reading = read_phrase(parse_phrase(text, lex), False, dt.date(2005, 6, 1), lambda: set(countries))
        return reading.name, reading.country, reading.sector

    assert read("Mertz", {"NOR", "SWE"}) == ("Otto Mertz", "NOR", "LEG")
    assert read("Mertz", {"ISL"}) == ("Anna Mertz", "ISL", "GOV")
    assert read("Mertz", {"FRA"})[1:] == (None, None)  # neither country named: nobody known
    assert read("Speaker Mertz", set())[2] == "LEG"  # the title still reads


def test_petrarch_mode_reads_root_lines_without_codes_as_synonyms(tmp_path):
    from eventscope.knowledge.dictionaries import ActorDictionary

    (tmp_path / "Mini.Countries.actors.txt").write_text(COUNTRIES)
    (tmp_path / "Mini.International.actors.txt").write_text(INTERNATIONAL)
    book = ActorDictionary.load(tmp_path)
    for name in ("Mirko Veltan", "Mirko S. Veltan"):  # both share the [ISLGOV 100301] after them
        actor = book.lookup(name, "2012-01-01")
        assert (actor.country, actor.sector) == ("ISL", "GOV")
    assert book.code("Kara Lundqvist", "2001-01-01") == "IGOUNO"
    assert book.code("Kara Lundqvist", "2010-01-01") == "ELI"  # the default after the dated role
