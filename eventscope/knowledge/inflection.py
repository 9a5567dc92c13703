"""Verb inflection: the one place that spells a verb's regular forms, and the irregular ones.

A lexicon verb is found in a text by its forms, so the forms decide what is coded. Our own
lexicons get generous forms; a PETRARCH dictionary gets exactly PETRARCH2's forms, so that
its patterns match what they match under PETRARCH2.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventscope.knowledge.tsv import CLASSIFY_DATA, read_tsv, split_list

VOWELS = "aeiou"


def inflections(lemma: str, petrarch: bool = False) -> set[str]:
    """A verb's regular forms: attack -> attacks, attacked, attacking; cry -> cries, cried;
    agree -> agreed; watch -> watches; stop -> stopped, stopping.

    By default the plain endings are added too ("agreeing" beside "agreing", "vetoes" beside
    "vetos"): a text's word is looked up among the forms, so a form no one writes costs
    nothing, and a verb whose rule we get wrong is still found. ``petrarch=True`` gives
    PETRARCH2's forms: only the rule's three, -es only after a sibilant (not after "o"), and a
    doubled consonant only for verbs of up to four letters, never k or l ("stab" -> "stabbed",
    but "cancel" -> "canceled").
    """
    consonant_y = len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in VOWELS
    e_final = lemma.endswith("e")
    sibilant = lemma.endswith(("s", "sh", "ch", "x", "z") if petrarch else ("s", "sh", "ch", "x", "z", "o"))
    third = lemma[:-1] + "ies" if consonant_y else lemma + "es" if sibilant else lemma + "s"
    past = lemma[:-1] + "ied" if consonant_y else lemma + "d" if e_final else lemma + "ed"
    gerund = lemma[:-1] + "ing" if e_final else lemma + "ing"
    forms = {lemma, third, past, gerund}
    if not petrarch:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    doubled = "bdgmnprt" if petrarch else "bdgklmnprt"
    if re.search(f"[^{VOWELS}][{VOWELS}][{doubled}]$", lemma) and (not petrarch or len(lemma) <= 4):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, list[str]]:
    """lemma -> its irregular forms (coding/classify/data/irregular_verbs.tsv)."""
    return {row["lemma"]: split_list(row["forms"]) for _, row in read_tsv(CLASSIFY_DATA / "irregular_verbs.tsv")}


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb plus its irregular forms."""
    return inflections(lemma) | set(irregular_verbs().get(lemma, ()))
