"""The bare spaCy parse that `make bench` holds eventscope against.

Same model and the same pipes eventscope runs (all of en_core_web_sm: tok2vec, tagger,
parser, attribute_ruler, lemmatizer, ner), the same texts (the ingested document bodies)
and the same nlp.pipe batch size; nothing is done with the parses. The model is loaded as
spaCy ships it (``spacy.load``); ``--eventscope-pipeline`` loads it as eventscope does
(``eventscope.analyze.load_nlp``: indexed attribute ruler and lemma lists, paragraph breaks),
which shows how much of a run is parse and how much is eventscope's own work. It gets the same allocator
setting as `eventscope` (glibc's defaults in one process; eventscope.runtime.keep_freed_memory
in the processes of ``--procs N``, as in eventscope's workers), so the ratio measures our
work, not an allocator setting. With ``--procs N`` the
texts are split into N slices of equal length parsed by N spawned processes, each loading
the model (as `eventscope run --workers N`'s fork server does once), and the parent never imports
spaCy (neither does eventscope's: importing it before spawning made the 2-process row pay ~0.6 s
more start-up in series than eventscope does).

Prints one JSON line: the tokens, and per process its start-up CPU (importing spaCy, loading the
model) and the CPU and wall seconds of the parse alone (``parse_wall``: the slowest process's), so
that `bench_workers.py` can tell how far the parse itself scales from what start-up costs: on
768 short ECB+ texts (~230 characters each) start-up is a large share of the bare parse.

    python benchmarks/parse_baseline.py TEXTS.jsonl [--procs N] [--eventscope-pipeline]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import time
from functools import partial

BATCH_SIZE = 32  # eventscope.analyze / Processor default


def parse(texts: list[str], ours: bool = False, keep_freed: bool = False) -> dict:
    """Load the model and parse ``texts``: tokens, and CPU seconds of start-up and parse, and
    wall seconds of the parse."""
    start = time.process_time()
    if keep_freed:
        from eventscope.runtime import keep_freed_memory

        keep_freed_memory()
    if ours:
        from eventscope.analyze import load_nlp

        nlp = load_nlp()
    else:
        import spacy

        from eventscope.analyze import MODEL

        nlp = spacy.load(MODEL)
    loaded, wall = time.process_time(), time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    return {"tokens": tokens, "start_cpu": loaded - start, "parse_cpu": time.process_time() - loaded,
            "parse_wall": time.perf_counter() - wall}


def merged(parts: list[dict]) -> dict:
    """One line for all processes: CPU summed, the parse's wall time the slowest process's."""
    return {"tokens": sum(p["tokens"] for p in parts), "start_cpu": sum(p["start_cpu"] for p in parts),
            "parse_cpu": sum(p["parse_cpu"] for p in parts), "parse_wall": max(p["parse_wall"] for p in parts)}


def slices(texts: list[str], n: int) -> list[list[str]]:
    total, done, out = sum(map(len, texts)), 0, [[]]
    for text in texts:
        if out[-1] and done >= total * len(out) / n and len(out) < n:
            out.append([])
        out[-1].append(text)
        done += len(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts")
    parser.add_argument("--procs", type=int, default=1)
    parser.add_argument("--eventscope-pipeline", action="store_true",
                        help="load the model as eventscope does (1 process only)")
    args = parser.parse_args()
    with open(args.texts, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    if args.eventscope_pipeline:
        parts = [parse(texts, ours=True)]
    elif args.procs == 1:
        parts = [parse(texts)]
    else:
        with multiprocessing.get_context("spawn").Pool(args.procs) as pool:
            parts = pool.map(partial(parse, keep_freed=True), slices(texts, args.procs))
    print(json.dumps({"texts": len(texts), "procs": len(parts), **merged(parts)}))


if __name__ == "__main__":
    main()
