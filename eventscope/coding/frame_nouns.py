"""Frames named by nouns: "Uganda's refusal to attend the summit", "Kenya's threat to impose
sanctions", "Trump's reluctance to roll back tariffs".

A noun of coding/data/frame_nouns.tsv with a to-infinitive act and a possessive doer frames
that act as its verb would ("refused to attend": a rejection; "threatened to impose": a
threat); the doer is the possessive (coding.clause_roles.subject_tokens). Without a possessive
the noun names no one's frame here ("the decision to withdraw" is left as it was).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.knowledge.tsv import CODING_DATA, read_tsv
from eventscope.knowledge.verb_lexicon import Lexicon


@lru_cache(maxsize=1)
def frame_nouns() -> dict[str, str]:
    """noun lemma -> the frame verb whose frame it takes."""
    return {row["noun"]: row["verb"] for _, row in read_tsv(CODING_DATA / "frame_nouns.tsv")}


def noun_frame(verb: Token, lexicon: Lexicon) -> str | None:
    """The frame of the noun whose to-infinitive `verb` is, when a possessive owns the noun:
    "refuse" for "attend" in "Uganda's refusal to attend"; else None."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ != "NOUN" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    return frame_of_noun(noun, lexicon)


def frame_of_noun(noun: Token, lexicon: Lexicon) -> str | None:
    """The frame a noun names ("plans": plan, "a call": appeal, "its threat": threat)."""
    frame_verb = frame_nouns().get(noun.lemma_.lower())
    return lexicon.frames.get(frame_verb) if frame_verb else None
