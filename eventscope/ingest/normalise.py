"""Character and whitespace clean-up shared by every input format."""

from __future__ import annotations

import re

# Invisible characters that survive str.split() and break tokenisers downstream.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# C0/C1 control characters other than tab and newline (form feeds, escape codes, ...).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")

# A block whose lines (bar the last) are all this short was hard-wrapped, so its lines
# are one paragraph; longer lines are paragraphs of their own.
WRAPPED_LINE_MAX = 100


def clean_chars(raw: str) -> str:
    """Unify newlines and drop control and zero-width characters."""
    text = _NEWLINES.sub("\n", raw)
    text = _CONTROL.sub(" ", text)
    return text.translate(_INVISIBLE)


def normalise_spaces(text: str) -> str:
    """Collapse all whitespace (including newlines) to single spaces."""
    return " ".join(text.split())


def paragraphs_from_lines(lines: list[str]) -> list[str]:
    """Group lines into paragraphs: blank lines separate them, hard wraps are undone."""
    paragraphs: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not block:
            return
        if all(len(line) <= WRAPPED_LINE_MAX for line in block[:-1]):
            paragraphs.append(normalise_spaces(" ".join(block)))
        else:
            paragraphs.extend(normalise_spaces(line) for line in block)
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line.strip())
        else:
            flush()
    flush()
    return [p for p in paragraphs if p]


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p).strip()
