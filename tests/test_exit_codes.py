"""Exit codes and one-line errors of `eventscope run` (README: "Exit codes"), and what a
killed run leaves behind: no orphaned worker processes, no temporary Parquet folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

EVENTSCOPE = Path(sys.executable).parent / "eventscope"
ARTICLE = ("Ministers meet {i}\n\nThe Russian defence minister met his Iranian counterpart in Moscow on day {i} "
           "to discuss military cooperation, officials said. Iran condemned the new sanctions.\n")


def corpus(folder: Path, n: int = 2) -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(ARTICLE.format(i=i), encoding="utf-8")
    return folder


def run(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(EVENTSCOPE), "run", *map(str, args), "--show", "0"], capture_output=True, text=True,
                          timeout=180, env=env)


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_db_in_a_missing_folder_is_a_usage_error(tmp_path):
    done = run(corpus(tmp_path / "in"), "--db", tmp_path / "no" / "such" / "es.duckdb")
    assert done.returncode == 2
    assert "no folder" in one_error_line(done.stderr)


def test_db_that_is_not_a_duckdb_file_exits_5(tmp_path):
    db = tmp_path / "notes.duckdb"
    db.write_text("these are my notes, not a database\n" * 200)
    done = run(corpus(tmp_path / "in"), "--db", db)
    assert done.returncode == 5
    assert "not an eventscope (DuckDB) database" in one_error_line(done.stderr)
    assert db.read_text().startswith("these are my notes")  # left as it was


def test_progress_counts_csv_records_not_lines(tmp_path):
    from eventscope.cli.run_cmd import _count_documents

    path = tmp_path / "rows.csv"
    path.write_text('id,text\nr1,"one paragraph\n\nand another"\nr2,plain\n', encoding="utf-8")
    assert _count_documents([path]) == 2


def children(pid: int) -> list:
    psutil = pytest.importorskip("psutil")
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def multiprocessing_children(pid: int) -> list:
    """Every process below ``pid`` that multiprocessing started (fork server, workers, tracker)."""
    return [c for c in children(pid) if "multiprocessing" in " ".join(_cmdline(c))]


def workers_of(pid: int) -> list:
    """The worker processes of `run --workers N` started by ``pid``: forked by the fork
    server (a child of ``pid`` running multiprocessing.forkserver), so its children."""
    psutil = pytest.importorskip("psutil")
    workers = []
    try:
        servers = psutil.Process(pid).children()
    except psutil.NoSuchProcess:
        return []
    for server in servers:
        if "multiprocessing.forkserver" in " ".join(_cmdline(server)):
            workers += children(server.pid)
    return workers


def _cmdline(process) -> list[str]:
    psutil = pytest.importorskip("psutil")
    try:
        return process.cmdline()
    except psutil.Error:  # gone meanwhile
        return []


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def start_run(args: list, env=None) -> subprocess.Popen:
    return subprocess.Popen([str(EVENTSCOPE), "run", *map(str, args), "--show", "0"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)


def cleanup_group(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # whatever is left of the group this test started
    except ProcessLookupError:
        pass


@pytest.mark.slow  # starts worker processes (~10 s)
def test_sigkill_of_the_parent_leaves_no_orphaned_workers(tmp_path):
    psutil = pytest.importorskip("psutil")
    proc = start_run([corpus(tmp_path / "in", 40), "--db", tmp_path / "es.duckdb", "--workers", "2",
                      "--batch-size", "2"])
    try:
        wait_for(lambda: len(workers_of(proc.pid)) == 2, 60, "worker processes")
        time.sleep(1)
        helpers = multiprocessing_children(proc.pid)  # the fork server, its workers, the resource tracker
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        gone, alive = psutil.wait_procs(helpers, timeout=10)
        assert not alive, [(p.pid, p.cmdline()) for p in alive]
    finally:
        cleanup_group(proc)


@pytest.mark.slow  # starts worker processes (~10 s)
def test_a_worker_that_dies_ends_the_run_with_one_line_and_exit_6(tmp_path):
    proc = start_run([corpus(tmp_path / "in", 40), "--db", tmp_path / "es.duckdb", "--workers", "2",
                      "--batch-size", "2"])
    try:
        workers = wait_for(lambda: workers_of(proc.pid), 60, "worker processes")
        time.sleep(2)
        workers[0].send_signal(signal.SIGKILL)  # as the OOM killer would
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 6, stderr
        assert "Traceback" not in stderr
        errors = [line for line in stderr.splitlines() if line.startswith("error: ")]  # after the progress bar
        assert len(errors) == 1 and "worker process died" in errors[0], stderr
    finally:
        cleanup_group(proc)


@pytest.mark.slow  # starts a Dask cluster (~10 s)
def test_a_killed_dask_run_leaves_no_temporary_folders(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch))
    proc = start_run([corpus(tmp_path / "in", 40), "--db", tmp_path / "es.duckdb", "--executor", "dask",
                      "--workers", "2", "--batch-size", "2"], env=env)
    try:
        wait_for(lambda: list(scratch.glob("eventscope-*/**/part-*")), 90, "a Parquet partition")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        wait_for(lambda: not any(scratch.iterdir()), 20, f"the temporary folders to go: {list(scratch.iterdir())}")
    finally:
        cleanup_group(proc)


@pytest.mark.slow  # starts a Dask cluster (~5 s)
def test_the_dask_dashboard_is_off_unless_asked_for():
    from eventscope.scale.dask_run import _client

    client, cluster = _client(None, 1)
    try:
        listening = [sock.getsockname() for sock in cluster.scheduler.http_server._sockets.values()]
        assert listening and all(host == "127.0.0.1" and port != 8787 for host, port, *_ in listening), listening
    finally:
        client.close()
        cluster.close()
