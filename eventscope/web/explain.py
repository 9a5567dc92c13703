"""Words for what the web app shows as codes: why an event was coded (its evidence records), and
what a PLOVER type or CAMEO code means. Evidence is rendered here and only here, so a change to
the evidence records (models.Evidence) is one function to follow."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from eventscope.knowledge.tsv import read_tsv
from eventscope.web import codes

DEFINITIONS = Path(__file__).resolve().parent / "data" / "plover_definitions.tsv"
WHO = {"name": "who the actor is", "country": "its country", "sector": "its sector", "sector2": "its second sector",
       "role": "its role", "agent": "its agent type", "code": "its code"}


def why_coded(evidence) -> list[str]:
    """One sentence per reason the event was coded, in the order they applied. `evidence` is
    the API's value: a list of records (dicts), or a pre-typed store's text."""
    if isinstance(evidence, str):
        try:
            evidence = json.loads(evidence) if evidence.startswith("[") else evidence
        except ValueError:
            pass
    if isinstance(evidence, str):
        return [f"Coded by: {evidence}."] if evidence.strip() else []
    return [_sentence(record) for record in evidence or []]


def _sentence(record: dict) -> str:
    kind, value = record.get("kind", ""), record.get("value", "")
    entry = record.get("entry")
    where = f" ({entry})" if entry and entry not in value else ""
    settles = f", settling {WHO.get(record.get('decides', ''), record.get('decides'))}" if record.get("decides") else ""
    if kind == "pattern":
        return f"The verb pattern “{value}”{where} matched the clause{settles}."
    if kind == "rule":
        return f"The rule “{value}”{where} applied{settles}."
    if kind == "dictionary":
        return f"The user dictionary entry “{value}”{where} matched{settles}."
    if kind == "lexicon":
        return f"The built-in lexicon entry “{value}”{where} matched{settles}."
    if kind == "model":
        weight = record.get("weight")
        sure = f" with probability {weight:.2f}" if isinstance(weight, (int, float)) else ""
        return f"The learned classifier chose this{sure}: {value}{settles}."
    return f"{value}{where}{settles}."


@lru_cache(maxsize=1)
def plover_definitions() -> dict[str, str]:
    return {row["event"]: row["definition"] for _, row in read_tsv(DEFINITIONS)}


def plover_definition(event: str | None) -> str:
    return plover_definitions().get((event or "").upper(), "")


def cameo_definition(code: str | None) -> str:
    """"0312" -> "0312 Express intent to cooperate economically (root 03: Express intent to cooperate)"."""
    if not code:
        return ""
    name = codes.cameo_codes().get(code, "")
    root = code[:2]
    root_name = codes.cameo_roots().get(root, "")
    if not name:
        return code
    return f"{code} {name}" + (f" (root {root}: {root_name.capitalize()})" if root != code and root_name else "")
