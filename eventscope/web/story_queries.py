"""Stories from the linking stage (stories, story_documents, story_brief, event_links,
linked_events) and the run/status records. Every table here may be absent or empty: a store
written before linking existed still serves, with empty lists."""

from __future__ import annotations

from eventscope.web.database import Reader
from eventscope.web.queries import EVENT_SELECT, OLDEST_FIRST, decode, event_select, source_counts

# Table -> what one row is, for the status page ("1 run", "2 runs").
STATUS_TABLES = {"documents": "document", "sentences": "sentence", "actors": "actor mention",
                 "events": "event", "rejections": "rejected input", "runs": "run",
                 "document_sources": "near-duplicate copy", "linked_events": "linked event", "stories": "story"}


def list_stories(r: Reader, limit: int, offset: int) -> tuple[int, list[dict]]:
    if not r.has("stories"):
        return 0, []
    total = r.value("SELECT count(*) FROM stories")
    rows = r.rows("SELECT id, title, first_date, last_date, n_documents, n_events, updated_at FROM stories ORDER BY last_date DESC NULLS LAST, n_documents DESC, id "
                  "LIMIT ? OFFSET ?", [limit, offset])
    return int(total), rows


def get_story(r: Reader, story_id: str) -> dict | None:
    if not r.has("stories"):
        return None
    story = r.row("SELECT id, title, first_date, last_date, n_documents, n_events, updated_at FROM stories WHERE id = ?", [story_id])
    if story is None:
        return None
    story["documents"] = story_documents(r, story_id)
    story["brief"] = r.rows(
        "SELECT b.idx, b.text, b.doc_id, b.sentence, b.date, d.title AS doc_title FROM story_brief b "
        "LEFT JOIN documents d ON d.id = b.doc_id WHERE b.story_id = ? ORDER BY b.idx",
        [story_id]) if r.has("story_brief") else []
    story["timeline"] = story_timeline(r, story_id)
    return story


def story_documents(r: Reader, story_id: str) -> list[dict]:
    if not r.has("story_documents", "documents"):
        return []
    docs = r.rows("SELECT d.id, d.title, d.date, d.source, d.url FROM story_documents sd "
                  "JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id = ? "
                  "ORDER BY d.date NULLS LAST, d.id", [story_id])
    counts = source_counts(r, [d["id"] for d in docs])
    for doc in docs:
        doc["n_sources"] = counts[doc["id"]]
    return docs


def story_timeline(r: Reader, story_id: str) -> list[dict]:
    """The story's documents' events by date; mentions linked to one real-world event are
    shown once, with how many mentions and documents reported it."""
    if not r.has("story_documents", "events", "documents"):
        return []
    linked = r.has("event_links")
    select = event_select(", l.linked_event_id", "\nLEFT JOIN event_links l ON l.event_id = e.id") \
        if linked else EVENT_SELECT
    rows = r.rows(f"{select} WHERE e.doc_id IN "
                  f"(SELECT doc_id FROM story_documents WHERE story_id = ?) {OLDEST_FIRST}", [story_id])
    timeline: list[dict] = []
    by_linked: dict[str, dict] = {}
    for row in rows:
        decode(row)
        key = row.get("linked_event_id")
        if key and key in by_linked:
            first = by_linked[key]
            first["n_mentions"] += 1
            first["doc_ids"].add(row["doc_id"])
            continue
        row["n_mentions"], row["doc_ids"] = 1, {row["doc_id"]}
        if key:
            by_linked[key] = row
        timeline.append(row)
    for row in timeline:
        row["n_documents"] = len(row.pop("doc_ids"))
    return timeline


def status(r: Reader, rejections_limit: int = 200, documents_limit: int = 30) -> dict:
    """Runs, what they ingested and rejected (with reasons and when), and table sizes."""
    return {
        "counts": {label: r.count(t) for t, label in STATUS_TABLES.items() if t in r.tables},
        "runs": r.rows("SELECT run_id, started_at, finished_at, inputs, documents_added, documents_skipped, "
                       "events_added, rejected, status FROM runs ORDER BY started_at DESC") if r.has("runs") else [],
        "rejections": r.rows('SELECT run_id, origin, reason, "at" FROM rejections ORDER BY "at" DESC, origin '
                             "LIMIT ?", [rejections_limit]) if r.has("rejections") else [],
        "documents": r.rows(
            "SELECT d.id, d.title, d.date, d.source, d.origin, d.ingested_at, d.run_id, "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events FROM documents d "
            "ORDER BY d.ingested_at DESC, d.id LIMIT ?", [documents_limit]) if r.has("documents", "events") else [],
    }
