"""Whose a role of no country of its own is: what its phrase says ("his military", "soldiers
in Guinea-Bissau"), the last person named with that role ("the foreign minister"), else the
story's country (`STORY`, settled once the pass has read every name: actors.resolution),
except for people met at sea, whom a story's country does not describe, and for a body's name
several countries use, which is the best known one's unless the story's country has one too
("addressed Congress" in a story about Israel: `home_country`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span, Token

from eventscope.actors.noun_phrases import country_named_before, in_a_seas_name, noun_phrase
from eventscope.actors.phrase import resolve_country
from eventscope.actors.story import is_country
from eventscope.knowledge.coreference_words import coreference_words
from eventscope.knowledge.place_words import place_words
from eventscope.knowledge.tsv import ACTOR_DATA, read_tsv, split_list
from eventscope.models import Actor, Evidence, decided

STORY = "<story>"  # a role's country until the pass has read the whole story
COUNTRY_NOUNS = {"country", "nation"}  # "the country's president": the country named last
OPEN_WATERS = {"international", "high", "territorial"}  # "in international waters", "on the high seas"


@lru_cache(maxsize=1)
def home_bodies() -> dict[str, tuple[str, frozenset[str]]]:
    """word as written -> (the country best known for the body, the countries that have one
    too): actors/data/home_bodies.tsv."""
    return {row["word"]: (row["country"], frozenset(split_list(row["also"])))
            for _, row in read_tsv(ACTOR_DATA / "home_bodies.tsv")}


def home_country(text: str, story: str | None) -> str | None:
    """The country a role waiting for the story's country takes instead when its words name a
    body several countries have and the story's country has none ("addressed Congress" in a
    story about Israel: the US); None when they do not."""
    for word in re.findall(r"[\w-]+", text):
        country, also = home_bodies().get(word, (None, frozenset()))
        if country is not None and story != country and story not in also:
            return country
    return None


def home_body(actor: Actor, story: str | None) -> Actor | None:
    """`actor` (a role waiting for the story's country) as the body of `home_country`, if any."""
    home = home_country(actor.text, story)
    if home is None:
        return None
    return replace(actor, country=home, evidence=tuple(
        e for e in actor.evidence if not e.value.startswith("country of the story")) + (
        Evidence("rule", f"country of the body its name is known for ({home})", decides="country"),))


def takes_story_country(sector: str, head: Token) -> bool:
    """May a role of no country of its own take the story's country? Not when its sentence is
    at sea ("the Indian navy captured 23 pirates in the Gulf of Aden") and the role is no
    state's agent (actors/data/coreference_words.tsv `state_sector`): the story's country is
    the navy's, not the pirates' nor a crew's. Nor when a modifier says it is of no one
    country ("the international community", "world leaders": coreference_words.tsv `no_country`)."""
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in coreference_words()["no_country"] for c in head.lefts):
        return False
    return sector.lower() in coreference_words()["state_sector"] or not at_sea(head.sent)


def at_sea(sent: Span) -> bool:
    """Does the sentence name a sea: "the Gulf of Aden", "the South China Sea", "in
    international waters" (water words: coding/data/place_words.tsv)?"""
    water = place_words()["water"]
    for token in sent:
        if in_a_seas_name(token):
            return True
        if token.lower_ in water and (
                (token.text[:1].isupper() and token.ent_type_ in {"LOC", "GPE", "FAC"})
                or any(c.lower_ in OPEN_WATERS for c in token.children)):
            return True
    return False


def person_of_the_story(actor: Actor, token: Token) -> Actor:
    """A person no lexicon knows whom the text gives no country: most people in a story are of
    the country it is about (a coder's guess, said as such)."""
    if actor.country or actor.sector or token.ent_type_ != "PERSON":
        return actor
    return replace(actor, country=STORY, evidence=actor.evidence + (
        Evidence("rule", "country of the story (a person of no known country)", decides="country"),))


def owned(token: Token, actor: Actor, by_token: dict[int, list[Actor]]) -> Actor | None:
    """A role whose phrase says whose it is without naming a country: "his military" (the
    pronoun's), "the country's interim president" (the country named last), "soldiers in
    Guinea-Bissau" (a country it is in); None when it does not."""
    first = token.head if token.dep_ == "conj" and token.head.pos_ == "NOUN" else None
    if first is not None and first.i in by_token and token.pos_ == "NOUN":
        # "detained the country's president and the former prime minister": one owner
        owner = next((a.country for a in by_token[first.i] if is_country(a.country) and a.sector), None)
        if owner is not None:
            return replace(actor, country=owner, evidence=tuple(
                e for e in actor.evidence if not e.value.startswith("country of the story")) + (
                Evidence("rule", f"whose: as {first.text}", decides="country"),))
    for child in token.children:
        country, how = None, ""
        if child.dep_ == "poss" and child.pos_ == "PRON" and child.i in by_token:
            country, how = next((a.country for a in by_token[child.i] if is_country(a.country)), None), child.text
        elif child.dep_ == "poss" and child.lemma_.lower() in COUNTRY_NOUNS and any(
                c.dep_ == "det" and c.lower_ in {"the", "this"} for c in child.children):
            country, how = country_named_before(child), f"the {child.text}"
        elif child.dep_ == "prep" and child.lower_ in {"in", "from"}:
            place = next((noun_phrase(g) for g in child.children if g.dep_ == "pobj"), None)
            if place is not None and any(t.ent_type_ in {"GPE", "LOC"} for t in place):
                country, how = resolve_country(place.text), f"{child.text} {place.text}"
        if is_country(country):
            return replace(actor, country=country, evidence=tuple(
                e for e in actor.evidence if not e.value.startswith("country of the story")) + (
                Evidence("rule", f"whose: {how}", decides="country"),))
    return None


def named_role_before(token: Token, span: Span, actor: Actor, named_roles: list[Actor]) -> Actor:
    """"The foreign minister" after "Pakistan Foreign Minister Shah Mahmood Qureshi": a
    definite role of no country is the last person or body named with that role (in
    its words or its known office), when there was one; else `actor` as it is."""
    if token.tag_ not in {"NN", "NNP"} or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
            c.dep_ == "poss" for c in token.children):
        return actor
    words = " ".join(t.lower_ for t in span if t.dep_ != "det")
    pattern = re.compile(rf"\b{re.escape(words)}\b", re.I)
    for previous in reversed(named_roles):
        role = decided(previous.evidence, "role")
        if previous.country not in (None, STORY) and (
                pattern.search(previous.text) or (role is not None and pattern.search(role.value))):
            return replace(previous, text=span.text, start=span.start_char, end=span.end_char,
                           evidence=(Evidence("rule", f"coref:role {words}"),))
    return actor


def country_from_story(actor) -> bool:
    """Did the actor get its country from the story ("analysts" of a story about Kenya), not
    from its own words? (actors.resolution writes that rule into the actor's evidence.)"""
    return any(e.decides == "country" and e.value == "country of the story" for e in actor.evidence)
