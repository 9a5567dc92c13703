"""What a story's headline says of the act it names. A headline writes an act still to come as
a bare infinitive after its doer ("Japan to impose tariffs on Chinese steel", "Troops to leave
Niger") or after a word that puts it in the near future ("Kenya set to expel envoy"), and an
act done in the present tense ("Japan imposes tariffs"); the document model reads the act's
words alike in both (features.first_act_features), so it would name the story by an act the
headline only announces. After a frame verb ("agrees to disarm", "promises to relax") the
model reads the frame itself (``head:intent+TYPE``) and has learnt what it makes of it.

A headline also leaves its act undone when a modal, a hedge, a deliberating or planning word
comes shortly before it ("Deal would free 30 hostages", "Japan may lift ban", "Turkey expected
to free journalists", "Britain weighs expulsion of diplomats", "Planned troop withdrawal
delayed"): the words of modality.tsv `headline_modal`, and of `hedging`, `deliberating`,
`unrealising` and `possibility` in any inflection."""

from __future__ import annotations

from collections.abc import Mapping

from eventscope.coding.classify.features import COMPOSE_WINDOW, act_types
from eventscope.coding.classify.lexicon_index import LexiconIndex, tokens
from eventscope.coding.frame_nouns import frame_nouns
from eventscope.knowledge.inflection import verb_forms

INFINITIVE = "to"
UNDOING_KINDS = ("hedging", "deliberating", "unrealising", "possibility")  # inflected; `headline_modal` as written


def announces(title: str | None, label: str, index: LexiconIndex, modality: Mapping[str, frozenset[str]]) -> bool:
    """Is the first word of `title` that names an act of PLOVER type `label` a lexicon verb's
    bare form after "to", itself after a word that is neither a verb of the lexicon nor a
    frame noun ("Japan to impose"; not "agrees to", "commitment to": frame_nouns.tsv), or is a
    `prospective` word (modality.tsv: "set to", "ready to"); or does an undoing word (module
    docstring) come in the COMPOSE_WINDOW words before it? A noun naming the act ("return to
    talks") is not such a form."""
    words = tokens(title or "")
    for i, word in enumerate(words):
        if label in act_types(words, i, index):
            if undoing_words(modality).intersection(words[max(0, i - COMPOSE_WINDOW):i]):
                return True
            if i < 2 or index.forms.get(word) != word or words[i - 1] != INFINITIVE:
                return False
            before = words[i - 2]
            return before in modality.get("prospective", ()) or (
                before not in index.forms and before.rstrip("s") not in frame_nouns())
    return False


def undoing_words(modality: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The headline words that leave the act after them undone (module docstring)."""
    lemmas = set().union(*(modality.get(kind, ()) for kind in UNDOING_KINDS))
    return frozenset(modality.get("headline_modal", ())).union(*(verb_forms(lemma) | {lemma} for lemma in lemmas))
