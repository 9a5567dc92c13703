"""Place names two countries share: "Georgia" is a country and a US state. Which one a
document means, from the other countries it names (actors/data/namesake_places.tsv): the
state when the document names the United States and not Georgia by any other name."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from eventscope.knowledge.actor_lexicon import fold
from eventscope.knowledge.tsv import ACTOR_DATA, read_tsv
from eventscope.models import Actor, Evidence


@lru_cache(maxsize=1)
def namesake_places() -> dict[str, tuple[str, str, str]]:
    """folded name -> (its country, the namesake's country, what the namesake is)."""
    return {fold(row["name"]): (row["country"], row["namesake"], row["note"])
            for _, row in read_tsv(ACTOR_DATA / "namesake_places.tsv")}


def namesake_of(name: str) -> tuple[str, str, str] | None:
    return namesake_places().get(fold(name))


def readings(names: set[str], counts: dict[str, int]) -> dict[str, str]:
    """folded name -> the country the document means by it; `counts` are the countries the
    document names by other names."""
    out = {}
    for name in names:
        country, namesake, _ = namesake_places()[name]
        out[name] = namesake if counts.get(namesake) and not counts.get(country) else country
    return out


def as_read(actor: Actor, phrase: str, chosen: dict[str, str]) -> Actor:
    """`actor` with the country the document means by a shared place name in its phrase ("a
    Georgia judge" in a story about Atlanta: a US judge)."""
    for name, country in chosen.items():
        own, namesake, what = namesake_places()[name]
        if actor.country == own and country != own and re.search(rf"\b{re.escape(name)}\b", fold(phrase)):
            return replace(actor, country=country, evidence=actor.evidence + (
                Evidence("rule", f"{name.title()}: {what} (the document names {country}, not {own})", decides="country"),))
    return actor
