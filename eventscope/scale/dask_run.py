"""`eventscope run --executor dask`: the same stages on Dask workers, Parquet in between.

The driver (this process) ingests the inputs (new files only, as a local run does), drops
documents the store already has, and cuts the rest into partitions. Each partition goes to
a worker, which runs the pure `Processor.process` (parse, actors, coding) and writes the
results as one Parquet partition (store/parquet.py) under ``parquet_dir``. The driver then
loads the finished partitions into the store, in input order, one transaction each: the
store stays the only writer and the checkpoint, so a killed run resumes like a local one.

With ``scheduler`` unset a LocalCluster of ``workers`` single-threaded processes is started;
otherwise the run attaches to an existing cluster (its workers need eventscope installed
and ``parquet_dir`` must be a folder they and the driver share).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections import deque
from pathlib import Path
from typing import Callable, Iterable, Iterator

from eventscope import linking
from eventscope.models import Document, Rejection
from eventscope.pipeline import Processor, RunReport, dictionary_paths, divert_copies

_WORKER_PROCESSORS: dict[str | None, Processor] = {}
_WORKER_LOCK = threading.Lock()  # a worker with several threads shares one spaCy pipeline


def process_partition(documents: list[Document], folder: str, run_id: str,
                      dictionaries: str | None) -> tuple[str, int]:
    """Runs on a worker: code one partition and write it as Parquet; (folder, documents)."""
    from eventscope.store.parquet import write_partition

    with _WORKER_LOCK:
        processor = _WORKER_PROCESSORS.get(dictionaries)
        if processor is None:
            processor = _WORKER_PROCESSORS[dictionaries] = Processor(dictionaries)
        results = list(processor.process(documents))
    return folder, write_partition(results, folder, run_id)


def _client(scheduler: str | None, workers: int):
    from dask.distributed import Client, LocalCluster

    if scheduler and scheduler.endswith(".json") and Path(scheduler).is_file():
        return Client(scheduler_file=scheduler), None  # `dask scheduler --scheduler-file` (SLURM scripts)
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _partitions(items: Iterable[Document | Rejection], size: int, store, report: RunReport,
                rejected: list[Rejection]) -> Iterator[tuple[list[Document], int]]:
    """(partition, inputs it consumed): documents neither stored nor seen earlier in this run,
    cut exactly where pipeline.run cuts its batches (so linking sees the same batches)."""
    seen: set[str] = set()
    pending: list[Document] = []
    consumed = 0

    def fresh() -> list[Document]:  # as pipeline.run's flush: not stored, not a near-copy
        known = store.known_document_ids([d.id for d in pending])
        return divert_copies(store, report, len(pending), [d for d in pending if d.id not in known])

    for item in items:
        consumed += 1
        if isinstance(item, Rejection):
            report.rejected.append(item)
            rejected.append(item)
            continue
        if item.id in seen:
            report.documents_skipped += 1
            continue
        seen.add(item.id)
        pending.append(item)
        if len(pending) >= size:
            yield fresh(), consumed
            pending, consumed = [], 0
    yield fresh(), consumed


def run_on_dask(paths: Iterable[str | Path], store, *, scheduler: str | None = None, workers: int = 2,
                dictionaries: str | Path | None = None, partition_size: int = 32,
                english_only: bool = True, parquet_dir: str | Path | None = None,
                on_progress: Callable[[int, int], None] | None = None) -> RunReport:
    """Like pipeline.run, with parsing and coding on Dask workers."""
    from eventscope.store.inputs import InputLog
    from eventscope.store.parquet import load_partition, read_partition

    paths = [str(p) for p in paths]
    report = RunReport(run_id=store.start_run(paths))
    inputs = InputLog(store, report.run_id)
    root = Path(parquet_dir) if parquet_dir else Path(tempfile.mkdtemp(prefix="eventscope-parquet-"))
    run_dir = root / report.run_id
    rejected: list[Rejection] = []
    dictionaries = dictionary_paths(dictionaries)
    client, cluster = _client(scheduler, workers)
    # Enough partitions in flight to keep every worker busy, few enough to keep memory flat.
    max_in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
    in_flight: deque = deque()

    def load_oldest() -> None:
        future, finished_files, size = in_flight.popleft()
        folder, n_documents = future.result()
        if n_documents:
            added, events = load_partition(store, folder)
            linking.link_batch(read_partition(folder), store)  # what pipeline.run does per batch
            report.documents_added += added
            report.events_added += events
            if not parquet_dir:  # a folder the user named keeps its Parquet; a temporary one does not
                shutil.rmtree(folder, ignore_errors=True)
        store.record_rejections(rejected, report.run_id)
        rejected.clear()
        inputs.commit(finished_files)
        if on_progress:
            on_progress(size, report.events_added)

    status = "failed"  # until the loop completes (Ctrl-C, SIGTERM, an error)
    try:
        items = inputs.iter_new(paths, english_only=english_only)
        partitions = _partitions(items, partition_size, store, report, rejected)
        for number, (partition, consumed) in enumerate(partitions):
            finished_files = inputs.take_finished()
            if not partition:
                in_flight.append((_NothingToCode(), finished_files, consumed))
            else:
                future = client.submit(process_partition, partition, str(run_dir / f"part-{number:06d}"),
                                       report.run_id, dictionaries, pure=False)
                in_flight.append((future, finished_files, consumed))
            while len(in_flight) > max_in_flight:
                load_oldest()
        while in_flight:
            load_oldest()
        store.record_rejections(rejected, report.run_id)
        inputs.commit()
        report.files_unchanged = inputs.unchanged
        status = "ok"
    finally:
        for future, _, _ in in_flight:
            getattr(future, "cancel", lambda: None)()
        client.close()
        if cluster is not None:
            cluster.close()
        if not parquet_dir:
            shutil.rmtree(root, ignore_errors=True)
        store.finish_run(report.run_id, documents_added=report.documents_added,
                         documents_skipped=report.documents_skipped, events_added=report.events_added,
                         rejected=len(report.rejected), status=status)
    return report


class _NothingToCode:
    """Stands in for a future where a partition had nothing left to code."""

    def result(self) -> tuple[str, int]:
        return "", 0
