"""Stage timers for the measuring scripts (stage_breakdown.py, parent_profile.py).

`Stages(clock)` wraps a pipeline function so that the time spent inside it adds to a named
stage; nothing here changes what the function does. ``clock()`` returns a tuple of readings
(wall-clock seconds, CPU seconds, ...), and each stage totals every reading.
"""

from __future__ import annotations

from typing import Callable


class Stages:
    def __init__(self, clock: Callable[[], tuple[float, ...]]):
        self.clock = clock
        self.totals: dict[str, list[float]] = {}
        self.calls: dict[str, int] = {}

    def add(self, stage: str, started: tuple[float, ...]) -> None:
        now = self.clock()
        totals = self.totals.setdefault(stage, [0.0] * len(now))
        for i, (a, b) in enumerate(zip(started, now)):
            totals[i] += b - a
        self.calls[stage] = self.calls.get(stage, 0) + 1

    def timed(self, owner, name: str, stage: str) -> None:
        """Replace ``owner.name`` by a wrapper that times each call."""
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            started = self.clock()
            try:
                return original(*args, **kwargs)
            finally:
                self.add(stage, started)
        setattr(owner, name, wrapper)

    def timed_generator(self, owner, name: str, stage: str) -> None:
        """Time only the work done inside a generator (between its yields)."""
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            inner = original(*args, **kwargs)
            while True:
                started = self.clock()
                try:
                    item = next(inner)
                except StopIteration:
                    self.add(stage, started)
                    return
                self.add(stage, started)
                yield item
        setattr(owner, name, wrapper)

    def reading(self, index: int = 0) -> dict[str, float]:
        """Stage -> its total of reading ``index`` of the clock."""
        return {stage: totals[index] for stage, totals in self.totals.items()}
