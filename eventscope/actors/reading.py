"""What an actor phrase says by itself: the person, organisation, role words and places in it.

A phrase ("Russian Defense Minister Igor Sergeyev", "members of the Iranian parliament") is
split at its prepositions; its head (the part before the first one) decides who it is: a
known person or organisation (`entity_reading`), else its strongest role word
(`role_reading`; priorities in sectors.tsv). Prepositional parts ("of the Riigikogu", "in
Denmark") fill what the head lacks, except parts introduced by "to"/"against"/... which name
someone else. A town the lexicon lacks is looked up in the offline gazetteer (head only).
actors.phrase adds the user's dictionaries and the country a sentence lends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Callable, NamedTuple

from eventscope.actors.false_matches import DETERMINERS, plausible
from eventscope.actors.gazetteer import standalone_place
from eventscope.actors.roles import choose_role
from eventscope.knowledge.actor_lexicon import (
    DESCRIPTOR, GOVERNMENT_ROLE, NOT_AN_ACTOR, PLACE_KINDS, PLACE_PRIORITY, Entry, Lexicon, Match, Token, tokenize,
)
from eventscope.models import Evidence


AFFILIATION = {"of", "in", "from", "at", "for", "within", "inside"}
ELSEWHERE = {"to", "against", "with", "toward", "towards", "on", "by", "near", "into", "over",
             "about", "after", "before", "during", "between", "among", "across", "than", "via"}
PREPOSITIONS = AFFILIATION | ELSEWHERE
@dataclass
class Segment:
    prep: str  # the preposition that opens it; "" for the head
    start: int = 0  # token index where it begins
    matches: list[Match] = field(default_factory=list)


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
        words = text.split()
        # a name written before its description is set off by a comma ("Ali Kushayb, a
        # ... leader"); a capitalised word right before a role word is a modifier or part
        # of one name ("Angry protesters", "Seven soldiers", "Better Schools")
        apposed = after in covered and words[toks[run[-1]].index].endswith(",")
        if run[0] - 1 in covered or apposed:
            indexes = sorted({toks[i].index for i in run})
            return " ".join(words[i].strip(",;:()\"") for i in indexes)
    return None


class Reading(NamedTuple):
    """What a phrase says by itself; the sentence may still lend a country (see `_resolve_builtin`)."""
    name: str
    country: str | None
    sector: str | None
    role_sector: str | None  # the sector before "former" made it ELI: decides whether to borrow a country
    entity: bool  # the phrase names a known person or organisation
    evidence: tuple[Evidence, ...]
    tail: tuple[Evidence, ...]  # evidence written after any borrowed country


class ParsedPhrase(NamedTuple):
    """A phrase as tokens, the lexicon entries found in it, and its prepositional segments."""
    phrase: str
    toks: list[Token]
    matches: list[Match]
    segments: list[Segment]

    @property
    def head(self) -> Segment:  # the part before the first preposition
        return self.segments[0]

    @property
    def affiliations(self) -> list[Segment]:  # "of the Riigikogu", "in Denmark"
        return [s for s in self.segments[1:] if s.prep in AFFILIATION]

    @property
    def head_end(self) -> int:
        return self.segments[1].start if len(self.segments) > 1 else len(self.toks)


def parse_phrase(phrase: str, lex: Lexicon) -> ParsedPhrase:
    toks = tokenize(phrase)
    matches = plausible(toks, lex.scan(toks), phrase.replace("\u00a0", " ").split())
    return ParsedPhrase(phrase, toks, matches, _segments(toks, matches))


def _entity_in(seg: Segment) -> Match | None:
    found = [m for m in seg.matches if m.best.kind in ("person", "org")]
    return max(found, key=lambda m: (m.best.kind == "person", m.end - m.start)) if found else None


def head_entity(parsed: ParsedPhrase) -> tuple[Match | None, Entry | None, bool]:
    """(the person or organisation the phrase names, its strongest role word, whether that
    word leads: "president" of whatever its "of" part names)."""
    entity = _entity_in(parsed.head)
    head_roles = _roles(parsed.head)
    role = _strongest(head_roles)
    head_leads = any(e.leads for e, _ in head_roles) or role is None or role.priority == NOT_AN_ACTOR
    if entity is None and head_leads:
        for seg in parsed.affiliations:  # "members of SANDF", "president of the Riigikogu"
            if (found := _entity_in(seg)) and (found.best.sector or role is None):
                entity = found
                break
    return entity, role, head_leads


def depends_on_document(entity: Match | None) -> bool:
    """A person's role depends on the date; namesakes in several countries on the sentence."""
    if entity is None:
        return False
    if entity.best.kind == "person":
        return True
    return len({e.country for e in entity.entries if e.kind == "org"}) > 1


def read_phrase(parsed: ParsedPhrase, gazetteer: bool, when: dt.date | None,
          context_countries: Callable[[], set[str | None]]) -> Reading:
    entity, role, head_leads = head_entity(parsed)
    if entity is not None and _unresolved_namesakes(parsed, entity, context_countries):
        entity = None  # "Mertz": two people of two countries, and the document names neither
    evidence: list[Evidence] = []
    if entity is not None:
        name, country, sector, sector2 = _entity_reading(parsed, entity, role, when, context_countries, evidence)
        if sector is None and entity.best.kind == "person":
            # a known person whose role on this date is unknown: a title in the phrase says it
            # ("Deputy Secretary of State William Burns")
            sector, sector2 = _role_reading(parsed, role, head_leads, evidence)[2:]
    else:
        name, country, sector, sector2 = _role_reading(parsed, role, head_leads, evidence)
    if country is None:
        for seg in [parsed.head, *parsed.affiliations]:
            place = next((m for m in seg.matches if m.best.kind in PLACE_KINDS + ("org",)
                          and m.best.country), None)
            if place is not None:
                country = place.best.country
                evidence.append(lexicon_evidence("country", place.best.kind, place.best.source))
                break
    if country is None and entity is None and gazetteer and not (role is not None and role.sector == "JNK"):
        country, town = _gazetteer_country(parsed.toks, parsed.matches, parsed.head_end, evidence)
        name = town or name  # a small town alone gives a country but no sector
    role_sector, tail = sector, []
    if any(m.best.kind == "sector" and m.best.sector == "ELI" for m in parsed.head.matches):
        sector2, sector = sector if sector != "ELI" else sector2, "ELI"  # "former", "retired"
        tail.append(Evidence("lexicon", "modifier:former", "sector"))
    if sector2:
        tail.append(Evidence("lexicon", sector2, "sector2"))
    return Reading(name, country, sector, role_sector, entity is not None, tuple(evidence), tuple(tail))


def _unresolved_namesakes(parsed: ParsedPhrase, entity: Match,
                          context_countries: Callable[[], set[str | None]]) -> bool:
    """Does the name belong to different people of different countries, none of them named
    in the phrase, its sentence or its document?"""
    people = [e for e in entity.entries if e.kind == "person"]
    if len({e.name for e in people}) < 2 or len({e.country for e in people}) < 2:
        return False
    named = {m.best.country for m in parsed.matches if m.best.kind in PLACE_KINDS} | context_countries()
    return not any(e.country in named for e in people)


def _entity_reading(parsed: ParsedPhrase, entity: Match, role: Entry | None, when: dt.date | None,
                    context_countries: Callable[[], set[str | None]], evidence: list[Evidence]):
    """(name, country, sector, sector2) of a phrase naming a known person or organisation."""
    phrase, toks = parsed.phrase, parsed.toks
    phrase_countries = {m.best.country for m in parsed.matches if m.best.kind in PLACE_KINDS}

    def countries_for(entries: list[Entry]) -> set[str | None]:
        # the sentence only matters when the candidates differ in country
        if len({e.country for e in entries}) > 1:
            return phrase_countries | context_countries()
        return phrase_countries

    former = False
    if entity.best.kind == "person":
        people = [e for e in entity.entries if e.kind == "person"]
        chosen, former = choose_role(people, when, countries_for(people))
    else:
        orgs = [e for e in entity.entries if e.kind == "org"]
        countries = countries_for(orgs)
        chosen = next((e for e in orgs if e.country in countries), orgs[0])
    name, country = chosen.name, chosen.country
    last_word = phrase.split()[toks[entity.end - 1].index]
    if not last_word.endswith(",") and any(
            m.start == entity.end and toks[m.start].index == toks[entity.end - 1].index + 1
            and m.best.kind == "sector" and m.best.priority for m in parsed.head.matches):
        name = phrase  # the entity only modifies the head: "the Clinton administration"
    sector, sector2 = ("ELI", chosen.sector) if former else (chosen.sector, chosen.sector2)
    evidence.append(lexicon_evidence("name", chosen.kind, chosen.source))
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
        evidence.append(lexicon_evidence("sector", "sector", role.source))
    return name, country, sector, sector2


def _role_reading(parsed: ParsedPhrase, role: Entry | None, head_leads: bool, evidence: list[Evidence]):
    """(name, None, sector, sector2) of a phrase naming no known person or organisation."""
    phrase, toks, matches = parsed.phrase, parsed.toks, parsed.matches
    name, sector, sector2 = phrase, None, None
    if role is None or head_leads:  # "chairman of the company's board"
        for seg in parsed.affiliations:
            if (inner := _strongest(_roles(seg))) and (role is None or inner.priority > PLACE_PRIORITY):
                role = inner
                break
    if role is not None:
        sector, sector2 = role.sector, role.sector2
        evidence.append(lexicon_evidence("sector", role.kind, role.source))
    places = [m for m in matches if m.best.kind in PLACE_KINDS]
    if len(places) == 1 and len(matches) == 1 and all(
            t.norm in DETERMINERS for i, t in enumerate(toks)
            if not places[0].start <= i < places[0].end):
        name = places[0].best.name  # the phrase is just a place: "Tehran", "Brasilia"
        evidence.append(lexicon_evidence("name", places[0].best.kind, places[0].best.source))
    elif person := _person_name(phrase, toks, matches, parsed.head_end):
        name = person
    return name, None, sector, sector2


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
    evidence.append(lexicon_evidence("country", "city", "gazetteer.tsv"))
    if all(t.norm in DETERMINERS for i, t in enumerate(toks) if not start <= i < end):
        evidence.append(lexicon_evidence("name", "city", "gazetteer.tsv"))  # the phrase is just the town
        return place.country, place.name
    return place.country, None


def lexicon_evidence(decides: str, kind: str, source: str) -> Evidence:
    """A lexicon entry of `kind` (person, city, sector, ...) at `source` settled `decides`."""
    return Evidence("lexicon", f"{kind}:{source}", decides, source)
