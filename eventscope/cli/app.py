"""The one Typer app every command module registers on."""

import typer

app = typer.Typer(
    name="eventscope",
    help="Turn news articles into political event data (CAMEO + PLOVER).",
    no_args_is_help=True,
    add_completion=False,
)
