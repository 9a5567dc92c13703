"""The country a story is about: the one its title, its place and nationality names, the
country a body's name opens with ("the Indian Navy") and the known people and bodies it names
name most, or the one its headline names alone when the text
names it among its two most named, or of two named as much the one first named as an agent's
(actors.resolution gives it to every role that names no country of its own: "a government
spokeswoman", "police")."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from eventscope.actors.namesakes import namesake_of, readings
from eventscope.actors.phrase import resolve_country
from eventscope.knowledge.actor_lexicon import fold, tokenize
from eventscope.knowledge.actor_files import is_country_code, load_lexicon
from eventscope.models import Actor, Document, decided

TITLE_WEIGHT, AGENT_WEIGHT = 2, 3  # how much a title's and an agent's country name count


def story_country(doc: Doc, document: Document, counts: dict[str, int] | None = None) -> str | None:
    """The country a story is about: the one its title and its place and nationality names
    name most, a name that belongs to a person or a subject counting more than a topic
    ("German Chancellor Angela Merkel", "Germany said" over "sanctions against Russia");
    None when no country stands out."""
    counts = country_counts(doc, document) if counts is None else counts
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    titled = _title_countries(document.title or "")
    if len(titled) == 1 and titled[0] in {country for country, _ in ranked[:2]}:
        # "The view on Hong Kong": a headline naming one country alone (by its places, people
        # or bodies) says where the story is, though the text names its neighbour as often
        return titled[0]
    tied = {country for country, n in ranked if n == ranked[0][1]}
    if len(tied) > 1:  # as prominent: the one the story first names as an agent's, if any
        return next((c for c in _agents_countries_in_order(doc) if c in tied), None)
    return ranked[0][0]


def _agents_countries_in_order(doc: Doc):
    """The countries of place and nationality names that name an agent (see `_names_an_agent`), in text order."""
    for ent in doc.ents:
        if ent.label_ in {"GPE", "NORP"} and is_country(country := resolve_country(place_name(ent).text)) \
                and _names_an_agent(ent):
            yield country


def country_counts(doc: Doc, document: Document) -> dict[str, int]:
    """How much the document's title and place and nationality names name each country."""
    return counted_countries(doc, document)[0]


def counted_countries(doc: Doc, document: Document) -> tuple[dict[str, int], dict[str, str]]:
    """(how much the document names each country, the country it means by each place name two
    countries share: actors.namesakes). A shared name counts for the one it means."""
    counts: dict[str, int] = {}
    shared: list[tuple[str, int]] = []
    if document.title:
        for country in filter(is_country, _countries_named(document.title)):
            counts[country] = counts.get(country, 0) + TITLE_WEIGHT
    for ent in doc.ents:
        weight = AGENT_WEIGHT if _names_an_agent(ent) else 1
        if ent.label_ in {"GPE", "NORP"}:
            if namesake_of(ent.text) is not None:
                shared.append((fold(ent.text), weight))
                continue
            country = resolve_country(place_name(ent).text)
        elif ent.label_ == "ORG":
            country = _leading_country(ent)
        else:
            continue
        if is_country(country):
            counts[country] = counts.get(country, 0) + weight
    chosen = readings({name for name, _ in shared}, counts)
    for name, weight in shared:
        counts[chosen[name]] = counts.get(chosen[name], 0) + weight
    return counts, chosen


def _leading_country(ent: Span) -> str | None:
    """The country a body's name opens with ("the Indian Navy", "Hong Kong Police": the parser
    tags the whole name ORG, no nationality of its own); not one inside it ("the Organization
    of American States")."""
    words = ent[1:] if ent[0].lower_ == "the" else ent
    found = _countries_named(words.text)
    if not found:
        return None
    first = load_lexicon().scan(tokenize(words.text))
    return first[0].best.country if first and first[0].start == 0 and first[0].best.country in found else None


def names_known_actor(actor: Actor) -> bool:
    """Was the actor read as a person or organisation of the lexicon (or a later mention of one)?"""
    named, country = decided(actor.evidence, "name"), decided(actor.evidence, "country")
    if country is not None and country.value.startswith("seat:"):
        return True  # "the White House", "the Kremlin": a government by its seat
    if named is not None:
        return named.value.split(":")[0] in {"person", "org"}
    return any(e.value.startswith(("coref:surname", "coref:acronym")) for e in actor.evidence)


def is_country(code: str | None) -> bool:
    """A country's code: not a class (IGO, NGO) nor a region ("West Africa" WAF names no story's country)."""
    return is_country_code(code)


def _names_an_agent(ent: Span) -> bool:
    """The name (or a body's name that holds it) is a subject, or qualifies a person or a role ("German" in "German Chancellor
    Angela Merkel", "Russia's foreign minister")."""
    root = place_name(ent).root
    if root.dep_ == "nsubj":  # a passive's subject is acted upon: no agent
        return True
    if root.dep_ == "pobj" and root.head.lower_ in {"in", "from"} and root.head.head.dep_ == "nsubj":
        return True  # "Soldiers in Guinea-Bissau detained ...": whose the subject is
    head = root
    for _ in range(2):
        if head.dep_ not in {"amod", "compound", "poss", "nmod"} or head.head.i == head.i:
            return False
        head = head.head
        if head.ent_type_ == "PERSON" or head.dep_ == "nsubj":
            return True
    return False


@lru_cache(maxsize=2048)
def _title_countries(title: str) -> tuple[str, ...]:
    """The countries a title names through its places and nationalities and its known people and
    bodies (not its outlet's)."""
    lex = load_lexicon()
    return tuple(sorted({m.best.country for m in lex.scan(tokenize(title)) if is_country(m.best.country)
                         and m.best.kind in ("country", "demonym", "capital", "seat", "city", "region", "person", "org")
                         and "JRN" not in (m.best.sector, m.best.sector2)}))  # "The Guardian view": the outlet


@lru_cache(maxsize=2048)
def _countries_named(title: str) -> tuple[str, ...]:
    lex = load_lexicon()
    return tuple(m.best.country for m in lex.scan(tokenize(title))
                 if m.best.country and m.best.kind in ("country", "demonym", "capital", "seat", "city", "region"))


def place_name(ent: Span) -> Span:
    """The whole place name an entity is the first part of: the parser tags only "Guinea" of
    "Guinea-Bissau" (a compound of its last part)."""
    head = ent.root.head
    if ent.root.dep_ == "compound" and head.i >= ent.end and head.i - ent.end <= 2:
        return ent.doc[ent.start : head.i + 1]
    return ent
