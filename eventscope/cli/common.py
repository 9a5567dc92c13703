"""Small helpers shared by command modules."""

from __future__ import annotations

import sys

from rich.console import Console

console = Console(stderr=True)  # progress and messages; stdout stays clean for data
if not console.is_terminal:
    console = Console(stderr=True, width=160)
out = Console()
if not out.is_terminal:
    out = Console(width=160)  # piped or captured (make demo in CI): do not squeeze tables to 80 columns


def report_rejections(rejections, limit: int = 50) -> None:
    """Name every rejected input and why, on stderr."""
    for rejection in rejections[:limit]:
        console.print(f"[yellow]rejected[/] {rejection.origin}: {rejection.reason}", highlight=False,
                      soft_wrap=True, markup=True)
    if len(rejections) > limit:
        console.print(f"[yellow]... and {len(rejections) - limit} more rejected inputs (see the runs/rejections tables)[/]")


# Exit codes of `eventscope run` (README: "Exit codes").
EXIT_USAGE = 2  # a missing input, --db in a missing folder, a bad option
EXIT_REJECTED = 3  # some inputs were rejected; the good ones were stored
EXIT_BUSY = 4  # another process held the database for longer than --wait
EXIT_BAD_DATABASE = 5  # --db is not a DuckDB / eventscope database
EXIT_WORKER_DIED = 6  # a worker process (--workers, Dask) died
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM


def fail(message: str, code: int = 2) -> None:
    console.print(f"[red]error:[/] {message}", highlight=False, soft_wrap=True)  # one line, however long
    sys.exit(code)
