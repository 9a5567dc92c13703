"""Place share and a hand-check sample on the real-news dev set (issue 18).

    python tools/eval_places.py eval/realnews/realnews_dev.jsonl [--sample 40 --seed 18]
        [--out places.jsonl] [--split train|heldout] [--unplaced]
    python tools/eval_places.py eval/realnews/realnews_dev.jsonl --articles ../shared/data/dev/ecbplus_stories_dev.jsonl

`--articles` codes the articles of an {id, text} JSONL instead (the ECB+ dev set: more real
news to check by hand), less those whose id the gold file's held-out records name.

Ingests and codes every article the gold names (as `eventscope eval` does), then counts the
events whose sentence has a locative place name or whose article has a dateline
(evaluation/place_eval.py) and how many of them got a place. Prints the PLACES summary line,
then a random sample of placed events (sentence, place, GeoNames id) to check by hand;
`--unplaced` also lists the named-but-unplaced events (what to fix next).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--split", choices=["train", "heldout"])
    ap.add_argument("--out", type=Path, help="write every event's place facts here (JSONL)")
    ap.add_argument("--unplaced", action="store_true")
    ap.add_argument("--articles", type=Path, help="code this {id, text} JSONL's articles instead of the gold's")
    args = ap.parse_args(argv)

    from eventscope.evaluation.place_eval import measure_documents
    from eventscope.evaluation.realnews_run import find_shared, load_document
    from eventscope.evaluation.records import read_gold
    from eventscope.pipeline import Processor

    records, _ = read_gold(args.gold, need_text=False)
    if args.split:
        records = [r for r in records if r.get("split") == args.split]
    shared = find_shared(args.gold)
    documents = []
    for record in records:
        doc = load_document(record["origin"], shared) if shared else "shared folder not found"
        if isinstance(doc, str):
            print(f"skipped {doc}", file=sys.stderr)
        else:
            documents.append(doc)
    if args.articles:
        documents = _articles(args.articles, records_all=read_gold(args.gold, need_text=False)[0])
    coverage = measure_documents(Processor(), documents)
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in coverage.events)
    for e in coverage.sample(args.sample, args.seed):
        print(f"- [{e.evidence}] {e.location} ({e.country} {e.admin1} {e.geonames_id} {e.precision}) "
              f"| {e.cameo} {e.actors} | {e.doc_id[:10]}#{e.sentence_index} | {e.sentence[:220]!r}")
    if args.unplaced:
        print("named but unplaced:")
        for e in coverage.named:
            if not e.location:
                print(f"- {e.cameo} {e.actors} named={e.named} dateline={e.dateline} | {e.doc_id[:10]}#{e.sentence_index} "
                      f"| {e.sentence[:220]!r}")
    print(coverage.summary_line())
    return 0


def _articles(path: Path, records_all: list[dict]) -> list:
    """The articles of an {id, text} JSONL, less those a held-out gold record was made from."""
    from eventscope.ingest import document_from_record

    held = {r["origin"].partition("#")[2] for r in records_all if r.get("split") == "heldout"}
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if str(record.get("id")) in held:
                continue
            doc = document_from_record(record, origin=f"{path.name}#{record.get('id')}", english_only=False)
            if hasattr(doc, "reason"):
                print(f"skipped {path.name}#{record.get('id')}: {doc.reason}", file=sys.stderr)
            else:
                out.append(doc)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
