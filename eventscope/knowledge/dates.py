"""Dates against which dated knowledge (a person's roles, a dictionary actor's codes) is read."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache


def parse_date(value: str | None) -> dt.date:
    """ISO (YYYY, YYYY-MM, YYYY-MM-DD), "today", or free text via dateparser; default today."""
    text = (value or "").strip()
    if not text or text.lower() in ("today", "now"):
        return dt.date.today()
    iso = _iso_date(text[:10])
    if iso is not None:
        return iso
    import dateparser  # slow import, only for free-text dates

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else dt.date.today()


ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@lru_cache(maxsize=256)  # asked for every actor phrase with the same few publication dates
def _iso_date(text: str) -> dt.date | None:
    m = ISO_DATE.fullmatch(text)
    return dt.date(int(m[1]), int(m[2] or 7), int(m[3] or 1)) if m else None
