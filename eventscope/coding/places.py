"""Where did it happen: a place named by a locative phrase on the action ("in Moscow")."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding import clauses

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside"}
DESTINATION_PREPS = {"to", "for"}  # a visit's place is where the visitor goes
VISIT_ROOTS = {"04"}


def place_of(action: Token, root: str) -> tuple[str, str | None] | None:
    preps = LOCATIVE_PREPS | (DESTINATION_PREPS if root in VISIT_ROOTS else set())
    for token in clauses.place_tokens(action, preps):
        span = clauses.entity_span(token)
        name = span.text if span is not None else token.text
        return name, _country_of(name)
    return None


def _country_of(name: str) -> str | None:
    from eventscope.actors.phrase import resolve_country

    return resolve_country(name)
