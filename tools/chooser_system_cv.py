"""Multi-CoPED whole-coder CV with the encoder also choosing among the lexicon's readings.

    .venv/bin/python tools/chooser_system_cv.py --margin 0.0 -- --system-cv --no-save \\
        --encoder-folds /tmp/event-folds --synthetic none

Runs tools/train_classifier.py (its arguments after `--`) with coding.judge.revise wrapped: in
a sentence set, before the judge, each judged event's code becomes the reading of its clause
the encoder prefers (encoder_chooser.choose over encoder_chooser.readings, PLOVER head, the
margin given). Stories are left as the judge leaves them. A measurement only: the chooser is
not wired into the coder (README, "The event encoder").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))


def wrap(margin: float, head: str) -> None:
    import encoder_chooser as chooser
    from eventscope.coding import judge

    original = judge.revise

    def revise(document, doc, actors, events, encoder, lexicon, *args, keep=lambda e: False, **kwargs):
        sents = list(doc.sents)
        if judge.is_sentence_set(document, len(sents)):
            sentences = [(s.start_char, s.text) for s in sents]
            for k, j in judge.judged_events(events, sentences, encoder, keep).items():
                code = chooser.choose(events[k], j, chooser.readings(events[k], doc, lexicon), margin, head)
                if code is not None:
                    judge._recode(events[k], code)
        return original(document, doc, actors, events, encoder, lexicon, *args, keep=keep, **kwargs)

    judge.revise = revise


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ours, theirs = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--margin", type=float, default=0.0)
    ap.add_argument("--head", default="plover", choices=("plover", "cameo", "both"))
    args = ap.parse_args(ours)
    wrap(args.margin, args.head)
    import train_classifier

    return train_classifier.main(theirs)


if __name__ == "__main__":
    raise SystemExit(main())
