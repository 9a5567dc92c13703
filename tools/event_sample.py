"""Precision on unseen news, judged by hand: draw coded events at random and score the verdicts (issue 16).

    python tools/event_sample.py input -o unseen.jsonl        # articles in no dev set we tune on
    eventscope code unseen.jsonl -o coded.jsonl
    python tools/event_sample.py draw unseen.jsonl coded.jsonl [--n 40 --seed 20261207]
    python tools/event_sample.py score eval/realnews/unseen_sample_<rev>.tsv

The input is every ECB+ dev article (``../shared/data/dev/ecbplus_stories_dev.jsonl``) of the
topics that report political events (bombings, riots, arrests, piracy, elections, appointments,
policy) and that the real-news dev set (eval/realnews/) does not code: text the coder was never
tuned on. The draw is seeded and made in file order, so the same coded file and seed give the same
events. Each is printed with its sentence to judge as an analyst would: `right` (type and the
countries of both sides as the text gives them), `partial` (type and source right, the target
missing or wrong) or `wrong`. The verdicts file is TSV (`doc sentence cameo plover source target
verdict note`, countries only: third-party text is never copied into the repository).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# ECB+ topics whose stories are political events an analyst codes (the rest: celebrities, sport,
# earthquakes, software): bank bombing, endangered-species rules, Turkmen election, Indian navy
# and pirates, police shooting and riots, Mafia arrests, a cabinet appointment
POLITICAL_TOPICS = ("8", "9", "11", "12", "19", "26", "34")
VERDICTS = ("right", "partial", "wrong")
COLUMNS = ("doc", "sentence", "cameo", "plover", "source", "target", "verdict", "note")


def unseen_input(shared: Path, out) -> int:
    dev = ROOT / "eval" / "realnews" / "realnews_dev.jsonl"
    coded = {json.loads(line)["origin"].partition("#")[2] for line in dev.open(encoding="utf-8")}
    n = 0
    with (shared / "data" / "dev" / "ecbplus_stories_dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["topic"] in POLITICAL_TOPICS and record["id"] not in coded:
                out.write(json.dumps({"id": f"ecb_{record['id']}", "text": record["text"]}) + "\n")
                n += 1
    return n


def countries(actors: list[dict]) -> str:
    return ";".join(a.get("country") or "?" for a in actors) or "-"


def draw(inputs: Path, coded: Path, n: int, seed: int) -> list[tuple[dict, dict, str]]:
    texts = {r["id"]: r["text"] for r in map(json.loads, inputs.open(encoding="utf-8"))}
    events = [(r, e) for r in map(json.loads, coded.open(encoding="utf-8")) for e in r["events"]]
    picked = random.Random(seed).sample(events, min(n, len(events)))
    return [(r, e, texts[r["id"]][e["span"][0]:e["span"][1]]) for r, e in picked]


def score(path: Path) -> Counter:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    bad = [r for r in rows if r["verdict"] not in VERDICTS]
    if bad:
        raise SystemExit(f"{path}: verdict must be one of {', '.join(VERDICTS)} (row {rows.index(bad[0]) + 2})")
    return Counter(r["verdict"] for r in rows)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("input")
    make.add_argument("-o", "--output", type=Path, required=True)
    make.add_argument("--shared", type=Path, default=SHARED)
    pick = sub.add_parser("draw")
    pick.add_argument("inputs", type=Path)
    pick.add_argument("coded", type=Path)
    pick.add_argument("--n", type=int, default=40)
    pick.add_argument("--seed", type=int, default=20261207)
    judged = sub.add_parser("score")
    judged.add_argument("verdicts", type=Path)
    args = parser.parse_args(argv)
    if args.command == "input":
        with args.output.open("w", encoding="utf-8") as out:
            print(f"{unseen_input(args.shared, out)} articles -> {args.output}")
    elif args.command == "draw":
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for record, event, text in draw(args.inputs, args.coded, args.n, args.seed):
            writer.writerow([record["id"], event["sentence"], event["cameo"], event["plover"] or "",
                             countries(event["source"]), countries(event["target"]), "", text[:300]])
    else:
        counts = score(args.verdicts)
        total = sum(counts.values())
        print(f"{total} events: right {counts['right']} ({counts['right'] / total:.2f}), partial "
              f"{counts['partial']}, wrong {counts['wrong']}; right or partial "
              f"{(counts['right'] + counts['partial']) / total:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
