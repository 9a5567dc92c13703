"""Features the event classifier reads, each one a string a person can read back.

Features come from the raw text only (no parse), so training on thousands of stories needs
no spaCy run and the coder computes exactly the same features at runtime:

- ``w:word`` / ``b:word word``: words and word pairs (TF-IDF weighted by the model);
- ``lex:lemma``: a verb of the coder's lexicon (coding/data/verbs.tsv) found in any
  inflection, with ``lexroot:NN`` / ``lexclass:N`` for the CAMEO root and class5 its
  default pattern codes, and ``frame:NAME`` for frame verbs (frames.tsv);
- ``neglex:N``: a lexicon verb of class N with a negator just before it ("did not attack");
- ``cue:neg`` / ``cue:modal`` / ``cue:cond``: negation, modal and conditional words
  (coding/data/modality.tsv);
- ``lexplover:TYPE``: the PLOVER type of that root (not for negated verbs);
- ``cue:TYPE`` / ``cuemode:TYPE/mode`` (stories only): a word of the PLOVER codebook's
  vocabulary (classify/data/plover_cues.tsv: "sentenced", "curfew", "hackers"), not negated;
- ``comp:KIND+TYPE`` (stories only): a frame verb, a modal, a possibility word or a reversal
  verb with the PLOVER type of the act it governs ("agree to disarm" -> ``comp:intent+RETREAT``,
  "could cut ties" -> ``comp:possible+SANCTION``, "the possibility of a ban on
  rallies" -> ``comp:possible+COERCE``, "lifts the curfew" -> ``comp:reversal+COERCE``), an act before
  a conditional ("will detain journalists if..." -> ``comp:if+COERCE``), and each also as
  ``comp:KIND+conflict`` / ``+cooperation``: what a headline says of the act, which single
  words cannot tell a linear model;
- ``head:TYPE`` / ``head:KIND+TYPE`` (stories only): the first act the text names, with the
  word that governs it; attribution verbs ("says") are skipped (`first_act_features`);
- ``t:...`` / ``l:...``: the same for a story's headline and for its first two sentences.

In stories, one-word country names, demonyms and capitals read as the placeholder of
template slots ("Iran", "Iranian", "Tehran" -> ``<ent>``): who acts is no evidence of what
kind of act it is, and the written training headlines name countries the generated ones don't.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from eventscope.knowledge import taxonomy
from eventscope.knowledge.actor_files import country_names

from eventscope.coding.classify.lexicon_index import PLACEHOLDER, LexiconIndex, default_index, tokens

STOPWORDS = frozenset(
    "the a an of to in on at for and or but by with from as is are was were be been being "
    "it its this that these those he she they them his her their we our you i which who whom "
    "has have had do does did so than then there here also into about over after before "
    "up out more most some such other any all each".split())
TITLE = "t:"  # prefix of headline features; the model weighs them as a block of their own
LEAD = "l:"  # prefix of the features of a story's first sentences
LEAD_SENTENCES = 2
BODY_BIGRAMS = False  # word pairs of long stories add many features and no accuracy
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
NEGATION_WINDOW = 3  # tokens before a lexicon verb in which a negator negates it
COMPOSE_WINDOW = 4  # tokens after a frame, modal or reversal word in which its act is sought


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """One-word country names, aliases, demonyms and capitals of the actor lexicon."""
    found = set()
    for name in country_names():
        words = tokens(name)
        if len(words) == 1 and len(words[0]) > 2 and words[0] not in STOPWORDS:
            found.add(words[0])
    return frozenset(found)


def _class5(root: str) -> int | None:
    try:
        return taxonomy.class5(root)
    except KeyError:
        return None


def _negated_at(words: list[str], i: int, index: LexiconIndex) -> bool:
    """A negator among the NEGATION_WINDOW words before words[i] ("did not attack")."""
    return any(w in index.negators or w.endswith("n't") for w in words[max(0, i - NEGATION_WINDOW):i])


def lexicon_features(words: list[str], index: LexiconIndex) -> Counter:
    found: Counter = Counter()
    heads, phrasal, forms = index.phrasal_heads, index.phrasal, index.forms
    for i, word in enumerate(words):
        lemma = None
        if word in heads:  # a phrasal verb ("call for") before the single word
            lemma = phrasal.get((word, words[i + 1] if i + 1 < len(words) else ""))
        if lemma is None:
            lemma = forms.get(word)
            if lemma is None:
                continue
        negated = _negated_at(words, i, index)
        found[f"lex:{lemma}"] += 1
        if lemma in index.frames:
            found[f"frame:{index.frames[lemma]}"] += 1
        for root in index.roots.get(lemma, ()):
            found[f"lexroot:{root}"] += 1
            plover = index.plover.get(root)
            if plover and not negated:
                found[f"lexplover:{plover}"] += 1
            cls = _class5(root)
            if cls is not None:
                found[f"neglex:{cls}" if negated else f"lexclass:{cls}"] += 1
    return found


def _cue_at(words: list[str], i: int, index: LexiconIndex) -> tuple[int, tuple[str, ...]] | None:
    """(length, feature names) of the longest codebook cue starting at words[i], or None."""
    if words[i] in index.cue_heads:
        for n in range(min(index.cue_length, len(words) - i), 0, -1):
            names = index.cues.get(tuple(words[i:i + n]))
            if names is not None:
                return n, names
    return None


def cue_features(words: list[str], index: LexiconIndex) -> Counter:
    """The codebook cues in `words`, longest match first, skipping negated ones."""
    found: Counter = Counter()
    i = 0
    while i < len(words):
        cue = _cue_at(words, i, index)
        if cue is not None:
            if not _negated_at(words, i, index):
                found.update(cue[1])
            i += cue[0] - 1
        i += 1
    return found


def act_types(words: list[str], i: int, index: LexiconIndex) -> frozenset[str]:
    """PLOVER types that words[i] names as an act: a lexicon verb's (by its default roots) or
    a codebook cue's starting there."""
    types = {index.plover[r] for r in index.roots.get(index.forms.get(words[i], ""), ())
             if r in index.plover}
    cue = _cue_at(words, i, index)
    if cue is not None:
        types.update(name.split(":", 1)[1] for name in cue[1] if name.startswith("cue:"))
    return frozenset(t for t in types if t)


def _governor_kind(words: list[str], i: int, index: LexiconIndex) -> str | None:
    word = words[i]
    if i + 1 < len(words) and (word, words[i + 1]) in index.reversal_phrasal:
        return "reversal"
    if word in index.reversals:
        return "reversal"
    frame = index.frames.get(index.forms.get(word, ""))
    if frame is not None:
        return frame
    if word in index.modals:
        return "future" if word in index.futures else "possible"
    if word in index.possibles:
        return "possible"
    return None


def composed_features(words: list[str], index: LexiconIndex) -> Counter:
    """``comp:KIND+TYPE`` for each frame verb, modal, possibility word or reversal verb
    followed, within COMPOSE_WINDOW words, by an act of PLOVER type TYPE, and for each act in
    the COMPOSE_WINDOW words before a conditional ("to detain journalists if they publish":
    ``comp:if+COERCE``); negated governors are skipped. Each also gives ``comp:KIND+conflict``
    or ``comp:KIND+cooperation`` by the act's quad class, so that what a "could" does to a
    ban is learnt from what it does to sanctions and strikes as well."""
    found: Counter = Counter()
    heads = index.governor_heads
    for i, word in enumerate(words):
        if word not in heads:
            continue
        if word in index.conditionals:  # what is threatened comes before "if"; the condition after
            for j in range(i - 1, max(-1, i - 1 - COMPOSE_WINDOW), -1):
                types = act_types(words, j, index)
                if types:
                    found.update(_composed("if", types, index))
                    break
            continue
        governed = _governed(words, i, index)
        if governed is not None:
            found.update(_composed(*governed, index))
    return found


def _governed(words: list[str], i: int, index: LexiconIndex) -> tuple[str, frozenset[str]] | None:
    """(kind, PLOVER types) when words[i] is a frame, modal, possibility or reversal word, not
    negated, with an act within COMPOSE_WINDOW words after it; else None. Call it only for
    words in ``index.governor_heads`` that are not conditionals."""
    kind = _governor_kind(words, i, index)
    if kind is None or _negated_at(words, i, index):
        return None
    for j in range(i + 1, min(len(words), i + 1 + COMPOSE_WINDOW)):
        types = act_types(words, j, index)
        if types:
            return kind, types
    return None


def first_act_features(words: list[str], index: LexiconIndex) -> Counter:
    """``head:TYPE`` for the first act the text names, or ``head:KIND+TYPE`` when a frame,
    modal, possibility or reversal word governs it; attribution verbs ("says") are skipped.
    A headline names its event first, and what else it mentions (the cause, the reaction)
    comes after: "Journalists detained, rights groups condemn" is a detention, "Condemnation
    after journalists detained" a condemnation."""
    for i, word in enumerate(words):
        if word in index.attributions:
            continue
        if word in index.governor_heads and word not in index.conditionals:
            governed = _governed(words, i, index)
            if governed is not None:
                kind, types = governed
                return Counter(f"head:{kind}+{t}" for t in sorted(types))
        types = act_types(words, i, index)
        if types:
            return Counter(f"head:{t}" for t in sorted(types))
    return Counter()


def _composed(kind: str, types: frozenset[str], index: LexiconIndex) -> list[str]:
    sides = {"conflict" if index.quads.get(t, 0) >= 3 else "cooperation" for t in types}
    return [f"comp:{kind}+{t}" for t in sorted(types)] + [f"comp:{kind}+{side}" for side in sorted(sides)]


def word_features(words: list[str], bigrams: bool = True) -> Counter:
    """``w:`` words and ``b:`` word pairs."""
    # Counter over a list counts in C: the same counts, in the same order, as a loop of +=
    found = Counter(["w:" + word for word in words if word not in STOPWORDS and len(word) > 1])
    if bigrams:
        found.update(["b:" + a + " " + b for a, b in zip(words, words[1:])
                      if not (a in STOPWORDS and b in STOPWORDS)])
    return found


def text_features(text: str, index: LexiconIndex | None = None, prefix: str = "",
                  bigrams: bool = True, cues: bool = False) -> Counter:
    """Counts of every feature of one text (a sentence, a headline or a whole story).
    Codebook cues are for stories only: in the sentence model they pulled plain statements
    ("the talks were useful") into the class of the thing talked about."""
    index = index or default_index()
    words = tokens(text)
    if cues:  # a story: names are slots (module docstring)
        names = name_words()
        words = [PLACEHOLDER if w in names else w for w in words]
    found = word_features(words, bigrams)
    found.update(lexicon_features(words, index))
    if cues:
        found.update(cue_features(words, index))
        found.update(composed_features(words, index))
        found.update(first_act_features(words, index))
    if any(w in index.negators or w.endswith("n't") for w in words):
        found["cue:neg"] += 1
    if any(w in index.modals for w in words):
        found["cue:modal"] += 1
    if any(w in index.conditionals for w in words):
        found["cue:cond"] += 1
    if prefix:
        return Counter({prefix + k: v for k, v in found.items()})
    return found


def sentence_features(text: str, index: LexiconIndex | None = None) -> Counter:
    return text_features(text, index)


def sentence_as_document(text: str, counts: Counter, index: LexiconIndex | None = None) -> Counter:
    """``document_features(text)`` of one sentence, from its ``sentence_features`` counts:
    the body is the same words without pairs and the lead is the sentence itself, so the
    document model can score every sentence without extracting its features again."""
    if len(SENTENCE_END.split(text.strip(), maxsplit=LEAD_SENTENCES)) > LEAD_SENTENCES or not LEAD_SENTENCES:
        return document_features(text, None, index)  # the lead is only part of the text
    index = index or default_index()
    words = tokens(text)
    names = name_words()
    if not names.isdisjoint(words):  # the sentence's own counts read names as words; stories as slots
        words = [PLACEHOLDER if w in names else w for w in words]
        counts = Counter({k: v for k, v in counts.items() if not k.startswith(("w:", "b:"))})
        counts.update(word_features(words))
    counts = counts + cue_features(words, index) + composed_features(words, index) + first_act_features(words, index)
    found = counts if BODY_BIGRAMS else Counter({k: v for k, v in counts.items() if not k.startswith("b:")})
    found = Counter(found)
    found.update({LEAD + k: v for k, v in counts.items()})
    return found


def document_features(text: str, title: str | None = None, index: LexiconIndex | None = None,
                      lead_sentences: int = LEAD_SENTENCES, bigrams: bool = BODY_BIGRAMS) -> Counter:
    """A story's features: its body, its headline's features marked ``t:`` and its lead's
    marked ``l:`` (news puts the event first)."""
    found = text_features(text, index, bigrams=bigrams, cues=True)
    if title:
        found.update(text_features(title, index, prefix=TITLE, cues=True))
    if lead_sentences:
        lead = " ".join(SENTENCE_END.split(text.strip(), maxsplit=lead_sentences)[:lead_sentences])
        found.update(text_features(lead, index, prefix=LEAD, cues=True))
    return found
