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

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from eventscope.linking.clusters import (DEFAULT_THRESHOLD, StoryVector, compatible, day_number, mergeable, out_of_reach,
                                        similarity, story_id_for)
from eventscope.linking.story_postings import StoryPostings, key_terms
from eventscope.linking.vectors import document_countries, document_features, document_names, tfidf

QUERY_TERMS = 20  # a document's heaviest terms, matched against stories' key terms (story_postings)
CANDIDATES_PER_DOC = 8
# A batch reads ahead once this many of its documents have read stories of their own. A read
# costs ~2-3 ms; reading ahead costs a second candidate lookup and bound for each document left
# (~100-150 us each, 25-40 ms for 256). Since the stories that cannot take a document are not
# read (story_sketches), distinct news misses only a few times a batch (ECB+ into the
# 10,000-article store: 14 reads in 3 batches) and reads nothing ahead; a batch that follows
# stored stories at every document reads ahead at its ninth miss.
READ_AHEAD_AFTER = 8
READ_AHEAD_SLACK = 0.8  # a batch reads ahead the stories whose bound reaches this share of the threshold


@dataclass
class StoryInput:
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    countries: frozenset[str] = frozenset()  # ISO3 codes the document is about (actors, places)
    names: frozenset[str] = frozenset()  # vectors.document_names: who and where, by name
    counts: dict[str, float] | None = None  # vectors.document_features of text + title, when known


@dataclass
class StoryUpdate:
    assignments: dict[str, str]  # doc id -> story id
    stories: list[StoryVector]  # changed or new, with updated sums
    df_delta: Counter  # document frequency added by this batch
    n_docs: int  # documents added by this batch
    merged: dict[str, str] = field(default_factory=dict)  # story id -> the story that took in its members


class StoryIndex(Protocol):
    """What the clusterer asks of whoever keeps the stories (memory, or the store)."""

    def frequencies(self, terms: set[str]) -> tuple[dict[str, int], int]: ...

    def postings(self) -> StoryPostings: ...  # current key-term postings of every story

    def stories(self, ids: list[str]) -> dict[str, StoryVector]: ...  # current full vectors

    def could_join(self, ids: list[str], vector: dict[str, float], day: int | None,
                   threshold: float) -> list[str]: ...  # `ids` but those that can be ruled out unread

    def missing(self, ids: list[str]) -> list[str]: ...  # those of `ids` `stories` would read from the store

    def prefetch(self, ids: list[str]) -> None: ...  # `stories(ids)` will likely be asked (a cache hint)

    def record(self, story: StoryVector) -> None: ...  # `story` changed (one more member)

    def forget(self, story_id: str) -> None: ...  # the story's members went to another story


def _merge(a: StoryVector, b: StoryVector, index: StoryIndex, changed: dict[str, StoryVector],
           merged: dict[str, str]) -> StoryVector:
    """The bigger story (on a tie the smaller id) takes in the other's members; the other is gone."""
    keep, gone = (a, b) if (-a.n, a.id) < (-b.n, b.id) else (b, a)
    keep.absorb(gone)
    index.forget(gone.id)
    changed.pop(gone.id, None)
    merged[gone.id] = keep.id
    return keep


def _query(vector: dict[str, float]) -> dict[str, float]:
    """What a document's candidate stories are looked up by: its heaviest tf-idf terms."""
    return {t: vector[t] for t in key_terms(vector, QUERY_TERMS)}


def _likely(docs: list[StoryInput], counts: list, df: dict[str, int], n_docs: int, index: StoryIndex,
            threshold: float) -> set[str]:
    """The stories the rest of a batch will likely read: each document's candidates as the loop
    finds them, but by the term counts as they are now (a cache hint, no decision), the bound
    loosened by READ_AHEAD_SLACK for the counts the loop will have moved by then."""
    postings, likely = index.postings(), set()
    for doc, count in zip(docs, counts):
        vector, day = tfidf(count, df, n_docs), day_number(doc.date)
        ids = postings.reachable(postings.candidates(_query(vector), CANDIDATES_PER_DOC), day, threshold)
        likely.update(index.could_join(ids, vector, day, threshold * READ_AHEAD_SLACK))
    return likely


def assign_stories(docs: list[StoryInput], index: StoryIndex,
                   threshold: float = DEFAULT_THRESHOLD) -> StoryUpdate:
    counts = [document_features(d.text, d.title) if d.counts is None else d.counts for d in docs]
    delta: Counter = Counter()
    for c in counts:
        delta.update(c.keys())
    known, n_docs = index.frequencies(set(delta))
    df = dict(known)
    changed: dict[str, StoryVector] = {}  # stories this batch touched, as they stand now
    merged: dict[str, str] = {}
    assignments: dict[str, str] = {}
    postings = index.postings()
    misses = 0  # documents of the batch that read stories of their own
    for at, (doc, count) in enumerate(zip(docs, counts)):
        for term in count:
            df[term] = df.get(term, 0) + 1
        n_docs += 1
        vector = tfidf(count, df, n_docs)
        # ranked as always, then the stories the dates rule out dropped: the same stories join
        day = day_number(doc.date)
        ids = postings.reachable(postings.candidates(_query(vector), CANDIDATES_PER_DOC), day, threshold)
        ids = index.could_join(ids, vector, day, threshold)  # (a story that cannot take the document is not read)
        if misses <= READ_AHEAD_AFTER and index.missing(ids):
            # a document whose candidates are not all in memory reads them; the one that misses
            # after READ_AHEAD_AFTER others reads with them the likely candidates of the rest of
            # the batch (one store query instead of one per document), what the loop then asks
            # for is mostly in memory. Only a cache: no decision here. (queried as the loop will
            # query: by the heaviest tf-idf terms, not the most frequent words, else a fifth of
            # the candidates were missed and read one document at a time)
            misses += 1
            ahead = _likely(docs[at + 1:], counts[at + 1:], df, n_docs + 1, index, threshold) \
                if misses > READ_AHEAD_AFTER else set()
            index.prefetch(sorted({*ids, *ahead}))
        found = index.stories(ids)
        best, best_key = None, (threshold, "")
        near = []  # every story the document could join
        for story_id in ids:  # the closest that clears the threshold and tells the same event
            key = (similarity(vector, doc.date, doc.countries, found[story_id]), story_id)
            if key[0] >= threshold and compatible(vector, doc.names, found[story_id]):
                near.append(found[story_id])
                best, best_key = (found[story_id], key) if key > best_key else (best, best_key)
        if best is None:
            best = StoryVector(id=story_id_for(doc.id), terms={}, n=0, new=True)
        best.add(doc.id, vector, doc.date, doc.countries, doc.names)
        assignments[doc.id] = best.id
        for other in near:  # a document close to two young stories can show they are one
            if other is not best and mergeable(best, other, threshold):
                best = _merge(best, other, index, changed, merged)
        best.seq = n_docs
        index.record(best)
        changed[best.id] = best
    for gone in merged:  # a story merged away may itself have taken in another before
        keep = merged[gone]
        while keep in merged:
            keep = merged[keep]
        merged[gone] = keep
    assignments = {doc_id: merged.get(story_id, story_id) for doc_id, story_id in assignments.items()}
    return StoryUpdate(assignments, list(changed.values()), delta, len(docs), merged)


@dataclass
class MemoryStoryIndex:
    """All state in memory: for one-off file runs and tests."""

    df: Counter = field(default_factory=Counter)
    n_docs: int = 0
    all_stories: dict[str, StoryVector] = field(default_factory=dict)
    index: StoryPostings = field(default_factory=StoryPostings)

    def frequencies(self, terms: set[str]) -> tuple[dict[str, int], int]:
        return {t: self.df[t] for t in terms if t in self.df}, self.n_docs

    def postings(self) -> StoryPostings:
        return self.index

    def stories(self, ids: list[str]) -> dict[str, StoryVector]:
        return {i: self.all_stories[i] for i in ids}

    def could_join(self, ids: list[str], vector: dict[str, float], day: int | None, threshold: float) -> list[str]:
        return ids  # all in memory: scoring them costs less than bounding them

    def missing(self, ids: list[str]) -> list[str]:
        return []  # all in memory

    def prefetch(self, ids: list[str]) -> None:
        pass

    def record(self, story: StoryVector) -> None:
        self.index.update(story)
        self.all_stories[story.id] = story

    def forget(self, story_id: str) -> None:
        self.index.remove(story_id)
        self.all_stories.pop(story_id, None)

    def apply(self, update: StoryUpdate) -> None:
        self.df.update(update.df_delta)
        self.n_docs += update.n_docs
        for story in update.stories:
            story.new, story.doc_ids = False, []


def cluster_stream(docs: list[StoryInput], batch_size: int = 64,
                   threshold: float = DEFAULT_THRESHOLD,
                   index: MemoryStoryIndex | None = None) -> dict[str, str]:
    """Doc id -> story id for `docs` fed in batches of `batch_size`, in the given order."""
    index = index or MemoryStoryIndex()
    out: dict[str, str] = {}
    for start in range(0, len(docs), batch_size):
        update = assign_stories(docs[start:start + batch_size], index, threshold)
        index.apply(update)
        if update.merged:
            out = {d: update.merged.get(s, s) for d, s in out.items()}
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
                       document_countries(text(r.get("title")) + "\n" + text(r.get("text"))),
                       document_names(text(r.get("text")), text(r.get("title")) or None)) for r in records]
    ordered = sorted(docs, key=lambda d: (d.date is None, d.date or ""))
    return cluster_stream(ordered, batch_size or FILE_BATCH,
                          DEFAULT_THRESHOLD if threshold is None else threshold)
