"""Documents as ingest makes them: the article, an input it could not read, a sentence."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass


def content_id(text: str, title: str | None = None) -> str:
    """Stable document id: a hash of the normalised content, so re-ingesting is a no-op."""
    normal = " ".join(((title or "") + "\n" + text).split()).lower()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """One article after ingest: boilerplate removed, metadata found."""

    id: str  # content hash, see content_id()
    text: str  # body text (the headline is kept separately in title)
    title: str | None = None
    date: str | None = None  # publication date, ISO
    source: str | None = None  # outlet
    url: str | None = None
    origin: str = ""  # where it came from: "path" or "path:line"
    external_id: str | None = None  # id given by the user's record, if any
    lang: str | None = None
    dateline: str | None = None  # the place a dateline names ("BERLIN (Reuters) -" -> "Berlin")

    def to_dict(self) -> dict:
        """The document as a plain dict (JSON-ready)."""
        return asdict(self)


@dataclass
class Rejection:
    """An input that could not be turned into a Document, and why."""

    origin: str  # file path, or "path:line" for a record
    reason: str


@dataclass
class Sentence:
    doc_id: str
    index: int  # 0-based position in the document
    start: int
    end: int
    text: str
