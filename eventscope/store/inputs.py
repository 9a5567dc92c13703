"""Which input files a database has already ingested: the basis of incremental runs.

Every file a run finishes reading is recorded in ``input_files`` with its size, mtime and
content hash. The next run over the same folder skips a file whose size and mtime are
unchanged without opening it; a file whose stat changed is hashed, and skipped too if its
content did not. Only new or changed files are ingested (and documents already stored are
still skipped by id, so an appended-to JSONL file adds only its new lines).

A file is recorded only after every document it yielded has been committed (`commit` is
called after each batch is written), so a run killed mid-file re-reads that file next time.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import duckdb

from eventscope.ingest.assemble import DEFAULT_MAX_CHARS
# No module-level name here may equal a table name: DuckDB's replacement scan would read a
# Python object called `input_files` instead of the table.
from eventscope.ingest.decoding import printable_path
from eventscope.ingest.files import documents_from_file, files_under, walk_files
from eventscope.models import Document, Rejection
from eventscope.store.bulk import insert_columns

HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileState:
    path: str
    size: int
    mtime_ns: int
    sha1: str
    rejected: int = 0  # rejections the file gave when read (records, or the file itself)
    options: str = ""  # the reading options it was read with (`reading_options`)


UNCHANGED = FileState("", 0, 0, "")  # _is_unchanged: skip the file, and nothing new to record


def reading_options(english_only: bool, max_chars: int) -> str:
    """What decides whether an input is rejected: a file that gave rejections is read again
    when these change (e.g. non-English files, later read with --all-languages)."""
    return f"english_only={english_only};max_chars={max_chars}"


_STATE_COLUMNS = "path, size, mtime_ns, sha1, coalesce(rejected, 0), coalesce(options, '')"  # a FileState


def _key(*parts) -> int:
    """An 8-byte hash of a recorded file's path (and state): what InputLog keeps of it."""
    text = "\x00".join(map(str, parts)).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "little")


def _skip_key(path: str, size: int, mtime_ns: int, rejected: int, options: str) -> int:
    """What a file's recorded state says about skipping it unread: the same size and mtime
    suffice, except that a file that gave rejections is read again under other options."""
    return _key(path, size, mtime_ns, f"rejected:{options}" if rejected else "read")


def file_sha1(path: Path) -> str:
    digest = hashlib.sha1()
    with path.open("rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class InputLog:
    """The ``input_files`` table of one store, read once per run."""

    def __init__(self, store, run_id: str | None = None):
        self.store = store
        self.run_id = run_id
        store.con.execute(resources.files("eventscope.store").joinpath("inputs.sql").read_text("utf-8"))
        # What is kept of each recorded file is two 8-byte hashes, not its row (a FileState with
        # its strings is ~400 bytes: 1.3 MB at 3,600 files, growing with the run): of its path,
        # and of the state that lets the next look skip it unread (`_skip_key`); only a file
        # whose stat or reading options changed has its row read back from the table.
        self._states: dict[int, int] = {}
        for state in store.con.execute(f"SELECT {_STATE_COLUMNS} FROM input_files").fetchall():
            self._remember(FileState(*state))
        self.finished: list[FileState] = []  # read to the end, waiting for their documents' commit
        self.unchanged = 0  # files skipped this run

    def _remember(self, state: FileState) -> None:
        self._states[_key(state.path)] = _skip_key(state.path, state.size, state.mtime_ns, state.rejected, state.options)

    def _recorded(self, path: str) -> FileState | None:
        """The row of `path` in input_files."""
        row = self.store.con.execute(f"SELECT {_STATE_COLUMNS} FROM input_files WHERE path = ?", [path]).fetchone()
        return FileState(*row) if row else None

    def _is_unchanged(self, path: Path, stat: os.stat_result, options: str) -> FileState | None:
        """None when the file must be ingested; else its new state (to record if only stat moved).
        A file that gave rejections counts as changed when read with other options."""
        key = printable_path(path)
        kept = self._states.get(_key(key))
        if kept is None:
            return None
        if kept in (_skip_key(key, stat.st_size, stat.st_mtime_ns, 0, options),
                    _skip_key(key, stat.st_size, stat.st_mtime_ns, 1, options)):
            return UNCHANGED  # the same size and mtime, and not a file to read again with these options
        before = self._recorded(key)
        if before is None or (before.rejected and before.options != options):
            return None
        if before.size == stat.st_size and before.mtime_ns == stat.st_mtime_ns:
            return UNCHANGED
        try:
            sha1 = file_sha1(path)
        except OSError:
            return None  # let ingest report why it cannot be read
        return FileState(key, stat.st_size, stat.st_mtime_ns, sha1, before.rejected, before.options) \
            if sha1 == before.sha1 else None

    def iter_new(self, paths: Iterable[str | Path], *, english_only: bool = True,
                 max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | Rejection]:
        """Documents and Rejections of the files under ``paths`` not ingested before."""
        for file in files_under(paths):
            if isinstance(file, Rejection):
                yield file
            else:
                yield from self._ingest_file(file, english_only=english_only, max_chars=max_chars)

    def _ingest_file(self, file: Path, **options) -> Iterator[Document | Rejection]:
        absolute = file.resolve()
        read_with = reading_options(**options)
        try:
            stat = absolute.stat()
        except OSError:
            stat = None
        if stat is not None:
            same = self._is_unchanged(absolute, stat, read_with)
            if same is not None:
                self.unchanged += 1
                if same is not UNCHANGED:
                    self.finished.append(same)  # touched, not changed: remember the new stat
                return
        rejected = 0
        for item in documents_from_file(file, **options):
            rejected += isinstance(item, Rejection)
            yield item
        if stat is None:
            return
        try:
            sha1 = file_sha1(absolute)
            after = absolute.stat()
        except OSError:
            return
        if (after.st_size, after.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns):  # not written meanwhile
            self.finished.append(FileState(printable_path(absolute), stat.st_size, stat.st_mtime_ns, sha1,
                                           rejected, read_with))

    def take_finished(self) -> list[FileState]:
        """Hand over the files finished so far (for a runner that commits them later)."""
        finished, self.finished = self.finished, []
        return finished

    def commit(self, finished: list[FileState] | None = None) -> None:
        """Record ``finished`` (default: the files finished so far) once their documents
        are in the store."""
        finished = self.take_finished() if finished is None else finished
        if not finished:
            return
        states = list({s.path: s for s in finished}.values())
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        insert_columns(self.store.con, "input_files", {
            "path": [s.path for s in states], "size": [s.size for s in states],
            "mtime_ns": [s.mtime_ns for s in states], "sha1": [s.sha1 for s in states],
            "run_id": [self.run_id] * len(states), "seen_at": [now] * len(states),
            "rejected": [s.rejected for s in states], "options": [s.options for s in states],
        }, verb="INSERT OR REPLACE")
        for state in states:
            self._remember(state)


def changed_files(store, paths: Iterable[str | Path], options: str | None = None) -> list[Path]:
    """Files under ``paths`` whose size or mtime differ from what ``store`` recorded (by stat
    alone, nothing is read), or that gave rejections when read with other ``options``: what
    the next run will look at. Used for progress and --watch."""
    known = {}
    try:
        if store is not None:  # None: no database yet
            rows = store.con.execute("SELECT path, size, mtime_ns, coalesce(rejected, 0), coalesce(options, '') "
                                     "FROM input_files").fetchall()
            known = {row[0]: (row[1], row[2]) if not row[3] or options in (None, row[4]) else None for row in rows}
    except duckdb.CatalogException:  # no input_files table yet: every file is new
        pass
    except duckdb.BinderException:  # a store from before `rejected`/`options`, opened read-only
        known = {row[0]: (row[1], row[2]) for row in
                 store.con.execute("SELECT path, size, mtime_ns FROM input_files").fetchall()}
    out = []
    for given in paths:
        path = Path(given)
        files = walk_files(path) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            if isinstance(file, Rejection):
                continue  # a link loop, a FIFO...: named by the run, not a change to act on
            try:
                stat = file.resolve().stat()
            except OSError:
                out.append(file)
                continue
            if known.get(printable_path(file.resolve())) != (stat.st_size, stat.st_mtime_ns):
                out.append(file)
    return out
