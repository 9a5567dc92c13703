"""knowledge: everything eventscope knows, read from data files once per process.

One layer every stage reads: our TSV lexicons (``actor_lexicon``, ``verb_lexicon``,
``taxonomy``, ``inflection``; all read by ``tsv.read_tsv``), the user's dictionaries
(``dictionaries``: TSV and PETRARCH actors, agents, discards) and PETRARCH verb files
(``petrarch_verbs``). Nothing here imports a stage (``actors``, ``coding``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventscope.knowledge.actor_lexicon import Lexicon as ActorLexicon, load_lexicon
from eventscope.knowledge.dictionaries import ActorDictionary
from eventscope.knowledge.verb_lexicon import Lexicon as VerbLexicon, default_lexicon

BUILT_IN = "built-in"


@dataclass(frozen=True, eq=False)
class Knowledge:
    """What the actors and coding steps know, built once per process and source."""

    source: str  # BUILT_IN, or the user's dictionary file or folder
    actors: ActorLexicon  # the built-in actor lexicon (countries, people, organisations, roles)
    dictionary: ActorDictionary | None  # the user's actors, agents and discards
    verbs: VerbLexicon  # verb and noun patterns; a PETRARCH verbs file replaces ours

    @property
    def petrarch(self) -> bool:
        """A PETRARCH verbs file was given: code the PETRARCH way (coding.petrarch_coder)."""
        return bool(self.verbs.sequences)


def load_knowledge(dictionaries: str | Path | None = None) -> Knowledge:
    """The knowledge for a dictionary source (None: the built-in knowledge only)."""
    return _load(str(dictionaries) if dictionaries else None)


@lru_cache(maxsize=4)  # once per process and source: dictionary warnings are printed once
def _load(dictionaries: str | None) -> Knowledge:
    dictionary = ActorDictionary.load(dictionaries) if dictionaries else None
    patterns = dictionary.verb_patterns() if dictionary is not None else []
    verbs = VerbLexicon.load(patterns) if patterns else default_lexicon()
    return Knowledge(dictionaries or BUILT_IN, load_lexicon(), dictionary, verbs)
