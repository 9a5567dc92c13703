"""`make bench-rss`: peak RSS of `eventscope run` on 400 and on 4,000 distinct articles (issue 17).

    .venv/bin/python benchmarks/rss_flat.py [--articles 400] [--scale 10] [--batch-size 8] [--keep DIR]

Both runs are fresh subprocesses of the same code, one after the other (benchmarks/bench.measure:
peak RSS from the kernel), over corpora of distinct synthetic articles (benchmarks/corpus.py).
Target: 4,000 / 400 <= 1.05 (flat). About 10 minutes on an idle machine; `make bench` has the
quick version (40 / 400 articles). When the ratio moves, benchmarks/rss_growth.py says where.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import BIN, measure  # noqa: E402
from corpus import sentence_pool, write_corpus  # noqa: E402

TARGET = 1.05


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--keep", type=Path, help="keep corpora, logs and databases in this folder")
    args = parser.parse_args()
    tmp_ctx = tempfile.TemporaryDirectory() if args.keep is None else None
    tmp = Path(tmp_ctx.name) if tmp_ctx else args.keep
    tmp.mkdir(parents=True, exist_ok=True)
    pool, _ = sentence_pool()
    peaks = []
    for n in (args.articles, args.articles * args.scale):
        corpus = tmp / f"c{n}"
        if not corpus.exists():
            write_corpus(corpus, n, start=10**6, pool=pool)
        db = tmp / f"r{n}.duckdb"
        db.unlink(missing_ok=True)
        seconds, rss, code, _ = measure([str(BIN / "eventscope"), "run", "--show", "0", str(corpus), "--db", str(db),
                                      "--batch-size", str(args.batch_size)], tmp / f"r{n}.log")
        peaks.append(rss)
        print(f"{n:>6} articles {seconds:7.1f} s  peak RSS {rss:6.0f} MiB  exit {code}", flush=True)
    print(f"RSS ratio {args.scale}x/1x: {peaks[1] / peaks[0]:.3f} (target <= {TARGET})")


if __name__ == "__main__":
    main()
