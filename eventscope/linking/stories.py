"""Group documents into stories, one batch at a time.

`assign_stories` is the pure step: documents + an index of what is known so far (term
document-frequencies, story vectors) in, a `StoryUpdate` out. Whoever owns the state
applies the update: `MemoryStoryIndex` for a file run (`eventscope stories IN.jsonl`),
the store (eventscope/store/links.py) for `eventscope run`.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from eventscope.linking.clusters import DEFAULT_THRESHOLD, StoryVector, cluster_batch
from eventscope.linking.vectors import document_features, tfidf

KEY_TERMS = 30  # a story is found through its heaviest terms ...
QUERY_TERMS = 20  # ... matched against a document's heaviest terms
CANDIDATES_PER_DOC = 8


@dataclass
class StoryInput:
    id: str
    text: str
    title: str | None = None
    date: str | None = None


@dataclass
class StoryUpdate:
    assignments: dict[str, str]  # doc id -> story id
    stories: list[StoryVector]  # changed or new, with updated sums
    df_delta: Counter  # document frequency added by this batch
    n_docs: int  # documents added by this batch


class StoryIndex(Protocol):
    def frequencies(self, terms: set[str]) -> tuple[dict[str, int], int]: ...

    def candidates(self, queries: list[dict[str, float]], per_query: int) -> list[StoryVector]: ...


def key_terms(terms: dict[str, float], k: int) -> list[str]:
    return [t for t, _ in heapq.nlargest(k, terms.items(), key=lambda kv: kv[1])]


def assign_stories(docs: list[StoryInput], index: StoryIndex,
                   threshold: float = DEFAULT_THRESHOLD) -> StoryUpdate:
    counts = [document_features(d.text, d.title) for d in docs]
    delta: Counter = Counter()
    for c in counts:
        delta.update(c.keys())
    known, n_known = index.frequencies(set(delta))
    df = {t: known.get(t, 0) + k for t, k in delta.items()}
    n_docs = n_known + len(docs)
    vectors = [tfidf(c, df, n_docs) for c in counts]
    queries = [{t: v[t] for t in key_terms(v, QUERY_TERMS)} for v in vectors]
    stories = index.candidates(queries, CANDIDATES_PER_DOC)
    batch = [(d.id, v, d.date) for d, v in zip(docs, vectors)]
    changed = cluster_batch(batch, stories, threshold)
    assignments = {doc_id: s.id for s in changed for doc_id in s.doc_ids}
    return StoryUpdate(assignments, changed, delta, len(docs))


@dataclass
class MemoryStoryIndex:
    """All state in memory: for one-off file runs and tests."""

    df: Counter = field(default_factory=Counter)
    n_docs: int = 0
    stories: dict[str, StoryVector] = field(default_factory=dict)
    postings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    keys: dict[str, list[str]] = field(default_factory=dict)

    def frequencies(self, terms: set[str]) -> tuple[dict[str, int], int]:
        return {t: self.df[t] for t in terms if t in self.df}, self.n_docs

    def candidates(self, queries: list[dict[str, float]], per_query: int) -> list[StoryVector]:
        chosen: dict[str, StoryVector] = {}
        for query in queries:
            scores: Counter = Counter()
            for term, weight in query.items():
                for story_id in self.postings.get(term, ()):
                    story = self.stories[story_id]
                    scores[story_id] += weight * story.terms.get(term, 0.0) / story.n
            for story_id, _ in scores.most_common(per_query):
                chosen[story_id] = self.stories[story_id]
        return list(chosen.values())

    def apply(self, update: StoryUpdate) -> None:
        self.df.update(update.df_delta)
        self.n_docs += update.n_docs
        for story in update.stories:
            for term in self.keys.get(story.id, []):
                self.postings[term].discard(story.id)
            self.keys[story.id] = key_terms(story.terms, KEY_TERMS)
            for term in self.keys[story.id]:
                self.postings[term].add(story.id)
            story.new, story.doc_ids = False, []
            self.stories[story.id] = story


def cluster_stream(docs: list[StoryInput], batch_size: int = 64,
                   threshold: float = DEFAULT_THRESHOLD,
                   index: MemoryStoryIndex | None = None) -> dict[str, str]:
    """Doc id -> story id for `docs` fed in batches of `batch_size`, in the given order."""
    index = index or MemoryStoryIndex()
    out: dict[str, str] = {}
    for start in range(0, len(docs), batch_size):
        update = assign_stories(docs[start:start + batch_size], index, threshold)
        index.apply(update)
        out.update(update.assignments)
    return out


FILE_BATCH = 256  # documents per streaming batch for a file run; README "Stories" has the sweep


def cluster_records(records: list[dict], batch_size: int | None = None,
                    threshold: float | None = None) -> dict[str, str]:
    """Record id -> story id for {id, text, title?, date?} records, streamed in date order
    (undated records keep their place after the dated ones; ties keep input order)."""
    def text(value) -> str:
        return value if isinstance(value, str) else ""

    docs = [StoryInput(str(r["id"]), text(r.get("text")), text(r.get("title")) or None,
                       str(r["date"]) if r.get("date") else None) for r in records]
    ordered = sorted(docs, key=lambda d: (d.date is None, d.date or ""))
    return cluster_stream(ordered, batch_size or FILE_BATCH,
                          DEFAULT_THRESHOLD if threshold is None else threshold)
