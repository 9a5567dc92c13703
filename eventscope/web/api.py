"""The JSON API under /api, in datasette's manner: filters are validated (deps/filters) and an
unknown parameter is a 400, every list pages with a `next` link and has a `.csv` twin
(`/api/events.csv?...` is the same rows as CSV), and responses have typed schemas in
/openapi.json (schemas.py). Errors are `{"detail": message}` with a 4xx status."""

from __future__ import annotations

import csv
import io
import json
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from eventscope.web import maps, queries, schemas, story_queries
from eventscope.web.database import Reader
from eventscope.web.deps import event_filters, known_parameters, reader
from eventscope.web.filters import MAX_LIMIT, EventFilters, build_filters

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(known_parameters)])
INTERNAL = ("sent_text", "sent_start")
CSV = {"content": {"text/csv": {}}, "description": "The same rows as CSV (nested values as JSON text)."}


def Limit():  # a fresh parameter object per endpoint: FastAPI binds each to one name
    return Query(50, ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")


def Offset():
    return Query(0, ge=0, le=10_000_000, description="Rows to skip.")


def public(event: dict) -> dict:
    return {k: v for k, v in event.items() if k not in INTERNAL}


def next_url(request: Request, total: int, limit: int, offset: int) -> str | None:
    """The same request one page further on, or None on the last page."""
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(offset=offset + limit, limit=limit))


def csv_response(rows: list[dict], name: str) -> Response:
    """Rows as CSV: columns in first-seen order, lists and dicts as JSON text."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (list, dict)) else v
                         for k, v in row.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


Sort = Literal["-date", "date", "-confidence", "confidence", "-goldstein", "goldstein"]


def event_page(request: Request, f: EventFilters, limit: int, offset: int, sort: str, r: Reader) -> dict:
    total, rows = queries.search_events(r, f, limit, offset, sort)
    return {"total": total, "limit": limit, "offset": offset, "sort": sort, "filters": f.as_query(),
            "next": next_url(request, total, limit, offset), "facets": queries.event_facets(r, f),
            "events": [public(e) for e in rows]}


@router.get("/events", summary="Search events", response_model=schemas.EventPage)
def list_events(request: Request, f: EventFilters = Depends(event_filters), limit: int = Limit(),
                offset: int = Offset(), sort: Sort = Query("-date", description="Order: a column, - for descending."),
                r: Reader = Depends(reader)) -> dict:
    return event_page(request, f, limit, offset, sort, r)


@router.get("/events.csv", summary="Search events, as CSV", response_class=Response, responses={200: CSV})
def list_events_csv(request: Request, f: EventFilters = Depends(event_filters), limit: int = Limit(),
                    offset: int = Offset(), sort: Sort = Query("-date"), r: Reader = Depends(reader)) -> Response:
    return csv_response(event_page(request, f, limit, offset, sort, r)["events"], "events")


@router.get("/map", summary="Events per place and per country, filtered like /events")
def event_map(f: EventFilters = Depends(event_filters), limit: int = Query(500, ge=1, le=5000),
              r: Reader = Depends(reader)) -> dict:
    return {"filters": f.as_query(), **maps.place_counts(r, f, limit)}


@router.get("/events/{event_id}", summary="One event, its document and its other sources",
            response_model=schemas.EventDetail)
def get_event(event_id: str = Path(..., min_length=1, max_length=64), r: Reader = Depends(reader)) -> dict:
    event = queries.get_event(r, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    linked, mentions = queries.linked_mentions(r, event_id)
    return {**public(event), "copies": queries.document_copies(r, event["doc_id"]),
            "linked_event": linked, "other_mentions": [public(m) for m in mentions]}


def story_page(request: Request, limit: int, offset: int, r: Reader) -> dict:
    total, rows = story_queries.list_stories(r, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "available": r.has("stories"),
            "next": next_url(request, total, limit, offset), "stories": rows}


@router.get("/stories", summary="Stories found by linking, latest first", response_model=schemas.StoryPage)
def list_stories(request: Request, limit: int = Limit(), offset: int = Offset(), r: Reader = Depends(reader)) -> dict:
    return story_page(request, limit, offset, r)


@router.get("/stories.csv", summary="Stories, as CSV", response_class=Response, responses={200: CSV})
def list_stories_csv(request: Request, limit: int = Limit(), offset: int = Offset(),
                     r: Reader = Depends(reader)) -> Response:
    return csv_response(story_page(request, limit, offset, r)["stories"], "stories")


@router.get("/stories/{story_id}", summary="A story: documents, brief and timeline", response_model=schemas.StoryDetail)
def get_story(story_id: str = Path(..., min_length=1, max_length=64), r: Reader = Depends(reader)) -> dict:
    story = story_queries.get_story(r, story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    story["timeline"] = [public(e) for e in story["timeline"]]
    return story


def actor_page(request: Request, q: str | None, limit: int, offset: int, r: Reader) -> dict:
    total, rows = queries.list_actors(r, (q or "").strip() or None, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "next": next_url(request, total, limit, offset),
            "actors": rows}


@router.get("/actors", summary="Actors by code, most active first", response_model=schemas.ActorPage)
def list_actors(request: Request, q: str | None = Query(None, max_length=100, description="Part of a name or code."),
                limit: int = Limit(), offset: int = Offset(), r: Reader = Depends(reader)) -> dict:
    return actor_page(request, q, limit, offset, r)


@router.get("/actors.csv", summary="Actors, as CSV", response_class=Response, responses={200: CSV})
def list_actors_csv(request: Request, q: str | None = Query(None, max_length=100), limit: int = Limit(),
                    offset: int = Offset(), r: Reader = Depends(reader)) -> Response:
    return csv_response(actor_page(request, q, limit, offset, r)["actors"], "actors")


def A():
    return Query(..., max_length=3, description="First country (ISO3 or class code).")


def B():
    return Query(..., max_length=3, description="Second country.")


def By():
    return Query("month", description="Period of the series.")


@router.get("/dyads", summary="Cooperation and conflict of a country pair over time", response_model=schemas.DyadSeries)
def dyad(a: str = A(), b: str = B(), by: Literal["week", "month"] = By(),
         start: str | None = Query(None, max_length=10), end: str | None = Query(None, max_length=10),
         r: Reader = Depends(reader)) -> dict:
    f = build_filters(r, a=a, b=b, start=start, end=end)
    return queries.dyad_series(r, f, by)


@router.get("/dyads.csv", summary="A country pair's series, as CSV", response_class=Response, responses={200: CSV})
def dyad_csv(a: str = A(), b: str = B(), by: Literal["week", "month"] = By(),
             start: str | None = Query(None, max_length=10), end: str | None = Query(None, max_length=10),
             r: Reader = Depends(reader)) -> Response:
    series = dyad(a, b, by, start, end, r)["series"]
    rows = [{"period": p["period"], "total": p["total"], **p["counts"], "goldstein_mean": p["goldstein_mean"]}
            for p in series]
    return csv_response(rows, f"dyad-{a}-{b}")
