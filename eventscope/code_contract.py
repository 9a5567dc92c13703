"""The `eventscope code` contract (../shared/eval/FORMAT.md): records or articles in, one line of
events per input, in input order. It codes with the same Processor as `run` but stores nothing,
so it lives beside the pipeline rather than in it.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Iterable, Iterator

from eventscope.knowledge import dictionary_source
from eventscope.knowledge.actor_files import contract_country
from eventscope.models import Document
from eventscope.pipeline import DEFAULT_BATCH, Processor


def code_records(records: Iterable[dict], dictionaries: str | Path | None = None,
                 batch_size: int = DEFAULT_BATCH) -> Iterator[dict]:
    """The `eventscope code` contract: one {"id", "events"} per input record, in input order."""
    from eventscope.ingest import document_from_record
    from eventscope.ingest.offsets import original_offsets, original_span

    from eventscope.api import default_processor  # one pipeline per process, shared with eventscope.code

    processor = default_processor(dictionary_source(dictionaries))
    given: deque[tuple[object, Document | None]] = deque()  # each record's own text, in input order

    def documents() -> Iterator[tuple[str, Document | None]]:
        for record in records:
            doc = document_from_record(record, origin=str(record.get("id", "")), english_only=False) \
                if record.get("text") else None
            doc = doc if isinstance(doc, Document) else None
            given.append((record.get("text"), doc))
            yield str(record.get("id", "")), doc

    for line in _coded(processor, documents(), batch_size):
        text, doc = given.popleft()
        if doc is not None and isinstance(text, str) and text != doc.text:
            mapping = original_offsets(text, doc.text)  # spans index the record's text, not ingest's
            for event in line["events"]:
                event["span"] = original_span(mapping, doc.text, event["span"])
        yield line


def code_documents(documents: list[Document], dictionaries: str | Path | None = None,
                   batch_size: int = DEFAULT_BATCH) -> Iterator[dict]:
    """`eventscope code` on articles (text or HTML files read by ingest): one {"id", "title",
    "date", "source", "events"} per Document, in input order. The id is the file the article
    came from, so an analyst can find it again; title, date and outlet are what ingest found."""
    from eventscope.api import default_processor

    processor = default_processor(dictionary_source(dictionaries))
    lines = _coded(processor, ((doc.external_id or doc.origin, doc) for doc in documents), batch_size)
    for doc, line in zip(documents, lines):
        yield {"id": line["id"], "title": doc.title, "date": doc.date, "source": doc.source,
               "events": line["events"]}


def _coded(processor: Processor, pairs: Iterable[tuple[str, Document | None]],
           batch_size: int) -> Iterator[dict]:
    """{"id", "events"} of each (id, Document or None) pair, coded `batch_size` at a time."""
    pending = []
    for pair in pairs:
        pending.append(pair)
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
        yield {"id": rec_id, "events": [e.to_contract(contract_country) for e in result.events]}
