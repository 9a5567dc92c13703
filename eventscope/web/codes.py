"""The codes a request may name, from the project's reference data (actor lexicon, taxonomy).

A country/actor code is accepted when the reference lists know it or the store holds events
with it (user dictionaries may add codes of their own); anything else is a 4xx, not an empty page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventscope.knowledge.actor_files import sector_codes
from eventscope.knowledge.tsv import ACTOR_DATA as DATA, read_tsv
from eventscope.knowledge.taxonomy import all_codes, plover_modes, plover_types

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation",
                3: "verbal conflict", 4: "material conflict"}
QUAD_KEYS = {1: "verbal_cooperation", 2: "material_cooperation",
             3: "verbal_conflict", 4: "material_conflict"}
ACTOR_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3}){0,3}$")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 / class code -> display name (countries.tsv; class codes name themselves)."""
    names = {row["iso3"]: row["name"] for _, row in read_tsv(DATA / "countries.tsv")}
    for _, row in read_tsv(DATA / "places.tsv"):  # supranational regions: "the West" = WST
        if row["kind"] == "region" and row["country"] not in names:
            names[row["country"]] = row["name"][:1].upper() + row["name"][1:]
    classes = sector_codes()  # IGO, NGO: "intergovernmental organisations: ..."
    for _, row in read_tsv(DATA / "organizations.tsv"):
        code = row.get("country", "")
        if len(code) == 3 and ACTOR_CODE.match(code) and code not in names:
            names[code] = classes.get(code, code).split(":")[0].strip() or code
    return names


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return country_names().get(code, code)


@lru_cache(maxsize=1)
def cameo_roots() -> dict[str, str]:
    """Two-digit CAMEO root -> its name."""
    return {c.code: c.name for c in all_codes() if len(c.code) == 2 and c.root == c.code}


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, str]:
    """Every known CAMEO code -> its name."""
    return {c.code: c.name for c in all_codes() if c.known}


@lru_cache(maxsize=1)
def plover_names() -> tuple[str, ...]:
    return tuple(plover_types())


def actor_label(code: str | None) -> str:
    """"RUSMIL" -> "Russia · military"."""
    if not code:
        return ""
    country, sectors = split_actor_code(code)
    meanings = sector_codes()
    return " · ".join([country_name(country)] + [meanings.get(s, s).split(":")[0].strip() for s in sectors])


def known_sectors() -> set[str]:
    return set(sector_codes())


def split_actor_code(code: str) -> tuple[str, list[str]]:
    """"RUSMIL" -> ("RUS", ["MIL"])."""
    return code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
