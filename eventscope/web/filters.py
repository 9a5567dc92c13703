"""Event filters shared by the pages and the API: validated once, turned into parameterised SQL.

Every value reaches DuckDB as a bound parameter; only fixed SQL fragments chosen here are
concatenated. A bad value raises FilterError with a message naming the parameter.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date as Date, timedelta

from eventscope.store.event_sql import EVENT_DATE
from eventscope.web import codes
from eventscope.web.database import Reader

MAX_LIMIT = 500
MAX_TEXT = 200
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# EVENT_DATE: the date an event is placed at (its own, else its document's), shared with the export.
__all__ = ["EVENT_DATE", "EventFilters", "FilterError", "build_filters", "where_clause"]


class FilterError(ValueError):
    """A request parameter that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class EventFilters:
    actor: str | None = None  # actor code or prefix: RUS, RUSMIL
    a: str | None = None  # country pair, either direction
    b: str | None = None
    cameo_root: str | None = None
    cameo: str | None = None  # a CAMEO code and the codes under it: 19 -> 19x, 190 -> 190 and 190x
    plover: str | None = None
    plover_mode: str | None = None
    quad_class: int | None = None
    min_confidence: float | None = None
    source: str | None = None  # directed dyad: source actor code or prefix
    target: str | None = None
    start: str | None = None  # ISO date, any precision
    end: str | None = None
    q: str | None = None  # free text: sentence, actor names, headline
    doc_id: str | None = None

    def as_query(self) -> dict[str, str]:
        """Non-empty filters, for links that keep the current search (paging, pair links)."""
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def check_date(value: str | None, name: str) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if not ISO_DATE.match(value):
        raise FilterError(f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        Date(parts[0], parts[1], parts[2])
    except ValueError as err:
        raise FilterError(f"{name}: {value!r} is not a calendar date ({err})") from None
    return value


def first_day(value: str) -> str:
    """"2024" -> "2024-01-01", "2024-03" -> "2024-03-01"."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def last_day(value: str) -> str:
    """"2024" -> "2024-12-31", "2024-02" -> "2024-02-29"."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        year, month = map(int, value.split("-"))
        following = Date(year + month // 12, month % 12 + 1, 1)
        return (following - timedelta(days=1)).isoformat()
    return value


def check_actor_code(value: str | None, name: str, reader: Reader | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    value = value.upper()
    if not codes.ACTOR_CODE.match(value):
        raise FilterError(f"{name}: {value!r} is not an actor code (3-letter country or class, "
                          "optionally followed by 3-letter sector codes, e.g. RUS or RUSMIL)")
    country, sectors = codes.split_actor_code(value)
    known_country = country in codes.country_names()
    bad_sectors = [s for s in sectors if s not in codes.known_sectors()]
    if (known_country and not bad_sectors) or _in_store(reader, value):
        return value
    what = f"country/class code {country!r}" if not known_country else f"sector code {bad_sectors[0]!r}"
    raise FilterError(f"{name}: unknown {what} in {value!r} (not in the reference lists nor in this database)")


def _in_store(reader: Reader | None, code: str) -> bool:
    if reader is None or not reader.has("events"):
        return False
    return bool(reader.value(
        "SELECT 1 FROM events WHERE starts_with(source_code, ?) OR starts_with(target_code, ?) "
        "OR source_country = ? OR target_country = ? LIMIT 1", [code, code, code, code]))


def check_cameo_root(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    root = value.zfill(2) if value.isdigit() and len(value) == 1 else value
    if root not in codes.cameo_roots():
        raise FilterError(f"cameo_root: {value!r} is not a CAMEO root (01 to 20)")
    return root


def check_cameo(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if not (value.isdigit() and 2 <= len(value) <= 4) or not any(
            c.startswith(value) for c in codes.cameo_codes()):
        raise FilterError(f"cameo: {value!r} is not a CAMEO code (2 to 4 digits, e.g. 04, 042, 0311)")
    return value


def check_plover(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if value.upper() not in codes.plover_names():
        raise FilterError(f"plover: unknown PLOVER event type {value!r}; "
                          f"one of {', '.join(codes.plover_names())}")
    return value.upper()


def check_plover_mode(value: str | None, plover: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    value = value.lower()
    known = codes.plover_modes(plover) if plover else sorted({m for e in codes.plover_names() for m in codes.plover_modes(e)})
    if plover and not known:
        raise FilterError(f"plover_mode: {plover} has no modes")
    if value not in known:
        scope = f"of {plover}" if plover else "of any PLOVER event type"
        raise FilterError(f"plover_mode: {value!r} is not a mode {scope}; one of {', '.join(known)}")
    return value


def check_confidence(value) -> float | None:
    value = _blank(str(value) if value is not None else None)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise FilterError(f"min_confidence: {value!r} is not a number from 0 to 1")
    return number


def build_filters(reader: Reader | None, *, actor=None, a=None, b=None, cameo_root=None, cameo=None, plover=None,
                  plover_mode=None, quad_class=None, min_confidence=None, source=None, target=None,
                  start=None, end=None, q=None, doc_id=None) -> EventFilters:
    """Validate raw request values; FilterError on the first bad one."""
    a_code = check_actor_code(a, "a", reader)
    b_code = check_actor_code(b, "b", reader)
    if bool(a_code) != bool(b_code):
        raise FilterError("a country pair needs both a and b (e.g. a=RUS&b=IRN)")
    for code, name in ((a_code, "a"), (b_code, "b")):
        if code and len(code) != 3:
            raise FilterError(f"{name}: a pair is of country/class codes (3 letters), got {code!r}")
    quad = _blank(str(quad_class) if quad_class is not None else None)
    if quad is not None and (not quad.isdigit() or int(quad) not in codes.QUAD_CLASSES):
        raise FilterError(f"quad_class: {quad!r} is not 1, 2, 3 or 4")
    start_v, end_v = check_date(start, "start"), check_date(end, "end")
    if start_v and end_v and start_v[:len(end_v)] > end_v:
        raise FilterError(f"start {start_v} is after end {end_v}")
    text = _blank(q)
    if text and len(text) > MAX_TEXT:
        raise FilterError(f"q: free text is limited to {MAX_TEXT} characters")
    plover_v = check_plover(plover)
    return EventFilters(
        actor=check_actor_code(actor, "actor", reader), a=a_code, b=b_code,
        cameo_root=check_cameo_root(cameo_root), cameo=check_cameo(cameo), plover=plover_v,
        plover_mode=check_plover_mode(plover_mode, plover_v),
        quad_class=int(quad) if quad is not None else None, min_confidence=check_confidence(min_confidence),
        source=check_actor_code(source, "source", reader), target=check_actor_code(target, "target", reader),
        start=start_v, end=end_v, q=text, doc_id=_blank(doc_id),
    )


def where_clause(f: EventFilters) -> tuple[str, list]:
    """SQL condition over `events e JOIN documents d` and its parameters."""
    parts: list[str] = []
    params: list = []
    if f.actor:
        parts.append(
            "(starts_with(coalesce(e.source_code, ''), ?) OR starts_with(coalesce(e.target_code, ''), ?)"
            " OR (length(?) = 3 AND (list_contains(json_extract_string(e.source_actors, '$[*].country'), ?)"
            " OR list_contains(json_extract_string(e.target_actors, '$[*].country'), ?))))")
        params += [f.actor] * 5
    if f.a and f.b:
        parts.append("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))")
        params += [f.a, f.b, f.b, f.a]
    if f.cameo_root:
        parts.append("e.cameo_root = ?")
        params.append(f.cameo_root)
    if f.cameo:
        parts.append("starts_with(e.cameo, ?)")
        params.append(f.cameo)
    if f.plover:
        parts.append("e.plover = ?")
        params.append(f.plover)
    if f.plover_mode:
        parts.append("e.plover_mode = ?")
        params.append(f.plover_mode)
    if f.quad_class:
        parts.append("e.quad_class = ?")
        params.append(f.quad_class)
    if f.min_confidence is not None:
        parts.append("e.confidence >= ?")
        params.append(f.min_confidence)
    for side, code in (("source", f.source), ("target", f.target)):
        if code:
            parts.append(f"starts_with(coalesce(e.{side}_code, ''), ?)")
            params.append(code)
    # A date of coarser precision than the bound matches when it overlaps: compare the bound
    # cut to the event date's own length ("2001-10" is inside start=2001-10-15).
    if f.start:
        parts.append(f"{EVENT_DATE} >= left(?, length({EVENT_DATE}))")
        params.append(first_day(f.start))
    if f.end:
        parts.append(f"{EVENT_DATE} <= left(?, length({EVENT_DATE}))")
        params.append(last_day(f.end))
    if f.q:
        parts.append("contains(lower(concat_ws(' ', e.sentence_text, e.source_name, e.target_name, "
                     "e.trigger, d.title)), lower(?))")
        params.append(f.q)
    if f.doc_id:
        parts.append("e.doc_id = ?")
        params.append(f.doc_id)
    return (" AND ".join(parts) or "true"), params
