"""Places the actors say when the text names none (coding/places.py asks): a court, police
force or parliament acts where it sits, a government coerces and cuts ties at home, a town that
acts acts at home; and whether an actor's country is only the story's guess."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Span

from eventscope.coding.place_names import PlaceContext, _country_area, resolve, town_named
from eventscope.coding.place_phrases import HOME_ROOTS, HOME_SECTORS, SEATED_SECTORS
from eventscope.models import Actor, Event, Location

GUESSED_PERSON = "a person of no known country"  # actors/whose.py's evidence for a guessed country


def seat_country(event: Event) -> Location | None:
    """A court, a police force or a parliament acts where it sits: "a Tunisian court jailed
    a man" happened in Tunisia, "Moscow police detained ..." in Moscow, when the actor's own
    words name its country (not the story's country lent to "police"), whoever it acts on
    ("Turkish police detained a German journalist" happened in Turkey). A government coerces
    at home too ("Mexican immigration authorities deported 300 Indians": in Mexico), and cuts
    ties from home ("the United States imposed sanctions on Turkey": in the United States)."""
    sources = event.source
    seated = SEATED_SECTORS | (HOME_SECTORS if event.cameo_root in HOME_ROOTS else set())
    if not sources or any(_sector(a) not in seated or not _names_its_country(a) for a in sources):
        return None
    countries = {a.country for a in sources}
    if len(countries) != 1:
        return None
    country = countries.pop()
    town = next((t for a in sources if (t := town_named(a.text or a.name, country)) is not None), None)
    where = town or _country_area(country)
    return replace(where, evidence="actor") if where is not None else None


def _sector(actor: Actor) -> str | None:
    """The actor's sector; a state named as such ("the United States": a country entry, no
    sector) is STATE."""
    if actor.sector:
        return actor.sector
    return "STATE" if any(e.decides == "name" and e.kind == "lexicon" and e.value.startswith("country:")
                          for e in actor.evidence) else None


def town_actor(event: Event, sent: Span | None) -> Location | None:
    """A town that acts is its government acting at home: "Chicago imposed a curfew", "Quito
    stripped him of asylum" happened in Chicago, in Quito. The sources must be one town, named
    whole (not "Los Angeles County") by the lexicon's city or capital entry and tagged a place by
    the parser (not a person whose name is a town's: "Lyons said")."""
    names = {(a.text or a.name, a.country) for a in event.source}
    if sent is None or len(names) != 1 or not all(_is_town(a, sent) for a in event.source):
        return None
    text, country = names.pop()
    where = resolve(text, PlaceContext(Counter({country: 1})))
    if where is None or where.country != country or where.precision != "city":
        return None
    return replace(where, evidence="actor")


def _is_town(actor: Actor, sent: Span) -> bool:
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.end > actor.start else None
    return span is not None and any(t.ent_type_ == "GPE" for t in span) and any(
        e.decides == "name" and e.kind == "lexicon" and e.value.split(":")[0] in {"city", "capital"}
        for e in actor.evidence)


def guessed_country(actor: Actor) -> bool:
    """The actor's country is the story's, guessed for a person no lexicon knows (actors say so
    in its evidence): it says nothing about where the act was, and taken as a fact it would put
    a quoted deportee's words in the country he was deported from ("NEW DELHI -" over a story
    about the United States)."""
    return any(e.decides == "country" and GUESSED_PERSON in e.value for e in actor.evidence)


def _names_its_country(actor: Actor) -> bool:
    """The actor's country was read from its own words (a lexicon entry), not lent by a rule."""
    return bool(actor.country) and any(e.decides == "country" and e.kind == "lexicon" for e in actor.evidence)
