"""What a pronoun stands for when its own clause says it: the subject of the reporting clause
("Russia notified Washington that it plans ..."), the object an implicit-causality verb reacts
to ("Japan condemned North Korea after it fired a missile"), the subject whose possessive it is
("after it conducted its longest test").

Read by actors.resolution (MentionResolver, before the coreference memory's last-mentioned
reading); split from it to keep each module under the house size. Each answer is read from
`by_token`, the actors already resolved for earlier mention heads, by token index.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventscope.actors.noun_phrases import PERSON_PRONOUNS
from eventscope.knowledge.coreference_words import coreference_words
from eventscope.models import Actor, Evidence

SUBJECT_OF_OWNER = {"its": "it", "their": "they", "his": "he", "her": "she"}  # a possessive's subject form


def governing_subject(token: Token, lower: str, by_token: dict[int, list[Actor]]) -> list[Actor]:
    """'Russia notified Washington that it plans ...': 'it' is the reporting clause's subject."""
    clause = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ not in {"ccomp", "xcomp", "advcl"}:
        return []
    if clause.dep_ == "advcl" and clause.head.lemma_.lower() in coreference_words()["object_cause"]:
        # "Japan condemned North Korea after it fired a missile": the object's act is the cause
        return _caused_by_object(clause.head, lower, by_token)
    for child in clause.head.children:
        if child.dep_ == "nsubj" and child.i in by_token:
            actors = by_token[child.i]
            is_person = child.ent_type_ == "PERSON" or child.lower_ in PERSON_PRONOUNS
            if (lower in PERSON_PRONOUNS) == is_person:
                return [replace(a, evidence=(Evidence("rule", f"coref:pronoun {lower} -> reporting subject"),))
                        for a in actors]
    return []


def subject_s_own(token: Token, lower: str, by_token: dict[int, list[Actor]]) -> list[Actor]:
    """"After it conducted its longest test": a possessive pronoun whose clause's subject is
    the same pronoun's subject form (it/its, they/their, he/his, she/her) is that subject's."""
    clause = token.head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    if token.dep_ != "poss" or clause.pos_ not in {"VERB", "AUX"}:
        return []
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ != SUBJECT_OF_OWNER.get(lower) or subject.i not in by_token:
        return []
    return list(by_token[subject.i])


def _caused_by_object(verb: Token, lower: str, by_token: dict[int, list[Actor]]) -> list[Actor]:
    """The direct object of an implicit-causality verb (coreference_words.tsv
    `object_cause`) that a pronoun of its reason clause can stand for; [] when none."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.i in by_token:
            is_person = child.ent_type_ == "PERSON" or child.lower_ in PERSON_PRONOUNS
            if (lower in PERSON_PRONOUNS) == is_person:
                return [replace(a, evidence=(Evidence("rule", f"coref:pronoun {lower} -> object it reacts to"),))
                        for a in by_token[child.i]]
    return []
