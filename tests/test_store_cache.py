"""The writer trims DuckDB's block cache now and then (issue 17: RSS flat as the store grows)."""

from __future__ import annotations

from eventscope.store import Store
from eventscope.store import duckdb_store


def _cached_table_mib(store: Store) -> float:
    rows = store.con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall()
    return dict(rows).get("BASE_TABLE", 0) / 2**20


def _fill(store: Store, rows: int = 300_000) -> None:
    store.con.execute("CREATE TABLE filler AS SELECT range AS id, md5(range::VARCHAR) || md5((range * 7)::VARCHAR) AS text FROM range(?)",
                      [rows])
    store.con.execute("CHECKPOINT")  # blocks on disk, so reading them caches them


def test_trim_cache_evicts_table_blocks_and_restores_the_limit(tmp_path):
    store = Store(tmp_path / "t.duckdb")
    try:
        _fill(store)
        store.con.execute("SELECT count(DISTINCT text) FROM filler").fetchone()
        before = _cached_table_mib(store)
        assert before > 4  # the scan left blocks in the cache
        assert store.trim_cache() in duckdb_store.CACHE_TRIM_TARGETS
        assert _cached_table_mib(store) < before / 2
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert limit.startswith("122")  # 128MB as DuckDB prints it (122.0 MiB)
        # the data is all still there
        assert store.con.execute("SELECT count(*) FROM filler").fetchone()[0] == 300_000
    finally:
        store.close()


def test_the_writer_trims_after_every_commit_not_every_nested_block(tmp_path, monkeypatch):
    trims = []
    monkeypatch.setattr(Store, "trim_cache", lambda self: trims.append(1) or setattr(self, "_commits", 0))
    store = Store(tmp_path / "t.duckdb")
    try:
        for _ in range(3 * duckdb_store.CACHE_TRIM_COMMITS):
            with store.transaction():
                with store.transaction():  # nested blocks join the outer one: one commit
                    pass
        assert len(trims) == 3
        try:
            with store.transaction():  # a rolled-back batch commits nothing: no trim
                raise KeyError("bad batch")
        except KeyError:
            pass
        assert len(trims) == 3
    finally:
        store.close()


def test_readers_and_memory_stores_do_not_trim():
    store = Store(":memory:")
    try:
        assert store.trim_cache() is None
    finally:
        store.close()
