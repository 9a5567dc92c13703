"""Actor resolution beyond the lexicon: PLOVER agent conventions, the gazetteer fallback,
officeholders' own readings, lexicon hygiene, in-document compounds and the actors CLI."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from eventscope.knowledge.tsv import ACTOR_DATA as DATA, read_tsv
from eventscope.actors.phrase import evidence_fields, resolve_phrase


def coded(text, context=None, date=None, **kw):
    actor = resolve_phrase(text, context=context, date=date, **kw)
    return actor.country, actor.sector


@pytest.mark.parametrize("text,expected", [
    ("journalists", (None, "JRN")),  # PLOVER: JRN for media ...
    ("Ambulances", (None, "MED")),  # ... and MED for medical
    ("Syrian state television", ("SYR", "GOV")),  # STATE_MEDIA [~GOVJRN]
    ("the German defence ministry", ("DEU", "GOV")),  # DEFENCE_MINIST [~GOVMIL]
    ("Russian troops", ("RUS", "MIL")),
    ("any U.S. aircraft", ("USA", "MIL")),
    ("a military convoy", (None, "MIL")),
    ("the airliner", (None, "CVL")),
    ("an aid convoy", (None, "NGO")),
    ("Katushya rockets", (None, "MIL")),  # a spelling in the PLOVER agents file
])
def test_plover_agent_conventions(text, expected):
    assert coded(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("the U.N.", ("IGO", None)), ("NATO", ("IGO", "MIL")), ("the EU", ("EUR", None)),
    ("IAEA", ("IGO", None)), ("Hamas", ("PSE", "REB")), ("the Taleban", ("AFG", "REB")),
    ("Amnesty International", ("NGO", None)), ("Islamic State", ("IMG", "REB")),
    ("Whitehall", ("GBR", "GOV")), ("the Kremlin", ("RUS", "GOV")), ("Tehran", ("IRN", "GOV")),
    ("Washington", ("USA", "GOV")), ("the Tehran government", ("IRN", "GOV")),
])
def test_international_and_non_state_actors_and_seats_of_government(text, expected):
    assert coded(text) == expected


def test_state_media_records_the_media_sector_second():
    assert evidence_fields(resolve_phrase("Xinhua"))["sector2"] == "JRN"


def test_officer_serving_as_minister_stays_military():
    assert coded("Russian Defense Minister Igor Sergeyev", date="2000-12-28") == ("RUS", "MIL")
    assert coded("Defense Secretary Lloyd Austin", date="2022-01-01") == ("USA", "GOV")
    # the title says he holds the office, so he is not "former" even without a date
    assert "former" not in resolve_phrase("Defense Minister Igor Sergeyev").evidence_text


@pytest.mark.parametrize("text,expected", [
    ("Puerto Penasco", ("MEX", None)),  # a town the lexicon lacks: a country, no sector
    ("Dehli police", ("IND", "COP")),  # a GeoNames spelling of Delhi
    ("Ciudad del Este police", ("PRY", "COP")),  # lowercase connectors inside a town name
    ("Searchers of Puerto Penasco", (None, None)),  # a small town after "of" says where, not who
    ("Sen. Feliciano Valencia", (None, "LEG")),  # a surname, not Valencia, Venezuela
])
def test_gazetteer_fills_in_towns_the_lexicon_lacks(text, expected):
    assert coded(text) == expected


def test_gazetteer_can_be_switched_off_for_people():
    assert coded("Puerto Penasco", gazetteer=False) == (None, None)
    assert resolve_phrase("Puerto Penasco").name == "Puerto Peñasco"


def test_no_person_role_is_listed_twice():
    rows = Counter((r["name"], r["role"], r["start"]) for _, r in read_tsv(DATA / "people.tsv"))
    assert [k for k, n in rows.items() if n > 1] == []


def test_compound_adjective_gives_one_actor_per_country(processor):
    from eventscope.actors.mentions import DocActors
    from eventscope.models import Document

    text = "A Russian-Iranian delegation arrived in Kabul on Monday."
    doc = processor.nlp(text)
    actors = DocActors(doc, Document(id="t", text=text, date="2001-10-02", origin="test"))
    head = next(t for t in doc if t.text == "delegation")
    assert sorted(a.country for a in actors.actors_for(head)) == ["IRN", "RUS"]


def test_actors_command_reads_ngec_test_cases(tmp_path):
    from eventscope.cli import app

    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps({"test": "t1", "query": "Defense Minister", "known_country": "German",
                                 "date": None, "expected": []}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["actors", str(cases), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == {"id": "t1", "country": "DEU", "sector": "GOV",
                                           "name": "Defense Minister"}
