"""The events relation every export profile selects from: the stored event columns, typed, with
its document, its placed date as a DATE interval and its linked event's counts.

Columns beyond the `events` table (documented in SCHEMA.md, "Exports"):
`event_date` (the date the API shows: the event's own, else its document's), `date_start` and
`date_end` (DATE: the interval that date covers), `doc_date`, `doc_title`, `doc_source`,
`doc_url`, `doc_external_id` (the input record's id), `linked_event_id`, `n_sources` (articles reporting it, as in the API), `n_mentions`,
`n_outlets` (distinct outlets among those articles; used by the GDELT profile).
"""

from __future__ import annotations

from eventscope.store.event_sql import EVENT_DATE, date_end, date_start, link_joins

# Actor lists as Arrow list<struct>: Parquet and JSONL get typed nested columns, not JSON text.
ACTOR_STRUCT = ('[{"name": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR", "text": "VARCHAR", '
                '"start": "INTEGER", "end": "INTEGER", "entity": "VARCHAR"}]')
EXTRA_COLUMNS = ("event_date", "date_start", "date_end", "doc_date", "doc_title", "doc_source", "doc_url",
                 "doc_external_id",
                 "linked_event_id", "n_sources", "n_mentions")


def events_query(tables: set[str], where: str, nested_actors: bool) -> str:
    """SQL of the relation `b` (one row per event mention), filtered by `where` over `e`/`d`."""
    joins, n_sources, linked_id = link_joins(tables)
    linked = "el.linked_event_id" in linked_id
    n_mentions = "coalesce(le.n_mentions, 1)" if linked else "1"
    copies = "UNION ALL SELECT doc_id, source FROM document_sources" if "document_sources" in tables else ""
    actors = (f", from_json(e.source_actors, '{ACTOR_STRUCT}') AS source_actors, "
              f"from_json(e.target_actors, '{ACTOR_STRUCT}') AS target_actors" if nested_actors else "")
    replace = " REPLACE (" + actors[2:] + ")" if nested_actors else ""
    return f"""
WITH outlets AS (
    SELECT k.key, count(DISTINCT o.source) AS n
    FROM (SELECT e.doc_id, coalesce({linked_id}, e.id) AS key FROM events e{joins}) k
    JOIN (SELECT id AS doc_id, source FROM documents {copies}) o ON o.doc_id = k.doc_id
    GROUP BY k.key)
SELECT e.*{replace},
       {EVENT_DATE} AS event_date, {date_start()} AS date_start, {date_end()} AS date_end,
       d.date AS doc_date, d.title AS doc_title, d.source AS doc_source, d.url AS doc_url,
       d.external_id AS doc_external_id,
       {linked_id} AS linked_event_id, CAST({n_sources} AS INTEGER) AS n_sources,
       CAST({n_mentions} AS INTEGER) AS n_mentions,
       CAST(coalesce(o.n, 0) AS INTEGER) AS n_outlets, d.ingested_at AS doc_ingested_at, d.lang AS doc_lang
FROM events e
JOIN documents d ON d.id = e.doc_id{joins}
LEFT JOIN outlets o ON o.key = coalesce({linked_id}, e.id)
WHERE {where}"""


# Stable order of every events export: by placed date, then document, sentence, clause.
ORDER = "ORDER BY b.event_date NULLS LAST, b.doc_id, b.sentence, b.span_start, b.id"
INTERNAL_COLUMNS = ("n_outlets", "doc_ingested_at", "doc_lang")  # used by profiles only
