"""The story clusterer's index over the store (stories.StoryIndex for `eventscope run`)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable

from eventscope.linking.clusters import StoryVector, countries_from_text, days_factor, names_from_terms
from eventscope.linking.story_postings import StoryPostings
from eventscope.linking.story_sketches import DocumentBuckets, could_clear, sketch, sketches
from eventscope.models import StoryState

SKETCH_CHUNK = 500  # stories read at a time while a process sketches the stored ones (~2.5 MB of vectors)


class StoredStories:
    """Key-term postings of every story held in memory for the life of the process (built from
    the store on first use, so a resumed run starts where the clean run was), full story vectors
    read on demand; stories changed since the last write are served from memory, never stale.
    Vectors read for a batch stay until it is written; between batches at most CACHE_TERMS
    terms' worth of the most recently used are kept, so memory does not grow with the store
    (2,000 whole vectors were ~40 MB). Every story not held has a sketch (story_sketches, ~1
    KB), so a document reads only the stored stories that could take it (`could_join`)."""

    CACHE_TERMS = 50_000  # terms of full story vectors kept between batches (~6 MB)

    def __init__(self, store):
        self.store = store
        self.index: StoryPostings | None = None
        self.cache: OrderedDict[str, tuple[StoryVector, int]] = OrderedDict()  # id -> (story, its terms)
        self.cached_terms = 0
        self.read: dict[str, StoryVector | Callable] = {}  # read from the store for the batch being linked
        # (a story is decoded when first asked for: a call until then, store.stories_by_id)
        self.pending: dict[str, StoryVector] = {}  # changed, not yet written
        self.sketches: dict[str, bytes | None] = {}  # story id -> its sketch as stored (of stories not held)

    def frequencies(self, terms):
        return self.store.term_frequencies(terms)

    def postings(self) -> StoryPostings:
        if self.index is None:
            index = StoryPostings()
            stored = self.store.story_keys()
            for story in stored:
                index.update(story)
            ids = [s.id for s in stored]
            for start in range(0, len(ids), SKETCH_CHUNK):  # once per process: every stored story's sketch
                chunk = ids[start:start + SKETCH_CHUNK]
                weights = self.store.story_weights(chunk)
                older = [i for i in chunk if i not in weights]  # an older store's JSON vectors
                for story_id, call in (self.store.stories_by_id(older).items() if older else ()):
                    story = decoded(call)
                    weights[story_id] = (list(story.terms), list(story.terms.values()), story.n)
                found = [i for i in chunk if i in weights]
                self.sketches.update(zip(found, sketches([weights[i] for i in found])))
            self.index = index
        return self.index

    def could_join(self, ids: list[str], vector: dict[str, float], day: int | None, threshold: float) -> list[str]:
        """Those of `ids` held in memory or whose sketch lets them reach `threshold` against a
        document of `vector` dated `day` (story_sketches): the rest could never take it."""
        postings = self.postings()
        sketched = [i for i in ids if i not in self.pending and i not in self.read and i not in self.cache
                    and self.sketches.get(i) is not None]
        if not sketched:
            return ids
        bounds = DocumentBuckets(vector).bounds([self.sketches[i] for i in sketched])
        spans, numbers = postings.spans, postings.numbers
        out = set()
        for story_id, bound in zip(sketched, bounds.tolist()):
            at = 2 * numbers[story_id]
            factor = days_factor(day, day, spans[at] or None, spans[at + 1] or None) if day is not None else 1.0
            if not could_clear(bound, factor, threshold):
                out.add(story_id)
        return [i for i in ids if i not in out]

    def stories(self, ids: list[str]) -> dict[str, StoryVector]:
        self.prefetch(ids)
        return {i: self._held(i) for i in ids}

    def missing(self, ids: list[str]) -> list[str]:
        return [i for i in ids if i not in self.pending and i not in self.read and i not in self.cache]

    def prefetch(self, ids: list[str]) -> None:
        missing = self.missing(ids)
        if missing:
            self.read.update(self.store.stories_by_id(missing))

    def _held(self, story_id: str) -> StoryVector | None:
        story = self.pending.get(story_id) or self.read.get(story_id)
        if callable(story):
            story = self.read[story_id] = decoded(story)
        elif story is None and story_id in self.cache:
            story = self.cache[story_id][0]
        return story

    def record(self, story: StoryVector) -> None:
        self.postings().update(story)
        self.pending[story.id] = story

    def forget(self, story_id: str) -> None:
        self.postings().remove(story_id)
        self.pending.pop(story_id, None)
        self.read.pop(story_id, None)
        self.sketches.pop(story_id, None)
        _, size = self.cache.pop(story_id, (None, 0))
        self.cached_terms -= size

    def written(self) -> None:
        for story in self.pending.values():
            story.new, story.doc_ids = False, []
        for story in [*self.read.values(), *self.pending.values()]:  # changed ones most recent
            if not callable(story):  # (read but never decoded: not kept; unchanged, its sketch holds)
                self._keep(story)
        self.read.clear()
        self.pending.clear()

    def _keep(self, story: StoryVector) -> None:
        _, before = self.cache.pop(story.id, (None, 0))
        self.cache[story.id] = (story, len(story.terms))
        self.cached_terms += len(story.terms) - before
        while self.cached_terms > self.CACHE_TERMS and len(self.cache) > 1:
            _, (gone, size) = self.cache.popitem(last=False)
            self.cached_terms -= size
            self.sketches[gone.id] = sketch(gone.terms, gone.n)  # no longer held: as it is stored


def decoded(call: Callable[[], StoryState]) -> StoryVector:
    """A stored story read by store.stories_by_id, decoded into the clusterer's working form."""
    return vector_of(call())


def vector_of(state: StoryState) -> StoryVector:
    """The clusterer's working form of a stored story."""
    terms, names = (state.terms, state.names) if state.names is not None else names_from_terms(state.terms)
    return StoryVector(state.id, terms, state.n, state.first_date, state.last_date,
                       countries=countries_from_text(state.countries), seq=state.seq, names=names)
