"""Several local worker processes for `eventscope run --workers N`.

Each worker process builds its own Processor once (the spaCy pipeline and lexicons) and
runs the same pure `Processor.process` on slices of each batch; results come back in input
order and the parent process writes them, so the store stays the only writer and the
batch-commit checkpoint is unchanged.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Sequence

from eventscope.models import Document, DocumentResult

_WORKER_PROCESSOR = None  # one per worker process, built by _init_worker


def _init_worker(dictionaries: str | None, parent: int) -> None:
    global _WORKER_PROCESSOR
    from eventscope.runtime import exit_with_parent, keep_freed_memory

    exit_with_parent(parent)  # a parent killed with SIGKILL leaves no orphaned worker
    from eventscope.pipeline import Processor

    keep_freed_memory()

    _WORKER_PROCESSOR = Processor(dictionaries)


def _process_slice(documents: list[Document]) -> list[DocumentResult]:
    from eventscope.linking.vectors import document_countries

    results = list(_WORKER_PROCESSOR.process(documents))
    for result in results:  # what linking needs of the actor lexicon, found here where it is
        # loaded, so the parent (which links, and shares the CPU with the workers) never loads it
        result.countries = document_countries((result.document.title or "") + "\n" + result.document.text)
    return results


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
        # spawn, not fork: forking a parent that holds DuckDB and rich threads is unsafe.
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                        initargs=(str(dictionaries) if dictionaries else None, os.getpid()))
        # Start every worker now (the pool spawns one per task while none is idle): they load
        # the model while this process opens the store and reads the first batch. The answer
        # is the pipeline configuration the run records, so this process never imports spaCy
        # and the coding packages just to describe the pipeline (~0.5 s of CPU taken from the
        # workers on a 2-core machine).
        self._configs = [self.pool.submit(_worker_config) for _ in range(workers)]

    @property
    def config(self) -> dict:
        """The pipeline configuration the workers code with (waits for the first to be ready)."""
        return self._configs[0].result()

    def process(self, documents: Iterable[Document]) -> list[DocumentResult]:
        return self.submit(documents).result()

    def submit(self, documents: Iterable[Document]) -> _Batch:
        """Start on a batch and return at once: `pipeline.run` stores the previous batch
        while the workers parse this one, so no worker waits for the store."""
        slices = balanced_slices(list(documents), self.slices)
        return _Batch([self.pool.submit(_process_slice, s) for s in slices])

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
