"""The rule lemmatizer's word lists as sets.

spaCy's rule lemmatizer checks each candidate lemma against the model's ``lemma_index``
table: per part of speech, a list of known words (57,000 nouns). Membership in a list is a
linear scan, so every word the lemmatizer has not met before costs about 0.3 ms; over a
corpus that is most of the lemmatizer's time (0.6 s of 120 news articles). The same words
as sets answer the same questions in constant time: the lemmas are identical
(tests/test_analyze.py). The model's own tables are not touched: the lemmatizer gets a
copy of its lookups in which the lists are sets.

The lemmatizer also remembers the lemmas of every (word, part of speech, morphology) it has
met, for the life of the process: on real news that grows with every new word. `bound_cache`
keeps the most recently stored LEMMA_CACHE_SIZE of them (the oldest go first); the lemmas
are the same, only a word met again after that many others is lemmatized again.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.lookups import Lookups, Table

TABLE = "lemma_index"
LEMMA_CACHE_SIZE = 4_000  # about 1.2 MB (~300 bytes each); README "Memory" has the hit rates it keeps


class BoundedCache(dict):
    """A dict that forgets its oldest entry once it holds more than `size` (the lemmatizer
    only reads it with `in` and `[]` and writes it with `[] =`)."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        if len(self) > self.size:
            del self[next(iter(self))]


def bound_cache(nlp: Language, size: int = LEMMA_CACHE_SIZE) -> None:
    """Give the rule lemmatizer a cache of at most `size` entries."""
    if "lemmatizer" in nlp.pipe_names and isinstance(getattr(nlp.get_pipe("lemmatizer"), "cache", None), dict):
        nlp.get_pipe("lemmatizer").cache = BoundedCache(size)


def index_lemma_lists(nlp: Language) -> None:
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table(TABLE):
        return
    source = lookups.get_table(TABLE)
    if all(isinstance(words, (set, frozenset)) for words in source.values()):
        return
    copy = Lookups()
    for name in lookups.tables:
        if name != TABLE:
            copy.set_table(name, lookups.get_table(name))
    indexed = Table(name=TABLE)
    for key, words in source.items():  # keys are already string ids
        indexed[key] = frozenset(words)
    copy.set_table(TABLE, indexed)
    lemmatizer.lookups = copy
