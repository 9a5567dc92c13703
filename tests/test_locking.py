"""Readers never stop the writer: real processes sharing one database file.

`eventscope serve` answering requests, a second `eventscope run`, a `--watch` with nothing
to do and a plain process holding the file: the writer gets in (or says in one line, with
exit code 4, which process holds the file), and nothing ends in a traceback.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest

from eventscope.store import Store

EVENTSCOPE = Path(sys.executable).parent / "eventscope"
ARTICLE = ("Ministers meet in Moscow\n\nThe Russian defence minister met his Iranian counterpart in Moscow "
           "on Tuesday to discuss military cooperation. Iran condemned the new sanctions on Wednesday.\n")
HOLD = """import duckdb, sys, time
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
"""


def corpus(folder: Path, n: int = 1) -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"{i}.txt").write_text(ARTICLE.replace("Tuesday", f"Tuesday, day {i},"), encoding="utf-8")
    return folder


def hold(db: Path, seconds: float, mode: str = "rw") -> subprocess.Popen:
    """Another process holding ``db`` (as a writer, or a reader) for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), mode, str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def run(args: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(EVENTSCOPE), *args], capture_output=True, text=True, timeout=timeout)


def test_a_run_meeting_a_held_database_waits_then_names_the_holder_in_one_line(tmp_path):
    db = tmp_path / "es.duckdb"
    Store(db).close()
    holder = hold(db, 30)
    try:
        started = time.monotonic()
        done = run(["run", str(corpus(tmp_path / "in")), "--db", str(db), "--wait", "1", "--show", "0"])
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"PID {holder.pid}" in lines[0] and "in use" in lines[0], done.stderr
    assert waited >= 1


@pytest.mark.slow  # real processes, ~10 s
def test_a_second_run_waits_for_the_first_and_then_goes_in(tmp_path):
    db = tmp_path / "es.duckdb"
    Store(db).close()
    holder = hold(db, 2)  # e.g. another run finishing
    try:
        done = run(["run", str(corpus(tmp_path / "in")), "--db", str(db), "--wait", "60", "--show", "0"])
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 0, done.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return 0


@pytest.mark.slow  # real processes, ~10 s
def test_run_gets_in_while_serve_answers_a_stream_of_requests(tmp_path):
    db = tmp_path / "es.duckdb"
    Store(db).close()
    port = free_port()
    server = subprocess.Popen([str(EVENTSCOPE), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stop, answers = threading.Event(), []

    def browse() -> None:
        while not stop.is_set():
            answers.append(get(f"http://127.0.0.1:{port}/events"))

    try:
        deadline = time.monotonic() + 30
        while get(f"http://127.0.0.1:{port}/api/events") != 200:
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)
        browsers = [threading.Thread(target=browse) for _ in range(3)]
        for b in browsers:
            b.start()
        time.sleep(0.5)
        results = [run(["run", str(corpus(tmp_path / f"in{i}", 1)), "--db", str(db), "--wait", "20", "--show", "0"])
                   for i in range(2)]
        stop.set()
        for b in browsers:
            b.join()
        assert [r.returncode for r in results] == [0, 0], [r.stderr[-500:] for r in results]
        assert get(f"http://127.0.0.1:{port}/api/events") == 200  # served again once the runs are over
        assert set(answers) <= {200, 503} and 200 in answers
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow  # real processes, ~10 s
def test_watch_with_nothing_new_never_opens_the_database_for_writing(tmp_path):
    db = tmp_path / "es.duckdb"
    inputs = corpus(tmp_path / "in")
    assert run(["run", str(inputs), "--db", str(db), "--show", "0"]).returncode == 0
    watcher = subprocess.Popen([str(EVENTSCOPE), "run", str(inputs), "--db", str(db), "--watch", "--interval", "0.1",
                                "--show", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    failures = 0
    try:
        time.sleep(3)  # the watcher is polling (importing takes a second or two)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                # A plain DuckDB read-only open does not wait: it fails whenever a writer holds the file.
                duckdb.connect(str(db), read_only=True).close()
            except duckdb.Error:
                failures += 1
            time.sleep(0.01)
        assert watcher.poll() is None, watcher.stderr.read()
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
    assert failures == 0
    assert "Traceback" not in watcher.stderr.read()


def test_the_busy_page_shows_neither_the_database_path_nor_the_writers_pid(tmp_path):
    from fastapi.testclient import TestClient

    from eventscope.web import create_app

    db = tmp_path / "private-folder" / "es.duckdb"
    db.parent.mkdir()
    Store(db).close()
    app = create_app(db)
    holder = hold(db, 30)
    try:
        with TestClient(app) as client:
            for url in ("/events", "/api/events"):
                response = client.get(url)
                assert response.status_code == 503
                assert "private-folder" not in response.text and str(holder.pid) not in response.text
                assert "eventscope run" in response.text
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("mode", ["ro", "rw"])
def test_store_open_waits_for_a_holder_that_lets_go(tmp_path, mode):
    db = tmp_path / "es.duckdb"
    Store(db).close()
    holder = hold(db, 0.5, mode)
    try:
        with Store(db, wait=30) as store:  # a writer: waits for the reader or writer to let go
            assert store.counts()["documents"] == 0
    finally:
        holder.kill()
        holder.wait()


def test_reading_commands_meeting_a_writer_say_so_in_one_line(tmp_path):
    db = tmp_path / "es.duckdb"
    Store(db).close()
    holder = hold(db, 60)
    try:
        for args in (["stories", "--db", str(db)], ["export", "--db", str(db), "--format", "csv",
                                                   "-o", str(tmp_path / "out.csv")]):
            done = subprocess.run([str(EVENTSCOPE), *args], capture_output=True, text=True, timeout=60)
            assert done.returncode == 4, done.stderr
            assert "Traceback" not in done.stderr
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            assert len(lines) == 1 and f"PID {holder.pid}" in lines[0], done.stderr
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow  # a real server (~5 s)
def test_serve_starts_while_a_run_writes_and_serves_once_it_is_done(tmp_path):
    db = tmp_path / "es.duckdb"
    Store(db).close()
    holder = hold(db, 60)
    port = free_port()
    server = subprocess.Popen([str(EVENTSCOPE), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while get(f"http://127.0.0.1:{port}/api/events") != 503:
            assert time.monotonic() < deadline and server.poll() is None, server.stderr.read()
            time.sleep(0.2)
        holder.kill()
        holder.wait()
        assert get(f"http://127.0.0.1:{port}/api/events") == 200
    finally:
        holder.kill()
        server.terminate()
        server.wait(timeout=10)
