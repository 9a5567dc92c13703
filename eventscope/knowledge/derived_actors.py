"""Actors derived from PETRARCH2's Phoenix dictionaries, indexed under our own actor data.

``tools/build_actor_knowledge.py`` writes ``phoenix_people.tsv`` and ``phoenix_organizations.tsv``
(our people.tsv and organizations.tsv formats, ~17,000 people and ~6,000 organisations). They
are read under our own files: a name ours knows, of any kind, is not taken from them. Reading
them must cost little in every process, and almost all of them are never mentioned in a given
corpus: so their names are indexed at load (the lexicon's key and prefix index, which is what a
scan needs) and each name's entries are made when a text first names it (``Lexicon._deferred``).
``EVENTSCOPE_DERIVED_ACTORS=0`` leaves them out (``make bench`` compares a run both ways).
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from eventscope.knowledge.actor_lexicon import Entry, Lexicon, check_date, is_abbreviation, key
from eventscope.knowledge.tsv import DataFileError

DERIVED_FILES = ("phoenix_organizations.tsv", "phoenix_people.tsv")
DERIVED_SWITCH = "EVENTSCOPE_DERIVED_ACTORS"  # "0": our own files only


def derived_actors_enabled() -> bool:
    return os.environ.get(DERIVED_SWITCH, "1").strip() != "0"


# A row as kept until its name is met: (kind, name, country, sector, sector2, role, start, end,
# file, line); plain strings and numbers, which the garbage collector stops tracking
Row = tuple[str, str, str, str, str, str, str, str, str, int]


def index_derived_actors(lex: Lexicon, base: Path) -> None:
    """Index the derived files of `base` (if present) in `lex`, under the names it already has."""
    ours = set(lex.table)
    prefixes: set[tuple[str, ...]] = set()
    for name in DERIVED_FILES:
        path = base / name
        if not path.is_file():
            continue
        kind = "person" if "people" in name else "org"
        groups: dict[str, list[Row]] = {}  # a person's rows (one per role) or an organisation's row
        aliases: dict[str, set[str]] = {}
        same: dict[str, str] = {}  # one string object per distinct code, role and date
        for lineno, cells in _rows(path, PEOPLE_COLUMNS if kind == "person" else ORG_COLUMNS):
            label = cells[0]
            codes = [same.setdefault(c, c) for c in cells[2:]] + ["", "", ""]
            groups.setdefault(label, []).append((kind, label, *codes[:6], name, lineno))
            found = aliases.setdefault(label, {label})
            if cells[1]:
                found.update(cells[1].split("|"))
        for label, rows in groups.items():
            made = tuple(rows)
            for alias in sorted(aliases[label]):  # sorted: the same bucket order in every process
                k = tuple(map(sys.intern, key(alias)))  # the same words recur in thousands of names
                if not k or k in ours:
                    continue
                caps = len(alias) <= 16 and is_abbreviation(alias.removeprefix("the ").removeprefix("The "))
                lex.pending[k] = lex.pending.get(k, ()) + ((made, caps),)
                if len(k) > 1:
                    prefixes.update(k[:n] for n in range(1, len(k)))
                    lex.maxlen = max(lex.maxlen, len(k))
    lex.prefixes |= prefixes
    lex.make_deferred = _entries


PEOPLE_COLUMNS = ["name", "aliases", "country", "sector", "sector2", "role", "start", "end"]
ORG_COLUMNS = ["name", "aliases", "country", "sector", "sector2"]


def _rows(path: Path, columns: list[str]):
    """(line number, cells) of a derived file: the tool writes them in a fixed format (a header
    of `columns`, tab-separated cells, # comments), so they are read without the general
    reader's per-cell work; a file in another format is an error naming it."""
    header = None
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                if header != columns:
                    raise DataFileError(f"{path}:{lineno}: header {header} is not {columns}: rerun tools/build_actor_knowledge.py")
                continue
            if len(cells) != len(columns):
                raise DataFileError(f"{path}:{lineno}: {len(cells)} cells, want {len(columns)}")
            yield lineno, cells


@lru_cache(maxsize=None)  # one person's entries, shared by all their names; bounded by the files
def _entries(rows: tuple[Row, ...]) -> tuple[Entry, ...]:
    return tuple(Entry(kind, name, country or None, sector or None, sector2 or None, role=role,
                       start=check_date(start, f"{file}:{line}"), end=check_date(end, f"{file}:{line}"),
                       source=f"{file}:{line}")
                 for kind, name, country, sector, sector2, role, start, end, file, line in rows)
