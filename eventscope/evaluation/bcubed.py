"""B-cubed precision / recall / F1 for clusterings (story files: documents grouped by `story`).

For each item, precision is the share of its predicted cluster that shares its gold
cluster, recall the share of its gold cluster that shares its predicted cluster; both are
averaged over items (Bagga & Baldwin 1998). Items missing from the prediction count as
singletons, so leaving documents out cannot raise the score.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass
class BCubed:
    precision: float
    recall: float
    f1: float
    n: int  # gold items scored
    gold_clusters: int
    predicted_clusters: int
    missing: int  # gold items with no predicted cluster (scored as singletons)

    def summary_line(self, name: str) -> str:
        return (f"SUMMARY {name} n={self.n} bcubed_P={self.precision:.3f} bcubed_R={self.recall:.3f} "
                f"bcubed_F1={self.f1:.3f} gold_clusters={self.gold_clusters} "
                f"predicted_clusters={self.predicted_clusters} missing={self.missing}")


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> BCubed:
    """Score `predicted` (item -> cluster label) against `gold` (item -> cluster label).
    Predicted items that are not in gold are ignored."""
    if not gold:
        raise ValueError("b-cubed needs at least one gold item")
    missing = [item for item in gold if item not in predicted]
    labels = {item: ("p", predicted[item]) if item in predicted else ("missing", item) for item in gold}
    gold_members: dict[str, set[str]] = defaultdict(set)
    predicted_members: dict[tuple, set[str]] = defaultdict(set)
    for item, label in gold.items():
        gold_members[label].add(item)
        predicted_members[labels[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_members[gold[item]], predicted_members[labels[item]]
        shared = len(g & p)
        precision += shared / len(p)
        recall += shared / len(g)
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(gold), len(gold_members), len(predicted_members), len(missing))
