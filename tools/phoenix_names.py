"""Phoenix actor names and codes read for tools/build_actor_knowledge.py: display forms,
aliases, acronyms, and the split of a Phoenix code into our country, sector and sector2.
Build time only (the product reads the TSVs that tool writes)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventscope.knowledge.petrarch import renamed_sectors  # noqa: E402
from eventscope.knowledge.petrarch_actors import CODE_RENAMES, ActorRecord  # noqa: E402

# Phoenix/CAMEO 3-letter parts -> our sector codes (sector_codes.tsv; CAMEO's MED media and HLH
# health are ours by another name, read from its `petrarch` column); others carry no sector
SECTORS = {**renamed_sectors(),
           "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "SPY": "SPY",
           "REB": "REB", "INS": "REB", "SEP": "REB", "UAF": "UAF", "OPP": "OPP", "PTY": "PTY",
           "BUS": "BUS", "MNC": "BUS", "EDU": "EDU", "REL": "REL",
           "LAB": "LAB", "AGR": "AGR", "REF": "REF", "CVL": "CVL", "CRM": "CRM", "ELI": "ELI"}
CLASSES = {"IGO", "NGO", "IMG", "MNC", "AFR", "ASA", "EUR", "MEA", "LAM", "NAF", "SAS", "SEA", "WST",
           "CAU", "CAS", "BLK", "EAF", "WAF", "SAF", "CRB", "NMR", "SAM", "CFR", "SCN", "BAL", "MDT"}
# CAMEO/Phoenix country codes that differ from ISO 3166 (countries.tsv); the Soviet Union is
# Russia there. Codes neither ours nor a class (a fictional "KNT" of the unit tests) drop the record.
# and a person's or body's Soviet roles continue as Russia's (country names keep SUN apart)
RENAMED = {**CODE_RENAMES, "SUN": "RUS"}
ORG_WORDS = {"party", "front", "forces", "force", "army", "council", "ministry", "government", "movement",
             "organization", "organisation", "union", "league", "committee", "assembly", "parliament",
             "congress", "court", "bank", "police", "guard", "brigade", "brigades", "group", "regime",
             "junta", "administration", "authority", "commission", "agency", "office", "service",
             "corporation", "company", "inc", "corp", "ltd", "alliance", "coalition", "federation",
             "association", "institute", "fund", "taliban", "militia", "mujahideen", "national"}
LOWER_WORDS = {"al", "el", "bin", "ibn", "de", "del", "da", "do", "dos", "du", "van", "von", "der",
               "la", "le", "of", "the", "and", "for", "in", "on", "y"}
ROMAN = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x{1,3})$", re.I)


def words(phrase: str) -> list[str]:
    """A dictionary phrase's words, lowercase, without parenthesised parts."""
    return [w for w in re.sub(r"\([^)]*\)", " ", phrase.replace("_", " ")).lower().split() if w]


def display(phrase: str) -> str:
    """ "HAMID_KARZAI_" -> "Hamid Karzai"; "U.N._MONITOR" -> "U.N. Monitor"; "AL-QAIDA" -> "Al-Qaida"."""
    out = []
    for i, word in enumerate(re.sub(r"\([^)]*\)", " ", phrase.replace("_", " ")).split()):
        lower = word.lower()
        if "." in word.strip(".") or ROMAN.match(word) and i:
            out.append(word.upper())
        elif lower in LOWER_WORDS and i:
            out.append(lower)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in lower.split("-")))
    return " ".join(out)


def acronym(alias: str, names: list[str]) -> bool:
    """A one-word alias that is an acronym: no vowels, or the initials of one of the names."""
    letters = re.sub(r"[^a-z]", "", alias.lower())
    if not 2 <= len(letters) <= 6:
        return False
    if not re.search(r"[aeiou]", letters):
        return True
    for name in names:
        content = [w for w in words(name) if w not in LOWER_WORDS]
        if len(content) > 1 and letters in ("".join(w[0] for w in content), "".join(w[0] for w in words(name))):
            return True
    return False


def parenthesised(phrase: str) -> list[str]:
    return [p.strip("_ ") for p in re.findall(r"\(([^)]*)\)", phrase) if p.strip("_ ")]


def split_code(code: str) -> tuple[str | None, str | None, str | None]:
    """(country, sector, sector2) of a Phoenix code, in our codes."""
    code = code.upper().split("/")[0]
    head, parts = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    if head in SECTORS and head not in ("MNC",):  # "ELI": no country
        head, parts = None, [head, *parts]
    if head == "IGO" and parts[:1] == ["EUR"]:
        head, parts = "EUR", parts[1:]
    elif head == "MNC":
        country = next((p for p in parts if p not in SECTORS and p not in CLASSES), None)
        return RENAMED.get(country, country), "BUS", None
    head = RENAMED.get(head, head)
    mapped = [SECTORS[p] for p in parts if p in SECTORS]
    return head, (mapped[0] if mapped else None), (mapped[1] if len(mapped) > 1 and mapped[1] != mapped[0] else None)


def is_person(record: ActorRecord) -> bool:
    return bool(record.roles) and not any(w in ORG_WORDS for p in record.phrases for w in words(p))


def has_sector(record: ActorRecord) -> bool:
    """Does any code of the record give a sector? Country and territory names ("GEORGIA",
    "[USRGEO 910409]", "FAROE [DNKFRO]") give none: countries.tsv and places.tsv have them."""
    return any(split_code(r.code)[1] for r in record.roles + ([record.default] if record.default else []))


def aliases_of(record: ActorRecord) -> list[str]:
    """The record's names in display form, its first name first; acronyms written in
    parentheses ("ANIMAL_LIBERATION_FRONT_(ALF)_") in capitals."""
    out: list[str] = []
    for phrase in record.phrases:
        inner = [p.upper() for p in parenthesised(phrase) if acronym(p, record.phrases)]  # "(PFG)", not "(COUNTRY)"
        for alias in [display(phrase)] + inner:
            if len(alias.split()) == 1 and acronym(alias, record.phrases):
                alias = alias.upper()
            if alias and alias not in out:
                out.append(alias)
    return out
