"""The words the place finder reads (coding/data/place_words.tsv): prepositions that say where,
nouns with a place of their own, modifiers that name an owner rather than a place, CAMEO roots
with a rule of their own."""

from __future__ import annotations

from functools import lru_cache

from eventscope.knowledge.tsv import CODING_DATA, read_word_kinds

KINDS = frozenset({
    "locative", "destination", "participant", "aimed", "border_prep", "border_link", "event_noun", "border",
    "place_noun", "occasion", "owned", "qualifier", "travel_verb", "march_verb", "visit_verb", "visit_root",
    "place_aimed_root", "strike_root", "visit_code", "occasion_prep", "seated_sector", "count", "origin_code", "attack_noun", "misread_label",
    "area_qualifier", "facility_noun", "same_time", "home_root", "home_sector", "carrier_label", "water",
    "place_noun_prep", "while", "arrival_verb", "adjunct_place_prep",
})


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """kind -> its words (lower case); every kind in KINDS, no other."""
    return read_word_kinds(CODING_DATA / "place_words.tsv", KINDS)


def names_a_sea(toks, start: int, end: int) -> bool:
    """Are the words toks[start:end] (actor_lexicon Tokens) part of a sea's name: after "<Water>
    of" ("the Gulf of Aden", "the Bay of Bengal") or before a capitalised water word ("the
    South China Sea", "the Taiwan Strait")? An actor phrase's place there is no actor."""
    water = place_words()["water"]

    def capitalised_water(i: int) -> bool:
        return 0 <= i < len(toks) and toks[i].norm in water and toks[i].text[:1].isupper()

    return (start >= 2 and toks[start - 1].norm == "of" and capitalised_water(start - 2)) or capitalised_water(end)
