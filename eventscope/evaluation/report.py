"""What `score()` returns: named metrics with their n, confusion tables, and two renderings
(a rich table for people, one SUMMARY line for scripts comparing runs)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.console import Group
from rich.table import Table
from rich.text import Text

from eventscope.evaluation.labels import NONE

# Fixed order of the SUMMARY line (and of the metrics table): metric name -> summary key.
SUMMARY_KEYS = {
    "class5_macro_f1": "class5_macroF1",
    "class5_accuracy": "class5_acc",
    "plover_accuracy": "plover_acc",
    "plover_mode_accuracy": "plover_mode_acc",
    "cameo_root_accuracy": "cameo_root_acc",
    "cameo_accuracy": "cameo_acc",
    "source_country_accuracy": "src_country_acc",
    "target_country_accuracy": "tgt_country_acc",
    "triple_precision": "triple_P",
    "triple_recall": "triple_R",
    "triple_f1": "triple_F1",
    "quiet_share": "quiet",
    "events_per_record_predicted": "events_pred",
    "events_per_record_gold": "events_gold",
    "any_event_predicted": "any_event_pred",
    "any_event_gold": "any_event_gold",
}


@dataclass
class Metric:
    value: float
    n: int  # how many gold items it was computed over
    description: str

    def formatted(self) -> str:
        return f"{self.value:.3f}"


@dataclass
class CategoryRow:
    label: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Confusion:
    """Counts of (gold label, predicted label); NONE is the 'nothing predicted' column."""

    name: str
    gold_labels: list[str]
    predicted_labels: list[str]
    counts: Counter = field(default_factory=Counter)

    def rows(self) -> list[CategoryRow]:
        """Per-category precision / recall: one row per label seen in gold or predictions."""
        gold_n, pred_n = Counter(), Counter()
        for (g, p), k in self.counts.items():
            gold_n[g] += k
            pred_n[p] += k
        labels = self.gold_labels + [p for p in self.predicted_labels
                                     if p not in self.gold_labels and p != NONE]
        return [CategoryRow(str(label), gold_n[label], pred_n[label],
                            self.counts[(label, label)]) for label in labels]

    def macro_f1(self) -> float:
        """Mean F1 over the categories that occur in gold."""
        scored = [row.f1 for row in self.rows() if row.gold]
        return sum(scored) / len(scored) if scored else 0.0

    def table(self) -> Table:
        table = Table(title=f"{self.name}: gold (rows) x predicted (columns)")
        table.add_column("gold \\ pred", style="bold")
        for p in self.predicted_labels:
            table.add_column(str(p), justify="right")
        for g in self.gold_labels:
            cells = []
            for p in self.predicted_labels:
                k = self.counts[(g, p)]
                cells.append(f"[green]{k}[/]" if g == p and k else str(k))
            table.add_row(str(g), *cells)
        return table

    def category_table(self) -> Table:
        table = Table(title=f"{self.name}: per category (main event vs gold)")
        for name in ("category", "gold n", "predicted n", "precision", "recall", "F1"):
            table.add_column(name, justify="left" if name == "category" else "right")
        for row in sorted(self.rows(), key=lambda r: (r.f1, -r.gold)):  # weakest first
            table.add_row(row.label, str(row.gold), str(row.predicted),
                          f"{row.precision:.3f}", f"{row.recall:.3f}", f"{row.f1:.3f}")
        return table


@dataclass
class EvalReport:
    name: str = ""  # usually the gold file name
    n_records: int = 0
    metrics: dict[str, Metric] = field(default_factory=dict)
    confusions: dict[str, Confusion] = field(default_factory=dict)
    missing_predictions: int = 0  # gold records with no prediction record (scored as no events)
    unmatched_predictions: int = 0  # prediction records whose id is in no gold record

    def value(self, name: str) -> float | None:
        metric = self.metrics.get(name)
        return None if metric is None else metric.value

    def metrics_table(self) -> Table:
        table = Table(title=f"eventscope eval: {self.name or 'gold'} ({self.n_records} records)")
        table.add_column("metric", style="bold")
        table.add_column("value", justify="right")
        table.add_column("n", justify="right")
        table.add_column("what it measures")
        for name in SUMMARY_KEYS:
            if name in self.metrics:
                m = self.metrics[name]
                table.add_row(name, m.formatted(), str(m.n), m.description)
        return table

    def render(self, confusion: bool = True, by_category: bool = False) -> Group:
        parts: list = [self.metrics_table()]
        if self.missing_predictions:
            parts.append(Text(f"{self.missing_predictions} gold records had no prediction "
                              "(scored as no events)", style="yellow"))
        if confusion and "class5" in self.confusions:
            parts.append(self.confusions["class5"].table())
        if by_category:
            parts.extend(c.category_table() for c in self.confusions.values())
        return Group(*parts)

    def summary_line(self) -> str:
        """One line, fixed key order, "-" for metrics the gold does not label."""
        fields = [f"file={self.name or '-'}", f"n={self.n_records}"]
        for name, key in SUMMARY_KEYS.items():
            metric = self.metrics.get(name)
            fields.append(f"{key}={metric.formatted() if metric else '-'}")
        return "SUMMARY " + " ".join(fields)
