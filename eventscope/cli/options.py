"""Options and habits every command shares, as analysts' tools have them: `-o/--output FILE`
(`-o -` is standard output), `--dictionaries PATH` (repeatable), `--json` (the closing summary as
one JSON object), `--quiet` (no progress, no summary), and one exit code for "something was
rejected" (3, as `eventscope run`: the good inputs were still used)."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

import typer

from eventscope.cli.common import EXIT_BAD_DATABASE, EXIT_BUSY, EXIT_REJECTED, EXIT_USAGE, console, fail
from eventscope.knowledge import dictionary_source

__all__ = ["EXIT_REJECTED", "EXIT_USAGE", "Dictionaries", "Json", "Output", "Quiet", "dictionaries_arg",
           "open_output", "read_store", "summarise"]


def Output(required: bool = True, help: str = "File to write; - writes to standard output."):
    return typer.Option(... if required else None, "-o", "--output", metavar="FILE", help=help)


def Dictionaries():
    return typer.Option([], "--dictionaries", metavar="PATH",
                        help="User actor/verb dictionaries or PETRARCH files (file or folder); repeatable.")


def Json():
    return typer.Option(False, "--json", help="Print the closing summary as one JSON object.")


def Quiet():
    return typer.Option(False, "--quiet", "-q", help="No progress and no summary; errors only.")


def dictionaries_arg(paths: list[Path]) -> str | None:
    """The pipeline's `dictionaries` source (knowledge.dictionary_source): None when none were given."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]error:[/] no such dictionary file or folder: {', '.join(missing)}", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    return dictionary_source(paths)


@contextmanager
def open_output(path: str | Path) -> Iterator[TextIO]:
    """A text file to write, or standard output for "-"."""
    if str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        yield handle


def summarise(text: str, summary: dict, *, as_json: bool, quiet: bool, data_on_stdout: bool = False) -> None:
    """The command's closing line: text on stderr, or (--json) one JSON object on stdout (on stderr
    when the data itself goes to stdout); nothing with --quiet."""
    if quiet:
        return
    if as_json:
        line = json.dumps(summary, ensure_ascii=False, default=str)
        print(line, file=sys.stderr if data_on_stdout else sys.stdout, flush=True)
    else:
        console.print(text, highlight=False, soft_wrap=True)


@contextmanager
def read_store(db: Path, wait: float | None = None):
    """The database opened read-only for a reading command (export, story, stories --db), or
    one line and the exit code `eventscope run` uses: 2 no such file, 4 held by another
    process (a run writing it), 5 not an eventscope database."""
    import duckdb

    from eventscope.store import Store
    from eventscope.store.lock import COMMAND_WAIT, DatabaseBusy

    if not Path(db).exists():
        fail(f"no eventscope database at {db} (run `eventscope run` first, or pass --db)", EXIT_USAGE)
    try:
        store = Store(db, read_only=True, wait=COMMAND_WAIT if wait is None else wait)  # a writer may finish
    except DatabaseBusy as err:
        fail(f"{err}; try again when it is done", EXIT_BUSY)
    except duckdb.Error as err:
        fail(f"{db} is not an eventscope (DuckDB) database: {str(err).splitlines()[0]}", EXIT_BAD_DATABASE)
    with store:
        yield store
