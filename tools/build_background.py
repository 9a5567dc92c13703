"""Build eventscope/linking/data/background.tsv: how common each English word is.

The story clusterer weighs a term by how rare it is (idf). Counted on the stream alone, the
first documents of a store have no idea which words are common ("said" weighs as much as
"earthquake"), and documents join stories one at a time, so early mistakes stay. A fixed
background of general word frequencies, from the wordfreq package (a build-time tool only),
gives every term a prior document frequency from the start. Run after upgrading wordfreq:

    .venv/bin/pip install wordfreq==3.1.1
    .venv/bin/python tools/build_background.py

wordfreq's data is CC BY-SA 4.0 (github.com/rspeer/wordfreq); the header of the TSV says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "eventscope" / "linking" / "data" / "background.tsv"
WORDS = 40_000


def main() -> int:
    try:
        import wordfreq
    except ImportError:
        print("wordfreq is not installed (pip install wordfreq==3.1.1)", file=sys.stderr)
        return 2
    rows = [f"{w}\t{wordfreq.zipf_frequency(w, 'en'):.2f}" for w in wordfreq.top_n_list("en", WORDS)
            if w.isascii() and w.replace("'", "").replace("-", "").isalpha() and len(w) >= 2]
    header = (f"# English word frequencies (Zipf scale) from wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else '3.1.1'}, "
              "CC BY-SA 4.0 (github.com/rspeer/wordfreq); built by tools/build_background.py\nword\tzipf\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
