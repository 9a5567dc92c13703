"""tools/eval_story_halves.py: B-cubed of the odd topics, the even topics and all, each clustered on its own."""

from __future__ import annotations

import json

from conftest import load_tool
from test_story_merges import FERRY, OTHER
from test_stories import PIRATES, QUAKE


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_three_summary_lines_and_the_spread_of_each_topic(tmp_path, capsys):
    rows = ([{"id": f"p{i}", "text": t, "topic": "1", "story": "pirates"} for i, t in enumerate(PIRATES)]
            + [{"id": f"q{i}", "text": t, "topic": "2", "story": "quake"} for i, t in enumerate(QUAKE)]
            + [{"id": i, "text": t, "topic": "3", "story": i.split("-")[0]} for i, t in FERRY + OTHER])
    assert load_tool("eval_story_halves").main([str(write(tmp_path / "gold.jsonl", rows)), "--topics"]) == 0
    out = capsys.readouterr().out.splitlines()
    summaries = [line for line in out if line.startswith("SUMMARY")]
    assert [s.split()[1] for s in summaries] == ["gold.jsonl:odd", "gold.jsonl:even", "gold.jsonl:all"]
    assert [s.split()[2] for s in summaries] == ["n=8", "n=3", "n=11"]
    assert all("bcubed_F1=1.000" in s for s in summaries)
    assert "  topic 3  ferry: 3 0 | vote: 0 2" in out  # the ferry's early split came back together


def test_records_without_numeric_topics_are_refused(tmp_path, capsys):
    path = write(tmp_path / "gold.jsonl", [{"id": "a", "text": PIRATES[0], "story": "s"}])
    assert load_tool("eval_story_halves").main([str(path)]) == 1
    assert "numeric 'topic'" in capsys.readouterr().err
