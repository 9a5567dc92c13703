"""Which tokens are predicates the coder reads, what a wish of someone else is, and when a
clause's act happened: helpers of coding.coder, each a pure function of the parse."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding import clauses
from eventscope.coding.clause_time_place import date_tokens, entity_span
from eventscope.coding.when import resolve
from eventscope.knowledge.verb_lexicon import Lexicon
from eventscope.models import Document

WISH_FRAMES = {"plan"}  # "wants to leave" is a plan; "wants Uganda to leave" asks Uganda


def clause_date(verb: Token, published, future: bool, document: Document) -> tuple[str | None, str | None]:
    """(date, precision) of the clause's own time phrase, else of publication."""
    for token in date_tokens(verb):
        span = entity_span(token)
        text = span.text if span is not None else token.text
        prep = token.head.text if token.head.dep_ == "prep" else ""
        resolved = resolve(f"{prep} {text}".strip(), published, future)
        if resolved is not None:
            return resolved.value, resolved.precision
    if document.date:
        return document.date, "published"
    return None, None


def wish_of_someone_else(verb: Token, frame: str, action: Token | None) -> tuple[str, Token | None]:
    """"The US wants Britain to extradite him": a wish that someone else act, said by the one
    who wishes it, is an appeal to them (their act is not done). Only the infinitive counts:
    "hoped the talks would resume" is no request of the talks."""
    if action is not None and clauses.direct_objects(verb):
        return "appeal", action  # "wants Uganda [dobj] to withdraw [xcomp]"
    for clause in clauses.clause_complements(verb):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if infinitive and any(c.dep_ == "nsubj" for c in clause.children):
            return "appeal", clause  # "wants [Uganda to withdraw]" (ccomp with its own subject)
    return frame, action


def is_predicate(token: Token, lexicon: Lexicon) -> bool:
    if token.pos_ == "VERB":
        return True
    return token.pos_ in {"ADJ", "AUX"} and token.lemma_.lower() in lexicon.frames
