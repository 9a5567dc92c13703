"""Measure the event encoder as a PROPOSER of a second PLOVER type on a dyad the coder codes.

    .venv/bin/python tools/second_types.py --fold-models /tmp/event-folds [--heldout]

Real news often codes one dyad with several types in one article (a meeting AND an agreement;
a threat AND a sanction) where the coder files one. This replays the coder's events of the
real-news train split (each article read by the encoder fold model that never saw it, as
tools/tune_judge.py does) with, for every event that has a source or target, one more event
on the same actors when the encoder's most probable PLOVER type differs from the event's and
its probability is at least a threshold. Two readings: the event's own clause (its trigger
marked, as the judge reads it) and the whole sentence unmarked (the sentence's main act).
`--heldout` scores the same grid once on the heldout split with the shipped model (summary
figures only). For each setting: P/R/F1 and how many added triples were new and gold (right)
or new and not gold (wrong).
"""

from __future__ import annotations

import argparse
import copy
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import tune_judge as T  # noqa: E402

from eventscope.coding.judge import NO_PLOVER, _recode  # noqa: E402
from eventscope.knowledge import taxonomy  # noqa: E402
from eventscope.models import Evidence  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
STATEMENT = "01"


def root_of_type(judgement, plover: str) -> str | None:
    """The most probable CAMEO root whose PLOVER type is `plover` (statements never)."""
    roots = [r for r in judgement["cameo"] if r != STATEMENT and _plover(r) == plover]
    return judgement.best("cameo", roots)[0] if roots else None


def _plover(root: str) -> str | None:
    try:
        return taxonomy.cameo(root).plover or None
    except KeyError:
        return None


def readings(article, encoder, unmarked: bool) -> dict[int, object]:
    """Event index -> judgement: the judge's own (trigger marked), or the whole sentence's."""
    if not unmarked:
        return article.judged
    sentences = [(s.start_char, s.text) for s in article.doc.sents]
    keys = [k for k in article.judged if 0 <= article.events[k].sentence < len(sentences)]
    texts = sorted({article.events[k].sentence for k in keys})
    read = dict(zip(texts, encoder.predict([(sentences[s][1], None) for s in texts]))) if texts else {}
    return {k: read[article.events[k].sentence] for k in keys}


def proposed(article, judged: dict, threshold: float, dyad_only: bool) -> list:
    """The coder's events plus one event of the encoder's top type where it differs."""
    events = copy.deepcopy(article.events)
    added = []
    for k, judgement in judged.items():
        event = events[k]
        if dyad_only and not (event.source and event.target):
            continue
        plover, p = judgement.best("plover")
        if plover == NO_PLOVER or plover == (event.plover or "") or p < threshold:
            continue
        if (event.cameo_root or "")[:2] == STATEMENT:
            continue
        root = root_of_type(judgement, plover)
        if root is None:
            continue
        extra = copy.deepcopy(event)
        _recode(extra, root)
        extra.evidence = tuple(extra.evidence) + (Evidence("model", f"second type {plover}", weight=round(p, 3)),)
        added.append(replace(extra, id=""))
    return events + added


def replay_events(article, events: list) -> list[dict]:
    from eventscope.coding.coder import filed_events
    from eventscope.coding.places import place_events
    from eventscope.evaluation.realnews import contract_with_mentions
    from eventscope.models import DocumentResult

    events = [replace(e, id="") for e in sorted(events, key=lambda e: (e.sentence, e.span[0]))]
    events, _ = filed_events(events, copy.deepcopy(article.withheld))
    result = DocumentResult(article.result.document, article.result.sentences, article.result.actors, events)
    place_events(result, article.doc)
    return [contract_with_mentions(e) for e in result.events]


def measure(articles, encoder_of, label: str) -> None:
    from eventscope.evaluation.realnews import RealNewsScore, event_triples, score_article

    base = RealNewsScore()
    base_triples = []
    for a in articles:
        out = replay_events(a, a.events)
        base_triples.append(set().union(set(), *(event_triples(e) for e in out)))
        score_article(a.record, out, base, text=a.document.text, withheld_events=[])
    print(T.line(f"{label}: coder alone", base))
    for unmarked in (False, True):
        judged = [readings(a, encoder_of(a), unmarked) for a in articles]
        for dyad_only in (True, False):
            for t in THRESHOLDS:
                total, right, wrong = RealNewsScore(), 0, 0
                for a, j, before in zip(articles, judged, base_triples):
                    out = replay_events(a, proposed(a, j, t, dyad_only))
                    gold = set().union(set(), *(event_triples(e) for e in a.record.get("events") or []))
                    new = set().union(set(), *(event_triples(e) for e in out)) - before
                    right, wrong = right + len(new & gold), wrong + len(new - gold)
                    score_article(a.record, out, total, text=a.document.text, withheld_events=[])
                name = f"{'sentence' if unmarked else 'clause'} {'dyad' if dyad_only else 'any'} p>={t}"
                print(T.line(f"{label}: {name}", total) + f"  new triples right {right} wrong {wrong}")


def main(argv=None) -> int:
    from eventscope.coding.encoder import EventEncoder

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fold-models", type=Path, required=True)
    ap.add_argument("--heldout", action="store_true")
    args = ap.parse_args(argv)
    folds = [EventEncoder(p) for p in sorted(args.fold_models.glob("fold*")) if p.is_dir()]
    train = T.load("train")
    for record, _ in train:
        record["_fold"] = T.fold_of(record, len(folds))
    articles = T.collect(train, lambda r: folds[r["_fold"]])
    measure(articles, lambda a: folds[a.fold], "train (fold models)")
    if args.heldout:
        shipped = EventEncoder()
        measure(T.collect(T.load("heldout"), lambda r: shipped), lambda a: shipped, "heldout (shipped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
