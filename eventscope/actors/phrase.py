"""Resolve an actor phrase ("Russian Defense Minister Igor Sergeyev") to country + sector.

Order of evidence: user dictionaries first; then, in the phrase's head (the part before
its first preposition), a known person or organisation; country from names, demonyms,
capitals and seats of government; sector from the strongest role word (see sectors.tsv for
the priorities). Prepositional parts ("of the Riigikogu", "in Denmark") fill what the head
lacks, except parts introduced by "to"/"against"/... which name someone else ("Ambassador
to the United Nations"). A town the lexicon lacks is looked up in the offline gazetteer
(head only). The context sentence is only a fallback for the country.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, NamedTuple

from eventscope.actors.gazetteer import standalone_place
from eventscope.knowledge.actor_lexicon import (
    DESCRIPTOR, GOVERNMENT_ROLE, NOT_AN_ACTOR, PLACE_KINDS, PLACE_PRIORITY, Entry, Lexicon, Match, Token, load_lexicon,
    tokenize,
)
from eventscope.actors.roles import choose_role, parse_date  # noqa: F401  parse_date re-exported
from eventscope.models import Actor, Evidence

if TYPE_CHECKING:
    from eventscope.knowledge.dictionaries import ActorDictionary

AFFILIATION = {"of", "in", "from", "at", "for", "within", "inside"}
ELSEWHERE = {"to", "against", "with", "toward", "towards", "on", "by", "near", "into", "over",
             "about", "after", "before", "during", "between", "among", "across", "than", "via"}
PREPOSITIONS = AFFILIATION | ELSEWHERE
DETERMINERS = {"the", "a", "an", "two", "three", "several", "some", "many", "its", "his", "her",
               "their", "this", "these", "those", "that", "and", "&"}


# "More than 300 Indians", "at least 74 civilians": a count, not a comparison with someone
_QUANTIFIER = re.compile(r"^(?:(?:more|fewer|less) than|at least|at most|up to|nearly|almost|about|"
                         r"around|roughly|some|over)\s+(?=\d|(?:a |one |two |three |several |dozens?|hundreds?|"
                         r"thousands?|tens|a few)\b)", re.IGNORECASE)


@dataclass
class Segment:
    prep: str  # the preposition that opens it; "" for the head
    start: int = 0  # token index where it begins
    matches: list[Match] = field(default_factory=list)


def _plausible(toks: list[Token], matches: list[Match]) -> list[Match]:
    """Drop matches that are really parts of an unknown name: a person alias written in
    lowercase ("car-borne"), a town right after a capitalised word ("Feliciano Valencia",
    "Al-Sabah") and a pronoun before one ("He Zhihua")."""
    covered = {i for m in matches for i in range(m.start, m.end)}

    def name_word(i: int) -> bool:
        return 0 <= i < len(toks) and i not in covered and toks[i].text[:1].isupper() \
            and toks[i].norm not in DETERMINERS

    kept = []
    for m in matches:
        best = m.best
        if best.kind == "person" and not toks[m.end - 1].text[:1].isupper():
            continue
        if best.kind in ("city", "region") and name_word(m.start - 1):
            continue
        if best.kind == "sector" and best.priority == NOT_AN_ACTOR and name_word(m.end):
            continue
        kept.append(m)
    return kept


def _segments(toks: list[Token], matches: list[Match]) -> list[Segment]:
    covered = {i for m in matches for i in range(m.start, m.end)}
    bounds: list[tuple[int, str]] = [(0, "")]
    for i, tok in enumerate(toks):
        if i and i not in covered and tok.norm in PREPOSITIONS:
            bounds.append((i, tok.norm))
    segments = [Segment(prep, start) for start, prep in bounds]
    for m in matches:
        index = max(k for k, (start, _) in enumerate(bounds) if start <= m.start)
        segments[index].matches.append(m)
    return segments


def _roles(seg: Segment) -> list[tuple[Entry, int]]:
    """(entry, position) for every match in the segment that can carry a sector."""
    out = []
    for m in seg.matches:
        best = m.best
        if best.kind in ("sector", "capital", "seat", "city") and (best.sector or best.leads):
            out.append((best, m.start))
    return out


def _strongest(roles: list[tuple[Entry, int]]) -> Entry | None:
    with_sector = [(e, pos) for e, pos in roles if e.sector]
    if not with_sector:
        return None
    return max(with_sector, key=lambda r: (r[0].priority, r[1]))[0]


def _person_name(text: str, toks: list[Token], matches: list[Match], head_end: int) -> str | None:
    """An unknown person's name: capitalised words next to a title or description
    ("Minister Juan Jobet", "Ali Kushayb, a Sudanese militia leader"); "Thousands of Myanmar
    nationals" has none."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    if not covered:
        return None
    runs: list[list[int]] = [[]]
    for i, tok in enumerate(toks[:head_end]):
        name_like = tok.text[:1].isupper() and not (tok.text.isupper() and len(tok.text) > 1)
        if i in covered or not name_like or tok.norm in DETERMINERS:
            runs.append([])
        else:
            runs[-1].append(i)
    for run in reversed([r for r in runs if r]):
        after = run[-1] + 1
        while after < len(toks) and toks[after].norm in DETERMINERS:
            after += 1
        if run[0] - 1 in covered or after in covered:
            words = text.split()
            indexes = sorted({toks[i].index for i in run})
            return " ".join(words[i].strip(",;:()\"") for i in indexes)
    return None


@lru_cache(maxsize=256)  # every role word of a sentence asks about the same sentence
def _places_in(lex: Lexicon, context: str) -> tuple[list[Token], list[Match]]:
    toks = tokenize(context)
    return toks, [m for m in lex.scan(toks) if m.best.kind in PLACE_KINDS and m.best.country]


def _context_country(lex: Lexicon, phrase: str, context: str | None) -> tuple[str | None, Evidence | None]:
    """A country named in the context sentence: the mention nearest the phrase, else the first."""
    if not context:
        return None, None
    toks, places = _places_in(lex, context)
    if not places:
        return None, None
    anchor = context.lower().find(phrase.lower().strip())
    if anchor >= 0:
        at = len(context[:anchor].split())
        nearest = min(places, key=lambda m: abs(toks[m.start].index - at))
    else:
        nearest = places[0]
    return nearest.best.country, _lexicon_evidence("country", "context", nearest.best.source)


def resolve_phrase(text: str, context: str | None = None, date: str | None = None,
                   dictionaries: ActorDictionary | None = None, *, gazetteer: bool = True,
                   borrow_country: bool = True) -> Actor:
    """Resolve one actor string; country/sector are None when unknown. `gazetteer=False`
    keeps unknown words from being read as towns (for a phrase the parser tagged a person).
    `borrow_country=False`: a role without a country stays without one instead of taking
    the country named nearest in `context` (a document knows better: actors.mentions)."""
    when = parse_date(date) if date and date.strip() else None
    phrase = _QUANTIFIER.sub("", " ".join(text.split()))
    if dictionaries is not None:
        hit = dictionaries.lookup(phrase, when.isoformat() if when else None)
        if hit is not None:
            if dictionaries.is_null(hit) or (hit.country and hit.sector):
                return hit
            builtin = resolve_phrase(phrase, context, date, gazetteer=gazetteer, borrow_country=borrow_country)
            hit.country = hit.country or builtin.country
            hit.sector = hit.sector or builtin.sector
            return hit
    if context is None and when is None:  # a lone word, asked for over and over ("officials")
        return copy.copy(_resolve_alone(phrase, gazetteer))
    return _resolve_builtin(phrase, context, when, load_lexicon(), gazetteer, borrow_country)


@lru_cache(maxsize=4096)  # single words: a few thousand cover a corpus
def _resolve_alone(phrase: str, gazetteer: bool) -> Actor:
    return _resolve_builtin(phrase, None, None, load_lexicon(), gazetteer)


class _Reading(NamedTuple):
    """What a phrase says by itself; the sentence may still lend a country (see `_resolve_builtin`)."""
    name: str
    country: str | None
    sector: str | None
    role_sector: str | None  # the sector before "former" made it ELI: decides whether to borrow a country
    entity: bool  # the phrase names a known person or organisation
    evidence: tuple[Evidence, ...]
    tail: tuple[Evidence, ...]  # evidence written after any borrowed country


def _resolve_builtin(phrase: str, context: str | None, when: dt.date | None,
                     lex: Lexicon, gazetteer: bool = True, borrow_country: bool = True) -> Actor:
    # Most phrases read the same in every sentence and on every date ("officials", "Iran",
    # "the Kremlin"): their reading is cached and only the country-from-context step runs per
    # mention. A known person (roles have dates), or an entity with namesakes in several
    # countries, is read with its document's date and sentence.
    reading = _timeless_reading(phrase, gazetteer) if lex is load_lexicon() else None
    if reading is None:
        reading = _reading(phrase, lex, gazetteer, lambda: when,
                           lambda: {m.best.country for m in lex.scan(tokenize(context or ""))})
    country, evidence = reading.country, list(reading.evidence)
    hint = context is not None and len(context.split()) <= 3  # "Mexico", "Saudi"
    if borrow_country and country is None and not reading.entity and (
            hint or reading.role_sector not in (None, "UNK", "JNK")):
        # a role without a country ("Defense Minister") borrows one from its sentence; an
        # unknown name only from a short country hint
        country, note = _context_country(lex, phrase, context)
        if note:
            evidence.append(note)
    return Actor(name=reading.name, country=country, sector=reading.sector, text=phrase,
                 evidence=tuple(evidence) + reading.tail)


class _NeedsDocument(Exception):
    """The reading depends on the document's date or the mention's sentence."""


@lru_cache(maxsize=1024)  # bounded, and small: RSS stays flat however long the run
def _timeless_reading(phrase: str, gazetteer: bool) -> _Reading | None:
    def ask() -> None:
        raise _NeedsDocument

    try:
        return _reading(phrase, load_lexicon(), gazetteer, ask, ask)
    except _NeedsDocument:
        return None


def _reading(phrase: str, lex: Lexicon, gazetteer: bool, when: Callable[[], dt.date | None],
             context_countries: Callable[[], set[str | None]]) -> _Reading:
    """The phrase's own reading. `when` (the document's date) is called only for a known
    person, whose role depends on it; `context_countries` (the countries its sentence names)
    only to choose between an entity's roles or namesakes in different countries."""
    toks = tokenize(phrase)
    matches = _plausible(toks, lex.scan(toks))
    segments = _segments(toks, matches)
    head, affil = segments[0], [s for s in segments[1:] if s.prep in AFFILIATION]
    evidence: list[Evidence] = []

    def entity_in(seg: Segment) -> Match | None:
        found = [m for m in seg.matches if m.best.kind in ("person", "org")]
        return max(found, key=lambda m: (m.best.kind == "person", m.end - m.start)) if found else None

    def countries_for(entries: list[Entry]) -> set[str | None]:
        # the sentence only matters when the candidates differ in country
        if len({e.country for e in entries}) > 1:
            return phrase_countries | context_countries()
        return phrase_countries

    entity = entity_in(head)
    head_roles = _roles(head)
    role = _strongest(head_roles)
    head_leads = any(e.leads for e, _ in head_roles) or role is None or role.priority == NOT_AN_ACTOR
    if entity is None and head_leads:
        for seg in affil:  # "members of SANDF", "president of the Riigikogu"
            if (found := entity_in(seg)) and (found.best.sector or role is None):
                entity = found
                break

    name, country, sector, sector2, former = phrase, None, None, None, False
    if entity is not None:
        phrase_countries = {m.best.country for m in matches if m.best.kind in PLACE_KINDS}
        if entity.best.kind == "person":
            people = [e for e in entity.entries if e.kind == "person"]
            chosen, former = choose_role(people, when(), countries_for(people))
        else:
            orgs = [e for e in entity.entries if e.kind == "org"]
            countries = countries_for(orgs)
            chosen = next((e for e in orgs if e.country in countries), orgs[0])
        name, country = chosen.name, chosen.country
        last_word = phrase.split()[toks[entity.end - 1].index]
        if not last_word.endswith(",") and any(
                m.start == entity.end and toks[m.start].index == toks[entity.end - 1].index + 1
                and m.best.kind == "sector" and m.best.priority for m in head.matches):
            name = phrase  # the entity only modifies the head: "the Clinton administration"
        sector, sector2 = ("ELI", chosen.sector) if former else (chosen.sector, chosen.sector2)
        evidence.append(_lexicon_evidence("name", chosen.kind, chosen.source))
        if chosen.role:
            evidence.append(Evidence("lexicon", chosen.role, "role", chosen.source, qualifier="former" if former else ""))
        # a title in the phrase describes the person at the time of writing
        explicit = role is not None and role.priority >= DESCRIPTOR
        if explicit and chosen.kind == "person" \
                and {role.sector, role.sector2} == {chosen.sector, chosen.sector2}:
            # the text gives the person this office, so not "former"; and the person's own
            # reading of it wins (an officer serving as defence minister stays MIL)
            explicit = False
            sector, sector2 = chosen.sector, chosen.sector2
            evidence[:] = [replace(e, qualifier="") if e.decides == "role" else e for e in evidence]
        if chosen.kind == "person" and explicit or chosen.kind == "org" and not chosen.sector \
                and role is not None and role.priority >= GOVERNMENT_ROLE:
            sector, sector2 = role.sector, role.sector2
            evidence.append(_lexicon_evidence("sector", "sector", role.source))
    else:
        if role is None or head_leads:  # "chairman of the company's board"
            for seg in affil:
                if (inner := _strongest(_roles(seg))) and (role is None or inner.priority > PLACE_PRIORITY):
                    role = inner
                    break
        if role is not None:
            sector, sector2 = role.sector, role.sector2
            evidence.append(_lexicon_evidence("sector", role.kind, role.source))
        places = [m for m in matches if m.best.kind in PLACE_KINDS]
        if len(places) == 1 and len(matches) == 1 and all(
                t.norm in DETERMINERS for i, t in enumerate(toks)
                if not places[0].start <= i < places[0].end):
            name = places[0].best.name  # the phrase is just a place: "Tehran", "Brasilia"
            evidence.append(_lexicon_evidence("name", places[0].best.kind, places[0].best.source))
        elif person := _person_name(phrase, toks, matches,
                                              segments[1].start if len(segments) > 1 else len(toks)):
            name = person

    if country is None:
        for seg in [head, *affil]:
            place = next((m for m in seg.matches if m.best.kind in PLACE_KINDS + ("org",)
                          and m.best.country), None)
            if place is not None:
                country = place.best.country
                evidence.append(_lexicon_evidence("country", place.best.kind, place.best.source))
                break
    if country is None and entity is None and gazetteer:
        head_end = segments[1].start if len(segments) > 1 else len(toks)
        country, town = _gazetteer_country(toks, matches, head_end, evidence)
        name = town or name  # a small town alone gives a country but no sector
    role_sector, tail = sector, []
    if any(m.best.kind == "sector" and m.best.sector == "ELI" for m in head.matches):
        sector2, sector = sector if sector != "ELI" else sector2, "ELI"  # "former", "retired"
        tail.append(Evidence("lexicon", "modifier:former", "sector"))
    if sector2:
        tail.append(Evidence("lexicon", sector2, "sector2"))
    return _Reading(name, country, sector, role_sector, entity is not None, tuple(evidence), tuple(tail))


def _gazetteer_country(toks: list[Token], matches: list[Match], head_end: int,
                       evidence: list[Evidence]) -> tuple[str | None, str | None]:
    """(country, town) for a town the lexicon lacks, from the offline gazetteer ("Puerto
    Penasco", "Dehli police"). Only the head is read: a small town in a prepositional part
    ("searchers of ...") says where, not who."""
    taken = {i for m in matches for i in range(m.start, m.end)} | set(range(head_end, len(toks)))
    found = standalone_place(toks, taken)
    if found is None:
        return None, None
    start, end, place = found
    evidence.append(_lexicon_evidence("country", "city", "gazetteer.tsv"))
    if all(t.norm in DETERMINERS for i, t in enumerate(toks) if not start <= i < end):
        evidence.append(_lexicon_evidence("name", "city", "gazetteer.tsv"))  # the phrase is just the town
        return place.country, place.name
    return place.country, None


def resolve_country(text: str) -> str | None:
    """The country (ISO3 or class code) a phrase names, without sector or context."""
    lex = load_lexicon()
    for m in lex.scan(tokenize(text)):
        if m.best.kind in PLACE_KINDS + ("org", "person") and m.best.country:
            return m.best.country
    return None


def _lexicon_evidence(decides: str, kind: str, source: str) -> Evidence:
    """A lexicon entry of `kind` (person, city, sector, ...) at `source` settled `decides`."""
    return Evidence("lexicon", f"{kind}:{source}", decides, source)


def evidence_fields(actor: Actor) -> dict[str, str]:
    """What settled each attribute (name, country, sector, sector2, role), as shown."""
    fields: dict[str, str] = {}
    for e in actor.evidence:
        if e.decides and e.value:
            fields.setdefault(e.decides, f"{e.qualifier} {e.value}" if e.qualifier else e.value)
    return fields
