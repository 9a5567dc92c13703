"""knowledge: everything eventscope knows, read from data files once per process.

One layer every stage reads: our TSV lexicons (``actor_lexicon``, ``verb_lexicon``,
``taxonomy``, ``inflection``; all read by ``tsv.read_tsv``) with the actors derived from the
Phoenix dictionaries under them (``derived_actors``), the user's dictionaries
(``dictionaries``: TSV and PETRARCH actors, agents, discards; PETRARCH actor files as records
by ``petrarch_actors``) and PETRARCH verb files (``petrarch_verbs``). Nothing here imports a
stage (``actors``, ``coding``, ...).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from eventscope.knowledge.actor_lexicon import Lexicon as ActorLexicon
from eventscope.knowledge.actor_files import load_lexicon
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


def dictionary_source(paths: str | Path | Sequence[str | Path] | None) -> str | None:
    """Several dictionary files or folders (`--dictionaries` repeated) as one source string,
    joined by os.pathsep like PATH, which the pipeline's configuration carries as it is."""
    if not paths:
        return None
    if isinstance(paths, (str, Path)):
        return str(paths)
    return os.pathsep.join(str(p) for p in paths) or None


def load_knowledge(dictionaries: str | Path | Sequence[str | Path] | None = None) -> Knowledge:
    """The knowledge for a dictionary source (None: the built-in knowledge only)."""
    return _load(dictionary_source(dictionaries))


@lru_cache(maxsize=4)  # once per process and source: dictionary warnings are printed once
def _load(dictionaries: str | None) -> Knowledge:
    dictionary = ActorDictionary.load(*dictionaries.split(os.pathsep)) if dictionaries else None
    patterns = dictionary.verb_patterns() if dictionary is not None else []
    verbs = VerbLexicon.load(patterns) if patterns else default_lexicon()
    return Knowledge(dictionaries or BUILT_IN, load_lexicon(), dictionary, verbs)
