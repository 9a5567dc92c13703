"""`eventscope eval GOLD.jsonl`: code the gold texts (or read saved predictions) and score them.

The last line printed is always the plain SUMMARY line, so scripts can `tail -1` runs on
different files and compare them.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventscope.cli.app import app
from eventscope.cli.options import Dictionaries, dictionaries_arg
from eventscope.evaluation import score
from eventscope.evaluation.realnews_run import is_realnews
from eventscope.evaluation.records import (
    ACTORS, EVENTS, OTHER_COMMANDS, STORIES, detect_kind, gold_problem, keep_valid, read_jsonl, read_predictions,
)


def _coder_inputs(records: list[dict]) -> tuple[list[dict], dict[str, object]]:
    """Coder input records, and the original id of each input whose id had to be made up
    (null or repeated ids would make the coder's output impossible to match back)."""
    inputs, restore, seen = [], {}, set()
    for position, record in enumerate(records):
        key = record.get("id")
        if not isinstance(key, str) or not key or key in seen:
            made_up = f"@eval-record-{position}"
            restore[made_up] = key
            key = made_up
        seen.add(key)
        inputs.append({"id": key, "text": record["text"], "date": record.get("date"),
                       "title": record.get("title")})
    return inputs, restore


def _run_coder(records: list[dict], dictionaries: Path | None,
               err: Console) -> tuple[list[dict], Exception | None]:
    """Coder output for the gold texts, and the error that stopped the coder, if any."""
    try:
        from eventscope.code_contract import code_records  # the coder is heavy: load only when used
    except ImportError as error:
        return [], error
    inputs, restore = _coder_inputs(records)
    progress = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, transient=True)
    outputs: list[dict] = []
    with progress:
        task = progress.add_task("coding", total=len(inputs))
        try:
            for output in code_records(inputs, dictionaries=dictionaries):
                if output.get("id") in restore:
                    output = {**output, "id": restore[output["id"]]}
                outputs.append(output)
                progress.advance(task)
        except Exception as error:  # report it cleanly; partial output is still saved
            return outputs, error
    return outputs, None


def _score_realnews(gold: Path, dictionaries: Path | None, limit: int | None,
                    save: Path | None, out: Console, err: Console) -> int:
    """Real-news gold names its articles (text stays in ../shared): ingest, code, score."""
    from eventscope.evaluation.realnews import render
    from eventscope.evaluation.realnews_run import evaluate_file

    result, coded = evaluate_file(gold, dictionaries=dictionaries, limit=limit)
    for problem in result.missing:
        err.print(f"[yellow]skipped[/] {problem}", highlight=False, soft_wrap=True)
    if save is not None:
        with open(save, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in coded + [
                {"errors": result.examples}])
    out.print(render(result, gold.name), highlight=False, soft_wrap=True)
    print(result.summary_line(gold.name), flush=True)
    return 0 if result.articles else 1


def _report_problems(problems: list, err: Console, limit: int = 20) -> None:
    for problem in problems[:limit]:
        err.print(f"[yellow]skipped[/] {problem}", highlight=False, soft_wrap=True)
    if len(problems) > limit:
        err.print(f"[yellow]... and {len(problems) - limit} more skipped lines[/]")


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                help="Gold JSON Lines (shared/eval/FORMAT.md)."),
    dictionaries: list[Path] = Dictionaries(),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score the first N records."),
    predictions: Path | None = typer.Option(
        None, "--predictions", exists=True, dir_okay=False,
        help="Score this `eventscope code` output instead of running the coder."),
    save_predictions: Path | None = typer.Option(
        None, "--save-predictions", dir_okay=False,
        help="Also write the coder's output here, to re-score later with --predictions."),
    confusion: bool = typer.Option(True, "--confusion/--no-confusion",
                                   help="Show the class5 confusion table."),
    by_category: bool = typer.Option(
        False, "--by-category", help="Per PLOVER type / CAMEO root / class5 precision and recall."),
) -> None:
    """Score the coder against a gold event file; the last line is a one-line SUMMARY."""
    out, err = Console(), Console(stderr=True)
    dictionaries = dictionaries_arg(dictionaries)
    rows, problems = read_jsonl(gold)
    kind = detect_kind([record for _, record in rows])
    if kind == EVENTS and is_realnews([record for _, record in rows]):
        raise typer.Exit(_score_realnews(gold, dictionaries, limit, save_predictions, out, err))
    if kind == ACTORS:
        from eventscope.evaluation.actors import evaluate as evaluate_actors, summary_line

        result = evaluate_actors(gold)
        for field, (ok, total) in sorted(result["per_field"].items()):
            out.print(f"  {field:15s} {ok:4d}/{total:<4d} {ok / max(total, 1):.3f}")
        print(summary_line(gold.name, result))
        raise typer.Exit(0)
    if kind == STORIES:
        from eventscope.evaluation.story_eval import score_story_file

        raise typer.Exit(score_story_file(gold, predictions, limit, out, err))
    if kind != EVENTS:
        what, command = OTHER_COMMANDS.get(kind, ("not an event gold file (no record has an "
                                                  "'events' list)", None))
        err.print(f"[red]{gold}[/] is {what}; `eventscope eval` scores event gold only."
                  + (f" Score it with `{command}`." if command else ""), highlight=False,
                  soft_wrap=True)
        raise typer.Exit(2)
    records, invalid = keep_valid(rows, gold,
                                  lambda r: gold_problem(r, need_text=predictions is None))
    _report_problems(sorted(problems + invalid, key=lambda p: p.line), err)
    if limit is not None:
        records = records[:limit]

    if predictions is not None:
        predicted, bad = read_predictions(predictions)
        _report_problems(bad, err)
    else:
        predicted, error = _run_coder(records, dictionaries, err)
        if save_predictions is not None:
            with open(save_predictions, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in predicted)
        if error is not None:  # scoring a half-coded file would print misleading numbers
            err.print(f"[red]error:[/] the coder failed after {len(predicted)} of {len(records)} "
                      f"records: {type(error).__name__}: {error}", highlight=False, soft_wrap=True)
            if not predicted:
                err.print("score saved output instead with --predictions PRED.jsonl")
            raise typer.Exit(1)

    report = score(records, predicted, name=gold.name)
    if report.unmatched_predictions and limit is None:
        err.print(f"[yellow]note:[/] {report.unmatched_predictions} predicted records match "
                  "no gold id and were ignored")
    out.print(report.render(confusion=confusion, by_category=by_category))
    print(report.summary_line(), flush=True)  # plain print: never wrapped or styled
