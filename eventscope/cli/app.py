"""The one Typer app every command module registers on: `-h`/`--help`, `--version`, and help
that shows types the way analysts' tools do (`--db FILE`, `INPUT...`), not Typer's defaults
(`--help <bool>`, `<list[Path]>`, `{inputs}`)."""

from __future__ import annotations

import typer
from typer import core

import eventscope

app = typer.Typer(
    name="eventscope",
    help="Turn news articles into political event data (CAMEO + PLOVER).",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# What a value looks like in help, from Typer's type label ("<int range>" -> "N").
LABELS = {"path": "PATH", "file": "FILE", "str": "TEXT", "int": "N", "int range": "N", "float": "NUMBER",
          "float range": "NUMBER"}


def _option_type(self, ctx) -> str | None:
    if self.is_flag or self.count:
        return None  # a flag takes no value
    if self.metavar is not None:
        return self.metavar
    label = core.TyperOption.display_type(self, ctx).strip("<>")
    if label.startswith("list[") and label.endswith("]"):
        label = label[5:-1]
    shown = LABELS.get(label.lower(), f"[{label}]" if "|" in label else label.upper())
    return shown + ("..." if self.nargs != 1 else "")


def _argument_type(self, ctx) -> None:
    return None  # the argument's name column already says what it is


def _argument_usage(self) -> str:
    name = self.metavar or self.name.upper()
    if self.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name if self.required else f"[{name}]"


core.TyperOption.display_type_rich = _option_type
core.TyperArgument.display_type_rich = _argument_type
core.TyperArgument._usage_display_name = _argument_usage
core.TyperArgument.display_name_raw = property(lambda self: self.metavar or self.name.upper())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventscope {eventscope.__version__}")
        raise typer.Exit(0)


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Turn news articles into political event data (CAMEO + PLOVER)."""
