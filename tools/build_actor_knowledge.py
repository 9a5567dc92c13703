"""Derive our built-in actors from PETRARCH2's Phoenix actor dictionaries.

Usage:  python tools/build_actor_knowledge.py [PETRARCH_DIR]   (default: ../shared/reference/petrarch2)

The config (``PETR_config.ini``, ``actorfile_list``) says which files are actor dictionaries
(country actors, international actors, non-state armed groups); each is read as records by
``knowledge.petrarch_actors``. Writes, in our own formats, beside our hand-written files:

* ``eventscope/actors/data/phoenix_people.tsv`` (people.tsv's columns): people with their
  dated roles, one row per role;
* ``eventscope/actors/data/phoenix_organizations.tsv`` (organizations.tsv's columns):
  national institutions, IGOs, NGOs, companies and armed groups with their codes;
* ``phoenix_actors.NOTICE``: the MIT notice of the source.

``knowledge.actor_files`` reads them under our own files: a name ours knows stays ours.
Decisions, so the output can be audited (the summary printed at the end counts each):

* A record with a date-restricted code is a person (unless its name has an organisation word:
  "party", "forces", ...), one row per dated role; the undated default code is a row with no
  dates (it applies outside the dated roles, as in PETRARCH2); ``[---]`` defaults give no row.
  A code with no country (``[ELI]``) takes the country of the person's other roles.
* The dictionaries were last updated on DICTIONARY_DATE: a role still open then is closed
  there, and a row from the next day on with no sector says that after it the person's role
  is unknown (so a minister of 2013 is not coded as government in 2024).
* Codes: the first three letters are the country (``IGOEUR...`` is our ``EUR``; ``MNCUSA`` is
  a US company: USA with sector BUS); the following 3-letter parts give sector and sector2,
  mapped to our codes (CAMEO ``MED`` media is our ``JRN``, ``HLH`` health our ``MED``).
  Bare country names (``AFGHANISTAN [AFG]``) are left out: countries.tsv has them.
* A record whose multi-word name is a person or organisation of ours is left out entirely
  (ours describes it); single aliases ours has are dropped (ours wins).
* False matches: a one-word alias is kept only if it has four letters or more, is not a
  common English word (the spaCy model's WordNet lemma index), is not a given name (the first
  word of some person's name at least as often as a last word), and names one organisation or
  at most MAX_NAMESAKES people (phoenix_filter.py; the document's countries choose between them at run time);
  a person's one-word alias must be a surname (the last word of one of its names). An
  acronym (no vowels, the initials of the name, or written in parentheses) is kept in
  capitals, so it matches only text in capitals. Also left out: a two-word name of a frequent
  given name and a frequent surname ("John Williams"); an alias our lexicon reads entirely
  (a role phrase: "German Chancellor"; words of no kind, UNK or JNK, read nothing); a title or place around another name of the record
  ("Israeli President Reuven Rivlin" beside "Reuven Rivlin": ours reads the title, and the
  role, on any date); an alias of common words only for a country's institution ("National
  Security Council" is not only the US's); an alias naming institutions of several countries;
  records with country codes neither ours nor a class (CAMEO codes that differ from ISO are
  renamed: RENAMED). Organisations listed twice are merged.

Output is sorted: running the tool twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402

from eventscope.knowledge.actor_lexicon import Lexicon  # noqa: E402
from eventscope.knowledge.actor_files import load_lexicon  # noqa: E402
from eventscope.knowledge.petrarch import config_roles  # noqa: E402
from eventscope.knowledge.petrarch_actors import CODE_RENAMES, ActorRecord, actor_records  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
import phoenix_errors  # noqa: E402
from phoenix_filter import Filter  # noqa: E402
from phoenix_names import (CLASSES, RENAMED, SECTORS, aliases_of, display,  # noqa: E402,F401
                           has_sector, is_person, split_code)

OUT_DIR = ROOT / "eventscope" / "actors" / "data"
PEOPLE_FILE, ORGS_FILE, NOTICE_FILE = "phoenix_people.tsv", "phoenix_organizations.tsv", "phoenix_actors.NOTICE"
DICTIONARY_DATE = dt.date(2015, 4, 30)  # PETR_config.ini: "Last update: 30 April 2015"
UN_BLOCK = "# UN member states"  # countries.tsv's comment line over the UN members' rows
HEADER = ("# Derived by tools/build_actor_knowledge.py from PETRARCH2's Phoenix actor dictionaries\n"
          "# (Copyright (c) 2014 Open Event Data Alliance, MIT License: see phoenix_actors.NOTICE).\n"
          "# Do not edit: rerun the tool. Read under our own {ours} (a name ours knows stays ours).\n")


@dataclass
class Derived:
    people: list[list[str]] = field(default_factory=list)  # people.tsv rows
    orgs: list[list[str]] = field(default_factory=list)  # organizations.tsv rows
    dropped: Counter = field(default_factory=Counter)  # reason -> aliases or records left out


def person_rows(record: ActorRecord, aliases: list[str]) -> list[list[str]]:
    """people.tsv rows: one per dated role, the default as an undated row, and after
    DICTIONARY_DATE an unknown role where a role was still open."""
    name = aliases[0]
    rows, countries = [], [split_code(r.code)[0] for r in record.roles]
    fallback = next((c for c in countries if c), None) or (split_code(record.default.code)[0] if record.default else None)
    for role in record.roles + ([record.default] if record.default else []):
        if role.code in ("---", "+++", "###"):
            continue
        country, sector, sector2 = split_code(role.code)
        country = country or fallback
        if not country:
            continue
        start = role.start.isoformat() if role.start else ""
        end = role.end.isoformat() if role.end else ""
        if role.start or role.end:
            if role.start and role.start > DICTIONARY_DATE:
                continue
            if not role.end:
                end = DICTIONARY_DATE.isoformat()
                rows.append([name, "", country, "", "", f"role unknown after {end} (Phoenix)",
                             (DICTIONARY_DATE + dt.timedelta(days=1)).isoformat(), ""])
        rows.append([name, "", country, sector or "", sector2 or "", f"Phoenix {role.code}", start, end])
    if rows:
        rows[0][1] = "|".join(aliases[1:])
    return rows


def derive(records: list[ActorRecord], common: set[str], ours: Lexicon) -> Derived:
    out = Derived()
    check = Filter(records, common, ours)
    known = set(ours.countries)
    for n, record in enumerate(records):
        code = (record.default or record.roles[0]).code
        country, sector, sector2 = split_code(code)
        person = is_person(record)
        if code in ("---", "+++", "###") or not has_sector(record) and country not in CLASSES:
            out.dropped["records: a country, territory or place, or a null code"] += 1
            continue
        if country and country not in known and country not in CLASSES or any(
                (c := split_code(r.code)[0]) and c not in known and c not in CLASSES for r in record.roles):
            out.dropped["records: a country code we do not know"] += 1
            continue
        if check.ours_describes(record):
            out.dropped["records: ours describes the actor"] += 1
            continue
        kept = []
        for alias in aliases_of(record):
            reason = check.reason(alias, n, record, person, country)
            if reason is None:
                kept.append(alias)
            else:
                out.dropped[f"aliases: {reason}"] += 1
        if not kept:
            out.dropped["records: no alias left"] += 1
            continue
        if person:
            rows = person_rows(record, kept)
            out.people += rows
            out.dropped["records kept: people"] += bool(rows)
        else:
            out.orgs.append([kept[0], "|".join(kept[1:]), country or "", sector or "", sector2 or ""])
            out.dropped["records kept: organisations"] += 1
    return out


def common_words() -> set[str]:
    """Lowercase English words: the WordNet lemma index of the spaCy model (build time only)."""
    from eventscope.analyze import MODEL
    import spacy

    index = spacy.load(MODEL).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return set().union(*index.values()) | set(STOP_WORDS)


def tsv_text(columns: list[str], rows: list[list[str]], ours: str) -> str:
    return HEADER.format(ours=ours) + "\t".join(columns) + "\n" + "".join("\t".join(r) + "\n" for r in rows)


def render(derived: Derived) -> tuple[str, str]:
    """The text of phoenix_people.tsv and phoenix_organizations.tsv, sorted."""
    people = sorted(derived.people, key=lambda r: (r[0], r[6], r[7], r[2], r[5], r[3]))
    return (tsv_text(["name", "aliases", "country", "sector", "sector2", "role", "start", "end"], people, "people.tsv"),
            tsv_text(["name", "aliases", "country", "sector", "sector2"], merged(derived.orgs), "organizations.tsv"))


def merged(orgs: list[list[str]]) -> list[list[str]]:
    """One row per organisation listed twice ("BIMSTEC_"), with the aliases of both, sorted."""
    aliases: dict[tuple[str, ...], list[str]] = {}
    for name, alias_cell, *codes in orgs:
        found = aliases.setdefault((name, *codes), [])
        found += [a for a in alias_cell.split("|") if a and a not in found]
    return sorted([name, "|".join(found), *codes] for (name, *codes), found in aliases.items())


def notice(folder: Path, files: list[Path]) -> str:
    licence = (folder / "LICENSE").read_text(encoding="utf-8") if (folder / "LICENSE").is_file() else ""
    return (f"{PEOPLE_FILE} and {ORGS_FILE} are derived from the Phoenix actor dictionaries of PETRARCH2\n"
            f"({', '.join(p.name for p in files)}; https://github.com/openeventdata/petrarch2), under this licence:\n\n"
            + licence)


def build(folder: Path) -> tuple[Derived, list[Path], list[str]]:
    """Read the actor dictionaries the folder's config names, fix the country codes the
    checks of phoenix_errors find, and derive our rows."""
    files = actor_files(folder)
    warnings: list[str] = []
    ours = load_lexicon(derived=False)
    records, errors = [], Counter()
    for path in files:
        found = actor_records(path, warnings)
        fixes, counts = phoenix_errors.find(path, found, ours, un_members(), is_person, has_sector, RENAMED)
        records += [phoenix_errors.recoded(r, fixes[n]) if n in fixes else r for n, r in enumerate(found)]
        errors.update(counts)
    derived = derive(records, common_words(), ours)
    derived.dropped.update(errors)
    return derived, files, warnings


def un_members(path: Path | None = None) -> set[str]:
    """ISO codes of countries.tsv's UN member states: the rows under its UN_BLOCK comment line,
    up to the next comment line (the observers). The block is found by that line: an edit that
    loses it is an error, not an empty list (the country-code checks would silently go wrong);
    tests check the list against the 193 members typed independently."""
    path = path or OUT_DIR / "countries.tsv"
    members, block = set(), None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            block = line.strip()
        elif block == UN_BLOCK and re.match(r"[A-Z]{3}\t", line):
            members.add(line[:3])
    if not members:
        raise ValueError(f"{path}: no country rows under the line {UN_BLOCK!r}")
    return members


def actor_files(folder: Path) -> list[Path]:
    warnings: list[str] = []
    for config in sorted(folder.glob("*.ini")):
        names = [name for name, role in config_roles(config, warnings) if role == "actors"]
        if names:
            return [folder / name for name in names]
    return sorted(folder.glob("*actors*.txt"))


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference" / "petrarch2"
    derived, files, warnings = build(folder)
    if not files:
        sys.exit(f"{folder}: no PETRARCH actor dictionaries (no config naming them, no *actors*.txt)")
    people, orgs = render(derived)
    (OUT_DIR / PEOPLE_FILE).write_text(people, encoding="utf-8")
    (OUT_DIR / ORGS_FILE).write_text(orgs, encoding="utf-8")
    (OUT_DIR / NOTICE_FILE).write_text(notice(folder, files), encoding="utf-8")
    print(f"{sum(derived.dropped[k] for k in derived.dropped if k.startswith('records'))} records in "
          f"{len(files)} files ({len(warnings)} unreadable restrictions skipped)")
    for reason, count in sorted(derived.dropped.items()):
        print(f"  {reason:45} {count:6}")
    print(f"wrote {len(derived.people)} people rows, {len(derived.orgs)} organisations")


if __name__ == "__main__":
    main(sys.argv[1:])
