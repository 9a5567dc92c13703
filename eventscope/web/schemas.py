"""Typed response schemas of the JSON API, published in /openapi.json. The main fields are
declared; rows may carry more (columns added to the store appear without a schema change)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Row(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorMention(Row):
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Event(Row):
    """One coded event (a mention): who did what to whom, where it was read, why it was coded."""
    id: str
    doc_id: str
    sentence: int
    source_name: str | None = None
    source_code: str | None = None
    source_country: str | None = None
    source_actors: list[ActorMention] = []
    target_name: str | None = None
    target_code: str | None = None
    target_country: str | None = None
    target_actors: list[ActorMention] = []
    cameo: str
    cameo_root: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    date: str | None = None
    date_precision: str | None = None
    event_date: str | None = None
    trigger: str | None = None
    confidence: float | None = None
    evidence: Any = None
    evidence_text: str | None = None
    sentence_text: str | None = None
    doc_title: str | None = None
    doc_date: str | None = None
    doc_source: str | None = None
    doc_url: str | None = None
    n_sources: int | None = None  # articles reporting it (see store/event_sql.py)


class FacetValue(BaseModel):
    value: str | int | None
    count: int


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    sort: str
    filters: dict[str, str]
    next: str | None
    facets: dict[str, list[FacetValue]]
    events: list[Event]


class EventDetail(Event):
    copies: list[dict[str, Any]]
    linked_event: dict[str, Any] | None
    other_mentions: list[Event]


class Story(Row):
    id: str
    title: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    n_documents: int | None = None
    n_events: int | None = None


class StoryPage(BaseModel):
    total: int
    limit: int
    offset: int
    available: bool
    next: str | None
    stories: list[Story]


class StoryDetail(Story):
    documents: list[dict[str, Any]]
    brief: list[dict[str, Any]]
    timeline: list[Event]


class Actor(Row):
    code: str
    country: str | None = None
    sector: str | None = None
    n_events: int
    n_as_source: int
    n_as_target: int
    names: list[str]


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    next: str | None
    actors: list[Actor]


class Period(BaseModel):
    period: str
    total: int
    counts: dict[str, int]
    goldstein_mean: float | None


class DyadSeries(BaseModel):
    a: str | None
    b: str | None
    by: str
    series: list[Period]
    undated: int
    too_coarse: int
    total: int
