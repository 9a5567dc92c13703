"""Recognise site-chrome lines ("Accessibility links", "Share this article", ...).

The patterns live in ``data/boilerplate.txt`` so they can be extended without code
changes; see the header of that file for its format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Boilerplate is short. A long line that happens to match a loose regex is prose.
MAX_BOILERPLATE_CHARS = 240
# Characters that end a sentence; a glued trailer must follow one of these.
SENTENCE_END = ('.', '!', '?', '"', "'", "\u201d", "\u2019", ")")
_TRAILING_PUNCT = " \t:.!|-\u2013\u2014\u00bb\u203a"


@dataclass(frozen=True)
class BoilerplatePatterns:
    literals: frozenset[str]  # normalised literal lines
    glue_literals: tuple[str, ...]  # multi-word literals, longest first, for glued trailers
    regexes: tuple[re.Pattern[str], ...]


def _normalise(line: str) -> str:
    return " ".join(line.split()).lower().strip(_TRAILING_PUNCT)


def parse_patterns(lines: list[str]) -> BoilerplatePatterns:
    """Build the matcher from the lines of a pattern file (format: data/boilerplate.txt)."""
    literals: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("re:"):
            regexes.append(re.compile(line[3:].strip(), re.IGNORECASE))
        else:
            literals.add(_normalise(line))
    # Only multi-word literals are stripped when glued to text: a single word such as
    # "Home" or "Print" at the end of a sentence is too likely to be real prose.
    glue = tuple(sorted((lit for lit in literals if " " in lit), key=len, reverse=True))
    return BoilerplatePatterns(frozenset(literals), glue, tuple(regexes))


@lru_cache(maxsize=1)
def default_patterns() -> BoilerplatePatterns:
    text = resources.files("eventscope.ingest").joinpath("data/boilerplate.txt").read_text("utf-8")
    return parse_patterns(text.splitlines())


def is_boilerplate(line: str, patterns: BoilerplatePatterns | None = None) -> bool:
    """True when the whole line is site chrome."""
    patterns = patterns or default_patterns()
    stripped = " ".join(line.split())
    if not stripped or len(stripped) > MAX_BOILERPLATE_CHARS:
        return False
    if _normalise(stripped) in patterns.literals:
        return True
    return any(rx.fullmatch(stripped) for rx in patterns.regexes)


def strip_glued_trailer(line: str, patterns: BoilerplatePatterns | None = None) -> str:
    """Remove chrome glued onto the end of a line: "...U.S. interests.Accessibility links".

    The remainder must end like a sentence, otherwise the line is returned unchanged (so
    "...met on Breaking News" style prose is never cut).
    """
    patterns = patterns or default_patterns()
    remainder = line.rstrip()
    cut = False
    while True:
        lower = remainder.lower()
        for literal in patterns.glue_literals:
            if lower.endswith(literal):
                remainder = remainder[: len(remainder) - len(literal)].rstrip()
                cut = True
                break
        else:
            break
    if cut and remainder and remainder.endswith(SENTENCE_END):
        return remainder
    return line
