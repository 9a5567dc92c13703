"""PETRARCH actor dictionaries as records: one actor's phrases with its codes and dated roles.

The format (PETRARCH2's ``read_actor_dictionary``): a root phrase line starts an actor; ``+``
lines add synonyms; indented ``[CODE]`` lines (or codes on the root line itself) give the
default code and date-restricted codes. Consecutive root lines without codes share the codes
that follow them ("LEONID_BREZHNEV_" / "LEONID_ILYICH_BREZHNEV" / ``[RUSGOV ...]``): PETRARCH2
stores them under one code index. Unlike PETRARCH2, every bracket of a line is read ("[IGOUNO
970101-061231] [ELI]" is a dated role and a default), as the dictionary's authors wrote them.
Read by ``tools/build_actor_knowledge.py``, which derives our built-in actor data from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventscope.knowledge.petrarch import DictionaryError, Role, parse_restriction, petr_lines

# Phoenix country codes that differ from ours for the same country (CAMEO's older codes);
# the tools that derive our data from Phoenix files rename them.
CODE_RENAMES = {"TMP": "TLS", "KSV": "XKX", "ANG": "AGO", "ROM": "ROU", "ZAR": "COD", "BUR": "MMR"}
BRACKET = re.compile(r"\[([^\]]*)\]?")


@dataclass
class ActorRecord:
    phrases: list[str]  # root phrases first, then synonyms, as written ("HAMID_KARZAI_")
    source: str  # file:line of the first root phrase
    roles: list[Role] = field(default_factory=list)  # date-restricted codes, in file order
    default: Role | None = None  # the undated code, if any (the last one written wins)

    @property
    def coded(self) -> bool:
        return bool(self.roles) or self.default is not None


def _phrase(text: str) -> str:
    return text.split("[", 1)[0].strip()


def _add_codes(record: ActorRecord, text: str, where: str, warnings: list[str]) -> None:
    for body in BRACKET.findall(text):
        try:
            role = parse_restriction(body, where)
        except DictionaryError as exc:
            warnings.append(str(exc))
            continue
        if role.start and role.end and role.end < role.start:
            warnings.append(f"{where}: end date before start date; restriction skipped")
        elif role.start or role.end:
            record.roles.append(role)
        else:
            record.default = role


def actor_records(path: Path, warnings: list[str] | None = None) -> list[ActorRecord]:
    """Every coded actor of a PETRARCH actors file, in file order; unreadable restrictions
    are skipped and reported in `warnings` with file:line."""
    warnings = [] if warnings is None else warnings
    records: list[ActorRecord] = []
    current: ActorRecord | None = None
    for lineno, line in petr_lines(path):
        where = f"{path.name}:{lineno}"
        body = line.strip()
        if "---STOP---" in body:
            break
        if body.startswith("["):
            if current is None:
                warnings.append(f"{where}: code before any actor")
                continue
            _add_codes(current, body, where, warnings)
        elif body.startswith("+"):
            if current is None:
                warnings.append(f"{where}: synonym before any actor")
                continue
            if phrase := _phrase(body[1:]):
                current.phrases.append(phrase)
            _add_codes(current, body[1:], where, warnings)
        else:
            phrase = _phrase(body)
            if current is None or current.coded:
                current = ActorRecord([], where)
                records.append(current)
            if phrase:
                current.phrases.append(phrase)
            _add_codes(current, body, where, warnings)
    return [r for r in records if r.coded and r.phrases]
