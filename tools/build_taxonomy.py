"""Regenerate eventscope/coding/data/cameo.tsv and plover.tsv from the reference tables.

Usage:  python tools/build_taxonomy.py [REFERENCE_DIR]     (default: ../shared/reference)

Only facts are carried over (codes, short names, Goldstein scores, quad classes, PLOVER
event/mode/context, PLOVER scores); definitions and usage notes are deliberately dropped.

Decisions, so the generated files can be audited:

* quad_class is 1 = verbal cooperation, 2 = material cooperation, 3 = verbal conflict,
  4 = material conflict (the GDELT convention). The script checks that the reference's
  numbering agrees with its own quad_class_name column and fails loudly if it does not.
* PLOVER mapping comes from cameo2plover_2021.csv. A CAMEO code the map leaves out falls
  back to its root's mapping ("root" in plover_source). Roots 01 and 02 are not mapped at
  all, so two further rules apply:
    - 02x APPEAL mirrors 10x DEMAND code for code (0231 <-> 1031, ...): PLOVER folds
      appeals and demands into REQUEST, so 02x takes the mapping of its 10x twin
      ("mirror:10").
    - 01x MAKE PUBLIC STATEMENT has no PLOVER type (PLOVER drops bare statements), so
      plover is left empty ("none").
* Three codes depart from the 2021 map to follow PLOVER's own definitions (plover_source
  "definition"; the real-news dev set's coders made the same three choices, see
  eval/realnews/README.md): 163 (embargo, boycott, sanctions) is SANCTION discontinue
  ("International (political or economic) sanctions are coded as `discontinue'"), not COERCE;
  116 (find guilty) is SANCTION convict ("Find an entity ... guilty ... in a court of law"),
  not ACCUSE; 0353 (intent to release persons) is CONCEDE ("the promise of future
  concessions"), not AGREE.
* 1214 appears in the PLOVER map but not in the CAMEO list; it is added with the map's
  name and the Goldstein score and quad class of its parent 121 ("parent:121").
* plover.tsv lists every event (one row with an empty mode) and every mode found in
  plover_modes.csv ("codebook"), the NGEC 2025 codebook ("ngec") or the CAMEO map
  ("cameo_map"). `cameo` is a representative CAMEO code chosen by `representative()`.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "eventscope" / "coding" / "data"
QUADS = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
CAMEO_COLUMNS = ["code", "name", "root", "goldstein", "quad_class", "plover", "plover_mode",
                 "plover_context", "plover_source"]
# CAMEO code -> (PLOVER event, mode) where PLOVER's definitions overrule the 2021 map (docstring)
BY_DEFINITION = {"163": ("SANCTION", "discontinue"), "116": ("SANCTION", "convict"), "0353": ("CONCEDE", "")}
PLOVER_COLUMNS = ["event", "quad_class", "plover_score", "mode", "mode_score", "mode_source", "cameo"]


def read(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def cameo_rows(ref: Path) -> list[dict]:
    codes = {r["code"]: r for r in read(ref / "cameo_codes.csv")}
    mapping = {r["cameo_code"]: r for r in read(ref / "cameo2plover_2021.csv")}
    for r in codes.values():
        if QUADS[r["quad_class_name"].strip().lower()] != int(r["quad_class"]):
            sys.exit(f"cameo_codes.csv: {r['code']}: quad_class {r['quad_class']} "
                     f"does not match our numbering for {r['quad_class_name']!r}")
    for code, m in mapping.items():  # codes the map knows and the CAMEO list does not
        if code not in codes:
            parent = codes[code[:-1]]
            codes[code] = dict(parent, code=code, name=m["cameo_name"], level=str(len(code) - 2),
                               _source=f"parent:{parent['code']}")

    def plover_of(code: str) -> tuple[str, str, str, str]:
        if code in BY_DEFINITION:
            event, mode = BY_DEFINITION[code]
            return event, mode, mapping[code]["plover_context"] if code in mapping else "", "definition"
        if code in mapping:
            m = mapping[code]
            return m["plover_event"], m["plover_mode"], m["plover_context"], "map"
        root = code[:2]
        if root in mapping:
            m = mapping[root]
            return m["plover_event"], m["plover_mode"], m["plover_context"], "root"
        if root == "02":
            twin = mapping.get("10" + code[2:]) or mapping["10"]
            return twin["plover_event"], twin["plover_mode"], twin["plover_context"], "mirror:10"
        return "", "", "", "none"

    rows = []
    for code in sorted(codes, key=lambda c: (c[:2], c)):
        r = codes[code]
        event, mode, context, source = plover_of(code)
        goldstein = float(r["goldstein"])
        if not -10 <= goldstein <= 10:
            sys.exit(f"cameo_codes.csv: {code}: Goldstein score {goldstein} outside [-10, 10]")
        rows.append({
            "code": code, "name": r["name"].strip(), "root": r["root_code"],
            "goldstein": f"{goldstein:g}", "quad_class": str(int(r["quad_class"])),
            "plover": event, "plover_mode": mode, "plover_context": context,
            "plover_source": r.get("_source") or source,
        })
    return rows


def representative(rows: list[dict], event: str, mode: str) -> str:
    """A CAMEO code standing for a PLOVER event (and mode): prefer a code the map itself
    gives (not a fallback), not a bare root, with no extra mode, 3 digits, under the root that
    carries most of the event, ending in 0, without a context; then the lowest code."""
    candidates = [r for r in rows if r["plover"] == event and (not mode or r["plover_mode"] == mode)]
    if not candidates:
        return ""
    per_root = Counter(r["root"] for r in candidates)
    return min(candidates, key=lambda r: (
        r["plover_source"] != "map", len(r["code"]) == 2, bool(r["plover_mode"]) and not mode, len(r["code"]) != 3, -per_root[r["root"]],
        not r["code"].endswith("0"), bool(r["plover_context"]), r["code"]))["code"]


def plover_rows(ref: Path, cameo: list[dict]) -> list[dict]:
    events = read(ref / "plover_event_types.csv")
    modes: dict[tuple[str, str], tuple[str, str]] = {}
    for r in read(ref / "plover_modes.csv"):
        modes[(r["event"], r["mode"])] = (r["plover_score"], "codebook")
    ngec = ref / "NGEC2025_PLOVER_structured_codebook_updated.csv"
    for r in read(ngec) if ngec.exists() else []:
        if r["mode"]:
            modes.setdefault((r["event"], r["mode"]), ("", "ngec"))
    for r in cameo:
        if r["plover_mode"]:
            modes.setdefault((r["plover"], r["plover_mode"]), ("", "cameo_map"))
    rows = []
    for e in events:
        name, quad = e["event"], QUADS[e["quad_category"].strip().lower()]
        base = {"event": name, "quad_class": str(quad), "plover_score": e["plover_score"]}
        rows.append(dict(base, mode="", mode_score="", mode_source="",
                         cameo=representative(cameo, name, "")))
        for (event, mode), (score, source) in sorted(modes.items()):
            if event == name:
                rows.append(dict(base, mode=mode, mode_score=score, mode_source=source,
                                 cameo=representative(cameo, name, mode)))
    unknown = {event for event, _ in modes} - {e["event"] for e in events}
    if unknown:
        sys.exit(f"modes name unknown PLOVER events: {sorted(unknown)}")
    return rows


def write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, columns, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {path.relative_to(ROOT)}")


def main(argv: list[str]) -> None:
    ref = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "reference"
    cameo = cameo_rows(ref)
    write(OUT_DIR / "cameo.tsv", CAMEO_COLUMNS, cameo)
    write(OUT_DIR / "plover.tsv", PLOVER_COLUMNS, plover_rows(ref, cameo))


if __name__ == "__main__":
    main(sys.argv)
