"""`eventscope eval STORIES.jsonl`: cluster the gold documents (or read saved `eventscope
stories` output) and score the grouping against the gold `story` field with B-cubed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from eventscope.evaluation.bcubed import BCubed, bcubed
from eventscope.evaluation.records import Problem, read_jsonl

if TYPE_CHECKING:
    from rich.console import Console


def gold_stories(path: str | Path) -> tuple[list[dict], list[Problem]]:
    """Records with a string id, text and story; a Problem for every other line."""
    rows, problems = read_jsonl(path)
    records, seen = [], set()
    for line, record in rows:
        key, text, story = record.get("id"), record.get("text"), record.get("story")
        reason = ("missing 'id' (a string)" if not isinstance(key, str) or not key else
                  f"id {key!r} repeats an earlier line" if key in seen else
                  "missing 'text' (a string)" if not isinstance(text, str) else
                  "missing 'story' (a label)" if story is None else None)
        if reason:
            problems.append(Problem(str(path), line, reason))
            continue
        seen.add(key)
        records.append(record)
    return records, problems


def predicted_stories(path: str | Path) -> tuple[dict[str, str], list[Problem]]:
    rows, problems = read_jsonl(path)
    out = {}
    for line, record in rows:
        if not isinstance(record.get("id"), str) or record.get("story") is None:
            problems.append(Problem(str(path), line, "needs 'id' and 'story'"))
            continue
        out[record["id"]] = str(record["story"])
    return out, problems


def evaluate_stories(records: list[dict], predicted: dict[str, str] | None = None,
                     batch_size: int | None = None, threshold: float | None = None) -> BCubed:
    """B-cubed of `predicted`, or of the story clusterer run over `records` when None."""
    if predicted is None:
        from eventscope.linking.stories import cluster_records

        predicted = cluster_records(records, batch_size=batch_size, threshold=threshold)
    gold = {r["id"]: str(r["story"]) for r in records}
    return bcubed(gold, predicted)


def score_story_file(gold: Path, predictions: Path | None, limit: int | None,
                     out: Console, err: Console) -> int:
    """Print the scores and a last SUMMARY line; returns the exit code."""
    records, problems = gold_stories(gold)
    if limit is not None:
        records = records[:limit]
    predicted = None
    if predictions is not None:
        predicted, bad = predicted_stories(predictions)
        problems += bad
    for problem in problems[:20]:
        err.print(f"[yellow]skipped[/] {problem}", highlight=False, soft_wrap=True)
    if not records:
        err.print(f"[red]{gold}[/] has no scorable story records", highlight=False)
        return 1
    result = evaluate_stories(records, predicted)
    if result.missing:
        err.print(f"[yellow]note:[/] {result.missing} gold documents have no predicted story "
                  "(scored as stories of their own)")
    out.print(f"  B-cubed precision {result.precision:.3f}  recall {result.recall:.3f}  "
              f"F1 {result.f1:.3f}  ({result.n} documents, {result.gold_clusters} gold stories, "
              f"{result.predicted_clusters} predicted)")
    print(result.summary_line(gold.name), flush=True)
    return 0
