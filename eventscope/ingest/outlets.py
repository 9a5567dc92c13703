"""Spot the outlet (Document.source) where an article plainly names it.

Deliberately modest: a byline "By X | Outlet", an agency dateline "MOSCOW (Reuters) -",
or a headline suffix "... - BBC News" whose words look like an outlet's name
(``data/outlet_words.txt``). Anything less plain leaves the source unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventscope.ingest.wordlists import word_set

MAX_OUTLET_WORDS = 5
MAX_BYLINE_WORDS = 14

_SEPARATORS = re.compile(r"\s+[|\u2013\u2014-]\s+|\s*\|\s*")
# "MOSCOW (Reuters) -", "WASHINGTON, Oct. 2 (AP) --", "(AFP) -": a place in capitals,
# optionally a date, then the agency in brackets and a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Za-z.'\- ]{1,30})?)?"
    r"(?:,\s*(?P<when>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*"
    r"\((?P<outlet>[A-Za-z][A-Za-z.&'\- ]{0,30})\)\s*(?:-{1,2}|\u2013|\u2014|:)\s*"
)
_BYLINE = re.compile(r"^by\s+(?P<rest>[A-Z].*)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    return word_set("outlet_words.txt")


def looks_like_outlet(name: str) -> bool:
    """A short name containing an outlet word: "BBC News", "The Washington Post"."""
    words = name.split()
    if not 0 < len(words) <= MAX_OUTLET_WORDS:
        return False
    lowered = " " + " ".join(re.findall(r"[\w-]+", name.lower())) + " "
    return any(f" {w} " in lowered for w in outlet_words())


def split_headline_outlet(headline: str) -> tuple[str, str | None]:
    """ "Talks collapse - BBC News" -> ("Talks collapse", "BBC News"); else (headline, None)."""
    separators = list(_SEPARATORS.finditer(headline))
    if separators:
        last = separators[-1]
        rest, suffix = headline[: last.start()].strip(), headline[last.end():].strip()
        if rest and looks_like_outlet(suffix):
            return rest, suffix
    return headline, None


def byline_outlet(line: str) -> tuple[bool, str | None]:
    """(is this a byline?, the outlet it names). "By Jane Doe | Reuters" -> (True, "Reuters")."""
    match = _BYLINE.match(line.strip())
    if not match or len(line.split()) > MAX_BYLINE_WORDS or line.rstrip().endswith("."):
        return False, None
    parts = [p.strip() for p in _SEPARATORS.split(match["rest"]) if p.strip()]
    for part in parts[1:]:
        if any(c.isdigit() for c in part):  # a date or time, not an outlet
            continue
        if "|" in line or looks_like_outlet(part):
            return True, part
    return True, None


def dateline_outlet(paragraph: str) -> tuple[str | None, str | None]:
    """(outlet, the dateline's date text) from the start of the first body paragraph."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None, None
    return match["outlet"].strip(), match["when"]
