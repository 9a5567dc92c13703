"""Country names and places derived from PETRARCH2's Phoenix country dictionary
(tools/build_country_knowledge.py), and the country-code errors fixed at derivation
(tools/phoenix_errors.py). The fixture dictionaries' countries are real (the codes must be
ours), their extra names, places and people invented."""

from __future__ import annotations

import pytest

from conftest import SHARED, UN_MEMBERS, load_tool
from eventscope.knowledge.actor_lexicon import DERIVED_COUNTRIES, DERIVED_PLACES, tokenize
from eventscope.knowledge.actor_files import load_lexicon
from eventscope.knowledge.tsv import ACTOR_DATA as DATA
from eventscope.knowledge.petrarch_actors import actor_records

PETRARCH = SHARED / "reference" / "petrarch2"
CONFIG = """\
[Dictionaries]
actorfile_list   = Mini.Countries.actors.txt
"""
COUNTRIES = """\
MAURITANIA_  [MRT]
+MAURITANIAN_
+MAURITANNIA_
+ZORBLAVAT_OASIS_
+BLACK_RIVER_

MAURITIUS_  [MUS]
+MAURITIAN_
+PORT_LOUIS_
ZEBULON_OULD_QUARFA_  # CountryInfo.txt
	[MUSELI 500101-600101]
	[MUSGOV 600101-700101]
	[MUSELI]
YARRIK_OULD_VENTOSH_  # CountryInfo.txt
	[MUSGOV 700101-800101]
ANIL_BRAXTONNE_  # CountryInfo.txt
	[MUSGOV 030101-050831]
BALDEV_CROOMSBY_  # CountryInfo.txt
	[MUSGOV 050901-090731]

KENYA_  [KEN]
+KENYAN_
+KENIA_
QUENTIN_MORVASH_  # CountryInfo.txt
	[TZAGOV 100101-120101]
PRUDENCE_ALVERO_  # Minister of Finance of Uganda
	[KENGOV 100101-120101]
OSWIN_TALLAKER_  # he was President, but back in the Uganda days
	[KENGOV 100101-120101]
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petrarch")
    (folder / "PETR_config.ini").write_text(CONFIG, encoding="utf-8")
    (folder / "Mini.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (folder / "LICENSE").write_text("The MIT License (MIT)\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def countries(folder):
    tool = load_tool("build_country_knowledge")
    text, places, counts, path = tool.build(folder, common={"black", "river", "port"})
    return text, places, counts


def test_names_adjectives_and_places_ours_lacks(countries):
    text, places, counts = countries
    row = next(line.split("\t") for line in text.splitlines() if line.startswith("MRT"))
    assert row[1] == "Mauritania"  # our canonical name
    assert "Mauritannia" in row[2]  # a spelling of the name
    assert "Mauritanian" not in text and "Kenyan" not in text  # ours has these adjectives
    assert "Zorblavat Oasis\tMRT\tregion" in places  # a place of the country: the country only
    assert "Black River" not in places  # common words only: false matches
    assert counts["aliases: ours knows the name"] >= 4


def test_derived_names_are_read_under_ours():
    ours, both = load_lexicon(derived=False), load_lexicon(derived=True)
    for k, entries in ours.table.items():
        assert both.table[k] == entries
    found = both.lookup(tokenize("Jermany"))
    assert ours.lookup(tokenize("Jermany")) == [] and found and found[0].country == "DEU"
    assert (DATA / DERIVED_COUNTRIES).is_file() and (DATA / DERIVED_PLACES).is_file()


# --- country-code errors -------------------------------------------------------------------

def _fixes(folder):
    tool = load_tool("build_actor_knowledge")
    errors = load_tool("phoenix_errors")
    path = folder / "Mini.Countries.actors.txt"
    records = actor_records(path)
    fixes, counts = errors.find(path, records, load_lexicon(derived=False), tool.un_members(),
                                tool.is_person, tool.has_sector, tool.RENAMED)
    return {records[n].phrases[0]: country for n, country in fixes.items()}, counts


def test_heads_of_state_of_an_empty_section_go_to_its_country(folder):
    fixes, counts = _fixes(folder)
    assert fixes["ZEBULON_OULD_QUARFA_"] == "MRT" and fixes["YARRIK_OULD_VENTOSH_"] == "MRT"
    assert "ANIL_BRAXTONNE_" not in fixes and "BALDEV_CROOMSBY_" not in fixes  # the alphabetical list stays
    assert counts["errors fixed: heads of state of MRT coded MUS"] == 2


def test_section_and_role_text_disagreements(folder):
    fixes, counts = _fixes(folder)
    assert fixes["QUENTIN_MORVASH_"] == "KEN"  # coded TZA in Kenya's section
    assert fixes["PRUDENCE_ALVERO_"] == "UGA"  # "Minister of Finance of Uganda"
    assert "OSWIN_TALLAKER_" not in fixes  # a remark, not a role of Uganda


def test_a_fixed_record_keeps_its_dates():
    errors = load_tool("phoenix_errors")
    from eventscope.knowledge.petrarch import Role
    from eventscope.knowledge.petrarch_actors import ActorRecord

    import datetime as dt
    record = ActorRecord(["X_"], "f:1", [Role("MUSGOV", dt.date(2008, 8, 6))], Role("MUSELI"))
    fixed = errors.recoded(record, "MRT")
    assert [r.code for r in fixed.roles] == ["MRTGOV"] and fixed.roles[0].start == dt.date(2008, 8, 6)
    assert fixed.default.code == "MRTELI"


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not (PETRARCH / "PETR_config.ini").exists(), reason="../shared PETRARCH2 dictionaries absent")
def test_committed_country_files_are_the_tools_output():
    tool = load_tool("build_country_knowledge")
    text, places, _, path = tool.build(PETRARCH)
    assert (DATA / DERIVED_COUNTRIES).read_text(encoding="utf-8") == text
    assert (DATA / DERIVED_PLACES).read_text(encoding="utf-8") == places
    assert (DATA / "phoenix_countries.NOTICE").read_text(encoding="utf-8") == tool.notice(path)


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not (PETRARCH / "PETR_config.ini").exists(), reason="../shared PETRARCH2 dictionaries absent")
def test_mauritanias_heads_of_state_are_mauritanian():
    from eventscope.actors.phrase import resolve_phrase

    actor = resolve_phrase("Mohamed Ould Abdel Aziz", date="2010-05-01")
    assert actor.country == "MRT"


# --- countries.tsv's UN block --------------------------------------------------------------

def test_the_tools_un_members_are_the_193():
    assert load_tool("build_actor_knowledge").un_members() == UN_MEMBERS


def test_a_countries_file_that_lost_its_un_block_line_is_an_error(tmp_path):
    tool = load_tool("build_actor_knowledge")
    text = (DATA / "countries.tsv").read_text(encoding="utf-8")
    edited = tmp_path / "countries.tsv"
    edited.write_text(text.replace(tool.UN_BLOCK + "\n", "# UN member states, and a comment that grew\n"),
                      encoding="utf-8")
    with pytest.raises(ValueError, match="UN member states"):
        tool.un_members(edited)
    assert len(tool.un_members(DATA / "countries.tsv")) == 193
