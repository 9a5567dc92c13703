"""What a run keeps in memory of the input files it has recorded (issue 17: RSS flat as the
store grows): hashes, not rows; what it decides from them is what the rows would decide."""

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
