"""Ingest's data files (eventscope/ingest/data/): one entry a line, "#" starts a comment line."""

from __future__ import annotations

from importlib import resources


def content_lines(name: str) -> list[str]:
    """The lines of data file `name` that are neither blank nor comments."""
    text = resources.files("eventscope.ingest").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def word_set(name: str) -> frozenset[str]:
    """A word list, lower-cased: one word or phrase a line."""
    return frozenset(line.strip().lower() for line in content_lines(name))
