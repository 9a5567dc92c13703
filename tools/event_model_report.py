"""Figures of the event encoder's out-of-fold predictions: accuracy, macro-F1, confusions."""

from __future__ import annotations

import numpy as np

HEADS = ["plover", "mode", "cameo", "class5", "modality"]


def scores(gold: list[str], predicted: list[str]) -> dict:
    classes = sorted(set(gold))
    f1s = {}
    for c in classes:
        tp = sum(g == p == c for g, p in zip(gold, predicted))
        npred, ngold = predicted.count(c), gold.count(c)
        prec, rec = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
        f1s[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"n": len(gold), "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / max(1, len(gold)), 4),
            "macro_f1": round(sum(f1s.values()) / max(1, len(f1s)), 4)}


def confusion(gold: list[str], predicted: list[str]) -> str:
    classes = sorted(set(gold) | set(predicted))
    width = max(5, *(len(c) for c in classes))
    lines = ["gold\\pred".ljust(width) + " " + " ".join(c[:width].rjust(width) for c in classes)]
    for g in classes:
        row = [sum(1 for a, b in zip(gold, predicted) if a == g and b == p) for p in classes]
        if sum(row):
            lines.append(g[:width].ljust(width) + " " + " ".join(str(n).rjust(width) for n in row))
    return "\n".join(lines)


def report(examples, logits, labels, show_confusions: bool = True) -> dict:
    """Per source and head: accuracy and macro-F1 of the out-of-fold predictions."""
    figures = {}
    for source in sorted({e.source for e in examples}):
        for h in HEADS:
            rows = [i for i, e in enumerate(examples) if e.source == source and h in e.labels]
            if not rows:
                continue
            gold = [examples[i].labels[h] for i in rows]
            if h == "mode":  # the mode among those of the gold type, as the coder asks it
                predicted = []
                for i in rows:
                    allowed = [k for k, m in enumerate(labels["mode"]) if m.split("/")[0] == gold[rows.index(i)].split("/")[0]]
                    predicted.append(labels["mode"][max(allowed, key=lambda k: logits["mode"][i, k])])
            else:
                predicted = [labels[h][int(np.argmax(logits[h][i]))] for i in rows]
            figures[f"{source}/{h}"] = scores(gold, predicted)
            f = figures[f"{source}/{h}"]
            print(f"  {source:10s} {h:8s} n={f['n']:5d}  accuracy {f['accuracy']:.3f}  macro-F1 {f['macro_f1']:.3f}")
            if show_confusions and h in ("class5", "plover", "modality", "cameo") and len(set(gold)) > 1:
                print("    " + confusion(gold, predicted).replace("\n", "\n    "))
    return figures
