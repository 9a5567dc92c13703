"""Command-line interface. Each command lives in its own module and registers on `app`."""

from eventscope.cli.app import app

# Importing a module registers its commands.
from eventscope.cli import run_cmd, code_cmd, eval_cmd, export_cmd, actors_cmd, serve_cmd, stories_cmd, story_cmd  # noqa: F401,E402


def main() -> None:
    from eventscope.cli.common import EXIT_BUSY, fail
    from eventscope.store.lock import DatabaseBusy

    # glibc's defaults here, not eventscope.runtime.keep_freed_memory (its workers keep that):
    # the command's process holds the store, and kept freed memory made its peak RSS grow with
    # the store (`make bench-rss`; README "Memory")
    try:
        app()
    except DatabaseBusy as err:  # any command: the database is held by a run (one line, exit 4)
        fail(f"{err}; try again when it is done", EXIT_BUSY)
