"""Who does and who undergoes a clause's act, read from the parse: subject heads (following
control, coordination, passives and the parser's usual slips), the by-agent, and the candidate
target heads (objects, datives, prepositional objects, passive patients). The clause shapes they
rest on (conjuncts, complements, passives) are in clauses.py."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding.clauses import (FINITE_TAGS, MEASURE_NOUNS, SUBJECT_DEPS, TARGET_PREPS, is_passive_verb,
                                       noun_modifier_as_conjunct, conjuncts, is_headline_passive,
                                       is_passive_participle, passive_partners, shares_passive)


def participle_patients(verb: Token) -> list[Token]:
    """Who a passive participle happens to: the clause's subject ("the army" above) or the
    noun it modifies ("protesters")."""
    if verb.dep_ == "acl":
        return conjuncts(verb.head)
    if noun_modifier_as_conjunct(verb):
        return conjuncts(verb.doc[verb.i - 1])
    head = verb.head
    surface = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if surface:  # "Arrested last week, the activist was released by police": the activist
        return conjuncts(surface[0])
    subjects, passive = subject_tokens(head)
    return [] if passive else [t for t in subjects if t.i != verb.i]


def subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subject head tokens of a verb, following control and coordination; and whether passive."""
    passive = is_passive_verb(verb) or is_passive_participle(verb) or shares_passive(verb)
    if is_headline_passive(verb):
        return _agents([verb]), True
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return conjuncts(child) + _split_name(verb, child), passive
    if passive:
        return _agents([verb, *passive_partners(verb)]), True
    head = verb.head
    if head.i == verb.i:
        return [], False
    if verb.dep_ == "xcomp":
        # "urged Iran to join": the object of the head controls the complement
        objs = [c for c in head.children if c.dep_ in {"dobj"}]
        if objs and head.lemma_.lower() not in {"promise"}:
            return conjuncts(objs[0]), False
        # "Japan is set to sign", "the envoy was asked to leave": the passive's surface subject
        surface = [c for c in head.children if c.dep_ == "nsubjpass"]
        if surface:
            return conjuncts(surface[0]), False
        return subject_tokens(head)[0], False
    doer = _bare_infinitive_doer(verb)
    if doer is not None:
        return conjuncts(doer), False
    if verb.dep_ in {"conj", "advcl", "acomp"}:
        if is_passive_verb(head) or shares_passive(head):
            # "was shot and killed by police, triggering protests": what triggers is the
            # shooting, not the police; a finite clause keeps the head's own by-phrase
            return ([] if verb.tag_ == "VBG" else _agents([head])), False
        return subject_tokens(head)[0], False
    if verb.dep_ == "pcomp" or head.dep_ == "prep":  # "praised Uganda for sending": Uganda sent (gerund_doers)
        return gerund_doers(verb) or subject_tokens(head.head)[0], False
    if verb.dep_ == "relcl":
        return [head], False
    if verb.dep_ == "acl" and verb.tag_ in FINITE_TAGS and head.dep_ == "ROOT" and head.pos_ in {"PROPN", "NOUN"}:
        # "Shinzo Abe, Japan's prime minister, called on ...": the parser made the name the
        # root and the sentence's finite verb a modifier of it; the name is its subject
        return conjuncts(head), False
    if verb.dep_ == "acl" and head.dep_ in {"dobj", "attr"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                   for c in verb.children):
        # "made decisions to expand ties", "took steps to improve": the deciding subject;
        # "welcomed Trump's decision to send", "the Swedish move to drop": the owner decided
        owners = noun_owners(head)
        return (conjuncts(owners[0]) if owners else subject_tokens(head.head)[0]), False
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Uganda's refusal to attend ... angered Kenya": the possessor of the noun acts
        owners = noun_owners(head)
        return (conjuncts(owners[0]) if owners else []), False
    return [], False


def _split_name(verb: Token, subject: Token) -> list[Token]:
    """A conjunct of the subject the parser made a second subject of the verb: "the United
    States and former colonial power Portugal condemned" is parsed with "power" a conjunct of
    the subject and "Portugal" a subject of its own, or with "and" left on the subject and
    "former colonial power Portugal" a subject; the name is one of the subjects."""
    doc = verb.doc
    inside = range(subject.left_edge.i, subject.right_edge.i + 1)
    for name in (c for c in verb.children if c.dep_ == "nsubj" and c.i > subject.i):
        before, title = doc[name.left_edge.i - 1], doc[name.i - 1]
        cut_title = title.pos_ == "NOUN" and title.dep_ == "conj" and title.i in inside and title.head.i != name.i
        cut_and = before.dep_ == "cc" and before.i in inside and name.left_edge.i == before.i + 1
        if name.pos_ == "PROPN" and (cut_title or cut_and):
            return conjuncts(name)
    return []


def _bare_infinitive_doer(verb: Token) -> Token | None:
    """"jailed a man for helping young militants *join* a group": a bare infinitive the parser
    conjoined to a verb of another form with nothing between but its object; the object before
    it is who does it ("help/let/make X do"), not the subject of the verb it was joined to."""
    if verb.dep_ != "conj" or verb.tag_ != "VB" or verb.head.tag_ == "VB" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ != "dobj" or before.pos_ not in {"NOUN", "PROPN"} or before.head.i == verb.head.i:
        return None
    return before


def noun_owners(noun: Token) -> list[Token]:
    """Whose a noun's act is: its possessor ("Trump's decision"), else a nationality adjective
    or country name ("the Swedish move", "a Kenyan offer", "the Iran deal": the country's)."""
    return [c for c in noun.children if c.dep_ == "poss"] or [
        c for c in noun.children if c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"}]


def gerund_doers(verb: Token) -> list[Token]:
    """"Accused Rwanda of making", "praised Uganda for sending": the object of the verb an "of"
    or "for" gerund depends on is who does the gerund's act ("apologised for killing": no object)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in {"of", "for"} or prep.head.i == prep.i:
        return []
    return [c for c in prep.head.children if c.dep_ == "dobj"]


def _agents(verbs: list[Token]) -> list[Token]:
    """The by-phrase agent of the first of `verbs` that has one ("attacked *by rebels*")."""
    for child in [c for v in verbs for c in v.children]:
        if child.dep_ == "agent":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if pobjs:
                return conjuncts(pobjs[0])
    return []


def target_tokens(verb: Token) -> list[Token]:
    """Candidate target heads: objects, datives, prepositional objects (also on the object)."""
    out: list[Token] = []
    passive_subjects = passive_patients(verb)
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "iobj"}:
            out.extend(conjuncts(child))
            if child.dep_ == "dative":
                out.extend(g for g in child.children if g.dep_ == "pobj")
    for obj in [c for c in verb.children if c.dep_ in {"dobj", "attr"}] + _measure_heads(verb):
        out.extend(_prep_objects(obj))
    out.extend(_prep_objects(verb))
    for subj in passive_subjects:
        out.extend(conjuncts(subj))
    if is_passive_participle(verb):
        out.extend(participle_patients(verb))
    return out


def passive_patients(verb: Token) -> list[Token]:
    """The surface subject of a passive verb (who it happens to), also of one that shares
    another's ("was shot and killed": the one shot was killed; "a vote hailed ... but
    dismissed": the vote). A bare participle's own patients: participle_patients."""
    if shares_passive(verb):
        if is_passive_participle(verb.head):
            return participle_patients(verb.head)
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    # a headline's reduced passive ("26 pirates arrested") has its patient parsed as subject
    return [c for c in verb.children if c.dep_ == ("nsubj" if is_headline_passive(verb) else "nsubjpass")]


def _measure_heads(verb: Token) -> list[Token]:
    heads = []
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in MEASURE_NOUNS:
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    heads.extend(p for p in prep.children if p.dep_ == "pobj")
    return heads


def _prep_objects(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in TARGET_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(conjuncts(pobj))
    return out
