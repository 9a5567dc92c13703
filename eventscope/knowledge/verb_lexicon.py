"""The coder's verb lexicons, read once from the TSV files in ``coding/data``.

Everything the coder knows about words lives in those files (verb patterns, noun
synsets, frame verbs, modality words, domain refinements); this module only parses
them into lookup tables. ``Lexicon.load(extra_verbs=...)`` lets a user dictionary add
patterns (PETRARCH verbs files are converted by ``knowledge.petrarch_verbs``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from eventscope.knowledge.tsv import CODING_DATA, read_tsv


@dataclass(frozen=True)
class VerbPattern:
    verb: str  # lemma, optionally "lemma particle"
    objects: frozenset[str]  # lemmas the pattern needs among the clause's object words; empty = default
    cameo: str
    label: str  # how the pattern is written, for evidence

    @property
    def specificity(self) -> int:
        return 1 if self.objects else 0


@dataclass(eq=False)  # one lexicon is one object: hashable, so indexes built from it are cached
class Lexicon:
    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    frames: dict[str, str] = field(default_factory=dict)
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    domains: dict[str, frozenset[str]] = field(default_factory=dict)
    refinements: dict[tuple[str, str], str] = field(default_factory=dict)
    # PETRARCH sequence patterns by the surface forms of their verb; when there are any,
    # they are the whole verb lexicon (coding.petrarch_coder), as in PETRARCH itself
    sequences: dict[str, list] = field(default_factory=dict)

    @classmethod
    def load(cls, extra_verbs: Iterable = ()) -> "Lexicon":
        """The built-in lexicon plus user verbs: (verb, objects, code) rows, or PETRARCH
        ``SequencePattern`` objects (from ``coding.petrarch_verbs``)."""
        lex = cls()
        for name, words in _rows("synsets.tsv"):
            lex.synsets[name] = frozenset(w.strip().lower() for w in words.split("|") if w.strip())
        for verb, obj, code in _rows("verbs.tsv"):
            lex.add_verb(verb, obj, code)
        for item in extra_verbs:
            if hasattr(item, "elements"):
                lex.add_sequence(item)
            else:
                lex.add_verb(*item)
        for lemma, frame in _rows("frames.tsv"):
            lex.frames[lemma] = frame
        for kind, words in _rows("modality.tsv"):
            lex.modality[kind] = frozenset(w for w in words.split("|") if w)
        for row in _rows("refinements.tsv"):
            if row[0] == "domain":
                lex.domains[row[1]] = frozenset(row[2].split("|"))
            else:
                lex.refinements[(row[0], row[1])] = row[2]
        return lex

    def add_verb(self, verb: str, obj: str, code: str) -> None:
        verb = " ".join(verb.lower().split())
        objects: set[str] = set()
        if obj and obj != "-":
            for part in obj.split("|"):
                part = part.strip().lower()
                if part.startswith("@"):
                    objects |= self.synsets.get(part[1:].upper(), frozenset())
                elif part:
                    objects.add(part)
        pattern = VerbPattern(verb, frozenset(objects), code, f"{verb} {obj} -> {code}")
        self.verbs.setdefault(verb, []).append(pattern)

    def add_sequence(self, pattern) -> None:
        for form in pattern.forms:
            self.sequences.setdefault(form, []).append(pattern)

    def match(self, verb_keys: Iterable[str], object_words: set[str]) -> VerbPattern | None:
        """Best pattern for the verb keys (most specific first) given the clause's object words."""
        best: VerbPattern | None = None
        best_rank = (-1, -1)
        for rank_key, key in enumerate(verb_keys):
            for pattern in self.verbs.get(key, ()):
                if pattern.objects and not (pattern.objects & object_words):
                    continue
                # a particle/preposition verb key beats the bare lemma; an object match beats the default
                rank = (pattern.specificity, -rank_key)
                if rank > best_rank:
                    best, best_rank = pattern, rank
        return best

    def refine(self, code: str, words: set[str]) -> str:
        for domain, vocabulary in self.domains.items():
            refined = self.refinements.get((code, domain))
            if refined and vocabulary & words:
                return refined
        return code

    def is_word(self, kind: str, word: str) -> bool:
        return word.lower() in self.modality.get(kind, frozenset())


def _rows(name: str) -> list[list[str]]:
    """Cells of a coding/data TSV in header order."""
    return [list(row.values()) for _, row in read_tsv(CODING_DATA / name)]


@lru_cache(maxsize=1)
def frame_rules() -> dict[str, dict[str, str]]:
    """frame_codes.tsv: frame -> {CAMEO code prefix (or "*") -> what the frame makes of it}."""
    table: dict[str, dict[str, str]] = {}
    for frame, prefix, result in _rows("frame_codes.tsv"):
        table.setdefault(frame, {})[prefix] = result
    return table


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()
