"""Mark an event's actors, trigger and clause inside its source sentence.

Text is escaped piece by piece and only our own <span> tags are added, so an article holding
markup shows it as text. Offsets are the stored character offsets into `documents.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int  # offsets into the document text
    end: int
    kind: str  # clause, source, target, trigger


def trigger_spans(text: str, trigger: str | None, lo: int, hi: int) -> list[tuple[int, int]]:
    """Find the trigger word(s) ("ruled .. cooperating") inside text[lo:hi], in order."""
    spans: list[tuple[int, int]] = []
    pos = lo
    for part in (p.strip() for p in re.split(r"\s*\.\.\s*", trigger or "")):
        if not part:
            continue
        found = re.compile(r"(?<!\w)" + re.escape(part) + r"(?!\w)", re.IGNORECASE).search(text, pos, hi)
        if found:
            spans.append((found.start(), found.end()))
            pos = found.end()
    return spans


def event_marks(text: str, base: int, event: dict) -> list[Mark]:
    """Marks for `text`, the slice of the document starting at offset `base`; offsets relative."""
    marks: list[Mark] = []
    lo, hi = event.get("span_start"), event.get("span_end")
    if isinstance(lo, int) and isinstance(hi, int) and lo < hi:
        lo, hi = max(lo - base, 0), min(hi - base, len(text))
        if lo < hi:
            marks.append(Mark(lo, hi, "clause"))
            marks += [Mark(s, e, "trigger") for s, e in trigger_spans(text, event.get("trigger"), lo, hi)]
    for role in ("source", "target"):
        for actor in event.get(f"{role}_actors") or []:
            start, end = actor.get("start"), actor.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start - base < end - base <= len(text):
                marks.append(Mark(start - base, end - base, role))
    return marks


def render(text: str, marks: list[Mark]) -> Markup:
    """`text` as HTML, each stretch wrapped in one span naming the marks that cover it."""
    cuts = {0, len(text)}
    for m in marks:
        cuts.update(c for c in (m.start, m.end) if 0 < c < len(text))
    pieces: list[str] = []
    bounds = sorted(cuts)
    for left, right in zip(bounds, bounds[1:]):
        piece = escape(text[left:right])
        kinds = sorted({m.kind for m in marks if m.start <= left and right <= m.end})
        if kinds:
            classes = " ".join(f"hl-{k}" for k in kinds)
            pieces.append(f'<span class="{classes}">{piece}</span>')
        else:
            pieces.append(str(piece))
    return Markup("".join(pieces))


def highlighted_sentence(event: dict) -> Markup:
    """The event's sentence (`sent_text`, starting at document offset `sent_start`) with marks;
    the copied `sentence_text` without marks when offsets are missing."""
    text, base = event.get("sent_text"), event.get("sent_start")
    if not text or not isinstance(base, int):
        return Markup(escape(event.get("sentence_text") or ""))
    return render(text, event_marks(text, base, event))
