"""Where a run's start-up goes: what `eventscope run` pays before its work, phase by phase.

    python benchmarks/startup_profile.py [--repeat 3] [--text "..."]

Each round is a fresh interpreter that does, in order, what a one-article `eventscope run` does
(the 'start-up' row of bench_workers.py, which no number of workers splits): import the
command's modules, import spaCy, load the model, build the actor lexicon (our files, then the
index of the Phoenix-derived names), build the rest of the Processor (classifiers, verb lexicon,
components), code one invented document (what is loaded on first use: the gazetteer, ...), open
a new store, write and link the result and close the store. Prints per phase the median CPU
(process time, all threads) and wall seconds: on a shared machine the CPU column is the one to
read. Like bench_workers.py, the rounds write their bytecode (under a temporary folder when
PYTHONDONTWRITEBYTECODE is set) and a first round is run uncounted.

With worker processes (`--workers N`) the run's own process pays the command's imports and
the store; the fork server pays spaCy, the model, the Processor, and each worker its first
document's lazy loads unless the fork server has made them (scale/preload.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("The foreign minister of Kenya met the president of Chile in Nairobi on Monday and "
        "criticised the police for arresting protesters.")  # invented


def phases(text: str, db: Path) -> list[tuple[str, float, float]]:
    """(phase, CPU s, wall s) of one start-up, in this process."""
    marks: list[tuple[str, float, float]] = []
    last = [time.process_time(), time.perf_counter()]

    def mark(name: str) -> None:
        now = [time.process_time(), time.perf_counter()]
        marks.append((name, now[0] - last[0], now[1] - last[1]))
        last[:] = now

    import eventscope.cli  # noqa: F401  what the command imports before it runs
    mark("import the command's modules")
    import spacy  # noqa: F401
    mark("import spaCy")
    from eventscope.analyze import load_nlp

    load_nlp()
    mark("load the model")
    from eventscope.knowledge.actor_files import load_lexicon

    load_lexicon(derived=False)
    mark("actor lexicon: our files")
    load_lexicon()
    mark("actor lexicon: + Phoenix-derived index")
    from eventscope.pipeline import Processor

    processor = Processor()
    mark("rest of the Processor")
    from eventscope.models import Document

    results = list(processor.process([Document(id="startup-1", text=text)]))
    mark("first document (lazy loads)")
    from eventscope import linking
    from eventscope.store import Store

    with Store(db) as store:
        mark("open a new store")
        run_id = store.start_run([], config=processor.config)
        with store.transaction():
            store.write_results(results, run_id=run_id)
            linking.link_batch(results, store)
        with store.transaction():
            linking.finish(store)
        store.finish_run(run_id, documents_added=1, documents_skipped=0, events_added=len(results[0].events),
                         rejected=0, status="ok")
        mark("write, link, finish")
    mark("close the store")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--text", default=TEXT)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # one round, into this store
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(phases(args.text, args.child)))
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_workers import environment

    rounds: list[list[tuple[str, float, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = environment(Path(tmp) / "pycache")
        for rep in range(args.repeat + 1):  # the first uncounted
            out = subprocess.run([sys.executable, __file__, "--child", str(Path(tmp) / f"s{rep}.duckdb"),
                                  "--text", args.text], env=env, cwd=ROOT, capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(out.stderr[-2000:])
            if rep:
                rounds.append(json.loads(out.stdout.splitlines()[-1]))
    print(f"{'median of ' + str(args.repeat):40} {'CPU s':>7} {'wall s':>7}")
    total = [0.0, 0.0]
    for i, (name, _, _) in enumerate(rounds[0]):
        cpu = statistics.median(r[i][1] for r in rounds)
        wall = statistics.median(r[i][2] for r in rounds)
        total[0] += cpu
        total[1] += wall
        print(f"{name:40} {cpu:7.2f} {wall:7.2f}")
    print(f"{'total (past the interpreter start)':40} {total[0]:7.2f} {total[1]:7.2f}")


if __name__ == "__main__":
    main()
