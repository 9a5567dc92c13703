"""Reading a predicate's clause from the dependency parse: verb keys, objects, roles.

Pure functions over spaCy tokens; the coder decides what the words mean.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.knowledge.place_words import place_words

SUBJECT_DEPS = {"nsubj", "csubj"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}  # a verb with tense: a clause's own predicate
TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "into", "upon", "from", "over", "for"}
OBJECT_PREPS = {"with", "for", "on", "about", "over", "of", "to", "in", "against", "into"}
MEASURE_NOUNS = {"day", "round", "series", "number", "kind", "sort", "type", "amount", "worth", "week",
                 "hour", "month", "year", "lot", "set", "batch", "wave", "host", "range", "package"}
CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "advcl", "parataxis"}  # a verb heading a clause, not a modifier
SENTENCE_ENDS = {".", "!", "?"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
MAX_OBJECT_DEPTH = 4
MAX_SUBTREE_WORDS = 15


def verb_keys(verb: Token, lemma: str | None = None) -> list[str]:
    """Lexicon keys for a verb, most specific first: 'rule out', 'leave for', 'leave'.
    `lemma` overrides the tagger's ("staged" is not "stag")."""
    lemma = lemma or verb.lemma_.lower()
    keys = []
    for child in verb.children:
        if child.dep_ == "prt":
            keys.append(f"{lemma} {child.lower_}")
    for child in verb.children:
        if child.dep_ in {"prep", "agent"} and child.i > verb.i and not _names_a_time(child) and not _names_a_place(child):
            keys.append(f"{lemma} {child.lower_}")
    keys.append(lemma)
    if verb.lower_ != lemma:
        keys.append(verb.lower_)
    return keys


def _names_a_time(prep: Token) -> bool:
    """"called his counterpart on Monday": a preposition of time makes no phrasal verb
    ("call on" is an appeal)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _names_a_place(prep: Token) -> bool:
    """"gave a speech in Berlin", "gave a lecture in the capital": a preposition saying where
    the act happened (place_words.tsv `adjunct_place_prep`) whose object is a place (a named
    one, or a place or facility noun) makes no phrasal verb either ("give in" is a concession).
    "into" is left out: "advanced into Syria" is the verb's own direction."""
    words = place_words()
    if prep.lower_ not in words["adjunct_place_prep"]:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.ent_type_ in PLACE_ENTITIES or o.lemma_.lower() in words["place_noun"] | words["facility_noun"]
        for o in objects)


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens conjoined with it ("Sergeyev and his counterpart")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and (child.pos_ == token.pos_ or child.pos_ in {"NOUN", "PROPN", "PRON"}):
            out.extend(conjuncts(child))
    return out


def direct_objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}]


def complement(verb: Token) -> Token | None:
    """The infinitival or gerund complement ("agreed to *sell*", "ruled out *cooperating*")."""
    for child in verb.children:
        if child.dep_ in {"xcomp"} and child.pos_ in {"VERB", "AUX"}:
            return child
    for child in verb.children:  # "refrained from attacking", "balked at committing", "insisted on leaving"
        if child.dep_ == "prep" and child.lower_ in {"to", "from", "at", "on"}:
            for grand in child.children:
                if grand.dep_ == "pcomp" and grand.pos_ == "VERB":
                    return grand
    for child in verb.children:  # "ruled out withdrawing": a gerund parsed as an adverbial clause
        if is_gerund_complement(child):
            return child
    for child in verb.children:  # "threatening to assault": an infinitive parsed as "to" + object
        if is_misparsed_infinitive(child):
            return next(g for g in child.children if g.dep_ == "pobj" and g.tag_ == "VB")
    for child in verb.children:
        if child.dep_ == "xcomp":
            return child
    return None


def is_gerund_complement(token: Token) -> bool:
    """A gerund the parser made an adverbial clause right after its verb or particle ("ruled
    out [withdrawing]", "rejected [extending] the deal"), with no subject or marker of its own:
    the verb's complement. A participle set off by a comma ("attacked, killing ten") is not."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.i < token.head.i:
        return False
    if any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in token.children):
        return False
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    return before is not None and (before.i == token.head.i or (before.dep_ == "prt" and before.head.i == token.head.i))


def is_misparsed_infinitive(token: Token) -> bool:
    """A "to" the parser made a preposition with a base-form verb as its object ("threatening
    to [prep] assault [pobj]"): it is the infinitive's "to", its verb a complement clause."""
    return token.dep_ == "prep" and token.lower_ == "to" and any(
        c.dep_ == "pobj" and c.tag_ == "VB" for c in token.children)


def clause_complements(verb: Token) -> list[Token]:
    """Finite complement clauses ("warned [Tehran would confront ...]")."""
    return [c for c in verb.children if c.dep_ == "ccomp"]


def said_clauses(verb: Token) -> list[Token]:
    """Complement clauses with the finite clauses conjoined to them, each with a subject of
    its own: "said [talks are impossible] and [the North should face sanctions]"."""
    out = []
    for clause in clause_complements(verb):
        out.append(clause)
        out.extend(c for c in clause.conjuncts if c.i > clause.i and c.pos_ in {"VERB", "AUX"}
                   and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children))
    return out


def is_passive_participle(verb: Token) -> bool:
    """A bare past participle heading a modifier clause is passive: "*Attacked* by rebels, the
    army retreated", "protesters *detained* by police". ("Having attacked ..." has an aux.)"""
    return (verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} or noun_modifier_as_conjunct(verb)) and not any(
        c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)


def noun_modifier_as_conjunct(verb: Token) -> bool:
    """"denounced the murder of three workers *killed* when ...": a participle right after a
    noun that the parser conjoined to the sentence's verb with no "and" or comma between. A
    verb conjoined with no conjunction follows a comma ("entered the town, killed five"); one
    that follows a noun directly modifies that noun."""
    if verb.dep_ != "conj" or verb.tag_ not in {"VBN", "VBD"} or verb.i == 0 or direct_objects(verb):
        return False
    before = verb.doc[verb.i - 1]
    return before.pos_ in {"NOUN", "PROPN"} and not any(
        t.dep_ == "cc" or t.text in {",", ";"} for t in verb.doc[verb.head.i + 1:verb.i])


def shares_passive(verb: Token) -> bool:
    """A bare participle conjoined to a passive verb shares its subject and auxiliary: "the
    teenager was shot and *killed* by police", "was evicted and *sentenced* to jail"; or
    conjoined to a passive participle, is one too: "a vote hailed by the government but
    *dismissed* by critics"."""
    participle = verb.tag_ == "VBN" or (  # the tagger often reads "and sentenced" as a past tense
        verb.tag_ == "VBD" and verb.lower_.endswith("ed") and not direct_objects(verb))
    passive_head = is_passive_verb(verb.head) or is_passive_participle(verb.head)
    return verb.dep_ == "conj" and participle and passive_head and not any(
        c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)


def is_passive(verb: Token) -> bool:
    """Is the clause passive, with an auxiliary, as a bare participle or sharing another's?"""
    return is_passive_verb(verb) or is_passive_participle(verb) or shares_passive(verb) or is_headline_passive(verb)


def is_passive_verb(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def is_headline_passive(verb: Token) -> bool:
    """A past participle with a subject but no auxiliary and no object is a headline's reduced
    passive ("Ship foils attack, 26 pirates *arrested*", "Two journalists *jailed* in Cairo"):
    its subject is what the act happened to, not who did it. (A finite past tense the tagger
    reads as such is VBD; "have arrested" has an auxiliary.)"""
    if verb.tag_ != "VBN" or verb.dep_ not in CLAUSE_DEPS or direct_objects(verb) or _ends_a_sentence(verb):
        return False
    return any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) \
        and not any(c.dep_ in {"aux", "auxpass", "nsubjpass"} for c in verb.children)


def _ends_a_sentence(verb: Token) -> bool:
    """Does the verb's sentence end as a sentence does, with a full stop? A headline does not;
    a sentence whose finite verb the tagger read as a participle ("France condemned as
    unacceptable allegations ...") does."""
    words = [t for t in verb.sent if not t.is_space and not t.is_quote]
    return bool(words) and words[-1].text in SENTENCE_ENDS


def passive_partners(verb: Token) -> list[Token]:
    """The other verbs of a coordinated passive ("shot" and "killed" in "was shot and killed
    by police"): the by-phrase the parser hangs on one of them is the agent of all that have
    none of their own (`_agents` reads the verb's own first: "hailed by the government but
    dismissed by critics": the critics dismissed)."""
    first = verb.head if shares_passive(verb) else verb
    if first is not verb and not (is_passive_verb(first) or is_passive_participle(first)):
        return []
    group = [first, *(c for c in first.children if shares_passive(c))]
    return [v for v in group if v.i != verb.i] if len(group) > 1 else []
