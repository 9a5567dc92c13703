"""Page furniture inside an article body: datelines, photo captions and credits.

Wire copy opens with a dateline ("BERLIN (Reuters) -", "PAPHOS, Cyprus, Sept 7 (Reuters) -",
"KAMPALA, Uganda (AP) —", "BEIRUT //") and carries photo captions with their credits
("... Crimea, July 26, 2015. REUTERS/Pavel Rebrov", "Jung Yeon-je | AFP | Getty Images").
A dateline names a place and maybe an outlet, never an actor, and a caption describes a
picture, not the news; left in the body, both are parsed as sentences and coded as events.
Ingest takes them out and keeps what they tell (the dateline's place and outlet) as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Who took a picture: "REUTERS/Pavel Rebrov", "Photograph: Omar Haj Kadour/AFP/Getty",
# "Credit: AP", "[Al Jazeera]", "Jung Yeon-je | AFP | Getty Images".
_AGENCY = r"(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|Getty Images|Getty|Xinhua|Anadolu|UPI|PA|dpa|SANA|ANI)"
_CREDIT_AT_END = re.compile(
    r"(?:\s|^)(?:" + _AGENCY + r"/[A-Z][\w.'\- ]{1,40}"
    r"|(?:Photograph|Photo|Picture|Image|Credit|Photo credit)s?:\s*[\w.'/\- ]{2,60}"
    r"|\[(?:[A-Z][\w.]*\s?){1,4}\])\s*$"
    # "... February 23, 2016.Pavel Rebrov": a photographer's name glued to the caption's date
    r"|\d{4}\.[A-Z][\w'\-]+(?: [A-Z][\w'\-]+){0,3}$"
)
_CREDIT_LINE = re.compile(
    r"^(?:[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}\s*\|\s*)?" + _AGENCY + r"(?:\s*[|/]\s*" + _AGENCY + r")*$"
    r"|^" + _AGENCY + r"/[A-Z][\w.'\- ]{1,40}$"
)
_FILE_PHOTO = re.compile(r"^FILE(?: PHOTO)?\s*(?:-|:|\u2013|\u2014)\s")
MAX_CAPTION_WORDS = 70
MIN_TEASERS = 4  # headlines joined by " | " that make a list of other stories

# "BERLIN (Reuters) -", "PAPHOS, Cyprus, Sept 7 (Reuters) -", "TOKYO, Aug 29 (KUNA) --",
# "Lima, 3 May 2021 (dpa) -", "CAIRO —", "BEIRUT //". A place in capitals may stand alone;
# a place in ordinary case needs a date or an agency after it, so prose is never cut.
_PLACE_CAPS = r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}"
_PLACE_WORDS = r"[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,2}"
_REGION = r"(?:,\s*[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,2})?"
_WHEN = r"(?:,\s*(?P<when>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?))?"
_AGENCY_TAG = r"\s*\((?P<outlet>[A-Za-z][A-Za-z.&'\- ]{0,30})\)"
_DASH = r"\s*(?:-{1,2}|\u2013|\u2014|//)\s+"
_AGENCY_DASH = r"\s*(?:-{1,2}|\u2013|\u2014|//|:)\s+"  # "(AFP):" too, never a bare "RT:"
_DATELINES = (
    re.compile(r"^(?P<place>" + _PLACE_CAPS + _REGION + r")" + _WHEN + _AGENCY_TAG + _AGENCY_DASH),
    re.compile(r"^(?P<place>" + _PLACE_CAPS + _REGION + r")" + _WHEN + _DASH),
    # "NEW DELHI: ..." -- a colon only after a place of four letters or more ("RT: clashes" is a headline)
    re.compile(r"^(?P<place>(?=[A-Z.'\- ]{4,}:)[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}):\s+"),
    re.compile(r"^(?P<place>" + _PLACE_WORDS + _REGION + r")" + _WHEN + _AGENCY_TAG + _AGENCY_DASH),
    re.compile(r"^(?P<place>" + _PLACE_WORDS + _REGION + r"),\s*(?P<when>\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
               r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})" + r"(?:" + _AGENCY_TAG + r")?" + _DASH),
    re.compile(r"^" + _AGENCY_TAG + _AGENCY_DASH),
)
# "... West Africa. – (Reuters)": the agency signing off at the end of the text.
_SIGN_OFF = re.compile(r"\s*(?:-{1,2}|\u2013|\u2014)?\s*\((?P<outlet>" + _AGENCY + r"|[A-Z]{2,6})\)\s*$")
_MIN_BODY_AFTER_DATELINE = 3  # words: "WASHINGTON - " alone is no dateline of anything


@dataclass(frozen=True)
class Dateline:
    place: str | None
    outlet: str | None
    when: str | None  # the dateline's own date text, e.g. "Sept 7" (year often missing)
    end: int  # where the article's first sentence starts


def read_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, or None."""
    for pattern in _DATELINES:
        match = pattern.match(paragraph)
        if match and len(paragraph[match.end():].split()) >= _MIN_BODY_AFTER_DATELINE:
            groups = match.groupdict()
            place = (groups.get("place") or "").strip(" ,") or None
            if place:  # "GREYTOWN, Northland" -> "Greytown, Northland"
                place = ", ".join(p.strip().title() if p.strip().isupper() else p.strip()
                                  for p in place.split(","))
            return Dateline(place, (groups.get("outlet") or "").strip() or None,
                            groups.get("when"), match.end())
    return None


def is_credit_line(line: str) -> bool:
    """A line that only says who took a picture."""
    return bool(_CREDIT_LINE.match(line.strip()))


def is_caption(paragraph: str) -> bool:
    """A photo caption: ends with its credit, or is an agency's "FILE - In this ... photo"."""
    if len(paragraph.split()) > MAX_CAPTION_WORDS:
        return False
    return bool(_CREDIT_AT_END.search(paragraph) or _FILE_PHOTO.match(paragraph))


def is_teaser_list(paragraph: str) -> bool:
    """Headlines of other stories run together: "A moves | B says | C hit by ... | D"."""
    return paragraph.count(" | ") >= MIN_TEASERS - 1


def drop_captions(paragraphs: list[str]) -> list[str]:
    """The paragraphs without captions, credit lines and lists of other stories' headlines
    (a caption may stand on the line before its credit: "People watch ..." then "Jan | AFP")."""
    kept: list[str] = []
    for paragraph in paragraphs:
        if is_teaser_list(paragraph):
            continue
        if is_credit_line(paragraph):
            if kept and len(kept[-1].split()) <= MAX_CAPTION_WORDS and not kept[-1].endswith(":"):
                # the line before a bare credit is its caption, unless it is the headline area
                if len(kept) > 1 or len(kept[-1].split()) > 12:
                    kept.pop()
            continue
        if is_caption(paragraph):
            continue
        kept.append(paragraph)
    return kept


def strip_dateline(paragraphs: list[str]) -> tuple[list[str], Dateline | None]:
    """Take the dateline off the first paragraph that has one (within the first three)."""
    for i, paragraph in enumerate(paragraphs[:3]):
        dateline = read_dateline(paragraph)
        if dateline:
            rest = paragraph[dateline.end:].lstrip()
            return paragraphs[:i] + [rest] + paragraphs[i + 1:], dateline
    return paragraphs, None


def strip_sign_off(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Take a trailing "(Reuters)" off the last paragraph; returns the outlet it names."""
    if not paragraphs:
        return paragraphs, None
    match = _SIGN_OFF.search(paragraphs[-1])
    if not match or match.start() == 0:
        return paragraphs, None
    return paragraphs[:-1] + [paragraphs[-1][: match.start()].rstrip()], match["outlet"]
