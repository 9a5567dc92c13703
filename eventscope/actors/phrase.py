"""Resolve an actor phrase ("Russian Defense Minister Igor Sergeyev") to country + sector.

Order of evidence: user dictionaries first; then, in the phrase's head (the part before
its first preposition), a known person or organisation; country from names, demonyms,
capitals and seats of government; sector from the strongest role word (see sectors.tsv for
the priorities). Prepositional parts ("of the Riigikogu", "in Denmark") fill what the head
lacks, except parts introduced by "to"/"against"/... which name someone else ("Ambassador
to the United Nations"). A town the lexicon lacks is looked up in the offline gazetteer
(head only). The context sentence is only a fallback for the country. What a phrase says
by itself is read by actors.reading; this module adds dictionaries, dates and sentences.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from eventscope.actors.reading import (
    Reading, depends_on_document, head_entity, lexicon_evidence, parse_phrase, read_phrase,
)
from eventscope.actors.roles import parse_date  # noqa: F401  parse_date re-exported
from eventscope.knowledge.actor_lexicon import PLACE_KINDS, Lexicon, Match, Token, tokenize
from eventscope.knowledge.actor_files import load_lexicon
from eventscope.models import Actor, Evidence

if TYPE_CHECKING:
    from eventscope.knowledge.dictionaries import ActorDictionary


# "More than 300 Indians", "at least 74 civilians": a count, not a comparison with someone
_QUANTIFIER = re.compile(r"^(?:(?:more|fewer|less) than|at least|at most|up to|nearly|almost|about|"
                         r"around|roughly|some|over)\s+(?=\d|(?:a |one |two |three |several |dozens?|hundreds?|"
                         r"thousands?|tens|a few)\b)", re.IGNORECASE)


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
    return nearest.best.country, lexicon_evidence("country", "context", nearest.best.source)


def resolve_phrase(text: str, context: str | None = None, date: str | None = None,
                   dictionaries: ActorDictionary | None = None, *, gazetteer: bool = True,
                   borrow_country: bool = True, countries: frozenset[str] = frozenset()) -> Actor:
    """Resolve one actor string; country/sector are None when unknown. `gazetteer=False`
    keeps unknown words from being read as towns (for a phrase the parser tagged a person).
    `borrow_country=False`: a role without a country stays without one instead of taking
    the country named nearest in `context` (a document knows better: actors.mentions).
    `countries`: those the document names; with the sentence's, they choose between
    namesakes of several countries ("Rabbani" in a story about Afghanistan)."""
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
    return _resolve_builtin(phrase, context, when, load_lexicon(), gazetteer, borrow_country, countries)


@lru_cache(maxsize=4096)  # single words: a few thousand cover a corpus
def _resolve_alone(phrase: str, gazetteer: bool) -> Actor:
    return _resolve_builtin(phrase, None, None, load_lexicon(), gazetteer)


def _resolve_builtin(phrase: str, context: str | None, when: dt.date | None, lex: Lexicon,
                     gazetteer: bool = True, borrow_country: bool = True,
                     countries: frozenset[str] = frozenset()) -> Actor:
    # Most phrases read the same in every sentence and on every date ("officials", "Iran",
    # "the Kremlin"): their reading is cached and only the country-from-context step runs per
    # mention. A known person (roles have dates), or an entity with namesakes in several
    # countries, is read with its document's date and sentence.
    reading = _timeless_reading(phrase, gazetteer) if lex is load_lexicon() else None
    if reading is None:
        reading = _reading(phrase, lex, gazetteer, when,
                           lambda: {m.best.country for m in lex.scan(tokenize(context or ""))} | countries)
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


@lru_cache(maxsize=1024)  # bounded, and small: RSS stays flat however long the run
def _timeless_reading(phrase: str, gazetteer: bool) -> Reading | None:
    """The phrase's reading when it is the same on every date and in every sentence, else None."""
    parsed = parse_phrase(phrase, load_lexicon())
    if depends_on_document(head_entity(parsed)[0]):
        return None
    return read_phrase(parsed, gazetteer, None, set)


def _reading(phrase: str, lex: Lexicon, gazetteer: bool, when: dt.date | None,
             context_countries: Callable[[], set[str | None]]) -> Reading:
    """The phrase's own reading on the document's date (`when`); `context_countries` (the
    countries its sentence names) is asked only to choose between an entity's roles or
    namesakes in different countries."""
    return read_phrase(parse_phrase(phrase, lex), gazetteer, when, context_countries)


def resolve_country(text: str) -> str | None:
    """The country (ISO3 or class code) a phrase names, without sector or context."""
    lex = load_lexicon()
    for m in lex.scan(tokenize(text)):
        if m.best.kind in PLACE_KINDS + ("org", "person") and m.best.country:
            return m.best.country
    return None


def evidence_fields(actor: Actor) -> dict[str, str]:
    """What settled each attribute (name, country, sector, sector2, role), as shown."""
    fields: dict[str, str] = {}
    for e in actor.evidence:
        if e.decides and e.value:
            fields.setdefault(e.decides, f"{e.qualifier} {e.value}" if e.qualifier else e.value)
    return fields
