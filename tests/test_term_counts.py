"""term_df (the story clusterer's document frequencies) read and written by scanning the narrow
table, not by an index lookup per term (issue 18.6: a batch's ~2,000 terms cost ~10 us each)."""

from __future__ import annotations

import duckdb
import pytest

from eventscope.models import LinkBatch
from eventscope.store import Store, link_caches
from eventscope.store.bulk import KEYED_LOOKUP_MAX, scanning


def _batch(df_delta: dict[str, int], n_docs: int = 1) -> LinkBatch:
    return LinkBatch(linked=[], stories=[], memberships={}, df_delta=df_delta, n_docs=n_docs)


def _stored(store: Store) -> dict[str, int]:
    return dict(store.con.execute("SELECT term, df FROM term_df").fetchall())


@pytest.mark.parametrize("rows_per_key", [link_caches.TERM_SCAN_ROWS_PER_KEY, 0])  # scanned / by the index
def test_term_counts_add_up_whether_the_writer_knows_a_term_or_not(tmp_path, monkeypatch, rows_per_key):
    monkeypatch.setattr(link_caches, "DF_CACHE_TERMS", 3)  # the writer forgets all but 3 terms
    monkeypatch.setattr(link_caches, "TERM_SCAN_ROWS_PER_KEY", rows_per_key)
    with Store(tmp_path / "t.duckdb") as store:
        store.write_links(_batch({"harbour": 2, "ferry": 1, "strike": 1, "dockers": 1}, 2))
        # looked up before the next write, as the clusterer does: stored ones raised in place
        assert store.term_frequencies({"harbour", "ferry", "tunnel"}) == ({"harbour": 2, "ferry": 1}, 2)
        store.write_links(_batch({"harbour": 1, "ferry": 2, "tunnel": 1, "strike": 3}))
        # 'strike' was never looked up (unknown to the writer), 'dockers' forgotten: still right
        store.write_links(_batch({"dockers": 1, "strike": 1, "tunnel": 2, "pier": 1}))
        expected = {"harbour": 3, "ferry": 3, "strike": 5, "dockers": 2, "tunnel": 3, "pier": 1}
        assert _stored(store) == expected
        assert store.term_frequencies(set(expected) | {"quay"}) == (expected, 4)
    with Store(tmp_path / "t.duckdb") as store:  # and a new process reads the same
        assert store.term_frequencies(set(expected)) == (expected, 4)


def test_a_rolled_back_batch_leaves_the_counts_and_the_writer_as_they_were(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.write_links(_batch({"harbour": 2, "ferry": 1}, 2))
        store.term_frequencies({"harbour", "ferry"})
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.write_links(_batch({"harbour": 5, "quay": 1}))
                raise RuntimeError("the batch fails after its counts were written")
        assert _stored(store) == {"harbour": 2, "ferry": 1}
        store.write_links(_batch({"harbour": 1, "quay": 1}))
        assert _stored(store) == {"harbour": 3, "ferry": 1, "quay": 1}


def _threshold(con) -> int:
    return int(con.execute("SELECT current_setting('dynamic_or_filter_threshold')").fetchone()[0])


def test_a_scanning_block_gives_the_writer_its_index_lookups_back_even_when_it_fails(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        assert _threshold(store.con) == KEYED_LOOKUP_MAX
        with scanning(store.con):
            assert _threshold(store.con) == 0
        with pytest.raises(duckdb.Error):
            with scanning(store.con):
                store.con.execute("SELECT * FROM no_such_table")
        assert _threshold(store.con) == KEYED_LOOKUP_MAX


def test_a_scan_finds_the_rows_the_index_finds(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.con.execute("INSERT INTO term_df SELECT 'w' || range, range + 1 FROM range(5000)")
        wanted = [f"w{i}" for i in range(0, 5000, 7)] + ["absent"]
        sql = "SELECT term, df FROM term_df WHERE term IN (SELECT unnest(?::VARCHAR[])) ORDER BY term"
        by_index = store.con.execute(sql, [wanted]).fetchall()
        with scanning(store.con):
            assert store.con.execute(sql, [wanted]).fetchall() == by_index
        assert len(by_index) == len(wanted) - 1
