"""Train the event classifier's two models, print k-fold cross-validated figures, save them.

    python tools/train_classifier.py                 # model CV + write coding/data/models/*.npz
    python tools/train_classifier.py --system-cv     # also CV of the whole coder (slow: parses)
    python tools/train_classifier.py --system-cv --no-save --encoder-folds /tmp/event-folds
        # ... and the whole coder with the event encoder on, each record judged by the encoder
        # fold model that never saw it (tools/train_event_model.py --fold-models DIR first)

Sentence model: Multi-CoPED class5 of each sentence (../shared/data/dev/multicoped_train.jsonl),
folds by record. Document model: PLOVER type of each story
(../shared/data/dev/synthetic_plover_silver.jsonl, silver labels), folds grouped by headline
template, because stories generated from one template are near-copies of each other; plus
the headlines and leads we wrote from the PLOVER codebook (tools/data/plover_written.tsv),
which join every training fold and are never scored.

--system-cv runs the real coder on every record once (spaCy parses cached in --cache), then
lets each fold's models revise the held-out records' events and scores the pooled output
with `eventscope.evaluation.score`: the same numbers `eventscope eval` prints, but honest.
With --encoder-folds the same records are coded a third time with the encoder in the coder
(`Coder.encoder`, as `encoder` on configures it), the encoder being the fold model of
train_event_model.py whose grouped fold (hash of the record's near-duplicate group or
headline template, tools/event_model_data.py) held the record out; its folds are not the
linear models' folds, and a record is scored by models that never saw it in either.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eventscope.coding.classify import training as T  # noqa: E402
from eventscope.coding.classify.classifier import (  # noqa: E402
    DOCUMENT_MODEL, MODE_MODEL, SENTENCE_MODEL, EventClassifier, model_dir,
)
from eventscope.coding.classify.features import document_features, sentence_features  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "dev"
WRITTEN = ROOT / "tools" / "data" / "plover_written.tsv"
SETTINGS = {  # level -> (C, min_df, feature blocks)
    "sentence": (4.0, 2, {}),
    # the headline block weighs double: the generated stories' label is their headline's event
    # (grouped CV with the written examples: t:1.0 0.817, 1.5 0.829, 2.0 0.832, 2.5 0.834)
    "document": (4.0, 3, {"t:": 2.0, "l:": 1.0}),
}
# A written example weighs as much as one headline template of the generated stories (12 each)
WRITTEN_WEIGHT = 12.0
# The mode model has ~90 classes: its coefficients under this size are dropped (10 MB -> 0.8 MB)
MODE_PRUNE = 0.05


def featurise(examples: list[T.Example], level: str) -> list:
    if level == "sentence":
        return [sentence_features(e.text) for e in examples]
    return [document_features(e.text, e.title) for e in examples]


def model_cv(examples, rows, level: str, k: int, extra=None):
    c, min_df, blocks = SETTINGS[level]
    labels, groups = [e.label for e in examples], [e.group for e in examples]
    started = time.time()
    predicted, models, held = T.cross_validate(rows, labels, groups, k, c, min_df, blocks, extra=extra)
    figures = T.scores(labels, predicted)
    print(f"[{level}] {k}-fold CV ({'grouped by template' if len(set(groups)) < len(groups) else 'by record'}),"
          f" n={len(labels)}: accuracy {figures['accuracy']:.3f}  macro-F1 {figures['macro_f1']:.3f}"
          f"  ({time.time() - started:.0f}s)")
    for label, (p, r, f1, n) in figures["per_class"].items():
        print(f"    {label:10s} P {p:.3f} R {r:.3f} F1 {f1:.3f} n={n}")
    return figures, models, held


def _mode_data(examples, rows):
    pairs = [(row, T.mode_label(e)) for e, row in zip(examples, rows)]
    return [row for row, label in pairs if label], [label for _, label in pairs if label]


def mode_cv(examples, rows, held, written, written_rows):
    """Mode model ("TYPE/mode") on the document folds: each fold's model, the final one, and
    the held-out accuracy of the mode given the gold type, over examples with a gold mode."""
    c, min_df, blocks = SETTINGS["document"]
    extra_rows, extra_labels = _mode_data(written, written_rows)

    def fit(chosen: list[int]):
        x, y = _mode_data([examples[i] for i in chosen], [rows[i] for i in chosen])
        return T.fit(x + extra_rows, y + extra_labels, c, min_df, blocks=blocks,
                     weights=[1.0] * len(x) + [WRITTEN_WEIGHT] * len(extra_rows), prune=MODE_PRUNE)

    models, right, scored = [], 0, 0
    for test in held:
        test_set = set(test.tolist())
        model = fit([i for i in range(len(examples)) if i not in test_set])
        models.append(model)
        for i in test:
            if examples[i].mode:
                allowed = [k for k in model.classes if k.startswith(examples[i].label + "/")]
                guess = model.predict(rows[i], allowed=allowed, n_reasons=0).label if allowed else ""
                right += guess == f"{examples[i].label}/{examples[i].mode}"
                scored += 1
    final = fit(list(range(len(examples))))
    accuracy = right / max(scored, 1)
    print(f"[mode] {len(held)}-fold CV on the same folds, n={scored} with a gold mode: "
          f"mode accuracy given the type {accuracy:.3f}")
    return models, final, accuracy


def parsed(path: Path, cache: Path, limit: int | None):
    """(records, Documents, spaCy Docs) of a gold file, parsing once into `cache`."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    documents, docs = parse_records(records, cache / f"{path.stem}-{limit or 'all'}.spacy")
    return records, documents, docs


def parse_records(records: list[dict], stored: Path):
    """(Documents, spaCy Docs) of gold records, parsed once and kept in the DocBin `stored`."""
    from spacy.tokens import DocBin

    from eventscope.analyze import load_nlp
    from eventscope.ingest import document_from_record

    documents = [document_from_record({k: r.get(k) for k in ("id", "text", "date", "title")},
                                      origin=str(r["id"]), english_only=False) for r in records]
    nlp = load_nlp()
    if stored.exists():
        docs = list(DocBin().from_disk(stored).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((d.text for d in documents), batch_size=32))
        stored.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(stored)
    return documents, docs


def encoder_fold_of(path: Path, level: str, k: int):
    """record -> the index of the encoder fold model that held it out: train_event_model's
    fold of the record's group (near-duplicate group of a sentence, headline template of a story)."""
    import event_model_data as D

    if level == "sentence":
        group = {e.id: e.group for e in D.multicoped(path)}
        return lambda record: D.stable(group.get(str(record["id"]), f"unseen:{record['id']}"), "fold") % k
    return lambda record: D.stable(f"syn:{record.get('title')}", "fold") % k


def encoder_folds(directory: Path | None):
    """The encoder fold models under `directory` (fold0, fold1, ...), or [] when None."""
    if directory is None:
        return []
    from eventscope.coding.encoder import EventEncoder

    folds = sorted((p for p in directory.iterdir() if p.is_dir() and p.name.startswith("fold")),
                   key=lambda p: int(p.name[4:]))
    return [EventEncoder(p, threads=1) for p in folds]


def system_cv(path: Path, level: str, models, held, examples, cache: Path, limit: int | None,
              mode_models=None, encoders=()):
    """Score the coder + each fold's models on that fold's held-out records (and, with
    `encoders`, the same with the encoder fold model that held each record out)."""
    from eventscope.actors.mentions import DocActors
    from eventscope.coding.coder import Coder
    from eventscope.evaluation import score

    records, documents, docs = parsed(path, cache, limit)
    fold_of = {examples[i].id: f for f, test in enumerate(held) for i in test}
    coder = Coder()
    shipped = EventClassifier.load()  # the other level's model, trained on the other file
    classifiers = [EventClassifier(m if level == "sentence" else shipped.sentence_model,
                                   m if level == "document" else shipped.document_model,
                                   mode_models[k] if mode_models else shipped.mode_model)
                   for k, m in enumerate(models)]
    encoder_of = encoder_fold_of(path, level, len(encoders)) if encoders else None
    before, after, judged = [], [], []
    for record, document, doc in zip(records, documents, docs):
        coder.classifier = None
        events = coder.code(document, doc).events
        before.append({"id": record["id"], "events": [e.to_contract() for e in events]})
        fold = fold_of.get(str(record["id"]))
        if fold is not None:  # the product path: the fold's models inside Coder.code, so the
            # selection after them (withheld model readings, analyst_events) is scored too
            coder.classifier = classifiers[fold]
            events = coder.code(document, doc, DocActors(doc, document)).events
        after.append({"id": record["id"], "events": [e.to_contract() for e in events]})
        if fold is not None and encoder_of is not None:
            coder.encoder = encoders[encoder_of(record)]
            events = coder.code(document, doc, DocActors(doc, document)).events
            coder.encoder = None
            judged.append({"id": record["id"], "events": [e.to_contract() for e in events]})
    runs = [("lexicon coder alone", before), ("coder + fold models", after)]
    runs += [("coder + fold models + encoder fold models", judged)] if encoder_of is not None else []
    from rich.console import Console

    reports = {}
    for name, predicted in runs:
        reports[name] = report = score(records, predicted, name=path.name)
        print(f"  system CV, {name}: {report.summary_line()}")
    for name, report in list(reports.items())[1:]:
        confusion = report.confusions.get("class5" if level == "sentence" else "plover")
        if confusion is not None:  # the CV's errors, category by category
            print(f"  {name}:")
            Console(width=220).print(confusion.table(), confusion.category_table())
    return reports["coder + fold models"], reports.get("coder + fold models + encoder fold models")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--multicoped", type=Path, default=DEV / "multicoped_train.jsonl")
    ap.add_argument("--synthetic", type=Path, default=DEV / "synthetic_plover_silver.jsonl")
    ap.add_argument("--written", type=Path, default=WRITTEN,
                    help="our own headline examples for the document model (TSV); 'none' to leave out")
    ap.add_argument("--out", type=Path, default=model_dir())
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--system-cv", action="store_true", help="also CV the whole coder (parses)")
    ap.add_argument("--system-limit", type=int, default=None, help="records per file for --system-cv")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/eventscope-parse-cache"))
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--encoder-folds", type=Path, default=None,
                    help="with --system-cv: also the coder with the encoder on, each record judged by the "
                         "fold model (DIR/fold0, fold1, ... of train_event_model.py --fold-models) that held it out")
    args = ap.parse_args(argv)
    encoders = encoder_folds(args.encoder_folds)

    jobs = [("sentence", args.multicoped, SENTENCE_MODEL), ("document", args.synthetic, DOCUMENT_MODEL)]
    for level, path, filename in jobs:
        if not path.exists():
            print(f"[{level}] {path} not found: skipped", file=sys.stderr)
            continue
        examples = T.read_examples(path, level)
        rows = featurise(examples, level)
        written = (T.read_written(args.written) if level == "document" and str(args.written) != "none"
                   else [])
        extra = (featurise(written, level), [e.label for e in written], WRITTEN_WEIGHT) if written else None
        figures, models, held = model_cv(examples, rows, level, args.folds, extra)
        modes = (mode_cv(examples, rows, held, written, extra[0] if extra else [])
                 if level == "document" else None)
        meta = {"level": level, "trained_on": path.name, "n": len(examples), "folds": args.folds,
                "written_examples": len(written), "written_weight": WRITTEN_WEIGHT if written else 0,
                "cv_accuracy": figures["accuracy"], "cv_macro_f1": figures["macro_f1"],
                "settings": {"C": SETTINGS[level][0], "min_df": SETTINGS[level][1]}}
        if args.system_cv:
            report, with_encoder = system_cv(path, level, models, held, examples, args.cache, args.system_limit,
                                             modes[0] if modes else None, encoders)
            meta["system_cv"] = {k: round(m.value, 4) for k, m in report.metrics.items()}
        if not args.no_save:
            c, min_df, blocks = SETTINGS[level]
            extra_rows, extra_labels, weight = extra or ([], [], 1.0)
            final = T.fit(rows + extra_rows, [e.label for e in examples] + extra_labels, c, min_df, meta, blocks,
                          weights=[1.0] * len(rows) + [weight] * len(extra_rows) if extra_rows else None)
            final.save(args.out / filename)
            print(f"[{level}] wrote {args.out / filename} ({len(final.features)} features, "
                  f"{(args.out / filename).stat().st_size / 1e6:.1f} MB)")
            if modes is not None:
                modes[1].meta.update({"level": "mode", "trained_on": path.name, "folds": args.folds,
                                      "written_examples": len(written), "cv_mode_accuracy": round(modes[2], 4)})
                modes[1].save(args.out / MODE_MODEL)
                print(f"[mode] wrote {args.out / MODE_MODEL} ({len(modes[1].features)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
