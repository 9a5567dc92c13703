"""Public entry point for scoring: `from eventscope.evaluate import score`.

The implementation lives in the `eventscope.evaluation` package (labels, metrics, report,
records); this module keeps the short import path stable.
"""

from eventscope.evaluation import (  # noqa: F401
    CategoryRow, Confusion, EvalReport, Metric, Problem, detect_kind, read_gold,
    read_predictions, score,
)
