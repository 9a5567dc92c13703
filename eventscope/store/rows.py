"""Flatten DocumentResults into column lists, one dict per table, ready for pyarrow.

Kept apart from the DuckDB code so the mapping from data classes to columns can be read
(and tested) on its own. Column names match schema.sql.
"""

from __future__ import annotations

import json
from datetime import datetime

from eventscope.models import Actor, DocumentResult, Event, evidence_json

Columns = dict[str, list]


def _empty(names: str) -> Columns:
    return {name: [] for name in names.split()}


def _actors_json(actors: list[Actor]) -> str:
    return json.dumps([{"name": a.name, "country": a.country, "sector": a.sector, "text": a.text,
                        "start": a.start, "end": a.end, "entity": a.entity} for a in actors],
                      ensure_ascii=False)


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def _event_row(event: Event, doc_id: str, sentence_text: str | None) -> dict:
    source, target = _first(event.source), _first(event.target)
    return {
        "id": event.id, "doc_id": doc_id, "sentence": event.sentence,
        "span_start": event.span[0], "span_end": event.span[1],
        "source_name": source.name if source else None,
        "source_code": (source.code or None) if source else None,
        "source_country": source.country if source else None,
        "source_sector": source.sector if source else None,
        "source_actors": _actors_json(event.source),
        "target_name": target.name if target else None,
        "target_code": (target.code or None) if target else None,
        "target_country": target.country if target else None,
        "target_sector": target.sector if target else None,
        "target_actors": _actors_json(event.target),
        "cameo": event.cameo, "cameo_root": event.cameo_root, "goldstein": float(event.goldstein),
        "quad_class": event.quad_class, "plover": event.plover, "plover_mode": event.plover_mode,
        "plover_context": event.plover_context, "date": event.date,
        "date_precision": event.date_precision, "location": event.location,
        "location_country": event.location_country, "location_admin1": event.location_admin1,
        "location_geonames_id": event.location_geonames_id, "location_lat": event.location_lat,
        "location_lon": event.location_lon, "location_precision": event.location_precision,
        "trigger": event.trigger,
        "confidence": float(event.confidence), "evidence": evidence_json(event.evidence),
        "sentence_text": sentence_text,
    }


EVENT_COLUMNS = list(_event_row(Event("", 0, (0, 0), [], [], "", "", 0.0, 0, ""), "", None))


def to_columns(results: list[DocumentResult], run_id: str | None, ingested_at: datetime) -> dict[str, Columns]:
    """Columns for documents, sentences, actors and events of `results`.

    Events repeated within a document (same id) are written once: the id is a content hash,
    so a repeat is the same event found twice, and the primary key would reject it anyway.
    """
    tables = {
        "documents": _empty("id external_id title date source url origin lang text ingested_at run_id"),
        "sentences": _empty("doc_id idx start end text"),
        "actors": _empty("doc_id entity name country sector text start end evidence"),
        "events": {name: [] for name in EVENT_COLUMNS},
    }
    seen_events: set[str] = set()
    for result in results:
        doc = result.document
        row = dict(vars(doc), ingested_at=ingested_at, run_id=run_id)  # (flat: to_dict's deep copy is wasted)
        for name, values in tables["documents"].items():
            values.append(row[name])
        texts = {}
        for s in result.sentences:
            texts[s.index] = s.text
            for name, value in (("doc_id", doc.id), ("idx", s.index), ("start", s.start),
                                ("end", s.end), ("text", s.text)):
                tables["sentences"][name].append(value)
        for a in result.actors:
            for name, values in tables["actors"].items():
                values.append(doc.id if name == "doc_id" else evidence_json(a.evidence) if name == "evidence"
                              else getattr(a, name))
        for event in result.events:
            if event.id in seen_events:
                continue
            seen_events.add(event.id)
            # the result owns its events: file them under its document, whatever doc_id says
            row = _event_row(event, doc.id, texts.get(event.sentence))
            for name, values in tables["events"].items():
                values.append(row[name])
    return tables
