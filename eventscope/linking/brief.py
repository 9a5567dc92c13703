"""A story's extractive brief: a few of its own sentences, each cited to its document.

Candidates are sentences that carry a coded event, plus each document's lead. They are
ranked by closeness to the story (its summed term vector) with a bonus for carrying an
event; a sentence that repeats one already chosen (shared content words) is skipped, so
the brief never says the same thing twice. Relative day words ("Thursday", "yesterday")
get the resolved date in brackets when the coder dated the sentence's event to the day and
that date fits the word (a Thursday for "Thursday", the day before publication for "yesterday").
"""

from __future__ import annotations

from functools import lru_cache

import re
from dataclasses import dataclass
from datetime import date as Date

from eventscope.linking.events import content_words
from eventscope.linking.vectors import features
from eventscope.models import BriefSentence

BRIEF_SENTENCES = 5
MAX_REPEAT = 0.5  # Jaccard of content words above which a sentence repeats another
EVENT_BONUS = 0.15
RELATIVE_DAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                          r"yesterday|today|tonight|this morning|last night)\b", re.IGNORECASE)


@dataclass
class Candidate:
    doc_id: str
    sentence: int
    text: str
    date: str | None  # event date when the sentence has a dated event, else publication date
    day_resolved: bool  # the date is an event date to the day
    has_event: bool
    published: str | None = None  # the document's publication date


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_OFFSETS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0}


def _consistent(word: str, date: Date, published: Date | None) -> bool:
    """Whether `date` can be what `word` means: the right weekday, or the right offset
    from the publication date. Guards against an event date that came from elsewhere."""
    word = word.lower()
    if word in WEEKDAYS:
        return WEEKDAYS[date.weekday()] == word
    return published is not None and (date - published).days == DAY_OFFSETS.get(word, 99)


def resolve_days(text: str, date: str | None, exact: bool, published: str | None = None) -> str:
    """'... announced Thursday' -> '... announced Thursday [2000-12-28]' (first mention only,
    and only when the date fits the word)."""
    if not (exact and date and len(date) == 10):
        return text
    try:
        day = Date.fromisoformat(date)
        published_day = Date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    except ValueError:
        return text
    match = RELATIVE_DAY.search(text)
    if not match or not _consistent(match.group(0), day, published_day):
        return text
    return f"{text[:match.end()]} [{date}]{text[match.end():]}"


@lru_cache(maxsize=1024)  # a story's sentences are scored again each time the story grows
def _sentence_terms(text: str) -> tuple[tuple[tuple[str, float], ...], float]:
    counts = features(text)
    return tuple(counts.items()), sum(v * v for v in counts.values()) ** 0.5 or 1.0


def _closeness(text: str, story_terms: dict[str, float], norm_story: float | None = None) -> float:
    terms, norm_text = _sentence_terms(text)
    if norm_story is None:
        norm_story = sum(v * v for v in story_terms.values()) ** 0.5 or 1.0
    return sum(w * story_terms.get(t, 0.0) for t, w in terms) / (norm_story * norm_text)


def build_brief(candidates: list[Candidate], story_terms: dict[str, float],
                size: int = BRIEF_SENTENCES) -> list[BriefSentence]:
    """The brief: up to `size` of the candidates, in date order."""
    norm_story = sum(v * v for v in story_terms.values()) ** 0.5 or 1.0
    scored = sorted(candidates, key=lambda c: (-(_closeness(c.text, story_terms, norm_story)
                                                 + (EVENT_BONUS if c.has_event else 0.0)),
                                               c.date or "9999", c.doc_id, c.sentence))
    chosen: list[tuple[Candidate, frozenset]] = []
    per_doc_cap = max(1, -(-size // max(1, len({c.doc_id for c in candidates}))))
    for cap in (per_doc_cap, size):  # first spread over the documents, then fill
        for candidate in scored:
            words = content_words(candidate.text)
            if len(chosen) == size or len(words) < 4 or any(candidate is c for c, _ in chosen):
                continue
            if sum(c.doc_id == candidate.doc_id for c, _ in chosen) >= cap:
                continue
            if any(len(words & other) / len(words | other) > MAX_REPEAT for _, other in chosen):
                continue
            chosen.append((candidate, words))
    ordered = sorted((c for c, _ in chosen), key=lambda c: (c.date or "9999", c.doc_id, c.sentence))
    return [BriefSentence(i, resolve_days(c.text.strip(), c.date, c.day_resolved, c.published), c.doc_id,
                          c.sentence, c.date) for i, c in enumerate(ordered)]
