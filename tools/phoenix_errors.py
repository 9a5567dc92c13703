"""Country-code errors of the Phoenix country dictionary, found and fixed at derivation.

Used by ``tools/build_actor_knowledge.py``. ``Phoenix.Countries.actors.txt`` was generated
from CountryInfo.txt: a country record ("MAURITANIA_ [MRT]") opens its section, followed by
its heads of state in order of office and then its other officials in alphabetical order.
Three checks, each counted in the tool's summary:

* section: a person whose code's country is not that of the section they sit in (a record
  of another country's section: "[DZAGOV]" among the United States' people);
* role text: a person whose comment names one country ("# PM of East Germany") while their
  codes give another;
* displaced heads of state: a member state of the UN whose section is empty while the
  section right after it, of another country, opens with a run of heads of state before its
  alphabetical list: the run is the empty country's ("MOHAMED_OULD_ABDEL_AZIZ_" and the other
  heads of state of Mauritania sit at the head of Mauritius's section, coded MUS).

A person found by a check is recoded to the country the evidence names (section, comment or
displaced run): the first three letters of each of their codes. Nothing here is written for
one record: each check reads the file's structure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventscope.knowledge.actor_lexicon import Lexicon, tokenize
from eventscope.knowledge.petrarch import Role
from eventscope.knowledge.petrarch_actors import ActorRecord


SECTION = "errors fixed: coded to another country than their section's"
ROLE_TEXT = "errors fixed: coded to another country than their role text's"


@dataclass
class Section:
    country: str
    own: bool  # the country's own record ("MAURITANIA_ [MRT]"), not a territory's ("[FRAMYT]")
    people: list[int] = field(default_factory=list)  # indexes of person records, in file order


def _country(code: str, renamed: dict[str, str]) -> str:
    return renamed.get(code[:3], code[:3])


def sections(records: list[ActorRecord], is_person, has_sector, renamed: dict[str, str],
             ours: Lexicon) -> list[Section]:
    """The country sections of one file: a record whose codes give no sector opens one, of
    its code's country ("AMERICAN_SAMOA_ [USAASM]": the United States'); a null code,
    "INDIAN_OCEAN [---]", opens none."""
    out: list[Section] = []
    for n, record in enumerate(records):
        if not has_sector(record):
            role = record.default or (record.roles[-1] if record.roles else None)
            code = role.code.upper() if role else ""
            if re.match(r"[A-Z]{3}", code):
                country = _country(code, renamed)
                name = " ".join(record.phrases[0].replace("_", " ").split())  # "MAYOTTE_ [FRA]" is no name of France
                own = len(code) == 3 and any(e.kind == "country" and e.country == country
                                             for e in ours.lookup(tokenize(name)))
                out.append(Section(country, own))
        elif out and is_person(record):
            out[-1].people.append(n)
    return out


def comments(path: Path, records: list[ActorRecord]) -> dict[int, str]:
    """Each record's comment text (after "#" on its lines), by record index."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    starts = [int(r.source.rsplit(":", 1)[1]) for r in records]
    out = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else min(start + 30, len(lines) + 1)
        text = " ".join(line.split("#", 1)[1] for line in lines[start - 1:end - 1] if "#" in line)
        text = text.replace("CountryInfo.txt", "").strip()
        if text:
            out[n] = text
    return out


def role_country(text: str, ours: Lexicon, members: set[str]) -> str | None:
    """The one member country a role text names as the role's ("Prime Minister of X",
    "president ... from X"): a role word, then "of"/"from" (and "the"), then the country."""
    toks = tokenize(text)
    matches = ours.scan(toks)
    roles = {i for m in matches if m.best.kind == "sector" and m.best.priority >= 5 for i in range(m.start, m.end)}
    named = set()
    for m in matches:
        if m.best.kind not in ("country", "demonym") or m.best.country not in members:
            continue
        before = [t.norm for t in toks[max(0, m.start - 2):m.start]]
        if before[-1:] in (["of"], ["from"]) or before == ["of", "the"]:
            if roles & set(range(max(0, m.start - 6), m.start)):
                named.add(m.best.country)
    return next(iter(named)) if len(named) == 1 else None


def _leading_run(names: list[str]) -> int:
    """How many records open the list before the alphabetical list that ends it."""
    start = len(names) - 1
    while start > 0 and names[start - 1] <= names[start]:
        start -= 1
    return start if start > 1 else 0


def find(path: Path, records: list[ActorRecord], ours: Lexicon, members: set[str], is_person,
         has_sector, renamed: dict[str, str]) -> tuple[dict[int, str], Counter]:
    """{record index: the right country} and the count of each kind of error."""
    fixes: dict[int, str] = {}
    counts: Counter = Counter({SECTION: 0, ROLE_TEXT: 0})  # reported when none is found too
    secs = sections(records, is_person, has_sector, renamed, ours)

    def countries_of(n: int) -> set[str]:
        roles = records[n].roles + ([records[n].default] if records[n].default else [])
        return {_country(r.code, renamed) for r in roles if re.match(r"[A-Z]{3}", r.code) and r.code[:3] not in ("---", "+++", "###")}

    for sec in secs:  # section check
        for n in sec.people:
            found = countries_of(n)
            if found and sec.country not in found and sec.country in members and found <= members:
                fixes[n] = sec.country
                counts[SECTION] += 1
    notes = comments(path, records)
    for sec in secs:  # role text: "President of X", "Minister ... from X"
        for n in sec.people:
            named = role_country(notes.get(n, ""), ours, members)
            found = countries_of(n)
            if named and found and found <= members and named not in found:
                fixes[n] = named
                counts[ROLE_TEXT] += 1
    for before, sec in zip(secs, secs[1:]):  # displaced heads of state
        if before.people or not before.own or before.country not in members or sec.country == before.country:
            continue
        run = _leading_run([records[n].phrases[0] for n in sec.people])
        for n in sec.people[:run]:
            if countries_of(n) == {sec.country}:
                fixes[n] = before.country
                counts[f"errors fixed: heads of state of {before.country} coded {sec.country}"] += 1
    return fixes, counts


def recoded(record: ActorRecord, country: str) -> ActorRecord:
    """The record with the country part of each code replaced."""
    def fix(role: Role | None) -> Role | None:
        if role is None or not re.match(r"[A-Z]{3}", role.code):
            return role
        return Role(country + role.code[3:], role.start, role.end)

    return ActorRecord(list(record.phrases), record.source, [fix(r) for r in record.roles], fix(record.default))
