"""score(gold, predicted): compare coder output with gold records, metric by metric.

Every metric is computed only over what the gold labels (a file of class5-only sentences
gets no CAMEO accuracy) and carries its n; metrics with n = 0 are left out.

Document-level metrics compare the record's *main* predicted event (highest confidence) with
the gold record's *first* event. Actor metrics align each gold event with one predicted event
of the same record: one of the same CAMEO root (or PLOVER type when the gold has no CAMEO
code) -- exact code first, then most shared actor countries, then confidence -- else the
main event.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable

from eventscope.evaluation import labels as L
from eventscope.evaluation.report import Confusion, EvalReport, Metric

CLASS5_LABELS = [0, 1, 2, 3, 4]

DESCRIPTIONS = {
    "class5_macro_f1": "Multi-CoPED 5-class macro-F1 of the main event (mean over gold classes)",
    "class5_accuracy": "main event's class5 = gold class5",
    "plover_accuracy": "main event's PLOVER type = gold first event's",
    "plover_mode_accuracy": "main event's PLOVER mode = gold first event's",
    "cameo_root_accuracy": "main event's CAMEO root = gold first event's",
    "cameo_accuracy": "main event's CAMEO code = gold first event's, exactly",
    "source_country_accuracy": "gold source countries found among the aligned event's sources",
    "target_country_accuracy": "gold target countries found among the aligned event's targets",
    "quiet_share": "gold no-event records where the coder was silent",
    "events_per_record_predicted": "predicted events per record",
    "events_per_record_gold": "gold events per record",
    "any_event_predicted": "records with any predicted event",
    "any_event_gold": "records with any gold event",
}
# Metrics that are a share of hits: metric name -> counter name used in score().
SHARE_METRICS = {
    "class5_accuracy": "class5", "plover_accuracy": "plover", "plover_mode_accuracy": "plover_mode",
    "cameo_root_accuracy": "cameo_root", "cameo_accuracy": "cameo",
    "source_country_accuracy": "source", "target_country_accuracy": "target",
    "quiet_share": "quiet", "any_event_predicted": "any_pred", "any_event_gold": "any_gold",
}


class _Share:
    """Counts hits over n for one accuracy-like metric."""

    def __init__(self) -> None:
        self.hits = 0
        self.n = 0

    def add(self, hit: bool) -> None:
        self.n += 1
        self.hits += bool(hit)

    def metric(self, description: str) -> Metric | None:
        return Metric(self.hits / self.n, self.n, description) if self.n else None


def pair_records(gold: list[dict], predicted: Iterable[dict]) -> tuple[list[list[dict]], int]:
    """Predicted events for each gold record, matched by id, plus the number of predicted
    records no gold record claimed. A repeated id (or a null id) is matched in order of
    occurrence: the k-th gold record with id X gets the k-th prediction with id X."""
    queues: dict = defaultdict(deque)
    for record in predicted:
        queues[record.get("id")].append(record)
    paired = []
    for record in gold:
        queue = queues.get(record.get("id"))
        found = queue.popleft() if queue else None
        paired.append(None if found is None else _events(found))
    return paired, sum(len(q) for q in queues.values())


def _events(record: dict) -> list[dict]:
    return [e for e in (record.get("events") or []) if isinstance(e, dict)]


def align(gold_event: dict, predicted: list[dict], main: dict | None) -> dict | None:
    """The predicted event to compare a gold event's actors with: among events of the same
    CAMEO root (PLOVER type when the gold has no CAMEO code) prefer the exact code, then the
    most shared actor countries, then confidence; with no such event, the main event."""
    root = L.cameo_root(gold_event.get("cameo"))
    plover = L.text_label(gold_event.get("plover"))
    if root is not None:
        same = [e for e in predicted if L.cameo_root(e.get("cameo")) == root]
    elif plover is not None:
        same = [e for e in predicted if L.text_label(e.get("plover")) == plover]
    else:
        same = []
    if not same:
        return main
    code = L.cameo_code(gold_event.get("cameo"))
    wanted = {side: {L.gold_actor_country(a) for a in gold_event.get(side) or []} - {None}
              for side in ("source", "target")}

    def rank(event: dict) -> tuple:
        shared = sum(len(wanted[side] & L.predicted_countries(event.get(side) or []))
                     for side in wanted)
        return (code is not None and L.cameo_code(event.get("cameo")) == code, shared,
                L.confidence(event))

    return max(same, key=rank)  # max keeps the first of equals


def _gold_class5(event: dict) -> int | None:
    try:
        return int(event["class5"]) if event.get("class5") is not None else None
    except (TypeError, ValueError):
        return None


def score(gold: list[dict], predicted: Iterable[dict], name: str = "") -> EvalReport:
    """Score predicted records ({"id", "events"}) against gold records, matched by id.
    Gold records without a prediction count as "the coder found no event"."""
    paired, unmatched = pair_records(gold, predicted)
    report = EvalReport(name=name, n_records=len(gold), unmatched_predictions=unmatched,
                        missing_predictions=sum(p is None for p in paired))
    shares = defaultdict(_Share)
    class5 = Confusion("class5", CLASS5_LABELS, CLASS5_LABELS + [L.NONE])
    plover = Confusion("plover", [], [])
    roots = Confusion("cameo_root", [], [])
    triple_counts = Counter()  # gold, predicted, correct
    n_gold_events = n_pred_events = 0

    for record, pred_events in zip(gold, paired):
        gold_events = [e for e in (record.get("events") or []) if isinstance(e, dict)]
        pred_events = pred_events or []
        main = L.main_event(pred_events)
        first = gold_events[0] if gold_events else None
        n_gold_events += len(gold_events)
        n_pred_events += len(pred_events)
        shares["any_gold"].add(bool(gold_events))
        shares["any_pred"].add(bool(pred_events))
        if "events" in record and not gold_events:
            shares["quiet"].add(not pred_events)

        if first is not None:
            gold_class = _gold_class5(first)
            if gold_class is not None:
                guess = L.predicted_class5(main)
                class5.counts[(gold_class, guess)] += 1
                shares["class5"].add(guess == gold_class)
            gold_plover = L.text_label(first.get("plover"))
            if gold_plover is not None:
                guess = L.text_label(main.get("plover")) if main else None
                plover.counts[(gold_plover, guess or L.NONE)] += 1
                shares["plover"].add(guess == gold_plover)
            gold_mode = L.mode_label(first.get("plover"), first.get("plover_mode"))
            if gold_mode is not None:
                shares["plover_mode"].add(main is not None and gold_mode == L.mode_label(
                    main.get("plover"), main.get("plover_mode")))
            gold_code = L.cameo_code(first.get("cameo"))
            if gold_code is not None:
                guess = L.cameo_code(main.get("cameo")) if main else None
                roots.counts[(gold_code[:2], guess[:2] if guess else L.NONE)] += 1
                shares["cameo_root"].add(guess is not None and guess[:2] == gold_code[:2])
                shares["cameo"].add(guess == gold_code)

        for event in gold_events:
            partner = align(event, pred_events, main)
            for side in ("source", "target"):
                found = L.predicted_countries(partner.get(side) or []) if partner else set()
                wanted = {L.gold_actor_country(a) for a in event.get(side) or []} - {None}
                for country in sorted(wanted):
                    shares[side].add(country in found)

        gold_triples = L.triples(gold_events, gold=True)
        if gold_triples or not record.get("label_only"):
            pred_triples = L.triples(pred_events, gold=False)
            triple_counts.update(gold=len(gold_triples), predicted=len(pred_triples),
                                 correct=len(gold_triples & pred_triples))

    for confusion in (plover, roots):
        seen_gold = {g for g, _ in confusion.counts}
        seen_pred = {p for _, p in confusion.counts} - {L.NONE}
        confusion.gold_labels = sorted(seen_gold)
        confusion.predicted_labels = sorted(seen_gold | seen_pred) + [L.NONE]

    found = {name: shares[key].metric(DESCRIPTIONS[name]) for name, key in SHARE_METRICS.items()}
    if shares["class5"].n:
        found["class5_macro_f1"] = Metric(class5.macro_f1(), shares["class5"].n,
                                          DESCRIPTIONS["class5_macro_f1"])
    if gold:
        found["events_per_record_predicted"] = Metric(n_pred_events / len(gold), len(gold),
                                                      DESCRIPTIONS["events_per_record_predicted"])
        found["events_per_record_gold"] = Metric(n_gold_events / len(gold), len(gold),
                                                 DESCRIPTIONS["events_per_record_gold"])
    found.update(_triple_metrics(triple_counts))
    report.metrics = {k: v for k, v in found.items() if v is not None}
    report.confusions = {c.name: c for c in (class5, plover, roots) if c.counts}
    return report


def _triple_metrics(counts: Counter) -> dict[str, Metric]:
    """(source code, target code, CAMEO) triples, pooled over records; recall is also the
    'share of gold triples exactly found'. See labels.py for the actor-code rule."""
    if not counts["gold"]:
        return {}
    precision = counts["correct"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["correct"] / counts["gold"]
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "triple_precision": Metric(precision, counts["predicted"],
                                   "predicted (source, target, CAMEO) triples that are gold"),
        "triple_recall": Metric(recall, counts["gold"],
                                "share of gold (source, target, CAMEO) triples exactly found"),
        "triple_f1": Metric(f1, counts["gold"], "F1 of (source, target, CAMEO) triples"),
    }
