"""The README and docs/ pages link only to files that exist (relative links; web links and
links into ../shared, which a clone may not have beside it, are not checked)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "eventscope" / "store" / "SCHEMA.md"]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def relative_links(page: Path) -> list[str]:
    links = [m.group(1).split("#")[0] for m in LINK.finditer(page.read_text(encoding="utf-8"))]
    return [link for link in links if link and not re.match(r"[a-z]+:", link)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_names_a_file_that_exists(page):
    missing = [link for link in relative_links(page)
               if "shared/" not in link and not (page.parent / link).exists()]
    assert missing == []


def test_the_readme_links_every_docs_page():
    readme = set(relative_links(ROOT / "README.md"))
    assert {f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")} <= readme
