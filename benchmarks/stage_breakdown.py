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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
START = time.perf_counter()

import eventscope.analyze  # noqa: E402,F401  (imports spaCy)
from eventscope import linking, pipeline  # noqa: E402
from eventscope.actors.mentions import DocActors  # noqa: E402
from eventscope.coding.classify.classifier import EventClassifier  # noqa: E402
from eventscope.coding.coder import Coder  # noqa: E402
from eventscope.store import Store  # noqa: E402
from eventscope.store.inputs import InputLog  # noqa: E402
from stages import Stages  # noqa: E402

IMPORTED = time.perf_counter()
STAGES = Stages(lambda: (time.perf_counter(),))


def main() -> None:
    corpus, db = sys.argv[1], sys.argv[2]
    # the spaCy pipeline runs parse, actors and coding per batch (actors and coding are its
    # last two components): its time, and the time of the two eventscope steps inside it
    STAGES.timed_generator(pipeline.Processor, "process", "spaCy pipeline (parse, actors, coding)")
    STAGES.timed(pipeline, "Processor", "load (model, lexicons, classifiers)")
    STAGES.timed(DocActors, "__init__", "  of which actors")
    STAGES.timed(Coder, "code", "  of which coding")
    STAGES.timed(EventClassifier, "revise", "  of which classifiers")
    STAGES.timed(linking, "divert_duplicates", "near-copies")
    STAGES.timed(linking, "link_batch", "linking")
    STAGES.timed(Store, "write_results", "store")
    STAGES.timed_generator(InputLog, "iter_new", "ingest")
    started = time.perf_counter()
    with Store(db) as store:
        report = pipeline.run([corpus], store)
    total = time.perf_counter() - started
    stages = STAGES.reading()
    seconds = {"imports": IMPORTED - START, **stages}
    seconds["other"] = total - sum(v for k, v in stages.items() if not k.startswith("  "))
    print(json.dumps({"documents": report.documents_added, "run_seconds": round(total, 3),
                      "stages": {k: round(v, 3) for k, v in seconds.items()}}))


if __name__ == "__main__":
    main()
