"""The words the coreference pass reads (actors/data/coreference_words.tsv): role nouns that
name a body, not a person."""

from __future__ import annotations

from functools import lru_cache

from eventscope.knowledge.tsv import ACTOR_DATA, DataFileError, read_tsv, split_list

KINDS = frozenset({"body"})


@lru_cache(maxsize=1)
def coreference_words() -> dict[str, frozenset[str]]:
    """kind -> its words (lower case); every kind in KINDS, no other."""
    path = ACTOR_DATA / "coreference_words.tsv"
    out: dict[str, frozenset[str]] = {}
    for lineno, row in read_tsv(path):
        if row["kind"] not in KINDS or row["kind"] in out:
            raise DataFileError(f"{path}:{lineno}: kind {row['kind']!r} unknown or listed twice")
        out[row["kind"]] = frozenset(w.lower() for w in split_list(row["words"]))
    if out.keys() != KINDS:
        raise DataFileError(f"{path}: kinds missing: {', '.join(sorted(KINDS - out.keys()))}")
    return out
