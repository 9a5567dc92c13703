"""Streaming story clustering: average linkage, one batch at a time, never re-clustering.

A story keeps the *sum* S of its members' unit tf-idf vectors and its size n. Average
linkage between two groups is then exact and cheap: the mean pairwise cosine of A and B
is dot(S_A, S_B) / (n_A * n_B). Each batch is clustered together with the stories it may
join (nodes = the batch's documents + candidate stories); the closest pair is merged while
its average similarity clears the threshold, except that two existing stories are never
merged (that would be re-clustering). Leftover groups of new documents become new stories.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date as Date

import numpy as np

DEFAULT_THRESHOLD = 0.13  # mean pairwise cosine to join; README "Stories" has the sweep
DATE_GRACE_DAYS = 30  # reports of one story can run for months; past this gap, similarity fades
DATE_FLOOR = 0.6  # ... but never below this share, so a follow-up months later can still join
MAX_TERMS = 500  # terms kept per story sum (the rest carry little weight)
DOT_CHUNK = 4096  # vocabulary columns per dense block of the dot products: memory stays bounded


@dataclass
class StoryVector:
    """A story's running state: summed member vectors, size and date range."""

    id: str
    terms: dict[str, float]
    n: int
    first_date: str | None = None
    last_date: str | None = None
    new: bool = False
    doc_ids: list[str] = field(default_factory=list)  # members added in this batch

    def truncated(self) -> StoryVector:
        if len(self.terms) > MAX_TERMS:
            keep = sorted(self.terms.items(), key=lambda kv: -kv[1])[:MAX_TERMS]
            self.terms = dict(keep)
        return self


def story_id_for(doc_id: str) -> str:
    """A story is named after the document that started it: stable across runs."""
    return "s" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:11]


def _parse(value: str | None) -> Date | None:
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 7
        day = int(parts[2]) if len(parts) > 2 else 15
        return Date(year, month, day)
    except (ValueError, IndexError):
        return None


def _day(value: str | None) -> float:
    parsed = _parse(value)
    return float(parsed.toordinal()) if parsed else np.nan


def _date_factors(first_a, last_a, first_b, last_b):
    """1 where the date ranges overlap or lie within DATE_GRACE_DAYS; fading towards
    DATE_FLOOR over a year beyond that; 1 where either side has no date (NaN)."""
    with np.errstate(invalid="ignore"):
        gap = np.fmax(np.fmax(first_b - last_a, first_a - last_b), 0.0)
        fade = 1.0 - (1.0 - DATE_FLOOR) * (gap - DATE_GRACE_DAYS) / 365.0
        factor = np.where(gap <= DATE_GRACE_DAYS, 1.0, np.maximum(DATE_FLOOR, fade))
    return np.where(np.isnan(gap), 1.0, factor)


def date_factor(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> float:
    """`_date_factors` for two (first, last) date ranges given as ISO strings."""
    return float(_date_factors(_day(a[0]), _day(a[1] or a[0]), _day(b[0]), _day(b[1] or b[0])))


def _span(dates: list[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def _gram(rows: np.ndarray, columns: np.ndarray, values: np.ndarray, n_rows: int, n_columns: int) -> np.ndarray:
    """M @ M.T of the sparse matrix given as (row, column, value) triples, in dense column
    blocks (numpy only: scipy.sparse alone cost a quarter of a second of every run's start)."""
    gram = np.zeros((n_rows, n_rows))
    for start in range(0, n_columns, DOT_CHUNK):
        inside = (columns >= start) & (columns < start + DOT_CHUNK)
        block = np.zeros((n_rows, min(DOT_CHUNK, n_columns - start)))
        np.add.at(block, (rows[inside], columns[inside] - start), values[inside])
        gram += block @ block.T
    return gram


def cluster_batch(docs: list[tuple[str, dict[str, float], str | None]],
                  stories: list[StoryVector], threshold: float = DEFAULT_THRESHOLD) -> list[StoryVector]:
    """Assign `docs` (id, unit vector, date) to `stories` or to new stories.

    Returns every story that changed (joined or new), with `doc_ids` listing the members
    added and `terms`/`n`/dates updated."""
    if not docs:
        return []
    vocab: dict[str, int] = {}
    for _, vector, _ in docs:
        for term in vector:
            vocab.setdefault(term, len(vocab))
    n_docs, n_nodes = len(docs), len(docs) + len(stories)
    rows, columns, values = [], [], []
    for row, (_, vector, _) in enumerate(docs):
        for term, value in vector.items():
            rows.append(row), columns.append(vocab[term]), values.append(value)
    for row, story in enumerate(stories, n_docs):
        for term, value in story.terms.items():
            column = vocab.get(term)
            if column is not None:  # terms no document has cannot add to a dot product
                rows.append(row), columns.append(column), values.append(value)
    dots = _gram(np.array(rows, dtype=np.int64), np.array(columns, dtype=np.int64),
                 np.array(values, dtype=np.float64), n_nodes, len(vocab))
    # dots: dot products of group sums; Lance-Williams: rows add on merge
    size = np.array([1.0] * n_docs + [float(s.n) for s in stories])
    first = np.array([_day(d) for _, _, d in docs] + [_day(s.first_date) for s in stories])
    last = np.array([_day(d) for _, _, d in docs] + [_day(s.last_date or s.first_date) for s in stories])
    members: list[list[int]] = [[i] for i in range(n_docs)] + [[] for _ in stories]
    is_story = np.array([False] * n_docs + [True] * len(stories))
    alive = np.ones(n_nodes, dtype=bool)

    similarity = dots / np.outer(size, size) * _date_factors(first[:, None], last[:, None], first, last)
    similarity[np.ix_(is_story, is_story)] = -np.inf  # two existing stories never merge
    np.fill_diagonal(similarity, -np.inf)

    while True:
        flat = int(np.argmax(similarity))
        i, j = divmod(flat, n_nodes)
        if similarity[i, j] < threshold:
            break
        keep, gone = (j, i) if is_story[j] else (i, j)
        dots[keep, :] += dots[gone, :]
        dots[:, keep] += dots[:, gone]
        size[keep] += size[gone]
        first[keep], last[keep] = np.fmin(first[keep], first[gone]), np.fmax(last[keep], last[gone])
        members[keep] += members[gone]
        alive[gone] = False
        similarity[gone, :] = similarity[:, gone] = -np.inf
        row = dots[keep] / (size[keep] * size) * _date_factors(first[keep], last[keep], first, last)
        row[~alive | (is_story & is_story[keep])] = -np.inf
        row[keep] = -np.inf
        similarity[keep, :] = similarity[:, keep] = row
    return _changed_stories(docs, stories, members, alive, is_story)


def _changed_stories(docs, stories, members, alive, is_story) -> list[StoryVector]:
    n_docs = len(docs)
    changed = []
    for node, group in enumerate(members):
        if not alive[node] or not group:
            continue
        group = sorted(group, key=lambda i: (docs[i][2] or "9999", docs[i][0]))
        if is_story[node]:
            story = stories[node - n_docs]
        else:
            story = StoryVector(id=story_id_for(docs[group[0]][0]), terms={}, n=0, new=True)
        for i in group:
            for term, value in docs[i][1].items():
                story.terms[term] = story.terms.get(term, 0.0) + value
        story.n += len(group)
        story.first_date, story.last_date = _span(
            [story.first_date, story.last_date, *(docs[i][2] for i in group)])
        story.doc_ids = [docs[i][0] for i in group]
        changed.append(story.truncated())
    return changed
