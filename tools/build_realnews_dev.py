"""Build the real-news dev set (eval/realnews/) from two independent codings and an adjudication.

    python tools/build_realnews_dev.py agreement A.jsonl B.jsonl
        agreement of two codings of the same articles (per-article triple sets)
    python tools/build_realnews_dev.py build ADJUDICATED.jsonl INDEX.json -o eval/realnews/realnews_dev.jsonl
        the gold file: each adjudicated record with its article's `origin` (a path under
        ../shared, so no third-party text is stored) and a `split` ("train" / "heldout")

The unit of agreement is the one `eventscope eval` scores: the distinct (source country,
target country, PLOVER type) triples an article's events give (evaluation/realnews.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from eventscope.evaluation.realnews import event_triples  # noqa: E402

HELDOUT_SHARE = 0.4  # of articles, by a hash of the id: never trained or tuned on


def read(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}


def triples(record: dict, key: str = "events") -> set:
    return set().union(*(event_triples(e) for e in record.get(key) or [])) if record.get(key) else set()


def agreement(a: dict[str, dict], b: dict[str, dict]) -> dict:
    """Dice (F1) of the two codings' triple sets, micro over articles, and its parts."""
    both = sorted(set(a) & set(b))
    shared = total_a = total_b = 0
    dyads_shared = types_agree = 0
    articles_equal = 0
    not_done_shared = not_done_a = not_done_b = 0
    for key in both:
        ta, tb = triples(a[key]), triples(b[key])
        shared += len(ta & tb)
        total_a += len(ta)
        total_b += len(tb)
        articles_equal += ta == tb
        da = {(s, t) for s, t, _ in ta}
        db = {(s, t) for s, t, _ in tb}
        dyads_shared += len(da & db)
        types_agree += sum(1 for d in da & db
                           if {p for s, t, p in ta if (s, t) == d} & {p for s, t, p in tb if (s, t) == d})
        na, nb = triples(a[key], "not_done"), triples(b[key], "not_done")
        not_done_shared += len(na & nb)
        not_done_a += len(na)
        not_done_b += len(nb)
    dice = 2 * shared / (total_a + total_b) if total_a + total_b else 0.0
    return {"articles": len(both), "triples_a": total_a, "triples_b": total_b, "shared": shared,
            "triple_f1": round(dice, 3), "articles_identical": articles_equal,
            "dyads_shared": dyads_shared, "type_agreement_on_shared_dyads":
            round(types_agree / dyads_shared, 3) if dyads_shared else None,
            "not_done_f1": round(2 * not_done_shared / (not_done_a + not_done_b), 3)
            if not_done_a + not_done_b else None}


def split_of(article_id: str) -> str:
    bucket = int(hashlib.sha1(article_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "heldout" if bucket < HELDOUT_SHARE else "train"


def build(adjudicated: dict[str, dict], index: list[dict]) -> list[dict]:
    out = []
    for entry in index:
        record = adjudicated.get(entry["id"])
        if record is None:
            continue
        out.append({"id": entry["id"], "origin": entry["origin"], "split": split_of(entry["id"]),
                    **{k: v for k, v in record.items() if k not in ("id", "origin", "split")}})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    agree = sub.add_parser("agreement")
    agree.add_argument("a", type=Path)
    agree.add_argument("b", type=Path)
    make = sub.add_parser("build")
    make.add_argument("adjudicated", type=Path)
    make.add_argument("index", type=Path, help="[{id, origin}] of the coded articles")
    make.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "agreement":
        print(json.dumps(agreement(read(args.a), read(args.b)), indent=1))
        return
    records = build(read(args.adjudicated), json.loads(args.index.read_text()))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    counts = Counter(r["split"] for r in records)
    print(f"{len(records)} articles ({dict(counts)}), "
          f"{sum(len(r.get('events') or []) for r in records)} events -> {args.output}")


if __name__ == "__main__":
    main()
