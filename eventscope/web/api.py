"""The JSON API under /api. Filters are validated in deps/filters; errors are 4xx with a message."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from eventscope.web import maps, queries, story_queries
from eventscope.web.database import Reader
from eventscope.web.deps import event_filters, reader
from eventscope.web.filters import MAX_LIMIT, EventFilters, build_filters

router = APIRouter(prefix="/api", tags=["api"])
INTERNAL = ("sent_text", "sent_start")


def Limit():  # a fresh parameter object per endpoint: FastAPI binds each to one name
    return Query(50, ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")


def Offset():
    return Query(0, ge=0, le=10_000_000, description="Rows to skip.")


def public(event: dict) -> dict:
    return {k: v for k, v in event.items() if k not in INTERNAL}


@router.get("/events", summary="Search events")
def list_events(f: EventFilters = Depends(event_filters), limit: int = Limit(), offset: int = Offset(),
                r: Reader = Depends(reader)) -> dict:
    total, rows = queries.search_events(r, f, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "filters": f.as_query(),
            "events": [public(e) for e in rows]}


@router.get("/map", summary="Events per place and per country, filtered like /events")
def event_map(f: EventFilters = Depends(event_filters), limit: int = Query(500, ge=1, le=5000),
              r: Reader = Depends(reader)) -> dict:
    return {"filters": f.as_query(), **maps.place_counts(r, f, limit)}


@router.get("/events/{event_id}", summary="One event, its document and its other sources")
def get_event(event_id: str = Path(..., min_length=1, max_length=64), r: Reader = Depends(reader)) -> dict:
    event = queries.get_event(r, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    linked, mentions = queries.linked_mentions(r, event_id)
    return {**public(event), "copies": queries.document_copies(r, event["doc_id"]),
            "linked_event": linked, "other_mentions": [public(m) for m in mentions]}


@router.get("/stories", summary="Stories found by linking, latest first")
def list_stories(limit: int = Limit(), offset: int = Offset(), r: Reader = Depends(reader)) -> dict:
    total, rows = story_queries.list_stories(r, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "available": r.has("stories"), "stories": rows}


@router.get("/stories/{story_id}", summary="A story: documents, brief and timeline")
def get_story(story_id: str = Path(..., min_length=1, max_length=64), r: Reader = Depends(reader)) -> dict:
    story = story_queries.get_story(r, story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    story["timeline"] = [public(e) for e in story["timeline"]]
    return story


@router.get("/actors", summary="Actors by code, most active first")
def list_actors(q: str | None = Query(None, max_length=100, description="Part of a name or code."),
                limit: int = Limit(), offset: int = Offset(), r: Reader = Depends(reader)) -> dict:
    total, rows = queries.list_actors(r, (q or "").strip() or None, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "actors": rows}


@router.get("/dyads", summary="Cooperation and conflict of a country pair over time")
def dyad(a: str = Query(..., max_length=3, description="First country (ISO3 or class code)."),
         b: str = Query(..., max_length=3, description="Second country."),
         by: Literal["week", "month"] = Query("month", description="Period of the series."),
         start: str | None = Query(None, max_length=10), end: str | None = Query(None, max_length=10),
         r: Reader = Depends(reader)) -> dict:
    f = build_filters(r, a=a, b=b, start=start, end=end)
    return queries.dyad_series(r, f, by)
