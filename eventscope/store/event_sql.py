"""SQL both readers of events share (the web app/API and `eventscope export`), so that they agree
on what an event's date and source count are. Fragments are over `events e JOIN documents d`.

* `EVENT_DATE`: where an event is placed in time: its own date, else its document's publication
  date. An ISO string of the precision known (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
* `date_start()` / `date_end()`: that date as a typed DATE interval: "2024-03" is 2024-03-01 to
  2024-03-31, a `week` date (its Monday) runs to the Sunday.
* `n_sources`: how many articles reported the event: for a mention linked to a real-world event,
  the linked event's `n_sources` (its documents plus their near-duplicate copies); otherwise its
  own document plus that document's copies.
"""

from __future__ import annotations

EVENT_DATE = "coalesce(nullif(e.date, ''), nullif(d.date, ''))"


def date_start(date: str = EVENT_DATE) -> str:
    return (f"try_cast(CASE length({date}) WHEN 4 THEN {date} || '-01-01' WHEN 7 THEN {date} || '-01' "
            f"ELSE {date} END AS DATE)")


def date_end(date: str = EVENT_DATE, precision: str = "e.date_precision") -> str:
    start = date_start(date)
    return (f"CASE WHEN length({date}) = 4 THEN try_cast({date} || '-12-31' AS DATE) "
            f"WHEN length({date}) = 7 THEN last_day({start}) "
            f"WHEN {precision} = 'week' AND nullif(e.date, '') IS NOT NULL THEN CAST({start} + INTERVAL 6 DAY AS DATE) "
            f"ELSE {start} END")


def link_joins(tables: set[str]) -> tuple[str, str, str]:
    """(joins, n_sources SQL, linked event id SQL) for the tables this store has: a store written
    before linking existed has no link tables, and every event is then its own."""
    copies = ("(SELECT count(*) FROM document_sources ds WHERE ds.doc_id = e.doc_id)"
              if "document_sources" in tables else "0")
    if {"event_links", "linked_events"} <= tables:
        joins = ("\nLEFT JOIN event_links el ON el.event_id = e.id"
                 "\nLEFT JOIN linked_events le ON le.id = el.linked_event_id")
        return joins, f"coalesce(le.n_sources, 1 + {copies})", "el.linked_event_id"
    return "", f"1 + {copies}", "NULL::VARCHAR"
