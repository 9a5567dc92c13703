"""User dictionaries: the TSV format, the PETRARCH importer and `eventscope actors`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventscope.knowledge.dictionaries import ActorDictionary, split_code
from eventscope.actors.phrase import resolve_phrase

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PETR = SHARED / "data" / "dev" / "petrarch_dictionaries"

ACTORS = """\
<!-- INVENTED TEST DICTIONARY
# spanning several lines -->
VALDORIA [VLD]   # a country
+VALDORIAN
+PORT_MIRREN

GRAND_VIZIER_OSKAR  # dated roles, first match wins
+OSKAR
\t[VLDELI <950101]
\t[VLDGOV 19950101 - 19991231]
\t[VLDMIL 19980101-19981231]
\t[VLDREB > 20000601]

<! -- a malformed comment opener -->
KESTREL_FRONT [VLDREBKST]
NOBODY_IN_PARTICULAR [---]
TWIN_CITIES [TWC/TWD]
"""

AGENTS = """\
!OFFICE! = MINISTER, MINISTERS, MINISTRY
POLICE {} [~COP]
HARBOUR_MASTER {HARBOUR_MASTERS} [~GOV]
!OFFICE!_OF_LIGHTHOUSES [~GOVLHS]
FISHERMAN {FISHERMEN} [~AGR]
RELIEF_CHARITY [NGO~]
TAX COLLECTOR [~GOV]
"""

DISCARDS = "+CHESS OLYMPIAD\nREGATTA_\n"


@pytest.fixture()
def book(tmp_path):
    (tmp_path / "Test.actors.txt").write_text(ACTORS)
    (tmp_path / "Test.agents.txt").write_text(AGENTS)
    (tmp_path / "Test.discards.txt").write_text(DISCARDS)
    (tmp_path / "Test.verbs.txt").write_text("--- SAIL [032] ---\nSAIL\n- * HOME [034]\n")
    return ActorDictionary.load(tmp_path)


def test_code_splitting():
    assert split_code("DAGGOV") == ("DAG", "GOV")
    assert split_code("PSEREBHMS") == ("PSE", "REB")
    assert split_code("PSEHMSGOV") == ("PSE", "GOV")  # first *known* sector code
    assert split_code("ISR") == ("ISR", None)
    assert split_code("---") == (None, None)


def test_actors_and_aliases(book):
    assert book.warnings == []
    for text in ("Valdoria", "the Valdorian", "Port Mirren"):
        actor = book.lookup(text)
        assert (actor.country, actor.sector, actor.name) == ("VLD", None, "Valdoria")
    assert book.lookup("Kestrel Front").sector == "REB"
    assert book.lookup("Twin Cities").country == "TWC"


@pytest.mark.parametrize("date, code", [
    ("1994-06-01", "VLDELI"), ("1995-01-01", "VLDELI"),  # limits are inclusive
    ("1995-01-02", "VLDGOV"), ("1998-06-01", "VLDGOV"),
    ("1999-12-31", "VLDGOV"), ("2003-01-01", "VLDREB"),
])
def test_date_restrictions_first_match_wins(book, date, code):
    assert book.code("Grand Vizier Oskar", date) == code


def test_no_restriction_and_no_default_is_a_null_actor(book):
    assert book.code("Oskar", "1999-12-31") == "VLDGOV"
    assert book.code("Oskar", "2000-03-01") == "null"  # gap between the restrictions
    assert book.lookup("nobody in particular").country is None


def test_agents_combine_with_actors(book):
    assert book.code("Valdorian police") == "VLDCOP"
    assert book.code("harbour masters of Port Mirren") == "VLDGOV"
    assert book.code("Valdorian fishermen") == "VLDAGR"
    assert book.code("the Valdorian ministry of lighthouses") == "VLDGOVLHS"
    assert book.code("Relief Charity Valdoria") == "NGOVLD"  # NGO~ goes before the actor
    assert book.lookup("a relief charity").country == "NGO"
    assert book.agent_lookup("the tax collector") == "GOV"
    assert book.agent_lookup("the tax and customs collector") == "GOV"  # a blank allows a gap
    assert book.agent_lookup("ministers of lighthouses") == "GOV"
    assert book.agent_lookup("polices") is None  # {} = no plural


def test_verbs_file_gives_patterns(book):
    assert [p.code for p in book.verb_patterns()] == ["032", "034"]


def test_full_codes(book):
    assert book.full_codes("Twin Cities") == ["TWC", "TWD"]  # "/" = two actors
    assert book.full_codes("the ministry of lighthouses") == ["---GOVLHS"]  # agent, no actor
    assert book.full_codes("Relief Charity Valdoria") == ["NGOVLD"]
    assert book.full_codes("Kestrel Front police") == ["VLDREBKSTCOP"]
    assert book.full_codes("nobody in particular") == ["---"]
    assert book.full_codes("a chess match") is None


def test_discards(book):
    assert book.discard("at the Chess Olympiad today") == "story"
    assert book.discard("the regatta was cancelled") == "sentence"
    assert book.discard("the regattas") is None  # a trailing "_" means the whole word
    assert book.discard("a chess match") is None


def test_dictionary_comes_before_the_builtin_lexicon(book):
    actor = resolve_phrase("Valdorian police", dictionaries=book)
    assert (actor.country, actor.sector) == ("VLD", "COP")
    # the dictionary gives only the country; the built-in lexicon adds the sector
    actor = resolve_phrase("Valdorian warplanes", dictionaries=book)
    assert (actor.country, actor.sector) == ("VLD", "MIL")
    assert resolve_phrase("Chinese warplanes", dictionaries=book).country == "CHN"


def test_user_tsv_roles(tmp_path):
    (tmp_path / "people.tsv").write_text(
        "name\taliases\tcountry\tsector\tstart\tend\n"
        "# one row per role\n"
        "Mara Quill\tQuill|Minister Quill\tGBR\tMIL\t2001-01-01\t2004-12-31\n"
        "Mara Quill\t\tGBR\tGOV\t2008-01-01\t\n"
        "Ivo Renn\t\tNOR\tBUS\t\t\n"
        "Ivo Renn\t\tNOR\tGOV\t2015-01-01\t2016-01-01\n")
    book = ActorDictionary.load(tmp_path / "people.tsv")
    assert book.lookup("Quill", "2002-05-05").sector == "MIL"
    assert book.lookup("Mara Quill", "2010-05-05").sector == "GOV"
    assert book.lookup("Minister Quill", "2006-01-01").sector == "MIL"  # nearest role
    assert book.lookup("Ivo Renn", "2015-06-01").sector == "GOV"
    assert book.lookup("Ivo Renn", "2020-06-01").sector == "BUS"  # the undated default
    assert book.lookup("someone else") is None


def test_bad_lines_are_reported_not_fatal(tmp_path, capsys):
    (tmp_path / "x.actors.txt").write_text("+ORPHAN\nGOOD [ABC]\n\t[ABC 1999]\n")
    book = ActorDictionary.load(tmp_path)
    assert book.lookup("good").country == "ABC"
    assert any("x.actors.txt:1" in w for w in book.warnings)
    assert any("x.actors.txt:3" in w for w in book.warnings)
    assert "x.actors.txt:3" in capsys.readouterr().err


@pytest.mark.skipif(not PETR.exists(), reason="../shared not present")
def test_real_petrarch_validation_dictionaries():
    book = ActorDictionary.load(PETR)
    assert book.warnings == []
    assert book.code("Dagolath's first Deputy Prime Minister Telemar") == "DAGGOV"
    assert book.code("Arnor's foreign minister") == "ARNGOVFRM"
    assert book.code("Soldiers from Gondor") == "GONMIL"
    assert book.code("An MSF Arnor diplomat") == "NGOARNGOV"
    assert book.code("Gollum", "1996-01-01") == "HOBGOV"
    assert book.code("Sam Gamgee", "2010-01-10") == "ORCHOB"  # overrides the next restriction
    assert book.code("Zimbabwe", "1975-01-01") == "RHO"
    assert book.lookup("Hamas").sector == "REB"
    assert book.agent_lookup("congresswomen") == "LEG"  # !PERSON! substitution
    assert book.discard("ESPN2 said") == "story"


def test_actors_command(tmp_path, book):
    from eventscope.cli.app import app
    import eventscope.cli.actors_cmd  # noqa: F401  registers the command

    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([
        json.dumps({"id": 1, "text": "the Kremlin"}),
        "{broken",
        json.dumps({"id": 2, "text": "Valdorian police", "date": "2001-01-01"}),
        json.dumps({"id": 3}),
        json.dumps({"id": 4, "text": "Defense Minister", "context": "the German Defense Minister"}),
    ]) + "\n")
    (tmp_path / "dicts").mkdir()
    (tmp_path / "dicts" / "Test.actors.txt").write_text(ACTORS)
    (tmp_path / "dicts" / "Test.agents.txt").write_text(AGENTS)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["actors", str(source), "-o", str(out),
                                      "--dictionaries", str(tmp_path / "dicts")])
    assert result.exit_code == 3  # some lines rejected, as every command says it
    assert "in.jsonl:2" in result.output and "in.jsonl:4" in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows == [
        {"id": 1, "country": "RUS", "sector": "GOV", "name": "Kremlin"},
        {"id": 2, "country": "VLD", "sector": "COP", "name": "Valdoria"},
        {"id": 4, "country": "DEU", "sector": "GOV", "name": "Defense Minister"},
    ]
