"""Metadata the user knows and the article text does not say, kept beside the article.

`NAME.meta.json` next to `NAME.txt` (or `.html`) holds a JSON object with any of `title`,
`date`, `source`, `url` and `id` (the user's own id). Archive copies often lose their
dateline; without a publication date "Thursday" or "last week" cannot be resolved, so
the user's word wins over what ingest guessed from the text.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from eventscope.ingest.dates import normalise_date
from eventscope.ingest.decoding import printable_path
from eventscope.models import Document, Rejection, content_id

SIDECAR_SUFFIX = ".meta.json"
KNOWN_FIELDS = frozenset({"title", "date", "source", "url", "id"})
MAX_SIDECAR_BYTES = 64 * 1024


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def sidecar_for(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict | Rejection | None:
    """The metadata beside ``path``: None when there is none, a Rejection when it is broken."""
    meta_path = sidecar_for(path)
    if not meta_path.is_file():
        return None
    origin = printable_path(meta_path)
    try:
        raw = meta_path.read_bytes()[: MAX_SIDECAR_BYTES + 1]
    except OSError as exc:
        return Rejection(origin, f"unreadable metadata ({exc.strerror or exc})")
    if len(raw) > MAX_SIDECAR_BYTES:
        return Rejection(origin, f"metadata file over {MAX_SIDECAR_BYTES} bytes")
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Rejection(origin, f"metadata is not valid JSON ({exc})")
    if not isinstance(meta, dict):
        return Rejection(origin, "metadata must be a JSON object")
    unknown = sorted(set(meta) - KNOWN_FIELDS)
    if unknown:
        return Rejection(origin, f"unknown metadata field(s) {', '.join(unknown)}; "
                                 f"known: {', '.join(sorted(KNOWN_FIELDS))}")
    if "date" in meta and normalise_date(meta["date"]) is None:
        return Rejection(origin, f"metadata date {meta['date']!r} is not a date")
    return meta


def apply_sidecar(document: Document, meta: dict) -> Document:
    """``document`` with the user's metadata in place of what ingest found."""
    def text(key: str) -> str | None:
        value = meta.get(key)
        return str(value).strip() or None if value is not None else None

    title = text("title") or document.title
    return dataclasses.replace(
        document,
        id=content_id(document.text, title),
        title=title,
        date=normalise_date(meta["date"]) if "date" in meta else document.date,
        source=text("source") or document.source,
        url=text("url") or document.url,
        external_id=text("id") or document.external_id,
    )
