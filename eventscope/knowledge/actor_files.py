"""The built-in actor lexicon read from its data files (countries, places, organisations,
people, sectors and the Phoenix-derived files under ours), and the code tables callers ask of
the same files (country names, sector and region codes, the contract's country codes).

`load_lexicon()` is what every stage reads; the table itself is knowledge.actor_lexicon.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from eventscope.knowledge.actor_lexicon import (
    DERIVED_AGENTS, DERIVED_COUNTRIES, DERIVED_PLACES, PLACE_PRIORITY, Entry, Lexicon, LexiconError, check_date, key,
)
from eventscope.knowledge.tsv import ACTOR_DATA as DATA, read_tsv, split_list


def _load_countries(lex: Lexicon, path: Path, under: bool = False) -> None:
    """Countries; `under`: derived names (phoenix_countries.tsv), not taken for a name we know."""
    add = _add_under(lex) if under else lex.add
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        iso, name = row["iso3"], row["name"]
        if not re.fullmatch(r"[A-Z]{3}", iso) or not name:
            raise LexiconError(f"{where}: need a 3-letter code and a name")
        country = Entry("country", name, iso, source=where)
        lex.countries.setdefault(iso, country)
        for alias in [name, *split_list(row["aliases"])]:
            add(alias, country)
        for demonym in split_list(row["demonyms"]):
            add(demonym, Entry("demonym", name, iso, source=where))
        capitals = split_list(row["capital"])
        for capital in capitals:  # a capital alone stands for the government
            add(capital, Entry("capital", capitals[0], iso, "GOV", priority=PLACE_PRIORITY, source=where))
        for seat in split_list(row["seats"]):
            phrase, _, seat_sector = seat.partition("=")
            add(phrase, Entry("seat", key_title(phrase), iso, seat_sector or "GOV",
                                  priority=PLACE_PRIORITY, source=where))


def key_title(phrase: str) -> str:
    """A seat's display name: a lowercase leading "the" is dropped, "The Pentagon" is kept."""
    return phrase[4:] if phrase.startswith("the ") else phrase


def _add_under(lex: Lexicon) -> Callable[[str, Entry], None]:
    """`lex.add` for derived rows: a name the lexicon knows (of any kind) stays as it is."""
    def add(phrase: str, entry: Entry) -> None:
        k = key(phrase)
        if k not in lex.table and k not in lex.pending:
            lex.add(phrase, entry)
    return add


def _load_places(lex: Lexicon, path: Path, under: bool = False) -> None:
    add = _add_under(lex) if under else lex.add
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        if row["kind"] not in ("city", "region"):
            raise LexiconError(f"{where}: kind must be city or region, not {row['kind']!r}")
        sector = "CVL" if row["kind"] == "city" else None  # a town as actor = its residents
        entry = Entry(row["kind"], row["name"], row["country"], sector, priority=PLACE_PRIORITY, source=where)
        for alias in [row["name"], *split_list(row["aliases"])]:
            add(alias, entry)


def _load_organizations(lex: Lexicon, path: Path) -> None:
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        entry = Entry("org", row["name"], row["country"] or None, row["sector"] or None,
                      row["sector2"] or None, source=where)
        for alias in [row["name"], *split_list(row["aliases"])]:
            lex.add(alias, entry)


def _load_people(lex: Lexicon, path: Path) -> None:
    # One row per role; aliases given on any row apply to every role of that person.
    roles: dict[str, list[Entry]] = {}
    aliases: dict[str, set[str]] = {}
    same: dict[str, str] = {}  # one string per distinct code, role and date (tens of thousands of rows)
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        if not row["name"] or not row["country"]:
            raise LexiconError(f"{where}: need a name and a country")
        country, sector, sector2, role, start, end = (
            same.setdefault(row[c], row[c]) for c in ("country", "sector", "sector2", "role", "start", "end"))
        roles.setdefault(row["name"], []).append(
            Entry("person", row["name"], country, sector or None, sector2 or None, role=role,
                  start=check_date(start, where), end=check_date(end, where), source=where))
        aliases.setdefault(row["name"], {row["name"]}).update(split_list(row["aliases"]))
    for name, entries in roles.items():
        for alias in sorted(aliases[name]):  # sorted: the same bucket order in every process
            lex.add_all(alias, entries)


def _load_sectors(lex: Lexicon, path: Path, under: bool = False) -> None:
    """Role words; `under`: derived ones (phoenix_agents.tsv), not taken for a name we know."""
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        try:
            priority = int(row["priority"])
        except ValueError:
            raise LexiconError(f"{where}: priority must be an integer") from None
        entry = Entry("sector", row["phrase"], None, row["sector"] or None,
                      row["sector2"] or None, priority=priority, leads=row["leads"] == "y",
                      source=where)
        (_add_under(lex) if under else lex.add)(row["phrase"], entry)


def load_lexicon(data_dir: str | None = None, derived: bool | None = None) -> Lexicon:
    """Read every data file once; later calls return the cached lexicon. `derived` (default:
    on unless EVENTSCOPE_DERIVED_ACTORS=0) adds the actors and role words derived from the
    Phoenix dictionaries (knowledge.derived_actors, DERIVED_AGENTS), under ours."""
    if derived is None:
        from eventscope.knowledge.derived_actors import derived_actors_enabled

        derived = derived_actors_enabled()
    return _load_lexicon(data_dir, derived)


@lru_cache(maxsize=2)
def _load_lexicon(data_dir: str | None, derived: bool) -> Lexicon:
    from eventscope.knowledge.table_cache import cached_table

    base = Path(data_dir) if data_dir else DATA
    # built once from these files and kept (knowledge.table_cache): ~0.75 s of CPU -> ~0.15 s
    return cached_table("actor_lexicon", base.glob("*.tsv"), lambda: _build_lexicon(base, derived),
                        extra=f"derived={derived}")


def _build_lexicon(base: Path, derived: bool) -> Lexicon:
    lex = Lexicon()
    _load_countries(lex, base / "countries.tsv")
    _load_places(lex, base / "places.tsv")
    _load_organizations(lex, base / "organizations.tsv")
    _load_people(lex, base / "people.tsv")
    _load_sectors(lex, base / "sectors.tsv")
    if derived:
        from eventscope.knowledge.derived_actors import index_derived_actors

        index_derived_actors(lex, base)
        for name, load in ((DERIVED_COUNTRIES, _load_countries), (DERIVED_PLACES, _load_places),
                           (DERIVED_AGENTS, _load_sectors)):
            if (base / name).is_file():
                load(lex, base / name, under=True)
    return lex


def country_names(data_dir: str | None = None) -> list[str]:
    """Every name, alias, demonym and capital of countries.tsv, as written."""
    base = Path(data_dir) if data_dir else DATA
    return [name for _, row in read_tsv(base / "countries.tsv")
            for column in ("name", "aliases", "demonyms", "capital") for name in split_list(row[column])]


@lru_cache(maxsize=1)
def sector_codes(data_dir: str | None = None) -> dict[str, str]:
    """Known agent/sector codes and what they mean (sector_codes.tsv)."""
    base = Path(data_dir) if data_dir else DATA
    return {row["code"]: row["meaning"] for _, row in read_tsv(base / "sector_codes.tsv")}


@lru_cache(maxsize=1)
def region_codes(data_dir: str | None = None) -> frozenset[str]:
    """The CAMEO region codes of places.tsv (EUR, WAF, WST, ...): codes of regions, which are
    no country (a region's row whose code is an ISO country, a province, is left out)."""
    base = Path(data_dir) if data_dir else DATA
    countries = {row["iso3"] for _, row in read_tsv(base / "countries.tsv")}
    return frozenset(row["country"] for _, row in read_tsv(base / "places.tsv")
                     if row["kind"] == "region" and row["country"] and row["country"] not in countries)


def is_country_code(code: str | None) -> bool:
    """Is the code a country's (ISO 3166 alpha-3 of countries.tsv), not a class (IGO, NGO)
    or a region (EUR, WST)?"""
    return bool(code) and code in load_lexicon().countries


def contract_country(code: str | None) -> str | None:
    """An actor's country as the `eventscope code` contract writes it (shared/eval/FORMAT.md:
    ISO 3166 alpha-3, or an organisation class such as IGO). CAMEO/PLOVER give the European
    Union and its bodies the region code EUR: to the contract it is an international
    organisation, IGO. Any other region code (WST "Western", WAF "West Africa") names no
    country. The store and its exports keep the CAMEO code."""
    if code == "EUR":
        return "IGO"
    return None if code in region_codes() else code
