"""`eventscope actors IN.jsonl -o OUT.jsonl`: resolve actor strings to country + sector."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from eventscope.cli.app import app
from eventscope.cli.options import EXIT_REJECTED, Dictionaries, Json, Output, Quiet, dictionaries_arg, open_output, summarise

err = Console(stderr=True)


def _record(line: str) -> tuple[dict | None, str]:
    """The validated input record, or None and the reason it was rejected."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not JSON ({exc.msg})"
    if not isinstance(record, dict):
        return None, "not a JSON object"
    # NGEC-style actor test cases (what `eventscope eval` scores) name the fields differently
    for field, alias in (("id", "test"), ("text", "query"), ("context", "known_country")):
        if record.get(field) in (None, "") and record.get(alias) not in (None, ""):
            record[field] = record[alias]
    if record.get("id") in (None, ""):
        return None, "missing id"
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        return None, "missing or empty text"
    for key in ("context", "date"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return None, f"{key} must be a string"
    return record, ""


@app.command("actors")
def actors(
    input_path: Path = typer.Argument(..., metavar="IN", help="lines with id, text, optional context and date "
                                      "(or NGEC test cases: test, query, context/known_country, date)"),
    output: str = Output(help="Where to write one JSON line per input; - writes to standard output."),
    dictionaries: list[Path] = Dictionaries(),
    as_json: bool = Json(),
    quiet: bool = Quiet(),
) -> None:
    """Resolve actor phrases to country (ISO3 or class code), sector and canonical name.

    Exit code 3 when some lines were rejected (each is named on stderr)."""
    from eventscope.knowledge.dictionaries import ActorDictionary
    from eventscope.actors.phrase import resolve_phrase

    if not input_path.is_file():
        err.print(f"[red]{input_path}: no such file[/red]")
        raise typer.Exit(2)
    dictionaries_arg(dictionaries)  # a missing file or folder is a usage error
    book = ActorDictionary.load(*dictionaries) if dictionaries else None
    rejected = written = 0
    with open(input_path, encoding="utf-8") as lines, open_output(output) as out:
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record, reason = _record(line)
            if record is None:
                err.print(f"{input_path}:{lineno}: rejected: {reason}")
                rejected += 1
                continue
            actor = resolve_phrase(record["text"], record.get("context"), record.get("date"), book)
            out.write(json.dumps({"id": record["id"], "country": actor.country or "",
                                  "sector": actor.sector or "", "name": actor.name},
                                 ensure_ascii=False) + "\n")
            written += 1
    summarise(f"actors: {written} resolved, {rejected} rejected -> {output}",
              {"command": "actors", "resolved": written, "rejected": rejected, "output": output},
              as_json=as_json, quiet=quiet, data_on_stdout=output == "-")
    if rejected:
        raise typer.Exit(EXIT_REJECTED)
