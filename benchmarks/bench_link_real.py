"""Linking on real articles that form stories (`python benchmarks/bench_link_real.py`).

The ECB+ dev texts (../shared/data/dev/ecbplus_stories_dev.jsonl: 770 real articles, 767
distinct texts, in 66 stories, read in place; skipped when ../shared is absent) are coded once.
They are linked in batches of `eventscope run`'s default when it codes in its own process
(pipeline.IN_PROCESS_BATCH, 256; `--batch 64` for a run with workers). Then three rows,
each repeated and interleaved (code, link@0, link@N, code, link@0, ...), medians quoted:

  code 100     parse + actors + coding of 100 of the articles (the work linking rides on)
  link@0   100 near-copy detection + store writes + linking of 100 articles into an empty store
  link@N   100 the same into a store already holding N distinct articles and their stories
               (synthetic articles from benchmarks/corpus.py, linked the same way, built once);
               the story postings and the near-copy band filter a process reads back on its
               first batch are read before the clock starts and reported apart (a run pays
               them once, not per 100 articles)

Where the time goes, statement by statement: benchmarks/link_profile.py.

Targets (issue 18.6): link@0 / (code + link@0) <= 10%; link@N / link@0 <= 1.2.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
ECB = ROOT.parent / "shared" / "data" / "dev" / "ecbplus_stories_dev.jsonl"

from eventscope.pipeline import IN_PROCESS_BATCH  # noqa: E402


def link_into(store, results, batch: int) -> tuple[float, float]:
    """(wall, CPU) seconds to divert copies, write and link `results` in batches as `eventscope
    run` does: one transaction per batch, the briefs that fell behind rebuilt at the end."""
    from eventscope import linking

    began, cpu = time.perf_counter(), time.process_time()
    by_id = {r.document.id: r for r in results}
    for start in range(0, len(results), batch):
        chunk = results[start:start + batch]
        with store.transaction():
            kept = {d.id for d in linking.divert_duplicates([r.document for r in chunk], store)}
            chunk = [by_id[i] for i in (r.document.id for r in chunk) if i in kept]
            store.write_results(chunk)
            linking.link_batch(chunk, store)
    with store.transaction():
        linking.finish(store)
    return time.perf_counter() - began, time.process_time() - cpu


def prefill(path: Path, n: int, batch: int) -> float:
    from corpus import article, sentence_pool
    from eventscope.models import Document, DocumentResult, content_id
    from eventscope.store import Store

    pool, _ = sentence_pool()
    texts = [article(10**7 + i, pool) for i in range(n)]
    results = [DocumentResult(Document(content_id(t), t, origin=f"s{i}", date=f"2015-{1 + i % 12:02d}-{1 + i % 28:02d}"))
               for i, t in enumerate(texts)]
    with Store(path) as store:
        return link_into(store, results, batch)[0]


def code_articles(n: int):
    """(processor, documents, results) for the first `n` distinct ECB+ dev articles, coded once
    (a text repeated under another record id is one document: a run reads it once)."""
    from eventscope.models import Document, content_id
    from eventscope.pipeline import Processor

    records = [json.loads(line) for line in ECB.read_text("utf-8").splitlines() if line.strip()]
    distinct: dict[str, Document] = {}
    for r in records:
        distinct.setdefault(content_id(r["text"]), Document(content_id(r["text"]), r["text"], origin=r["id"]))
    docs = list(distinct.values())[:n]
    processor = Processor()
    return processor, docs, list(processor.process(docs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefill", type=int, default=10_000, help="articles already in the store for link@N")
    parser.add_argument("--articles", type=int, default=1000, help="ECB+ articles linked per row (at most the file's)")
    parser.add_argument("--batch", type=int, default=IN_PROCESS_BATCH,
                        help="documents per batch (eventscope run's default when it codes in its own process)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not ECB.exists():
        print(f"skipped: {ECB} is absent")
        return

    from eventscope import linking
    from eventscope.store import Store

    processor, docs, results = code_articles(args.articles)  # warm-up; the results every link row reuses
    sample = docs[:100]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full = tmp / "prefilled.duckdb"
        seconds = prefill(full, args.prefill, args.batch)
        print(f"{len(results)} ECB+ articles, {sum(len(r.events) for r in results)} events; store prefilled with "
              f"{args.prefill} distinct articles in {seconds:.0f} s", flush=True)
        rows: dict[str, list[tuple[float, float]]] = {"code 100": [], "link@0 100": [], f"link@{args.prefill} 100": []}
        startup: list[float] = []
        for rep in range(args.repeat):
            began, cpu = time.perf_counter(), time.process_time()
            list(processor.process(sample))
            rows["code 100"].append(((time.perf_counter() - began) * 100 / len(sample),
                                     (time.process_time() - cpu) * 100 / len(sample)))
            with Store(tmp / f"empty{rep}.duckdb") as store:
                rows["link@0 100"].append(tuple(x * 100 / len(results) for x in link_into(store, results, args.batch)))
            copy = tmp / f"full{rep}.duckdb"
            shutil.copyfile(full, copy)
            with Store(copy) as store:
                began = time.perf_counter()  # once per process: the story postings and
                linking._stored_stories(store).postings()  # the stored near-copy band keys read back
                store.stored_bands()
                startup.append(time.perf_counter() - began)
                rows[f"link@{args.prefill} 100"].append(
                    tuple(x * 100 / len(results) for x in link_into(store, results, args.batch)))
            print("  " + "  ".join(f"{k} {v[-1][0]:.3f} s (CPU {v[-1][1]:.3f} s)" for k, v in rows.items())
                  + f"  load {os.getloadavg()[0]:.1f}", flush=True)
    for i, kind in enumerate(("wall-clock", "CPU")):  # CPU moves less with the machine's load
        median = {k: statistics.median(v[i] for v in vs) for k, vs in rows.items()}
        code, empty, full_ = median["code 100"], median["link@0 100"], median[f"link@{args.prefill} 100"]
        print(f"{kind}, medians of {args.repeat}: code {code:.3f} s, link@0 {empty:.3f} s, "
              f"link@{args.prefill} {full_:.3f} s per 100 articles; linking share of a run (link@0 / (code + "
              f"link@0)) {empty / (code + empty):.1%} (target <= 10%); growth from empty to {args.prefill} "
              f"articles {full_ / empty:.2f}x (target <= 1.2)")
    print(f"reading the story postings and the band filter back, once per process: "
          f"{statistics.median(startup):.2f} s")


if __name__ == "__main__":
    main()
