"""Event encoder speed: sentences per second on one thread, load time, model size.

    .venv/bin/python benchmarks/bench_encoder.py [--sentences 512] [--model event_encoder.onnx]

Sentences are generated from our own word lists (varied lengths, half with a marked
trigger), batched as the coder would batch a document's clauses.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventscope.coding.encoder import MODEL, EventEncoder, model_dir  # noqa: E402

SUBJECTS = ["The army", "Police in the capital", "Opposition leaders", "The foreign minister", "Striking miners"]
VERBS = ["attacked", "met", "criticised", "blockaded", "praised", "arrested", "threatened"]
OBJECTS = ["the rebels", "a delegation from the north", "the ruling party over its budget plans",
           "hundreds of demonstrators near the parliament building", "the border crossing"]
TAILS = ["", " on Monday", ", officials said", " after a week of rising tension across the region"]


def sentences(n: int, seed: int = 7) -> list[tuple[str, tuple[int, int] | None]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        subject, verb = rng.choice(SUBJECTS), rng.choice(VERBS)
        text = f"{subject} {verb} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
        span = (len(subject) + 1, len(subject) + 1 + len(verb)) if rng.random() < 0.5 else None
        out.append((text, span))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=512)
    ap.add_argument("--model", default=MODEL, help="model file under coding/data/models")
    args = ap.parse_args()
    items = sentences(args.sentences)
    started = time.time()
    encoder = EventEncoder(threads=1, model_file=args.model)
    encoder.predict(items[:1])
    load = time.time() - started
    started = time.time()
    encoder.predict(items)
    seconds = time.time() - started
    size = (model_dir() / args.model).stat().st_size / 1e6
    print(f"encoder {args.model}: {size:.1f} MB, load + first sentence {load:.2f} s, "
          f"{len(items) / seconds:.0f} sentences/s on 1 thread ({len(items)} sentences, {seconds:.1f} s; "
          f"load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
