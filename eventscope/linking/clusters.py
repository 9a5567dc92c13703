"""Streaming story clustering: documents join stories one at a time, in input order.

A story keeps the *sum* S of its members' unit tf-idf vectors and its size n, so a
document's average-linkage similarity to a story (the mean cosine with its members) is
dot(S, v) / n. It is faded by how far apart the dates lie and by the story and document
naming different countries (the same kind of event elsewhere is another story). A
document joins its most similar candidate story that clears the threshold and that it is
`compatible` with (an established story's defining name missing while the document brings
a full name of its own is another event of the same kind: another boxer's title fight,
another player's arrest), else starts a new story. Because every document is placed alone, against the stories as they
stand after the documents before it, the result does not depend on how a stream is cut
into batches: a resumed run forms the same stories as a clean one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date as Date

DEFAULT_THRESHOLD = 0.13  # mean pairwise cosine to join; README "Stories" has the sweep
DATE_GRACE_DAYS = 30  # reports of one story can run for months; past this gap, similarity fades
DATE_FLOOR = 0.6  # ... to this share a year on, so a follow-up months later can still join
YEARS_FLOOR = 0.1  # ... and further, to this share three years on: the same kind of event years
# apart (missile launches, sanctions) is another story, however alike the words
COUNTRY_MISMATCH = 0.5  # story and document each name countries, none in common
MAX_TERMS = 500  # terms kept per story sum (the rest carry little weight)
# The compatibility check (`compatible`); README "Stories" has how these were chosen.
ESTABLISHED = 8  # members a story needs before its names can turn a document away
DEFINING_SHARE = 0.8  # a name this share of its members use defines the story
COHESION_SHARE = 0.8  # ... and only a document less like the story than its members are
MAX_NAMES = 200  # names counted per story (the most used; under a fifth of a full vector in bytes)
NAME_KEY = "="  # a story's name counts travel with its terms under this prefix (store.links)


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
    countries: dict[str, int] = field(default_factory=dict)  # ISO3 -> members naming it
    seq: int = 0  # the stream position (documents so far) of its last change
    names: dict[str, int] = field(default_factory=dict)  # name -> members using it

    def add(self, doc_id: str, vector: dict[str, float], day: str | None, countries,
            names=frozenset()) -> None:
        for term, value in vector.items():
            self.terms[term] = self.terms.get(term, 0.0) + value
        self.n += 1
        self.first_date, self.last_date = _span([self.first_date, self.last_date, day])
        for country in countries:
            self.countries[country] = self.countries.get(country, 0) + 1
        for name in sorted(names):  # in order: the stored JSON must not depend on the hash seed
            if name[0] != "*":
                self.names[name] = self.names.get(name, 0) + 1
        self.doc_ids.append(doc_id)
        self.truncated()

    def absorb(self, other: StoryVector) -> None:
        """Take in every member of `other` (a story found to tell the same event)."""
        for term, value in other.terms.items():
            self.terms[term] = self.terms.get(term, 0.0) + value
        self.n += other.n
        self.first_date, self.last_date = _span([self.first_date, self.last_date, other.first_date, other.last_date])
        for country, k in other.countries.items():
            self.countries[country] = self.countries.get(country, 0) + k
        for name, k in sorted(other.names.items()):
            self.names[name] = self.names.get(name, 0) + k
        self.doc_ids.extend(other.doc_ids)
        self.truncated()

    def truncated(self) -> StoryVector:
        if len(self.terms) > MAX_TERMS:
            keep = sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
            self.terms = dict(keep)
        if len(self.names) > MAX_NAMES:
            self.names = dict(sorted(self.names.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NAMES])
        return self

    def cohesion(self) -> float:
        """Mean cosine between two of its members: |S|^2 = n + the sum of their pairwise cosines."""
        if self.n < 2:
            return 1.0
        square = sum(v * v for v in self.terms.values())
        return (square - self.n) / (self.n * (self.n - 1))


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


def day_number(value: str | None) -> int | None:
    parsed = _parse(value)
    return parsed.toordinal() if parsed else None


def date_factor(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> float:
    """1 where two (first, last) date ranges overlap or lie within DATE_GRACE_DAYS; fading to
    DATE_FLOOR a year beyond that and to YEARS_FLOOR three years on; 1 when either is undated."""
    return days_factor(day_number(a[0]), day_number(a[1] or a[0]), day_number(b[0]), day_number(b[1] or b[0]))


def days_factor(a0: int | None, a1: int | None, b0: int | None, b1: int | None) -> float:
    """`date_factor` of two ranges given as day ordinals (None: undated)."""
    if None in (a0, a1, b0, b1):
        return 1.0
    gap = max(b0 - a1, a0 - b1, 0) - DATE_GRACE_DAYS
    if gap <= 0:
        return 1.0
    if gap <= 365:
        return 1.0 - (1.0 - DATE_FLOOR) * gap / 365.0
    return max(YEARS_FLOOR, DATE_FLOOR - (DATE_FLOOR - YEARS_FLOOR) * (gap - 365) / 730.0)


def out_of_reach(day: int | None, first: int | None, last: int | None, threshold: float) -> bool:
    """Whether the dates alone keep a document dated `day` under `threshold` against a story
    spanning `first`..`last` (day ordinals): its similarity is a mean cosine (at most 1) times
    the date and country factors (each at most 1), so a date factor under the threshold (a gap
    of about three years at 0.13) rules the story out before it is read. The margin keeps a
    rounding of the cosine above 1 from ruling out a story that could join."""
    return days_factor(day, day, first, last) * (1.0 + 1e-9) < threshold


def country_factor(story: dict[str, int], doc: set[str] | frozenset[str]) -> float:
    """COUNTRY_MISMATCH when both name countries and share none; 1 otherwise."""
    if not story or not doc or any(c in story for c in doc):
        return 1.0
    return COUNTRY_MISMATCH


def mean_cosine(vector: dict[str, float], story: StoryVector) -> float:
    terms = story.terms
    dot = 0.0
    for term, value in vector.items():
        weight = terms.get(term)
        if weight is not None:
            dot += value * weight
    return dot / story.n


def similarity(vector: dict[str, float], day: str | None, countries, story: StoryVector) -> float:
    """Mean cosine of a document with a story's members, faded by dates and countries."""
    return (mean_cosine(vector, story) * date_factor((day, day), (story.first_date, story.last_date))
            * country_factor(story.countries, countries))


def story_similarity(a: StoryVector, b: StoryVector) -> float:
    """Mean cosine between a member of `a` and a member of `b` (average linkage), faded by
    dates and countries as a document's similarity is."""
    small, large = (a, b) if len(a.terms) <= len(b.terms) else (b, a)
    dot = 0.0
    for term, value in small.terms.items():
        weight = large.terms.get(term)
        if weight is not None:
            dot += value * weight
    return (dot / (a.n * b.n) * date_factor((a.first_date, a.last_date), (b.first_date, b.last_date))
            * country_factor(_main_countries(a), _main_countries(b)))


def _main_countries(story: StoryVector) -> dict[str, int]:
    """The countries at least half of a story's members name: one report that names another
    country too (a coup "after Mali's") does not make two countries' stories one."""
    return {c: k for c, k in story.countries.items() if 2 * k >= story.n}


def mergeable(a: StoryVector, b: StoryVector, threshold: float) -> bool:
    """Whether two young stories that one document joins both tell one event: neither has
    more than ESTABLISHED members (an established story's names guard it, `compatible`) and
    a member of one is on average as like a member of the other as a document must be to
    join a story (`story_similarity` >= the joining threshold)."""
    return max(a.n, b.n) <= ESTABLISHED and story_similarity(a, b) >= threshold


def compatible(vector: dict[str, float], names: frozenset[str], story: StoryVector) -> bool:
    """False when the document tells another event of the story's kind: the story is
    established (ESTABLISHED members), a name nearly all of them use (DEFINING_SHARE) is
    nowhere in the document, the document has a full name whose last word no member ever
    used ("Tony Thompson" against a story of Klitschko-Rahman reports), and the document is
    less like the story than its members are to one another (COHESION_SHARE of their mean
    cosine). Words alone cannot tell these apart: they share the kind, the venue, the verbs."""
    if story.n < ESTABLISHED:
        return True
    floor = DEFINING_SHARE * story.n
    if not any(k >= floor and name not in names and name not in vector for name, k in story.names.items()):
        return True
    if not any(name[0] == "*" and name[1:] not in story.names for name in names):
        return True
    return mean_cosine(vector, story) >= COHESION_SHARE * story.cohesion()


def names_into_terms(terms: dict[str, float], names: dict[str, int]) -> dict[str, float]:
    """A story's terms with its name counts under NAME_KEY, as the store keeps them."""
    return {**terms, **{NAME_KEY + name: float(k) for name, k in names.items()}}


def names_from_terms(stored: dict[str, float]) -> tuple[dict[str, float], dict[str, int]]:
    terms, names = {}, {}
    for key, value in stored.items():
        if key.startswith(NAME_KEY):
            names[key[len(NAME_KEY):]] = int(value)
        else:
            terms[key] = value
    return terms, names


def countries_to_text(countries: dict[str, int]) -> str:
    return ",".join(f"{c}:{k}" for c, k in sorted(countries.items()))


def countries_from_text(text: str | None) -> dict[str, int]:
    out = {}
    for part in (text or "").split(","):
        country, _, k = part.partition(":")
        if country and k.isdigit():
            out[country] = int(k)
    return out


def _span(dates: list[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)
