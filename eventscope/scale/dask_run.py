"""`eventscope run --executor dask`: the same stages on Dask workers, Parquet in between.

`pipeline.run` drives it as it drives a local run: it ingests the inputs (new files only),
drops documents the store already has, and cuts the rest into batches (partitions). The
`DaskExecutor` hands each partition to a worker, which runs the pure `Processor.process`
(parse, actors, coding) and writes the results as one Parquet partition (store/parquet.py)
under ``parquet_dir``; the driver reads finished partitions back and stores them, in input
order, one transaction each: the store stays the only writer and the checkpoint, so a killed
run resumes like a local one.

With ``scheduler`` unset a LocalCluster of ``workers`` single-threaded processes is started;
otherwise the run attaches to an existing cluster (its workers need eventscope installed
and ``parquet_dir`` must be a folder they and the driver share).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Callable, Iterable

from eventscope import pipeline
from eventscope.models import Document, DocumentResult
from eventscope.pipeline import Processor, RunReport

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


def _client(scheduler: str | None, workers: int, dashboard: str | None = None, scratch: Path | None = None):
    """A client of the cluster at ``scheduler``, or of a new LocalCluster (then also returned).

    A LocalCluster shows its dashboard only when asked (``dashboard``, e.g. ":8787"); its
    scheduler's own HTTP endpoints (health, metrics) then listen on a free loopback port,
    never on 8787 of every interface. Its workers keep their scratch files in ``scratch``."""
    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler and scheduler.endswith(".json") and Path(scheduler).is_file():
        return Client(scheduler_file=scheduler), None  # `dask scheduler --scheduler-file` (SLURM scripts)
    if scheduler:
        return Client(scheduler), None
    # The scheduler's scratch follows dask's "temporary-directory", the workers' local_directory.
    with dask.config.set({"temporary-directory": str(scratch)} if scratch else {}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=dashboard or "127.0.0.1:0",
                               scheduler_kwargs={"dashboard": bool(dashboard)},
                               local_directory=str(scratch) if scratch else None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


class DaskExecutor:
    """`pipeline.run`'s executor on a Dask cluster: each batch becomes a Parquet partition
    written by a worker; ``depth`` partitions are in flight while the driver stores one."""

    def __init__(self, client, root: Path, dictionaries: str | None, keep: bool, workers: int):
        self.client, self.root, self.dictionaries, self.keep = client, root, dictionaries, keep
        self.folder, self.run_id = root, None
        # Enough partitions in flight to keep every worker busy, few enough to keep memory flat.
        self.depth = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        self.number = 0

    def begin(self, run_id: str) -> None:
        self.folder, self.run_id = self.root / run_id, run_id  # PARQUET_DIR/RUN_ID/part-NNNNNN
        self.folder.mkdir(parents=True, exist_ok=True)  # workers create only their partition's folder

    def submit(self, documents: list[Document]) -> _Partition:
        folder = str(self.folder / f"part-{self.number:06d}")
        self.number += 1
        future = self.client.submit(process_partition, documents, folder, self.run_id, self.dictionaries, pure=False)
        return _Partition(future, self.keep)


class _Partition:
    def __init__(self, future, keep: bool):
        self.future, self.keep = future, keep

    def result(self) -> list[DocumentResult]:
        from eventscope.store.parquet import read_partition

        folder, n_documents = self.future.result()
        results = read_partition(folder) if n_documents else []
        if not self.keep:  # a folder the user named keeps its Parquet; a temporary one does not
            shutil.rmtree(folder, ignore_errors=True)
        return results

    def cancel(self) -> None:
        self.future.cancel()


def run_on_dask(paths: Iterable[str | Path], store, *, scheduler: str | None = None, workers: int = 2,
                dictionaries: str | Path | None = None, partition_size: int = 32,
                english_only: bool = True, parquet_dir: str | Path | None = None,
                on_progress: Callable[[int, int], None] | None = None, dashboard: str | None = None) -> RunReport:
    """`pipeline.run` with parsing and coding on Dask workers.

    Without ``parquet_dir`` the partitions (and a local cluster's scratch files) go to a
    temporary folder, removed at the end, or by a watcher process if this one is killed."""
    from eventscope.runtime import remove_when_parent_dies

    root = Path(parquet_dir) if parquet_dir else Path(tempfile.mkdtemp(prefix="eventscope-parquet-"))
    reaper = None if parquet_dir else remove_when_parent_dies(root)
    client = cluster = None
    try:
        client, cluster = _client(scheduler, workers, dashboard, None if parquet_dir else root / "dask-scratch")
        executor = DaskExecutor(client, root, str(dictionaries) if dictionaries else None, keep=bool(parquet_dir),
                                workers=workers)
        return pipeline.run(paths, store, batch_size=partition_size, on_progress=on_progress,
                            english_only=english_only, executor=executor)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        if not parquet_dir:
            shutil.rmtree(root, ignore_errors=True)
        if reaper is not None:
            reaper.terminate()
            reaper.wait()
