"""Process-level settings for the worker processes that parse (`--workers`, the fork server).

Kept out of the library classes: a program that imports eventscope keeps its own settings.
"""

from __future__ import annotations

import ctypes
import sys

M_TRIM_THRESHOLD = -1  # glibc mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
KEEP_BYTES = 256 << 20


def keep_freed_memory() -> bool:
    """Let glibc keep freed memory for the next batch instead of handing it back to the OS.

    By default a large freed block goes back at once and the next batch faults it in again;
    measured on the bench corpus (120 articles, three runs each way), 9.9 s instead of 10.2 s,
    for 10-20 MiB more peak RSS; the bare parse gains nothing from it. Not for the process that
    holds the store (the `eventscope` command keeps glibc's defaults): there the kept memory
    grew with the store (`make bench-rss`, README "Memory"). Returns whether the setting took;
    a no-op off glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, KEEP_BYTES)) and bool(mallopt(M_TRIM_THRESHOLD, KEEP_BYTES))


def exit_with_parent() -> None:
    """In a worker process started by multiprocessing: exit as soon as the process that
    asked for it is gone (killed with SIGKILL, it could not stop its workers), so no worker is
    left orphaned. A daemon thread waits on multiprocessing's parent sentinel, a pipe whose
    other end only that process holds: it reads end-of-file when the process dies, whichever
    process forked the worker (a fork server is a worker's parent in the process tree, and
    outlives the run's process while its workers hold it open)."""
    import multiprocessing
    import os
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:  # not a multiprocessing child: nothing to watch
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


REAPER = """import os, shutil, sys, time
parent, folder = int(sys.argv[1]), sys.argv[2]
while os.getppid() == parent:
    time.sleep(0.5)
# The parent died without cleaning up; its workers may write a little longer.
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    shutil.rmtree(folder, ignore_errors=True)
    time.sleep(1)
    if not os.path.exists(folder):
        break
"""


def remove_when_parent_dies(folder) -> "subprocess.Popen":
    """Start a tiny process that removes ``folder`` if this process dies without doing it
    (SIGKILL): a killed Dask run leaves no temporary Parquet. Stop it (``terminate()``)
    after cleaning up normally."""
    import os
    import subprocess

    return subprocess.Popen([sys.executable, "-c", REAPER, str(os.getpid()), str(folder)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
