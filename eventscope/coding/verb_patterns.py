"""Finding a verb's pattern in the coder's lexicon (knowledge.verb_lexicon): by its keys (lemma,
phrasal forms, the lexicon's own lemma when the tagger's is wrong), else by a known verb one
letter away ("threated" for "threaten"), then by the words of its objects; with the CAMEO code
the clause's words refine it to.

Read by coding.coder (Coder._pattern, for verbs and frame complements); split from it to keep
each module under the house size.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding import clause_objects, clauses
from eventscope.coding.selection import edit_distance_le1
from eventscope.knowledge.verb_lexicon import Lexicon, VerbPattern


def verb_pattern(verb: Token, lexicon: Lexicon, near_lemmas: dict[str, str | None]) -> tuple[VerbPattern, str, bool] | None:
    """The verb's pattern of the lexicon, the code it refines to by the clause's words, and
    whether the verb was read as a misspelt known one; None when it has none. `near_lemmas`
    caches `near_lemma` per lemma (the caller keeps it, one per lexicon)."""
    keys = clauses.verb_keys(verb)
    fuzzy = False
    if not any(k in lexicon.verbs for k in keys):
        known = lexicon.lemma_of(verb.lower_)  # the tagger's lemma may be wrong: "stag"
        if known is not None:
            keys = clauses.verb_keys(verb, known)
    if not any(k in lexicon.verbs for k in keys):
        near = near_lemma(keys[-1] if verb.lower_ == keys[-1] else verb.lemma_.lower(), lexicon, near_lemmas)
        if near is None:
            return None
        keys, fuzzy = [near], True
    words = clause_objects.object_words(verb)
    particles = {f" {c.lower_}" for c in verb.children if c.dep_ == "prt"}  # "back down"
    phrasal = [k for k in keys if any(k.endswith(p) for p in particles)]
    pattern = lexicon.match(keys, words, phrasal=phrasal)
    if pattern is None:
        return None
    domain_words = words | {c.lemma_.lower() for c in verb.children}
    return pattern, lexicon.refine(pattern.cameo, domain_words), fuzzy


def near_lemma(lemma: str, lexicon: Lexicon, near_lemmas: dict[str, str | None]) -> str | None:
    """Tolerate a one-letter misspelling of a known verb ("threated" for "threaten")."""
    if lemma in near_lemmas:
        return near_lemmas[lemma]
    best = None
    if len(lemma) >= 6 and lemma.isalpha():
        for key, patterns in lexicon.verbs.items():  # our own verbs: derived ones are many
            if " " not in key and not patterns[0].derived and key[:4] == lemma[:4] and edit_distance_le1(key, lemma):
                best = key
                break
    near_lemmas[lemma] = best
    return best
