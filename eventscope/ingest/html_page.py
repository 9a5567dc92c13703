"""HTML pages: trafilatura finds the article text and title, htmldate the publication date.

Nothing in the page is executed; <script>, <style> and similar elements are dropped whole,
by trafilatura and by the small standard-library fallback used when trafilatura finds no
main text (very short pages, fragments).
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from eventscope.ingest.assemble import DEFAULT_MAX_CHARS, assemble_document, too_large
from eventscope.ingest.dates import normalise_date
from eventscope.ingest.normalise import join_paragraphs, normalise_spaces
from eventscope.ingest.outlets import split_headline_outlet
from eventscope.ingest.text import parse_article
from eventscope.ingest.titles import clean_outlet, clean_title
from eventscope.models import Document, Rejection

# A page carries markup, scripts and styles around its text; allow for them before
# judging size on the extracted text.
MARKUP_ALLOWANCE = 10

_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object",
                      "embed", "canvas", "nav", "aside", "footer", "form", "button", "select",
                      "textarea"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_BLOCK = frozenset({"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
                    "h6", "article", "section", "header", "main", "blockquote", "pre", "ul",
                    "ol", "table", "dd", "dt", "figcaption", "title"})


class _TextCollector(HTMLParser):
    """Visible text as blocks, plus the <title>; contents of skipped elements are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title_parts: list[str] = []
        self._current: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def _flush(self) -> None:
        text = normalise_spaces("".join(self._current))
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED and tag not in _VOID:  # a void tag never closes
            self._skip_depth += 1
        if tag in _BLOCK:
            self._flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED and self._skip_depth:
            self._skip_depth -= 1
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _fallback_extract(raw: str) -> tuple[str, str | None]:
    collector = _TextCollector()
    collector.feed(raw)
    collector.close()
    title = normalise_spaces("".join(collector.title_parts)) or None
    return "\n\n".join(collector.blocks), title


def _htmldate(raw: str) -> str | None:
    from htmldate import find_date  # lazy: only pages trafilatura could not read need it

    try:
        return find_date(raw, extensive_search=False, original_date=True,
                         max_date=dt.date.today().isoformat())
    except Exception:  # htmldate may choke on fragments; a page without a date is fine
        return None


def _trafilatura_extract(raw: str) -> dict | None:
    import trafilatura  # lazy: importing it costs ~0.2 s that text-only runs need not pay

    try:
        result = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=False,
            # No guessing from copyright lines or bare years: a wrong date is worse than none.
            date_extraction_params={"original_date": True, "extensive_search": False,
                                    "max_date": dt.date.today().isoformat()},
        )
    except Exception:  # trafilatura can fail on malformed markup; fall back to our parser
        return None
    if result is None or not (result.text or "").strip():
        return None
    return {"text": result.text, "title": result.title, "date": result.date,
            "source": result.sitename, "url": result.url}


def document_from_html(
    raw: str, origin: str, *, english_only: bool = True, max_chars: int = DEFAULT_MAX_CHARS
) -> Document | Rejection:
    """An HTML page as a Document, or a Rejection saying why not. Never raises."""
    if not isinstance(raw, str):
        return Rejection(origin, f"expected text, got {type(raw).__name__}")
    if len(raw) > max_chars * MARKUP_ALLOWANCE:
        return too_large(origin, len(raw), max_chars * MARKUP_ALLOWANCE)
    try:
        page = _trafilatura_extract(raw)
        if page is None:
            text, title = _fallback_extract(raw)
            page = {"text": text, "title": title, "date": _htmldate(raw), "source": None, "url": None}
        else:
            # One paragraph per line in trafilatura's output: keep them as paragraphs.
            page["text"] = "\n\n".join(page["text"].split("\n"))
        title, page_outlet = split_headline_outlet(normalise_spaces(page["title"] or ""))
        article = parse_article(page["text"], known_title=title or None)
    except Exception as exc:  # a bug on odd markup must not stop a batch: report it instead
        return Rejection(origin, f"could not parse HTML ({type(exc).__name__}: {exc})")
    source = clean_outlet(page["source"]) or page_outlet or article.source
    return assemble_document(
        join_paragraphs(article.paragraphs), origin, title=clean_title(article.title, source),
        date=normalise_date(page["date"]) or article.date,
        source=source, url=page["url"],
        dateline=article.dateline,
        english_only=english_only, max_chars=max_chars,
    )
