"""Where linking's time goes, statement by statement (`python benchmarks/link_profile.py`).

Codes the first `--articles` ECB+ dev articles (as bench_link_real.py does), then links them
(near-copies + store writes + linking, in batches of `--batch` (default: eventscope run's in
one process, 256), one transaction each, briefs caught up at the end) into an empty store and
into one prefilled with `--prefill` synthetic articles,
and prints for each: CPU seconds per 100 articles, how many DuckDB statements ran and their
share of the CPU, and the statements that cost most (CPU per call, grouped by their first
words). `--cprofile N` adds the N top functions by cumulative time (cProfile inflates Python);
`--split` the CPU of linking's pieces, function by function (benchmarks/link_split.py).
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_link_real import ECB, IN_PROCESS_BATCH, code_articles, link_into, prefill  # noqa: E402


class TimedConnection:
    """A DuckDB connection whose execute() (and the fetch after it) is timed per statement."""

    def __init__(self, con):
        self.con = con
        self.stats: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0])

    def execute(self, sql, *args):
        key = " ".join(sql.split())[:100]
        began = time.process_time()
        cursor = self.con.execute(sql, *args)
        rows = cursor.fetchall() if cursor.description else []
        entry = self.stats[key]
        entry[0] += 1
        entry[1] += time.process_time() - began
        return _Fetched(cursor.description, rows)

    def __getattr__(self, name):
        return getattr(self.con, name)


class _Fetched:
    def __init__(self, description, rows):
        self.description, self._rows = description, rows

    def fetchall(self):
        return self._rows

    def fetchone(self):
        return self._rows[0] if self._rows else None

    def fetchnumpy(self):
        import numpy as np

        return {d[0]: np.array([r[i] for r in self._rows]) for i, d in enumerate(self.description)}


def profile(path: Path, results: list, label: str, top: int, cprofile: int, batch: int = 64,
            pieces: bool = False) -> None:
    from contextlib import nullcontext

    from eventscope import linking
    from eventscope.store import Store
    from link_split import report, split

    with Store(path) as store:
        linking._stored_stories(store).postings()  # read once per process, as the bench does
        store.stored_bands()
        timed = store.con = TimedConnection(store.con)
        profiler = cProfile.Profile()
        if cprofile:
            profiler.enable()
        with split() if pieces else nullcontext() as totals:
            _, cpu = link_into(store, results, batch)
        profiler.disable()
        store.con = timed.con
    per100 = 100 / len(results)
    calls = sum(n for n, _ in timed.stats.values())
    sql = sum(s for _, s in timed.stats.values())
    print(f"== {label}: {cpu * per100:.3f} s CPU per 100 articles; {calls} statements "
          f"({calls / -(-len(results) // batch):.0f} per batch), {sql / cpu:.0%} of the CPU")
    for key, (n, seconds) in sorted(timed.stats.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"  {n:4d} x {seconds * 1000 / n:5.2f} ms = {seconds * per100:.3f} s/100  {key}")
    if pieces:
        print("  by piece (CPU, benchmarks/link_split.py):")
        report(totals, per100)
    if cprofile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(cprofile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=IN_PROCESS_BATCH)
    parser.add_argument("--prefill", type=int, default=2000)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--cprofile", type=int, default=0)
    parser.add_argument("--split", action="store_true",
                        help="also the CPU of linking's pieces, function by function (benchmarks/link_split.py)")
    args = parser.parse_args()
    if not ECB.exists():
        print(f"skipped: {ECB} is absent")
        return
    _, _, results = code_articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        prefill(Path(tmp) / "full.duckdb", args.prefill, args.batch)
        profile(Path(tmp) / "empty.duckdb", results, "empty store", args.top, args.cprofile, args.batch, args.split)
        profile(Path(tmp) / "full.duckdb", results, f"store of {args.prefill} articles", args.top, args.cprofile,
                args.batch, args.split)


if __name__ == "__main__":
    main()
