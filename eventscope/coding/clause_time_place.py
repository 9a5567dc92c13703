"""When and where a clause's act happened: the date and place words the parse attaches to
its verb (or to the verb that governs it), and the named-entity span a token belongs to.

Pure functions over spaCy tokens, as clauses.py.
"""

from __future__ import annotations

from spacy.tokens import Span, Token


def date_tokens(verb: Token) -> list[Token]:
    """Tokens attached to the verb (or its governing frame) that carry a date entity."""
    found = []
    for owner in _owners(verb):
        for child in owner.children:
            if child.ent_type_ == "DATE" and child.dep_ in {"npadvmod", "tmod", "advmod", "obl", "nmod", "dobj"}:
                found.append(child)
            elif child.dep_ == "prep":
                found.extend(g for g in child.children if g.dep_ == "pobj" and g.ent_type_ == "DATE")
            elif child.dep_ == "dobj":
                # "announced a partnership Thursday": the small model often hangs the
                # verb's time adverb on its object instead of on the verb.
                found.extend(g for g in child.children if g.dep_ == "npadvmod" and g.ent_type_ == "DATE")
        if found:
            break
    return found


def place_tokens(verb: Token, preps: set[str]) -> list[Token]:
    found = []
    for owner in _owners(verb):
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found.extend(g for g in child.children if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"})
        if found:
            break
    return found


def _owners(verb: Token) -> list[Token]:
    owners = [verb]
    token = verb
    while token.dep_ in {"xcomp", "conj"} and token.head.i != token.i:
        token = token.head
        owners.append(token)
    return owners


def entity_span(token: Token) -> Span | None:
    """The named-entity span a token belongs to, if any ("last week", "New York"). Read from
    the token's IOB tags (the same span as in doc.ents, whose every read builds all the
    document's entities: quadratic on a long document)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if doc[start].ent_iob_ != "B":
        start += 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type)
