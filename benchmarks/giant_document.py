"""Time and peak RSS of coding one long document (issue 17: giant documents).

    .venv/bin/python benchmarks/giant_document.py 200000        # characters, in paragraphs
    .venv/bin/python benchmarks/giant_document.py 60000 table   # no full stops: a table as text

The document is built from the example articles' sentences, four to a paragraph (or, for
``table``, from words with no punctuation at all). One process per figure: peak RSS is the
process's own, after a warm-up document.
"""

from __future__ import annotations

import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def long_text(n: int) -> str:
    sentences = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        sentences += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text) if len(s.split()) >= 8]
    parts, size = [], 0
    while size < n:
        parts.append(sentences[len(parts) % len(sentences)])
        size += len(parts[-1]) + 1
    return "\n\n".join(" ".join(parts[j:j + 4]) for j in range(0, len(parts), 4))


def table_text(n: int) -> str:
    rng = random.Random(1)
    words = "minister Russia Iran Moscow talks army police protest government rebels met visited attacked".split()
    out, size = [], 0
    while size < n:
        out.append(rng.choice(words))
        size += len(out[-1]) + 1
    return " ".join(out)


def main() -> None:
    from eventscope.models import Document, content_id
    from eventscope.pipeline import Processor

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    text = table_text(n) if sys.argv[2:] == ["table"] else long_text(n)
    processor = Processor()
    list(processor.process([Document(id="warm-up", text="The minister met his counterpart in Moscow.", origin="-")]))
    started = time.perf_counter()
    result = next(processor.process([Document(id=content_id(text), text=text, origin="giant")]))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    longest = max(len(s.text) for s in result.sentences)
    print(f"{len(text)} characters: {seconds:.1f} s, peak RSS {peak:.0f} MB, {len(result.sentences)} sentences "
          f"(longest {longest} characters), {len(result.events)} events")


if __name__ == "__main__":
    main()
