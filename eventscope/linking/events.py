"""Cross-document event linking: mentions of one real-world event become one linked event.

Two mentions are the same event when they have the same source and target actor codes,
a compatible type (same CAMEO root, or same quad class), dates within a window that
widens with the dates' precision, and similar wording (shared content words of the
sentence, or the same trigger). The mention rows stay in `events`; `event_links` maps
each mention to its linked event, `linked_events` holds the merged view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventscope.linking.clusters import _parse
from eventscope.linking.vectors import stopwords

WINDOW_DAYS = {"day": 3, "week": 7, "month": 31, "year": 366}
MIN_WORDING = 0.1  # Jaccard of the sentences' content words (unless the triggers match)
WORD = re.compile(r"[a-z]{3,}")


def content_words(text: str | None) -> frozenset[str]:
    stop = stopwords()
    return frozenset(w for w in WORD.findall((text or "").lower()) if w not in stop)


def precision_of(date: str | None) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "day")


@dataclass
class LinkedEvent:
    """A real-world event as linked so far (a row of `linked_events`, plus matching keys)."""

    id: str
    cameo: str
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    source_code: str | None
    target_code: str | None
    date: str | None
    first_reported: str | None
    first_doc_id: str
    text: str | None
    trigger: str | None = None
    mentions: list[tuple[str, str]] = field(default_factory=list)  # new (event id, doc id)

    def row(self) -> dict:
        return {k: getattr(self, k) for k in (
            "id", "cameo", "cameo_root", "quad_class", "goldstein", "plover", "source_code",
            "target_code", "date", "first_reported", "first_doc_id", "text")}


def compatible(a: LinkedEvent, event: dict) -> bool:
    if a.cameo_root and a.cameo_root == event.get("cameo_root"):
        return True
    return bool(a.quad_class) and a.quad_class == event.get("quad_class")


def other_event_of_same_document(a: LinkedEvent, event: dict) -> bool:
    """One article telling of a meeting and of the pact announced at it tells two events:
    within a document the coder has already merged repeats, so a different CAMEO root
    there is a different event, however close the quad class, actors and dates."""
    docs = {a.first_doc_id, *(doc for _, doc in a.mentions)}
    return event["doc_id"] in docs and a.cameo_root != event.get("cameo_root")


def within_window(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True  # an undated mention can still be the same event; actors and type decide
    da, db = _parse(a), _parse(b)
    if da is None or db is None:
        return True
    window = max(WINDOW_DAYS[precision_of(a)], WINDOW_DAYS[precision_of(b)])
    return abs((da - db).days) <= window


def wording(a: LinkedEvent, event: dict) -> float:
    if a.trigger and event.get("trigger") and a.trigger.lower() == event["trigger"].lower():
        return 1.0
    wa, wb = content_words(a.text), content_words(event.get("sentence_text"))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def link_events(events: list[dict], candidates_for) -> list[LinkedEvent]:
    """Link mention rows (dicts with the `events` columns plus `doc_date`) to linked events.

    `candidates_for(source_code, target_code) -> list[LinkedEvent]` gives stored linked
    events with those actor codes. Returns every linked event that gained mentions (new
    ones included), each with its new `mentions`."""
    pool: dict[tuple, list[LinkedEvent]] = {}
    touched: dict[str, LinkedEvent] = {}
    for event in sorted(events, key=lambda e: (e.get("doc_date") or "9999", e["doc_id"], e["sentence"])):
        when = event.get("date") or event.get("doc_date")
        key = (event.get("source_code"), event.get("target_code"))
        best, best_score = None, MIN_WORDING
        if key[0] or key[1]:  # no actor at all: nothing to tell two mentions apart by
            if key not in pool:
                pool[key] = list(candidates_for(*key))
            for linked in pool[key]:
                if other_event_of_same_document(linked, event):
                    continue
                if compatible(linked, event) and within_window(linked.date, when):
                    score = wording(linked, event)
                    if score >= best_score:
                        best, best_score = linked, score
        if best is None:
            best = LinkedEvent(
                id=event["id"], cameo=event["cameo"], cameo_root=event.get("cameo_root"),
                quad_class=event.get("quad_class"), goldstein=event.get("goldstein"),
                plover=event.get("plover"), source_code=key[0], target_code=key[1], date=when,
                first_reported=event.get("doc_date"), first_doc_id=event["doc_id"],
                text=event.get("sentence_text"), trigger=event.get("trigger"))
            pool.setdefault(key, []).append(best)
        elif event.get("doc_date") and (not best.first_reported or event["doc_date"] < best.first_reported):
            best.first_reported, best.first_doc_id = event["doc_date"], event["doc_id"]
        best.mentions.append((event["id"], event["doc_id"]))
        touched[best.id] = best
    return list(touched.values())
