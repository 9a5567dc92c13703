"""Scoring coder output against gold event records (`eventscope eval`)."""

from eventscope.evaluation.metrics import score
from eventscope.evaluation.records import Problem, detect_kind, read_gold, read_predictions
from eventscope.evaluation.report import CategoryRow, Confusion, EvalReport, Metric

__all__ = ["score", "EvalReport", "Metric", "Confusion", "CategoryRow", "Problem",
           "detect_kind", "read_gold", "read_predictions"]
