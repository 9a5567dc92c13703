"""The map: events counted per place and per country, drawn as SVG over bundled outlines.

No tile server and no network: country outlines are Natural Earth 1:110m shapes shipped as
``data/world.json`` (built by tools/build_world.py), in an equirectangular projection where
x = longitude + 180 and y = 90 - latitude. Places are the events' resolved locations
(events.location_*); events with only a country-level place colour their country.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources

from eventscope.web.database import Reader
from eventscope.web.filters import EventFilters, where_clause

MAX_PLACES = 500
SHADES = (1, 3, 10, 30, 100)  # event counts from which a country takes the next shade
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@lru_cache(maxsize=1)
def world() -> dict:
    return json.loads(resources.files("eventscope.web").joinpath("data/world.json").read_text("utf-8"))


def _has_places(r: Reader) -> bool:
    return bool(r.has("events", "documents") and r.value(
        "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'events' AND column_name = 'location_lat'"))


def place_counts(r: Reader, f: EventFilters, limit: int = MAX_PLACES) -> dict:
    """Events matching `f`, counted per place (with coordinates) and per place country."""
    out = {"places": [], "countries": [], "placed": 0, "total": 0}
    if not _has_places(r):
        return out
    where, params = where_clause(f)
    base = f"FROM events e JOIN documents d ON d.id = e.doc_id WHERE {where}"
    out["total"] = int(r.value(f"SELECT count(*) {base}", params))
    out["placed"] = int(r.value(f"SELECT count(*) {base} AND e.location_country IS NOT NULL", params))
    out["places"] = r.rows(
        f"""SELECT min(e.location) AS name, e.location_country AS country, e.location_geonames_id AS geonames_id,
                   min(e.location_precision) AS precision, min(e.location_lat) AS lat, min(e.location_lon) AS lon,
                   count(*) AS n
            {base} AND e.location_lat IS NOT NULL
            GROUP BY e.location_country, e.location_geonames_id, e.location
            ORDER BY n DESC, name LIMIT ?""", [*params, limit])
    out["countries"] = r.rows(f"""SELECT e.location_country AS country, count(*) AS n {base}
                                  AND e.location_country IS NOT NULL GROUP BY 1 ORDER BY n DESC, country""", params)
    return out


def svg_map(counts: dict, focus: str | None = None) -> dict:
    """What the template draws: country shapes with a shade, place circles, and the view box
    (the whole world, or the `focus` country's outline with a margin)."""
    per_country = {c["country"]: c["n"] for c in counts["countries"]}
    shapes = [{"iso3": c["iso3"], "name": c["name"], "d": c["d"], "n": per_country.get(c["iso3"], 0),
               "shade": sum(per_country.get(c["iso3"], 0) >= s for s in SHADES)} for c in world()["countries"]]
    places = [dict(p, x=round(p["lon"] + 180, 2), y=round(90 - p["lat"], 2),
                   r=round(min(6.0, 0.8 + 0.5 * math.sqrt(p["n"])), 2)) for p in counts["places"]]
    box = [0, 0, 360, 180]
    outline = next((s["d"] for s in shapes if s["iso3"] == focus), None) if focus else None
    if outline:
        numbers = [float(v) for v in NUMBER.findall(outline)]
        xs, ys = numbers[0::2], numbers[1::2]
        margin = 2 + 0.1 * max(max(xs) - min(xs), max(ys) - min(ys))
        box = [min(xs) - margin, min(ys) - margin, max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin]
    if focus:
        places = [p for p in places if p["country"] == focus]
    scale = box[2] / 360
    for p in places:
        p["r"] = round(p["r"] * max(scale, 0.05), 3)
    return {"shapes": shapes, "places": places, "viewbox": " ".join(f"{round(v, 1):g}" for v in box),
            "licence": world()["licence"], "focus": focus}
