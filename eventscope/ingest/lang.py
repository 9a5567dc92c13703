"""A cheap "is this English?" check.

The coder's lexicons are English, so other languages only produce noise. Rather than a
language-ID model, count function words: English ones (``data/english_stopwords.txt``,
chosen to be rare in other languages) against those of other languages
(``data/foreign_function_words.tsv``). English news runs at 25-45 % English function words,
other languages at 0-3 %. A single English sentence packed with names can also score 0 %,
which is why a low English share alone only rejects long texts; short ones need positive
evidence of another language. Text in a non-Latin script is caught by its letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from eventscope.ingest.wordlists import content_lines, word_set

MIN_TOKENS = 20  # below this word shares say little; give short text the benefit of the doubt
MAX_ENGLISH_SHARE_FOREIGN = 0.10  # above this it is English with some foreign words in it
MIN_FOREIGN_SHARE = 0.08  # other languages' function words make 20-40 % of their text
MIN_ENGLISH_SHARE = 0.02  # a long text with fewer English function words is not English
MIN_TOKENS_WITHOUT_EVIDENCE = 200
MIN_LETTERS = 40
MIN_LATIN_SHARE = 0.5
_SAMPLE_CHARS = 20_000  # the start of a long text is enough to judge its language

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    return word_set("english_stopwords.txt")


@lru_cache(maxsize=1)
def foreign_function_words() -> dict[str, frozenset[str]]:
    """Language name -> its function words."""
    table = {}
    for line in content_lines("foreign_function_words.tsv"):
        language, words = line.split("\t", 1)
        table[language.strip()] = frozenset(words.lower().split())
    return table


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _script(char: str) -> str:
    # The first word of a letter's Unicode name is its script: LATIN, CYRILLIC, ARABIC, CJK...
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def _non_latin_script(sample: str) -> str | None:
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    # ASCII letters are Latin: only the others need a Unicode name lookup
    scripts = Counter(_script(c) for c in letters if not c.isascii())
    scripts["LATIN"] += sum(c.isascii() for c in letters)
    if scripts["LATIN"] / len(letters) >= MIN_LATIN_SHARE:
        return None
    script = max((s for s in scripts if s != "LATIN"), key=lambda s: scripts[s])
    return f"{script.title()} script"


def non_english_reason(text: str) -> str | None:
    """None when ``text`` may be English; otherwise what was detected, e.g. "German ..."."""
    sample = text[:_SAMPLE_CHARS]
    script = _non_latin_script(sample)
    if script:
        return script
    words = tokens(sample)
    if len(words) < MIN_TOKENS:
        return None
    english = sum(w in english_stopwords() for w in words) / len(words)
    if english >= MAX_ENGLISH_SHARE_FOREIGN:
        return None
    shares = {lang: sum(w in vocab for w in words) / len(words)
              for lang, vocab in foreign_function_words().items()}
    language = max(shares, key=lambda lang: shares[lang])
    if shares[language] >= MIN_FOREIGN_SHARE and shares[language] > english:
        return f"{language}: {shares[language]:.0%} {language} vs {english:.0%} English function words"
    if english < MIN_ENGLISH_SHARE and len(words) >= MIN_TOKENS_WITHOUT_EVIDENCE:
        return f"{english:.0%} English function words in {len(words)} tokens"
    return None
