"""`eventscope eval` on the command line: scoring saved predictions, actor and story files, and
running the coder (a stand-in here) with null and repeated ids."""

from __future__ import annotations

import json
from pathlib import Path

from eval_records import GOLD, perfect




def run_eval(*args: str):
    from typer.testing import CliRunner

    import eventscope.cli.eval_cmd  # noqa: F401  registers `eval`
    from eventscope.cli.app import app
    # Typer runs a lone registered command without its name
    prefix = ["eval"] if len(app.registered_commands) > 1 else []
    return CliRunner().invoke(app, prefix + list(args))


def test_cli_scores_saved_predictions(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in GOLD) + "{broken\n")
    pred.write_text("".join(json.dumps(r) + "\n" for r in perfect(GOLD)))
    result = run_eval(str(gold), "--predictions", str(pred), "--by-category")
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("SUMMARY file=gold.jsonl n=4 class5_macroF1=1.000")
    assert "triple_F1=1.000" in last and "quiet=1.000" in last
    assert "gold.jsonl:5" in result.stderr and "not valid JSON" in result.stderr
    assert "per category" in result.stdout


def test_cli_scores_actor_files(tmp_path):
    path = tmp_path / "actors.jsonl"
    cases = [{"test": "a", "method": "m", "query": "Russian soldiers",
              "expected": [{"field": "code_1", "op": "==", "value": "MIL"},
                           {"field": "country", "op": "==", "value": "RUS"}]},
             {"test": "b", "method": "m", "query": "Russian soldiers",
              "expected": [{"field": "country", "op": "==", "value": "FRA"}]}]
    path.write_text("".join(json.dumps(c) + "\n" for c in cases))
    result = run_eval(str(path))
    assert result.exit_code == 0
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("SUMMARY") and "all_fields_ok=0.500" in last and "code_1=1.000" in last


def test_cli_scores_story_files_with_bcubed(tmp_path):
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "t", "topic": "1", "story": "s"}) + "\n")
    result = run_eval(str(path))
    assert result.exit_code == 0
    assert "bcubed_F1=1.000" in result.stdout.strip().splitlines()[-1]


def _fake_coder(monkeypatch, fail_after=None):
    """Stand-in for eventscope.code_contract: codes each text as the gold says (texts carry it)."""
    import sys
    import types

    def code_records(records, dictionaries=None, batch_size=64):
        for i, record in enumerate(records):
            if fail_after is not None and i == fail_after:
                raise RuntimeError("coder broke")
            yield {"id": record["id"], "events": json.loads(record["text"])}

    monkeypatch.setitem(sys.modules, "eventscope.code_contract",
                        types.SimpleNamespace(code_records=code_records))


def _gold_with_answers(tmp_path) -> Path:
    """GOLD with null and repeated ids; each text is the perfect prediction's events."""
    records = [dict(r) for r in GOLD] + [dict(GOLD[1])]
    records[0]["id"] = None
    for record, answer in zip(records, perfect(records)):
        record["text"] = json.dumps(answer["events"])
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_cli_runs_the_coder_and_matches_null_and_repeated_ids(tmp_path, monkeypatch):
    _fake_coder(monkeypatch)
    saved = tmp_path / "saved.jsonl"
    result = run_eval(str(_gold_with_answers(tmp_path)), "--save-predictions", str(saved))
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert "cameo_acc=1.000" in last and "triple_F1=1.000" in last and " n=5 " in last
    assert [json.loads(line)["id"] for line in saved.read_text().splitlines()] == \
        [None, "b", "c", "d", "b"]


def test_cli_stops_without_a_summary_when_the_coder_fails(tmp_path, monkeypatch):
    _fake_coder(monkeypatch, fail_after=2)
    result = run_eval(str(_gold_with_answers(tmp_path)))
    assert result.exit_code == 1
    assert "failed after 2 of 5" in result.stderr and "SUMMARY" not in result.stdout
