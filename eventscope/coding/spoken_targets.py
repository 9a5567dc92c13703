"""Targets from what was said: the subject of an accusing, demanding or threatening
that-clause ("alleged that the minister took bribes"), and the one a speaker told ("Russia
notified the United States that it plans to back out"; "told the director, calling for an
explanation"). Asked by coding.targets.complete when the parse gives no target. Pure functions
over spaCy tokens and the document's actors."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.actors.mentions import DocActors
from eventscope.coding import clauses
from eventscope.coding.selection import NEWS_SECTORS, STATEMENT_ROOT
from eventscope.knowledge.verb_lexicon import Lexicon
from eventscope.models import Actor


def clause_subjects(verb: Token, actors: DocActors) -> list[Actor]:
    """"Prosecutors alleged that the mayor took bribes", "Iran warned that Israel would pay":
    an accusation, demand or threat made as a that-clause is aimed at the clause's subject (or
    its owner: "alleged that Trump's call was improper"). A pronoun there that stands for the
    speaker ("said it would retaliate") is the speaker again, and is dropped by the caller."""
    from eventscope.actors.mentions import noun_phrase

    for clause in clauses.clause_complements(verb):
        for subject in [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]:
            for token in noun_phrase(subject):
                found = actors.actors_for(token)
                if found:
                    return found
    return []


def addressees(verb: Token, actors: DocActors, source_entities: set[str], lexicon: Lexicon) -> list[Actor]:
    """"Russia notified the United States that it plans to back out": the speaker's own
    act, reported to someone, with no target of its own is aimed at the one told."""
    clause = verb
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i:
        return []
    if not any(p.cameo.startswith(STATEMENT_ROOT) for p in lexicon.verbs.get(head.lemma_.lower(), ())):
        return []
    speakers = {a.entity for a in actors.actors_of(clauses.subject_tokens(head)[0])}
    if not source_entities or not source_entities <= speakers:
        return []  # someone else's act: the listener is no party to it
    told = actors.actors_of([c for c in head.children if c.dep_ in {"dobj", "dative", "iobj"}])
    return [a for a in told if a.sector not in NEWS_SECTORS]


def adjunct_addressees(verb: Token, actors: DocActors, lexicon: Lexicon) -> list[Actor]:
    """"Sasse told the director, repeatedly calling for an explanation": an act in an "-ing"
    clause beside a statement made to someone is aimed at the one told."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i == verb.i:
        return []
    if not any(p.cameo.startswith(STATEMENT_ROOT) for p in lexicon.verbs.get(head.lemma_.lower(), ())):
        return []
    told = actors.actors_of([c for c in head.children if c.dep_ in {"dobj", "dative", "iobj"}])
    return [a for a in told if a.sector not in NEWS_SECTORS]
