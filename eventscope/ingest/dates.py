"""Find publication dates in headlines, datelines and record fields; emit ISO strings.

Text is searched with a few strict patterns (ISO and written English dates that carry a
year) because a wrong date is worse than none. Record fields, which the user labelled as a
date, may also go through dateparser.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# English month names are a fixed fact of the language, not a tunable lexicon.
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
MONTH_NUMBER: dict[str, int] = {}
for _n, _name in enumerate(_MONTHS, start=1):
    MONTH_NUMBER[_name] = _n
    MONTH_NUMBER[_name[:3]] = _n
MONTH_NUMBER["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

DATE_PATTERNS = [
    # 2001-10-02, 2001-10-02T12:00:00Z, 2001/10/02
    re.compile(r"(?<![\d-])(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?![\d])"),
    # October 2, 2001 / Tuesday, Oct. 2 2001
    re.compile(r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I),
    # 2 Oct 2001 / Tuesday 2nd of October, 2001
    re.compile(r"\b" + _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    # 31-03-2022 / 31.03.2022: day first, read only when the day cannot be a month (over 12),
    # since 03-04-2022 means April in most of the world and March in the US.
    re.compile(r"(?<![\d.-])(?P<day>1[3-9]|2\d|3[01])[-./](?P<month>0?[1-9]|1[0-2])[-./](?P<year>\d{4})(?![\d])"),
]

MIN_YEAR, MAX_YEAR = 1800, 2200
_MAX_PARSEABLE = 64  # longer "date" fields are not dates; do not hand them to dateparser


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int


def _to_iso(year: str, month: str, day: str) -> str | None:
    try:
        month_number = int(month) if month.isdigit() else MONTH_NUMBER[month.lower().rstrip(".")]
        value = dt.date(int(year), month_number, int(day))
    except (KeyError, ValueError):
        return None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    return value.isoformat()


def find_date(text: str) -> DateMatch | None:
    """The earliest full (day-precision) date written in ``text``, or None."""
    best: DateMatch | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match["year"], match["month"], match["day"])
            if iso is None:
                continue
            if best is None or match.start() < best.start:
                best = DateMatch(iso, match.start(), match.end())
            break  # finditer goes left to right: later matches of this pattern are later
    return best


_PARTIAL_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")


def normalise_date(value: object) -> str | None:
    """A record's date field as ISO (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY``); None if unparsable."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    found = find_date(text)
    if found:
        return found.iso
    partial = _PARTIAL_ISO.fullmatch(text)
    if partial:
        year, month = int(partial["year"]), partial["month"]
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        if month is None:
            return f"{year:04d}"
        return f"{year:04d}-{month}" if 1 <= int(month) <= 12 else None
    return _parse_with_dateparser(text)


def _parse_with_dateparser(text: str) -> str | None:
    # Only strings that could be a date with a year: dateparser is slow on long junk and
    # would otherwise turn "yesterday" into a date relative to the machine's clock.
    if len(text) > _MAX_PARSEABLE or not re.search(r"\d{4}", text):
        return None
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; unparsable is fine
        return None
    if data is None or data.date_obj is None:
        return None
    value = data.date_obj
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    if data.period == "year":
        return f"{value.year:04d}"
    if data.period == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.date().isoformat()


_PARSER = None


def _date_parser():
    global _PARSER
    if _PARSER is None:
        from dateparser.date import DateDataParser  # imported lazily: only records need it

        _PARSER = DateDataParser(
            languages=["en"],
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"],
                      "RETURN_TIME_AS_PERIOD": False},
        )
    return _PARSER
