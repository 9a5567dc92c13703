"""Where a run's time goes: `eventscope run`'s stages timed inside one process.

    python benchmarks/stage_breakdown.py CORPUS_DIR DB

The stages are timed by wrapping the pipeline's own functions (a measuring tool: nothing
here changes what they do). Parse is the time spent inside spaCy's nlp.pipe; coding is split
into actor resolution (actors.mentions.DocActors), the learned classifiers
(coding.classify.EventClassifier.revise) and the rest of the coder. Prints one JSON line of
seconds.
"""

from __future__ import annotations

import json
import sys
import time

START = time.perf_counter()

import eventscope.analyze  # noqa: E402,F401  (imports spaCy)
from eventscope import linking, pipeline  # noqa: E402
from eventscope.actors.mentions import DocActors  # noqa: E402
from eventscope.coding.classify.classifier import EventClassifier  # noqa: E402
from eventscope.coding.coder import Coder  # noqa: E402
from eventscope.runtime import keep_freed_memory  # noqa: E402
from eventscope.store import Store  # noqa: E402
from eventscope.store.inputs import InputLog  # noqa: E402

IMPORTED = time.perf_counter()
SECONDS: dict[str, float] = {}


def timed(owner, name: str, stage: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SECONDS[stage] = SECONDS.get(stage, 0.0) + time.perf_counter() - started
    setattr(owner, name, wrapper)


def timed_generator(owner, name: str, stage: str) -> None:
    """Time only the work done inside a generator (between its yields)."""
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        inner = original(*args, **kwargs)
        while True:
            started = time.perf_counter()
            try:
                item = next(inner)
            except StopIteration:
                SECONDS[stage] = SECONDS.get(stage, 0.0) + time.perf_counter() - started
                return
            SECONDS[stage] = SECONDS.get(stage, 0.0) + time.perf_counter() - started
            yield item
    setattr(owner, name, wrapper)


def main() -> None:
    corpus, db = sys.argv[1], sys.argv[2]
    keep_freed_memory()  # as the eventscope command does
    # the spaCy pipeline runs parse, actors and coding per batch (actors and coding are its
    # last two components): its time, and the time of the two eventscope steps inside it
    timed_generator(pipeline.Processor, "process", "spaCy pipeline (parse, actors, coding)")
    timed(pipeline, "Processor", "load (model, lexicons, classifiers)")
    timed(DocActors, "__init__", "  of which actors")
    timed(Coder, "code", "  of which coding")
    timed(EventClassifier, "revise", "  of which classifiers")
    timed(linking, "divert_duplicates", "near-copies")
    timed(linking, "link_batch", "linking")
    timed(Store, "write_results", "store")
    timed_generator(InputLog, "iter_new", "ingest")
    started = time.perf_counter()
    with Store(db) as store:
        report = pipeline.run([corpus], store)
    total = time.perf_counter() - started
    seconds = {"imports": IMPORTED - START, **SECONDS}
    seconds["other"] = total - sum(v for k, v in SECONDS.items() if not k.startswith("  "))
    print(json.dumps({"documents": report.documents_added, "run_seconds": round(total, 3),
                      "stages": {k: round(v, 3) for k, v in seconds.items()}}))


if __name__ == "__main__":
    main()
