"""`eventscope run --workers 2` against one process, side by side (issue 18.6: >= 1.7x).

    python benchmarks/bench_workers.py [--articles 120] [--repeat 3] [--batch-size 64] [--baseline DIR]
    python benchmarks/bench_workers.py --corpus ecb --batch-size 0   # real news, each run's default batches

``--corpus bench`` (the default): `--articles` synthetic articles of benchmarks/corpus.py, which
form no stories, so linking costs the parent little. ``--corpus ecb``: the distinct ECB+ dev
texts (../shared/data/dev, read in place; at most `--articles`, all 768 when 0), real articles
that form stories, as one JSONL file: what issue 18.6's 1.7x is asked of. ``--batch-size 0``
runs each at its own default (256 documents a batch in one process, 64 with workers), as a user
who gives no --batch-size gets them; a number gives both runs that size; ``--workers-batch N``
gives the --workers 2 run alone another size (the parent links each batch while the workers code
the next, and a batch's linking costs about the same ~50 DuckDB statements whatever its size).

Each round runs, as fresh subprocesses one after the other: the bare spaCy parse on 1 and on
2 processes (benchmarks/parse_baseline.py, the reference for what two processes can gain on
this machine), then `eventscope run CORPUS --workers 1` and `--workers 2` into empty stores;
the order of the two runs alternates from round to round. Medians over the rounds are quoted.
A one-article run in one process ("start-up") shows what every run pays before its work
(imports, the model, the lexicons), which neither run can split: on short texts it caps the
speed-up. Besides wall-clock seconds each row gives the CPU seconds of the process and its children
(os.wait4): on a shared machine the wall clock moves with everyone else's load, and the CPU
seconds show what the extra processes cost. The events of the 1- and 2-worker runs are
compared: they must be identical. ``--baseline DIR`` (another checkout of eventscope, e.g.
``git archive main | tar -x -C DIR``) adds the same two runs of that code (put first on
PYTHONPATH, this checkout's environment), interleaved with ours: before and after in one run.

The bare parse rows also give the parse alone (parse_baseline.py times it apart from loading
the model in each process): how far two processes speed up the parse itself, past the
start-up that caps the whole on short texts. Every command is run once before the rounds,
uncounted (files cached, bytecode written); when PYTHONDONTWRITEBYTECODE is set (as in the
team's shells) the runs write their bytecode under the temporary folder instead
(PYTHONPYCACHEPREFIX): an installed eventscope has its bytecode, and compiling ~150 modules
again in every process added ~0.2 s of CPU to each run's start-up (and to the fork server's).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
BIN = Path(sys.executable).parent


def environment(pycache: Path) -> dict[str, str]:
    """This environment, with bytecode written (under ``pycache`` if writing it was switched off)
    and the knowledge cache (eventscope.knowledge.table_cache) in a folder beside it, which the
    uncounted first run fills, as a user's first run does (EVENTSCOPE_CACHE_DIR set: that one)."""
    env = dict(os.environ)
    if env.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.setdefault("EVENTSCOPE_CACHE_DIR", str(pycache.parent / "knowledge-cache"))
    return env


ENV: dict[str, str] = dict(os.environ)  # set by main: what the measured commands run with


def measure(cmd: list[str], log: Path, code: Path | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process and its children, exit code); ``code``: a
    checkout whose eventscope package is imported instead of this one."""
    env = {**ENV, "PYTHONPATH": str(code)} if code else ENV
    start = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=code or ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def write_ecb_corpus(folder: Path, limit: int) -> None:
    """The distinct ECB+ dev texts (the first `limit`; all when 0) as one JSONL file in `folder`."""
    from bench_link_real import ECB

    if not ECB.exists():
        sys.exit(f"--corpus ecb: {ECB} is absent")
    seen: dict[str, str] = {}
    for line in ECB.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            seen.setdefault(record["text"], record["id"])
    records = [{"id": i, "text": t} for t, i in seen.items()][:limit or None]
    folder.mkdir(parents=True)
    (folder / "ecb.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, help="default: 120 bench articles, every ECB+ text")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64, help="0: each run's own default")
    parser.add_argument("--corpus", choices=("bench", "ecb"), default="bench",
                        help="bench: synthetic articles (no stories); ecb: the ECB+ dev texts (real, in stories)")
    parser.add_argument("--workers-batch", type=int,
                        help="--batch-size of the --workers 2 run alone (default: as --batch-size says)")
    parser.add_argument("--no-parse", action="store_true", help="skip the bare-parse reference rows")
    parser.add_argument("--baseline", type=Path, help="another checkout to run beside this one (before/after)")
    args = parser.parse_args()

    from bench import event_rows
    from corpus import write_corpus
    from eventscope.ingest import iter_inputs
    from eventscope.models import Document

    global ENV
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ENV = environment(tmp / "pycache")
        corpus = tmp / "corpus"
        if args.corpus == "ecb":
            write_ecb_corpus(corpus, args.articles or 0)
        else:
            write_corpus(corpus, args.articles or 120)
        texts = tmp / "texts.jsonl"
        documents = [d for d in iter_inputs([corpus]) if isinstance(d, Document)]
        texts.write_text("".join(json.dumps({"text": d.text}) + "\n" for d in documents), encoding="utf-8")
        print(f"{len(documents)} {args.corpus} articles, {args.repeat} rounds, "
              f"--batch-size {args.batch_size or 'each run default'}"
              + (f" (--workers 2: {args.workers_batch})" if args.workers_batch else "") + "; "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start", flush=True)

        def run(workers: int) -> list[str]:
            size = args.workers_batch if workers > 1 and args.workers_batch else args.batch_size
            return [str(BIN / "eventscope"), "run", "--show", "0", str(corpus), "--workers", str(workers)] + (
                ["--batch-size", str(size)] if size else [])

        parse = [sys.executable, str(ROOT / "benchmarks" / "parse_baseline.py"), str(texts)]
        first = tmp / "first" / "first.jsonl"  # the first article alone: what a run costs before its work
        first.parent.mkdir()
        first.write_text(json.dumps({"id": documents[0].id, "text": documents[0].text}) + "\n", encoding="utf-8")
        start_up = [str(BIN / "eventscope"), "run", "--show", "0", str(first)]
        rows: dict[str, list[tuple[float, float]]] = {}
        parse_alone: dict[str, list[float]] = {}  # wall seconds of the bare parse past loading the model
        versions = [("", None)] + ([("baseline ", args.baseline.resolve())] if args.baseline else [])
        warm = [(parse + ["--procs", "1"], None)] * (not args.no_parse) + [
            (start_up + ["--db", str(tmp / f"warm{n}.duckdb")], checkout) for n, (_, checkout) in enumerate(versions)]
        for cmd, checkout in warm:  # uncounted: files cached, bytecode written
            if measure(cmd, tmp / "log.txt", checkout)[2] != 0:
                sys.exit(f"warm-up failed:\n{(tmp / 'log.txt').read_text()[-2000:]}")
        for rep in range(args.repeat):
            plan = [] if args.no_parse else [("parse 1 proc", parse + ["--procs", "1"]),
                                             ("parse 2 procs", parse + ["--procs", "2"])]
            runs = [(f"{label}run --workers {w}", run(w) + ["--db", str(tmp / f"{label.strip()}w{w}_{rep}.duckdb")],
                     checkout)
                    for label, checkout in versions for w in (1, 2)]
            plan = [(name, cmd, None) for name, cmd in plan] + [
                ("start-up (1 article)", start_up + ["--db", str(tmp / f"first_{rep}.duckdb")], None)] + (
                runs if rep % 2 == 0 else runs[::-1])
            for name, cmd, checkout in plan:
                wall, cpu, code = measure(cmd, tmp / "log.txt", checkout)
                if code != 0:
                    sys.exit(f"{name} failed (exit {code}):\n{(tmp / 'log.txt').read_text()[-2000:]}")
                rows.setdefault(name, []).append((wall, cpu))
                if name.startswith("parse"):
                    parse_alone.setdefault(name, []).append(
                        json.loads((tmp / "log.txt").read_text().splitlines()[-1])["parse_wall"])
            print(f"  round {rep + 1}: " + "  ".join(f"{k} {v[-1][0]:.1f} s" for k, v in rows.items())
                  + f"  (load {os.getloadavg()[0]:.1f})", flush=True)
        print(f"load average {os.getloadavg()[0]:.1f} at end\n\n{'median of ' + str(args.repeat):22} "
              f"{'wall s':>7} {'CPU s':>7}")
        median = {}
        for name, values in rows.items():
            median[name] = (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
            print(f"{name:22} {median[name][0]:7.2f} {median[name][1]:7.2f}")
        for label in ["baseline ", ""] if args.baseline else [""]:
            r1, r2 = median[f"{label}run --workers 1"], median[f"{label}run --workers 2"]
            print(f"{label or 'this checkout: '}speed-up of --workers 2 over 1: {r1[0] / r2[0]:.2f}x "
                  f"(target >= 1.7); per round: " + ", ".join(
                      f"{a[0] / b[0]:.2f}" for a, b in zip(rows[f"{label}run --workers 1"],
                                                           rows[f"{label}run --workers 2"]))
                  + f"; CPU of 2 workers over 1: {r2[1] / r1[1]:.2f}x")
        first = median["start-up (1 article)"][0]
        r1, r2 = median["run --workers 1"][0], median["run --workers 2"][0]
        print(f"start-up (imports, model, lexicons: a one-article run) {first:.2f} s, {first / r1:.0%} of the "
              f"one-process run; past it, --workers 2 over 1: {(r1 - first) / max(r2 - first, 1e-9):.2f}x")
        if not args.no_parse:
            p1, p2 = median["parse 1 proc"], median["parse 2 procs"]
            a1, a2 = (statistics.median(parse_alone[k]) for k in ("parse 1 proc", "parse 2 procs"))
            print(f"bare parse: 2 procs over 1 {p1[0] / p2[0]:.2f}x (CPU {p2[1] / p1[1]:.2f}x); the parse alone, "
                  f"past loading the model: {a1:.2f} -> {a2:.2f} s, {a1 / a2:.2f}x")
        same = all(event_rows(tmp / f"w2_{rep}.duckdb") == event_rows(tmp / f"w1_{rep}.duckdb")
                   for rep in range(args.repeat))
        print(f"events identical between 1 and 2 workers: {same}")
        if args.baseline:
            before = all(event_rows(tmp / f"baselinew{w}_{rep}.duckdb") == event_rows(tmp / f"w1_{rep}.duckdb")
                         for w in (1, 2) for rep in range(args.repeat))
            print(f"events identical to the baseline's: {before}")


if __name__ == "__main__":
    main()
