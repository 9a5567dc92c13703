"""Fit and cross-validate the linear models (scikit-learn is needed here only, never at runtime).

`fit` turns feature counts into the same TF-IDF vectors `LinearModel.vector` computes and
fits a multinomial logistic regression; `cross_validate` gives out-of-fold predictions,
with folds by group when examples share a template (generated stories with one headline
template must never sit on both sides of a fold). Examples the team wrote itself
(`read_written`) join every training fold and are never scored.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventscope.knowledge import taxonomy
from eventscope.coding.classify.model import LinearModel

DEFAULT_C = 4.0


@dataclass
class Example:
    id: str
    text: str
    label: str
    title: str | None = None
    group: str = ""  # examples of one group always share a fold
    mode: str = ""  # PLOVER mode in the codebook's spelling, "" when none (documents only)


def read_examples(path: str | Path, level: str) -> list[Example]:
    """Labelled examples from a gold JSON Lines file: class5 of the first event for
    sentences (``level="sentence"``), PLOVER type of the first event for documents.
    Records without such a label are skipped; headlines are the fold groups of documents."""
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            events = record.get("events") or []
            if not events or not isinstance(record.get("text"), str):
                continue
            first = events[0]
            label = first.get("class5") if level == "sentence" else first.get("plover")
            if label is None:
                continue
            rid = str(record.get("id") or f"{path}:{number}")
            title = record.get("title")
            label = str(label).upper()
            mode = _mode(label, first.get("plover_mode")) if level == "document" else ""
            out.append(Example(rid, record["text"], label, title,
                               group=(title or rid) if level == "document" else rid, mode=mode))
    return out


def read_written(path: str | Path) -> list[Example]:
    """The team's own headline + lead examples: a TSV of event, mode, headline, lead (the
    one data-file reader, knowledge.tsv). A row without event, headline or lead, or with an
    unknown type or mode, is an error naming its line."""
    from eventscope.knowledge.tsv import read_tsv

    out = []
    for number, row in read_tsv(path):  # columns: event, mode, headline, lead
        event, mode, headline, lead = row["event"], row["mode"], row["headline"], row["lead"]
        if not event or not headline or not lead:
            raise ValueError(f"{path}:{number}: want event, mode, headline, lead: {headline[:80]!r}")
        if event.upper() not in taxonomy.plover_types():
            raise ValueError(f"{path}:{number}: {event!r} is no PLOVER event type")
        event, canonical = event.upper(), _mode(event.upper(), mode)
        if mode and not canonical:
            raise ValueError(f"{path}:{number}: {mode!r} is no mode of {event}")
        out.append(Example(f"written-{number}", lead, event, headline, group="written", mode=canonical))
    return out


def _mode(event: str, mode) -> str:
    try:
        return taxonomy.canonical_mode(event, str(mode) if mode else None) or ""
    except KeyError:
        return ""


def mode_label(example: Example) -> str | None:
    """The mode model's class of an example: "TYPE/mode", "TYPE/" for an example of a type
    that has modes but none given, None for a type without modes (nothing to learn)."""
    try:
        has_modes = bool(taxonomy.plover_modes(example.label))
    except KeyError:
        return None
    return f"{example.label}/{example.mode}" if has_modes else None


def _vocabulary(rows: list[Counter], min_df: int) -> tuple[list[str], np.ndarray]:
    df = Counter()
    for row in rows:
        df.update(row.keys())
    names = sorted(name for name, n in df.items() if n >= min_df)
    n = len(rows)
    idf = np.array([math.log((1 + n) / (1 + df[name])) + 1.0 for name in names])
    return names, idf


def _matrix(rows: list[Counter], model: LinearModel):
    from scipy.sparse import csr_matrix

    data, indices, indptr = [], [], [0]
    for row in rows:
        cols, values = model.vector(row)
        indices.extend(cols.tolist())
        data.extend(values.tolist())
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(model.features)))


def fit(rows: list[Counter], labels: list[str], c: float = DEFAULT_C, min_df: int = 2,
        meta: dict | None = None, blocks: dict[str, float] | None = None,
        weights: list[float] | None = None, prune: float = 0.0) -> LinearModel:
    """`prune`: coefficients smaller than this in size are set to zero, so that a model of
    many classes stays small on disk (the vocabulary is kept: it sets each vector's norm)."""
    from sklearn.linear_model import LogisticRegression

    names, idf = _vocabulary(rows, min_df)
    classes = sorted(set(labels))
    meta = {**(meta or {}), "blocks": blocks or {}}
    empty = LinearModel(classes, names, idf, np.zeros((len(classes), len(names))),
                        np.zeros(len(classes)), meta)
    x = _matrix(rows, empty)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit(x, labels, sample_weight=None if weights is None else np.asarray(weights, dtype=float))
    order = [list(clf.classes_).index(c) for c in classes]
    coef = clf.coef_[order] if len(classes) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]]) / 2
    intercept = clf.intercept_[order] if len(classes) > 2 else np.array(
        [-clf.intercept_[0], clf.intercept_[0]]) / 2
    if prune:
        coef = np.where(np.abs(coef) < prune, 0.0, coef)
    return LinearModel(classes, names, idf, coef, intercept, meta)


def folds(labels: list[str], groups: list[str], k: int, seed: int = 13) -> list[np.ndarray]:
    """Held-out index arrays: stratified by label, and by group when groups repeat."""
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    idx = np.arange(len(labels))
    if len(set(groups)) < len(groups):
        splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
        return [test for _, test in splitter.split(idx, labels, groups)]
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [test for _, test in splitter.split(idx, labels)]


def cross_validate(rows: list[Counter], labels: list[str], groups: list[str], k: int = 5,
                   c: float = DEFAULT_C, min_df: int = 2, blocks: dict[str, float] | None = None,
                   extra: tuple[list[Counter], list[str], float] | None = None,
                   ) -> tuple[list[str], list[LinearModel], list[np.ndarray]]:
    """Out-of-fold predicted labels, plus each fold's model and held-out indices.
    `extra` = (rows, labels, weight) of written examples added to every training fold."""
    predicted = [""] * len(rows)
    models, held = [], folds(labels, groups, k)
    extra_rows, extra_labels, extra_weight = extra or ([], [], 1.0)
    for test in held:
        test_set = set(test.tolist())
        train = [i for i in range(len(rows)) if i not in test_set]
        model = fit([rows[i] for i in train] + list(extra_rows), [labels[i] for i in train] + list(extra_labels),
                    c, min_df, blocks=blocks,
                    weights=[1.0] * len(train) + [extra_weight] * len(extra_rows) if extra_rows else None)
        for i in test:
            predicted[i] = model.predict(rows[i], n_reasons=0).label
        models.append(model)
    return predicted, models, held


def scores(gold: list[str], predicted: list[str]) -> dict:
    """Accuracy, macro-F1 over gold classes, and per-class (precision, recall, F1, n)."""
    per_class = {}
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        n_pred = sum(p == label for p in predicted)
        n_gold = sum(g == label for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[label] = (round(prec, 3), round(rec, 3), round(f1, 3), n_gold)
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / max(len(gold), 1)
    macro = sum(v[2] for v in per_class.values()) / max(len(per_class), 1)
    return {"accuracy": round(accuracy, 4), "macro_f1": round(macro, 4), "per_class": per_class}
