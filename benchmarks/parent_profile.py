"""Where the parent of `eventscope run --workers N` spends its time.

    python benchmarks/parent_profile.py CORPUS_DIR DB [--workers 2] [--batch-size 64] [--cprofile FILE]

With worker processes, the parent reads the inputs, sorts out near-copies, writes each batch
and links it while the workers parse the next one; on a 2-core machine every CPU second the
parent spends is taken from a worker. The parent's stages are timed by wrapping the pipeline's
own functions (nothing here changes what they do); "waiting" is the time the parent sat in a
batch's result() for the workers. CPU seconds of the parent and of the workers (its children,
counted once the pool has shut down) come from getrusage; "worker_slices" times each slice in
its worker (worker_timeline.py). Prints one JSON line.
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
sys.path.insert(0, str(ROOT / "benchmarks"))
START = time.perf_counter()

from eventscope import linking, pipeline  # noqa: E402
from eventscope.store import Store  # noqa: E402
from eventscope.store.inputs import InputLog  # noqa: E402
from stages import Stages  # noqa: E402
import worker_timeline  # noqa: E402

IMPORTED = time.perf_counter()
# wall-clock, and CPU of the parent's main thread (on a loaded machine wall time lies)
STAGES = Stages(lambda: (time.perf_counter(), time.thread_time()))
LAST_RESULT: list[float] = []  # when the last batch's results came back
CODED_CHARS = [0]  # characters of the documents whose results the parent took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("db")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, help="default: the run's (pipeline.DEFAULT_BATCH with "
                        "workers, IN_PROCESS_BATCH without)")
    parser.add_argument("--depth", type=int, help="batches handed to the workers ahead of the one being "
                        "stored (default: pipeline.as_executor's, 1)")
    parser.add_argument("--cprofile", help="also write a cProfile of the parent to this file")
    args = parser.parse_args()

    from eventscope.scale import pool as pool_module

    STAGES.timed_generator(InputLog, "iter_new", "ingest")
    STAGES.timed(pipeline.Batcher, "_drop_stored", "batch cut (known ids)")
    STAGES.timed(pipeline, "divert_copies", "near-copies")
    STAGES.timed(Store, "write_results", "store writes")
    STAGES.timed(linking, "link_batch", "linking")
    STAGES.timed(linking, "finish", "finish (stale briefs)")
    STAGES.timed(linking, "summarise_stories", "  of which briefs")
    STAGES.timed(Store, "write_links", "  of which link writes")
    STAGES.timed(Store, "story_material", "  of which story_material")
    STAGES.timed(Store, "linked_event_candidates_many", "  of which linked-event reads")
    STAGES.timed(linking, "assign_stories", "  of which story assignment")
    STAGES.timed(Store, "record_rejections", "rejections")
    STAGES.timed(InputLog, "commit", "input files")
    STAGES.timed(pipeline, "_results_of", "waiting for workers")
    results_of = pipeline._results_of

    def noted(handle, documents, *args, **kwargs):
        CODED_CHARS[0] += sum(len(d.text) for d in documents)
        try:
            return results_of(handle, documents, *args, **kwargs)
        finally:
            LAST_RESULT[:] = [time.perf_counter()]
    pipeline._results_of = noted
    original_submit = pool_module.ProcessPool.submit
    slices = worker_timeline.install(pool_module) if args.workers > 1 else []
    STAGES.timed(pool_module.ProcessPool, "submit", "submit")

    profiler = None
    if args.cprofile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU: the machine is shared
    began = time.perf_counter()
    ready = None  # wall seconds until the workers were ready (fork server loaded, workers forked),
    # or with one worker until this process's Processor was built
    with Store(args.db) as store:
        if args.workers > 1:
            with pool_module.ProcessPool(args.workers) as executor:
                executor.config  # what pipeline.run asks first: the workers' start-up
                if args.depth:
                    executor.depth = args.depth
                ready = time.perf_counter() - began
                if profiler:
                    profiler.enable()
                report = pipeline.run([args.corpus], store, batch_size=args.batch_size, executor=executor)
                if profiler:
                    profiler.disable()
        else:
            # the Processor built first, as the workers' fork server does: "ready" is its start-up
            # and "waiting for workers" only the coding
            executor = pipeline.InProcess(processor=pipeline.Processor())
            ready = time.perf_counter() - began
            if profiler:
                profiler.enable()
            report = pipeline.run([args.corpus], store, batch_size=args.batch_size, executor=executor)
            if profiler:
                profiler.disable()
    total = time.perf_counter() - began
    tail = time.perf_counter() - LAST_RESULT[0] if LAST_RESULT else None
    pool_module.ProcessPool.submit = original_submit
    if profiler:
        profiler.dump_stats(args.cprofile)
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # stages: [wall, main-thread CPU]; with --workers 1, "waiting" is the in-process parse
    print(json.dumps({
        "documents": report.documents_added, "workers": args.workers, "depth": args.depth,
        "batch_size": args.batch_size or (pipeline.DEFAULT_BATCH if args.workers > 1 else pipeline.IN_PROCESS_BATCH),
        "imports": round(IMPORTED - START, 3), "run_seconds": round(total, 3),
        # the run's head and tail, where the workers cannot help: until they are ready, and from
        # the last batch's results to the end (its writes and linking, the stale briefs, closing)
        "workers_ready_after": ready and round(ready, 3), "after_last_results": tail and round(tail, 3),
        "parent_cpu": round(me.ru_utime + me.ru_stime, 3),
        "workers_cpu": round(children.ru_utime + children.ru_stime, 3),
        "main_thread_cpu": round(time.thread_time(), 3),
        "parent_imported": [m for m in ("spacy", "pandas", "eventscope.knowledge.actor_lexicon") if m in sys.modules],
        "stages": {k: [round(wall, 3), round(cpu, 3)] for k, (wall, cpu) in STAGES.totals.items()},
        "calls": STAGES.calls,
        # the workers' slices (worker_timeline.py): busy, CPU, idle between the first slice's
        # start and the last one's end; with --workers 1 the in-process coding CPU per 1000
        # characters to set against the workers' (what coding side by side costs)
        "worker_slices": worker_timeline.summary(slices) if slices else {
            "in_process_cpu_per_1000_chars_ms": round(1e6 * STAGES.totals.get(
                "waiting for workers", [0, 0])[1] / max(CODED_CHARS[0], 1), 3)},
    }))


if __name__ == "__main__":
    main()
