"""Gold and prediction records for the scoring tests (test_evaluate*.py): PETRARCH-style codes
("DAGGOV", "---GOV", "ARN") made into the `eventscope code` contract's actors, and a small gold set
with a perfect coder's answers."""

from __future__ import annotations


def actor(code: str) -> dict:
    """A predicted contract actor from a PETRARCH-style code ("DAGGOV", "---GOV", "ARN")."""
    country, sector = code[:3], code[3:]
    return {"name": code, "country": None if country == "---" else country,
            "sector": sector or None}


def event(source=(), target=(), cameo=None, plover=None, confidence=0.5, mode=None) -> dict:
    return {"source": [actor(c) for c in source], "target": [actor(c) for c in target],
            "cameo": cameo, "plover": plover, "plover_mode": mode, "confidence": confidence}


def gold_event(source=(), target=(), **labels) -> dict:
    return {"source": [{"code": c} for c in source], "target": [{"code": c} for c in target],
            **labels}


def perfect(gold: list[dict]) -> list[dict]:
    """What a flawless coder would output for these gold records."""
    out = []
    for record in gold:
        events = []
        for i, e in enumerate(record["events"]):
            events.append(event([a["code"] for a in e["source"]], [a["code"] for a in e["target"]],
                                cameo=e.get("cameo"), plover=e.get("plover"),
                                mode=e.get("plover_mode"), confidence=1.0 - i / 10))
        out.append({"id": record["id"], "events": events})
    return out


GOLD = [
    {"id": "a", "text": "t", "events": [gold_event(["DAGGOV"], ["GON"], cameo="032", class5=1,
                                                    plover="CONSULT"),
                                         gold_event(["GON"], ["DAGGOV"], cameo="033", class5=1)]},
    {"id": "b", "text": "t", "events": [gold_event(["ARN"], ["---GOV"], cameo="190", class5=4,
                                                    plover="ASSAULT", plover_mode="aerial")]},
    {"id": "c", "text": "t", "events": []},
    {"id": "d", "text": "t", "events": []},
]
