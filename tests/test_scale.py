"""Incremental runs, --watch, the Parquet hand-over and the worker executors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from eventscope import pipeline
from eventscope.models import Document
from eventscope.scale.pool import balanced_slices
from eventscope.store import Store
from eventscope.store.rows import to_columns
from eventscope.store import inputs as inputs_module
from test_crash_safety import write_articles

EVENTSCOPE = Path(sys.executable).parent / "eventscope"
NOW = datetime(2001, 10, 2)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    write_articles(folder, 4)
    return folder


def test_second_run_reads_no_unchanged_file(tmp_path, corpus, monkeypatch):
    db = tmp_path / "es.duckdb"
    with Store(db) as store:
        first = pipeline.run([corpus], store)
    assert first.documents_added == 4 and first.files_unchanged == 0

    def must_not_read(*args, **kwargs):
        raise AssertionError("an unchanged file was read")

    monkeypatch.setattr(inputs_module, "documents_from_file", must_not_read)
    monkeypatch.setattr(inputs_module, "file_sha1", must_not_read)
    with Store(db) as store:
        second = pipeline.run([corpus], store)
    assert (second.documents_added, second.files_unchanged) == (0, 4)


def test_only_new_or_changed_files_are_ingested(tmp_path, corpus):
    db = tmp_path / "es.duckdb"
    with Store(db) as store:
        pipeline.run([corpus], store)
    write_articles(tmp_path / "more", 6)  # articles 4 and 5 are new
    for name in ("004.txt", "005.txt"):
        (corpus / name).write_bytes((tmp_path / "more" / name).read_bytes())
    touched = corpus / "000.txt"
    os.utime(touched, ns=(time.time_ns(), time.time_ns() + 10**9))  # new mtime, same content
    with Store(db) as store:
        report = pipeline.run([corpus], store)
        assert store.counts()["documents"] == 6
        recorded = store.con.execute("SELECT count(*) FROM input_files").fetchall()[0][0]
    assert report.documents_added == 2 and report.files_unchanged == 4 and recorded == 6
    with Store(db) as store:  # the touched file's new mtime was recorded: nothing hashed again
        assert inputs_module.changed_files(store, [corpus]) == []


def test_balanced_slices_keep_order_and_even_out_length():
    docs = [Document(id=str(i), text="x" * n) for i, n in enumerate([100, 10, 10, 10, 60, 5, 5])]
    slices = balanced_slices(docs, 2)
    assert [d for s in slices for d in s] == docs
    assert len(slices) == 2 and abs(sum(len(d.text) for d in slices[0]) - 100) <= 30
    assert balanced_slices(docs[:1], 4) == [docs[:1]]


def test_a_worker_slice_carries_the_countries_linking_would_find(processor, monkeypatch):
    """Workers find the countries a document names (the actor lexicon is loaded there), so
    the parent that links never loads the lexicon; the same set linking computes itself."""
    from eventscope import linking
    from eventscope.linking.vectors import document_countries
    from eventscope.scale import pool

    monkeypatch.setattr(pool, "_WORKER_PROCESSOR", processor)
    docs = [Document(id="a", text="Russian troops shelled Grozny while Iran protested.", title="Moscow says"),
            Document(id="b", text="Nothing here names a place at all, said the man.")]
    results = pool._process_slice(docs)
    assert [r.countries for r in results] == [document_countries("Moscow says\n" + docs[0].text),
                                              document_countries("\n" + docs[1].text)]
    assert {"RUS", "IRN"} <= results[0].countries and results[1].countries == frozenset()
    # what link_batch builds from a worker's result equals what it builds without the hint
    hinted = linking._story_input("a", docs[0].text, docs[0].title, None, results[0].countries)
    assert hinted == linking._story_input("a", docs[0].text, docs[0].title, None)


def test_parquet_partition_round_trip_and_idempotent_load(tmp_path, code_text):
    from eventscope.store.parquet import load_partition, read_partition, write_partition

    results = [code_text("Russian troops attacked rebels in Chechnya on Monday, officials said."),
               code_text("Iran and Russia signed a military cooperation agreement in Tehran.")]
    assert sum(len(r.events) for r in results) > 0
    write_partition(results, tmp_path / "part", "run-1")
    back = read_partition(tmp_path / "part")
    assert [r.document for r in back] == [r.document for r in results]
    assert [[e.id for e in r.events] for r in back] == [[e.id for e in r.events] for r in results]
    # the same rows, hence the same store (actor evidence lives in the actors table only)
    assert to_columns(back, "run-1", NOW) == to_columns(results, "run-1", NOW)
    assert [[e.to_contract() for e in r.events] for r in back] == [[e.to_contract() for e in r.events] for r in results]
    with Store(tmp_path / "es.duckdb") as store:
        expected_events = len({e.id for r in results for e in r.events})
        assert load_partition(store, tmp_path / "part") == (2, expected_events)
        assert load_partition(store, tmp_path / "part") == (0, 0)  # loading twice adds nothing
        assert store.counts()["events"] == expected_events


def test_watch_picks_up_new_files_and_stops_cleanly_on_sigterm(tmp_path, corpus):
    db = tmp_path / "es.duckdb"
    log = tmp_path / "watch.log"
    with log.open("w") as out:
        proc = subprocess.Popen([str(EVENTSCOPE), "run", str(corpus), "--db", str(db), "--watch",
                                 "--interval", "0.2", "--show", "0"], stdout=out, stderr=subprocess.STDOUT)
    try:
        assert _wait_for(log, "4 new documents", proc), log.read_text()
        write_articles(tmp_path / "more", 5)
        (corpus / "004.txt").write_bytes((tmp_path / "more" / "004.txt").read_bytes())
        assert _wait_for(log, "1 new documents", proc), log.read_text()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0, log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "stopped" in log.read_text()
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 5


def _wait_for(log: Path, text: str, proc, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if text in log.read_text():
            return True
        time.sleep(0.1)
    return text in log.read_text()


def _events(db: Path) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT * FROM events ORDER BY id").fetchall()


@pytest.mark.slow
def test_process_pool_and_dask_give_the_local_events(tmp_path):
    write_articles(tmp_path / "corpus", 8)
    local, pooled, dask = (tmp_path / f"{n}.duckdb" for n in ("local", "pool", "dask"))
    with Store(local) as store:
        expected = pipeline.run([tmp_path / "corpus"], store, batch_size=4)
    from eventscope.scale.dask_run import run_on_dask
    from eventscope.scale.pool import ProcessPool

    with Store(pooled) as store, ProcessPool(2) as pool:
        pipeline.run([tmp_path / "corpus"], store, batch_size=4, executor=pool)
    from dask.distributed import LocalCluster

    # attach to an existing cluster by address, as on Kubernetes or SLURM
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Store(dask) as store:
        report = run_on_dask([tmp_path / "corpus"], store, scheduler=cluster.scheduler_address, partition_size=4,
                             parquet_dir=tmp_path / "parquet")
    assert sorted(p.name for p in (tmp_path / "parquet" / report.run_id).iterdir())[:1] == ["part-000000"]
    assert (report.documents_added, report.documents_skipped) == (expected.documents_added, expected.documents_skipped)
    assert _events(local) and _events(pooled) == _events(local) == _events(dask)



def test_processing_does_not_grow_spacys_vocabulary():
    """Every batch runs in a spaCy memory zone: words first met in it are freed afterwards,
    so a firehose does not grow the process (results keep only plain strings)."""
    from eventscope.models import Document
    from eventscope.pipeline import Processor

    processor = Processor()
    list(processor.process([Document(id="warm", text="Russia and Iran signed an agreement.", origin="t")]))
    before = len(processor.nlp.vocab.strings)
    novel = " ".join(f"Zorblax{i}q" for i in range(300))
    results = list(processor.process([Document(id="new", text=f"Iran condemned {novel} on Monday.", origin="t")]))
    assert len(processor.nlp.vocab.strings) == before
    assert "Zorblax7q" in " ".join(s.text for s in results[0].sentences)  # the text survives the zone


def test_keep_freed_memory_takes_on_glibc_and_is_harmless_twice():
    import platform

    from eventscope.runtime import keep_freed_memory

    took = keep_freed_memory()
    if platform.libc_ver()[0] == "glibc":
        assert took is True
    assert keep_freed_memory() == took


class ShuffledPool:
    """A stand-in for scale.ProcessPool, in this process: each batch is cut into slices as the
    pool cuts it and the slices are coded in a shuffled order (as worker processes finish them
    in any order), `depth` batches ahead of the one being stored."""

    def __init__(self, processor, seed: int, depth: int = 2):
        import random

        self.processor, self.rng, self.depth, self.handed = processor, random.Random(seed), depth, []

    def submit(self, documents):
        slices = balanced_slices(list(documents), 4)
        done = {}
        for k in self.rng.sample(range(len(slices)), len(slices)):
            done[k] = list(self.processor.process(slices[k]))
        self.handed.append([d.id for d in documents])

        class Handle:
            def result(self):
                return [r for k in range(len(slices)) for r in done[k]]
        return Handle()


def _tables(db: Path) -> dict:
    from conftest import load_tool

    with Store(db, read_only=True) as store:
        return load_tool("output_hash").table_hashes(store)


def test_batches_coded_out_of_order_store_what_one_process_stores(tmp_path, processor):
    """Whatever order a batch's slices come back in and however far ahead batches are handed
    out, every table (stories and links included) equals the one-process run's; no batch is
    lost or stored twice."""
    write_articles(tmp_path / "corpus", 9)
    (tmp_path / "corpus" / "zz.txt").write_text((tmp_path / "corpus" / "000.txt").read_text("utf-8")
                                               .replace(".", "!", 1), "utf-8")  # a near-copy
    with Store(tmp_path / "one.duckdb") as store:
        expected = pipeline.run([tmp_path / "corpus"], store, batch_size=3, executor=processor)
    for seed, depth in ((1, 1), (2, 3)):
        pool = ShuffledPool(processor, seed, depth)
        db = tmp_path / f"pool{seed}.duckdb"
        with Store(db) as store:
            report = pipeline.run([tmp_path / "corpus"], store, batch_size=3, executor=pool)
        handed = [i for ids in pool.handed for i in ids]
        assert len(handed) == len(set(handed)) == 10  # every document handed out once
        assert (report.documents_added, report.near_copies, report.events_added) == \
            (expected.documents_added, expected.near_copies, expected.events_added)
        assert _tables(db) == _tables(tmp_path / "one.duckdb")


@pytest.mark.slow  # starts two worker processes
def test_a_worker_pool_run_records_the_workers_pipeline_and_the_parent_never_imports_spacy(tmp_path):
    """The parent of `--workers 2` links and writes; the workers parse. The pipeline the run
    records comes from the workers, so the parent never imports spaCy (~0.5 s of CPU that
    would be taken from the workers)."""
    write_articles(tmp_path / "corpus", 6)
    script = f"""
import json, sys
from eventscope import pipeline
from eventscope.knowledge.actor_files import _load_lexicon
from eventscope.scale.pool import ProcessPool
from eventscope.store import Store
with Store({str(tmp_path / 'es.duckdb')!r}) as store, ProcessPool(2) as pool:
    report = pipeline.run([{str(tmp_path / 'corpus')!r}], store, batch_size=2, executor=pool)
    config = json.loads(store.con.execute("SELECT config FROM runs").fetchone()[0])
print(json.dumps({{"added": report.documents_added, "spacy": "spacy" in sys.modules, "config": config,
                  "lexicon": _load_lexicon.cache_info().currsize}}))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["added"] == 6 and found["spacy"] is False
    assert found["lexicon"] == 0  # never loaded: the workers found the countries and who-words linking needs
    assert found["config"] == json.loads(json.dumps(pipeline.pipeline_config()))


@pytest.mark.slow  # starts a fork server and four workers (~20 s)
def test_pool_workers_are_forked_from_one_loaded_processor_unless_the_run_asks_for_other_settings():
    """`run --workers N`: the fork server builds the Processor once and every worker is forked
    from it (their parent is the server, not the run). A second pool opened meanwhile with
    other EVENTSCOPE_* settings gets workers that build their own Processor with those
    settings, as spawned workers would. Closing the last pool stops the server."""
    script = """
import json, os
import psutil
from eventscope.scale.pool import ProcessPool, _worker_state
out = {"me": os.getpid()}
with ProcessPool(2) as first:
    first.config  # what a run asks first: it starts both workers
    out["first"] = [first.pool.submit(_worker_state).result() for _ in range(4)]
    out["servers"] = [[w.pid for w in c.children()] for c in psutil.Process().children()
                      if "forkserver" in " ".join(c.cmdline())]
    os.environ["EVENTSCOPE_DERIVED_ACTORS"] = "0"
    with ProcessPool(2) as second:
        out["second"] = [second.pool.submit(_worker_state).result() for _ in range(4)]
        out["second_config"] = second.config == first.config
out["left"] = [" ".join(c.cmdline()) for c in psutil.Process().children(recursive=True)]
print(json.dumps(out))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout.strip().splitlines()[-1])
    first, second = found["first"], found["second"]
    assert all(w["preloaded"] for w in first)
    assert all(w["gazetteer"] for w in first)  # loaded once, by the server's warm-up document
    [server] = found["servers"]  # one fork server, a child of this process, and its two workers
    assert len(server) == 2 and {w["pid"] for w in first} <= set(server)
    assert first[0]["parent"] != found["me"]
    assert all(w["env"].get("EVENTSCOPE_DERIVED_ACTORS") is None for w in first)
    assert not any(w["preloaded"] for w in second)  # (what the server loaded they share: the gazetteer)
    assert all(w["env"].get("EVENTSCOPE_DERIVED_ACTORS") == "0" for w in second)
    assert found["second_config"]  # the same pipeline configuration; other actor files
    assert not [c for c in found["left"] if "forkserver" in c], found["left"]


def test_a_run_commits_bigger_batches_when_it_codes_them_itself(tmp_path, monkeypatch):
    """Without --batch-size a run that codes in its own process commits IN_PROCESS_BATCH
    documents at once (its linking and store writes cost about the same per batch whatever
    the batch holds); one whose workers code while it stores commits DEFAULT_BATCH, so that
    the workers are busy from the first batch on; a size given is a size taken."""
    sizes = []
    original = pipeline.Batcher.__init__

    def spy(self, store, inputs, report, size):
        sizes.append(size)
        original(self, store, inputs, report, size)

    class Pipelined:  # an executor that codes while the run stores (as ProcessPool and Dask do)
        def submit(self, documents):
            raise AssertionError("no documents to code")

    monkeypatch.setattr(pipeline.Batcher, "__init__", spy)
    empty = tmp_path / "empty"
    empty.mkdir()
    with Store(tmp_path / "es.duckdb") as store:
        pipeline.run([empty], store)
        pipeline.run([empty], store, executor=Pipelined())
        pipeline.run([empty], store, batch_size=5)
    assert sizes == [pipeline.IN_PROCESS_BATCH, pipeline.DEFAULT_BATCH, 5]
    assert pipeline.IN_PROCESS_BATCH > pipeline.DEFAULT_BATCH
