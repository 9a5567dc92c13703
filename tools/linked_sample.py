"""Linked-event purity: draw linked events of a store to check by hand, and score the verdicts (issue 18).

    python tools/linked_sample.py --db run.duckdb [--sample 60 --seed 1818]   # print the draw
    python tools/linked_sample.py --db run.duckdb --verdicts eval/linking/purity_ecb_dev.tsv

A linked event is pure when all its mentions report one real event. Only linked events with
two or more mentions can be impure, so the draw is among those (all of them when there are
fewer than `--sample`), at random with a fixed seed, in a fixed order (by id) before the draw so
that the same store and seed give the same sample. Each is printed with its mentions (document,
sentence, actors, date, place) to judge. The verdicts file is TSV with the header
`linked_event_id  verdict  note` (verdict `same` or `mixed`); the text stays in the store
(third-party articles are never copied into the repository), so a verdict is re-checked by
running the same command on a store built by the same `eventscope run`.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

VERDICTS = {"same", "mixed"}


def linked_with_mentions(con) -> list[str]:
    """Ids of the linked events with two or more mentions, sorted."""
    return [r[0] for r in con.execute(
        "SELECT id FROM linked_events WHERE n_mentions >= 2 ORDER BY id").fetchall()]


def mentions(con, linked_id: str) -> list[tuple]:
    return con.execute(
        """SELECT d.external_id, e.sentence, e.cameo, e.source_name, e.source_code, e.target_name,
                  e.target_code, e.date, e.location, e.location_country, l.reason, e.sentence_text
           FROM event_links l JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = e.doc_id
           WHERE l.linked_event_id = ? ORDER BY d.external_id, e.sentence""", [linked_id]).fetchall()


def read_verdicts(path: Path) -> dict[str, str]:
    """linked_event_id -> verdict; a bad row is a one-line error naming the file and line."""
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
            verdict = (row.get("verdict") or "").strip()
            if not row.get("linked_event_id") or verdict not in VERDICTS:
                raise SystemExit(f"{path}:{lineno}: want linked_event_id and a verdict in {sorted(VERDICTS)}")
            out[row["linked_event_id"].strip()] = verdict
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1818)
    ap.add_argument("--verdicts", type=Path, help="score this TSV of verdicts instead of printing the draw")
    args = ap.parse_args(argv)

    import duckdb

    if not args.db.is_file():
        print(f"{args.db}: no such store", file=sys.stderr)
        return 2
    con = duckdb.connect(str(args.db), read_only=True)
    ids = linked_with_mentions(con)
    if args.verdicts:
        verdicts = read_verdicts(args.verdicts)
        missing = [i for i in verdicts if i not in set(ids)]
        if missing:
            print(f"{args.verdicts}: {len(missing)} ids not among this store's linked events "
                  f"(first {missing[0]}): another run?", file=sys.stderr)
            return 2
        same = sum(v == "same" for v in verdicts.values())
        print(f"PURITY linked_events={len(ids)} checked={len(verdicts)} same={same} "
              f"purity={same / len(verdicts) if verdicts else 0:.3f}")
        return 0
    drawn = sorted(random.Random(args.seed).sample(ids, min(args.sample, len(ids))))
    print(f"# {len(drawn)} of {len(ids)} linked events with 2+ mentions (seed {args.seed})")
    for linked_id in drawn:
        rows = mentions(con, linked_id)
        print(f"\n== {linked_id} ({len(rows)} mentions)")
        for ext, sent, cameo, sname, scode, tname, tcode, date, loc, country, reason, text in rows:
            print(f"  - {ext}#{sent} {cameo} {sname}[{scode}] > {tname}[{tcode}] date={date} "
                  f"place={loc}/{country} ({reason})\n      {' '.join((text or '').split())[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
