"""The words the coreference pass reads (actors/data/coreference_words.tsv): role nouns that
name a body, not a person, the sectors of a state's own agents, and the modifiers of roles
of no one country ("the international community"), and the joint bodies that name an actor
only when a modifier says who ("the Saudi-led coalition"), and the verbs whose object causes
the subject's act ("condemned North Korea after it fired": it is North Korea)."""

from __future__ import annotations

from functools import lru_cache

from eventscope.knowledge.tsv import ACTOR_DATA, read_word_kinds

KINDS = frozenset({"body", "state_sector", "no_country", "joint_body", "object_cause"})


@lru_cache(maxsize=1)
def coreference_words() -> dict[str, frozenset[str]]:
    """kind -> its words (lower case); every kind in KINDS, no other."""
    return read_word_kinds(ACTOR_DATA / "coreference_words.tsv", KINDS)
