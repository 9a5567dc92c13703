"""Where a `--workers 2` run's time goes past start-up, against one process, batch by batch size.

    python benchmarks/worker_steady.py [--repeat 3] [--batches 64,128,256] [--depths 2] [--corpus DIR]

Runs parent_profile.py on the distinct ECB+ texts (bench_workers.write_ecb_corpus; or a corpus
folder) with one process (its own batch) and with two workers at each batch size (and at
batch 64 with more batches handed to the workers ahead of the one being stored), the
configurations interleaved round by round, each into a new store, and prints per
configuration the medians of: the run; its head (until the workers, or the one process's
Processor, were ready) and tail (from the last batch's results to the end); the steady state
between them; the parent's CPU and its linking; the workers' CPU in their slices, their CPU
per 1000 characters (against the one process's coding), the share of a core they had while
busy, and their idle seconds while others were busy (worker_timeline.py). Run it on an idle
machine: wall seconds are only meaningful there.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_workers import environment, write_ecb_corpus  # noqa: E402

COLUMNS = ["run", "head", "tail", "steady", "parent cpu", "linking cpu", "waiting", "slices cpu",
           "ms/1000ch", "core share", "idle"]


def row(out: dict) -> dict[str, float]:
    stages = out["stages"]
    slices = out["worker_slices"]
    both = slices.get("all", {})
    head, tail = out["workers_ready_after"] or 0.0, out["after_last_results"] or 0.0
    return {"run": out["run_seconds"], "head": head, "tail": tail, "steady": out["run_seconds"] - head - tail,
            "parent cpu": out["parent_cpu"],
            "linking cpu": sum(stages.get(k, [0, 0])[1] for k in ("linking", "store writes", "near-copies")),
            "waiting": stages.get("waiting for workers", [0, 0])[0],
            "slices cpu": both.get("cpu", stages.get("waiting for workers", [0, 0])[1]),
            "ms/1000ch": both.get("cpu_per_1000_chars_ms", slices.get("in_process_cpu_per_1000_chars_ms", 0.0)),
            "core share": both.get("cpu_share_while_busy") or 1.0, "idle": both.get("idle_in_window", 0.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batches", default="64,128,256", help="the two-worker runs' batch sizes")
    parser.add_argument("--depths", default="2", help="also batch 64 with these depths (batches handed "
                        "to the workers ahead of the one being stored; the run's is 1)")
    parser.add_argument("--corpus", type=Path, help="a folder of inputs (default: the distinct ECB+ texts)")
    args = parser.parse_args()
    configs = [("1 process", ["--workers", "1"])] + [
        (f"2 workers, batch {b}", ["--workers", "2", "--batch-size", b]) for b in args.batches.split(",") if b] + [
        (f"2 workers, 64, depth {d}", ["--workers", "2", "--batch-size", "64", "--depth", d])
        for d in args.depths.split(",") if d]
    rows: dict[str, list[dict]] = {name: [] for name, _ in configs}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = args.corpus or tmp / "ecb"
        if not args.corpus:
            write_ecb_corpus(corpus, 0)
        env = environment(tmp / "pycache")
        for rep in range(args.repeat + 1):  # the first round uncounted (bytecode, knowledge cache)
            for name, flags in configs:
                db = tmp / f"r{rep}-{len(rows[name])}.duckdb"
                out = subprocess.run([sys.executable, str(HERE / "parent_profile.py"), str(corpus), str(db), *flags],
                                     env=env, capture_output=True, text=True)
                if out.returncode != 0:
                    sys.exit(f"{name}: {out.stderr[-2000:]}")
                db.unlink(missing_ok=True)
                if rep:
                    rows[name].append(row(json.loads(out.stdout.splitlines()[-1])))
                    print(f"round {rep} {name}: {rows[name][-1]['run']:.2f} s", file=sys.stderr)
    print(f"{'median of ' + str(args.repeat):22}" + "".join(f"{c:>12}" for c in COLUMNS))
    for name, found in rows.items():
        print(f"{name:22}" + "".join(f"{statistics.median(r[c] for r in found):12.2f}" for c in COLUMNS))


if __name__ == "__main__":
    main()
