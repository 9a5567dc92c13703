"""The story clusterer's index of key terms: which stories a term is a key term of, packed,
and a document's candidate stories looked up through it (stories.assign_stories reads it).
"""

from __future__ import annotations

import heapq
import sys
from array import array

from eventscope.linking.clusters import StoryVector, day_number, out_of_reach
from eventscope.linking.posting_sums import ENTRY, entry_at, summed_scores
from eventscope.models import StoryState

KEY_TERMS = 30  # a story is found through its heaviest terms ...
CANDIDATE_SHARE = 0.1  # of the best candidate's match: weaker ones are not scored (README, linking cost)
POSTINGS_PER_TERM = 300  # stories looked at per query term, the most recently changed first
NUMPY_ENTRIES = 100  # a lookup over more entries than this is summed by numpy (posting_sums)


def key_terms(terms: dict[str, float], k: int) -> list[str]:
    """The k heaviest terms; ties by term, so a story read back from the store has the same keys.
    (Of a story's hundreds of terms only those as heavy as the k-th heaviest weight are sorted,
    found by comparing bare floats: a third of the time of ranking them all as pairs.)"""
    items = terms.items()
    if len(terms) > 3 * k:
        cut = heapq.nlargest(k, terms.values())[-1]
        items = [(t, w) for t, w in items if w >= cut]  # the k heaviest and the ties of the k-th
    return [t for t, _ in sorted(items, key=lambda kv: (-kv[1], kv[0]))[:k]]


class StoryPostings:
    """Key term -> the stories it is a key term of, with weight / size; each list in order of
    the stories' last change. A document's candidates are the stories whose key terms best
    match its query terms, looking at the POSTINGS_PER_TERM most recently changed stories of
    each term only, so the lookup costs the same in a store of a hundred stories or a million.

    Nothing is dropped from a list: a term's list is always every story it is a key term of,
    oldest change first, which is exactly what a resumed run builds from the store
    (`store.story_keys()`). A list cut at POSTINGS_PER_TERM kept fewer once a listed story lost
    the term, and a resumed run then looked at a story the live run no longer did
    (tests/test_crash_safety.py). The index lives as long as the process and grows with the
    stories, so it is packed: a list is one bytes object of (story number, value) pairs
    (ENTRY: a 4-byte number standing for the story id, the value as the exact double), 12
    bytes an entry instead of a tuple slot pair and a float object (40); at 3,763 stories
    7.1 MB instead of 9.5 as tuples and 13.9 as dicts (README "Memory")."""

    ENTRY = ENTRY  # the packed entry (posting_sums.ENTRY), one definition for both

    def __init__(self) -> None:
        self.lists: dict[str, bytes] = {}  # term -> packed (story number, weight / size) pairs
        self.keys: dict[str, tuple[str, ...]] = {}  # story id -> its key terms
        self.ids: list[str] = []  # story number -> story id
        self.numbers: dict[str, int] = {}  # story id -> story number (kept once given)
        self.spans = array("i")  # story number n -> its first and last day at 2n, 2n + 1 (0: undated)

    def update(self, story: StoryVector | StoryState) -> None:  # a stored story: its key terms only
        self.remove(story.id)
        number = self.numbers.get(story.id)
        if number is None:
            number = self.numbers[story.id] = len(self.ids)
            self.ids.append(story.id)
            self.spans.extend((0, 0))
        first = day_number(story.first_date) or 0
        self.spans[2 * number], self.spans[2 * number + 1] = first, day_number(story.last_date) or first
        # one string object per term, shared by every story listing it: the index lives as long
        # as the process, and the terms of a story's vector would otherwise each stay alive here
        keys = tuple(sys.intern(t) for t in key_terms(story.terms, KEY_TERMS))
        self.keys[story.id] = keys
        pack = self.ENTRY.pack
        for term in keys:
            self.lists[term] = self.lists.get(term, b"") + pack(number, story.terms[term] / story.n)

    def remove(self, story_id: str) -> None:
        keys = self.keys.pop(story_id, ())
        if not keys:
            return
        number, size = self.numbers[story_id], self.ENTRY.size
        for term in keys:
            listed = self.lists[term]
            at = entry_at(listed, number) * size
            if len(listed) == size:
                del self.lists[term]
            else:
                self.lists[term] = listed[:at] + listed[at + size:]

    def reachable(self, ids: list[str], day: int | None, threshold: float) -> list[str]:
        """Those of `ids` whose dates do not rule out a document dated `day` (clusters.out_of_reach):
        a story years away is not read or scored, whatever its words; the rest keep their order."""
        if day is None:
            return ids
        spans, numbers = self.spans, self.numbers
        return [i for i in ids if not out_of_reach(day, spans[2 * numbers[i]] or None,
                                                   spans[2 * numbers[i] + 1] or None, threshold)]

    def listed(self, term: str) -> list[tuple[str, float]]:
        """(story id, weight / size) of every story `term` is a key term of, oldest change first."""
        ids = self.ids
        return [(ids[n], value) for n, value in self.ENTRY.iter_unpack(self.lists.get(term, b""))]

    def candidates(self, query: dict[str, float], k: int) -> list[str]:
        deepest = self.ENTRY.size * POSTINGS_PER_TERM  # the most recently changed of each list
        found = [(weight, listed[-deepest:]) for term, weight in query.items() if (listed := self.lists.get(term))]
        if sum(len(listed) for _, listed in found) > NUMPY_ENTRIES * self.ENTRY.size:
            scored = summed_scores(found, k)
        else:
            scores: dict[int, float] = {}
            for weight, listed in found:
                for number, value in self.ENTRY.iter_unpack(listed):
                    scores[number] = scores.get(number, 0.0) + weight * value
            scored = scores.items()
        ids = self.ids
        ranked = sorted([(-score, ids[n]) for n, score in scored])[:k]  # best first, ties by id
        # a story matched at under a tenth of the best match is not worth reading and scoring:
        # on ECB+, Multi-CoPED and the synthetic PLOVER texts none ever cleared the threshold
        floor = CANDIDATE_SHARE * -ranked[0][0] if ranked else 0.0
        return [story_id for score, story_id in ranked if -score > 0 and -score >= floor]
