"""`make bench`: throughput of eventscope against the bare spaCy parse, side by side.

Builds a corpus by repeating the bundled example articles with a per-copy marker (so every
document has its own content hash), then times in one process:
  parse  - nlp.pipe over the texts only (the physical limit of this design)
  code   - analyze + actors + coding (Processor.process)
  run    - the whole `eventscope run` path: ingest from files, code, store in DuckDB
and prints articles/s, words/s and each ratio to the bare parse, plus peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus(copies: int) -> list[str]:
    seeds = sorted((ROOT / "examples").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    return [f"{t}\n\nReference number {i}-{j}." for i in range(copies) for j, t in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="copies of each example article")
    args = parser.parse_args()

    from eventscope.analyze import load_nlp
    from eventscope.ingest import iter_inputs
    from eventscope.models import Document
    from eventscope.pipeline import Processor, run
    from eventscope.store import Store

    texts = corpus(args.copies)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        documents = [d for d in iter_inputs([folder]) if isinstance(d, Document)]
        words = sum(len(d.text.split()) for d in documents)
        nlp = load_nlp()
        processor = Processor()
        list(processor.process(documents[:4]))  # warm up lexicons and caches

        start = time.perf_counter()
        for _ in nlp.pipe((d.text for d in documents), batch_size=32):
            pass
        parse_s = time.perf_counter() - start

        start = time.perf_counter()
        events = sum(len(r.events) for r in processor.process(documents))
        code_s = time.perf_counter() - start

        start = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            report = run([folder], store)
        run_s = time.perf_counter() - start

    n = len(documents)
    print(f"corpus: {n} articles, {words} words, {events} events coded")
    print(f"{'stage':8} {'seconds':>8} {'articles/s':>11} {'words/s':>10} {'vs parse':>9}")
    for name, seconds in [("parse", parse_s), ("code", code_s), ("run", run_s)]:
        print(f"{name:8} {seconds:8.2f} {n / seconds:11.1f} {words / seconds:10.0f} {parse_s / seconds:9.2f}")
    print(f"run stored {report.documents_added} documents, {report.events_added} events")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
