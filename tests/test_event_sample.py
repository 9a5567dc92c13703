"""tools/event_sample.py: the seeded draw of coded events and the verdict score (invented records)."""

from __future__ import annotations

import json

import pytest

from conftest import load_tool


@pytest.fixture(scope="module")
def tool():
    return load_tool("event_sample")


def _event(span, country):
    return {"source": [{"name": "x", "country": country, "sector": None}], "target": [],
            "plover": "ASSAULT", "cameo": "190", "sentence": 0, "span": span}


def test_draw_is_seeded_and_cuts_each_event_sentence(tool, tmp_path):
    inputs, coded = tmp_path / "in.jsonl", tmp_path / "coded.jsonl"
    inputs.write_text(json.dumps({"id": "a", "text": "Rebels shelled the town. Police arrested two men."}) + "\n")
    coded.write_text(json.dumps({"id": "a", "events": [_event([0, 24], "SYR"), _event([25, 49], "SYR")]}) + "\n")
    first = tool.draw(inputs, coded, 1, seed=3)
    assert first == tool.draw(inputs, coded, 1, seed=3)
    assert {text for _, _, text in tool.draw(inputs, coded, 5, seed=3)} == {
        "Rebels shelled the town.", "Police arrested two men."}


def test_score_counts_verdicts_and_refuses_unknown_ones(tool, tmp_path):
    header = "\t".join(tool.COLUMNS)
    good = tmp_path / "good.tsv"
    good.write_text(header + "\na\t0\t190\tASSAULT\tSYR\t-\tright\t\nb\t1\t173\tCOERCE\tITA\t-\twrong\tx\n")
    assert tool.score(good) == {"right": 1, "wrong": 1}
    bad = tmp_path / "bad.tsv"
    bad.write_text(header + "\na\t0\t190\tASSAULT\tSYR\t-\tmaybe\t\n")
    with pytest.raises(SystemExit, match="row 2"):
        tool.score(bad)
