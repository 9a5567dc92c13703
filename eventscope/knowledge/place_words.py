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
    "place_noun_prep", "while",
})


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """kind -> its words (lower case); every kind in KINDS, no other."""
    return read_word_kinds(CODING_DATA / "place_words.tsv", KINDS)
