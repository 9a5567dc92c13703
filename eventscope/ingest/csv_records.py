"""CSV/TSV record files: the delimiter sniffed, each row numbered by its first physical line, and
a row with a broken quote rejected on its own rather than swallowing the rows after it."""

from __future__ import annotations

import csv
import io
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from eventscope.ingest.decoding import SNIFF_BYTES, looks_binary, printable_path, redecode, sniff_text_encoding
from eventscope.ingest.record_files import FIELD_NAMES, open_binary, record_suffix
from eventscope.models import Rejection

CSV_DELIMITERS = ",;\t|"
# Python's csv module refuses fields over 128 KiB by default; whole articles are longer.
# 2**31 - 1 rather than sys.maxsize, which overflows the C long on some platforms.
CSV_FIELD_LIMIT = 2**31 - 1


def csv_delimiter(path: Path, sample: str) -> str:
    if record_suffix(path) == ".tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(sample[:SNIFF_BYTES], delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


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


def csv_records(path: Path) -> Iterator[tuple[str, dict] | Rejection]:
    """Rows of a CSV file. A row whose quote is never closed (or closed in the middle of a
    field) is rejected on its own: strict parsing notices it, and reading starts again on
    the row's second line, so the rows it would have swallowed still come through."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    name = printable_path(path)
    with open_binary(path) as fh:
        sample = fh.read(SNIFF_BYTES)
    if looks_binary(sample):
        yield Rejection(name, "binary file")
        return
    encoding = sniff_text_encoding(sample)
    delimiter = csv_delimiter(path, sample.decode(encoding, errors="replace"))
    # Bytes that are not in the file's encoding are kept (surrogateescape) and decoded per
    # cell by `redecode`, rather than replaced: a Latin-1 byte late in a UTF-8 file.
    errors = "replace" if encoding.startswith("utf-16") else "surrogateescape"
    with io.TextIOWrapper(open_binary(path), encoding=encoding, errors=errors, newline="") as fh:
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
