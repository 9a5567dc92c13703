"""Linking records: what the linking stage hands the store (store/links.py writes them):
near-copies, linked events and their links, story states and summaries."""

from __future__ import annotations

from dataclasses import dataclass, field

from .documents import Document


@dataclass
class DocumentCopy:
    """A near-duplicate of stored document `doc_id`: kept as an extra source (document_sources), not coded."""

    doc_id: str  # the canonical document
    copy: Document
    similarity: float  # estimated Jaccard of word 3-shingles


@dataclass(frozen=True)
class LinkReason:
    """Which fields agreed when a mention joined a linked event; written as one line
    (`str(reason)`) to event_links.reason, which the web app shows."""

    cameo: str | None  # the mention's CAMEO code
    linked_cameo: str  # the linked event's
    plover: str | None  # the linked event's PLOVER type
    source_code: str | None
    target_code: str | None
    source_names: tuple[str | None, str | None] | None = None  # (linked, mention), when either names someone
    target_names: tuple[str | None, str | None] | None = None
    dates: tuple[str | None, str] | None = None  # (linked, mention); None: both undated
    place: str | None = None  # the country both are placed in
    same_story: bool = False  # a statement or an undated mention: linked within its story only
    wording: float = 0.0  # Jaccard of content words, 1.0 for the same trigger

    def __str__(self) -> str:
        def names(pair):
            return f" ({pair[0]} / {pair[1]})" if pair else ""

        parts = [f"type {self.cameo}~{self.linked_cameo}" + (f" ({self.plover})" if self.plover else ""),
                 f"source {self.source_code or '-'}{names(self.source_names)}",
                 f"target {self.target_code or '-'}{names(self.target_names)}",
                 f"dates {self.dates[0]} / {self.dates[1]}" if self.dates else "both undated"]
        if self.place:
            parts.append(f"place {self.place}")
        if self.same_story:
            parts.append("same story")
        parts.append(f"wording {self.wording:.2f}")
        return "; ".join(parts)


@dataclass
class EventLink:
    """A mention (an `events` row) linked to a linked event: a row of event_links."""

    event_id: str
    doc_id: str
    reason: LinkReason | None = None  # None: the mention that first reported the linked event

    @property
    def reason_text(self) -> str:
        return str(self.reason) if self.reason else "first report"


@dataclass
class LinkedEvent:
    """A real-world event as linked so far: a row of linked_events, plus the keys mentions are
    matched on (trigger, story of the first document) and the links added in this batch."""

    id: str
    cameo: str
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    source_code: str | None
    target_code: str | None
    date: str | None
    first_reported: str | None
    first_doc_id: str
    text: str | None
    trigger: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    location_country: str | None = None
    location_geonames_id: int | None = None
    location_precision: str | None = None
    story_id: str | None = None  # story of the first document
    mentions: list[EventLink] = field(default_factory=list)  # linked in this batch
    stored: bool = False  # read from the store (else made by this batch)


@dataclass
class StoryState:
    """The story clusterer's saved state of one story (story_state, story_terms)."""

    id: str
    n: int  # member documents
    first_date: str | None
    last_date: str | None
    countries: str  # "FRA:2,DEU:1": members naming each country
    seq: int  # stream position of its last change
    terms: dict[str, float]  # summed member vectors (only the key terms' when read for the postings)
    key_terms: list[str] = field(default_factory=list)  # the terms it is found by (empty when read in full)
    names: dict[str, int] | None = None  # name -> members using it, when kept apart from `terms`


@dataclass
class LinkBatch:
    """One batch's linking results, which the store writes in one transaction."""

    linked: list[LinkedEvent]  # linked events that gained mentions (their `mentions`)
    stories: list[StoryState]  # stories that gained documents
    memberships: dict[str, str]  # doc id -> story id (story_documents)
    df_delta: dict[str, int]  # term -> documents of this batch using it
    n_docs: int  # documents this batch added to the clusterer
    merged: dict[str, str] = field(default_factory=dict)  # story id -> the story that took in its documents


@dataclass
class BriefSentence:
    """One sentence of a story's brief (story_brief), cited to its document."""

    idx: int  # position in the brief
    text: str
    doc_id: str
    sentence: int | None
    date: str | None


@dataclass
class Story:
    """A story's summary (a row of stories) and its brief."""

    id: str
    title: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    n_documents: int = 0
    n_events: int = 0
    brief_n: int | None = None  # documents it had when the brief was built
    brief: list[BriefSentence] = field(default_factory=list)


@dataclass
class StoryGrowth:
    """A story that grew in a batch whose brief is not rebuilt now: new counts and dates only."""

    id: str
    n_documents: int
    new_events: int  # events of the documents added
    first_date: str | None
    last_date: str | None
