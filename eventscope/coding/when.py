"""When did it happen: relative date expressions resolved against the publication date.

Handles weekdays ("Thursday"), today/yesterday/tomorrow, "last/next week|month|year",
"N days ago", month names ("in March"), "September 11", years, and full dates; reads
past or future from the verb's tense. Durations ("three days", "the next few years")
are not dates. Each result carries its precision: day, week, month or year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
DURATION_RE = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|some|the next few|the past few|the last few)"
    r"\s+(days?|weeks?|months?|years?|decades?|hours?)\b(?!\s+(ago|earlier|later|before))", re.I)

BOUND_RE = re.compile(r"(before|after|until|till|prior to|ahead of)\b")
DECADE_RE = re.compile(r"(early |late |mid-?)?(1[0-9]|20)?'?\d0'?s")


@dataclass(frozen=True)
class ResolvedDate:
    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | week | month | year
    text: str


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve(expression: str, published: dt.date | None, future: bool = False) -> ResolvedDate | None:
    """Resolve one date expression; None for durations or what cannot be placed in time."""
    text = " ".join(expression.lower().replace(",", " ").split())
    while (stripped := re.sub(r"^(in|on|at|since|by|from|during|early|late|mid|the)(\s+|-(?=[a-z]))", "", text)) != text:
        text = stripped  # "in early March", "mid-March", "on the 11th"
    if BOUND_RE.match(text):
        return None  # "after Sept. 11", "before Thursday": a bound, not the day it happened
    if DECADE_RE.fullmatch(text):
        return None  # "the 1950s", "the '90s": an era, not a date an event can take
    if not text or DURATION_RE.search(text) and not re.search(r"\b(ago|last|past|next)\b", text):
        if not re.fullmatch(r"\d{4}", text):
            return None
    base = published
    if base is not None:
        found = _relative(text, base, future)
        if found is not None:
            return ResolvedDate(found[0], found[1], expression)
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return ResolvedDate(text, "year", expression)
    month_year = re.fullmatch(r"([a-z]+)\.?\s+((?:1[89]|20)\d\d)", text)
    if month_year and month_year.group(1)[:3] in MONTH_ABBR:
        return ResolvedDate(f"{month_year.group(2)}-{MONTH_ABBR[month_year.group(1)[:3]]:02d}", "month", expression)
    if not re.search(r"\d", text):
        return None  # words dateparser would guess at ("the season") are not dates
    explicit = _explicit_day(text, base, future)
    if explicit is not None:  # "" for an impossible day ("February 30"): no date
        return ResolvedDate(explicit, "day", expression) if explicit else None
    if base is None and not re.search(r"\b(1[89]|20)\d\d\b", text):
        return None  # undated document: dateparser would count from the day of the run
    parsed = _dateparser_day(text, base, future)
    return ResolvedDate(parsed, "day", expression) if parsed else None


EXPLICIT_DAY = [re.compile(p) for p in (
    r"(?:(?P<weekday>[a-z]+) )?(?P<month>[a-z]+)\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?(?: (?P<year>\d{4}))?",
    r"(?:(?P<weekday>[a-z]+) )?(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month>[a-z]+)\.?(?: (?P<year>\d{4}))?",
)]
TRAILING_WORDS = re.compile(r" (and|or|to|through|until)$")  # "April 12 and (13)"


def _explicit_day(text: str, base: dt.date | None, future: bool) -> str | None:
    """"May 2, 2010", "21 November", "Sunday, July 8" ("" if no such day): read here, not by dateparser (its first
    call costs 0.1-0.2 s, and each later one about a millisecond). A missing year is the one
    that puts the day before the publication date (after it, in the future tense)."""
    text = TRAILING_WORDS.sub("", text)
    for pattern in EXPLICIT_DAY:
        m = pattern.fullmatch(text)
        if m is None or m["month"][:3] not in MONTH_ABBR or (m["weekday"] and m["weekday"] not in WEEKDAYS):
            continue
        if m["month"] not in MONTHS and m["month"] not in (m["month"][:3], "sept"):
            continue
        month, day = MONTH_ABBR[m["month"][:3]], int(m["day"])
        if m["year"]:
            year = int(m["year"])
        elif base is None:
            return None
        else:
            year = _nearest_year(base, month, day, future)
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return ""
    return None


@lru_cache(maxsize=1024)  # dateparser is slow per call; a corpus repeats its date phrases
def _dateparser_day(text: str, base: dt.date | None, future: bool) -> str | None:
    import dateparser  # imported on first use: it costs ~0.3 s of start-up

    settings = {"PREFER_DATES_FROM": "future" if future else "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed is not None else None


def _relative(text: str, base: dt.date, future: bool) -> tuple[str, str] | None:
    if text in {"today", "tonight", "now", "this morning", "this afternoon", "this evening"}:
        return base.isoformat(), "day"
    if text in {"yesterday", "last night"}:
        return (base - dt.timedelta(days=1)).isoformat(), "day"
    if text == "tomorrow":
        return (base + dt.timedelta(days=1)).isoformat(), "day"
    weekday = next((i for i, d in enumerate(WEEKDAYS) if re.fullmatch(rf"(last |next |this )?{d}", text)), None)
    if weekday is not None:
        delta = (weekday - base.weekday()) % 7
        if text.startswith("next") or (future and not text.startswith("last")):
            return (base + dt.timedelta(days=delta or 7)).isoformat(), "day"
        back = (base.weekday() - weekday) % 7
        if text.startswith("last") and back == 0:
            back = 7
        return (base - dt.timedelta(days=back)).isoformat(), "day"
    m = re.fullmatch(r"(last|past|previous|next|this|coming) (week|month|year)", text)
    if m:
        sign = 0 if m.group(1) == "this" else (1 if m.group(1) in {"next", "coming"} else -1)
        return _shift(base, m.group(2), sign)
    m = re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (day|week|month|year)s? ago", text)
    if m:
        n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10}.get(m.group(1)) or int(m.group(1))
        return _shift(base, m.group(2), -n)
    m = re.fullmatch(r"([a-z]+)\.?(?: (\d{1,2})(?:st|nd|rd|th)?)?", text)
    if m and m.group(1)[:3] in MONTH_ABBR and (m.group(1) in MONTHS or m.group(1)[:3] == m.group(1) or m.group(1) == "sept"):
        month = MONTH_ABBR[m.group(1)[:3]]
        year = _nearest_year(base, month, int(m.group(2) or (31 if future else 1)), future)
        if m.group(2):
            try:
                return dt.date(year, month, int(m.group(2))).isoformat(), "day"
            except ValueError:
                return None
        return f"{year}-{month:02d}", "month"
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", text)  # "on the 11th": a day of this month or the last
    if m and 1 <= int(m.group(1)) <= 31:
        return _day_of_month(base, int(m.group(1)), future)
    return None


def _nearest_year(base: dt.date, month: int, day: int, future: bool) -> int:
    """The year that puts month/day on or before `base` (on or after it, in the future tense)."""
    if not future and (month, day) > (base.month, base.day):
        return base.year - 1
    if future and (month, day) < (base.month, base.day):
        return base.year + 1
    return base.year


def _day_of_month(base: dt.date, day: int, future: bool) -> tuple[str, str] | None:
    year, month = base.year, base.month
    if not future and day > base.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    elif future and day < base.day:
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:  # the 31st of a 30-day month
        return None


def _shift(base: dt.date, unit: str, n: int) -> tuple[str, str]:
    if unit == "week":
        day = base + dt.timedelta(days=7 * n)
        monday = day - dt.timedelta(days=day.weekday())
        return monday.isoformat(), "week"
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + n
        return f"{month_index // 12}-{month_index % 12 + 1:02d}", "month"
    if unit == "year":
        return str(base.year + n), "year"
    return (base + dt.timedelta(days=n)).isoformat(), "day"
