"""Several local worker processes for `eventscope run --workers N`.

The workers are forked from one process that has built the Processor (the spaCy pipeline and
lexicons) once: multiprocessing's fork server, with scale/preload.py preloaded. Each worker
runs the same pure `Processor.process` on slices of each batch; results come back in input
order and the parent process writes them, so the store stays the only writer and the
batch-commit checkpoint is unchanged.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Sequence

from eventscope.models import Document, DocumentResult
from eventscope.scale.preload import PRELOAD, settings

_WORKER_PROCESSOR = None  # one per worker process, set by _init_worker


def _init_worker(dictionaries: str | None, wanted: str) -> None:
    """In each worker: the fork server's Processor when it was built as this run asks (it
    always is from `eventscope run`), else one built here with the run's settings (a program
    that started a second pool with other dictionaries or EVENTSCOPE_* variables)."""
    global _WORKER_PROCESSOR
    import json

    from eventscope.runtime import exit_with_parent, keep_freed_memory
    from eventscope.scale import preload

    exit_with_parent()  # a parent killed with SIGKILL leaves no orphaned worker
    if preload.PROCESSOR is not None and preload.SETTINGS == wanted:
        _WORKER_PROCESSOR = preload.PROCESSOR
        return
    from eventscope.pipeline import Processor

    keep_freed_memory()
    for name in [k for k in os.environ if k.startswith("EVENTSCOPE_")]:
        del os.environ[name]
    os.environ.update(json.loads(wanted)["env"])
    _WORKER_PROCESSOR = Processor(dictionaries)


@contextmanager
def _environment(name: str, value: str):
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


def _process_slice(documents: list[Document]) -> list[DocumentResult]:
    return list(_WORKER_PROCESSOR.process(documents))  # with the countries and who-words linking needs


def _worker_state() -> dict:
    """What a worker runs with (asked by tests): the fork server's Processor or its own, its
    parent process, the EVENTSCOPE_* variables it sees, whether the gazetteer (loaded on first
    use) is loaded already."""
    from eventscope.actors.gazetteer import load_gazetteer
    from eventscope.scale import preload

    return {"preloaded": _WORKER_PROCESSOR is not None and _WORKER_PROCESSOR is preload.PROCESSOR,
            "gazetteer": load_gazetteer.cache_info().currsize > 0,
            "pid": os.getpid(), "parent": os.getppid(),
            "env": {k: v for k, v in os.environ.items() if k.startswith("EVENTSCOPE_")}}


def _worker_config() -> dict:
    """The pipeline configuration this worker codes with (pipeline.pipeline_config)."""
    return _WORKER_PROCESSOR.config


def balanced_slices(documents: Sequence[Document], n: int) -> list[list[Document]]:
    """``n`` contiguous slices of roughly equal text length (parse time follows length)."""
    total = sum(len(d.text) for d in documents)
    slices: list[list[Document]] = [[]]
    done = 0
    for document in documents:
        if slices[-1] and done >= total * len(slices) / n and len(slices) < n:
            slices.append([])
        slices[-1].append(document)
        done += len(document.text)
    return [s for s in slices if s]


_open_pools = 0  # ProcessPools of this process not closed yet: they share the fork server


def _stop_fork_server() -> None:
    """Stop multiprocessing's fork server (one per process) once the last pool's workers are
    gone, and wait for it: the model it holds is freed, and its CPU time and its workers' count among
    this process's children (os.wait4, getrusage), as spawned workers' did. Left running, it
    would end only after this process, unaccounted for. The next pool starts a new one."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)  # CPython's own tests stop it this way
    if stop is not None:
        stop()


class _Batch:
    def __init__(self, futures: list[Future]):
        self.futures = futures

    def result(self) -> list[DocumentResult]:
        return [r for future in self.futures for r in future.result()]


class ProcessPool:
    """A drop-in for Processor in `pipeline.run(executor=...)` that spreads each batch
    over ``workers`` processes."""

    def __init__(self, workers: int, dictionaries: str | Path | None = None, slices_per_worker: int = 2):
        self.workers = workers
        self.slices = workers * slices_per_worker  # more slices than workers evens out the load
        dictionaries = str(dictionaries) if dictionaries else None
        wanted = settings(dictionaries)
        # Not a plain fork of this process (it holds DuckDB and other threads): a fork server,
        # a fresh interpreter started now, that loads the Processor once and forks the workers.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["eventscope.scale.preload"])
        with _environment(PRELOAD, wanted):  # read by the fork server as it starts (once per process)
            from multiprocessing import forkserver

            forkserver.ensure_running()  # returns at once: the server loads while this process goes on
        self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                        initargs=(dictionaries, wanted))
        global _open_pools
        _open_pools += 1
        self._open = True
        self._configs: list[Future] = []  # the workers start when the run first asks for them

    def _start_workers(self) -> None:
        """Start every worker (the pool starts one per task while none is idle). Starting one
        waits until the fork server has loaded the Processor (~2 s), so it is done when the run
        first needs the workers, not when the pool is made: meanwhile this process opens the
        store and reads its inputs. The answer is the pipeline configuration the run records,
        so this process never imports spaCy and the coding packages just to describe the
        pipeline (~0.5 s of CPU taken from the workers on a 2-core machine)."""
        if not self._configs:
            self._configs = [self.pool.submit(_worker_config) for _ in range(self.workers)]

    @property
    def config(self) -> dict:
        """The pipeline configuration the workers code with (waits for the first to be ready)."""
        self._start_workers()
        return self._configs[0].result()

    def process(self, documents: Iterable[Document]) -> list[DocumentResult]:
        return self.submit(documents).result()

    def submit(self, documents: Iterable[Document]) -> _Batch:
        """Start on a batch and return at once: `pipeline.run` stores the previous batch
        while the workers parse this one, so no worker waits for the store."""
        self._start_workers()
        slices = balanced_slices(list(documents), self.slices)
        return _Batch([self.pool.submit(_process_slice, s) for s in slices])

    def close(self) -> None:
        global _open_pools
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self._open:
            self._open = False
            _open_pools -= 1
            if not _open_pools:
                _stop_fork_server()

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
