"""The linear flow: ingest -> analyze -> actors -> coding -> (linking) -> store.

`process` is the pure heart (Documents in, DocumentResults out) that the local runner
and Dask workers share; `run` adds reading inputs, skipping what the store already
has, and writing in batches (one transaction per batch, so a killed run loses at most
the batch in flight and a re-run picks up where the store stops).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from eventscope.models import Document, DocumentResult, Rejection

DEFAULT_BATCH = 64


@dataclass
class RunReport:
    run_id: str = ""
    documents_added: int = 0
    documents_skipped: int = 0  # already stored, repeated in the input, or a near-copy
    near_copies: int = 0  # of those: near-copies, stored as extra sources (document_sources)
    events_added: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    files_unchanged: int = 0  # input files skipped unread: ingested by an earlier run


def load_dictionaries(path: str | Path | None):
    if not path:
        return None
    from eventscope.knowledge.dictionaries import ActorDictionary

    return ActorDictionary.load(path)


class Processor:
    """Holds what is expensive to build (the spaCy pipeline, lexicons) for one process."""

    def __init__(self, dictionaries: str | Path | None = None, batch_size: int = 32):
        from eventscope.analyze import load_nlp
        from eventscope.coding.coder import Coder
        from eventscope.knowledge.verb_lexicon import Lexicon, default_lexicon

        self.nlp = load_nlp()
        actor_dictionary = load_dictionaries(dictionaries)
        extra_verbs = getattr(actor_dictionary, "verb_patterns", lambda: [])() if actor_dictionary else []
        lexicon = Lexicon.load(extra_verbs) if extra_verbs else default_lexicon()
        from eventscope.coding.classify import EventClassifier

        classifier = EventClassifier.load(lexicon=None if lexicon is default_lexicon() else lexicon)
        self.coder = Coder(lexicon=lexicon, dictionaries=actor_dictionary, classifier=classifier)
        self.batch_size = batch_size

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        from eventscope.analyze import analyze
        from eventscope.coding.places import place_events

        # spaCy keeps every new word it meets in its vocabulary; in a memory zone the words of
        # these documents are freed at the end, so a long run's memory stays flat. Nothing
        # spaCy owns leaves the zone: results hold plain strings and numbers. (One zone per
        # call: a zone left open across calls frees strings of Docs that other code parsed
        # with the same pipeline meanwhile; tried, and the test suite caught it.)
        with self.nlp.memory_zone():
            for document, doc in analyze(documents, self.nlp, self.batch_size):
                result = self.coder.code(document, doc)
                place_events(result, doc)  # every coder's events, placed against the whole document
                yield result


def process(documents: Iterable[Document], dictionaries: str | Path | None = None) -> list[DocumentResult]:
    """Pure stage function: Documents in, DocumentResults out (used by the Dask executor)."""
    return list(Processor(dictionaries).process(documents))


def code_records(records: Iterable[dict], dictionaries: str | Path | None = None,
                 batch_size: int = DEFAULT_BATCH) -> Iterator[dict]:
    """The `eventscope code` contract: one {"id", "events"} per input record, in input order."""
    from eventscope.ingest import document_from_record

    processor = Processor(dictionaries, batch_size=min(batch_size, 32))

    def documents() -> Iterator[tuple[str, Document | None]]:
        for record in records:
            doc = document_from_record(record, origin=str(record.get("id", "")), english_only=False) \
                if record.get("text") else None
            yield str(record.get("id", "")), doc if isinstance(doc, Document) else None

    pending = list()
    for rec_id, doc in documents():
        pending.append((rec_id, doc))
        if len(pending) >= batch_size:
            yield from _code_batch(processor, pending)
            pending = []
    if pending:
        yield from _code_batch(processor, pending)


def _code_batch(processor: Processor, batch: list[tuple[str, Document | None]]) -> Iterator[dict]:
    docs = [d for _, d in batch if d is not None]
    results = iter(processor.process(docs))
    for rec_id, doc in batch:
        if doc is None:
            yield {"id": rec_id, "events": []}
            continue
        result = next(results)
        yield {"id": rec_id, "events": [e.to_contract() for e in result.events]}


def divert_copies(store, report: RunReport, n_read: int, candidates: list[Document]) -> list[Document]:
    """`candidates` (the unstored of `n_read` documents) minus near-copies of stored ones,
    which the store keeps as extra sources; the report counts both kinds of skip."""
    from eventscope import linking

    fresh = linking.divert_duplicates(candidates, store)
    report.documents_skipped += n_read - len(fresh)
    report.near_copies += len(candidates) - len(fresh)
    return fresh


def run(paths: Iterable[str | Path], store, dictionaries: str | Path | None = None,
        batch_size: int = DEFAULT_BATCH, on_progress: Callable[[int, int], None] | None = None,
        english_only: bool = True, executor=None) -> RunReport:
    """Ingest, code and store everything under ``paths`` that the store does not have yet.

    Files already ingested (same path, size and mtime, or same content) are not read again
    (store/inputs.py). ``executor`` replaces the in-process Processor, e.g. a pool of worker
    processes (eventscope.scale); it needs a ``process(documents)`` giving results in order.
    An executor that also has ``submit(documents)`` (returning an object with ``result()``)
    gets the next batch while this process stores and links the previous one.
    """
    from eventscope import linking
    from eventscope.store.inputs import InputLog

    paths = [str(p) for p in paths]
    report = RunReport(run_id=store.start_run(paths))
    inputs = InputLog(store, report.run_id)
    unrecorded: list[Rejection] = []  # written with the next batch: no insert per rejection
    processor: Processor | None = None
    batch: list[Document] = []
    seen_in_run: set[str] = set()
    in_flight: _Submitted | None = None  # pipelined executors: the batch being processed

    def store_results(n_read: int, results: list[DocumentResult]) -> None:
        report.documents_added += store.write_results(results, run_id=report.run_id)
        linking.link_batch(results, store)  # events, stories, briefs of the stored batch
        report.events_added += sum(len(r.events) for r in results)
        if on_progress:
            on_progress(n_read, report.events_added)

    def complete(submitted: _Submitted) -> None:
        # Near-copies are sorted out now, against a store holding every earlier batch, so the
        # outcome is the sequential one; the work done on a copy is the price of the overlap.
        results = submitted.handle.result()
        fresh = {d.id for d in divert_copies(store, report, submitted.n_read, submitted.documents)}
        store_results(submitted.n_read, [r for r in results if r.document.id in fresh])
        inputs.commit(submitted.files)  # files finished before that batch: all their documents are stored

    def flush(final: bool = False) -> None:
        nonlocal processor, batch, in_flight
        store.record_rejections(unrecorded, report.run_id)
        unrecorded.clear()
        known = store.known_document_ids([d.id for d in batch]) if batch else set()
        if hasattr(executor, "submit"):
            previous, in_flight = in_flight, None
            if batch:  # handed over before the previous batch is stored: the overlap
                pending = [d for d in batch if d.id not in known]
                in_flight = _Submitted(len(batch), pending, executor.submit(pending), inputs.take_finished())
            if previous is not None:
                complete(previous)
            if final and in_flight is not None:
                complete(in_flight)
                in_flight = None
            batch = []
            if in_flight is None:
                inputs.commit()  # nothing in flight: every finished file's documents are stored
            return
        if not batch:
            inputs.commit()
            return
        fresh = divert_copies(store, report, len(batch), [d for d in batch if d.id not in known])
        if fresh:
            processor = processor or executor or Processor(dictionaries)
            store_results(len(batch), list(processor.process(fresh)))
        elif on_progress:
            on_progress(len(batch), report.events_added)
        batch = []
        inputs.commit()  # files read to the end before this batch: their documents are stored

    status = "failed"  # until the loop completes (Ctrl-C, SIGTERM, an error)
    try:
        for item in inputs.iter_new(paths, english_only=english_only):
            if isinstance(item, Rejection):
                report.rejected.append(item)
                unrecorded.append(item)
                if on_progress:
                    on_progress(1, report.events_added)
                continue
            if item.id in seen_in_run:
                report.documents_skipped += 1  # the same article twice in one input
                continue
            seen_in_run.add(item.id)
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush(final=True)
        linking.finish(store)  # briefs of stories that grew since their last one
        report.files_unchanged = inputs.unchanged
        status = "ok"
    finally:
        store.finish_run(report.run_id, documents_added=report.documents_added,
                         documents_skipped=report.documents_skipped, events_added=report.events_added,
                         rejected=len(report.rejected), status=status)
    return report


@dataclass
class _Submitted:
    """A batch handed to a pipelined executor, waiting to be stored."""

    n_read: int  # documents of the batch, including those already stored
    documents: list[Document]  # those sent for processing
    handle: object  # .result() -> list[DocumentResult], in order
    files: list  # input files finished before the batch: committed once it is stored
