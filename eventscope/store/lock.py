"""Sharing one database file between a writer (`eventscope run`) and readers (`serve`, exports).

DuckDB lets a file be open by one writing process or by reading processes, never both, and it
does not wait: an open that meets another process's lock fails at once. So:

* A writer waits for the file, retrying with back-off for a bounded time (``wait`` seconds),
  and then gives up with `DatabaseBusy` naming the process that holds it.
* While a writer waits or writes it leaves a marker file (``<db>.writer``, holding its PID)
  beside the database. Readers that see a live writer's marker do not open the file at all
  (the web app answers 503 at once), so a steady stream of requests cannot keep a run out;
  the writer only has to outwait the requests already in flight.
* Readers open per request and retry briefly (`open_reader`) when they meet the writer.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Callable, TypeVar

import duckdb

WRITER_WAIT = 30.0  # seconds `eventscope run` waits for a database another process holds
READER_WAIT = 1.0  # seconds a reader (one web request) waits before answering "busy"
COMMAND_WAIT = 5.0  # seconds a reading command (export, stories) waits for a writer to finish
T = TypeVar("T")


class DatabaseBusy(RuntimeError):
    """Another process holds the database; ``holder`` says which, when it can be told."""

    def __init__(self, path: str, holder: str, waited: float):
        self.path, self.holder, self.waited = path, holder, waited
        super().__init__(f"{path} is in use by {holder}; gave up after waiting {waited:.0f} s")


def is_lock_error(err: BaseException) -> bool:
    text = str(err)
    return isinstance(err, duckdb.Error) and ("Could not set lock" in text or "Conflicting lock" in text)


def marker_of(path: str | Path) -> Path:
    return Path(f"{path}.writer")


def describe_process(pid: int) -> str:
    """``PID 123 (eventscope serve --db x.duckdb)``, as much as /proc tells."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        words = [os.path.basename(argv[0].decode(errors="replace"))] + \
            [a.decode(errors="replace") for a in argv[1:] if a]
        if len(words) > 1 and words[0].startswith("python"):
            words = words[1:]  # `python -m x` or a script: the script says more
        words[0] = os.path.basename(words[0])
        return f"PID {pid} ({' '.join(' '.join(words).split())[:80]})"  # one line, however odd the argv
    except (OSError, IndexError):
        return f"PID {pid}"


def holder_of(err: BaseException | None, path: str | Path) -> str:
    """Who holds ``path``: DuckDB's error names the PID of the conflicting lock."""
    found = re.search(r"PID (\d+)", str(err or ""))
    if found:
        return describe_process(int(found.group(1)))
    pid = live_writer(path)
    return describe_process(pid) if pid else "another process"


def live_writer(path: str | Path) -> int | None:
    """The PID of a live process that is writing (or waiting to write) ``path``, else None."""
    try:
        pid = int(marker_of(path).read_text().strip() or 0)
    except (OSError, ValueError):
        return None
    if not pid or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # the writer died (SIGKILL): a stale marker
    except PermissionError:
        pass  # alive, another user's
    return pid


def claim(path: str | Path) -> Path | None:
    """Leave this process's marker beside ``path`` (None for an in-memory database)."""
    if str(path) == ":memory:":
        return None
    marker = marker_of(path)
    try:
        marker.write_text(str(os.getpid()))
    except OSError:
        return None  # a read-only folder: the writer still works, readers just cannot defer
    return marker


def release(marker: Path | None) -> None:
    if marker is None:
        return
    try:
        if marker.read_text().strip() == str(os.getpid()):
            marker.unlink()
    except OSError:
        pass


def with_retry(open_: Callable[[], T], path: str | Path, wait: float, first_pause: float = 0.05) -> T:
    """``open_()``, retried with back-off while another process holds ``path``'s lock, for
    up to ``wait`` seconds; then `DatabaseBusy`."""
    start = time.monotonic()
    pause = first_pause
    while True:
        try:
            return open_()
        except duckdb.Error as err:
            if not is_lock_error(err):
                raise
            waited = time.monotonic() - start
            if waited >= wait:
                raise DatabaseBusy(str(path), holder_of(err, path), waited) from None
            time.sleep(min(pause, max(0.0, wait - waited)))
            pause = min(pause * 2, 1.0)
