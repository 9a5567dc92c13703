"""Group documents into stories, one batch at a time, one document after another.

`assign_stories` is the pure step: documents + an index of what is known so far (term
document-frequencies, story vectors) in, a `StoryUpdate` out. Inside a batch each document
is vectorised with the term counts of the documents before it and placed against the
stories as the documents before it left them, so the stories do not depend on where the
batches were cut (tests/test_linking_batches.py). Whoever owns the state
applies the update: `MemoryStoryIndex` for a file run (`eventscope stories IN.jsonl`),
the store (eventscope/store/links.py) for `eventscope run`.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from eventscope.linking.clusters import DEFAULT_THRESHOLD, StoryVector, similarity, story_id_for
from eventscope.linking.vectors import document_countries, document_features, tfidf

KEY_TERMS = 30  # a story is found through its heaviest terms ...
QUERY_TERMS = 20  # ... matched against a document's heaviest terms
CANDIDATES_PER_DOC = 8
CANDIDATE_MARGIN = 4  # extra stored candidates asked for, so rounding in SQL never decides the cut


@dataclass
class StoryInput:
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    countries: frozenset[str] = frozenset()  # ISO3 codes the document is about (actors, places)


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
    """The k heaviest terms; ties by term, so a story read back from the store has the same keys."""
    return [t for t, _ in heapq.nsmallest(k, terms.items(), key=lambda kv: (-kv[1], kv[0]))]


def query_score(query: dict[str, float], story: StoryVector) -> float:
    """How well a document's query terms hit a story's key terms (the store ranks the same way)."""
    keys = set(key_terms(story.terms, KEY_TERMS))
    return sum(w * story.terms[t] for t, w in query.items() if t in keys) / story.n


def assign_stories(docs: list[StoryInput], index: StoryIndex,
                   threshold: float = DEFAULT_THRESHOLD) -> StoryUpdate:
    counts = [document_features(d.text, d.title) for d in docs]
    delta: Counter = Counter()
    for c in counts:
        delta.update(c.keys())
    known, n_docs = index.frequencies(set(delta))
    df = dict(known)
    changed: dict[str, StoryVector] = {}  # stories this batch touched, as they stand now
    stored_changed = 0
    assignments: dict[str, str] = {}
    for doc, count in zip(docs, counts):
        for term in count:
            df[term] = df.get(term, 0) + 1
        n_docs += 1
        vector = tfidf(count, df, n_docs)
        query = {t: vector[t] for t in key_terms(vector, QUERY_TERMS)}
        # the store's candidates may include stale copies of stories changed in this batch:
        # ask for as many more, and rank everything again with the current versions
        pool = {s.id: s for s in index.candidates([query], CANDIDATES_PER_DOC + stored_changed + CANDIDATE_MARGIN)}
        pool.update(changed)
        scored = [(query_score(query, s), s.id, s) for s in pool.values()]
        ranked = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1]))[:CANDIDATES_PER_DOC]
        best, best_key = None, (threshold, "")
        for _, story_id, story in ranked:
            key = (similarity(vector, doc.date, doc.countries, story), story_id)
            if key[0] >= threshold and key > best_key:
                best, best_key = story, key
        if best is None:
            best = StoryVector(id=story_id_for(doc.id), terms={}, n=0, new=True)
        elif best.id not in changed and not best.new:
            stored_changed += 1
        best.add(doc.id, vector, doc.date, doc.countries)
        changed[best.id] = best
        assignments[doc.id] = best.id
    return StoryUpdate(assignments, list(changed.values()), delta, len(docs))


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
            for story_id, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:per_query]:
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
            self.stories[story.id] = StoryVector(story.id, dict(story.terms), story.n, story.first_date,
                                                 story.last_date, countries=dict(story.countries))


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
                       str(r["date"]) if r.get("date") else None,
                       document_countries(text(r.get("title")) + "\n" + text(r.get("text")))) for r in records]
    ordered = sorted(docs, key=lambda d: (d.date is None, d.date or ""))
    return cluster_stream(ordered, batch_size or FILE_BATCH,
                          DEFAULT_THRESHOLD if threshold is None else threshold)
