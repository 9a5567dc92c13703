"""eventscope: news articles in, linked and explainable political event data out.

In a notebook::

    import eventscope
    events = eventscope.code(["Russia and Iran agreed on Monday to expand trade."])

`code` returns the events with the columns of `eventscope export` (see its docstring).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers; at run time `code` is imported on first use
    from eventscope.api import code

__version__ = "0.1.0"
__all__ = ["code", "__version__"]


def __getattr__(name: str) -> Any:
    # `import eventscope` stays light: the pipeline (spaCy) loads on first use of `code`.
    if name == "code":
        from eventscope.api import code

        return code
    raise AttributeError(f"module 'eventscope' has no attribute {name!r}")
