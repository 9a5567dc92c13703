"""A resumed run cuts its batches where the clean run did (issue 17: linking and stories depend
on where batches are cut, so a resume must not shift the cuts)."""

from __future__ import annotations

from eventscope.models import Document
from eventscope.pipeline import Batcher, RunReport


class _Store:
    def __init__(self, stored=()):
        self.stored = set(stored)
        self.lookups = 0

    def known_document_ids(self, ids):
        self.lookups += 1
        return {i for i in ids if i in self.stored}


class _Inputs:
    def take_finished(self):
        return []


def _docs(names):
    return [Document(id=n, text=f"Invented article {n}.") for n in names]


def _cuts(stream, stored=(), size=2):
    store = _Store(stored)
    report = RunReport(run_id=1)
    batches = list(Batcher(store, _Inputs(), report, size).batches(_docs(stream)))
    return [[d.id for d in b.documents] for b in batches if b.documents], report, store


def test_resume_inside_a_multi_article_file_cuts_where_the_clean_run_did():
    # three files of three articles, batches of two: the clean run's cuts
    stream = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"]
    clean, _, _ = _cuts(stream)
    assert clean == [["a0", "a1"], ["a2", "a3"], ["a4", "a5"], ["a6", "a7"], ["a8"]]
    # killed after the batch [a2, a3] committed: the first file is finished and skipped, the
    # second (a3 a4 a5) is read again from its start
    resumed, report, _ = _cuts(stream[3:], stored={"a0", "a1", "a2", "a3"})
    assert resumed == clean[2:]
    assert report.documents_skipped == 1  # a3, already stored


def test_stored_documents_are_looked_up_a_batch_at_a_time():
    stream = [f"d{i}" for i in range(20)]
    cuts, report, store = _cuts(stream, stored={"d0", "d1", "d2", "d7"}, size=4)
    assert [d for cut in cuts for d in cut] == [d for d in stream if d not in {"d0", "d1", "d2", "d7"}]
    assert all(len(c) == 4 for c in cuts[:-1]) and report.documents_skipped == 4
    assert store.lookups <= 8  # not one query per document
