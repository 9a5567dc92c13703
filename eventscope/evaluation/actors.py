"""Score actor resolution against NGEC-style actor test cases (query -> expected fields).

How our Actor maps onto the expected fields:

    country         Actor.country ("" when None)
    code_1          Actor.sector ("" when None)
    code_2          the secondary sector recorded in Actor.evidence ("sector2=")
    wiki            Actor.name when it came from a named lexicon entry (person, organisation,
                    capital, seat, city); "" when the phrase resolved to a bare country or to
                    no entry at all
    title           Actor.name (the `query_wiki` cases look a name up directly)
    actor_wiki_job  the office recorded in Actor.evidence ("role="), without "former"
    pattern, source not produced by eventscope: counted as unchecked
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from eventscope.actors.phrase import evidence_fields, resolve_phrase

UNCHECKABLE = {"pattern", "source"}
NAMED_KINDS = {"person", "org", "capital", "seat", "city", "region"}


def observed(actor, field: str) -> str:
    ev = evidence_fields(actor)
    if field == "country":
        return actor.country or ""
    if field == "code_1":
        return actor.sector or ""
    if field == "code_2":
        return ev.get("sector2", "")
    if field == "title":
        return actor.name
    if field == "wiki":
        kind = ev.get("name", "").split(":", 1)[0]
        return actor.name if kind in NAMED_KINDS else ""
    if field == "actor_wiki_job":
        return ev.get("role", "").removeprefix("former ")
    raise KeyError(field)


def evaluate(path: Path, show_failures: bool = False) -> dict:
    per_field: Counter = Counter()
    per_field_ok: Counter = Counter()
    unchecked: Counter = Counter()
    cases = all_ok = 0
    xfail = xfail_ok = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        context = case.get("context") or case.get("known_country")
        actor = resolve_phrase(case["query"], context=context, date=case.get("date"))
        ok = True
        misses = []
        for check in case["expected"]:
            field = check["field"]
            if field in UNCHECKABLE:
                unchecked[field] += 1
                continue
            got = observed(actor, field)
            hit = (got == check["value"]) if check["op"] == "==" else (got != check["value"])
            per_field[field] += 1
            per_field_ok[field] += hit
            if not hit:
                ok = False
                misses.append(f"{field} {check['op']} {check['value']!r}, got {got!r}")
        if case.get("xfail"):
            xfail += 1
            xfail_ok += ok
        else:
            cases += 1
            all_ok += ok
        if show_failures and not ok:
            print(f"FAIL {case['query']!r} ({case.get('date')}, {context!r}): "
                  f"{'; '.join(misses)}  [{actor.evidence_text}]")
    return {"cases": cases, "all_fields_ok": all_ok, "xfail_cases": xfail, "xfail_ok": xfail_ok,
            "per_field": {f: (per_field_ok[f], per_field[f]) for f in per_field},
            "unchecked": dict(unchecked)}



def summary_line(name: str, result: dict) -> str:
    share = result["all_fields_ok"] / max(result["cases"], 1)
    fields = " ".join(f"{f}={ok / total:.3f}" for f, (ok, total) in sorted(result["per_field"].items()))
    return f"SUMMARY file={name} n={result['cases']} all_fields_ok={share:.3f} {fields}"
