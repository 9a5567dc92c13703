"""Linking on real articles that form stories (`python benchmarks/bench_link_real.py`).

The ECB+ dev texts (../shared/data/dev/ecbplus_stories_dev.jsonl: 770 real articles, 767
distinct texts, in 66 stories, read in place; skipped when ../shared is absent) are coded once.
They are linked in batches of `eventscope run`'s default when it codes in its own process
(pipeline.IN_PROCESS_BATCH, 256; `--batch 64` for a run with workers). Then three rows, once
each a round, in rounds interleaved (code, link@0, link@N, then link@N, link@0, code, ...),
medians and the spread quoted; the share and the growth are ratios within each round (its rows
ran under about the same load), and the CPU of each linking piece (benchmarks/link_split.py)
is measured in the process, so what moves shows apart from what the machine's load moves:

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
    parser.add_argument("--repeat", type=int, default=9, help="rounds, each row once a round")
    parser.add_argument("--prefilled", type=Path, help="the prefilled store, built there when absent and "
                        "read from there when present (one built by this code with the same --prefill and --batch)")
    args = parser.parse_args()
    if not ECB.exists():
        print(f"skipped: {ECB} is absent")
        return

    from eventscope import linking
    from eventscope.store import Store
    from link_split import PIECES, split

    processor, docs, results = code_articles(args.articles)  # warm-up; the results every link row reuses
    sample = docs[:100]
    per100 = 100 / len(results)
    code, empty, full_ = "code 100", "link@0 100", f"link@{args.prefill} 100"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full = args.prefilled or tmp / "prefilled.duckdb"
        made = f"in {prefill(full, args.prefill, args.batch):.0f} s" if not full.exists() else f"earlier ({full})"
        print(f"{len(results)} ECB+ articles, {sum(len(r.events) for r in results)} events; store prefilled with "
              f"{args.prefill} distinct articles {made}", flush=True)
        rows: dict[str, list[tuple[float, float]]] = {code: [], empty: [], full_: []}
        pieces: dict[str, list[dict]] = {empty: [], full_: []}  # CPU of each linking piece, per round
        startup: list[float] = []

        def run_code():
            began, cpu = time.perf_counter(), time.process_time()
            list(processor.process(sample))
            rows[code].append(((time.perf_counter() - began) * 100 / len(sample),
                               (time.process_time() - cpu) * 100 / len(sample)))

        def run_link(row: str, rep: int):
            path = tmp / f"{'empty' if row == empty else 'full'}{rep}.duckdb"
            if row == full_:
                shutil.copyfile(full, path)
            with Store(path) as store:
                if row == full_:
                    began = time.perf_counter()  # once per process: the story postings and
                    linking._stored_stories(store).postings()  # the stored near-copy band keys read back
                    store.stored_bands()
                    startup.append(time.perf_counter() - began)
                with split() as totals:
                    rows[row].append(tuple(x * per100 for x in link_into(store, results, args.batch)))
            pieces[row].append({label: seconds * per100 for label, (_, seconds) in totals.items()})
            path.unlink()

        with Store(tmp / "warm-up.duckdb") as store:  # not counted: what a process loads once (the
            link_into(store, results[:args.batch], args.batch)  # background term counts tf-idf reads)
        for rep in range(args.repeat):  # interleaved, the order turned every other round (drift hits all rows)
            order = (code, empty, full_) if rep % 2 == 0 else (full_, empty, code)
            for row in order:
                run_code() if row == code else run_link(row, rep)
            print(f"  round {rep + 1}: " + "  ".join(f"{k} {v[-1][1]:.3f}" for k, v in rows.items())
                  + f" s CPU  load {os.getloadavg()[0]:.1f}", flush=True)
    for i, kind in enumerate(("wall-clock", "CPU")):  # CPU moves less with the machine's load
        print(f"{kind}, s per 100 articles, medians of {args.repeat} rounds [min - max]:")
        for k, vs in rows.items():
            print(f"  {k:<18} {_spread([v[i] for v in vs], '{:.3f}')}")
        # ratios taken within a round (its rows ran minutes apart, under about the same load)
        share = [e[i] / (c[i] + e[i]) for c, e in zip(rows[code], rows[empty])]
        growth = [f[i] / e[i] for e, f in zip(rows[empty], rows[full_])]
        print(f"  linking share of a run, link@0 / (code + link@0), per round: {_spread(share, '{:.1%}')}"
              f" (target <= 10%)")
        print(f"  growth from empty to {args.prefill} articles, link@{args.prefill} / link@0, per round: "
              f"{_spread(growth, '{:.2f}x')} (target <= 1.2)")
    print(f"linking pieces (benchmarks/link_split.py), CPU s per 100 articles, medians: "
          f"link@0  link@{args.prefill}  [min - max at {args.prefill}]")
    for _, _, label, depth in PIECES:  # (indented: a piece inside the one above)
        at0, atn = ([p[label] for p in pieces[row]] for row in (empty, full_))
        print(f"  {'  ' * depth}{label:<{24 - 2 * depth}} {statistics.median(at0):.4f}  {statistics.median(atn):.4f}  "
              f"[{min(atn):.4f} - {max(atn):.4f}]")
    print(f"reading the story postings and the band filter back, once per process: "
          f"{statistics.median(startup):.2f} s")


def _spread(values: list[float], form: str) -> str:
    return f"{form.format(statistics.median(values))} [{form.format(min(values))} - {form.format(max(values))}]"


if __name__ == "__main__":
    main()
