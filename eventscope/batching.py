"""How a run cuts its input into batches, and what it counts while doing so.

A batch is what `pipeline.run` commits at once. Where the cuts fall matters: linking and the
stories depend on them, so a resumed run must cut where a clean run did (see `Batcher`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from eventscope.models import Document, Rejection


@dataclass
class RunReport:
    run_id: str = ""
    documents_added: int = 0
    documents_skipped: int = 0  # already stored, repeated in the input, or a near-copy
    near_copies: int = 0  # of those: near-copies, stored as extra sources (document_sources)
    events_added: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    files_unchanged: int = 0  # input files skipped unread: ingested by an earlier run


def divert_copies(store, report: RunReport, candidates: list[Document]) -> list[Document]:
    """`candidates` (documents not stored yet) minus near-copies of stored ones, which the
    store keeps as extra sources; the report counts them as skipped."""
    from eventscope import linking

    fresh = linking.divert_duplicates(candidates, store)
    report.documents_skipped += len(candidates) - len(fresh)
    report.near_copies += len(candidates) - len(fresh)
    return fresh


@dataclass
class Batch:
    """What a run commits at once: up to ``batch_size`` documents read in a row, with the
    rejections met and the input files finished before it was cut."""

    documents: list[Document]  # not stored yet (nor seen earlier in the run)
    n_read: int  # documents read for it, including those already stored (for progress)
    rejections: list[Rejection]
    files: list  # store.inputs.FileState: recorded with the batch, once their documents are in


class Batcher:
    """The batching state of a run: cuts the stream of documents and rejections from
    `InputLog.iter_new` into Batches, dropping documents stored or already seen.

    A batch holds `size` documents new to the store. Stored ones are dropped as they are read,
    not counted into a batch: a resumed run re-reads the file it was killed in, whose first
    documents went in with the last committed batch, and must cut its batches where the clean
    run did (linking and the stories depend on where batches are cut). Committed batches are
    always a prefix of the stream, so counting only new documents puts the cuts back in place.
    Stored documents are looked up once a batch's worth has been read, not one by one."""

    def __init__(self, store, inputs, report: RunReport, size: int):
        self.store, self.inputs, self.report, self.size = store, inputs, report, size
        self.seen: set[str] = set()

    def batches(self, items: Iterable[Document | Rejection]) -> Iterator[Batch]:
        read: list[Document] = []
        rejections: list[Rejection] = []
        n_read = checked = 0  # documents read for the batch; how many of `read` were looked up
        for item in items:
            if isinstance(item, Rejection):
                self.report.rejected.append(item)
                rejections.append(item)
            elif item.id in self.seen:
                self.report.documents_skipped += 1  # the same article twice in one input
            else:
                # A full batch is cut when the next document arrives, not on its own last one:
                # by then the file that gave that document is known to be finished and is
                # recorded with it, so a resumed run skips it.
                if len(read) >= self.size:
                    read = self._drop_stored(read, checked)
                    checked = len(read)
                    if len(read) >= self.size:
                        yield Batch(read, n_read, rejections, self.inputs.take_finished())
                        read, rejections, n_read, checked = [], [], 0, 0
                self.seen.add(item.id)
                read.append(item)
                n_read += 1
        # the last one also records files that ended after it
        yield Batch(self._drop_stored(read, checked), n_read, rejections, self.inputs.take_finished())

    def _drop_stored(self, read: list[Document], checked: int) -> list[Document]:
        """`read` without the documents the store holds (the first `checked` were looked up)."""
        fresh = read[checked:]
        known = self.store.known_document_ids([d.id for d in fresh]) if fresh else set()
        self.report.documents_skipped += len(known)
        return read[:checked] + [d for d in fresh if d.id not in known]
