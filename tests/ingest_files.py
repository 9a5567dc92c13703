"""Helpers of the ingest tests (test_ingest*.py): an English body long enough for the language
check, writing a file of text or bytes, the one item of a sequence."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


ENGLISH_BODY = ("Officials from the two invented countries met on Monday to discuss trade, and they "
                "said that the talks had been useful for both sides.")


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path
