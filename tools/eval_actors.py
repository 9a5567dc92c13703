"""Score actor phrase resolution against the labelled dev set.

    .venv/bin/python tools/eval_actors.py [PATH] [--failures]

PATH defaults to ../shared/data/dev/actor_resolution_dev.jsonl; the scoring rules are in
eventscope/evaluation/actors.py (also used by `eventscope eval` on an actor file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventscope.evaluation.actors import evaluate, summary_line  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "actor_resolution_dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--failures", action="store_true", help="list the cases that fail")
    args = parser.parse_args()
    if not args.path.exists():
        sys.exit(f"{args.path}: not found")
    result = evaluate(args.path, args.failures)
    print(f"cases (not xfail): {result['cases']}")
    print(f"right on every checkable field: {result['all_fields_ok']}/{result['cases']} "
          f"= {result['all_fields_ok'] / max(result['cases'], 1):.1%}")
    print(f"xfail cases right anyway: {result['xfail_ok']}/{result['xfail_cases']}")
    for field, (ok, total) in sorted(result["per_field"].items()):
        print(f"  {field:15s} {ok:4d}/{total:<4d} {ok / total:.1%}")
    print(f"unchecked fields (not produced by eventscope): {result['unchecked']}")
    print(summary_line(args.path.name, result))


if __name__ == "__main__":
    main()
