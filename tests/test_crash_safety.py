"""Crash safety: SIGKILL `eventscope run` at random points, several times, then finish: the
store ends with exactly the rows of one clean run, in every table (documents, events, copies,
linked events, stories, story memberships and briefs, the clusterer's state, input files),
whichever executor ran it: local, `--workers 2` or Dask. Killed runs are marked 'killed'.

The kills are placed by watching the database's write-ahead log: every commit grows it, so
"after the k-th growth, plus a random few milliseconds" lands between or inside batches at
different points of the run. The seed and kill points are in the failure message.
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
# Columns that say when or by which run a row was written: they differ between any two runs.
BOOKKEEPING = {"ingested_at", "run_id", "at", "seen_at", "updated_at", "started_at", "finished_at"}
N_ARTICLES = 10
EXECUTORS = {"local": [], "workers": ["--workers", "2"], "dask": ["--executor", "dask", "--workers", "2"]}


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


def run_args(corpus: Path, db: Path, executor: str = "local") -> list[str]:
    return [str(EVENTSCOPE), "run", str(corpus), "--db", str(db), "--batch-size", "2", "--show", "0",
            *EXECUTORS[executor]]


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table but `runs`, every column but bookkeeping, sorted."""
    with Store(db, read_only=True) as store:
        con = store.con
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        out = {}
        for table in tables:
            if table == "runs":
                continue
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                [table]).fetchall() if r[0] not in BOOKKEEPING]
            out[table] = con.execute(f"SELECT {', '.join(repr_column(c) for c in columns)} FROM {table} "
                                     "ORDER BY ALL").fetchall()
        return out


def repr_column(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def run_statuses(db: Path) -> list[str]:
    with Store(db, read_only=True) as store:
        return [r[0] for r in store.con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()]


def kill_after_commits(args: list[str], wal: Path, commits: int, delay: float, timeout: float = 180) -> bool:
    """Start a run and SIGKILL it (the run's own process, as the OOM killer would) ``delay``
    seconds after its WAL has grown ``commits`` times; False if it finished first. Whatever
    it started and left behind is then killed too (orphans are test_exit_codes' business)."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    seen, last, deadline = 0, wal.stat().st_size if wal.exists() else -1, time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            size = wal.stat().st_size if wal.exists() else -1
            if size > last:
                seen, last = seen + 1, size
                if seen >= commits:
                    time.sleep(delay)
                    if proc.poll() is not None:
                        return False
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    return True
            time.sleep(0.005)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the group we started: workers of a killed parent
        except ProcessLookupError:
            pass


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """The corpus and the tables of one uninterrupted local run over it."""
    folder = tmp_path_factory.mktemp("crash")
    corpus = folder / "corpus"
    write_articles(corpus, N_ARTICLES)
    clean = folder / "clean.duckdb"
    done = subprocess.run(run_args(corpus, clean), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    expected = snapshot(clean)
    assert len(expected["documents"]) == N_ARTICLES and expected["events"]
    assert expected["stories"] and expected["story_brief"] and expected["linked_events"]
    return corpus, expected


def kill_and_resume(corpus: Path, db: Path, executor: str, commit_points: list[int], rng: random.Random) -> str:
    """Kill runs at ``commit_points``, then finish; returns a description of the kills."""
    wal = Path(str(db) + ".wal")
    done = []
    for commits in commit_points:
        delay = rng.uniform(0, 0.05)
        if kill_after_commits(run_args(corpus, db, executor), wal, commits, delay):
            done.append(f"after commit {commits} + {delay * 1000:.0f} ms")
    assert done, "no run was killed: the corpus is too small for this machine"
    final = subprocess.run(run_args(corpus, db, executor), capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    return f"{executor}: killed {', '.join(done)}"


def assert_same_tables(got: dict, expected: dict, kills: str) -> None:
    assert sorted(got) == sorted(expected), kills
    for table in expected:
        assert got[table] == expected[table], f"table {table} differs from a clean run ({kills})"


def check_executor(clean_run, tmp_path, executor: str, n_kills: int) -> None:
    corpus, expected = clean_run
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    # Early (the first batch), later, and right after a restart: commit counts of the run
    # that is killed (a resumed run has fewer batches left, so points stay small).
    points = [1] + [rng.randint(2, 6) for _ in range(n_kills - 1)]
    kills = kill_and_resume(corpus, tmp_path / f"{executor}.duckdb", executor, points, rng) + f" (seed {seed})"
    assert_same_tables(snapshot(tmp_path / f"{executor}.duckdb"), expected, kills)
    statuses = run_statuses(tmp_path / f"{executor}.duckdb")
    # (a kill while the schema is created, before the run's row is written, leaves no row; one after it was closed leaves 'ok')
    assert statuses[-1] == "ok" and set(statuses) <= {"killed", "ok"}, (statuses, kills)


def test_sigkill_mid_run_then_resume_gives_one_clean_run(clean_run, tmp_path):
    check_executor(clean_run, tmp_path, "local", n_kills=3)


@pytest.mark.slow  # ~10 s each: worker processes and a Dask cluster start for every run
@pytest.mark.parametrize("executor", ["workers", "dask"])
def test_sigkill_with_workers_or_dask_then_resume_gives_one_clean_run(clean_run, tmp_path, executor):
    check_executor(clean_run, tmp_path, executor, n_kills=2)


@pytest.mark.slow
@pytest.mark.parametrize("executor", list(EXECUTORS))
def test_many_random_kills_then_resume_gives_one_clean_run(clean_run, tmp_path, executor):
    check_executor(clean_run, tmp_path, executor, n_kills=6)


def write_record_files(folder: Path, files: int, per_file: int) -> None:
    """JSONL files of several articles each: a kill can fall inside a file whose articles
    straddle two batches, and the resumed run re-reads that file from its start."""
    import json

    write_articles(folder, files * per_file)
    for f in range(files):
        lines = []
        for i in range(f * per_file, (f + 1) * per_file):
            article = folder / f"{i:03d}.txt"
            title, body = article.read_text(encoding="utf-8").split("\n\n", 1)
            lines.append(json.dumps({"id": f"a{i}", "title": title, "text": body}))
            article.unlink()
        (folder / f"feed-{f}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_kills_inside_multi_article_files_then_resume_gives_one_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    write_record_files(corpus, files=4, per_file=3)  # 12 articles, batches of 2: files straddle batches
    clean = tmp_path / "clean.duckdb"
    done = subprocess.run(run_args(corpus, clean), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    expected = snapshot(clean)
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    crashed = tmp_path / "crashed.duckdb"
    kills = kill_and_resume(corpus, crashed, "local", [rng.randint(3, 6) for _ in range(4)], rng) + f" (seed {seed})"
    got = snapshot(crashed)
    # the stories and links too: a resumed run re-reads the file it was killed in and cuts its
    # batches where the clean run did (pipeline.Batcher; tests/test_batch_cuts.py)
    for table in sorted(expected):
        assert got[table] == expected[table], f"table {table} differs from a clean run ({kills})"


def test_a_batch_is_one_transaction_links_and_summaries_included(tmp_path, monkeypatch):
    """A failure while writing story summaries (the last write of a batch) leaves no trace
    of the batch: no documents, no story memberships, no copies, no finished input files."""
    from eventscope import linking, pipeline

    corpus = tmp_path / "corpus"
    write_articles(corpus, 3)
    calls = []

    def fail_on_second_batch(self, stories):
        calls.append(len(stories))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, stories)

    original = Store.write_story_summaries
    monkeypatch.setattr(Store, "write_story_summaries", fail_on_second_batch)
    with Store(tmp_path / "es.duckdb") as store:
        with pytest.raises(RuntimeError):
            pipeline.run([corpus], store, batch_size=2)
        con = store.con
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "story_documents", "doc_minhash", "input_files")}
        assert counts == {"documents": 2, "story_documents": 2, "doc_minhash": 2, "input_files": 2}
        stories = con.execute("SELECT count(*) FROM stories").fetchone()[0]
        in_stories = con.execute("SELECT count(DISTINCT story_id) FROM story_documents").fetchone()[0]
        assert stories == in_stories  # every membership has its story row
        assert con.execute("SELECT status FROM runs").fetchone()[0] == "failed"
    assert linking  # (imported for the monkeypatched call path)


def test_a_run_left_running_is_marked_killed_by_the_next(tmp_path):
    with Store(tmp_path / "es.duckdb") as store:
        store.start_run(["a"])  # never finished: its process died
        store.finish_run(store.start_run(["b"]))
        assert [r[0] for r in store.con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()] == \
            ["killed", "ok"]


# -- the story clusterer's postings: what a resumed process rebuilds equals what the live one held
def test_postings_rebuilt_from_the_stores_stories_equal_the_live_ones(monkeypatch):
    """A term's posting list is looked at up to POSTINGS_PER_TERM stories deep. When a story
    listed under a term later loses it as a key term, the live lists must still equal lists
    built afresh from the stories as they now stand (what a resumed run reads from the store)."""
    from eventscope.linking import story_postings
    from eventscope.linking.clusters import StoryVector

    monkeypatch.setattr(story_postings, "POSTINGS_PER_TERM", 2)
    a = StoryVector("a", {"harbour": 3.0, "ferry": 1.0}, 1, seq=1)
    b = StoryVector("b", {"harbour": 2.0, "strike": 1.0}, 1, seq=2)
    c = StoryVector("c", {"harbour": 2.5, "ferry": 2.0}, 1, seq=3)
    live = story_postings.StoryPostings()
    for story in (a, b, c):  # three stories keyed by "harbour": more than two are listed
        live.update(story)
    c_now = StoryVector("c", {f"w{i}": 5.0 for i in range(story_postings.KEY_TERMS)} | {"harbour": 2.5}, 2, seq=4)
    live.update(c_now)  # "harbour" is no longer among c's key terms
    rebuilt = story_postings.StoryPostings()
    for story in (a, b, c_now):  # the store's stories, oldest change first
        rebuilt.update(story)
    query = {"harbour": 1.0, "ferry": 0.5}
    assert live.candidates(query, 8) == rebuilt.candidates(query, 8) == ["a", "b"]


def invented_story_stream(n: int, seed: int = 17) -> list:
    """``n`` documents of made-up words: twelve overlapping topics of forty words (each word in
    four topics), twelve words of one topic and four of twelve common words per document, so
    that a term is a key term of several stories and stories gain and lose key terms as they grow."""
    from eventscope.linking.stories import StoryInput

    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo"]
    words = [a + b + c for a in syllables for b in syllables for c in syllables]
    rng.shuffle(words)
    topics, common = [words[i * 10:i * 10 + 40] for i in range(12)], words[400:412]
    return [StoryInput(f"d{i:03d}", " ".join(f"The {w} report." for w in rng.sample(topics[i % 12], 12)
                                             + rng.sample(common, 4)), None, "2024-05-01") for i in range(n)]


def test_linking_resumed_after_every_batch_equals_a_clean_run_with_tiny_posting_lists(tmp_path, monkeypatch):
    """Stories through the store with posting lists two stories deep (so many terms pass it):
    after every batch the live postings equal the ones a resumed process builds from the
    store, and a run resumed after every batch stores what one uninterrupted run stores."""
    from eventscope import linking
    from eventscope.linking import story_postings
    from eventscope.linking.stories import assign_stories
    from eventscope.linking.story_postings import StoryPostings

    monkeypatch.setattr(story_postings, "POSTINGS_PER_TERM", 2)
    docs = invented_story_stream(90)

    def looked_at(postings: StoryPostings) -> dict[str, list[str]]:  # what a document's lookup sees
        return {t: postings.candidates({t: 1.0}, len(docs)) for t in sorted(postings.lists)}

    deepest = []

    def run(resume: bool) -> list:
        path = tmp_path / f"resume-{resume}.duckdb"
        store = Store(path)
        for start in range(0, len(docs), 3):
            if resume and start:  # a new process: the clusterer's state is read back from the store
                store.close()
                store = Store(path)
            index = linking._stored_stories(store)
            update = assign_stories(docs[start:start + 3], index)
            linking._write_links(store, update, [])
            index.written()
            rebuilt = StoryPostings()
            for story in store.story_keys():
                rebuilt.update(story)
            assert looked_at(index.postings()) == looked_at(rebuilt), f"after document {start + 3}"
            deepest.append(max(len(v) for v in looked_at(rebuilt).values()))
        with store:
            return [store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                    for t in ("story_documents", "story_state", "story_terms")]

    clean = run(resume=False)
    assert len({s for s, _ in clean[0]}) > 2  # several stories were formed, and grew
    assert max(deepest) == 2  # lists reach the depth looked at
    assert run(resume=True) == clean
