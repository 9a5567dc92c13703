"""The one reader of our data files: TSV with a header line, ``#`` comments and blank lines.

Every lexicon, taxonomy and rule table of eventscope is such a file; they stay beside the
stage that was first to need them (``actors/data``, ``coding/data``, ``coding/classify/data``)
and are all read here, so that a file's format is checked in one place.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
ACTOR_DATA = PACKAGE / "actors" / "data"
CODING_DATA = PACKAGE / "coding" / "data"
CLASSIFY_DATA = PACKAGE / "coding" / "classify" / "data"


class DataFileError(ValueError):
    """A data file line that cannot be read; the message names file and line."""


def read_tsv(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data line of a TSV file, cells stripped.

    The first line that is neither blank nor a ``#`` comment is the header; a row with
    fewer cells than the header is padded with "", one with more is an error.
    """
    path = Path(path)
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cells
                continue
            if len(cells) > len(header):
                raise DataFileError(f"{path}:{lineno}: {len(cells)} columns, header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            rows.append((lineno, dict(zip(header, cells))))
    return rows


def split_list(cell: str) -> list[str]:
    """The items of a ``|``-separated cell."""
    return [item.strip() for item in cell.split("|") if item.strip()]


def read_word_kinds(path: Path, kinds: frozenset[str]) -> dict[str, frozenset[str]]:
    """A `kind<TAB>words` file: kind -> its words (lower case); every kind in `kinds` once, no other."""
    out: dict[str, frozenset[str]] = {}
    for lineno, row in read_tsv(path):
        if row["kind"] not in kinds or row["kind"] in out:
            raise DataFileError(f"{path}:{lineno}: kind {row['kind']!r} unknown or listed twice")
        out[row["kind"]] = frozenset(w.lower() for w in split_list(row["words"]))
    if out.keys() != kinds:
        raise DataFileError(f"{path}: kinds missing: {', '.join(sorted(kinds - out.keys()))}")
    return out
