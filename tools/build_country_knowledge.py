"""Derive the country names, adjectives and places our lexicon lacks from PETRARCH2's Phoenix
country dictionary.

Usage:  python tools/build_country_knowledge.py [PETRARCH_DIR]   (default: ../shared/reference/petrarch2)

A country record of ``Phoenix.Countries.actors.txt`` (the first actor file PETR_config.ini
names) is a record whose codes give no sector ("AFGHANISTAN_ [AFG]" with its ``+`` lines:
other names, misspellings, the adjective, the capital, towns and provinces). Writes, in our
own formats, beside countries.tsv and places.tsv:

* ``phoenix_countries.tsv`` (countries.tsv's columns): per country, the other names and
  adjectives ours lacks, under our canonical name;
* ``phoenix_places.tsv`` (places.tsv's columns): the towns and provinces named there that
  neither our lexicon nor the gazetteer knows, as regions (they give the country only: a
  place alone is no government);
* ``phoenix_countries.NOTICE``: the MIT notice of the source.

Decisions (the summary printed at the end counts each):

* A record's country is its undated code, else its latest dated one ("ARMENIA_" was
  ``USRARM`` before 1991 and is ``ARM`` after); territory codes (``USAASM``, ``FRAMTQ``) and
  codes we do not know are left out: countries.tsv lists territories under their own codes.
* An alias is the country's other name when it shares its first four letters with a name or
  alias of ours for that country, is spelled much like one (difflib ratio 0.8: "Madegascar",
  "Jermany"), or contains one ("ISLAMIC_REPUBLIC_OF_AFGHANISTAN"); its
  adjective when it also ends as adjectives do (-an, -ian, -ese, -ish, -i, -ic, ...); else
  it is a place of the country.
* A name ours knows (any kind, any country) or the gazetteer knows is left out: ours wins.
* False matches: a one-word place or name must not be a common English word (the spaCy
  model's WordNet lemma index, as for the derived actors) and must have four letters or
  more; a place of several words must have one word that is not common ("BLACK_RIVER" is
  left out); a name of another country's ("GUINEA" among Guinea-Bissau's) is left out.

Output is sorted: running the tool twice gives the same bytes.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eventscope.knowledge.actor_lexicon import Lexicon, key, singular  # noqa: E402
from eventscope.knowledge.actor_files import load_lexicon  # noqa: E402
from eventscope.knowledge.petrarch_actors import CODE_RENAMES, ActorRecord, actor_records  # noqa: E402
from eventscope.knowledge.tsv import read_tsv, split_list  # noqa: E402

OUT_DIR = ROOT / "eventscope" / "actors" / "data"
COUNTRIES_FILE, PLACES_FILE, NOTICE_FILE = "phoenix_countries.tsv", "phoenix_places.tsv", "phoenix_countries.NOTICE"
ADJECTIVE = re.compile(r"(an|ian|ean|ese|ish|i|ic|ite|er|ot|ois|ien|ais|ienne|iote)$")
HEADER = ("# Derived by tools/build_country_knowledge.py from PETRARCH2's Phoenix country dictionary\n"
          "# (Copyright (c) 2014 Open Event Data Alliance, MIT License: see phoenix_countries.NOTICE).\n"
          "# Do not edit: rerun the tool. Read under our own {ours} (a name ours knows stays ours).\n")


def display(phrase: str) -> str:
    """ "MAZAR-I-SHARIF_" -> "Mazar-I-Sharif"; parenthesised parts dropped."""
    text = re.sub(r"\([^)]*\)", " ", phrase.replace("_", " "))
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in text.split())


def country_of(record: ActorRecord) -> str | None:
    """The record's present country code, or None when it names no country of its own."""
    role = record.default or max(record.roles, key=lambda r: (r.end is None, r.start or r.end))
    code = role.code.upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        return None
    return CODE_RENAMES.get(code, code)


def is_country_record(record: ActorRecord) -> bool:
    """No code of the record gives more than a country (no sector: "[AFG]", "[USRARM <900823]")."""
    roles = record.roles + ([record.default] if record.default else [])
    return all(len(r.code) in (3, 6) and r.code.isalpha() for r in roles) and any(len(r.code) == 3 for r in roles)


class Ours:
    """What our lexicon and gazetteer know, and our names for each country."""

    def __init__(self, lex: Lexicon, gazetteer_path: Path):
        self.lex = lex
        self.known = set(lex.table) | set(lex.pending)
        for _, row in read_tsv(gazetteer_path):
            for name in [row["name"], *split_list(row.get("aliases", ""))]:
                self.known.add(key(name))
        self.names: dict[str, set[str]] = defaultdict(set)  # iso3 -> folded names and aliases
        for k, entries in lex.table.items():
            for e in entries:
                if e.kind in ("country", "demonym", "capital") and e.country:
                    self.names[e.country].add(" ".join(k))
        self.all_names = {n: iso for iso, names in self.names.items() for n in names}


def kind_of(alias: str, iso: str, ours: Ours) -> str:
    """"name", "adjective" or "place" of an alias of country `iso`: an adjective ends as
    adjectives do and is no spelling of the country's name (longer than it, or unlike it:
    "Argentinan", "Emirian"; "Afghanastan" is a name)."""
    words = " ".join(key(alias))
    own = ours.names[iso]
    if any(n in words.split() or n in words for n in own if len(n) > 3 and " " not in n) or \
            any(n[:4] == words[:4] or SequenceMatcher(None, n, words).ratio() >= 0.8 for n in own if len(n) > 3):
        name = " ".join(key(ours.lex.countries[iso].name))
        if " " not in words and ADJECTIVE.search(words) and (
                len(words) > len(name) or SequenceMatcher(None, words, name).ratio() < 0.8):
            return "adjective"
        return "name"
    return "place"


def derive(records: list[ActorRecord], ours: Ours, common: set[str]) -> tuple[dict, list, Counter]:
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"name": [], "adjective": []})
    places: dict[tuple[str, ...], list[str]] = {}
    counts: Counter = Counter()
    for record in filter(is_country_record, records):
        iso = country_of(record)
        if iso is None or iso not in ours.lex.countries:
            counts["records: a territory, a past state or a code we do not know"] += 1
            continue
        counts["records: countries"] += 1
        for phrase in record.phrases:
            alias = display(phrase)
            k = key(alias)
            if not k or len(re.findall(r"[A-Za-z]", alias)) < 2:
                continue
            if k in ours.known or singular(k[-1]) and k[:-1] + (singular(k[-1]),) in ours.known:
                counts["aliases: ours knows the name"] += 1
                continue
            other = ours.all_names.get(" ".join(k))
            if other and other != iso:
                counts["aliases: another country's name"] += 1
                continue
            if len(k) == 1 and (len(k[0]) < 4 or k[0] in common):
                counts["aliases: a common word or too short"] += 1
                continue
            if len(k) > 1 and all(w in common or singular(w) in common for w in k):
                counts["aliases: common words only"] += 1
                continue
            kind = kind_of(alias, iso, ours)
            if kind == "place":
                if k not in places:
                    places[k] = [alias, iso, "region", ""]
                    counts["written: places"] += 1
                continue
            if alias not in names[iso][kind]:
                names[iso][kind].append(alias)
                counts[f"written: {kind}s"] += 1
    return names, sorted(places.values()), counts


def render(names: dict, places: list, ours: Ours) -> tuple[str, str]:
    rows = [[iso, ours.lex.countries[iso].name, "|".join(sorted(v["name"])), "|".join(sorted(v["adjective"])), "", ""]
            for iso, v in sorted(names.items()) if v["name"] or v["adjective"]]
    countries = HEADER.format(ours="countries.tsv") + "iso3\tname\taliases\tdemonyms\tcapital\tseats\n" + \
        "".join("\t".join(r) + "\n" for r in rows)
    place_text = HEADER.format(ours="places.tsv and gazetteer.tsv") + "name\tcountry\tkind\taliases\n" + \
        "".join("\t".join(r) + "\n" for r in places)
    return countries, place_text


def country_file(folder: Path) -> Path | None:
    from eventscope.knowledge.petrarch import config_roles

    for config in sorted(folder.glob("*.ini")):
        names = [name for name, role in config_roles(config, []) if role == "actors"]
        found = [n for n in names if "countr" in n.lower()] or names[:1]
        if found:
            return folder / found[0]
    found = sorted(folder.glob("*ountries*actors*.txt"))
    return found[0] if found else None


def notice(path: Path) -> str:
    licence = path.parent / "LICENSE"
    text = licence.read_text(encoding="utf-8") if licence.is_file() else ""
    return (f"{COUNTRIES_FILE} and {PLACES_FILE} are derived from the Phoenix country dictionary of PETRARCH2\n"
            f"({path.name}; https://github.com/openeventdata/petrarch2), under this licence:\n\n" + text)


def build(folder: Path, common: set[str] | None = None):
    path = country_file(folder)
    if path is None:
        return None, None, None, None
    if common is None:
        from build_actor_knowledge import common_words

        common = common_words()
    ours = Ours(load_lexicon(derived=False), OUT_DIR / "gazetteer.tsv")
    names, places, counts = derive(actor_records(path), ours, common)
    countries, place_text = render(names, places, ours)
    return countries, place_text, counts, path


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference" / "petrarch2"
    countries, places, counts, path = build(folder)
    if path is None:
        sys.exit(f"{folder}: no PETRARCH country dictionary (no config naming one)")
    (OUT_DIR / COUNTRIES_FILE).write_text(countries, encoding="utf-8")
    (OUT_DIR / PLACES_FILE).write_text(places, encoding="utf-8")
    (OUT_DIR / NOTICE_FILE).write_text(notice(path), encoding="utf-8")
    for reason, count in sorted(counts.items()):
        print(f"  {reason:60} {count:6}")


if __name__ == "__main__":
    main(sys.argv[1:])
