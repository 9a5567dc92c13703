"""Plain data classes passed between pipeline stages.

Stages are pure functions from one of these to the next, so the local runner and
Dask workers run the same code and everything here must pickle cheaply. Offsets are
character offsets into ``Document.text``; dates are ISO strings (``YYYY-MM-DD``,
or ``YYYY-MM`` / ``YYYY`` when only that precision is known).

``documents``: what ingest makes; ``events``: what the coder makes of a document;
``links``: what linking hands the store. Every name is importable from here.
"""

from .documents import Document, Rejection, Sentence, content_id
from .events import (EVIDENCE_KINDS, Actor, DocumentResult, Event, Evidence, Location, decided,
                     evidence_from_json, evidence_json, render_evidence)
from .links import (BriefSentence, DocumentCopy, EventLink, LinkBatch, LinkedEvent, LinkReason, Story,
                    StoryGrowth, StoryState)

__all__ = [
    "Actor", "BriefSentence", "Document", "DocumentCopy", "DocumentResult", "EVIDENCE_KINDS", "Event",
    "EventLink", "Evidence", "LinkBatch", "LinkReason", "LinkedEvent", "Location", "Rejection",
    "Sentence", "Story", "StoryGrowth", "StoryState", "content_id", "decided", "evidence_from_json",
    "evidence_json", "render_evidence",
]
