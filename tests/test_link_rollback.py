"""A batch whose transaction rolls back leaves linking's memory as the store is: the story index
(postings, cached stories, sketches) forgets what the batch wrote, so the batch re-run in the same
process links as it would in a new one."""

from __future__ import annotations

import pytest

from eventscope import linking
from eventscope.store import Store
from test_linking import shelling_report

REPORTS = [("Russian forces shelled Kharkiv overnight, killing three civilians in the city's north, "
            "Ukrainian officials said.", "2024-05-01", "A"),
           ("Russian forces shelled Kharkiv again on Wednesday, killing three civilians and damaging a "
            "power station, the regional governor said.", "2024-05-02", "B"),
           ("Shelling by Russian forces hit a power station in Kharkiv, the governor said on Thursday, "
            "a day after three civilians were killed.", "2024-05-03", "C")]


def link(store, batch):
    with store.transaction():
        store.write_results(batch)
        linking.link_batch(batch, store)


def story_tables(store) -> list:
    return [store.con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("story_documents", "story_state", "story_terms", "term_df", "link_counts")]


def test_a_rolled_back_batch_is_forgotten_by_the_story_index(tmp_path):
    first, second, third = [[shelling_report(*r)] for r in REPORTS]
    with Store(tmp_path / "clean.duckdb") as store:
        for batch in (first, second, third):
            link(store, batch)
        clean = story_tables(store)
    with Store(tmp_path / "rolled.duckdb") as store:
        link(store, first)
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.write_results(second)
                linking.link_batch(second, store)
                raise RuntimeError("the batch fails after it was linked")
        assert [d for _, d in story_tables(store)[0]] == [first[0].document.id]  # the store took none of it
        for batch in (second, third):  # the same process goes on, and re-runs the failed batch
            link(store, batch)
        assert story_tables(store) == clean
    assert len(clean[0]) == 3 and len({s for s, _ in clean[0]}) == 1  # one story of three documents
