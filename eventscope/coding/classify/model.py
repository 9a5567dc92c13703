"""A multinomial logistic-regression model stored as plain arrays (no pickled sklearn).

The artefact is one compressed ``.npz`` with the feature names, their IDF weights, the
coefficient matrix, the intercepts, the class labels and a JSON ``meta`` string (how it was
trained and its cross-validated figures). Loading needs numpy only, so a model trained
with one scikit-learn version loads under any other. Scoring repeats exactly what the
training script did: tf = 1 + log(count), times IDF, L2-normalised (per block), then softmax.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


@dataclass
class Prediction:
    label: str
    probability: float
    probabilities: dict[str, float]
    reasons: list[tuple[str, float]]  # top features pushing towards `label`, with their weight

    def reason_text(self, limit: int = 4) -> str:
        return ", ".join(f"{name} ({weight:+.2f})" for name, weight in self.reasons[:limit])


@dataclass
class LinearModel:
    classes: list[str]
    features: list[str]
    idf: np.ndarray  # (n_features,)
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {name: i for i, name in enumerate(self.features)}
        # Features of a block (e.g. the headline's "t:" features) are L2-normalised on their
        # own and scaled by the block's weight, so a short headline is not drowned by a story.
        self.blocks = {str(k): float(v) for k, v in self.meta.get("blocks", {}).items()}
        self.block_of = np.zeros(len(self.features), dtype=np.int64)
        for b, prefix in enumerate(self.blocks, 1):
            self.block_of[[i for i, f in enumerate(self.features) if f.startswith(prefix)]] = b

    # --- vectors -----------------------------------------------------------------------
    def vector(self, counts: Counter) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, TF-IDF values, L2-normalised) of the known features."""
        pairs = sorted((i, count) for i, count in zip(map(self.index.get, counts.keys()), counts.values())
                       if i is not None and count > 0)
        if not pairs:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        cols = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        values = np.fromiter((1.0 + math.log(c) for _, c in pairs), dtype=np.float64,
                             count=len(pairs)) * self.idf[cols]
        if not self.blocks:  # one block: plain L2 normalisation
            norm = float(np.sqrt((values ** 2).sum()))  # as the block loop below computes it
            return cols, (values * (1.0 / norm) if norm else values)
        weights = [1.0, *self.blocks.values()]
        blocks = self.block_of[cols]
        for b in np.unique(blocks):
            part = blocks == b
            norm = float(np.sqrt((values[part] ** 2).sum()))
            if norm:
                values[part] *= weights[b] / norm
        return cols, values

    def probabilities(self, counts: Counter, vec: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
        cols, values = vec if vec is not None else self.vector(counts)
        logits = self.intercept + (self.coef[:, cols] @ values if len(cols) else 0.0)
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def predict(self, counts: Counter, allowed: list[str] | None = None, n_reasons: int = 5,
                vec: tuple[np.ndarray, np.ndarray] | None = None) -> Prediction:
        """Most probable class (among `allowed` when given) and the features behind it.
        `vec` is ``self.vector(counts)`` when the caller already has it."""
        vec = vec if vec is not None else self.vector(counts)
        probs = self.probabilities(counts, vec)
        order = [i for i in np.argsort(-probs, kind="stable")
                 if allowed is None or self.classes[i] in allowed]
        best = order[0] if order else int(np.argmax(probs))
        return Prediction(self.classes[best], float(probs[best]),
                          {c: float(p) for c, p in zip(self.classes, probs)},
                          self.reasons(counts, self.classes[best], n_reasons, vec) if n_reasons else [])

    def reasons(self, counts: Counter, label: str, limit: int = 5,
                vec: tuple[np.ndarray, np.ndarray] | None = None) -> list[tuple[str, float]]:
        """Features whose weight x value pushes most towards `label` against the average class."""
        cols, values = vec if vec is not None else self.vector(counts)
        if not len(cols):
            return []
        k = self.classes.index(label)
        block = self.coef[:, cols]
        push = (block[k] - block.mean(axis=0)) * values
        top = [i for i in np.argsort(-push, kind="stable")[:limit] if push[i] > 0]
        return [(self.features[cols[i]], round(float(push[i]), 3)) for i in top]

    # --- storage -----------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as f:
            np.savez_compressed(
                f, classes=np.array(self.classes), features=np.array(self.features),
                idf=self.idf.astype(np.float32), coef=self.coef.astype(np.float32),
                intercept=self.intercept.astype(np.float32),
                meta=np.array(json.dumps(self.meta, sort_keys=True)))

    @classmethod
    def load(cls, path: str | Path) -> "LinearModel":
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls(classes=[str(c) for c in data["classes"]],
                           features=[str(f) for f in data["features"]],
                           idf=data["idf"].astype(np.float64), coef=data["coef"].astype(np.float64),
                           intercept=data["intercept"].astype(np.float64),
                           meta=json.loads(str(data["meta"])))
        except (OSError, KeyError, ValueError) as err:
            raise ValueError(f"{path}: not an event-classifier model ({err})") from err
