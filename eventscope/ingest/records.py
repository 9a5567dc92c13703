"""Records: JSON Lines, CSV/TSV and Parquet files with one article per line / row; JSONL and
CSV/TSV may be gzip-compressed (``.jsonl.gz``), and a CSV's delimiter (``,`` ``;`` tab ``|``)
is sniffed from its first lines.

Columns: ``id`` and ``text``, optionally ``title``, ``date``, ``url``, ``source`` (a few
common synonyms such as ``body`` or ``headline`` are accepted). Each bad line becomes a
Rejection naming ``path:line``; the rest of the file still comes through.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from eventscope.ingest.assemble import DEFAULT_MAX_CHARS, assemble_document, too_large
from eventscope.ingest.boilerplate import is_boilerplate
from eventscope.ingest.dates import normalise_date
from eventscope.ingest.decoding import (SNIFF_BYTES, decode_bytes, looks_binary, printable_path, redecode,
                                       sniff_text_encoding, utf16_encoding)
from eventscope.ingest.normalise import clean_chars, join_paragraphs, normalise_spaces, paragraphs_from_lines
from eventscope.models import Document, Rejection

RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet"}
CSV_DELIMITERS = ",;\t|"
# Field name -> accepted column names (matched ignoring case), in order of preference.
FIELD_NAMES = {
    "id": ("id", "doc_id", "article_id"),
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "pubdate"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher"),
}
# Python's csv module refuses fields over 128 KiB by default; whole articles are longer.
# 2**31 - 1 rather than sys.maxsize, which overflows the C long on some platforms.
CSV_FIELD_LIMIT = 2**31 - 1
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


def record_suffix(path: Path) -> str:
    """The suffix that says how to read a file: ".jsonl" for "a.jsonl.gz" (gzip is undone first)."""
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return suffixes[-2]
    return path.suffix.lower()


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def _delimiter(path: Path, sample: str) -> str:
    if record_suffix(path) == ".tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(sample[:SNIFF_BYTES], delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


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
    with _open_binary(path) as fh:
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


class _NumberedLines:
    """The physical lines of a text file for csv.reader, numbered, with the lines of the row
    being read kept so that a broken row can be given back all but its first line."""

    def __init__(self, fh):
        self.fh, self.pending, self.number, self.taken = fh, deque(), 0, []

    def __iter__(self) -> _NumberedLines:
        return self

    def __next__(self) -> str:
        line = self.pending.popleft() if self.pending else next(self.fh)
        self.number += 1
        self.taken.append(line)
        return line

    def start_row(self) -> int:
        self.taken = []
        return self.number + 1

    def give_back_all_but_first(self) -> None:
        rest, self.taken = self.taken[1:], []
        self.number -= len(rest)
        self.pending.extendleft(reversed(rest))


def _csv_records(path: Path) -> Iterator[tuple[str, dict] | Rejection]:
    """Rows of a CSV file. A row whose quote is never closed (or closed in the middle of a
    field) is rejected on its own: strict parsing notices it, and reading starts again on
    the row's second line, so the rows it would have swallowed still come through."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    name = printable_path(path)
    with _open_binary(path) as fh:
        sample = fh.read(SNIFF_BYTES)
    if looks_binary(sample):
        yield Rejection(name, "binary file")
        return
    encoding = sniff_text_encoding(sample)
    delimiter = _delimiter(path, sample.decode(encoding, errors="replace"))
    # Bytes that are not in the file's encoding are kept (surrogateescape) and decoded per
    # cell by `redecode`, rather than replaced: a Latin-1 byte late in a UTF-8 file.
    errors = "replace" if encoding.startswith("utf-16") else "surrogateescape"
    with io.TextIOWrapper(_open_binary(path), encoding=encoding, errors=errors, newline="") as fh:
        lines = _NumberedLines(fh)
        reader = csv.reader(lines, strict=True, delimiter=delimiter)
        try:
            header = [redecode(str(cell)).strip().lstrip("\ufeff") for cell in next(reader)]
        except StopIteration:
            yield Rejection(name, "empty file")
            return
        except csv.Error as exc:
            yield Rejection(f"{name}:1", f"malformed CSV header ({exc})")
            return
        if not {cell.lower() for cell in header} & set(FIELD_NAMES["text"]):
            # a table of something else (a folder's SOURCES.tsv): one line for the file, not one per row
            yield Rejection(name, f"no text column (columns: {', '.join(header)[:200]})")
            return
        while True:
            start = lines.start_row()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Rejection(f"{name}:{start}", _csv_problem(exc))
                lines.give_back_all_but_first()
                reader = csv.reader(lines, strict=True, delimiter=delimiter)
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                yield Rejection(f"{name}:{start}", f"row has {len(row)} fields, header has {len(header)}")
                continue
            yield f"{name}:{start}", dict(zip(header, (redecode(cell) for cell in row)))


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    if "expected after" in text or "end of data" in text:
        return f"malformed CSV: a quote is not closed where its field ends ({text})"
    return f"malformed CSV ({text})"


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
        yield from (_jsonl_records(path) if kind == "jsonl" else _csv_records(path))
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
    with _open_binary(path) as fh:
        if kind == "jsonl":
            return sum(1 for line in fh if line.strip())
        sample = fh.read(SNIFF_BYTES)
    encoding = sniff_text_encoding(sample)
    delimiter = _delimiter(path, sample.decode(encoding, errors="replace"))
    with io.TextIOWrapper(_open_binary(path), encoding=encoding, errors="replace", newline="") as fh:
        rows = sum(1 for row in csv.reader(fh, delimiter=delimiter) if any(cell.strip() for cell in row))
    return max(rows - 1, 0)


def read_records(path: str | Path) -> Iterator[dict | Rejection]:
    """The records of a .jsonl/.csv file as dicts, with a Rejection for each malformed line."""
    for item in read_numbered_records(path):
        yield item if isinstance(item, Rejection) else item[1]
