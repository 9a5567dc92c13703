"""Command-line interface. Each command lives in its own module and registers on `app`."""

from eventscope.cli.app import app

# Importing a module registers its commands.
from eventscope.cli import run_cmd, code_cmd, eval_cmd, export_cmd, actors_cmd, serve_cmd, stories_cmd, story_cmd  # noqa: F401,E402


def main() -> None:
    from eventscope.runtime import keep_freed_memory

    keep_freed_memory()
    app()
