"""The Python API: `eventscope.code(...)` codes texts or records in a notebook and returns the events
with the same columns as `eventscope export` (default profile, or a GDELT/ICEWS/POLECAT one).

It runs the pipeline `eventscope run` runs (ingest of records, analysis, actors, coding, linking
within the batch) into an in-memory database and exports from it, so the columns, types and
meanings are the export's by construction (store/SCHEMA.md, "Exports").
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Literal, Mapping

import pyarrow as pa

from eventscope.models import Document

if TYPE_CHECKING:  # pragma: no cover
    from eventscope.pipeline import Processor

Output = Literal["pandas", "polars", "arrow"]


@lru_cache(maxsize=4)
def default_processor(dictionaries: str | None = None) -> Processor:
    """The spaCy pipeline and coder, built once per process (and per dictionary source,
    `knowledge.dictionary_source`)."""
    from eventscope.pipeline import Processor

    return Processor(dictionaries)


def _documents(inputs: str | Iterable[str | Mapping[str, Any]]) -> list[Document]:
    from eventscope.ingest import document_from_record

    if isinstance(inputs, (str, Mapping)):
        inputs = [inputs]
    documents, seen = [], set()
    for n, item in enumerate(inputs):
        record = {"id": str(n), "text": item} if isinstance(item, str) else dict(item)
        origin = f"record {n}" + (f" (id {record['id']})" if record.get("id") not in (None, str(n)) else "")
        doc = document_from_record(record, origin=origin, english_only=False)
        if not isinstance(doc, Document):
            warnings.warn(f"eventscope.code: {doc.origin}: {doc.reason}", stacklevel=3)
        elif doc.id not in seen:  # the same article twice is one document, as in `eventscope run`
            seen.add(doc.id)
            documents.append(doc)
    return documents


def code(inputs: str | Iterable[str | Mapping[str, Any]], *, profile: str = "eventscope",
         dictionaries: str | Path | list[str | Path] | None = None, output: Output = "pandas",
         link: bool = True) -> Any:
    """Code news texts into political events (CAMEO + PLOVER), one row per event.

    inputs: a text, a list of texts, or records (dicts) with ``text`` and optionally ``id``,
        ``title``, ``date`` (the publication date: relative dates such as "on Monday" are
        resolved against it), ``url``, ``source``. A record that cannot be read (no text, ...)
        is skipped with a warning naming it.
    profile: ``"eventscope"`` (our columns), ``"gdelt"``, ``"icews"`` or ``"polecat"``; see
        docs/export_profiles.md.
    dictionaries: a folder or file of user actor/verb dictionaries, or a list of them (as
        ``--dictionaries``, repeatable).
    output: ``"pandas"`` (a DataFrame; needs pandas), ``"polars"`` (needs polars) or
        ``"arrow"`` (a ``pyarrow.Table``, no extra package).
    link: link mentions of one real-world event across the given texts (fills
        ``linked_event_id``, ``n_mentions``, ``n_sources``).

    The columns are those of ``eventscope export``: ``doc_external_id`` is the record's ``id``
    (or the text's position in the list), ``doc_id`` the content hash.
    """
    from eventscope import linking
    from eventscope.export import to_arrow
    from eventscope.store import Store

    if output not in ("pandas", "polars", "arrow"):
        raise ValueError(f"output must be 'pandas', 'polars' or 'arrow', not {output!r}")
    documents = _documents(inputs)
    from eventscope.knowledge import dictionary_source

    processor = default_processor(dictionary_source(dictionaries))
    with Store(":memory:") as store:
        results = list(processor.process(documents)) if documents else []
        store.write_results(results)
        if link and results:
            linking.link_batch(results, store)
        table = to_arrow(store.con, profile=profile)
    return _as(table, output)


def _as(table: pa.Table, output: Output) -> Any:
    if output == "arrow":
        return table
    try:
        if output == "polars":
            import polars as pl

            return pl.from_arrow(table)
        import pandas  # noqa: F401
    except ImportError as err:
        raise ImportError(f"eventscope.code(output={output!r}) needs {err.name}: pip install {err.name}, "
                          "or pass output='arrow' for a pyarrow.Table") from None
    return table.to_pandas()
