"""Read gold and prediction JSON Lines, keeping going past bad lines, and tell event gold
apart from the other dev files (actor-resolution tests, story clusters) that look similar."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

EVENTS, ACTORS, STORIES, UNKNOWN = "events", "actors", "stories", "unknown"

# Files `eventscope eval` does not score, and the command that does.
OTHER_COMMANDS = {
    ACTORS: ("an actor-resolution test file (query -> expected country / sector)",
             "eventscope actors"),
    STORIES: ("a story-clustering file (documents grouped by `story`)", "eventscope stories"),
}


@dataclass
class Problem:
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


def read_jsonl(path: str | Path) -> tuple[list[tuple[int, dict]], list[Problem]]:
    """(line number, object) for every line holding a JSON object; a Problem for the rest.
    Blank lines are skipped silently."""
    rows, problems = [], []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(Problem(str(path), number, f"not valid JSON ({err.msg})"))
                continue
            if not isinstance(value, dict):
                problems.append(Problem(str(path), number,
                                        f"expected a JSON object, got {type(value).__name__}"))
                continue
            rows.append((number, value))
    return rows, problems


def detect_kind(records: list[dict]) -> str:
    """What a dev file holds, judged from its first records' keys."""
    for record in records[:50]:
        if "events" in record:
            return EVENTS
        if "method" in record and "expected" in record and "query" in record:
            return ACTORS
        if "story" in record and "text" in record:
            return STORIES
    return UNKNOWN


def _actors_problem(event: dict) -> str | None:
    for side in ("source", "target"):
        actors = event.get(side)
        if actors is None:
            continue
        if not isinstance(actors, list) or not all(isinstance(a, dict) for a in actors):
            return f"event '{side}' must be a list of objects"
    return None


def gold_problem(record: dict, need_text: bool = True) -> str | None:
    """Why a gold record cannot be scored, or None when it can."""
    if need_text and not isinstance(record.get("text"), str):
        return "missing 'text' (a string)"
    if not isinstance(record.get("events"), list):
        return "missing 'events' (a list; [] means no codable event)"
    return _events_problem(record["events"])


def prediction_problem(record: dict) -> str | None:
    if not isinstance(record.get("events"), list):
        return "missing 'events' (a list)"
    return _events_problem(record["events"])


def _events_problem(events: list) -> str | None:
    """The first event of a gold or predicted record that is no object or has bad actors."""
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            return f"events[{index}] is not an object"
        reason = _actors_problem(event)
        if reason:
            return f"events[{index}]: {reason}"
    return None


def keep_valid(rows: list[tuple[int, dict]], path: str | Path,
               problem_of) -> tuple[list[dict], list[Problem]]:
    """The records `problem_of` finds nothing wrong with, plus a Problem for each other one."""
    records, problems = [], []
    for number, record in rows:
        reason = problem_of(record)
        if reason:
            problems.append(Problem(str(path), number, reason))
        else:
            records.append(record)
    return records, problems


def read_gold(path: str | Path, need_text: bool = True) -> tuple[list[dict], list[Problem]]:
    """Valid gold records in file order, plus a Problem per line skipped."""
    rows, problems = read_jsonl(path)
    records, invalid = keep_valid(rows, path, lambda r: gold_problem(r, need_text))
    return records, sorted(problems + invalid, key=lambda p: p.line)


def read_predictions(path: str | Path) -> tuple[list[dict], list[Problem]]:
    rows, problems = read_jsonl(path)
    records, invalid = keep_valid(rows, path, prediction_problem)
    return records, sorted(problems + invalid, key=lambda p: p.line)
