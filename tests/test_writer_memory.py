"""What the writing process keeps in memory as the store grows (issue 17: RSS flat from 400 to
4,000 documents): of the input files recorded, hashes, not rows (deciding as the rows would);
of the stored band keys, sorted arrays (answering as doc_lsh would); of names' who-words,
shared objects, and for fewer names where the lexicon is loaded; the command that holds the
store leaves glibc its defaults."""

from __future__ import annotations

import os
import tracemalloc

from eventscope.store import Store
from eventscope.store.inputs import UNCHANGED, FileState, InputLog

OPTIONS = "english_only=True;max_chars=200000"


def _states(start: int, n: int) -> list[FileState]:
    return [FileState(f"/srv/news/feeds/2026/12/07/agency-wire/article-{i:06d}-with-a-long-slug.txt",
                      4000 + i, 1_700_000_000_000_000_000 + i, f"{i:040x}", 0, OPTIONS)
            for i in range(start, start + n)]


def test_recorded_files_cost_a_few_dozen_bytes_each(tmp_path):
    with Store(tmp_path / "es.duckdb") as store:
        log = InputLog(store, "run-1")
        tracemalloc.start()
        try:
            before = tracemalloc.take_snapshot()
            for start in range(0, 3000, 100):  # a batch's files at a time, as a run commits them
                log.commit(_states(start, 100))  # made as a run makes them, then handed over
            after = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        kept = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
        # a FileState with its path and hash strings held ~400 bytes a file
        assert kept / 3000 < 160, kept / 3000
        assert store.con.execute("SELECT count(*) FROM input_files").fetchone()[0] == 3000


def test_the_skip_decision_is_the_rows(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    same, touched, rejected = (folder / name for name in ("same.txt", "touched.txt", "rejected.txt"))
    for path in (same, touched, rejected):
        path.write_text(f"{path.name}\n", encoding="utf-8")
    with Store(tmp_path / "es.duckdb") as store:
        log = InputLog(store, "run-1")

        def state(path, rejected=0, options=OPTIONS):
            st = path.stat()
            from eventscope.ingest.decoding import printable_path
            from eventscope.store.inputs import file_sha1
            return FileState(printable_path(path.resolve()), st.st_size, st.st_mtime_ns, file_sha1(path), rejected,
                             options)

        log.commit([state(same), state(touched), state(rejected, rejected=1)])
        fresh = InputLog(store, "run-2")  # a later run reads what was recorded
        for kept in (log, fresh):
            assert kept._is_unchanged(same.resolve(), same.stat(), OPTIONS) is UNCHANGED
            assert kept._is_unchanged(rejected.resolve(), rejected.stat(), OPTIONS) is UNCHANGED
            assert kept._is_unchanged(rejected.resolve(), rejected.stat(), "english_only=False") is None
            assert kept._is_unchanged(folder.resolve() / "new.txt", same.stat(), OPTIONS) is None
        os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
        moved = fresh._is_unchanged(touched.resolve(), touched.stat(), OPTIONS)  # same content: its new stat
        assert moved is not UNCHANGED and moved.mtime_ns == touched.stat().st_mtime_ns
        touched.write_text("changed\n", encoding="utf-8")
        assert fresh._is_unchanged(touched.resolve(), touched.stat(), OPTIONS) is None


def test_stored_bands_merge_what_was_written_and_answer_as_the_table_does():
    import numpy as np

    from eventscope.store import link_caches
    from eventscope.store.link_caches import StoredBands

    rng = np.random.default_rng(7)
    stored = rng.integers(-2**63, 2**63 - 1, size=64, dtype=np.int64)
    order = np.argsort(stored)
    bands = StoredBands(stored[order], (np.arange(64) // 8)[order], [f"d{n}" for n in range(8)])  # 8 documents
    table = {(int(k), f"d{i // 8}") for i, k in enumerate(stored)}
    old_merge = link_caches.BAND_MERGE_KEYS
    link_caches.BAND_MERGE_KEYS = 20
    try:
        for n in range(8, 15):  # written later: some wait in `recent`, the rest were merged
            keys = [int(k) for k in rng.integers(-2**63, 2**63 - 1, size=8, dtype=np.int64)]
            keys[0] = int(stored[3])  # shares a key with d0
            bands.add(f"d{n}", keys)
            table |= {(k, f"d{n}") for k in keys}
    finally:
        link_caches.BAND_MERGE_KEYS = old_merge
    assert bands.recent and len(bands.keys) > 64
    for probe in ([int(stored[3])], [int(stored[17]), int(stored[60])], [k for k, _ in sorted(table)][-3:], [12345]):
        assert bands.documents(probe) == sorted({d for k, d in table if k in probe}), probe
def test_the_who_words_kept_share_their_strings_and_the_empty_set():
    """The linker keeps who-words for the life of the process (issue 17): names that say no
    who share one empty set, and a word met in many names is one string."""
    from eventscope.linking.events import _WhoMemo

    memo = _WhoMemo()
    memo.put("Russian government", frozenset())
    memo.put("the ministry", frozenset(w for w in ()))
    memo.put("Mike Pompeo", frozenset({"mike", "".join(["pom", "peo"])}))
    memo.put("Pompeo", frozenset({"".join(["pom", "peo"])}))
    assert memo.get("Russian government") is memo.get("the ministry")
    (alone,) = memo.get("Pompeo")
    assert alone in memo.get("Mike Pompeo") and any(word is alone for word in memo.get("Mike Pompeo"))
    assert memo.get("Mike Pompeo") == {"mike", "pompeo"}


def test_the_eventscope_command_leaves_glibc_its_defaults(monkeypatch):
    # the command's process holds the store: with freed memory kept (keep_freed_memory, for the
    # worker processes) its peak RSS grew with the store (make bench-rss, README "Memory")
    import sys

    import pytest

    from eventscope import cli, runtime

    called = []
    monkeypatch.setattr(runtime, "keep_freed_memory", lambda: called.append(1) or True)
    monkeypatch.setattr(sys, "argv", ["eventscope", "--help"])
    with pytest.raises(SystemExit):
        cli.main()
    assert called == []


def test_who_words_are_kept_for_fewer_names_once_the_actor_lexicon_is_loaded(monkeypatch):
    """A process that has the actor lexicon finds a name's who-words again in microseconds, so
    it keeps the most recently used few (issue 17: a memo of every name grew with the run); a
    process without it (a `--workers` parent) keeps many, or it would load the lexicon."""
    from eventscope.linking import events

    loaded = [False]
    monkeypatch.setattr(events, "_lexicon_loaded", lambda: loaded[0])
    memo = events._WhoMemo(size=50, size_with_lexicon=3)
    names = [f"Invented Person{n}" for n in range(10)]
    for name in names:
        memo.put(name, frozenset({name.split()[-1].lower()}))
    assert len(memo.words) == 10
    loaded[0] = True
    memo.get(names[0])  # used again: the last to go
    memo.put("Odo Quentinsky", frozenset({"odo", "quentinsky"}))
    assert list(memo.words) == [names[9], names[0], "Odo Quentinsky"]
    # an evicted name's words are found again, the same as the coding process found them
    monkeypatch.setattr(events, "who_words", lambda name: frozenset({"person3"}))
    assert memo.get(names[3]) == {"person3"} and len(memo.words) == 3

