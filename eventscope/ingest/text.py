"""Plain-text articles: drop site chrome, read the headline, byline and date, keep the body.

A scraped article usually looks like::

    1. Archive                          <- chrome (data/boilerplate.txt)
    Russia, Iran take on ... - 2001-10-02   <- headline, maybe with a date or outlet suffix
    By Jane Doe | Reuters               <- optional byline / date lines
    MOSCOW (Reuters) - Senior ...       <- body, maybe opening with an agency dateline
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventscope.ingest.assemble import DEFAULT_MAX_CHARS, assemble_document, too_large
from eventscope.ingest.boilerplate import is_boilerplate, strip_glued_trailer
from eventscope.ingest.dates import find_date
from eventscope.ingest.normalise import (WRAPPED_LINE_MAX, clean_chars, join_paragraphs,
                                         normalise_spaces, paragraphs_from_lines)
from eventscope.ingest.outlets import byline_outlet, dateline_outlet, split_headline_outlet
from eventscope.models import Document, Rejection

TOP_LINES = 4  # headline, byline and date lines sit within the first few non-empty lines
HEADLINE_MAX_WORDS = 20
DATE_LINE_MAX_OTHER_WORDS = 3  # "Published: Tuesday 2 Oct 2001, 14:05 GMT" is a date line
DATELINE_SEARCH_CHARS = 80

# Words that may accompany a date on a line of its own without making it prose.
_DATE_FILLER = re.compile(
    r"\b(published|updated|posted|last|modified|first|on|at|date|time|gmt|utc|bst|cet|edt|est"
    r"|et|pdt|pst|am|pm|page|mon|tue|wed|thu|fri|sat|sun)\w*\b|[\d:.,;()\[\]/|\-\u2013\u2014]+",
    re.IGNORECASE,
)
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.S." ends a headline, not a sentence
_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Za-z .'\-]{1,30})?[,\s]*$")
_TITLE_DATE_GLUE = " -\u2013\u2014|,([:"


@dataclass
class ParsedArticle:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    source: str | None = None


def looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 0 < len(words) <= HEADLINE_MAX_WORDS or not any(c.isalpha() for c in line):
        return False
    first = next(c for c in line if c.isalnum() or c in "\"'\u201c\u2018")
    if first.isalpha() and first.islower():
        return False
    if line.endswith((",", ";", ":")):
        return False
    return not line.endswith(".") or bool(_ABBREVIATION_END.search(line))


def date_line(line: str) -> str | None:
    """The ISO date when ``line`` is just a date (with words like "Published"), else None."""
    found = find_date(line)
    if not found:
        return None
    rest = _DATE_FILLER.sub(" ", line[: found.start] + " " + line[found.end:])
    return found.iso if len(rest.split()) <= DATE_LINE_MAX_OTHER_WORDS else None


def _same_text(a: str, b: str) -> bool:
    return normalise_spaces(a).casefold() == normalise_spaces(b).casefold()


def _stands_alone(lines: list[str], i: int) -> bool:
    """A headline is its own block: not the first line of a hard-wrapped paragraph."""
    if i + 1 >= len(lines):
        return True
    following = lines[i + 1].strip()
    return not following or len(following) > WRAPPED_LINE_MAX or date_line(following) is not None \
        or byline_outlet(following)[0]


def _read_header(lines: list[str], article: ParsedArticle, known_title: str | None) -> int:
    """Consume headline / byline / date lines at the top; return where the body starts."""
    body_start, seen, i = 0, 0, 0
    while i < len(lines) and seen < TOP_LINES:
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        seen += 1
        if len(line.split()) > HEADLINE_MAX_WORDS:
            break
        is_byline, outlet = byline_outlet(line)
        line_date = None if is_byline else date_line(line)
        if is_byline or line_date:
            article.source = article.source or outlet
            article.date = article.date or line_date
        elif known_title is not None and _same_text(line, known_title):
            pass  # the page repeats its title above the text
        elif (known_title is None and article.title is None and looks_like_headline(line)
              and _stands_alone(lines, i - 1) and any(rest.strip() for rest in lines[i:])):
            article.title = line
        else:
            break
        body_start = i
    return body_start


def tidy_title(title: str, article: ParsedArticle) -> str | None:
    """Move a trailing date ("... - 2001-10-02") and outlet ("... | Reuters") off the title."""
    title = normalise_spaces(title)
    found = find_date(title)
    if found:
        article.date = article.date or found.iso
        if not title[found.end:].strip(" )]"):
            title = title[: found.start].rstrip(_TITLE_DATE_GLUE)
    title, outlet = split_headline_outlet(title)
    article.source = article.source or outlet
    return title or None


def _read_dateline(paragraph: str, article: ParsedArticle) -> None:
    """ "MOSCOW (Reuters) -" gives the outlet; "MOSCOW, October 2, 2001 -" the date."""
    outlet, when = dateline_outlet(paragraph)
    article.source = article.source or outlet
    if article.date:
        return
    found = find_date(when or paragraph[:DATELINE_SEARCH_CHARS])
    if found and (when or _DATELINE_PLACE.match(paragraph[: found.start])):
        article.date = found.iso


def parse_article(raw: str, known_title: str | None = None) -> ParsedArticle:
    """Split raw article text into headline, metadata and body paragraphs."""
    lines = [line for line in clean_chars(raw).split("\n") if not is_boilerplate(line)]
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip():
            lines[i] = strip_glued_trailer(lines[i])
            break
    article = ParsedArticle()
    body_start = _read_header(lines, article, known_title)
    article.paragraphs = paragraphs_from_lines(lines[body_start:])
    title = known_title if known_title is not None else article.title
    article.title = tidy_title(title, article) if title else None
    if article.paragraphs:
        _read_dateline(article.paragraphs[0], article)
    return article


def document_from_text(
    raw: str, origin: str, *, english_only: bool = True, max_chars: int = DEFAULT_MAX_CHARS
) -> Document | Rejection:
    """A plain-text article as a Document, or a Rejection saying why not. Never raises."""
    if not isinstance(raw, str):
        return Rejection(origin, f"expected text, got {type(raw).__name__}")
    if len(raw) > max_chars:  # checked before parsing so huge inputs cost nothing
        return too_large(origin, len(raw), max_chars)
    try:
        article = parse_article(raw)
    except Exception as exc:  # a bug on odd input must not stop a batch: report it instead
        return Rejection(origin, f"could not parse text ({type(exc).__name__}: {exc})")
    return assemble_document(join_paragraphs(article.paragraphs), origin, title=article.title,
                             date=article.date, source=article.source,
                             english_only=english_only, max_chars=max_chars)
