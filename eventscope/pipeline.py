"""The linear flow: ingest -> analyze -> actors -> coding -> (linking) -> store.

`process` is the pure heart (Documents in, DocumentResults out) that the local runner
and Dask workers share; `run` adds reading inputs, skipping what the store already
has, and writing in batches. One batch is one transaction: its documents, near-copies,
links, story summaries, rejections and finished input files are stored together or not
at all, so a killed run loses at most the batches in flight and a re-run picks up where
the store stops. Local, pipelined (`--workers`) and Dask runs share `run`; they differ only
in the executor that calls `process` (see `scale/`).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from eventscope.batching import Batch, Batcher, RunReport, divert_copies  # noqa: F401  (their home was here)
from eventscope.knowledge import dictionary_source
from eventscope.models import Document, DocumentResult

DEFAULT_BATCH = 64  # documents coded at once (`code`); committed at once by a run whose workers code
# them (worker processes, Dask), so that they are kept busy from the first batch to the last
# A run that codes in its own process commits bigger batches: nothing overlaps its writes, and a
# batch's linking and store writes cost about the same ~40 DuckDB statements (1-5 ms each)
# however many documents it holds (300 ECB+ articles, benchmarks/bench_link_real.py: linking +
# near-copies + writes 0.20 s of CPU per 100 articles in batches of 64, 0.11 s in batches of 256)
IN_PROCESS_BATCH = 256


def pipeline_config(dictionaries: str | Path | None = None, classifier: bool = True,
                    encoder: bool | None = None) -> dict:
    """The configuration of the pipeline a run codes with (saved in the `runs` table):
    the spaCy model, then the eventscope components and their settings (`encoder` None: as
    the environment says, coding.encoder.ENCODER_SWITCH, off when unset)."""
    from dataclasses import asdict

    from eventscope.coding.encoder import switched_on

    from eventscope.analyze import MODEL
    from eventscope.coding.classify.thresholds import Thresholds
    from eventscope.coding.selection import ConfidenceWeights

    source = dictionary_source(dictionaries)
    encoder = switched_on() if encoder is None else encoder
    return {"model": MODEL, "components": {
        "eventscope_actors": {"dictionaries": source},
        "eventscope_coding": {"dictionaries": source, "classifier": classifier, "encoder": encoder,
                              "thresholds": asdict(Thresholds()), "confidence": asdict(ConfidenceWeights())},
    }}


def build_pipeline(config: dict):
    """A spaCy pipeline: the model's components (shared with `analyze.load_nlp()`, loaded
    once per process) followed by the eventscope components `config` names."""
    import eventscope.actors.component  # noqa: F401  registers eventscope_actors
    import eventscope.coding.component  # noqa: F401  registers eventscope_coding
    from eventscope.analyze import load_nlp

    base = load_nlp(config["model"])
    # the model's own tokenizer, handed in: built anew from the defaults and then replaced,
    # a tokenizer cost ~0.1 s of CPU per process (4% of `eventscope code` on two articles)
    nlp = type(base)(vocab=base.vocab, meta=dict(base.meta), create_tokenizer=lambda _: base.tokenizer)
    for name in base.pipe_names:
        nlp.add_pipe(name, source=base)
    for name, settings in config["components"].items():
        nlp.add_pipe(name, config=settings)
    return nlp


class Processor:
    """Holds what is expensive to build (the spaCy pipeline, knowledge) for one process."""

    def __init__(self, dictionaries: str | Path | None = None, batch_chars: int | None = None,
                 config: dict | None = None):
        from eventscope.analyze import PARSE_PIECE_CHARS

        self.config = config or pipeline_config(dictionaries)
        self.nlp = build_pipeline(self.config)
        self.coder = self.nlp.get_pipe("eventscope_coding").coder
        # characters spaCy parses together (one `nlp.pipe` minibatch of whole documents): as
        # many as one document is parsed whole, so no minibatch takes more memory than the
        # longest document may (README "Memory"; it was 32 documents, whatever their length)
        self.batch_chars = batch_chars or PARSE_PIECE_CHARS

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        for result, _doc, _places in self.parsed(documents):
            yield result

    def parsed(self, documents: Iterable[Document]):
        """(result, spaCy Doc, places) per document, in order: `process` for tools that also read
        the parse (tools/eval_places.py); `places` is what `coding.places.place_events` returned.
        The Docs are valid only while the iteration runs."""
        from eventscope.coding.places import place_events
        from eventscope.linking.events import who_of_events
        from eventscope.linking.vectors import document_countries, document_features, document_names

        # spaCy keeps every new word it meets in its vocabulary; in a memory zone the words of
        # these documents are freed at the end, so a long run's memory stays flat. Nothing
        # spaCy owns leaves the zone: results hold plain strings and numbers. (One zone per
        # call: a zone left open across calls frees strings of Docs that other code parsed
        # with the same pipeline meanwhile; tried, and the test suite caught it.)
        with self.nlp.memory_zone():
            for doc in self._pipe(documents):
                result = doc._.result
                places = place_events(result, doc)  # every coder's events, placed against the whole document
                # what linking needs of the actor lexicon, found here where it is loaded: the
                # process that links (the parent of worker processes, which shares the CPU
                # with them) never loads it, and linking stays linking
                document = result.document
                result.countries = document_countries((document.title or "") + "\n" + document.text)
                result.who = who_of_events(result.events)
                result.story_terms = document_features(document.text, document.title)
                result.names = document_names(document.text, document.title)
                yield result, doc, places

    def _pipe(self, documents: Iterable[Document]):
        """``nlp.pipe`` over the documents, in order, in minibatches of up to ``batch_chars``
        characters (a longer document alone); a document longer than PARSE_PIECE_CHARS is
        parsed in pieces joined into one Doc (analyze.parse_in_pieces), then coded whole.
        A minibatch's parse holds its activations for all its documents at once: in batches
        of 32 documents a run's peak RSS was set by the longest batch it met."""
        from eventscope.analyze import PARSE_PIECE_CHARS, parse_in_pieces

        ours = [name for name in self.nlp.pipe_names if name.startswith("eventscope_")]
        short: list[Document] = []
        chars = 0
        for document in documents:
            size = len(document.text)
            if short and (size > PARSE_PIECE_CHARS or chars + size > self.batch_chars):
                yield from self.nlp.pipe(self._docs(short), batch_size=len(short))
                short, chars = [], 0
            if size <= PARSE_PIECE_CHARS:
                short.append(document)
                chars += size
                continue
            doc = parse_in_pieces(self.nlp, document.text, disable=ours, size=PARSE_PIECE_CHARS)
            doc._.document = document
            for name in ours:
                doc = self.nlp.get_pipe(name)(doc)
            yield doc
        if short:
            yield from self.nlp.pipe(self._docs(short), batch_size=len(short))

    def _docs(self, documents: Iterable[Document]):
        for document in documents:
            doc = self.nlp.make_doc(document.text)
            doc._.document = document
            yield doc


def process(documents: Iterable[Document], dictionaries: str | Path | None = None) -> list[DocumentResult]:
    """Pure stage function: Documents in, DocumentResults out (used by the Dask executor)."""
    return list(Processor(dictionaries).process(documents))


class InProcess:
    """The local executor: one Processor in this process, run when the batch is stored (so
    near-copies found then are never coded)."""

    depth = 0  # batches handed over ahead of the one being stored

    def __init__(self, dictionaries: str | Path | None = None, processor=None):
        self.dictionaries, self.processor = dictionaries, processor

    def submit(self, documents: list[Document]):
        return _Later(self, documents)

    def process(self, documents: list[Document]) -> list[DocumentResult]:
        self.processor = self.processor or Processor(self.dictionaries)
        return list(self.processor.process(documents))


@dataclass
class _Later:
    executor: InProcess
    documents: list[Document]

    def result(self, wanted: list[Document] | None = None) -> list[DocumentResult]:
        return self.executor.process(self.documents if wanted is None else wanted)


def as_executor(executor, dictionaries: str | Path | None = None):
    """``executor`` as something with ``submit(documents) -> handle`` and ``depth``: None is
    an InProcess Processor; an object with only ``process(documents)`` runs in-process; one
    with ``submit`` (scale.ProcessPool, scale.dask_run.DaskExecutor) gets the next batch while
    this process stores the previous one(s)."""
    if executor is None:
        return InProcess(dictionaries)
    if not hasattr(executor, "submit"):
        return InProcess(processor=executor)
    if not hasattr(executor, "depth"):
        executor.depth = 1
    return executor


def _results_of(handle, documents: list[Document]) -> list[DocumentResult]:
    """The results of ``documents`` (a subset, in order, of what ``handle`` was given)."""
    if handle is None:
        return []
    if isinstance(handle, _Later):
        return handle.result(documents) if documents else []
    wanted = {d.id for d in documents}
    return [r for r in handle.result() if r.document.id in wanted]


def run(paths: Iterable[str | Path], store, dictionaries: str | Path | None = None,
        batch_size: int | None = None, on_progress: Callable[[int, int], None] | None = None,
        english_only: bool = True, executor=None) -> RunReport:
    """Ingest, code and store everything under ``paths`` that the store does not have yet.

    Files already ingested (same path, size and mtime, or same content, and read with the
    same options) are not read again (store/inputs.py). ``executor`` replaces the in-process
    Processor (see `as_executor`); whoever calls `process`, batches are cut, stored and
    linked here, in input order, each in one transaction.
    """
    from eventscope import linking
    from eventscope.store.inputs import InputLog

    paths = [str(p) for p in paths]
    executor = as_executor(executor, dictionaries)
    batch_size = batch_size or (IN_PROCESS_BATCH if isinstance(executor, InProcess) else DEFAULT_BATCH)
    # a worker pool tells what its workers code with: asking it spares this process the imports
    config = executor.config if hasattr(executor, "config") else pipeline_config(dictionaries)
    report = RunReport(run_id=store.start_run(paths, config=config))
    if hasattr(executor, "begin"):
        executor.begin(report.run_id)  # e.g. Dask: partitions go under a folder named by the run
    inputs = InputLog(store, report.run_id)
    batcher = Batcher(store, inputs, report, batch_size)
    in_flight: deque = deque()

    def store_batch(batch: Batch, handle) -> None:
        with store.transaction():
            # Near-copies are sorted out now, against a store holding every earlier batch, so
            # the outcome is the sequential one whatever the executor.
            fresh = divert_copies(store, report, batch.documents) if batch.documents else []
            results = _results_of(handle, fresh)  # waited for even if all were copies
            added = store.write_results(results, run_id=report.run_id)
            if results:
                linking.link_batch(results, store)  # events, stories, briefs of the batch
            store.record_rejections(batch.rejections, report.run_id)
            inputs.commit(batch.files)
        report.documents_added += added
        report.events_added += sum(len(r.events) for r in results)
        if on_progress:
            on_progress(batch.n_read + len(batch.rejections), report.events_added)

    status = "failed"  # until the loop completes (an error)
    try:
        for batch in batcher.batches(inputs.iter_new(paths, english_only=english_only)):
            in_flight.append((batch, executor.submit(batch.documents) if batch.documents else None))
            while len(in_flight) > executor.depth:
                store_batch(*in_flight.popleft())
        while in_flight:
            store_batch(*in_flight.popleft())
        with store.transaction():
            linking.finish(store)  # briefs of stories that grew since their last one
        report.files_unchanged = inputs.unchanged
        status = "ok"
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM (the CLI turns SIGTERM into one)
        status = "interrupted"
        raise
    finally:
        for _, handle in in_flight:
            getattr(handle, "cancel", lambda: None)()
        store.finish_run(report.run_id, documents_added=report.documents_added,
                         documents_skipped=report.documents_skipped, events_added=report.events_added,
                         rejected=len(report.rejected), status=status)
    return report
