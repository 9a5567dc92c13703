"""Dates and roles: which of a person's date-bounded roles applies on a given day."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from eventscope.knowledge.actor_lexicon import Entry
from eventscope.knowledge.dates import parse_date

LONG_AGO_YEARS = 10  # undated text: out of office this long = a former officeholder (ELI)


def _iso(value: str, default: dt.date) -> dt.date:
    return parse_date(value) if value else default


def choose_role(entries: list[Entry], when: dt.date | None,
                countries: set[str | None]) -> tuple[Entry, bool]:
    """The person and role valid on `when`; (entry, True) means a former officeholder.
    Without a date the latest role is taken, and the person is "former" only when every
    role ended more than LONG_AGO_YEARS ago: undated text is most likely recent, and someone
    out of office for a decade is reported as an elder statesman, not an officeholder."""
    if when is None:
        latest = max(entries, key=lambda e: (e.country in countries, not e.end, e.end, e.start))
        cutoff = dt.date.today().replace(month=1, day=1)
        cutoff = cutoff.replace(year=cutoff.year - LONG_AGO_YEARS)
        ended = all(e.end and _iso(e.end, dt.date.max) < cutoff for e in entries)
        return latest, bool(ended)
    valid = [e for e in entries
             if _iso(e.start, dt.date.min) <= when <= _iso(e.end, dt.date.max)]
    if valid:
        return max(valid, key=lambda e: (e.country in countries, e.start)), False
    names = {e.name for e in entries}
    preferred = [e for e in entries if e.country in countries] or entries
    name = preferred[0].name if len(names) > 1 else entries[0].name
    own = [e for e in entries if e.name == name]
    ended = [e for e in own if e.end and _iso(e.end, dt.date.max) < when]
    if ended:  # out of office now (possibly between two terms): an elite
        return max(ended, key=lambda e: e.end), True
    return min(own, key=lambda e: _iso(e.start, dt.date.min)), False
