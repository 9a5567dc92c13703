"""Which words of a clause may satisfy a verb pattern's object ("imposed sanctions on
Iran": sanction, iran, on, ...): objects, their modifiers and complements, the passive's
subject and the noun a relative or participle clause modifies.

Pure functions over spaCy tokens, as clauses.py.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.knowledge.tsv import CODING_DATA, read_tsv, split_list
from eventscope.coding.clauses import MAX_OBJECT_DEPTH, MAX_SUBTREE_WORDS, MEASURE_NOUNS, OBJECT_PREPS, direct_objects, is_headline_passive


def object_words(verb: Token) -> set[str]:
    """Lemmas that may satisfy a pattern's object: objects, their modifiers and complements."""
    words: set[str] = set()
    for obj in direct_objects(verb) + [c for c in verb.children if c.dep_ in {"dative", "npadvmod"}]:
        _collect_np(obj, words, 0)
        if obj.dep_ == "oprd":  # "called the process a sham": what it is called, as with "described as"
            words.add("as")
        # deeper words of the object ("worth of what it said were defensive weapons")
        words.update(sense_of(t) or t.lemma_.lower() for t in list(obj.subtree)[:MAX_SUBTREE_WORDS]
                     if t.pos_ in {"NOUN", "ADJ"} and _preps_between(t, obj) <= 1)
    # the passive's object is its subject: "a report was released", "a report released on Monday"
    for subject in (c for c in verb.children if c.dep_ == ("nsubj" if is_headline_passive(verb) else "nsubjpass")):
        _collect_np(subject, words, 0)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" or relativized_object(verb):
        _collect_np(verb.head, words, 0)
    for child in verb.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in OBJECT_PREPS:
            words.add(child.lower_)
            for pobj in child.children:
                if pobj.dep_ in {"pobj", "pcomp"}:
                    _collect_np(pobj, words, 1)
                if pobj.dep_ == "pcomp":  # "caught on [tape saying]": the parser makes the
                    # preposition's noun the subject of the gerund after it
                    for subject in (g for g in pobj.children if g.dep_ == "nsubj" and g.i < pobj.i):
                        _collect_np(subject, words, 1)
        elif child.dep_ in {"xcomp", "acomp"}:
            words.add(child.lemma_.lower())
            words.update("not" for g in child.children if g.dep_ == "neg")  # "pleaded not guilty"
        elif child.dep_ == "advmod":
            words.add(child.lower_)
    return words


RELATIVE_WORDS = {"that", "which", "whom", "who"}


def relativized_object(verb: Token) -> bool:
    """Is the noun a relative clause modifies that clause's object ("16 letters *that* the
    chambers had received", "a call the White House released to the public")? Its relative
    word is the object, or the clause has a subject of its own and no object."""
    if verb.dep_ != "relcl":
        return False
    objects = direct_objects(verb)
    if objects:
        return all(o.lower_ in RELATIVE_WORDS for o in objects)
    return any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_WORDS for c in verb.children) and not any(
        c.dep_ in {"ccomp", "xcomp", "prep"} and c.i > verb.i and not any(g.dep_ == "pobj" for g in c.children)
        for c in verb.children)


def _preps_between(token: Token, top: Token) -> int:
    """Prepositions other than "of" on the path from `top` down to `token`. A noun two
    prepositions down belongs to another noun's phrase, not to the object ("joined calls for an
    investigation into the attack": the calls are joined, not the attack)."""
    count = 0
    while token.i != top.i and token.head.i != token.i:
        count += token.dep_ in {"prep", "agent"} and token.lower_ != "of"
        token = token.head
    return count


@lru_cache(maxsize=1)
def noun_senses() -> dict[str, tuple[frozenset[str], str]]:
    """noun_senses.tsv: noun -> (modifiers that choose its other sense, the word it then reads as)."""
    return {row["noun"]: (frozenset(split_list(row["modifiers"])), row["reads_as"])
            for _, row in read_tsv(CODING_DATA / "noun_senses.tsv")}


def sense_of(token: Token) -> str | None:
    """The word a two-sense noun reads as by its modifier ("air strikes" -> "airstrike"), or None."""
    sense = noun_senses().get(token.lemma_.lower())
    if sense is None:
        return None
    modifiers, reads_as = sense
    hit = any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in modifiers for c in token.children)
    return reads_as if hit else None


def _collect_np(token: Token, words: set[str], depth: int) -> None:
    if depth > MAX_OBJECT_DEPTH:
        return
    reads_as = sense_of(token)
    if reads_as is not None:
        words.add(reads_as)
    else:
        words.add(token.lemma_.lower())
        words.add(token.lower_)
    for child in token.children:
        if child.dep_ in {"compound", "amod", "nmod", "conj"}:
            words.add(child.lemma_.lower())
            words.add(child.lower_)
            if child.dep_ == "conj":
                _collect_np(child, words, depth + 1)
        elif child.dep_ == "prep" and (token.lemma_.lower() in MEASURE_NOUNS or child.lower_ == "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _collect_np(pobj, words, depth + 1)
        elif child.dep_ in {"acl", "relcl"} and depth == 0:
            words.add(child.lemma_.lower())
        elif child.dep_ == "prep" and depth == 0 and child.lower_ == "against":
            words.add("against")  # "continued operations against the rebels": aimed at someone
