"""Command-line interface. Each command lives in its own module and registers on `app`."""

from eventscope.cli.app import app

# Importing a module registers its commands.
from eventscope.cli import run_cmd, code_cmd, eval_cmd, export_cmd, actors_cmd, serve_cmd, stories_cmd, story_cmd  # noqa: F401,E402


def main() -> None:
    from eventscope.cli.common import EXIT_BUSY, fail
    from eventscope.runtime import keep_freed_memory
    from eventscope.store.lock import DatabaseBusy

    keep_freed_memory()
    try:
        app()
    except DatabaseBusy as err:  # any command: the database is held by a run (one line, exit 4)
        fail(f"{err}; try again when it is done", EXIT_BUSY)
