"""Read queries over events, documents, actors and country pairs (see store/SCHEMA.md)."""

from __future__ import annotations

import json
from datetime import date as Date, timedelta

from eventscope.models import evidence_from_json, render_evidence
from eventscope.store.event_sql import link_joins
from eventscope.web.codes import QUAD_KEYS
from eventscope.web.database import Reader
from eventscope.web.filters import EVENT_DATE, EventFilters, where_clause

def event_select(extra_columns: str = "", extra_joins: str = "") -> str:
    """Events with their document, placed date and source sentence (slice + its offset)."""
    return f"""
SELECT e.*, {EVENT_DATE} AS event_date{extra_columns},
       d.title AS doc_title, d.date AS doc_date, d.source AS doc_source, d.url AS doc_url,
       coalesce(s."start", e.span_start) AS sent_start,
       substring(d.text, coalesce(s."start", e.span_start) + 1,
                 coalesce(s."end", e.span_end) - coalesce(s."start", e.span_start)) AS sent_text
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence{extra_joins}
"""


EVENT_SELECT = event_select()
NEWEST_FIRST = "ORDER BY event_date DESC NULLS LAST, e.doc_id, e.sentence, e.span_start, e.id"
OLDEST_FIRST = "ORDER BY event_date NULLS LAST, e.doc_id, e.sentence, e.span_start, e.id"
TIE = "event_date DESC NULLS LAST, e.doc_id, e.sentence, e.span_start, e.id"
# `sort` values of the event list: a column, "-" for descending; ties newest first.
SORTS = {
    "-date": NEWEST_FIRST, "date": OLDEST_FIRST,
    "-confidence": f"ORDER BY e.confidence DESC NULLS LAST, {TIE}", "confidence": f"ORDER BY e.confidence NULLS LAST, {TIE}",
    "-goldstein": f"ORDER BY e.goldstein DESC NULLS LAST, {TIE}", "goldstein": f"ORDER BY e.goldstein NULLS LAST, {TIE}",
}
# Facet counts of the event list: how the matching events divide, most frequent values first.
FACETS = ("plover", "quad_class", "cameo_root", "source_country", "target_country")
FACET_SIZE = 10
# Period buckets: the SQL for a period label, and the date length an event needs to have one.
PERIODS = {
    "month": ("left(ed, 7)", 7),
    "week": ("strftime(date_trunc('week', try_cast(ed AS DATE)), '%Y-%m-%d')", 10),
}
MAX_FILLED_PERIODS = 2000


def decode(event: dict) -> dict:
    for key in ("source_actors", "target_actors"):
        value = event.get(key)
        event[key] = json.loads(value) if isinstance(value, str) and value else (value or [])
    evidence = event.get("evidence")
    if isinstance(evidence, str) and evidence.startswith("["):  # typed records (models.Evidence)
        event["evidence"] = json.loads(evidence)
        event["evidence_text"] = render_evidence(evidence_from_json(evidence))
    elif "evidence" in event:  # a store written before evidence was typed: its text
        event["evidence_text"] = evidence or ""
    return event


def source_counts(r: Reader, doc_ids: list[str]) -> dict[str, int]:
    """How many outlets carried each document: itself plus its near-duplicate copies."""
    counts = {doc_id: 1 for doc_id in doc_ids}
    if doc_ids and r.has("document_sources"):
        for row in r.rows("SELECT doc_id, count(*) AS n FROM document_sources "
                          "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY doc_id", [doc_ids]):
            counts[row["doc_id"]] += int(row["n"])
    return counts


def with_source_counts(r: Reader, events: list[dict]) -> list[dict]:
    """Decode each event and set its `n_sources` as the export does (store/event_sql.py): the
    articles reporting its linked event, else its document and that document's copies."""
    ids = sorted({e["id"] for e in events})
    counts = {}
    if ids:
        joins, n_sources, _ = link_joins(r.tables)
        counts = {row["id"]: int(row["n"]) for row in r.rows(
            f"SELECT e.id, {n_sources} AS n FROM events e{joins} WHERE e.id IN (SELECT unnest(?::VARCHAR[]))", [ids])}
    for event in events:
        decode(event)["n_sources"] = counts.get(event["id"], 1)
    return events


def search_events(r: Reader, f: EventFilters, limit: int, offset: int, sort: str = "-date") -> tuple[int, list[dict]]:
    if not r.has("events", "documents"):
        return 0, []
    where, params = where_clause(f)
    total = r.value(f"SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE {where}", params)
    rows = r.rows(f"{EVENT_SELECT} WHERE {where} {SORTS[sort]} LIMIT ? OFFSET ?", [*params, limit, offset])
    return int(total), with_source_counts(r, rows)


def event_facets(r: Reader, f: EventFilters) -> dict[str, list[dict]]:
    """For each facet column, its most frequent values among the matching events, with counts."""
    if not r.has("events", "documents"):
        return {name: [] for name in FACETS}
    where, params = where_clause(f)
    facets = {}
    for name in FACETS:  # names come from FACETS, never from a request
        facets[name] = r.rows(
            f"SELECT e.{name} AS value, count(*) AS count FROM events e JOIN documents d ON d.id = e.doc_id "
            f"WHERE {where} AND nullif(CAST(e.{name} AS VARCHAR), '') IS NOT NULL "
            f"GROUP BY 1 ORDER BY count DESC, value LIMIT {FACET_SIZE}", params)
    return facets


def get_event(r: Reader, event_id: str) -> dict | None:
    if not r.has("events", "documents"):
        return None
    row = r.row(f"{EVENT_SELECT} WHERE e.id = ?", [event_id])
    if row is None:
        return None
    return with_source_counts(r, [row])[0]


def document_copies(r: Reader, doc_id: str) -> list[dict]:
    if not r.has("document_sources"):
        return []
    return r.rows("SELECT source, url, title, date, origin, similarity, copy_id FROM document_sources "
                  "WHERE doc_id = ? ORDER BY date NULLS LAST, source, copy_id", [doc_id])


def _link_reasons(r: Reader, linked_id: str) -> dict[str, str]:
    """Event id -> why it was linked (which fields agreed); empty for a store made before reasons."""
    if not r.value("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'event_links' AND column_name = 'reason'"):
        return {}
    return {row["event_id"]: row["reason"] for row in
            r.rows("SELECT event_id, reason FROM event_links WHERE linked_event_id = ?", [linked_id])}


def linked_mentions(r: Reader, event_id: str) -> tuple[dict | None, list[dict]]:
    """The real-world event this mention was linked to, and its other mentions."""
    if not r.has("event_links"):
        return None, []
    linked_id = r.value("SELECT linked_event_id FROM event_links WHERE event_id = ?", [event_id])
    if linked_id is None:
        return None, []
    linked = r.row("SELECT * FROM linked_events WHERE id = ?", [linked_id]) if r.has("linked_events") else None
    linked = linked or {"id": linked_id}
    linked.pop("actor_pair", None)  # the store's lookup key, not something to show
    reasons = _link_reasons(r, linked_id)
    linked["link_reason"] = reasons.get(event_id)
    mentions = r.rows(
        f"{EVENT_SELECT} WHERE e.id IN (SELECT event_id FROM event_links WHERE linked_event_id = ?) "
        f"AND e.id <> ? {OLDEST_FIRST}", [linked_id, event_id])
    for mention in mentions:
        mention["link_reason"] = reasons.get(mention["id"])
    return linked, with_source_counts(r, mentions)


def get_document(r: Reader, doc_id: str) -> dict | None:
    if not r.has("documents"):
        return None
    doc = r.row("SELECT * FROM documents WHERE id = ?", [doc_id])
    if doc is None:
        return None
    doc["copies"] = document_copies(r, doc_id)
    doc["n_sources"] = 1 + len(doc["copies"])
    doc["stories"] = r.rows(
        "SELECT s.id, s.title FROM stories s JOIN story_documents sd ON sd.story_id = s.id "
        "WHERE sd.doc_id = ? ORDER BY s.first_date, s.id", [doc_id]) if r.has("stories", "story_documents") else []
    return doc


def dyad_series(r: Reader, f: EventFilters, by: str) -> dict:
    """Counts by quad class and mean Goldstein per period for the pair f.a-f.b (either direction).
    Events whose date is coarser than the period (a year-only date in a monthly chart) or
    missing are counted apart, not placed in a period they may not belong to."""
    bucket, needed = PERIODS[by]
    result = {"a": f.a, "b": f.b, "by": by, "series": [], "undated": 0, "too_coarse": 0, "total": 0}
    if not r.has("events", "documents"):
        return result
    where, params = where_clause(f)
    rows = r.rows(
        f"""WITH x AS (SELECT {EVENT_DATE} AS ed, e.quad_class AS qc, e.goldstein AS g
                       FROM events e JOIN documents d ON d.id = e.doc_id WHERE {where})
            SELECT CASE WHEN ed IS NULL OR length(ed) < ? THEN NULL ELSE {bucket} END AS period,
                   count(*) FILTER (WHERE ed IS NULL) AS undated,
                   count(*) FILTER (WHERE qc = 1) AS q1, count(*) FILTER (WHERE qc = 2) AS q2,
                   count(*) FILTER (WHERE qc = 3) AS q3, count(*) FILTER (WHERE qc = 4) AS q4,
                   count(*) AS n, avg(g) AS goldstein
            FROM x GROUP BY ALL ORDER BY period NULLS LAST""", [*params, needed])
    found = {}
    for row in rows:
        result["total"] += row["n"]
        if row["period"] is None:
            result["undated"] += row["undated"]
            result["too_coarse"] += row["n"] - row["undated"]
            continue
        found[row["period"]] = {
            "period": row["period"], "total": row["n"],
            "counts": {QUAD_KEYS[q]: row[f"q{q}"] for q in QUAD_KEYS},
            "goldstein_mean": round(row["goldstein"], 3) if row["goldstein"] is not None else None,
        }
    result["series"] = [found.get(p) or _empty_period(p) for p in fill_periods(sorted(found), by)]
    return result


def _empty_period(period: str) -> dict:
    return {"period": period, "total": 0, "counts": {k: 0 for k in QUAD_KEYS.values()}, "goldstein_mean": None}


def fill_periods(periods: list[str], by: str) -> list[str]:
    """Every period from the first to the last, so gaps show as gaps on the time axis."""
    if len(periods) < 2:
        return periods
    out: list[str] = []
    if by == "month":
        year, month = map(int, periods[0].split("-"))
        while len(out) <= MAX_FILLED_PERIODS:
            label = f"{year:04d}-{month:02d}"
            out.append(label)
            if label >= periods[-1]:
                return out
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        day, last = Date.fromisoformat(periods[0]), Date.fromisoformat(periods[-1])
        while len(out) <= MAX_FILLED_PERIODS and day <= last:
            out.append(day.isoformat())
            day += timedelta(days=7)
        if day > last:
            return out
    return periods  # too long to fill: keep the periods that have events


def list_actors(r: Reader, q: str | None, limit: int, offset: int) -> tuple[int, list[dict]]:
    """Actors by full code (RUSMIL), with the names they were written as and event counts."""
    if not r.has("events"):
        return 0, []
    text = f"%{q.lower()}%" if q else None
    rows = r.rows(
        """WITH m AS (
               SELECT source_code AS code, source_country AS country, source_sector AS sector,
                      source_name AS name, 1 AS as_source FROM events WHERE coalesce(source_code, '') <> ''
               UNION ALL
               SELECT target_code, target_country, target_sector, target_name, 0 FROM events
               WHERE coalesce(target_code, '') <> ''),
           g AS (SELECT code, any_value(country) AS country, any_value(sector) AS sector,
                        count(*) AS n_events, sum(as_source) AS n_as_source, histogram(name) AS names
                 FROM m GROUP BY code)
           SELECT *, count(*) OVER () AS total FROM g
           WHERE ?::VARCHAR IS NULL OR lower(code) LIKE ? OR
                 EXISTS (SELECT 1 FROM unnest(map_keys(names)) t(nm) WHERE lower(nm) LIKE ?)
           ORDER BY n_events DESC, code LIMIT ? OFFSET ?""", [text, text, text, limit, offset])
    total = int(rows[0]["total"]) if rows else 0
    for row in rows:
        del row["total"]
        names = sorted((row.pop("names") or {}).items(), key=lambda kv: (-kv[1], kv[0]))
        row["names"] = [name for name, _ in names[:5]]
        row["n_as_target"] = row["n_events"] - row["n_as_source"]
    return total, rows


def actor_partners(r: Reader, code: str, limit: int = 10) -> list[dict]:
    """The countries an actor dealt with most, with its cooperation and conflict with each."""
    if not r.has("events"):
        return []
    return r.rows(
        """WITH x AS (
               SELECT CASE WHEN starts_with(coalesce(source_code, ''), $c) THEN target_country
                           ELSE source_country END AS partner, quad_class, goldstein
               FROM events WHERE starts_with(coalesce(source_code, ''), $c)
                              OR starts_with(coalesce(target_code, ''), $c))
           SELECT partner, count(*) AS n_events,
                  count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                  count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                  round(avg(goldstein), 2) AS goldstein_mean
           FROM x WHERE coalesce(partner, '') <> ''
           GROUP BY partner ORDER BY n_events DESC, partner LIMIT $n""", {"c": code, "n": limit})


def top_pairs(r: Reader, limit: int = 15) -> list[dict]:
    """The most reported country pairs (unordered), for the pair index."""
    if not r.has("events"):
        return []
    return r.rows(
        """SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                  count(*) AS n_events FROM events
           WHERE coalesce(source_country, '') <> '' AND coalesce(target_country, '') <> ''
             AND source_country <> target_country
           GROUP BY ALL ORDER BY n_events DESC, a, b LIMIT ?""", [limit])
