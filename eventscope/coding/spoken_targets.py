"""Targets from what was said: the subject of an accusing, demanding or threatening
that-clause ("alleged that the minister took bribes"), and the one a speaker told ("Russia
notified the United States that it plans to back out"; "told the director, calling for an
explanation"), and whom the speech, letter or call it was made in was addressed to ("warned
in his address to Congress", "sent a letter to the king warning that"). Asked by coding.targets.complete when the parse gives no target. Pure functions
over spaCy tokens and the document's actors."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.actors.mentions import DocActors
from eventscope.coding import clauses
from eventscope.coding import clause_roles
from eventscope.coding.selection import NEWS_SECTORS, STATEMENT_ROOT
from eventscope.knowledge.implicit_agents import said_channels
from eventscope.knowledge.verb_lexicon import Lexicon
from eventscope.models import Actor

# acts done by saying to someone (appeals, demands, criticism, rejections, threats): the ones
# whose channel's addressee is their target; not praise or an agreement announced at a meeting,
# which are about someone or something else ("hailed signs of hope in his address to the UN")
SAID_ROOTS = {"02", "10", "11", "12", "13"}
CHANNEL_PREPS = {"in", "during", "at", "through", "via", "over"}  # "in a letter to", "during a call with"
SPEECH_CLAUSE_DEPS = {"acl", "advcl", "xcomp"}  # "a statement urging", "sent a letter warning"


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
    speakers = {a.entity for a in actors.actors_of(clause_roles.subject_tokens(head)[0])}
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


def audiences(verb: Token, action: Token, actors: DocActors, source_entities: set[str]) -> list[Actor]:
    """"Warned against a deal in his address to Congress", "demanded, in a letter to the king,
    an apology", "criticised the plan during a call with the chancellor", "sent a letter to the
    king warning that ...", "issued a statement urging Iran to ...": a said act with no target
    of its own is aimed at whom the speech, letter or call it was made in was addressed to
    (coding/data/said_channels.tsv)."""
    channels = said_channels()
    whom: list[Token] = []

    def addressed(noun: Token) -> None:
        preps = channels.get(noun.lemma_.lower(), frozenset())
        whom.extend(p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in preps
                    for p in prep.children if p.dep_ == "pobj")
        # "a statement urging Iran to ...", "a letter calling on the king to ...": whom it urges
        for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"):
            whom.extend(c for c in clause.children if c.dep_ == "dobj")
            whom.extend(p for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "on"
                        for p in prep.children if p.dep_ == "pobj")

    def sent(sender: Token) -> None:
        """"issued a statement urging Iran to ...", "sent a letter to the king": a channel the
        verb sends, and whom it is sent to."""
        for noun in (c for c in sender.children if c.dep_ == "dobj" and c.lemma_.lower() in channels):
            addressed(noun)
            whom.extend(p for prep in sender.children if prep.dep_ in {"dative", "prep"} and prep.lower_ == "to"
                        for p in prep.children if p.dep_ == "pobj")

    heads = {verb.i: verb, action.i: action}
    # "warned against making a deal during his address to ...": the parse hangs it on the -ing
    heads.update((c.i, c) for prep in action.children if prep.dep_ == "prep" for c in prep.children if c.dep_ == "pcomp")
    for head in heads.values():
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in CHANNEL_PREPS):
            for noun in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in channels):
                addressed(noun)
        sent(head)
        # "sent a letter to the king, warning that ...": the -ing clause beside the sending
        if head.dep_ in SPEECH_CLAUSE_DEPS and head.tag_ == "VBG" and head.head.i != head.i:
            sent(head.head)
    listeners = [c for w in whom for c in clauses.conjuncts(w)]
    # "his address to a joint meeting of Congress": a gathering stands for whom it gathers
    listeners += [p for h in listeners if not actors.actors_for(h) for prep in h.children
                  if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
    told = actors.actors_of(listeners)
    return [a for a in told if a.sector not in NEWS_SECTORS and a.entity not in source_entities]
