"""A small hand-built database for the web, API and export tests (as datasette's tests do).

The tables come from the real schema files (`Store` creates schema.sql and schema_links.sql),
never from a copy; rows are written column by name, so a renamed or dropped column fails here
instead of drifting. Nothing runs the NLP pipeline: a coder change cannot break these tests.

The content: three documents about Russia and Iran (one with hostile markup, one undated), five
events (a threat, an agreement reported twice and linked, an accusation with a year-only date,
an attack), one near-duplicate copy, one story, one run and one rejection.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb

from eventscope.store import Store

SCRIPT = '<script>alert("x")</script>'
TEXT_A = (f"Russian officials warned {SCRIPT} Iran on Monday.\n\n"
          "Iran & Russia agreed to expand trade, officials said.")
TEXT_B = "Moscow rebuked Tehran in 2023. Russian troops attacked Iranian positions."
TEXT_C = "Russian and Iranian envoys met."
SPLIT_A = TEXT_A.index("\n\n")
SPLIT_B = TEXT_B.index(" Russian") + 1


def insert(con: duckdb.DuckDBPyConnection, table: str, **row) -> None:
    """One row by column name; columns not named take their default (NULL)."""
    names = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))


def actor(text: str, name: str, country: str, sector: str | None, occurrence: int = 0) -> dict:
    start = [m.start() for m in re.finditer(re.escape(name), text)][occurrence]
    return {"name": name, "country": country, "sector": sector, "text": name, "start": start,
            "end": start + len(name), "entity": f"{country}:{name}"}


def event(con, id, doc_id, text, sentence, span, source, target, cameo, quad, goldstein, plover, date,
          trigger, precision=None, **extra) -> None:
    insert(con, "events", id=id, doc_id=doc_id, sentence=sentence, span_start=span[0], span_end=span[1],
           source_name=source["name"], source_code=source["country"] + (source["sector"] or ""),
           source_country=source["country"], source_sector=source["sector"],
           source_actors=json.dumps([source]),
           target_name=target["name"], target_code=target["country"] + (target["sector"] or ""),
           target_country=target["country"], target_sector=target["sector"],
           target_actors=json.dumps([target]),
           cameo=cameo, cameo_root=cameo[:2], goldstein=goldstein, quad_class=quad, plover=plover,
           date=date, date_precision=precision or {10: "day", 7: "month", 4: "year"}.get(len(date or "")),
           trigger=trigger, confidence=0.8, evidence="test", sentence_text=text[span[0]:span[1]], **extra)


def build(path: str | Path) -> Path:
    """Write the database at `path` (a new file) and return the path."""
    path = Path(path)
    Store(path).close()  # the real schema, linking tables included
    con = duckdb.connect(str(path))
    docs = [("doc-a", f"{SCRIPT} Talks", "2024-03-04", TEXT_A, "https://www.wire.example/a"),
            ("doc-b", "Second report", "2024-05-21", TEXT_B, "javascript:alert(1)"),
            ("doc-c", "Undated report", None, TEXT_C, None)]
    for doc_id, title, date, text, url in docs:
        insert(con, "documents", id=doc_id, title=title, date=date, source="Wire", url=url,
               origin=f"in/{doc_id}.txt", lang="en", text=text, ingested_at="2024-06-01 12:00:00",
               run_id="run-1")
    insert(con, "sentences", doc_id="doc-a", idx=0, start=0, end=SPLIT_A, text=TEXT_A[:SPLIT_A])
    insert(con, "sentences", doc_id="doc-a", idx=1, start=SPLIT_A + 2, end=len(TEXT_A), text=TEXT_A[SPLIT_A + 2:])
    insert(con, "sentences", doc_id="doc-b", idx=0, start=0, end=SPLIT_B - 1, text=TEXT_B[:SPLIT_B - 1])
    insert(con, "sentences", doc_id="doc-b", idx=1, start=SPLIT_B, end=len(TEXT_B), text=TEXT_B[SPLIT_B:])
    insert(con, "sentences", doc_id="doc-c", idx=0, start=0, end=len(TEXT_C), text=TEXT_C)
    for doc_id, text, name, country, sector in [
            ("doc-a", TEXT_A, "Russian officials", "RUS", "GOV"), ("doc-a", TEXT_A, "Iran", "IRN", None),
            ("doc-b", TEXT_B, "Moscow", "RUS", "GOV"), ("doc-b", TEXT_B, "Tehran", "IRN", "GOV")]:
        a = actor(text, name, country, sector)
        insert(con, "actors", doc_id=doc_id, entity=a["entity"], name=name, country=country, sector=sector,
               text=name, start=a["start"], end=a["end"], evidence="test")
    event(con, "e1", "doc-a", TEXT_A, 0, (0, SPLIT_A), actor(TEXT_A, "Russian officials", "RUS", "GOV"),
          actor(TEXT_A, "Iran", "IRN", None), "130", 3, -4.4, "THREATEN", "2024-03-04", "warned")
    event(con, "e2", "doc-a", TEXT_A, 1, (SPLIT_A + 2, len(TEXT_A)), actor(TEXT_A, "Iran", "IRN", None, 1),
          actor(TEXT_A, "Russia", "RUS", None, 1), "0312", 1, 5.2, "AGREE", "2024-03-11", "agreed .. expand")
    event(con, "e3", "doc-b", TEXT_B, 0, (0, SPLIT_B - 1), actor(TEXT_B, "Moscow", "RUS", "GOV"),
          actor(TEXT_B, "Tehran", "IRN", "GOV"), "111", 3, -2.0, "ACCUSE", "2023", "rebuked")
    event(con, "e5", "doc-b", TEXT_B, 1, (SPLIT_B, len(TEXT_B)), actor(TEXT_B, "Russian troops", "RUS", "MIL"),
          actor(TEXT_B, "Iranian positions", "IRN", "MIL"), "190", 4, -10.0, "ASSAULT", "2024-05-20", "attacked",
          location="Tabriz", location_country="IRN", location_admin1="IR.33", location_geonames_id=113646,
          location_lat=38.08, location_lon=46.2919, location_precision="city")
    event(con, "e4", "doc-c", TEXT_C, 0, (0, len(TEXT_C)), actor(TEXT_C, "Russian", "RUS", None),
          actor(TEXT_C, "Iranian envoys", "IRN", "GOV"), "040", 1, 1.0, "CONSULT", None, "met",
          plover_mode="visit")
    insert(con, "document_sources", doc_id="doc-a", source="<i>Mirror</i>", url="javascript:alert(2)",
           title="<script>copy</script>", date="2024-03-05", origin="in/copy.txt", similarity=0.93, copy_id="copy-1")
    insert(con, "linked_events", id="L1", cameo="0312", cameo_root="03", quad_class=1, goldstein=5.2, plover="AGREE",
           source_code="IRN", target_code="RUS", date="2024-03-11", first_reported="2024-03-04",
           first_doc_id="doc-a", n_mentions=2, n_sources=3, n_documents=2, text=TEXT_A[SPLIT_A + 2:])
    insert(con, "event_links", event_id="e2", linked_event_id="L1")
    insert(con, "event_links", event_id="e4", linked_event_id="L1")
    insert(con, "stories", id="S1", title=f"{SCRIPT} Russia and Iran", first_date="2024-03-04",
           last_date="2024-03-11", n_documents=2, n_events=3, updated_at="2024-06-01 12:00:00")
    insert(con, "story_documents", story_id="S1", doc_id="doc-a")
    insert(con, "story_documents", story_id="S1", doc_id="doc-c")
    insert(con, "story_brief", story_id="S1", idx=0, text=f"Russia warned Iran {SCRIPT}", doc_id="doc-a",
           sentence=0, date="2024-03-04")
    insert(con, "story_brief", story_id="S1", idx=1, text="They agreed to expand trade.", doc_id="doc-a",
           sentence=1, date="2024-03-11")
    insert(con, "runs", run_id="run-1", started_at="2024-06-01 12:00:00", finished_at="2024-06-01 12:01:00",
           inputs='["in"]', documents_added=3, documents_skipped=0, events_added=5, rejected=1, status="ok")
    insert(con, "rejections", run_id="run-1", origin="in/bad.bin", reason="<b>binary</b> file", at="2024-06-01 12:00:30")
    con.close()
    return path
