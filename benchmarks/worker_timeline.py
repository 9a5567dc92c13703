"""When each worker of a `--workers N` run was busy, for parent_profile.py.

`install(pool_module)` makes `ProcessPool.submit` send each slice through `timed_slice`,
which codes it as `scale.pool._process_slice` does and returns with the results the worker's
pid, the slice's start and end (time.perf_counter: the system's monotonic clock, the same in
every process) and its CPU seconds. `summary(records)` then says, per worker, how long it
coded and with how much CPU, and how long it sat idle between the first slice's start and
the last slice's end: idle time is the pipeline's bubbles (workers waiting for the parent to
submit a batch), CPU below wall time is contention (a worker sharing its core with the
parent, the other worker or other load), and a worker's CPU per character against the
one-process run's is what running side by side costs each parse (caches, memory bandwidth).
Nothing here changes what is coded.
"""

from __future__ import annotations

import os
import time


def timed_slice(documents):
    from eventscope.scale import pool

    start, cpu = time.perf_counter(), time.process_time()
    results = pool._process_slice(documents)
    record = (os.getpid(), start, time.perf_counter(), time.process_time() - cpu, len(documents),
              sum(len(d.text) for d in documents))
    return results, record


class _TimedBatch:
    def __init__(self, futures, records: list):
        self.futures, self.records = futures, records

    def result(self):
        out = []
        for future in self.futures:
            results, record = future.result()
            self.records.append(record)
            out.extend(results)
        return out


def install(pool_module) -> list[tuple]:
    """Time every slice of every ProcessPool from now on; returns the list the records go to."""
    records: list[tuple] = []

    def submit(self, documents):
        self._start_workers()
        slices = pool_module.balanced_slices(list(documents), self.slices)
        return _TimedBatch([self.pool.submit(timed_slice, s) for s in slices], records)
    pool_module.ProcessPool.submit = submit
    return records


def summary(records: list[tuple]) -> dict:
    """Per worker: slices, busy (wall) and CPU seconds, idle seconds within the window from the
    first slice's start to the last one's end; and the totals."""
    if not records:
        return {}
    first = min(r[1] for r in records)
    last = max(r[2] for r in records)
    window = last - first
    workers = {}
    for pid, start, end, cpu, docs, chars in records:
        w = workers.setdefault(pid, {"slices": 0, "documents": 0, "chars": 0, "busy": 0.0, "cpu": 0.0,
                                     "first_start": start, "last_end": end})
        w["slices"] += 1
        w["documents"] += docs
        w["chars"] += chars
        w["busy"] += end - start
        w["cpu"] += cpu
        w["first_start"], w["last_end"] = min(w["first_start"], start), max(w["last_end"], end)
    out = {}
    for n, w in enumerate(sorted(workers.values(), key=lambda w: w["first_start"]), 1):
        out[f"worker {n}"] = {
            "slices": w["slices"], "documents": w["documents"], "busy": round(w["busy"], 3),
            "cpu": round(w["cpu"], 3), "idle_in_window": round(window - w["busy"], 3),
            "cpu_per_1000_chars_ms": round(1000 * 1000 * w["cpu"] / max(w["chars"], 1), 3),
            "started_after_first": round(w["first_start"] - first, 3), "ended_before_last": round(last - w["last_end"], 3)}
    busy = sum(w["busy"] for w in workers.values())
    cpu = sum(w["cpu"] for w in workers.values())
    chars = sum(w["chars"] for w in workers.values())
    out["window"] = round(window, 3)
    out["all"] = {"busy": round(busy, 3), "cpu": round(cpu, 3), "cpu_share_while_busy": round(cpu / busy, 3) if busy else None,
                  "idle_in_window": round(len(workers) * window - busy, 3),
                  "cpu_per_1000_chars_ms": round(1000 * 1000 * cpu / max(chars, 1), 3)}
    return out
