"""What the coder would score if the event encoder decided the category of its clauses.

    .venv/bin/python tools/train_event_model.py --fold-models /tmp/event-folds   # first
    .venv/bin/python tools/eval_event_model.py --fold-models /tmp/event-folds [--every-story 5]
    .venv/bin/python tools/eval_event_model.py --fold-models /tmp/event-folds --only multicoped --in-coder
    .venv/bin/python tools/eval_event_model.py --fold-models /tmp/event-folds --only realnews --in-coder

For each dev set the lexicon coder (`Coder()`, no learned linear models: those saw these
records) codes every record once (spaCy parses cached in --cache); then each event that has
a source or target actor is judged by the fold model that never saw its record (folds by
the same groups as training: near-duplicate sentences, headline templates) and
`coding.judge.decide` settles its category. Both outputs are scored with
`eventscope.evaluation.score` (the numbers `eventscope eval` prints). The real-news dev
set's heldout records, when the file exists, are judged by the shipped model (trained on its
train split only). Needs onnxruntime only, no torch.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import event_model_data as D  # noqa: E402

from eventscope.coding import judge  # noqa: E402
from eventscope.coding.encoder import EventEncoder  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "dev"
REALNEWS = ROOT / "eval" / "realnews" / "realnews_dev.jsonl"


def parse(records: list[dict], name: str, cache: Path):
    """(Documents, spaCy Docs) of `records`, parsed once into `cache` (train_classifier's reader)."""
    from train_classifier import parse_records

    return parse_records(records, cache / f"{name}.spacy")


def linear_folds(level: str, path: Path):
    """record id -> the whole coder with train_classifier's fold models that never saw it
    (its own 5 folds; the encoder's folds are another split: a record is scored only by
    models that held it out in both)."""
    import train_classifier as TC

    from eventscope.coding.classify.classifier import EventClassifier
    from eventscope.coding.coder import Coder

    examples = TC.T.read_examples(path, level)
    rows = TC.featurise(examples, level)
    written = TC.T.read_written(TC.WRITTEN) if level == "document" else []
    extra = (TC.featurise(written, level), [e.label for e in written], TC.WRITTEN_WEIGHT) if written else None
    _, models, held = TC.model_cv(examples, rows, level, 5, extra)
    modes = TC.mode_cv(examples, rows, held, written, extra[0])[0] if level == "document" else None
    shipped = EventClassifier.load()  # the other level's model, trained on the other file
    coders = [Coder(classifier=EventClassifier(m if level == "sentence" else shipped.sentence_model,
                                               m if level == "document" else shipped.document_model,
                                               modes[k] if modes else shipped.mode_model))
              for k, m in enumerate(models)]
    fold_of = {examples[i].id: f for f, test in enumerate(held) for i in test}
    return lambda record: coders[fold_of[str(record["id"])]]


def evaluate(name: str, records: list[dict], encoder_of, cache: Path, whole_of=None,
             keep_story_main: bool = False) -> dict:
    """Score the lexicon coder (and, with `whole_of`, the whole coder with held-out linear
    models), each before and after the encoder decides its clauses' categories.
    `keep_story_main`: a story's (titled document's) main event, the one of highest
    confidence, keeps its category: the story model chose it reading the whole text."""
    from rich.console import Console

    from eventscope.coding.coder import Coder
    from eventscope.evaluation import score

    started = time.time()
    documents, docs = parse(records, name, cache)
    lexicon = Coder()
    coders = {"lexicon coder": lambda r: lexicon}
    if whole_of is not None:
        coders["whole coder (linear models CV)"] = whole_of
    outputs, judged = {}, 0
    for label, coder_of in coders.items():
        before, after = [], []
        for record, document, doc in zip(records, documents, docs):
            events = coder_of(record).code(document, doc).events
            before.append({"id": record["id"], "events": [e.to_contract() for e in events]})
            events = copy.deepcopy(events)
            encoder = encoder_of(record)
            main = max(events, key=lambda e: e.confidence) if keep_story_main and document.title and events else None
            for event, judgement in judge.judge_events([e for e in events if e is not main],
                                                       judge.sentences_of(doc), encoder):
                judge.decide(event, judgement, encoder.name)
                judged += 1
            after.append({"id": record["id"], "events": [e.to_contract() for e in events]})
        outputs[label] = before
        outputs[f"{label} + encoder (CV)"] = after
    print(f"[{name}] {len(records)} records, {judged} clauses judged ({time.time() - started:.0f}s)")
    out = {}
    for label, predicted in outputs.items():
        report = score(records, predicted, name=name)
        print(f"  {label}: {report.summary_line()}")
        out[label] = {k: round(m.value, 4) for k, m in report.metrics.items()}
        for kind in ("class5", "plover"):
            confusion = report.confusions.get(kind)
            if confusion is not None:
                Console(width=220).print(confusion.table())
    return out


def in_coder(name: str, records: list[dict], encoder_of, whole_of, cache: Path) -> dict:
    """The whole coder (linear fold models that never saw the record) without and with the
    encoder inside it (`Coder.encoder`, coding.judge.revise: veto, recode, blend, add), the
    encoder being the fold model that never saw the record: the coder as configured with
    `encoder` on, measured honestly."""
    from rich.console import Console

    from eventscope.evaluation import score

    documents, docs = parse(records, name, cache)
    out = {}
    for label, use in (("whole coder (linear models CV)", False), ("whole coder + encoder in the coder (CV)", True)):
        predicted, started = [], time.time()
        for record, document, doc in zip(records, documents, docs):
            coder = whole_of(record)
            coder.encoder = encoder_of(record) if use else None
            predicted.append({"id": record["id"], "events": [e.to_contract() for e in coder.code(document, doc).events]})
            coder.encoder = None
        report = score(records, predicted, name=name)
        print(f"  {label}: {report.summary_line()} ({time.time() - started:.0f}s)")
        out[label] = {k: round(m.value, 4) for k, m in report.metrics.items()}
        for kind in ("class5", "plover"):
            if kind in report.confusions:
                Console(width=220).print(report.confusions[kind].table())
    return out


def realnews_train_folds(records: list[dict], encoders: list[EventEncoder]) -> dict:
    """The whole coder on the real-news train split, encoder off and on (in the coder), each
    article read by the encoder fold model that never saw it (fold = hash of its group, as
    in training): what the thresholds of coding.judge were set on, measured honestly."""
    from eventscope.coding import encoder as E
    from eventscope.evaluation.realnews import RealNewsScore, contract_with_mentions, score_article
    from eventscope.evaluation.realnews_run import find_shared, load_document
    from eventscope.pipeline import Processor, pipeline_config

    shared = find_shared(REALNEWS)
    loaded = [(r, d) for r in records if not isinstance(d := load_document(r["origin"], shared), str)]
    off, on, load = RealNewsScore(), RealNewsScore(), E.EventEncoder.load
    for (record, document), result in zip(loaded, Processor(config=pipeline_config()).process([d for _, d in loaded])):
        score_article(record, [contract_with_mentions(e) for e in result.events], off, text=document.text)
    try:
        for k, fold_model in enumerate(encoders):
            E.EventEncoder.load = classmethod(lambda cls, directory=None, threads=1, m=fold_model: m)
            mine = [(r, d) for r, d in loaded
                    if D.stable(f"realnews:{r.get('origin', r['id'])}", "fold") % len(encoders) == k]
            results = Processor(config=pipeline_config(encoder=True)).process([d for _, d in mine])
            for (record, document), result in zip(mine, results):
                score_article(record, [contract_with_mentions(e) for e in result.events], on, text=document.text)
    finally:
        E.EventEncoder.load = load
    out = {}
    for label, score in (("whole coder", off), ("whole coder + encoder (fold models)", on)):
        print(f"  {label}: {score.summary_line('realnews train')}")
        out[label] = {"P": round(score.precision, 4), "R": round(score.recall, 4),
                      "type_given_dyad": round(score.type_given_dyad, 4), "not_done_as_done": score.not_done_as_done}
    return out


def encoder_alone(examples, encoder: EventEncoder) -> dict:
    """Per-head accuracy / macro-F1 of the encoder on gold quotes (no coder), with the
    modality errors that matter: acts not done read as done, and done acts read as not done."""
    from event_model_report import confusion, scores

    judgements = encoder.predict([(e.text, e.span) for e in examples])
    out = {}
    for head in ("plover", "cameo", "class5", "modality"):
        rows = [k for k, e in enumerate(examples) if head in e.labels]
        gold = [examples[k].labels[head] for k in rows]
        predicted = [judgements[k].best(head)[0] for k in rows]
        out[head] = scores(gold, predicted)
        print(f"  encoder alone, {head}: n={len(rows)} accuracy {out[head]['accuracy']:.3f} "
              f"macro-F1 {out[head]['macro_f1']:.3f}")
        if head in ("plover", "modality"):
            print("    " + confusion(gold, predicted).replace("\n", "\n    "))
    done = [(e.labels["modality"], j.best("modality")[0]) for e, j in zip(examples, judgements) if "modality" in e.labels]
    out["not_done_read_as_done"] = sum(g != "done" and p == "done" for g, p in done)
    out["done_read_as_not_done"] = sum(g == "done" and p != "done" for g, p in done)
    print(f"  acts not done read as done: {out['not_done_read_as_done']} of {sum(g != 'done' for g, _ in done)}; "
          f"done acts read as not done: {out['done_read_as_not_done']} of {sum(g == 'done' for g, _ in done)}")
    return out


def evaluate_realnews(records: list[dict], encoder: EventEncoder) -> dict:
    """The whole shipped coder (its linear models never saw real news) on the heldout
    articles, through our own ingest as `eventscope eval` does, before and after the encoder."""
    from eventscope.evaluation.realnews import RealNewsScore, contract_with_mentions, score_article
    from eventscope.evaluation.realnews_run import find_shared, load_document
    from eventscope.pipeline import Processor

    shared = find_shared(REALNEWS)
    loaded = [(r, load_document(r["origin"], shared)) for r in records]
    loaded = [(r, d) for r, d in loaded if not isinstance(d, str)]
    before, after, judged = RealNewsScore(), RealNewsScore(), 0
    for (record, document), result in zip(loaded, Processor().process([d for _, d in loaded])):
        score_article(record, [contract_with_mentions(e) for e in result.events], before, text=document.text)
        events = copy.deepcopy(result.events)
        sentences = [(s.start, s.text) for s in result.sentences]
        for event, judgement in judge.judge_events(events, sentences, encoder):
            judge.decide(event, judgement, encoder.name)
            judged += 1
        score_article(record, [contract_with_mentions(e) for e in events], after, text=document.text)
    print(f"[realnews heldout] {len(loaded)} articles, {judged} clauses judged")
    out = {}
    for label, score in (("whole coder", before), ("whole coder + encoder", after)):
        print(f"  {label}: {score.summary_line('realnews heldout')}")
        out[label] = {"P": round(score.precision, 4), "R": round(score.recall, 4), "F1": round(score.f1, 4),
                      "not_done_as_done": score.not_done_as_done, "events": score.predicted_events}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fold-models", type=Path, required=True)
    ap.add_argument("--every-story", type=int, default=5, help="score every n-th synthetic story (parsing all is slow)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/eventscope-parse-cache"))
    ap.add_argument("--with-linear", action="store_true",
                    help="also the whole coder with train_classifier's held-out linear models (slower)")
    ap.add_argument("--keep-story-main", action="store_true",
                    help="a story's main event keeps the category the coder gave it")
    ap.add_argument("--only", choices=["multicoped", "synthetic", "realnews"], default=None)
    ap.add_argument("--in-coder", action="store_true",
                    help="the whole coder with the encoder inside it (coding.judge.revise), not decide() after it: "
                         "Multi-CoPED, and the real-news train split (each article read by its fold model)")
    args = ap.parse_args(argv)
    folds = sorted(p for p in args.fold_models.iterdir() if p.is_dir() and p.name.startswith("fold"))
    encoders = [EventEncoder(p, threads=1) for p in folds]
    k = len(encoders)
    print(f"{k} fold models from {args.fold_models}")
    results = {}

    if args.only in (None, "multicoped"):
        path = DEV / "multicoped_train.jsonl"
        records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        group = {e.id: e.group for e in D.multicoped(path)}
        if args.in_coder:
            results["multicoped_in_coder"] = in_coder(
                "multicoped_train", records, lambda r: encoders[D.stable(group[str(r["id"])], "fold") % k],
                linear_folds("sentence", path), args.cache)
            print(json.dumps(results, indent=1))
            return 0
        results["multicoped"] = evaluate("multicoped_train", records,
                                         lambda r: encoders[D.stable(group[str(r["id"])], "fold") % k], args.cache,
                                         linear_folds("sentence", path) if args.with_linear else None)
    if args.only in (None, "synthetic"):
        path = DEV / "synthetic_plover_silver.jsonl"
        records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][::args.every_story]
        results["synthetic"] = evaluate(f"synthetic_every{args.every_story}", records,
                                        lambda r: encoders[D.stable(f"syn:{r['title']}", "fold") % k], args.cache,
                                        linear_folds("document", path) if args.with_linear else None,
                                        keep_story_main=args.keep_story_main)
    if args.only in (None, "realnews") and REALNEWS.exists() and args.in_coder:
        records = [r for r in (json.loads(line) for line in REALNEWS.open(encoding="utf-8") if line.strip())
                   if r.get("split") == "train"]
        results["realnews_train_in_coder"] = realnews_train_folds(records, encoders)
    elif args.only in (None, "realnews") and REALNEWS.exists():
        records = [r for r in (json.loads(line) for line in REALNEWS.open(encoding="utf-8") if line.strip())
                   if r.get("split") == "heldout"]
        shipped = EventEncoder(threads=1)
        print("[realnews heldout] the shipped encoder on the gold quotes of the heldout articles")
        results["realnews_heldout_encoder_alone"] = encoder_alone(D.realnews_train(REALNEWS, "heldout"), shipped)
        results["realnews_heldout"] = evaluate_realnews(records, shipped)
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
