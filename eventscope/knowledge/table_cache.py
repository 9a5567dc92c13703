"""Knowledge tables built once, kept on disk, reused by every later process.

Building the actor lexicon (with the Phoenix-derived name index), the verb lexicon and the
classifiers' arrays costs ~1 s of CPU in every process that codes (`eventscope run`, `code`,
each `--workers` fork server): their unpickling, ~0.2 s. So each is pickled once into a cache
file whose name carries a key: a hash of eventscope's version, the Python version, every
source file of the eventscope package and every data file the table is read from. A table is
reused only when its key is the one computed now and its payload's own hash checks out: an
edited data or source file makes a new key (the old file is not read), and a cache file that
is stale, truncated or unreadable is rebuilt and written again, never used.

Where: ``$EVENTSCOPE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventscope``, else
``~/.cache/eventscope``. Off: ``EVENTSCOPE_KNOWLEDGE_CACHE=0`` (every table is built, nothing
is read or written). Files are written to a temporary name and renamed into place (a reader
never sees half a file); a folder that cannot be written only means the tables are built.
A cache file is a pickle: the folder is made private (0700), as the user's own files are.
"""

from __future__ import annotations

import gc
import hashlib
import mmap
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TypeVar

CACHE_SWITCH = "EVENTSCOPE_KNOWLEDGE_CACHE"  # "0": build every table, read and write nothing
CACHE_DIR = "EVENTSCOPE_CACHE_DIR"  # where the files go (default: the user's cache folder)
FORMAT = b"eventscope-table-cache 1\n"
KEEP = 3  # cache files kept per table (other keys: other checkouts or versions); older ones go
PACKAGE = Path(__file__).resolve().parents[1]

T = TypeVar("T")


def cache_enabled() -> bool:
    return os.environ.get(CACHE_SWITCH, "1").strip() != "0"


def cache_dir() -> Path:
    if os.environ.get(CACHE_DIR):
        return Path(os.environ[CACHE_DIR])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventscope"


@lru_cache(maxsize=1)  # the source does not change under a running process (~10 ms)
def source_digest() -> str:
    """A hash of every .py file of the eventscope package (its path and content) and the
    versions that decide what a pickle holds: a changed line of code makes new keys."""
    from eventscope import __version__

    digest = hashlib.sha256(f"{__version__}\n{sys.version}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def table_key(name: str, files: Iterable[Path], extra: str = "") -> str:
    """The key of table `name` built from `files` (a missing file counts as missing)."""
    digest = hashlib.sha256(f"{name}\n{extra}\n{source_digest()}\n".encode())
    for path in sorted(Path(p) for p in files):
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except FileNotFoundError:
            digest.update(b"missing")
    return digest.hexdigest()


def cached_table(name: str, files: Iterable[Path], build: Callable[[], T], extra: str = "") -> T:
    """``build()``, or the table it built earlier from the same `files`, source and `extra`
    (e.g. a switch the build reads), read back from the cache."""
    if not cache_enabled():
        return build()
    key = table_key(name, files, extra)
    try:
        path = cache_dir() / f"{name}-{key[:40]}.pickle"
    except RuntimeError:  # no home folder to find the user's cache in
        return build()
    found = _read(path, key)
    if found is not None:
        return found[0]
    table = build()
    _write(path, key, table)
    return table


def _read(path: Path, key: str) -> tuple | None:
    """(table,) from a cache file that holds `key` and an intact payload, else None."""
    head = FORMAT + key.encode() + b"\n"
    try:
        with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as blob:
            # mapped, not read: megabytes of payload never pass through malloc (which kept
            # ~7 MB of a process's RSS after reading them)
            if blob[:len(head)] != head:
                return None
            end = blob.find(b"\n", len(head))
            with memoryview(blob) as view, view[end + 1:] as payload:
                if end < 0 or hashlib.sha256(payload).hexdigest().encode() != blob[len(head):end]:
                    return None  # truncated or altered
                return (_unpickle(payload),)
    except Exception:  # noqa: BLE001 - unreadable, empty (nothing to map), a class renamed since: built anew
        return None


def _unpickle(payload):
    enabled = gc.isenabled()
    gc.disable()  # millions of new objects, none garbage: collecting meanwhile is wasted (~0.08 s)
    try:
        return pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, key: str, table) -> None:
    tmp = None
    try:
        payload = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.stem}.", delete=False) as handle:
            tmp = handle.name
            handle.write(FORMAT + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n")
            handle.write(payload)
        os.replace(tmp, path)
        tmp = None
        _prune(path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only or full disk, an unpicklable table: the built table is used as it is
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(kept: Path) -> None:
    """Keep the newest KEEP cache files of this table (the name before the key)."""
    name = kept.stem.rsplit("-", 1)[0]
    older = []
    for path in kept.parent.glob(f"{name}-*.pickle"):
        try:
            if path != kept and path.stem.rsplit("-", 1)[0] == name:
                older.append((path.stat().st_mtime, path))
        except OSError:  # pruned meanwhile by another process
            continue
    for _, path in sorted(older, reverse=True)[KEEP - 1:]:
        path.unlink(missing_ok=True)
