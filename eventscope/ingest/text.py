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
from eventscope.ingest.furniture import (drop_captions, is_caption, is_credit_line, read_dateline,
                                         strip_dateline, strip_sign_off)
from eventscope.ingest.outlets import byline_outlet, split_headline_outlet
from eventscope.ingest.titles import clean_title
from eventscope.models import Document, Rejection

# Headline, standfirst, bylines, dates, captions and menus sit within the first lines.
HEADER_LINES = 12
HEADLINE_MAX_WORDS = 20
MIN_HEADLINE_WORDS = 3  # shorter lines at the top are section labels ("Middle East")
SECTION_MAX_WORDS = 2
DATE_LINE_MAX_OTHER_WORDS = 3  # "Published: Tuesday 2 Oct 2001, 14:05 GMT" is a date line

# Words that may accompany a date on a line of its own without making it prose.
_DATE_FILLER = re.compile(
    r"\b(published|updated|posted|last|modified|first|on|at|date|time|gmt|utc|bst|cet|edt|est"
    r"|et|pdt|pst|am|pm|page|mon|tue|wed|thu|fri|sat|sun)\w*\b|[\d:.,;()\[\]/|\-\u2013\u2014]+",
    re.IGNORECASE,
)
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.S." ends a headline, not a sentence
_GLUED_WORDS = re.compile(r"[a-z][A-Z]")  # "NewsUS", "SolutionsLegal"
_SOURCE_LINE = re.compile(r"(?:source|sources)\s*:\s*(?P<outlet>[A-Z][\w.&'\- ]{1,40})", re.IGNORECASE)
_TITLE_DATE_GLUE = " -\u2013\u2014|,([:"


@dataclass
class ParsedArticle:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    source: str | None = None
    dateline: str | None = None  # the place the dateline names


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


def _glued_navigation(line: str) -> bool:
    """Menu items run together by the scraper: "FinancialGovernment SolutionsLegal..."."""
    return len(_GLUED_WORDS.findall(line)) >= 2 and not line.rstrip().endswith((".", "?", "!"))


def _metadata(line: str, article: ParsedArticle) -> bool:
    """Read a byline, date line, "PTI | Berlin | Updated: 31-03-2022" line or photo credit
    into ``article``; True when ``line`` was one (and so is no part of the text)."""
    is_byline, outlet = byline_outlet(line)
    parts = [p.strip() for p in line.split("|") if p.strip()]
    anywhere = find_date(line) if is_byline or len(parts) > 1 else None
    found = date_line(line) or (anywhere.iso if anywhere else None)
    if not (is_byline or found or is_credit_line(line) or is_caption(line)):
        return False
    if len(parts) > 1 and found and not outlet:  # "RussiaToday | January 26, 2011 |"
        first = re.sub(r"^by\s+", "", parts[0], flags=re.IGNORECASE)
        if len(first.split()) <= 3 and not any(c.isdigit() for c in first) and ":" not in first:
            outlet = first
    article.source = article.source or outlet
    article.date = article.date or found
    return True


def _repeated_headline(lines: list[str]) -> str | None:
    """A page often prints its headline twice at the top (or glues it to the menu before it:
    "Middle East Civilian death toll mounts ..."); a line seen again is the headline."""
    top = [normalise_spaces(line) for line in lines if line.strip()][:HEADER_LINES]
    for i, line in enumerate(top):
        if not looks_like_headline(line) or len(line.split()) < MIN_HEADLINE_WORDS:
            continue
        for other in top[:i] + top[i + 1:]:
            if other != line and other.casefold().endswith(line.casefold()):
                return line
        if top.count(line) > 1:
            return line
    return None


def _read_header(lines: list[str], article: ParsedArticle, known_title: str | None) -> tuple[int, list[str]]:
    """Consume headline, byline, date, caption and menu lines at the top. Returns where the
    body starts and the header lines that belong to the text (a standfirst)."""
    repeated = None if known_title is not None else _repeated_headline(lines)
    title = known_title if known_title is not None else repeated
    kept: list[str] = []
    short_headline = None  # a two-word headline, unless a longer one follows
    i, seen = 0, 0
    while i < len(lines) and seen < HEADER_LINES:
        line = normalise_spaces(lines[i])
        if not line:
            i += 1
            continue
        if len(line.split()) > HEADLINE_MAX_WORDS or read_dateline(line):
            break  # the article proper
        seen += 1
        i += 1
        if _metadata(line, article) or _glued_navigation(line):
            continue
        if title is not None and (_same_text(line, title) or line.casefold().endswith(title.casefold())):
            article.title = article.title or (title if known_title is None else None)
            continue
        if (title is None and looks_like_headline(line) and len(line.split()) >= MIN_HEADLINE_WORDS
                and _stands_alone(lines, i - 1) and any(rest.strip() for rest in lines[i:])):
            title = article.title = line
            continue
        if len(line.split()) <= SECTION_MAX_WORDS and not line.endswith((".", "?", "!", '"')):
            if title is None and looks_like_headline(line) and _stands_alone(lines, i - 1):
                short_headline = line
            continue  # a section label ("Middle East", "City"), or a very short headline
        if not _stands_alone(lines, i - 1):
            i -= 1  # the first line of a hard-wrapped paragraph: the body starts here
            break
        kept.append(line)
    if title is None and short_headline is not None:
        article.title = short_headline
    return i, kept


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


def _remove_furniture(paragraphs: list[str], article: ParsedArticle) -> list[str]:
    """Captions, the dateline and an agency sign-off out of the body, into the metadata."""
    paragraphs, dateline = strip_dateline(drop_captions(paragraphs))
    paragraphs, sign_off = strip_sign_off(paragraphs)
    if dateline:
        article.dateline = dateline.place
        article.source = article.source or dateline.outlet
        found = find_date(dateline.when) if dateline.when else None
        article.date = article.date or (found.iso if found else None)
    article.source = article.source or sign_off
    return [p for p in paragraphs if p.strip()]


def _source_line(lines: list[str]) -> str | None:
    """The outlet a closing "SOURCE: Al Jazeera" line names (the last line with words)."""
    last = next((line.strip() for line in reversed(lines) if line.strip()), "")
    match = _SOURCE_LINE.fullmatch(last)
    return match["outlet"].strip() if match else None


def parse_article(raw: str, known_title: str | None = None) -> ParsedArticle:
    """Split raw article text into headline, metadata and body paragraphs."""
    all_lines = clean_chars(raw).split("\n")
    lines = [line for line in all_lines if not is_boilerplate(line)]
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip():
            lines[i] = strip_glued_trailer(lines[i])
            break
    article = ParsedArticle()
    body_start, standfirst = _read_header(lines, article, known_title)
    paragraphs = standfirst + paragraphs_from_lines(lines[body_start:])
    article.paragraphs = _remove_furniture(paragraphs, article)
    article.source = article.source or _source_line(all_lines)
    title = known_title if known_title is not None else article.title
    article.title = tidy_title(title, article) if title else None
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
    return assemble_document(join_paragraphs(article.paragraphs), origin,
                             title=clean_title(article.title, article.source),
                             date=article.date, source=article.source, dateline=article.dateline,
                             english_only=english_only, max_chars=max_chars)
