"""Server-rendered pages (Jinja2, autoescaped). Bad filters re-render the page with the message."""

from __future__ import annotations

from importlib import resources
from typing import Literal
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from eventscope.knowledge.taxonomy import cameo
from eventscope.web import codes, explain, maps, queries, story_queries
from eventscope.web.charts import dyad_chart
from eventscope.web.database import Reader
from eventscope.web.deps import reader
from eventscope.web.filters import FilterError, build_filters, check_actor_code
from eventscope.web.highlight import highlighted_sentence

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
EVENT_FILTERS = ("actor", "a", "b", "source", "target", "cameo_root", "cameo", "plover", "plover_mode", "quad_class",
                 "min_confidence", "start", "end", "q")
FACET_TITLES = {"plover": "PLOVER type", "quad_class": "Class", "cameo_root": "CAMEO root",
                "source_country": "Source country", "target_country": "Target country"}
FACET_FILTER = {"plover": "plover", "quad_class": "quad_class", "cameo_root": "cameo_root",
                "source_country": "source", "target_country": "target"}


def Page():  # a fresh parameter object per endpoint
    return Query(1, ge=1, le=100_000)


def templates() -> Jinja2Templates:
    folder = str(resources.files("eventscope.web").joinpath("templates"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.globals.update(country_name=codes.country_name, actor_label=codes.actor_label, QUAD_CLASSES=codes.QUAD_CLASSES,
                       CAMEO_ROOTS=codes.cameo_roots(), PLOVER_TYPES=codes.plover_names(),
                       highlight=highlighted_sentence, query=urlencode, safe_url=safe_url,
                       cameo_name=cameo_name, plural=plural, FACET_TITLES=FACET_TITLES, FACET_FILTER=FACET_FILTER,
                       why_coded=explain.why_coded,
                       plover_definition=explain.plover_definition, cameo_definition=explain.cameo_definition)
    return Jinja2Templates(env=env)


def plural(noun: str, n: int) -> str:
    if n == 1:
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def cameo_name(code: str | None) -> str:
    try:
        return cameo(code).name if code else ""
    except KeyError:
        return ""


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become hrefs; anything else (javascript:, data:) is shown as text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status, status=status, message=message)


def pager(page: int, total: int, size: int = PAGE_SIZE) -> dict:
    pages = max(1, -(-total // size))
    return {"page": page, "pages": pages, "total": total, "size": size,
            "first": (page - 1) * size + 1 if total else 0, "last": min(page * size, total)}


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=307)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, page: int = Page(), r: Reader = Depends(reader)):
    raw = {k: request.query_params.get(k, "") for k in EVENT_FILTERS}
    try:
        f = build_filters(r, **raw)
    except FilterError as err:
        return render(request, "events.html", 400, form=raw, error=str(err), events=[], pager=pager(1, 0), keep={},
                      facets={})
    total, rows = queries.search_events(r, f, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return render(request, "events.html", form=raw, error=None, events=rows, pager=pager(page, total),
                  keep=f.as_query(), facets=queries.event_facets(r, f) if total else {})


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, r: Reader = Depends(reader)):
    """Events per place on a world map, filtered like the event list."""
    raw = {k: request.query_params.get(k, "") for k in EVENT_FILTERS}
    try:
        f = build_filters(r, **raw)
    except FilterError as err:
        empty = {"places": [], "countries": [], "placed": 0, "total": 0}
        return render(request, "map.html", 400, form=raw, error=str(err), counts=empty, m=maps.svg_map(empty), keep={})
    counts = maps.place_counts(r, f)
    return render(request, "map.html", form=raw, error=None, counts=counts, m=maps.svg_map(counts), keep=f.as_query())


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, r: Reader = Depends(reader)):
    event = queries.get_event(r, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    linked, mentions = queries.linked_mentions(r, event_id)
    return render(request, "event.html", event=event, copies=queries.document_copies(r, event["doc_id"]),
                  linked=linked, mentions=mentions)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, r: Reader = Depends(reader)):
    doc = queries.get_document(r, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    _, events = queries.search_events(r, build_filters(None, doc_id=doc_id), 500, 0)
    events.sort(key=lambda e: (e["sentence"], e["span_start"] or 0))
    paragraphs = [p for p in doc["text"].split("\n\n") if p.strip()]
    return render(request, "document.html", doc=doc, events=events, paragraphs=paragraphs)


@router.get("/pairs", response_class=HTMLResponse)
def pair_page(request: Request, by: Literal["week", "month"] = "month", r: Reader = Depends(reader)):
    raw = {k: request.query_params.get(k, "") for k in ("a", "b", "start", "end")}
    top = queries.top_pairs(r)
    if not (raw["a"] or raw["b"]):
        return render(request, "pair.html", form=raw, by=by, top=top, data=None, chart="", error=None)
    try:
        f = build_filters(r, **raw)
        if not f.a:
            raise FilterError("choose two countries (a and b)")
    except FilterError as err:
        return render(request, "pair.html", 400, form=raw, by=by, top=top, data=None, chart="", error=str(err))
    data = queries.dyad_series(r, f, by)
    title = f"{codes.country_name(f.a)} and {codes.country_name(f.b)}: events per {by}"
    return render(request, "pair.html", form=raw, by=by, top=top, data=data, error=None,
                  chart=dyad_chart(data["series"], title), title=title, keep=f.as_query())


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, page: int = Page(), r: Reader = Depends(reader)):
    total, rows = story_queries.list_stories(r, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return render(request, "stories.html", stories=rows, pager=pager(page, total), available=r.has("stories"))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, r: Reader = Depends(reader)):
    story = story_queries.get_story(r, story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return render(request, "story.html", story=story)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, q: str = Query("", max_length=100), page: int = Page(),
                r: Reader = Depends(reader)):
    total, rows = queries.list_actors(r, q.strip() or None, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return render(request, "actors.html", actors=rows, q=q, pager=pager(page, total))


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str, page: int = Page(), r: Reader = Depends(reader)):
    code = check_actor_code(code, "actor", r) or ""
    f = build_filters(r, actor=code)
    total, events = queries.search_events(r, f, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    _, variants = queries.list_actors(r, code.lower(), 20, 0)
    variants = [v for v in variants if v["code"].startswith(code)]
    places = maps.place_counts(r, build_filters(r)) if len(code) == 3 else None
    if places is not None:  # a country: where its events happened (events placed in it, whoever acted)
        places = {**places, "places": [p for p in places["places"] if p["country"] == code],
                  "countries": [c for c in places["countries"] if c["country"] == code]}
    return render(request, "actor.html", code=code, events=events, pager=pager(page, total), keep=f.as_query(),
                  partners=queries.actor_partners(r, code), variants=variants,
                  places=places, m=maps.svg_map(places, focus=code) if places and places["places"] else None)


@router.get("/status", response_class=HTMLResponse)
def status_page(request: Request, r: Reader = Depends(reader)):
    return render(request, "status.html", **story_queries.status(r),
                  db=str(request.app.state.database.path))
