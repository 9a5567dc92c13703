"""Request dependencies shared by the API and the pages: a read-only reader and event filters."""

from __future__ import annotations

from typing import Iterator

from fastapi import Depends, Query, Request

from eventscope.web.database import Reader
from eventscope.web.filters import MAX_TEXT, EventFilters, FilterError, build_filters


def reader(request: Request) -> Iterator[Reader]:
    """One read-only connection for the request (see database.py for why)."""
    with request.app.state.database.connect() as r:
        yield r


def event_filters(
    r: Reader = Depends(reader),
    actor: str | None = Query(None, max_length=12, description="Actor code or prefix: RUS, RUSMIL. Matches source or target."),
    a: str | None = Query(None, max_length=3, description="Country pair, first country (ISO3 or class code); needs b."),
    b: str | None = Query(None, max_length=3, description="Country pair, second country; either direction matches."),
    source: str | None = Query(None, max_length=12, description="Directed dyad: the source actor's code or prefix (RUS, RUSMIL)."),
    target: str | None = Query(None, max_length=12, description="Directed dyad: the target actor's code or prefix."),
    cameo_root: str | None = Query(None, max_length=2, description="CAMEO root, 01 to 20."),
    cameo: str | None = Query(None, max_length=4, description="CAMEO code and the codes under it: 19, 190, 0311."),
    plover: str | None = Query(None, max_length=20, description="PLOVER event type, e.g. CONSULT."),
    plover_mode: str | None = Query(None, max_length=30, description="PLOVER mode, e.g. visit (of the plover type, if given)."),
    quad_class: int | None = Query(None, ge=1, le=4, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."),
    min_confidence: float | None = Query(None, ge=0, le=1, description="Only events coded with at least this confidence (0 to 1)."),
    start: str | None = Query(None, max_length=10, description="Earliest date, YYYY[-MM[-DD]]; events are placed at their own date, else their document's."),
    end: str | None = Query(None, max_length=10, description="Latest date, YYYY[-MM[-DD]]."),
    q: str | None = Query(None, max_length=MAX_TEXT, description="Free text in the sentence, actor names, trigger or headline."),
    doc_id: str | None = Query(None, max_length=64, description="Only events of this document."),
) -> EventFilters:
    return build_filters(r, actor=actor, a=a, b=b, source=source, target=target, cameo_root=cameo_root,
                         cameo=cameo, plover=plover, plover_mode=plover_mode, quad_class=quad_class,
                         min_confidence=min_confidence, start=start, end=end, q=q, doc_id=doc_id)


def known_parameters(request: Request) -> None:
    """A query parameter the endpoint does not take is an error (400), never silently ignored:
    `?cameo_rot=19` would otherwise return every event."""
    route = request.scope.get("route")
    if route is None:
        return
    allowed = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise FilterError(f"unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
                          f"this endpoint takes {', '.join(sorted(allowed)) or 'none'}")


def _query_names(dependant) -> set[str]:
    names = {p.alias or p.name for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names
