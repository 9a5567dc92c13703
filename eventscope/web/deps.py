"""Request dependencies shared by the API and the pages: a read-only reader and event filters."""

from __future__ import annotations

from typing import Iterator

from fastapi import Depends, Query, Request

from eventscope.web.database import Reader
from eventscope.web.filters import MAX_TEXT, EventFilters, build_filters


def reader(request: Request) -> Iterator[Reader]:
    """One read-only connection for the request (see database.py for why)."""
    with request.app.state.database.connect() as r:
        yield r


def event_filters(
    r: Reader = Depends(reader),
    actor: str | None = Query(None, max_length=12, description="Actor code or prefix: RUS, RUSMIL. Matches source or target."),
    a: str | None = Query(None, max_length=3, description="Country pair, first country (ISO3 or class code); needs b."),
    b: str | None = Query(None, max_length=3, description="Country pair, second country; either direction matches."),
    cameo_root: str | None = Query(None, max_length=2, description="CAMEO root, 01 to 20."),
    plover: str | None = Query(None, max_length=20, description="PLOVER event type, e.g. CONSULT."),
    quad_class: int | None = Query(None, ge=1, le=4, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."),
    start: str | None = Query(None, max_length=10, description="Earliest date, YYYY[-MM[-DD]]; events are placed at their own date, else their document's."),
    end: str | None = Query(None, max_length=10, description="Latest date, YYYY[-MM[-DD]]."),
    q: str | None = Query(None, max_length=MAX_TEXT, description="Free text in the sentence, actor names, trigger or headline."),
    doc_id: str | None = Query(None, max_length=64, description="Only events of this document."),
) -> EventFilters:
    return build_filters(r, actor=actor, a=a, b=b, cameo_root=cameo_root, plover=plover,
                         quad_class=quad_class, start=start, end=end, q=q, doc_id=doc_id)
