"""Walk the inputs the user named and turn every file into Documents or Rejections."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventscope.ingest.assemble import DEFAULT_MAX_CHARS
from eventscope.ingest.decoding import decode_bytes, printable_path
from eventscope.ingest.html_page import MARKUP_ALLOWANCE, document_from_html
from eventscope.ingest.records import RECORD_SUFFIXES, document_from_record, read_numbered_records, record_suffix
from eventscope.ingest.sidecar import apply_sidecar, is_sidecar, read_sidecar
from eventscope.ingest.text import document_from_text
from eventscope.models import Document, Rejection

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | frozenset(RECORD_SUFFIXES)
# A .txt that is really a saved web page starts like one.
_HTML_STARTS = ("<!doctype html", "<html")


def walk_files(root: Path) -> Iterator[Path | Rejection]:
    """Files under ``root`` in a fixed order (sorted by name at every level), and a Rejection
    for what cannot be read as one: an unreadable folder, a link loop, a dangling link, a
    FIFO, socket or device (never opened: reading a FIFO would wait forever).

    Hidden files and folders (".git", ".DS_Store") and metadata sidecars (read with their
    article) are skipped; symlinked folders are not followed, so a link loop cannot trap the walk.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(printable_path(root), f"unreadable folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(Path(entry.path))
            continue
        path = Path(entry.path)
        problem = not_a_file(path)
        if problem == "folder":
            continue  # a symlinked folder: not followed
        if problem:
            yield Rejection(printable_path(path), problem)
        elif not is_sidecar(Path(entry.name)):
            yield path


def not_a_file(path: Path) -> str | None:
    """Why ``path`` is not a regular file to read ("folder" for a folder), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "dangling symbolic link (its target is missing)" if path.is_symlink() else \
                "no such file or directory"
        return f"unreadable ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    kind = "FIFO (named pipe)" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({kind})"


def _read_file(path: Path, max_bytes: int, max_chars: int) -> str | Rejection:
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # never read more than the limit into memory
    except OSError as exc:
        return Rejection(printable_path(path), f"unreadable ({exc.strerror or exc})")
    if len(data) > max_bytes:
        return Rejection(printable_path(path), f"document too large (over {max_bytes} bytes; limit {max_chars} chars)")
    if not data.strip():
        return Rejection(printable_path(path), "empty file")
    decoded = decode_bytes(data)
    if decoded.text is None:
        return Rejection(printable_path(path), decoded.problem)
    return decoded.text


def documents_from_file(
    path: Path, *, english_only: bool = True, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Document | Rejection]:
    """Every Document (or Rejection) one file holds."""
    suffix = path.suffix.lower()
    origin = printable_path(path)
    if record_suffix(path) in RECORD_SUFFIXES:
        for item in read_numbered_records(path):
            if isinstance(item, Rejection):
                yield item
            else:
                line_origin, record = item
                yield document_from_record(record, line_origin, english_only=english_only,
                                           max_chars=max_chars)
        return
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        yield Rejection(origin, f"unsupported file type {suffix or '(no extension)'}")
        return
    # Up to 4 bytes a character in UTF-8; HTML also carries markup.
    max_bytes = max_chars * 4 * (MARKUP_ALLOWANCE if suffix in HTML_SUFFIXES else 1)
    raw = _read_file(path, max_bytes, max_chars)
    if isinstance(raw, Rejection):
        yield raw
        return
    if suffix in HTML_SUFFIXES or raw.lstrip()[:20].lower().startswith(_HTML_STARTS):
        document = document_from_html(raw, origin, english_only=english_only, max_chars=max_chars)
    else:
        document = document_from_text(raw, origin, english_only=english_only, max_chars=max_chars)
    meta = read_sidecar(path)
    if isinstance(meta, Rejection):
        yield meta  # the article still goes through, with what ingest found by itself
    elif meta and isinstance(document, Document):
        document = apply_sidecar(document, meta)
    yield document


def files_under(paths: Iterable[str | Path]) -> Iterator[Path | Rejection]:
    """Every file the user named or that lies under a named folder (sorted order), or a
    Rejection for a named path that is missing or not a regular file."""
    for given in paths:
        path = Path(given)
        problem = not_a_file(path)
        if problem == "folder":
            yield from walk_files(path)
        elif problem:
            yield Rejection(printable_path(path), problem)
        else:
            yield path


def iter_inputs(
    paths: Iterable[str | Path], *, english_only: bool = True, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Document | Rejection]:
    """Documents from files and folders (recursed in sorted order); Rejections for bad input.

    Never raises for bad input: a missing path, an unreadable, binary or empty file, or a
    malformed record each become a Rejection naming where it came from and why.
    """
    for file in files_under(paths):
        if isinstance(file, Rejection):
            yield file
        else:
            yield from documents_from_file(file, english_only=english_only, max_chars=max_chars)
