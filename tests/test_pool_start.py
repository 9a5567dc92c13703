"""How a worker pool (`run --workers N`) starts: what overlaps the fork server's loading."""

from __future__ import annotations

import gc
import multiprocessing.forkserver

from eventscope import pipeline
from eventscope.models import Document
from eventscope.scale import pool as pool_module
from eventscope.scale import preload


class _Executor:
    """Stands in for ProcessPoolExecutor: records what is submitted, runs nothing."""

    def __init__(self, *args, **kwargs):
        self.submitted = []

    def submit(self, fn, *args):
        from concurrent.futures import Future

        self.submitted.append(fn.__name__)
        future = Future()
        future.set_result({"model": "stub"} if fn is pool_module._worker_config else [])
        return future

    def shutdown(self, **kwargs):
        pass


def test_a_pool_asks_nothing_of_its_workers_until_the_run_needs_them(monkeypatch):
    """Starting a worker waits for the fork server to load the Processor (~2 s). Made, a pool
    has only started the server, so the run's process opens its store and reads its inputs
    meanwhile; the workers start when the run asks for their configuration or a batch."""
    started = []
    monkeypatch.setattr(multiprocessing.forkserver, "ensure_running", lambda: started.append(True))
    monkeypatch.setattr(pool_module, "ProcessPoolExecutor", _Executor)
    monkeypatch.setattr(pool_module, "_stop_fork_server", lambda: None)
    pool = pool_module.ProcessPool(2)
    assert started and pool.pool.submitted == []
    assert pool.config == {"model": "stub"}
    assert pool.pool.submitted == ["_worker_config", "_worker_config"]
    pool.submit([Document(id="a", text="Invented text.")]).result()
    assert pool.pool.submitted == ["_worker_config", "_worker_config", "_process_slice"]
    pool.close()


def test_a_batch_asked_first_starts_the_workers_too(monkeypatch):
    monkeypatch.setattr(multiprocessing.forkserver, "ensure_running", lambda: None)
    monkeypatch.setattr(pool_module, "ProcessPoolExecutor", _Executor)
    monkeypatch.setattr(pool_module, "_stop_fork_server", lambda: None)
    pool = pool_module.ProcessPool(2)
    pool.submit([Document(id="a", text="Invented text.")])
    assert pool.pool.submitted == ["_worker_config", "_worker_config", "_process_slice"]
    pool.close()


def test_the_fork_server_codes_a_document_before_forking_so_first_use_loads_are_shared(monkeypatch):
    """What a first document loads on first use (the gazetteer, ...) is loaded once in the fork
    server, so every worker shares it instead of loading its own."""
    coded = []

    class Recording:
        def __init__(self, dictionaries=None):
            self.dictionaries = dictionaries

        def process(self, documents):
            coded.extend(d.text for d in documents)
            return iter(())

    monkeypatch.setattr(pipeline, "Processor", Recording)
    try:
        processor = preload._load(preload.settings(None))
    finally:
        gc.unfreeze()
    assert isinstance(processor, Recording) and coded == [preload.WARM_UP]
