"""The last step every input format shares: checks, then a Document (or a Rejection)."""

from __future__ import annotations

from eventscope.ingest.lang import non_english_reason
from eventscope.ingest.urls import outlet_from_url
from eventscope.models import Document, Rejection, content_id

DEFAULT_MAX_CHARS = 1_000_000


def too_large(origin: str, size: int, max_chars: int) -> Rejection:
    return Rejection(origin, f"document too large ({size} chars > {max_chars})")


def assemble_document(
    text: str,
    origin: str,
    *,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
    dateline: str | None = None,
    external_id: str | None = None,
    english_only: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Document | Rejection:
    """Build the Document for an already cleaned body ``text``, or say why not."""
    text = text.strip()
    if not text:
        return Rejection(origin, "empty document")
    if len(text) > max_chars:
        return too_large(origin, len(text), max_chars)
    # Checked even when other languages are allowed, so Document.lang is always honest.
    detected = non_english_reason((title or "") + "\n" + text)
    if detected and english_only:
        return Rejection(origin, f"not English (detected {detected})")
    lang = None if detected else "en"
    return Document(
        id=content_id(text, title),
        text=text,
        title=title or None,
        date=date,
        source=source or outlet_from_url(url),  # no outlet named: the site it came from
        url=url or None,
        origin=origin,
        external_id=external_id,
        lang=lang,
        dateline=dateline,
    )
