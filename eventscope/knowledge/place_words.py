"""The words the place finder reads (coding/data/place_words.tsv): prepositions that say where,
nouns with a place of their own, modifiers that name an owner rather than a place, CAMEO roots
with a rule of their own."""

from __future__ import annotations

from functools import lru_cache

from eventscope.knowledge.tsv import CODING_DATA, DataFileError, read_tsv, split_list

KINDS = frozenset({
    "locative", "destination", "participant", "aimed", "border_prep", "border_link", "event_noun", "border",
    "place_noun", "occasion", "owned", "qualifier", "travel_verb", "march_verb", "visit_verb", "visit_root",
    "place_aimed_root", "strike_root", "visit_code", "occasion_prep", "seated_sector", "count", "origin_code", "attack_noun", "misread_label",
    "area_qualifier", "facility_noun",
})


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """kind -> its words (lower case); every kind in KINDS, no other."""
    path = CODING_DATA / "place_words.tsv"
    out: dict[str, frozenset[str]] = {}
    for lineno, row in read_tsv(path):
        if row["kind"] not in KINDS or row["kind"] in out:
            raise DataFileError(f"{path}:{lineno}: kind {row['kind']!r} unknown or listed twice")
        out[row["kind"]] = frozenset(w.lower() for w in split_list(row["words"]))
    if out.keys() != KINDS:
        raise DataFileError(f"{path}: kinds missing: {', '.join(sorted(KINDS - out.keys()))}")
    return out
