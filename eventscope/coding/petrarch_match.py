"""Matching PETRARCH sequence patterns against a parsed sentence.

A pattern's words before the verb are searched leftwards from the verb, its words after
it rightwards, nearest first; "_" links demand the very next token, a blank allows others
in between. ``$``/``+``/``%`` slots match actor phrases and ``^`` any noun phrase; the
matched spans of ``$``, ``+`` and ``%`` tell the coder where source and target are.
Among the patterns that match, the one with most elements wins (the file's order breaks
ties), as in PETRARCH.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Span, Token

from eventscope.knowledge.petrarch_verbs import Element, SequencePattern

SLOT_KINDS = {"source", "target", "compound"}


@dataclass
class PatternMatch:
    pattern: SequencePattern
    verb_start: int
    verb_end: int
    slots: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> token span


@dataclass
class SentenceSpans:
    """What slots can match in one sentence: actor phrases, compound actors, noun phrases."""

    sent: Span
    actors: list[tuple[int, int]]
    compounds: list[tuple[int, int]]
    phrases: list[tuple[int, int]]

    @cached_property
    def words(self) -> set[str]:
        """The sentence's words, lower-cased: a pattern needing another word cannot match."""
        return {t.lower_ for t in self.sent}

    def candidates(self, element: Element, lo: int, hi: int) -> list[tuple[int, int]]:
        if element.kind == "word":
            return [(t.i, t.i + 1) for t in self.sent if lo <= t.i < hi and t.lower_ == element.word]
        pool = {"source": self.actors, "target": self.actors, "compound": self.compounds,
                "skip": self.phrases}.get(element.kind, [])
        return [(s, e) for s, e in pool if lo <= s and e <= hi]


def verb_span(pattern: SequencePattern, token: Token) -> tuple[int, int] | None:
    """Token span of the pattern's (possibly multi-word) verb around `token`, if present."""
    start = token.i - pattern.head
    end = start + len(pattern.words)
    sent = token.sent
    if start < sent.start or end > sent.end:
        return None
    for k, word in enumerate(pattern.words):
        if k != pattern.head and token.doc[start + k].lower_ != word:
            return None
    return start, end


def match(pattern: SequencePattern, token: Token, spans: SentenceSpans) -> PatternMatch | None:
    where = verb_span(pattern, token)
    if where is None:
        return None
    verb_at = next(k for k, e in enumerate(pattern.elements) if e.kind == "verb")
    before = list(reversed(pattern.elements[:verb_at]))
    after = list(pattern.elements[verb_at + 1:])
    slots: dict[str, tuple[int, int]] = {}
    verb_adjacent = pattern.elements[verb_at].adjacent
    if not _backward(before, 0, where[0], verb_adjacent, spans, slots):
        return None
    if not _forward(after, 0, where[1], spans, slots):
        return None
    return PatternMatch(pattern, where[0], where[1], slots)


def _forward(elements: list[Element], k: int, pos: int, spans: SentenceSpans,
             slots: dict) -> bool:
    if k == len(elements):
        return True
    element = elements[k]
    for start, end in spans.candidates(element, pos, spans.sent.end):
        if element.adjacent and start != pos:
            continue
        if _forward(elements, k + 1, end, spans, slots):
            if element.kind in SLOT_KINDS:
                slots.setdefault(element.kind, (start, end))
            return True
    return False


def _backward(elements: list[Element], k: int, limit: int, adjacent: bool,
              spans: SentenceSpans, slots: dict) -> bool:
    """Match elements[k:] (nearest to the verb first) ending at or before `limit`."""
    if k == len(elements):
        return True
    element = elements[k]
    options = sorted(spans.candidates(element, spans.sent.start, limit), key=lambda s: -s[1])
    for start, end in options:
        if adjacent and end != limit:
            continue
        if _backward(elements, k + 1, start, element.adjacent, spans, slots):
            if element.kind in SLOT_KINDS:
                slots.setdefault(element.kind, (start, end))
            return True
    return False


def best_match(patterns: list[SequencePattern], token: Token, spans: SentenceSpans) -> PatternMatch | None:
    """The matching pattern with most elements (longest multi-word verb first, then file order).

    Only patterns whose words the sentence has are tried; a synset is spelled out as the
    phrases the sentence can match (SequencePattern.variants), so a pattern naming two large
    synsets costs no more than one with two words."""
    words = spans.words
    best: PatternMatch | None = None
    best_rank = None
    order = 0
    for pattern in patterns:
        if not pattern.needs <= words:
            continue
        for variant in pattern.variants(words):
            order -= 1
            found = match(variant, token, spans)
            if found is None:
                continue
            rank = (len(variant.words), variant.size, order)
            if best_rank is None or rank > best_rank:
                best, best_rank = found, rank
    return best
