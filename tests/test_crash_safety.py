"""Crash safety: SIGKILL `eventscope run` mid-run, several times, then finish: the store ends
with exactly the rows of one clean run (nothing lost, nothing doubled).

The kills are placed by watching the database's write-ahead log: every commit grows it, so
"after the k-th growth" lands between or inside batches at different points of the run.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventscope.store import Store

ROOT = Path(__file__).resolve().parents[1]
EVENTSCOPE = Path(sys.executable).parent / "eventscope"
TABLES = {"documents": "id, title, date, text", "sentences": "*", "actors": "*", "events": "*"}


def write_articles(folder: Path, n: int) -> None:
    """``n`` distinct short articles built from the example articles' sentences (seeded)."""
    sentences = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        sentences += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text) if len(s.split()) >= 8]
    folder.mkdir()
    for i in range(n):
        rng = random.Random(i)
        body = "\n\n".join(rng.sample(sentences, 4))
        (folder / f"{i:03d}.txt").write_text(f"Story number {i} of the day\n\n{body}\n", encoding="utf-8")


def run_args(corpus: Path, db: Path) -> list[str]:
    return [str(EVENTSCOPE), "run", str(corpus), "--db", str(db), "--batch-size", "2", "--show", "0"]


# Linking rows keyed by content ids (checked when the linking tables exist).
LINK_TABLES = ("document_sources", "event_links")


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with Store(db, read_only=True) as store:
        present = {r[0] for r in store.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        tables = dict(TABLES, **{t: "*" for t in LINK_TABLES if t in present})
        return {t: store.con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall()
                for t, cols in tables.items()}


def kill_after_commits(args: list[str], wal: Path, commits: int, timeout: float = 120) -> bool:
    """Start a run and SIGKILL it once its WAL has grown ``commits`` times; False if it
    finished first."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, last, deadline = 0, wal.stat().st_size if wal.exists() else -1, time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            size = wal.stat().st_size if wal.exists() else -1
            if size > last:
                seen, last = seen + 1, size
                if seen >= commits:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    return True
            time.sleep(0.005)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_sigkill_mid_run_then_resume_gives_one_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 10)
    clean = tmp_path / "clean.duckdb"
    done = subprocess.run(run_args(corpus, clean), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    expected = snapshot(clean)
    assert len(expected["documents"]) == 10 and expected["events"]

    crashed = tmp_path / "crashed.duckdb"
    wal = Path(str(crashed) + ".wal")
    kills = 0
    for commits in (1, 3, 2):  # early (first batch), later, and again right after a restart
        kills += kill_after_commits(run_args(corpus, crashed), wal, commits)
    assert kills >= 2, "the run finished before it could be killed: corpus too small for this machine"
    with Store(crashed, read_only=True) as store:
        partial = store.counts()["documents"]
    assert partial < 10  # the kills did interrupt the work
    final = subprocess.run(run_args(corpus, crashed), capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    assert snapshot(crashed) == expected
