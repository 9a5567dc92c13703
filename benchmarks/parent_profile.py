"""Where the parent of `eventscope run --workers N` spends its time.

    python benchmarks/parent_profile.py CORPUS_DIR DB [--workers 2] [--batch-size 64] [--cprofile FILE]

With worker processes, the parent reads the inputs, sorts out near-copies, writes each batch
and links it while the workers parse the next one; on a 2-core machine every CPU second the
parent spends is taken from a worker. The parent's stages are timed by wrapping the pipeline's
own functions (nothing here changes what they do); "waiting" is the time the parent sat in a
batch's result() for the workers. CPU seconds of the parent and of the workers (its children,
counted once the pool has shut down) come from getrusage. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
START = time.perf_counter()

from eventscope import linking, pipeline  # noqa: E402
from eventscope.store import Store  # noqa: E402
from eventscope.store.inputs import InputLog  # noqa: E402

IMPORTED = time.perf_counter()
SECONDS: dict[str, float] = {}  # wall-clock
CPU: dict[str, float] = {}  # CPU of the parent's main thread (on a loaded machine wall time lies)
CALLS: dict[str, int] = {}


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.thread_time()


def _add(stage: str, started: tuple[float, float]) -> None:
    wall, cpu = _clock()
    SECONDS[stage] = SECONDS.get(stage, 0.0) + wall - started[0]
    CPU[stage] = CPU.get(stage, 0.0) + cpu - started[1]
    CALLS[stage] = CALLS.get(stage, 0) + 1


def timed(owner, name: str, stage: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        started = _clock()
        try:
            return original(*args, **kwargs)
        finally:
            _add(stage, started)
    setattr(owner, name, wrapper)


def timed_generator(owner, name: str, stage: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        inner = original(*args, **kwargs)
        while True:
            started = _clock()
            try:
                item = next(inner)
            except StopIteration:
                _add(stage, started)
                return
            _add(stage, started)
            yield item
    setattr(owner, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("db")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=pipeline.DEFAULT_BATCH)
    parser.add_argument("--cprofile", help="also write a cProfile of the parent to this file")
    args = parser.parse_args()

    from eventscope.runtime import keep_freed_memory
    from eventscope.scale import pool as pool_module

    keep_freed_memory()
    timed_generator(InputLog, "iter_new", "ingest")
    timed(pipeline.Batcher, "_cut", "batch cut (known ids)")
    timed(pipeline, "divert_copies", "near-copies")
    timed(Store, "write_results", "store writes")
    timed(linking, "link_batch", "linking")
    timed(linking, "finish", "finish (stale briefs)")
    timed(linking, "summarise_stories", "  of which briefs")
    timed(Store, "write_links", "  of which link writes")
    timed(Store, "story_material", "  of which story_material")
    timed(Store, "linked_event_candidates_many", "  of which linked-event reads")
    timed(linking, "assign_stories", "  of which story assignment")
    timed(Store, "record_rejections", "rejections")
    timed(InputLog, "commit", "input files")
    timed(pipeline, "_results_of", "waiting for workers")
    original_submit = pool_module.ProcessPool.submit
    timed(pool_module.ProcessPool, "submit", "submit")

    profiler = None
    if args.cprofile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU: the machine is shared
    began = time.perf_counter()
    with Store(args.db) as store:
        if args.workers > 1:
            with pool_module.ProcessPool(args.workers) as executor:
                if profiler:
                    profiler.enable()
                report = pipeline.run([args.corpus], store, batch_size=args.batch_size, executor=executor)
                if profiler:
                    profiler.disable()
        else:
            if profiler:
                profiler.enable()
            report = pipeline.run([args.corpus], store, batch_size=args.batch_size)
            if profiler:
                profiler.disable()
    total = time.perf_counter() - began
    pool_module.ProcessPool.submit = original_submit
    if profiler:
        profiler.dump_stats(args.cprofile)
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # stages: [wall, main-thread CPU]; with --workers 1, "waiting" is the in-process parse
    print(json.dumps({
        "documents": report.documents_added, "workers": args.workers, "batch_size": args.batch_size,
        "imports": round(IMPORTED - START, 3), "run_seconds": round(total, 3),
        "parent_cpu": round(me.ru_utime + me.ru_stime, 3),
        "workers_cpu": round(children.ru_utime + children.ru_stime, 3),
        "main_thread_cpu": round(time.thread_time(), 3),
        "parent_imported": [m for m in ("spacy", "pandas", "eventscope.knowledge.actor_lexicon") if m in sys.modules],
        "stages": {k: [round(v, 3), round(CPU[k], 3)] for k, v in SECONDS.items()},
        "calls": CALLS,
    }))


if __name__ == "__main__":
    main()
