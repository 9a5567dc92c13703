"""Importer for PETRARCH verb dictionaries: verb blocks, synsets and word patterns.

Format (PETRARCH / TABARI)::

    &CURRENCY                     a synset: "+" lines are its phrases ("&X" nests one)
    +DOLLARS
    +SWISS FRANCS
    --- CONTRIBUTE [070] ---      a block: verb name and default code
    CONTRIBUTE                    the block's verbs; {FORMS} lists irregular forms, "_" joins
    WIRE_+TAP {WIRE_+TAPPED}      the words of a multi-word verb, "+" marks its head word,
    DOWNPLAY [014]                and a code after a verb overrides the block's for it
    - * &CURRENCY [903]           a pattern: words before "*" precede the verb, words after
                                  follow it; "_" = next word, a blank = words may intervene

In patterns ``$`` marks the source actor, ``+`` the target, ``%`` a compound actor whose
members act on each other, ``^`` any noun phrase to skip. Codes may be pairs, ``[032:033]``:
source->target 032 and target->source 033; ``[---]`` means "no event". Every pattern of a
block applies to every verb of the block. Unreadable lines are reported in ``warnings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import product
from pathlib import Path

from eventscope.knowledge.inflection import inflections
from eventscope.knowledge.petrarch import petr_lines

SPECIALS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}
GROUPING = re.compile(r"[(){}]")  # PETRARCH2's phrase brackets: "* (WITH &WEAPON)", "* {&MILITARY &TREATY}"
NO_EVENT_CODES = {"---", "+++", "###", ""}


@dataclass(frozen=True)
class Element:
    """One position of a pattern: a word or a special slot, in text order."""

    kind: str  # "word", "verb", "source", "target", "compound", "skip", "synset"
    word: str = ""  # the word; a synset's name
    adjacent: bool = False  # must directly follow the element before it
    # a synset: the word sequences it stands for (nested synsets spelled out), in file order
    alternatives: tuple[tuple["Element", ...], ...] = ()


@dataclass(frozen=True)
class SequencePattern:
    """A PETRARCH pattern for one verb: the elements around the verb and the code(s)."""

    verb: str  # the verb as written in the file ("BREAK_DOWN")
    words: tuple[str, ...]  # lower-cased words of the verb ("break", "down")
    head: int  # index of the inflected word in `words`
    forms: frozenset[str]  # surface forms of the head word
    elements: tuple[Element, ...]  # pre words, one "verb" element, post words
    code: str  # "" = no event
    reverse: str | None  # second code of a pair: target -> source
    label: str  # the pattern line as written, for evidence

    @property
    def size(self) -> int:
        return sum(e.kind != "verb" for e in self.elements)

    @cached_property
    def needs(self) -> frozenset[str]:
        """Words a sentence must contain for the pattern to match (outside its synsets)."""
        return frozenset(e.word for e in self.elements if e.kind == "word")

    def variants(self, words: set[str]):
        """The pattern with each synset spelled out as one of its phrases, in the order of
        the file (the first synset varies slowest), keeping only phrases whose words are all
        in `words`. A pattern names a synset once however many phrases it holds; it is spelled
        out only here, for the few phrases a sentence can match."""
        if not any(e.kind == "synset" for e in self.elements):
            yield self
            return
        choices: list[list[tuple[Element, ...]]] = []
        for element in self.elements:
            if element.kind != "synset":
                choices.append([(element,)])
                continue
            viable = [(replace(alt[0], adjacent=element.adjacent), *alt[1:]) for alt in element.alternatives
                      if all(e.kind != "word" or e.word in words for e in alt)]
            if not viable:
                return
            choices.append(viable)
        for chosen in product(*choices):
            yield replace(self, elements=tuple(e for part in chosen for e in part))


@dataclass
class VerbDictionary:
    patterns: list[SequencePattern] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: str | Path) -> "VerbDictionary":
        reader = _Reader(Path(path))
        reader.run()
        return cls(reader.patterns, reader.warnings)

    def extend(self, other: "VerbDictionary") -> None:
        self.patterns.extend(other.patterns)
        self.warnings.extend(other.warnings)


@dataclass
class _Verb:
    text: str
    words: tuple[str, ...]
    head: int
    forms: frozenset[str]
    code: str | None


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.synsets: dict[str, list[str]] = {}
        self.patterns: list[SequencePattern] = []
        self.warnings: list[str] = []
        self._verbs: list[_Verb] = []
        self._rules: list[tuple[str, str, str]] = []  # (pattern text, code, label)
        self._block_code: str | None = None  # None: outside any verb block
        self._unknown: set[str] = set()  # synsets used but never defined, reported once
        self._spelled: dict[str, tuple[tuple[Element, ...], ...]] = {}  # synset -> its phrases' elements

    def run(self) -> None:
        lines = list(petr_lines(self.path))
        self._read_synsets(lines)  # a synset may be used before the line defining it
        synset: str | None = None
        for lineno, line in lines:
            where = f"{self.path.name}:{lineno}"
            body = line.strip()
            if body.startswith("&"):
                self._flush()
                synset = body.split()[0][1:].rstrip("_").upper()
            elif body.startswith("---"):
                self._flush()
                synset = None
                m = re.fullmatch(r"---\s*(.+?)\s*\[\s*([^\]]*)\]\s*.*", body)
                if not m:
                    self.warnings.append(f"{where}: cannot read block header {body!r}")
                    self._block_code = None
                    continue
                self._block_code = m[2].strip()
            elif synset is not None and body.startswith("+"):
                continue  # read by _read_synsets
            elif body.startswith("-"):
                if body.endswith("["):
                    body += "###]"  # "[###]": the comment stripper ate the code
                m = re.fullmatch(r"-\s*(.*?)\s*\[\s*([^\]]*?)\s*\]\s*", body)
                if not m:
                    self.warnings.append(f"{where}: cannot read pattern {body!r}")
                    continue
                # PETRARCH2 reads a pattern without "*" as words that come before the verb
                text = m[1] if "*" in m[1] else m[1] + " *"
                self._rules.append((text, m[2], f"{where} {body}"))
            elif self._block_code is not None:
                synset = None
                verb = self._verb(body, where)
                if verb is not None:
                    self._verbs.append(verb)
            elif synset is None:
                self.warnings.append(f"{where}: a verb outside any '--- VERB [code] ---' block")
        self._flush()

    def _read_synsets(self, lines: list[tuple[int, str]]) -> None:
        name: str | None = None
        for _, line in lines:
            body = line.strip()
            if body.startswith("&"):
                name = body.split()[0][1:].rstrip("_").upper()
                self.synsets[name] = []
            elif name is not None and body.startswith("+"):
                self.synsets[name].append(body[1:].strip())
            else:
                name = None

    def _verb(self, body: str, where: str) -> _Verb | None:
        body = body.split(";", 1)[0].rstrip()  # "RIP {RIPPING RIPS RIPPED};shan 7/11/93": a TABARI comment
        m = re.fullmatch(r"([^\[{]+?)\s*(\{[^}]*\})?\s*(\[\s*([^\]]*?)\s*\])?", body)
        if not m:
            self.warnings.append(f"{where}: cannot read verb {body!r}")
            return None
        words, head = _verb_words(m[1])
        if not words:
            return None
        forms = inflections(words[head], petrarch=True)
        for extra in (m[2] or "").strip("{}").split():
            extra_words, extra_head = _verb_words(extra)
            if extra_words:
                forms.add(extra_words[extra_head])
        return _Verb(m[1].strip(), words, head, frozenset(forms), m[4])

    def _flush(self) -> None:
        rules = [(self._elements(text, label), code, label) for text, code, label in self._rules]  # once per block
        for verb in self._verbs:
            default = verb.code if verb.code is not None else (self._block_code or "")
            self._add(verb, (Element("verb"),), default, f"{verb.text} [{default}]")
            for elements, code, label in rules:
                self._add(verb, elements, code, label)
        self._verbs, self._rules = [], []

    def _add(self, verb: _Verb, elements: tuple[Element, ...] | None, code: str, label: str) -> None:
        primary, _, second = code.partition(":")
        primary = primary.strip()
        if "?" in primary:  # a code its authors marked as doubtful
            primary = ""
        if elements is not None:
            self.patterns.append(SequencePattern(
                verb.text, verb.words, verb.head, verb.forms, elements,
                "" if primary.upper() in NO_EVENT_CODES else primary,
                second.strip() or None, label))

    def _elements(self, text: str, label: str) -> tuple[Element, ...] | None:
        """A pattern's elements, each synset one element; None when it names an unknown synset
        (reported once per synset: PETRARCH2 reads such a pattern and it never matches)."""
        elements: list[Element] = []
        adjacent = False
        for piece in re.findall(r"_|\s+|[^_\s]+", GROUPING.sub("", text).strip()):
            if piece == "_":
                adjacent = True
                continue
            if piece.isspace():
                continue  # "IN_ *" is "IN_*": the underscore wins
            if piece.startswith("&"):
                name = piece[1:].upper()
                if name not in self.synsets:
                    if name not in self._unknown:
                        self._unknown.add(name)
                        where = label.split(" ", 1)[0]
                        self.warnings.append(f"{where}: unknown synset &{name}; its patterns never match")
                    return None
                if name not in self._spelled:
                    self._spelled[name] = tuple(seq for phrase in self.synsets[name] for seq in self._expand(phrase, 1) if seq)
                alternatives = self._spelled[name]
                elements.append(Element("synset", name, adjacent, alternatives))
            elif piece == "*":
                elements.append(Element("verb", adjacent=adjacent))
            elif piece in SPECIALS:
                elements.append(Element(SPECIALS[piece], adjacent=adjacent))
            else:
                elements += [Element("word", w, adjacent if k == 0 else True) for k, w in enumerate(_split_word(piece))]
            adjacent = False
        return tuple(elements)

    def _expand(self, text: str, depth: int = 0) -> list[tuple[Element, ...]]:
        """Every element sequence a synset's phrase stands for, nested synsets spelled out."""
        out: list[list[Element]] = [[]]
        adjacent = False
        for piece in re.findall(r"_|\s+|[^_\s]+", text.strip()):
            if piece == "_":
                adjacent = True
                continue
            if piece.isspace():
                continue  # "IN_ *" is "IN_*": the underscore wins
            if piece == "*":
                alternatives = [[Element("verb", adjacent=adjacent)]]
            elif piece in SPECIALS:
                alternatives = [[Element(SPECIALS[piece], adjacent=adjacent)]]
            elif piece.startswith("&") and depth < 5:
                name = piece[1:].upper()
                if name not in self.synsets:
                    if name not in self._unknown:
                        self._unknown.add(name)
                        self.warnings.append(f"{self.path.name}: unknown synset &{name} (inside a synset)")
                    return []
                alternatives = []
                for phrase in self.synsets[name]:
                    for seq in self._expand(phrase, depth + 1):
                        if seq:
                            alternatives.append([Element(seq[0].kind, seq[0].word, adjacent)] + list(seq[1:]))
            else:
                alternatives = [[Element("word", w, adjacent if k == 0 else True)]
                                for k, w in enumerate(_split_word(piece))]
                alternatives = [[a[0] for a in alternatives]]
            out = [seq + alt for seq in out for alt in alternatives]
            adjacent = False
        return [tuple(seq) for seq in out]


def _split_word(piece: str) -> list[str]:
    """A pattern word as spaCy tokenises it: "N'T" stays, "DON'T" is "do" + "n't"."""
    word = piece.lower()
    if word.endswith("n't") and len(word) > 3:
        return [word[:-3], "n't"]
    return [word]


def _verb_words(text: str) -> tuple[tuple[str, ...], int]:
    parts = [p for p in re.split(r"[_\s]+", text.strip()) if p]
    head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    return tuple(p.lstrip("+").lower() for p in parts), head
