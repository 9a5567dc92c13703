"""Story clustering B-cubed on the odd topics, the even topics (each clustered on its own) and all.

    python tools/eval_story_halves.py ../shared/data/dev/ecbplus_stories_dev.jsonl [--topics]

The story clusterer's numbers are chosen on the odd ECB+ dev topics and checked on the even
ones (README "Stories"); this prints the three SUMMARY lines those figures come from.
`--topics` also prints, per topic, how each gold story's documents spread over the predicted
stories (one number per predicted story; "other" when a predicted story also holds documents
of another topic), to see which topics are merged or split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path


def spread(records: list[dict], predicted: dict[str, str]) -> list[str]:
    """One line per topic: gold story -> its documents per predicted story."""
    topic_of = {predicted[r["id"]]: set() for r in records}
    for r in records:
        topic_of[predicted[r["id"]]].add(r["topic"])
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_topic[r["topic"]].append(r)
    lines = []
    for topic in sorted(by_topic, key=lambda t: (len(t), t)):
        counts = Counter((str(r["story"]), predicted[r["id"]]) for r in by_topic[topic])
        stories = sorted({s for _, s in counts})
        golds = sorted({g for g, _ in counts})
        cells = " | ".join(g + ": " + " ".join(str(counts.get((g, s), 0)) for s in stories) for g in golds)
        other = sum(len(topic_of[s]) > 1 for s in stories)
        lines.append(f"  topic {topic}  {cells}" + (f"  (other: {other})" if other else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--topics", action="store_true", help="print how each topic's stories were split")
    args = ap.parse_args(argv)
    from eventscope.evaluation.bcubed import bcubed
    from eventscope.evaluation.story_eval import gold_stories
    from eventscope.linking.stories import cluster_records

    records, problems = gold_stories(args.gold)
    for problem in problems[:20]:
        print(f"skipped {problem}", file=sys.stderr)
    if not all(str(r.get("topic", "")).isdigit() for r in records):
        print(f"{args.gold}: every record needs a numeric 'topic'", file=sys.stderr)
        return 1
    halves = {"odd": [r for r in records if int(r["topic"]) % 2],
              "even": [r for r in records if not int(r["topic"]) % 2], "all": records}
    for name, part in halves.items():
        predicted = cluster_records(part)
        print(bcubed({r["id"]: str(r["story"]) for r in part}, predicted).summary_line(f"{args.gold.name}:{name}"))
        if args.topics and name != "all":
            print("\n".join(spread(part, predicted)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
