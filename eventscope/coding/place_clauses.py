"""Which clauses around an act share its place (coding/place_phrases.py reads their
locative phrases as the act's own): a participle telling the occasion ("Speaking in Ankara,
the minister criticised ..."), a clause about the same person at the same time ("arrested as
he tried to hold a rally in Kampala"), and for an attack or a death the clauses right around
it ("killed after falling while climbing in New Zealand")."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.knowledge.place_words import place_words

SAME_TIME = place_words()["same_time"]  # "killed when / after / as / while ..."
SAME_TIME_MARKS = place_words()["while"]  # "arrested as he tried to hold a rally in X"


def alongside(action: Token) -> list[Token]:
    """Participle clauses that tell the occasion of the act by the same doer ("Speaking in
    Ankara, the minister criticised ..."; "The minister, speaking at a news conference in
    Ankara, criticised ..."): an unmarked participle on the verb, or on its subject."""
    subjects = [c for c in action.children if c.dep_ in {"nsubj", "nsubjpass"}]
    clauses = [c for c in action.children if c.dep_ == "advcl" and c.tag_ in {"VBG", "VBN"} and c.i < action.i
               and not any(m.dep_ == "mark" for m in c.children)] + \
        [c for s in subjects for c in s.children if c.dep_ == "acl" and c.tag_ == "VBG"]
    # and whom it addressed: "speaking to reporters in Brussels", "addressing a rally in Kampala"
    objects = [g for c in clauses for g in [*c.children, *(g for p in c.children if p.dep_ == "prep" for g in p.children)]
               if g.dep_ in {"dobj", "pobj"} and g.pos_ == "NOUN"]
    return clauses + objects


def same_person_while(action: Token) -> list[Token]:
    """A clause at the same time about the same person ("was arrested as he tried to hold a
    rally in Kampala", "detained him while he was visiting Moscow"): where the person was, the
    act was. Its subject must be a pronoun or the act's own subject or object."""
    people = {c.lemma_.lower() for c in action.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}}
    out = []
    for clause in action.children:
        if clause.dep_ != "advcl" or not any(m.dep_ in {"mark", "advmod"} and m.lower_ in SAME_TIME_MARKS
                                             for m in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and (subject.tag_ == "PRP" or subject.lemma_.lower() in people):
            out.append(clause)
            out += [c for c in clause.children if c.dep_ == "xcomp"]  # "as he tried to hold a rally in X"
    return out


def around(verb: Token, depth: int = 0) -> list[Token]:
    """The clauses right around a verb ("killed when a bomb exploded", "killed after falling
    while climbing"): its same_time adverbial clauses and gerunds, and theirs in turn."""
    found = [c for c in verb.children if c.dep_ == "advcl"
             and any(m.dep_ in {"mark", "advmod"} and m.lower_ in SAME_TIME for m in c.children)]
    found += [g for p in verb.children if p.dep_ == "prep" and p.lower_ in SAME_TIME
              for g in p.children if g.dep_ == "pcomp"]
    return found + [t for c in found for t in around(c, depth + 1)] if depth < 1 else found
