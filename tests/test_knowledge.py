"""The knowledge layer: one TSV reader, one inflection function, typed evidence, no import circle."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from eventscope.knowledge.inflection import inflections, verb_forms
from eventscope.knowledge.tsv import DataFileError, read_tsv
from eventscope.models import Evidence, evidence_from_json, evidence_json, render_evidence

PACKAGE = Path(__file__).resolve().parents[1] / "eventscope"


def test_tsv_reader_skips_comments_and_blanks_pads_short_rows_and_names_bad_lines(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("# a comment\n\nname\tcode\tnote\n  # indented comment\nIran\tIRN\nIraq\tIRQ\tok\n",
                    encoding="utf-8")
    assert read_tsv(path) == [(5, {"name": "Iran", "code": "IRN", "note": ""}),
                              (6, {"name": "Iraq", "code": "IRQ", "note": "ok"})]
    path.write_text("name\tcode\nIran\tIRN\textra\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"x.tsv:2: 3 columns"):
        read_tsv(path)


def test_english_forms_are_generous_petrarch_forms_are_petrarch2s():
    assert {"cries", "cried", "crying"} <= inflections("cry")
    assert {"vetoes", "vetoed"} <= inflections("veto")
    assert "cancelled" in inflections("cancel")
    assert inflections("cry", petrarch=True) == {"cry", "cries", "cried", "crying"}
    assert inflections("agree", petrarch=True) == {"agree", "agrees", "agreed", "agreing"}
    assert inflections("veto", petrarch=True) == {"veto", "vetos", "vetoed", "vetoing"}
    assert inflections("stab", petrarch=True) >= {"stabbed", "stabbing"}
    assert "cancelled" not in inflections("cancel", petrarch=True)  # doubling: short verbs, never l
    assert {"fought", "fight"} <= verb_forms("fight")  # irregular_verbs.tsv


def test_evidence_is_typed_stored_as_json_and_rendered_as_one_line():
    items = (Evidence("lexicon", "person:people.tsv:12", "name", "people.tsv:12"),
             Evidence("lexicon", "Defence Minister", "role", "people.tsv:12", qualifier="former"),
             Evidence("model", "class5 model p(3)=0.81", weight=0.81))
    assert render_evidence(items) == ("name=person:people.tsv:12; role=former Defence Minister; "
                                      "class5 model p(3)=0.81")
    assert evidence_from_json(evidence_json(items)) == items
    # the stored form: each record's fields in declaration order, empty ones left out
    assert json.loads(evidence_json(items)) == [
        {"kind": "lexicon", "value": "person:people.tsv:12", "decides": "name", "entry": "people.tsv:12"},
        {"kind": "lexicon", "value": "Defence Minister", "decides": "role", "entry": "people.tsv:12",
         "qualifier": "former"},
        {"kind": "model", "value": "class5 model p(3)=0.81", "weight": 0.81}]
    assert [list(r) for r in json.loads(evidence_json(items))][1] == ["kind", "value", "decides", "entry", "qualifier"]


def test_no_stage_imports_a_later_one_and_knowledge_imports_no_stage():
    """knowledge is read by every stage; actors is read by coding, never the reverse."""
    forbidden = {"knowledge": ("eventscope.actors", "eventscope.coding", "eventscope.pipeline"),
                 "actors": ("eventscope.coding",)}
    for package, names in forbidden.items():
        for path in (PACKAGE / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    assert not node.module.startswith(names), f"{path}: imports {node.module}"
