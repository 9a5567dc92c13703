"""The encoder as a chooser, not a competitor: measure the variants of issue 21 on real news.

    .venv/bin/python tools/judge_variants.py --fold-models /tmp/event-folds [--heldout]

Each article of the real-news train split is coded once by the whole coder and each event the
encoder would read is judged by the encoder fold model that never saw the article
(tools/tune_judge.py `collect`). The variants, replayed as the pipeline would code:

- choose: the encoder picks among the lexicon's readings of the event's verb
  (encoder_chooser.readings: "fit" = patterns that fit the clause's objects, "wide" = all the
  verb's patterns), by its PLOVER type head, CAMEO root head, or both, switching only when the
  reading is likelier than the event's own code by a margin;
- said / said-filed: a statement (CAMEO 01) made the act the encoder reads when sure of it
  (before the coder files its events, or only the statements it files);
- rivals: of judged events of one sentence and one dyad with different types, the one whose
  type the encoder reads likeliest stays (encoder_chooser.rival_losers);
- veto: the modality head withholds an event coded as done (as judge.vetoed) with p(not done)
  >= t, on all events or only on events no verb pattern made (a model's or a noun's);
- created: events no verb pattern made are dropped when the encoder's p(their class5) < t.

Per family, nested CV over the folds: the setting chosen on the other folds' articles (best
F1; ties to the more conservative) and scored on its own. `--heldout`: each family's best
setting on all train articles (even when off would be chosen), scored once on the heldout split,
judged by the shipped model (summary figures only).
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import encoder_chooser as chooser  # noqa: E402
import tune_judge as T  # noqa: E402

from eventscope.coding import judge  # noqa: E402
from eventscope.coding.judge import JudgeSettings  # noqa: E402

MARGINS = (0.0, 0.1, 0.2, 0.3, 0.5)
VETOES = (0.5, 0.7, 0.8, 0.9, 0.95)
CREATED = (0.1, 0.2, 0.3, 0.5)


def with_readings(articles, lexicon) -> None:
    """Each article's judged events' readings, fit and wide (article.readings[k] = (fit, wide))."""
    for a in articles:
        a.readings = {k: (chooser.readings(a.events[k], a.doc, lexicon),
                          chooser.readings(a.events[k], a.doc, lexicon, wide=True)) for k in a.judged}


def chosen_events(a, variant):
    """The article's events (before filing) under `variant` (None: encoder off)."""
    if variant is None:
        return copy.deepcopy(a.events), []
    if variant == SHIPPED:  # the shipped judge: only sentence sets are read
        events = a.events if a.settled is None else a.settled
        return [replace(e, id="") for e in copy.deepcopy(events)], []
    events = copy.deepcopy(a.events)
    kind, arg = variant
    out, held = [], []
    losers = chooser.rival_losers(events, a.judged, arg) if kind == "rivals" else set()
    for k, e in enumerate(events):
        j = a.judged.get(k)
        if k in losers:
            continue
        if j is None or kind in ("rivals", "said-filed"):
            out.append(e)
        elif kind == "choose":
            scope, head, margin = arg
            codes = a.readings[k][0 if scope == "fit" else 1]
            code = chooser.choose(e, j, codes, margin, head)
            if code is not None:
                judge._recode(e, code)
            out.append(e)
        elif kind == "said":
            code = chooser.said_act(e, j, arg)
            if code is not None:
                judge._recode(e, code)
            out.append(e)
        elif kind in ("veto", "veto-created"):
            if kind == "veto-created" and T_pattern(e):
                out.append(e)
                continue
            v = judge.vetoed(e, j, a.model, JudgeSettings(veto=arg))
            (held if v is not None else out).append(e)
        elif kind == "created":
            own = judge._class_of(e.cameo)
            if not T_pattern(e) and own is not None and j["class5"].get(str(own), 0.0) < arg:
                continue
            out.append(e)
    return [replace(e, id="") for e in sorted(out, key=lambda e: (e.sentence, e.span[0]))], held


SHIPPED = ("shipped", None)


def said_filed(a, event, threshold):
    """A filed statement made the act the encoder reads (its judgement found by sentence, span
    and trigger among the article's judged events); other events as they are."""
    key = (event.sentence, tuple(event.span), event.trigger)
    judged = {(a.events[k].sentence, tuple(a.events[k].span), a.events[k].trigger): j for k, j in a.judged.items()}
    code = chooser.said_act(event, judged[key], threshold) if key in judged else None
    if code is not None:
        event = copy.deepcopy(event)
        judge._recode(event, code)
    return event


def T_pattern(event) -> bool:
    return any(x.kind == "pattern" for x in event.evidence)


def replay(a, variant, withheld):
    from eventscope.coding.coder import filed_events
    from eventscope.coding.modality_codes import withheld_reason
    from eventscope.coding.places import place_events
    from eventscope.evaluation.realnews import contract_with_mentions
    from eventscope.models import DocumentResult

    events, vetoed = chosen_events(a, variant)
    events, held = filed_events(events, copy.deepcopy(a.withheld) + vetoed)
    if variant is not None and variant[0] == "said-filed":  # statements an analyst files anyway
        events = [said_filed(a, e, variant[1]) for e in events]
    withheld += [dict(contract_with_mentions(e), withheld=withheld_reason(e)) for e in held]
    result = DocumentResult(a.result.document, a.result.sentences, a.result.actors, events)
    place_events(result, a.doc)
    return [contract_with_mentions(e) for e in result.events]


def score(articles, variant, total=None):
    from eventscope.evaluation.realnews import RealNewsScore, score_article

    total = RealNewsScore() if total is None else total
    for a in articles:
        withheld = []
        score_article(a.record, replay(a, variant, withheld), total, text=a.document.text, withheld_events=withheld)
    return total


FAMILIES = {
    "choose fit, PLOVER head": [("choose", ("fit", "plover", m)) for m in MARGINS],
    "choose fit, CAMEO root head": [("choose", ("fit", "cameo", m)) for m in MARGINS],
    "choose fit, both heads": [("choose", ("fit", "both", m)) for m in MARGINS],
    "choose wide, PLOVER head": [("choose", ("wide", "plover", m)) for m in MARGINS],
    "choose wide, both heads": [("choose", ("wide", "both", m)) for m in MARGINS],
    "statements read as the act the encoder reads, p >= t": [("said", t) for t in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)],
    "filed statements read as the act the encoder reads, p >= t": [("said-filed", t) for t in (0.5, 0.7, 0.9)],
    "rivals on one dyad in one sentence: the likeliest type stays": [("rivals", m) for m in (0.0, 0.2, 0.4, 0.6)],
    "veto (modality), all events": [("veto", v) for v in VETOES],
    "veto (modality), events no pattern made": [("veto-created", v) for v in VETOES],
    "drop events no pattern made, p(class) < t": [("created", t) for t in CREATED],
}


def conservative(variant) -> tuple:
    kind, arg = variant
    return (arg[2],) if kind == "choose" else (arg,) if kind in ("said", "said-filed", "rivals") else (arg if kind != "created" else -arg,)


def choose_setting(articles, grid, allow_off: bool = True):
    """None (off) or the grid's best variant on `articles` by F1 (ties: off, then conservative);
    `allow_off` False: the best of the grid itself."""
    best = (round(score(articles, None).f1, 4) if allow_off else -1.0, (9,), None)
    for variant in grid:
        key = (round(score(articles, variant).f1, 4), conservative(variant), variant)
        if key[:2] > best[:2]:
            best = key
    return best[2]


def name(variant) -> str:
    if variant is None:
        return "off"
    kind, arg = variant
    return f"{kind} {'/'.join(map(str, arg)) if isinstance(arg, tuple) else arg}"


def reading_stats(articles, lexicon) -> None:
    """How many judged events have other readings, and oracles: of the judged events an analyst
    files (the coder's filed_events keep them) on a gold dyad with a wrong type, how many have a
    gold type among each candidate set."""
    from eventscope.coding.coder import filed_events
    from eventscope.evaluation.realnews import contract_with_mentions, event_triples

    key = lambda e: (e.sentence, tuple(e.span), e.trigger)  # noqa: E731
    c, confusions = Counter(), Counter()
    for a in articles:
        gold = set().union(set(), *(event_triples(e) for e in a.record.get("events") or []))
        dyads = {(s, t) for s, t, _ in gold}
        filed = {key(e) for e in filed_events(copy.deepcopy(a.events), copy.deepcopy(a.withheld))[0]}
        for k, (fit, wide) in a.readings.items():
            e, j = a.events[k], a.judged[k]
            c["judged"] += 1
            if key(e) not in filed:
                continue
            c["judged and filed"] += 1
            c["fit>1"] += len(fit) > 1
            c["wide>1"] += len(wide) > 1
            triples = event_triples(contract_with_mentions(e))
            on_dyad = {(s, t) for s, t, _ in triples} & dyads
            if not on_dyad:
                continue
            types = {p for s, t, p in gold if (s, t) in on_dyad}
            ranked = sorted(j["plover"], key=j["plover"].__getitem__, reverse=True)
            if triples & gold:
                c["gold dyad, right type"] += 1
                c["... encoder argmax is another type"] += ranked[0] != (e.plover or "NONE")
                continue
            c["gold dyad, wrong type"] += 1
            confusions[(e.plover or "NONE", "/".join(sorted(types)))] += 1
            own = lexicon.pattern_of(e.evidence)
            sentence_types = {x.plover for x in a.events if x.sentence == e.sentence and x is not e}
            c["... gold type among fit"] += any(chooser.type_of(x) in types for x in fit[1:])
            c["... gold type among wide"] += any(chooser.type_of(x) in types for x in wide[1:])
            c["... gold type = own pattern's unframed code"] += bool(own) and chooser.type_of(own.cameo) in types
            c["... gold type among the sentence's other events"] += bool(sentence_types & types)
            c["... encoder argmax"] += ranked[0] in types
            c["... encoder top 2"] += bool(set(ranked[:2]) & types)
            c["... no pattern (model or noun event)"] += own is None
    print("readings and oracles:", dict(c))
    print("wrong type on a gold dyad (coder type, gold types):", confusions.most_common())


def main(argv=None) -> int:
    from eventscope.coding.encoder import EventEncoder
    from eventscope.evaluation.realnews import RealNewsScore
    from eventscope.knowledge.verb_lexicon import default_lexicon

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fold-models", type=Path, required=True)
    ap.add_argument("--heldout", action="store_true")
    ap.add_argument("--families", default="", help="comma-separated substrings: only these families")
    args = ap.parse_args(argv)
    lexicon = default_lexicon()
    folds = [EventEncoder(p) for p in sorted(args.fold_models.glob("fold*")) if p.is_dir()]
    k = len(folds)
    train = T.load("train")
    for record, _ in train:
        record["_fold"] = T.fold_of(record, k)
    articles = T.collect(train, lambda r: folds[r["_fold"]])
    with_readings(articles, lexicon)
    reading_stats(articles, lexicon)
    print(T.line("train, encoder off", score(articles, None)))
    print(T.line("train, shipped judge (sentence sets only)", score(articles, SHIPPED)))
    families = {n: g for n, g in FAMILIES.items()
                if not args.families or any(s in n for s in args.families.split(","))}
    picked = {}
    for family, grid in families.items():
        print(f"{family}:")
        for variant in grid:
            print(T.line(f"  all train, {name(variant)}", score(articles, variant)))
        nested = RealNewsScore()
        chosen = []
        for f in range(k):
            setting = choose_setting([a for a in articles if a.fold != f], grid)
            chosen.append(name(setting))
            score([a for a in articles if a.fold == f], setting, nested)
        print(T.line(f"  nested CV ({', '.join(chosen)})", nested))
        print(f"  chosen on all train articles: {name(choose_setting(articles, grid))}")
        picked[family] = choose_setting(articles, grid, allow_off=False)  # for the heldout record
    if args.heldout:
        shipped = EventEncoder()
        heldout = T.collect(T.load("heldout"), lambda r: shipped)
        with_readings(heldout, lexicon)
        print(T.line("heldout, encoder off", score(heldout, None)))
        print(T.line("heldout, shipped judge", score(heldout, SHIPPED)))
        for family, variant in picked.items():
            print(T.line(f"heldout, {family}: {name(variant)}", score(heldout, variant)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
