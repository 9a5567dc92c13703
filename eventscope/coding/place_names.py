"""Place names -> GeoNames places, weighed by what the document says (coding.places finds
the names; this module says which place each one is).

A name is weighed against every place it may stand for (lexicon capitals/regions, GeoNames
towns, countries and US states) by population and by how much the document talks about each
place's country, so "Hyderabad" is in Pakistan in a story about Pakistan. No network at run
time.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from eventscope.knowledge.place_words import place_words
from eventscope.models import DocumentResult, Location

PRECISION = {"capital": "city", "city": "city", "seat": "city", "country": "country", "region": "region"}
# A place's score: log10 of its population, plus these for what the document says.
IN_DOCUMENT = 2.0  # the place's country is named in the document
SHARE_WEIGHT = 3.0  # ... times the share of the document's country mentions it has
LEXICON_CHOICE = 1.0  # the curated lexicon's reading of a name (capital, country) over a namesake
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# "MOSCOW (Reuters) -", "KABUL, Afghanistan -", "WASHINGTON, Oct. 2 (AP) --"
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'\- ]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.'\- ]{1,30}?))?"
                      r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,30}\))?\s*"
                      r"(?:-{1,2}|\u2013|\u2014|:)\s")
NAMESAKE_POPULATION = 100_000  # a smaller town of a country a story about another never names is a namesake
COVERED_SHARE = 2  # a story is about a country when it names it twice as often as any other,
COVERED_MIN = 3  # and at least three times


@dataclass
class PlaceContext:
    """What the whole document says about places: its countries, its dateline."""

    countries: Counter = field(default_factory=Counter)  # ISO3 -> mentions
    dateline: Location | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, ISO3) of actors

    @classmethod
    def of(cls, result: DocumentResult) -> PlaceContext:
        place, region, end = _dateline(result.document)
        mentions = [(a.start, a.end, a.country) for a in result.actors  # (a dateline is no actor)
                    if a.country and len(a.country) == 3 and a.country.isalpha() and a.start >= end]
        context = cls(Counter(c for _, _, c in mentions), mentions=mentions)
        if place:
            where = resolve(place.title(), context, strict=False)
            if where is not None and where.country and region:
                within = resolve(region, PlaceContext(), strict=False)
                if within is not None and within.country and within.country != where.country:
                    where = resolve(place.title(), PlaceContext(Counter({within.country: 1})))
            if where is not None and where.country:
                context.dateline = Location(**{**where.__dict__, "evidence": "dateline"})
                context.countries[where.country] += 1
        return context

    def without(self, start: int, end: int) -> PlaceContext:
        """The context less the actor mentions inside [start, end): a place name read as an
        actor ("Hyderabad" coded as India) must not vote for its own reading."""
        inside = Counter(c for s, e, c in self.mentions if start <= s and e <= end)
        return PlaceContext(self.countries - inside, self.dateline) if inside else self

    def covered_country(self) -> str | None:
        """The country the document is about: at least COVERED_SHARE times as many of its
        actor mentions belong to it as to any other, and at least COVERED_MIN."""
        top = self.countries.most_common(2)
        if not top or top[0][1] < COVERED_MIN or len(top) == 2 and top[0][1] < COVERED_SHARE * top[1][1]:
            return None
        return top[0][0]

    def score(self, country: str | None) -> float:
        if not country or country not in self.countries:
            return 0.0
        return IN_DOCUMENT + SHARE_WEIGHT * self.countries[country] / sum(self.countries.values())


def _dateline(document) -> tuple[str | None, str | None, int]:
    """(place, region, where the body starts) of the document's dateline: read by ingest
    (which takes it out of the text, `Document.dateline`), else still at the start of the
    text (records, old stores)."""
    if document.dateline:
        place, _, region = document.dateline.partition(",")
        return place.strip(), region.strip() or None, 0
    match = DATELINE.match(document.text[:120])
    return (match["place"], match["region"], match.end()) if match else (None, None, 0)


def resolve(text: str, context: PlaceContext | None = None, strict: bool = False,
            within: Location | None = None) -> Location | None:
    """A place name -> its most likely Location given the document; None when nothing fits.
    `strict`: a one-word name must be a sizeable town (the words were not tagged a place).
    `within`: the region or country the text says it lies in ("Alexandria, Virginia")."""
    from eventscope.actors.gazetteer import ONE_WORD_POPULATION, load_gazetteer

    context = context or PlaceContext()
    name = " ".join(text.split())
    name = name[4:] if name.lower().startswith("the ") else name
    if not name:
        return None
    gaz = load_gazetteer()
    scored: list[tuple[float, int, Location]] = []
    readings = _lexicon_readings(name)
    if readings is None:  # a region of several countries
        return None
    for rank, (where, population) in enumerate(readings):
        scored.append((math.log10(population + 10) + LEXICON_CHOICE + context.score(where.country), -rank, where))
    covered = context.covered_country()
    for rank, place in enumerate(gaz.candidates(name), len(scored)):
        if strict and " " not in name and place.kind == "city" and place.population < ONE_WORD_POPULATION:
            continue
        if covered and place.country not in context.countries and place.kind == "city" \
                and place.population < NAMESAKE_POPULATION and within is None:
            continue  # "Bethany" in a story about Guyana is no small town of Oregon
        scored.append((math.log10(place.population + 10) + context.score(place.country), -rank,
                       _location(place)))
    if within is not None:  # only places inside it, when any are
        inside = [c for c in scored if c[2].country == within.country
                  and (within.precision != "region" or not within.admin1 or c[2].admin1 == within.admin1)]
        scored = inside or scored
    if not scored:
        return _within_named_country(name)
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def _lexicon_readings(name: str) -> list[tuple[Location, int]] | None:
    """The actor lexicon's places for a whole name, with GeoNames fields where they match;
    None for a region of several countries (CAMEO's EUR, WAF, ASA)."""
    from eventscope.actors.gazetteer import load_gazetteer
    from eventscope.knowledge.actor_lexicon import tokenize
    from eventscope.knowledge.actor_files import load_lexicon

    toks = tokenize(name)
    matches = load_lexicon().scan(toks)
    if not (len(matches) == 1 and matches[0].end - matches[0].start == len(toks)):
        return []
    gaz = load_gazetteer()
    out = []
    for entry in matches[0].entries:
        if entry.kind not in PRECISION or not entry.country or len(entry.country) != 3:
            continue
        if entry.kind == "region" and gaz.area(entry.country) is None:
            return None  # "West Africa", "Asia": no one country, and no town namesake
        if entry.kind == "country":
            area = gaz.area(entry.country)
            if area is not None:
                out.append((Location(name, entry.country, None, area.geonameid, area.lat, area.lon, "country"),
                            area.population))
            continue
        town = entry.name if entry.kind != "seat" else capitals().get(entry.country, entry.name)
        place = next((p for p in gaz.candidates(town) if p.country == entry.country), None)
        if place is not None:
            where = _location(place)
            out.append((where, place.population))
        else:  # a region the lexicon knows and GeoNames (towns, US states) does not
            out.append((Location(entry.name, entry.country, precision=PRECISION[entry.kind]), 0))
    return out


def _within_named_country(name: str) -> Location | None:
    """'the outskirts of Kabul', 'northern Syria': not a place of its own, but in a country; the
    other words must be qualifiers ('Las Vegas Sands' is a company, not a part of Las Vegas)."""
    from eventscope.knowledge.actor_lexicon import PLACE_KINDS, tokenize
    from eventscope.knowledge.actor_files import load_lexicon

    toks = tokenize(name)
    for m in load_lexicon().scan(toks):
        entry = next((e for e in m.entries if e.kind in PLACE_KINDS and e.country and len(e.country) == 3
                      and _country_area(e.country) is not None), None)
        rest = toks[:m.start] + toks[m.end:]
        if entry is None or not all(t.norm in place_words()["qualifier"] for t in rest):
            continue
        town = town_named(" ".join(t.text for t in toks[m.start:m.end]), entry.country) \
            if entry.kind in {"city", "capital"} else None
        if town is not None and any(t.norm in place_words()["area_qualifier"] for t in rest):
            # "rural Idlib", "the outskirts of Kabul": around the town, in its region
            return Location(name, entry.country, town.admin1, None, town.lat, town.lon, "region")
        if town is not None:  # "Aleppo city", "western Aleppo", "downtown Beirut": in the town
            return town
        return Location(name, entry.country, precision="region" if entry.kind != "country" else "country")
    return None


def town_named(text: str, country: str) -> Location | None:
    """The town of `country` a phrase names ("Alexandria's police chief", "Moscow police"), or None."""
    from eventscope.knowledge.actor_lexicon import tokenize
    from eventscope.knowledge.actor_files import load_lexicon

    toks = tokenize(text)
    for m in load_lexicon().scan(toks):
        if any(e.kind in {"city", "capital"} and e.country == country for e in m.entries):
            where = resolve(" ".join(t.text for t in toks[m.start:m.end]), PlaceContext(Counter({country: 1})))
            if where is not None and where.country == country and where.precision == "city":
                return where
    return None


def _capital_of(demonym: str, evidence: str) -> Location | None:
    """'the Rwandan capital' -> Kigali."""
    from eventscope.knowledge.actor_lexicon import tokenize
    from eventscope.knowledge.actor_files import load_lexicon

    toks = tokenize(demonym)
    for m in load_lexicon().scan(toks):
        entry = next((e for e in m.entries if e.kind in {"demonym", "country"} and e.country), None)
        if entry is not None:
            return capital_city(entry.country, evidence)
    return None


def capital_city(country: str | None, evidence: str = "") -> Location | None:
    """The capital of an ISO3 country (countries.tsv) as a GeoNames town, or None."""
    if country not in capitals():
        return None
    where = resolve(capitals()[country], PlaceContext(Counter({country: 1})))
    return replace(where, evidence=evidence) if where is not None and where.country == country else None


@lru_cache(maxsize=512)
def _country_area(country: str) -> Location | None:
    from eventscope.actors.gazetteer import load_gazetteer

    area = load_gazetteer().area(country)
    return None if area is None else Location(area.name, country, None, area.geonameid or None,
                                              area.lat, area.lon, "country")


def _location(place) -> Location:
    return Location(place.name, place.country, place.admin1 or None, place.geonameid or None,
                    place.lat, place.lon, "city" if place.kind == "city" else place.kind)


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO3 -> capital (countries.tsv), where a seat of government ("the Kremlin") lies."""
    from eventscope.knowledge.tsv import ACTOR_DATA, read_tsv, split_list

    return {row["iso3"]: split_list(row["capital"])[0] for _, row in read_tsv(ACTOR_DATA / "countries.tsv")
            if row["capital"]}


def resolve_place(text: str) -> tuple[str, str | None]:
    """A place name -> (name, country) with no document context: "Moskva" -> ("Moscow", "RUS");
    an unknown name keeps its text and has no country."""
    where = resolve(text)
    return (where.name, where.country) if where is not None else (" ".join(text.split()), None)


