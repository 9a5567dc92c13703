"""What a parse holds at once (issue 17: peak RSS flat from 400 to 4,000 documents): spaCy
parses a minibatch's documents together and holds their activations until the minibatch is
done, so a minibatch is bounded by characters, not by a count of documents of any length."""

from __future__ import annotations

import tracemalloc

from eventscope.models import Document, content_id

PLACES = ["Lakeport", "Brandton", "Eastwick", "Marlow Heights", "Ostend Falls", "Quarry Bay"]


def _documents(n: int) -> list[Document]:
    out = []
    for i in range(n):
        town = PLACES[i % len(PLACES)]
        text = (f"Protesters gathered outside the town hall in {town} on Monday, demanding the release of "
                f"{i + 3} detained students. Police arrested the organisers after a march through the "
                "market square, and the mayor promised to meet the families on Friday.")
        out.append(Document(id=content_id(text, None), text=text, date="2001-10-02", origin="test"))
    return out


def _events(results) -> list[tuple]:
    return [(r.document.id, e.cameo, e.plover, e.sentence, tuple(a.name for a in e.source),
             tuple(a.name for a in e.target)) for r in results for e in r.events]


def test_a_parse_minibatch_holds_at_most_its_characters(processor, monkeypatch):
    documents = _documents(5)
    size = len(documents[0].text)
    seen: list[list[int]] = []
    pipe = processor.nlp.pipe

    def spy(docs, *args, **kwargs):
        docs = list(docs)
        seen.append([len(d.text) for d in docs])
        return pipe(docs, *args, **kwargs)

    monkeypatch.setattr(processor.nlp, "pipe", spy)
    monkeypatch.setattr(processor, "batch_chars", 2 * size + size // 2)
    list(processor.process(documents))
    assert [len(batch) for batch in seen] == [2, 2, 1]
    assert all(sum(batch) <= processor.batch_chars for batch in seen)


def test_a_longer_document_is_parsed_alone(processor, monkeypatch):
    documents = _documents(3)
    seen: list[int] = []
    pipe = processor.nlp.pipe
    monkeypatch.setattr(processor.nlp, "pipe", lambda docs, *a, **k: pipe(_count(docs, seen), *a, **k))
    monkeypatch.setattr(processor, "batch_chars", len(documents[0].text) // 2)
    list(processor.process(documents))
    assert seen == [1, 1, 1]


def _count(docs, seen: list[int]):
    docs = list(docs)
    seen.append(len(docs))
    return docs


def test_the_events_do_not_depend_on_the_minibatches(processor, monkeypatch):
    documents = _documents(6)
    monkeypatch.setattr(processor, "batch_chars", 10**9)  # one minibatch
    together = _events(processor.process(documents))
    monkeypatch.setattr(processor, "batch_chars", 1)  # one document each
    alone = _events(processor.process(documents))
    assert together and together == alone


def test_what_a_parse_holds_does_not_grow_with_the_documents_of_a_call(processor, monkeypatch):
    monkeypatch.setattr(processor, "batch_chars", 3 * len(_documents(1)[0].text))
    list(processor.process(_documents(3)))  # warm: caches, lazily loaded data

    def peak(n: int) -> int:
        documents = _documents(n)
        tracemalloc.start()
        try:
            list(processor.process(documents))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    # 24 documents parsed together held ~8x what 3 did (activations of every document at once)
    assert peak(24) < 1.5 * peak(3), (peak(3), peak(24))
