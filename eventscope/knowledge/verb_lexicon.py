"""The coder's verb lexicons, read once from the TSV files in ``coding/data``.

Everything the coder knows about words lives in those files (verb patterns, noun
synsets, frame verbs, modality words, domain refinements); this module only parses
them into lookup tables. ``cameo_verbs.tsv`` (derived from PETRARCH2's CAMEO.2.0
dictionary by tools/build_verb_knowledge.py) adds patterns under our own: see
``DERIVED_GATE`` for which of them are used. ``Lexicon.load(extra_verbs=...)`` lets a user dictionary add
patterns (PETRARCH verbs files are converted by ``knowledge.petrarch_verbs``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from eventscope.knowledge.inflection import verb_forms
from eventscope.knowledge.tsv import CODING_DATA, read_tsv

# Which derived patterns join our lexicon: "new-verbs" = only verb keys our verbs.tsv lacks;
# "refine" = those, the default of a verb key ours has only object patterns for, plus object
# patterns of our verbs that name objects our patterns of that verb do not and keep the
# CAMEO root of our default for it (a finer code, never another
# category: "meet for talks" stays our 040, not CAMEO.2.0's 036); "objects" = any such
# object pattern of our verbs. Measured on the real-news train split (tools/build_verb_knowledge.py
# docstring); "refine" is the default.
DERIVED_GATE = "refine"
DERIVED_MARK = "(CAMEO.2.0"  # in a derived pattern's label, and so in the evidence of its events
STATEMENT_DEFAULT = "01"  # CAMEO root of a statement verb's default
NO_EVENT = "-"  # verbs.tsv code of a known non-event pattern ("face - -": facing charges is no act)


@dataclass(frozen=True)
class VerbPattern:
    verb: str  # lemma, optionally "lemma particle"
    objects: frozenset[str]  # lemmas the pattern needs among the clause's object words; empty = default
    cameo: str
    label: str  # how the pattern is written, for evidence
    requires: tuple[frozenset[str], ...] = ()  # further words all needed ("peace+plan")
    derived: bool = False  # from cameo_verbs.tsv, not our own verbs.tsv

    @property
    def specificity(self) -> int:
        return (1 if self.objects else 0) + len(self.requires)

    def fits(self, object_words: set[str]) -> bool:
        if self.objects and not (self.objects & object_words):
            return False
        return all(group & object_words for group in self.requires)


@dataclass(eq=False)  # one lexicon is one object: hashable, so indexes built from it are cached
class Lexicon:
    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)
    # patterns known to code nothing; they win over an equally specific derived pattern
    non_events: dict[str, list[VerbPattern]] = field(default_factory=dict)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    frames: dict[str, str] = field(default_factory=dict)
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    domains: dict[str, frozenset[str]] = field(default_factory=dict)
    refinements: dict[tuple[str, str], str] = field(default_factory=dict)
    # PETRARCH sequence patterns by the surface forms of their verb; when there are any,
    # they are the whole verb lexicon (coding.petrarch_coder), as in PETRARCH itself
    sequences: dict[str, list] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # derived verbs' word forms -> lemma
    _own_forms: dict[str, str] | None = None
    _by_label: dict[str, VerbPattern] | None = None

    @classmethod
    def load(cls, extra_verbs: Iterable = (), derived: bool = True) -> "Lexicon":
        """The built-in lexicon plus user verbs: (verb, objects, code) rows, or PETRARCH
        ``SequencePattern`` objects (from ``coding.petrarch_verbs``)."""
        lex = cls()
        for name, words in _rows("synsets.tsv"):
            lex.synsets[name] = frozenset(w.strip().lower() for w in words.split("|") if w.strip())
        for verb, obj, code in _rows("verbs.tsv"):
            lex.add_verb(verb, obj, code)
        if derived:
            lex.add_derived()
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

    def add_verb(self, verb: str, obj: str, code: str, derived: bool = False, label: str = "") -> None:
        verb = " ".join(verb.lower().split())
        groups: list[frozenset[str]] = []
        for group in (obj.split("+") if obj and obj != "-" else ()):
            words: set[str] = set()
            for part in group.split("|"):
                part = part.strip().lower()
                if part.startswith("@"):
                    words |= self.synsets.get(part[1:].upper(), frozenset())
                elif part:
                    words.add(part)
            groups.append(frozenset(words))
        pattern = VerbPattern(verb, groups[0] if groups else frozenset(), code,
                              label or f"{verb} {obj} -> {code}", tuple(groups[1:]), derived)
        (self.non_events if code == NO_EVENT else self.verbs).setdefault(verb, []).append(pattern)

    def add_derived(self) -> None:
        """The CAMEO.2.0-derived patterns our own lexicon lacks (DERIVED_GATE), and the
        inflected forms of their verbs."""
        own = {key: {(p.objects, p.cameo[:2]) for p in patterns} for key, patterns in self.verbs.items()}
        for _, row in read_tsv(CODING_DATA / "cameo_verbs.tsv"):
            verb, obj, code = row["verb"], row["objects"], row["cameo"]
            if not _gate(verb, obj, code, own):
                continue
            self.add_verb(verb, obj, code, derived=True,
                          label=f"{verb} {obj} -> {code} {DERIVED_MARK}{_line_of(row['source'])})")
        for _, row in read_tsv(CODING_DATA / "cameo_verb_forms.tsv"):
            for form in row["forms"].split("|"):
                self.forms.setdefault(form, row["verb"])

    @staticmethod
    def derived_evidence(evidence: Iterable) -> bool:
        """Was an event coded by a CAMEO.2.0-derived pattern (its "pattern" evidence says so)?"""
        return any(e.kind == "pattern" and DERIVED_MARK in e.value for e in evidence)

    def pattern_of(self, evidence: Iterable) -> VerbPattern | None:
        """The verb pattern an event was coded by (its "pattern" evidence names it), or None
        (an event noun, a model's event)."""
        if self._by_label is None:
            self._by_label = {p.label: p for patterns in self.verbs.values() for p in patterns}
        return next((self._by_label[e.entry] for e in evidence
                     if e.kind == "pattern" and e.entry in self._by_label), None)

    def lemma_of(self, form: str) -> str | None:
        """The lexicon verb a word form inflects ("staged" -> "stage", whatever the tagger's
        lemma): from the derived forms table and our own verbs' regular forms."""
        if self._own_forms is None:
            self._own_forms = {}
            for key in self.verbs:
                if " " not in key:
                    for f in verb_forms(key):
                        self._own_forms.setdefault(f, key)
        return self._own_forms.get(form) or self.forms.get(form)

    def add_sequence(self, pattern) -> None:
        for form in pattern.forms:
            self.sequences.setdefault(form, []).append(pattern)

    def match(self, verb_keys: Iterable[str], object_words: set[str],
              phrasal: Iterable[str] = ()) -> VerbPattern | None:
        """Best pattern for the verb keys (most specific first) given the clause's object words;
        None when nothing fits or the best fit is a known non-event. `phrasal`: the keys that
        are the verb with its particle ("back down"); when one of them has a pattern, the bare
        verb's CAMEO.2.0-derived object patterns do not apply: PETRARCH matches a particle verb
        as a verb of its own ("backed down on its plan" is no "back * plan", 051)."""
        verb_keys = list(verb_keys)
        phrasal = set(phrasal)
        particle_verb = any(k in self.verbs or k in self.non_events for k in phrasal)
        best: VerbPattern | None = None
        best_rank = (-1, -1, False)
        for rank_key, key in enumerate(verb_keys):
            for pattern in (*self.verbs.get(key, ()), *self.non_events.get(key, ())):
                if not pattern.fits(object_words):
                    continue
                if particle_verb and key not in phrasal and pattern.derived and pattern.objects:
                    continue
                # an object match beats the default; a particle/preposition verb key beats the
                # bare lemma; our own pattern beats a derived one; a known non-event beats a
                # pattern as specific (it was written to except those words: "seek shelter")
                rank = (pattern.specificity, -rank_key, not pattern.derived, pattern.cameo == NO_EVENT)
                if rank > best_rank:
                    best, best_rank = pattern, rank
        return None if best is not None and best.cameo == NO_EVENT else best

    def rules_out(self, verb_keys: Iterable[str], object_words: set[str], by_object: bool = False) -> bool:
        """Is the best fit for the verb and its objects a known non-event ("released a report")?
        `by_object`: only a non-event row that names objects counts ("moved a motion", "struck
        a blow": a figurative use), not a verb's default ("take", "find")."""
        verb_keys = list(verb_keys)
        return self.match(verb_keys, object_words) is None and any(
            p.fits(object_words) and (p.objects or not by_object) for k in verb_keys for p in self.non_events.get(k, ()))

    def refine(self, code: str, words: set[str]) -> str:
        for domain, vocabulary in self.domains.items():
            refined = self.refinements.get((code, domain))
            if refined and vocabulary & words:
                return refined
        return code

    def is_word(self, kind: str, word: str) -> bool:
        return word.lower() in self.modality.get(kind, frozenset())


def _line_of(source: str) -> str:
    return f" {source.rsplit(':', 1)[1]}" if ":" in source else ""


def _gate(verb: str, obj: str, code: str, own: dict[str, set]) -> bool:
    if verb not in own:
        return True
    if DERIVED_GATE == "new-verbs":
        return False
    if obj == "-":  # a default where ours has only object patterns ("call off @PROTEST")
        return not any(not objects for objects, _ in own[verb])
    words = {w for group in obj.split("+") for w in group.split("|")}
    if any(words & objects for objects, _ in own[verb]):
        return False
    defaults = {root for objects, root in own[verb] if not objects}
    return DERIVED_GATE == "objects" or code[:2] in defaults or _announces_an_act(words, defaults)


def _announces_an_act(words: set[str], defaults: set[str]) -> bool:
    """Is it the pattern of a statement verb of ours (its default CAMEO 01) whose object names
    an act (an event noun of event_nouns.tsv)? The noun is left to the verb whose object it
    is (coding.event_nouns), so only CAMEO.2.0's pattern codes the act: "announced new
    sanctions on Moscow" is a sanction (163), not a bare "announce - 010" that
    selection.analyst_events drops beside other acts. A verb whose default is an act keeps
    it ("meet for talks" stays our 040)."""
    return STATEMENT_DEFAULT in defaults and bool(words & set(event_nouns()))


def _rows(name: str) -> list[list[str]]:
    """Cells of a coding/data TSV in header order."""
    return [list(row.values()) for _, row in read_tsv(CODING_DATA / name)]


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, list[tuple[frozenset[str], str, str]]]:
    """event_nouns.tsv: noun lemma -> [(prepositions that introduce its target, CAMEO code,
    the role its possessive names: "source" or "target")]."""
    table: dict[str, list[tuple[frozenset[str], str, str]]] = {}
    for noun, preps, code, possessive in _rows("event_nouns.tsv"):
        words = frozenset() if preps == "-" else frozenset(preps.split("|"))
        table.setdefault(noun.lower(), []).append((words, code, possessive))
    return table


@lru_cache(maxsize=1)
def frame_rules() -> dict[str, dict[str, str]]:
    """frame_codes.tsv: frame -> {CAMEO code prefix (or "*") -> what the frame makes of it}."""
    table: dict[str, dict[str, str]] = {}
    for frame, prefix, result in _rows("frame_codes.tsv"):
        table.setdefault(frame, {})[prefix] = result
    return table


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    from eventscope.knowledge.table_cache import cached_table

    # built once from the coding data and kept (knowledge.table_cache): ~0.2 s of CPU -> ~0.03 s
    return cached_table("verb_lexicon", CODING_DATA.glob("*.tsv"), Lexicon.load)
