"""Records: JSON Lines, CSV/TSV and Parquet files with one article per line / row; JSONL and
CSV/TSV may be gzip-compressed (``.jsonl.gz``), and a CSV's delimiter (``,`` ``;`` tab ``|``)
is sniffed from its first lines.

Columns: ``id`` and ``text``, optionally ``title``, ``date``, ``url``, ``source`` (a few
common synonyms such as ``body`` or ``headline`` are accepted). Each bad line becomes a
Rejection naming ``path:line``; the rest of the file still comes through.
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from eventscope.ingest.assemble import DEFAULT_MAX_CHARS, assemble_document, too_large
from eventscope.ingest.boilerplate import is_boilerplate
from eventscope.ingest.dates import normalise_date
from eventscope.ingest.csv_records import csv_delimiter, csv_records
from eventscope.ingest.decoding import (SNIFF_BYTES, decode_bytes, looks_binary, printable_path,
                                       sniff_text_encoding, utf16_encoding)
from eventscope.ingest.normalise import clean_chars, join_paragraphs, normalise_spaces, paragraphs_from_lines
from eventscope.ingest.record_files import FIELD_NAMES, RECORD_SUFFIXES, open_binary, record_suffix  # noqa: F401  (callers import them from here)
from eventscope.models import Document, Rejection

# A JSONL line longer than this cannot hold a document of DEFAULT_MAX_CHARS (4 bytes a
# character at most, plus the other fields and JSON escapes): rejected unread.
MAX_RECORD_BYTES = DEFAULT_MAX_CHARS * 6 + 65536


def record_field(rec: dict, name: str) -> object:
    """The value of a standard field, under its own name or a synonym, ignoring case."""
    lowered = {str(k).strip().lower(): v for k, v in rec.items()}
    for key in FIELD_NAMES[name]:
        if lowered.get(key) is not None:
            return lowered[key]
    return None


def _scalar_text(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        text = normalise_spaces(str(value))
        return text or None
    return None


def _clean_record_text(text: str) -> str:
    lines = clean_chars(text).split("\n")
    # A one-line record is what the user wants coded, even if it reads like chrome.
    if sum(1 for line in lines if line.strip()) > 1:
        lines = [line for line in lines if not is_boilerplate(line)]
    return join_paragraphs(paragraphs_from_lines(lines))


def document_from_record(
    rec: dict, origin: str, *, english_only: bool = True, max_chars: int = DEFAULT_MAX_CHARS
) -> Document | Rejection:
    """A record (``id``, ``text``, optional ``title``/``date``/``url``/``source``) as a Document."""
    if not isinstance(rec, dict):
        return Rejection(origin, f"not a record (got {type(rec).__name__})")
    try:
        text = record_field(rec, "text")
        if text is None:
            return Rejection(origin, "missing 'text' field")
        if not isinstance(text, str):
            return Rejection(origin, f"'text' is not a string (got {type(text).__name__})")
        if len(text) > max_chars:
            return too_large(origin, len(text), max_chars)
        body = _clean_record_text(text)
        if not body:
            return Rejection(origin, "empty 'text' field")
        return assemble_document(
            body, origin, title=_scalar_text(record_field(rec, "title")),
            date=normalise_date(record_field(rec, "date")),
            source=_scalar_text(record_field(rec, "source")),
            url=_scalar_text(record_field(rec, "url")),
            external_id=_scalar_text(record_field(rec, "id")),
            english_only=english_only, max_chars=max_chars,
        )
    except Exception as exc:  # a bug on an odd record must not stop a batch: report it instead
        return Rejection(origin, f"could not read record ({type(exc).__name__}: {exc})")


def _lines(fh, max_bytes: int) -> Iterator[bytes | None]:
    """The file's lines; None for a line longer than ``max_bytes``, which is skipped without
    ever being held in memory whole (a 1 GB one-line file costs ``max_bytes``)."""
    while raw := fh.readline(max_bytes + 1):
        if len(raw) <= max_bytes or raw.endswith(b"\n"):
            yield raw
            continue
        while (rest := fh.readline(SNIFF_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def _utf16_lines(fh, encoding: str, max_bytes: int) -> Iterator[bytes | None]:
    """`_lines` of a UTF-16 file, each line as UTF-8 bytes (a UTF-16 newline is two bytes,
    so the file cannot be split on b"\\n")."""
    text = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline="")
    limit = max_bytes // 2
    while line := text.readline(limit + 1):
        if len(line) <= limit or line.endswith("\n"):
            yield line.encode("utf-8")
            continue
        while (rest := text.readline(SNIFF_BYTES)) and not rest.endswith("\n"):
            pass
        yield None


def _jsonl_records(path: Path) -> Iterator[tuple[str, dict] | Rejection]:
    name = printable_path(path)
    with open_binary(path) as fh:
        sample = fh.read(SNIFF_BYTES)
        if looks_binary(sample):
            yield Rejection(name, "binary file")
            return
        fh.seek(0)
        utf16 = utf16_encoding(sample)
        lines = _utf16_lines(fh, utf16, MAX_RECORD_BYTES) if utf16 else _lines(fh, MAX_RECORD_BYTES)
        for number, raw in enumerate(lines, start=1):
            origin = f"{name}:{number}"
            if raw is None:
                yield Rejection(origin, f"document too large (record line over {MAX_RECORD_BYTES} bytes)")
                continue
            if not raw.strip():
                continue
            decoded = decode_bytes(raw)
            if decoded.text is None:
                yield Rejection(origin, decoded.problem.replace("file", "data"))
                continue
            try:
                value = json.loads(decoded.text.strip())
            except (ValueError, RecursionError) as exc:
                yield Rejection(origin, f"malformed JSON ({exc})")
                continue
            if not isinstance(value, dict):
                yield Rejection(origin, f"not a JSON object (got {type(value).__name__})")
                continue
            yield origin, value


def read_numbered_records(path: str | Path) -> Iterator[tuple[str, dict] | Rejection]:
    """(origin "path:line", record) for each good line of a .jsonl/.csv/.tsv/.parquet file (JSONL
    and CSV/TSV also gzip-compressed); Rejections for bad ones."""
    path = Path(path)
    kind = RECORD_SUFFIXES.get(record_suffix(path))
    if kind is None or (kind == "parquet" and path.suffix.lower() == ".gz"):
        yield Rejection(printable_path(path), f"unsupported record file type {''.join(path.suffixes) or '(none)'}")
        return
    if kind == "parquet":
        from eventscope.ingest.parquet_records import parquet_records

        yield from parquet_records(path)
        return
    try:
        yield from (_jsonl_records(path) if kind == "jsonl" else csv_records(path))
    except (OSError, EOFError, zlib.error) as exc:  # gzip: not gzip data, cut short or corrupt
        yield Rejection(printable_path(path), f"unreadable ({getattr(exc, 'strerror', None) or exc})")


def count_records(path: str | Path) -> int:
    """About how many records a record file holds, cheaply (for a progress bar): non-blank lines
    of JSONL, rows of CSV/TSV less the header, rows in a Parquet file's metadata."""
    path = Path(path)
    kind = RECORD_SUFFIXES.get(record_suffix(path))
    if kind == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    with open_binary(path) as fh:
        if kind == "jsonl":
            return sum(1 for line in fh if line.strip())
        sample = fh.read(SNIFF_BYTES)
    encoding = sniff_text_encoding(sample)
    delimiter = csv_delimiter(path, sample.decode(encoding, errors="replace"))
    with io.TextIOWrapper(open_binary(path), encoding=encoding, errors="replace", newline="") as fh:
        rows = sum(1 for row in csv.reader(fh, delimiter=delimiter) if any(cell.strip() for cell in row))
    return max(rows - 1, 0)


def read_records(path: str | Path) -> Iterator[dict | Rejection]:
    """The records of a .jsonl/.csv file as dicts, with a Rejection for each malformed line."""
    for item in read_numbered_records(path):
        yield item if isinstance(item, Rejection) else item[1]
