"""Cheap document vectors for story linking: weighted terms of title + text.

Two kinds of features, both plain strings so they can be stored and inspected:
content words (lower-cased) and names (``@tara_reid``, ``@lohan``:
capitalised words that do not start a sentence, singly and joined as a phrase, plus
numbers such as "23" pirates). Names carry more weight because stories about the same
kind of happening (two rehab check-ins, two earthquakes) differ mostly by who and where.
No model, no spaCy: this runs on every document of a stream.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

# A token with the gap before it: the gap tells sentence starts and phrase breaks apart.
GAP_TOKEN = re.compile(r"([^A-Za-z0-9]*)([A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d)")
SENTENCE_END = frozenset(".!?:;\"'`|")
PHRASE_BREAK = frozenset(",()[]\n")
NAME_WEIGHT = 1.0
TITLE_WEIGHT = 2.0


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("eventscope.linking").joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip() and not w.startswith("#"))


def features(text: str, weight: float = 1.0) -> Counter:
    """Raw weighted counts of word and name features of one text."""
    stop = stopwords()
    counts: Counter = Counter()
    phrase: list[str] = []

    def close_phrase() -> None:
        if len(phrase) > 1:
            counts["@" + "_".join(phrase)] += weight * NAME_WEIGHT
        phrase.clear()

    first = True
    for gap, raw in GAP_TOKEN.findall(text):
        ends = gap.rstrip()
        sentence_start = first or (ends[-1:] in SENTENCE_END if ends else "\n" in gap)
        first = False
        if sentence_start or (gap.strip(" ") and not PHRASE_BREAK.isdisjoint(gap)):
            close_phrase()
        if raw[0].isdigit():
            close_phrase()
            if len(raw) <= 6:
                counts["#" + raw.replace(",", "")] += weight
            continue
        lower = raw.lower()
        if raw[0].isupper() and not sentence_start and lower not in stop and len(raw) > 1:
            phrase.append(lower)
        else:
            close_phrase()
        if lower in stop or len(lower) < 2:
            continue
        counts[lower] += weight
    close_phrase()
    return counts


def document_countries(text: str) -> frozenset[str]:
    """ISO3 codes of the countries a text names (countries, capitals, demonyms, cities and
    regions of the actor lexicon): two stories of one kind in different countries differ here."""
    from eventscope.knowledge.actor_lexicon import PLACE_KINDS, tokenize
    from eventscope.knowledge.actor_files import load_lexicon

    found = set()
    for match in load_lexicon().scan(tokenize(text)):
        entry = match.best
        if entry.kind in PLACE_KINDS and entry.country and len(entry.country) == 3 and entry.country.isalpha():
            found.add(entry.country)
    return frozenset(found)


def document_features(text: str, title: str | None = None) -> Counter:
    counts = features(text)
    if title:
        counts.update(features(title, TITLE_WEIGHT))
    return counts


BACKGROUND_DOCS = 300  # the background counts as this many documents of prior evidence
DOC_LENGTH = 500  # words per document, to turn a word's frequency into a document frequency


@lru_cache(maxsize=1)
def background() -> dict[str, float]:
    """Word -> share of documents that use it, from general English frequencies
    (data/background.tsv, built by tools/build_background.py)."""
    text = resources.files("eventscope.linking").joinpath("data/background.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines()[2:]:
        word, _, zipf = line.partition("\t")
        out[word] = 1.0 - math.exp(-DOC_LENGTH * 10.0 ** (float(zipf) - 9.0))
    return out


def tfidf(counts: Counter, df: dict[str, int], n_docs: int) -> dict[str, float]:
    """Sublinear tf times smoothed idf, L2-normalised; `df`/`n_docs` are the stream's counts,
    on top of a background of BACKGROUND_DOCS documents of general English (a new store
    already knows that "said" is common and "earthquake" is not)."""
    vector = {}
    prior = background()
    for term, tf in counts.items():
        idf = math.log((n_docs + BACKGROUND_DOCS + 1)
                       / (df.get(term, 0) + BACKGROUND_DOCS * prior.get(term, 0.0) + 1)) + 1.0
        vector[term] = (1.0 + math.log(tf)) * idf if tf >= 1 else tf * idf
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def cosine(a: dict[str, float], b: dict[str, float], b_norm: float | None = None) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    if b_norm is None:
        return dot
    return dot / b_norm if b_norm else 0.0


def document_names(text: str, title: str | None = None) -> frozenset[str]:
    """The names a text writes: every capitalised word inside a sentence, lower-cased (a
    sentence's first word only when the next word continues the name), plus ``*last`` for the
    last word of each name of two or more words ("Jamal Williams" -> *williams). Lines in
    headline case say nothing (every word capitalised), nor do shouted words ("A LARGE fire").
    The story clusterer compares these with the names a story's members use (clusters.py)."""
    stop = stopwords()
    out: set[str] = set()

    def close(phrase: list[tuple[str, bool]]) -> None:
        if len(phrase) > 1:
            out.add("*" + phrase[-1][0])
            out.update(word for word, _ in phrase)
        elif phrase and not phrase[0][1]:  # a lone capitalised first word is no evidence
            out.add(phrase[0][0])

    for line in ((title or "") + "\n" + text).split("\n"):
        tokens = GAP_TOKEN.findall(line)
        words = [raw for _, raw in tokens if raw[0].isalpha() and raw.lower() not in stop]
        if len(words) >= 2 and all(w[0].isupper() for w in words):
            continue
        phrase: list[tuple[str, bool]] = []
        first = True
        for gap, raw in tokens:
            ends = gap.rstrip()
            start = first or ends[-1:] in SENTENCE_END
            first = False
            lower = raw.lower()
            capital = (raw[0].isupper() and lower not in stop and len(raw) > 1
                       and (len(raw) <= 4 or not raw.isupper()))
            if start or not capital or (gap.strip(" ") and not PHRASE_BREAK.isdisjoint(gap)):
                close(phrase)
                phrase = []
            if capital:
                phrase.append((lower, start))
        close(phrase)
    return frozenset(out)
