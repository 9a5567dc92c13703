"""Where did it happen: a place named by a locative phrase on the action ("in Moscow").

The name is resolved offline: first the actor lexicon (countries, capitals, regions and
notable towns, with their canonical names), then the GeoNames gazetteer of every town of
15,000+ people (eventscope/actors/data/gazetteer.tsv). No network at run time.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding import clauses

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside"}
DESTINATION_PREPS = {"to", "for"}  # a visit's place is where the visitor goes
VISIT_ROOTS = {"04"}
PLACE_ENTRY_KINDS = ("capital", "city", "region", "country", "seat")


def place_of(action: Token, root: str) -> tuple[str, str | None] | None:
    """(place name, ISO3 country) of the action, or None when the text names no place."""
    preps = LOCATIVE_PREPS | (DESTINATION_PREPS if root in VISIT_ROOTS else set())
    for token in clauses.place_tokens(action, preps):
        span = clauses.entity_span(token)
        return resolve_place(span.text if span is not None else token.text)
    return None


def resolve_place(text: str) -> tuple[str, str | None]:
    """A place name -> (canonical name, country): "Moskva" -> ("Moscow", "RUS");
    an unknown name keeps its text and has no country."""
    from eventscope.actors.gazetteer import load_gazetteer
    from eventscope.knowledge.actor_lexicon import load_lexicon, tokenize

    name = " ".join(text.split())
    name = name[4:] if name.lower().startswith("the ") else name
    toks = tokenize(name)
    matches = load_lexicon().scan(toks)
    if len(matches) == 1 and matches[0].end - matches[0].start == len(toks):
        entry = next((e for e in matches[0].entries if e.kind in PLACE_ENTRY_KINDS), None)
        if entry is not None and entry.country:  # a country alias ("Gaza") keeps its own name
            return (name if entry.kind == "country" else entry.name), entry.country
    place = load_gazetteer().find(name)
    if place is not None:
        return place.name, place.country
    for m in matches:  # "the outskirts of Kabul" still lies in Afghanistan
        entry = next((e for e in m.entries if e.kind in PLACE_ENTRY_KINDS and e.country), None)
        if entry is not None:
            return name, entry.country
    return name, None
