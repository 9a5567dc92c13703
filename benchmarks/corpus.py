"""A deterministic bench corpus of distinct, news-like articles.

Articles are assembled from a pool of real news sentences: the bundled example articles,
plus, when ../shared is present beside the project, the dev-set texts (read in place, never
copied into the repository). Article ``i`` draws its own random sentences (seeded by ``i``),
so ``n`` articles are ``n`` genuinely different texts: different content hashes, and far
below any near-duplicate threshold (two articles share a handful of a pool of thousands of
sentences), so the linking stage cannot divert 10x copies as duplicates.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = ROOT.parent / "shared" / "data" / "dev"
# Natural-prose dev sets (ECB+ is pre-tokenised, PETRARCH tests are invented names).
SHARED_SETS = ("multicoped_train.jsonl", "synthetic_plover_silver.jsonl")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d]))\s+(?=[\"\u201cA-Z])")
WORDS_PER_ARTICLE = 350
SENTENCES_PER_PARAGRAPH = 3
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _sentences(text: str) -> list[str]:
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        for sentence in SENTENCE_END.split(" ".join(paragraph.split())):
            # Prose only: a sentence has several words and ends like one.
            if len(sentence.split()) >= 6 and sentence.rstrip("\"\u201d").endswith((".", "!", "?")) \
                    and "{" not in sentence:
                out.append(sentence)
    return out


def sentence_pool() -> tuple[list[str], str]:
    """(sentences, description of where they came from)."""
    pool: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        pool += _sentences(path.read_text(encoding="utf-8"))
    origin = "examples/"
    if SHARED_DEV.exists():
        used = []
        for name in SHARED_SETS:
            path = SHARED_DEV / name
            if not path.exists():
                continue
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    pool += _sentences(json.loads(line).get("text") or "")
            used.append(name)
        origin += " + ../shared/data/dev/{" + ",".join(used) + "}"
    return list(dict.fromkeys(pool)), origin


def article(i: int, pool: list[str]) -> str:
    """Article number ``i``: a headline, a date line and paragraphs of pool sentences."""
    rng = random.Random(i)
    chosen, words = [], 0
    while words < WORDS_PER_ARTICLE:
        sentence = pool[rng.randrange(len(pool))]
        chosen.append(sentence)
        words += len(sentence.split())
    headline = " ".join(chosen[0].split()[:8]).rstrip(",.;:")
    date = f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {rng.randint(1995, 2025)}"
    paragraphs = [" ".join(chosen[k:k + SENTENCES_PER_PARAGRAPH])
                  for k in range(0, len(chosen), SENTENCES_PER_PARAGRAPH)]
    return f"{headline}\n\n{date}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, n: int, start: int = 0, pool: list[str] | None = None) -> None:
    """Articles ``start`` .. ``start + n - 1`` as .txt files in ``folder``."""
    pool = pool or sentence_pool()[0]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"{i:06d}.txt").write_text(article(i, pool), encoding="utf-8")
