"""The model's attribute ruler, matched through an index instead of spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` sets POS, morphology and some lemmas from 179 rules.
Run by the Matcher it costs about a sixth of the whole parse: every rule is tried at every
token. Each rule here is instead filed under one of its exact tests ("TAG is NN", "LOWER is
one of that/if/because"), so a token only meets the rules a dictionary lookup hands it, and
their other tests (sets, NOT_IN, regexes, the next token) are checked on the spot. A rule
this cannot read (an operator such as "+", another attribute) stays with a Matcher.

The matches, their order and what they set are exactly the stock component's
(tests/test_analyze.py compares every token attribute). The rules still come from the
model, and the stock Matcher is kept, so the component saves, loads and lists its patterns
as before.
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}  # what doc.to_array reads
COLUMN = {name: i for i, name in enumerate(COLUMNS)}
Check = Callable[[list[int]], bool]  # a test of one token's row of COLUMNS


class IndexedAttributeRuler(AttributeRuler):
    def __init__(self, vocab, name: str = "attribute_ruler", **kwargs) -> None:
        super().__init__(vocab, name, **kwargs)
        self._reset_index()

    def _reset_index(self) -> None:
        # column -> value id -> [(rule, position of the indexed token, token checks)]
        self._index: dict[int, dict[int, list[tuple[int, int, list[Check]]]]] = {}
        self._scanned: list[tuple[int, list[Check]]] = []  # rules with no exact test: tried everywhere
        self._others = Matcher(self.vocab, validate=self.validate)

    def clear(self) -> None:
        super().clear()
        self._reset_index()

    def add(self, patterns, attrs, index: int = 0) -> None:
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        others = []
        for pattern in patterns:
            compiled = self._compile(pattern)
            if compiled is None:
                others.append(pattern)
                continue
            checks, anchor = compiled
            if anchor is None:
                self._scanned.append((rule, checks))
            else:
                position, column, values = anchor
                table = self._index.setdefault(column, {})
                for value in values:
                    table.setdefault(value, []).append((rule, position, checks))
        if others:
            self._others.add(self.vocab.strings.add(str(rule)), others)

    def match(self, doc: Doc):
        """The stock component's matches: (rule, match id, start, end), sorted."""
        rows = doc.to_array(list(COLUMNS.values())).tolist() if len(doc) else []
        found: set[tuple[int, int, int]] = set()
        for column, table in self._index.items():
            for i, row in enumerate(rows):
                for rule, position, checks in table.get(row[column], ()):
                    start = i - position
                    if _fits(rows, start, checks):
                        found.add((rule, start, start + len(checks)))
        for rule, checks in self._scanned:
            for start in range(len(rows) - len(checks) + 1):
                if _fits(rows, start, checks):
                    found.add((rule, start, start + len(checks)))
        keys = self.vocab.strings
        matches = [(rule, keys[str(rule)], start, end) for rule, start, end in found]
        if len(self._others):
            for match_id, start, end in self._others(doc, allow_missing=True, as_spans=False):
                matches.append((int(keys[match_id]), match_id, start, end))
        matches.sort()
        return matches

    # --- compiling a Matcher pattern into checks ---------------------------------------
    def _compile(self, pattern) -> tuple[list[Check], tuple[int, int, list[int]] | None] | None:
        """(one check per token, the exact test to file it under: (token position, column,
        value ids)), or None when the pattern uses anything else."""
        checks, anchors = [], []
        for position, test in enumerate(pattern):
            if not test:
                return None
            parts = []
            for name, spec in test.items():
                compiled = self._compile_test(name, spec)
                if compiled is None:
                    return None
                check, exact = compiled
                parts.append(check)
                if exact is not None:
                    anchors.append((position, COLUMN[name], exact))
            checks.append(_all(parts))
        # the most selective exact test: a word before a tag before a dependency label
        anchors.sort(key=lambda a: (a[1] != COLUMN["LOWER"], a[1] != COLUMN["TAG"], len(a[2])))
        return checks, (anchors[0] if anchors else None)

    def _compile_test(self, name: str, spec) -> tuple[Check, list[int] | None] | None:
        if name not in COLUMNS:
            return None
        col = COLUMN[name]
        if name == "IS_SPACE":
            if not isinstance(spec, bool):
                return None
            return (lambda row: row[col] == int(spec)), [int(spec)]
        if isinstance(spec, str):
            value = self._id(spec)
            return (lambda row: row[col] == value), [value]
        if not isinstance(spec, dict) or len(spec) != 1:
            return None
        (op, arg), = spec.items()
        if op == "IN" and isinstance(arg, list):
            values = {self._id(v) for v in arg}
            return (lambda row: row[col] in values), sorted(values)
        if op == "NOT_IN" and isinstance(arg, list):
            values = {self._id(v) for v in arg}
            return (lambda row: row[col] not in values), None
        if op == "REGEX" and isinstance(arg, str) and name == "LOWER":
            regex = re.compile(arg)
            return (lambda row: regex.search(self._lower(row[col])) is not None), None
        return None

    def _id(self, text: str) -> int:
        return 0 if text == "" else self.vocab.strings.add(text)  # "" is a missing value: 0

    def _lower(self, value: int) -> str:
        # no cache of our own: it would grow with every word of a long run
        return self.vocab.strings[value] if value else ""

    # --- loading replaces the patterns: index what was loaded --------------------------
    def from_bytes(self, bytes_data, **kwargs):
        super().from_bytes(bytes_data, **kwargs)
        self._reindex()
        return self

    def from_disk(self, path, **kwargs):
        super().from_disk(path, **kwargs)
        self._reindex()
        return self

    def _reindex(self) -> None:
        patterns = self.patterns
        self.clear()
        self.add_patterns(patterns)


def _all(parts: list[Check]) -> Check:
    if len(parts) == 1:
        return parts[0]
    return lambda row: all(part(row) for part in parts)


def _fits(rows: list[list[int]], start: int, checks: list[Check]) -> bool:
    if start < 0 or start + len(checks) > len(rows):
        return False
    return all(check(rows[start + k]) for k, check in enumerate(checks))


@Language.factory("indexed_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def use_indexed_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's attribute ruler for the indexed one, with the same rules."""
    if "attribute_ruler" not in nlp.pipe_names or isinstance(nlp.get_pipe("attribute_ruler"),
                                                              IndexedAttributeRuler):
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler")
    nlp.get_pipe("attribute_ruler").add_patterns(patterns)
