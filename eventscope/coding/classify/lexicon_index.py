"""The lexicon index the classifier's features read: every inflected form of the coder's verb
lexicon (coding/data/verbs.tsv, frames.tsv), its CAMEO roots and PLOVER types, the modality
words, and the PLOVER codebook cues (classify/data/plover_cues.tsv). Built once per lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from eventscope.knowledge import taxonomy
from eventscope.knowledge.inflection import inflections, verb_forms
from eventscope.knowledge.tsv import CLASSIFY_DATA, DataFileError, read_tsv
from eventscope.knowledge.verb_lexicon import Lexicon, default_lexicon

TOKEN = re.compile(r"\{[^}]*\}|[a-z]+(?:'[a-z]+)?|\d+")
PLACEHOLDER = "<ent>"  # template slots such as "{country_1}" in generated headlines


def tokens(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u02bc", "'")
    return [PLACEHOLDER if t.startswith("{") else t for t in TOKEN.findall(text)]


@dataclass
class LexiconIndex:
    """Word form -> lexicon verb lemma, and what each lemma stands for."""

    forms: dict[str, str] = field(default_factory=dict)  # "fought" -> "fight"
    phrasal: dict[tuple[str, str], str] = field(default_factory=dict)  # ("call", "for") -> "call for"
    roots: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma -> CAMEO roots
    frames: dict[str, str] = field(default_factory=dict)  # lemma -> frame
    plover: dict[str, str] = field(default_factory=dict)  # CAMEO root -> PLOVER type
    negators: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    conditionals: frozenset[str] = frozenset()
    phrasal_heads: frozenset[str] = frozenset()  # first words of `phrasal`: only they need the pair lookup
    cues: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)  # words -> cue features
    cue_heads: frozenset[str] = frozenset()  # first words of `cues`
    cue_length: int = 0  # words in the longest cue
    futures: frozenset[str] = frozenset()  # modals of the future ("will"); other modals: possible
    possibles: frozenset[str] = frozenset()  # "possibility", "prospect": read like "could"
    attributions: frozenset[str] = frozenset()  # inflected "say", "announce": no act of their own
    quads: dict[str, int] = field(default_factory=dict)  # PLOVER type -> its quad class
    reversals: dict[str, str] = field(default_factory=dict)  # inflected reversal verb -> lemma
    reversal_phrasal: dict[tuple[str, str], str] = field(default_factory=dict)  # ("calls", "off")
    governor_heads: frozenset[str] = frozenset()  # words that may start a frame, modal, possibility,
    # reversal or conditional: only they need `_governor_kind`


def plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _cue_forms(kind: str, words: list[str]) -> set[tuple[str, ...]]:
    if kind == "v":
        heads = verb_forms(words[0])
        return {(head, *words[1:]) for head in heads}
    if kind == "n":
        return {tuple(words), (*words[:-1], plural(words[-1]))}
    if kind == "t":  # the act threatened: "threatens to arrest"
        return {(threat, "to", *words) for threat in inflections("threaten")}
    return {tuple(words)}


def load_cues() -> dict[tuple[str, ...], tuple[str, ...]]:
    """plover_cues.tsv as word sequence -> its features (a sequence may signal several types)."""
    found: dict[tuple[str, ...], set[str]] = {}
    for lineno, row in read_tsv(CLASSIFY_DATA / "plover_cues.tsv"):
        event, mode, kind, cues = row["event"], row["mode"], row["kind"], row["cues"]
        if kind not in ("v", "n", "x", "t") or event not in taxonomy.plover_types():
            raise DataFileError(f"plover_cues.tsv:{lineno}: want event, mode, kind v/n/x/t, cues: {row}")
        names = {f"cue:{event}"} | ({f"cuemode:{event}/{mode}"} if mode else set())
        for cue in cues.split("|"):
            words = tokens(cue)
            if not words:
                raise DataFileError(f"plover_cues.tsv:{lineno}: empty cue in {cues!r}")
            for form in _cue_forms(kind, words):
                found.setdefault(form, set()).update(names)
    return {form: tuple(sorted(names)) for form, names in found.items()}


def _roots_of(patterns) -> frozenset[str]:
    defaults = [p for p in patterns if not p.objects] or list(patterns)
    roots = set()
    for pattern in defaults:
        root = taxonomy.cameo_root(pattern.cameo)
        if root:
            roots.add(root)
    return frozenset(roots)


def build_index(lexicon: Lexicon) -> LexiconIndex:
    index = LexiconIndex()
    # our own patterns only: the models were trained on these features, and the derived
    # CAMEO.2.0 patterns (knowledge.verb_lexicon) would shift them under the models
    own = {key: [p for p in patterns if not p.derived] for key, patterns in lexicon.verbs.items()}
    own = {key: patterns for key, patterns in own.items() if patterns}
    lemmas = set(own) | set(lexicon.frames)
    for key in sorted(lemmas):
        head, _, particle = key.partition(" ")
        forms = verb_forms(head)
        for form in forms:
            if particle:
                index.phrasal[(form, particle)] = key
            else:
                index.forms.setdefault(form, key)
        if key in own:
            index.roots[key] = _roots_of(own[key])
            for root in index.roots[key]:
                index.plover[root] = taxonomy.cameo(root).plover
        if key in lexicon.frames:
            index.frames[key] = lexicon.frames[key]
    index.phrasal_heads = frozenset(word for word, _ in index.phrasal)
    index.cues = load_cues()
    index.cue_heads = frozenset(words[0] for words in index.cues)
    index.cue_length = max(map(len, index.cues), default=0)
    index.futures = frozenset(lexicon.modality.get("future", ()))
    index.possibles = frozenset(lexicon.modality.get("possibility", ()))
    index.attributions = frozenset(form for lemma in lexicon.modality.get("attribution", ())
                                   for form in verb_forms(lemma))
    index.quads = {t: taxonomy.plover_info(t).quad_class for t in taxonomy.plover_types()}
    for lemma in sorted(lexicon.modality.get("reversal", ())):
        head, _, particle = lemma.partition(" ")
        for form in verb_forms(head):
            if particle:
                index.reversal_phrasal[(form, particle)] = lemma
            else:
                index.reversals[form] = lemma
    index.negators = frozenset(lexicon.modality.get("negator", ()))
    index.modals = frozenset(lexicon.modality.get("modal", ()))
    index.conditionals = frozenset(lexicon.modality.get("conditional", ()))
    index.governor_heads = frozenset(
        {form for form, lemma in index.forms.items() if lemma in index.frames}
        | {form for (form, _), lemma in index.phrasal.items() if lemma in index.frames}
        | set(index.reversals) | {form for form, _ in index.reversal_phrasal} | index.modals
        | index.possibles | index.conditionals)
    return index


@lru_cache(maxsize=4)
def index_for(lexicon: Lexicon) -> LexiconIndex:
    """The index of a lexicon, built once per lexicon."""
    return build_index(lexicon)


def default_index() -> LexiconIndex:
    return index_for(default_lexicon())
