"""Linking cost per batch as the store grows (`python benchmarks/bench_linking.py`).

Streams N synthetic articles (benchmarks/corpus.py, no coding: linking alone) through
`linking.divert_duplicates` + `store.write_results` + `linking.link_batch` in batches, and
prints the seconds per batch for the first and the last tenth of the stream. Target: the
last tenth costs at most ~2x the first (band-key, term and story lookups are keyed, so a
batch's cost follows the batch, not the store). Also re-submits edited copies of stored
articles and reports how many are recognised as near-duplicates (target: all).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()

    from corpus import article, sentence_pool
    from eventscope import linking
    from eventscope.models import Document, DocumentResult, content_id
    from eventscope.store import Store

    pool, origin = sentence_pool()
    texts = [article(i, pool) for i in range(args.articles)]
    docs = [Document(content_id(t), t, origin=f"a{i}") for i, t in enumerate(texts)]
    timings = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "link.duckdb") as store:
        for start in range(0, len(docs), args.batch):
            began = time.perf_counter()
            fresh = linking.divert_duplicates(docs[start:start + args.batch], store)
            results = [DocumentResult(d) for d in fresh]
            store.write_results(results)
            linking.link_batch(results, store)
            timings.append(time.perf_counter() - began)
        copies = [Document(content_id("Wire copy. " + t), "Wire copy. " + t.replace(" the ", " The ", 2),
                           origin=f"copy{i}") for i, t in enumerate(texts[:: max(1, len(texts) // 50)])]
        kept = linking.divert_duplicates(copies, store)
        stories = store.con.execute("SELECT count(*) FROM stories").fetchall()[0][0]
    tenth = max(1, len(timings) // 10)
    first, last = sum(timings[:tenth]) / tenth, sum(timings[-tenth:]) / tenth
    print(f"{len(docs)} articles ({origin}), batches of {args.batch}: {sum(timings):.1f} s in all, "
          f"{len(docs) / sum(timings):.0f} articles/s; {stories} stories")
    print(f"seconds per batch: first tenth {first:.3f}, last tenth {last:.3f} (ratio {last / first:.2f}, target <= 2)")
    print(f"edited copies recognised: {len(copies) - len(kept)}/{len(copies)}")


if __name__ == "__main__":
    main()
