"""Reading PETRARCH actor, agent and discard dictionaries into an ``ActorDictionary``.

Files are recognised by name: ``*actors*.txt`` (``NAME [CODE]`` records, ``+ALIAS`` lines,
indented date restrictions ``[CODE <date]``, ``[CODE >date]``, ``[CODE d1-d2]`` with YYMMDD
or YYYYMMDD dates, first matching restriction wins, else the default code),
``*agents*.txt`` (``WORD {PLURALS} [~CODE]`` suffix or ``[CODE~]`` prefix agents and
``!SET! = A, B`` substitution sets) and ``*discards*.txt`` (``+`` = discard the story).
Verbs files are read by ``eventscope.knowledge.petrarch_verbs``.
Codes are a 3-letter country or class followed by 3-letter agent codes: ``DAGGOV`` is
country DAG, sector GOV; in ``PSEHMSGOV`` the sector is the first known sector code (GOV);
CAMEO's ``MED`` (media) is read as our ``JRN`` and its ``HLH`` (health) as our ``MED``;
``ELR/GAL`` names two actors at once.
"""

from __future__ import annotations

import configparser
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from eventscope.knowledge.actor_lexicon import tokenize
from eventscope.knowledge.actor_files import sector_codes
from eventscope.knowledge.tsv import ACTOR_DATA, read_tsv

if TYPE_CHECKING:
    from eventscope.knowledge.dictionaries import ActorDictionary

NULL_CODES = {"---", "+++", "###", ""}


class DictionaryError(ValueError):
    """A dictionary file or line that cannot be read; the message names file and line."""


@dataclass
class Role:
    code: str  # full code ("HOBGOV"); "" = null actor
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, when: dt.date) -> bool:
        return (self.start or dt.date.min) <= when <= (self.end or dt.date.max)


@dataclass
class DictActor:
    name: str
    source: str
    roles: list[Role] = field(default_factory=list)  # dated, in file order
    default: Role | None = None
    nearest: bool = False  # user TSV: fall back to the nearest dated role

    def role_at(self, when: dt.date) -> Role | None:
        for role in self.roles:
            if role.covers(when):
                return role
        if self.default is not None or not self.nearest or not self.roles:
            return self.default
        return min(self.roles, key=lambda r: min(abs((d - when).days)
                                                 for d in (r.start, r.end) if d))


@dataclass
class Agent:
    words: tuple[str, ...]
    gaps: tuple[bool, ...]  # gaps[i]: other words may come before words[i] (a blank in the file)
    code: str
    prefix: bool  # "NGO~": the code goes before the actor's code
    source: str
    form: str = "phrase"  # or "plural": made by the reader; "listed": a {PLURAL} of the line


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a PETRARCH code."""
    code = code.upper().split("/")[0]
    if code in NULL_CODES:
        return None, None
    known = sector_codes()
    if len(code) <= 3:
        return code, None
    parts = [our_sector(code[i:i + 3]) for i in range(3, len(code), 3)]
    return code[:3], next((p for p in parts if p in known), parts[0])


def has_part(code: str, agent: str) -> bool:
    """Is `agent` already one of the 3-letter parts of `code` after its country?"""
    return any(code[i:i + len(agent)] == agent for i in range(3, len(code), 3))


def agent_sector(code: str) -> str | None:
    parts = [our_sector(code[i:i + 3]) for i in range(0, len(code), 3)]
    return next((p for p in parts if p in sector_codes()), parts[0] if parts else None)


@lru_cache(maxsize=1)
def renamed_sectors() -> dict[str, str]:
    """CAMEO/PETRARCH sector codes that mean another of ours (sector_codes.tsv `petrarch`)."""
    return {row["petrarch"]: row["code"] for _, row in read_tsv(ACTOR_DATA / "sector_codes.tsv") if row.get("petrarch")}


def our_sector(part: str) -> str:
    """Our code for a 3-letter part of a dictionary's code: CAMEO's ``MED`` (media) is our
    ``JRN``, its ``HLH`` (health) our ``MED``; other parts are read as written."""
    return renamed_sectors().get(part, part)


def petr_date(text: str, where: str) -> dt.date:
    """A dictionary date read as PETRARCH2 reads it: up to 7 digits are YYMMDD (00-30 are
    20xx) from the first six, more are YYYYMMDD from the first eight ("1920050709" is
    1920-05-07; PETRARCH2 ignores the rest)."""
    if len(text) <= 7:
        text = ("20" if int(text[:2]) <= 30 else "19") + text[:6]
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise DictionaryError(f"{where}: bad date {text!r}") from None


def parse_restriction(body: str, where: str) -> Role:
    """``HOBGOV 19950601 - 19990815``, ``USR <911226``, ``HOBREB > 990816``, ``ZBW``, or a
    bare date ``IRQGOV 19820101``, which PETRARCH2 compares as a start (``>``)."""
    m = re.fullmatch(r"\s*([^\s<>]+)\s*(.*?)\s*", body)
    if not m:
        raise DictionaryError(f"{where}: empty code")
    code, rest = m[1].upper(), m[2]
    if not rest:
        return Role(code)
    if r := re.fullmatch(r"<\s*(\d{6,})", rest):
        return Role(code, end=petr_date(r[1], where))
    if r := re.fullmatch(r">?\s*(\d{6,})", rest):
        return Role(code, start=petr_date(r[1], where))
    if r := re.fullmatch(r"(\d{6,})\s*-\s*(\d{6,})", rest):
        return Role(code, start=petr_date(r[1], where), end=petr_date(r[2], where))
    raise DictionaryError(f"{where}: cannot read date restriction {rest!r}")


CONFIG_ROLES = {"verbfile_name": "verbs", "actorfile_list": "actors", "agentfile_name": "agents",
                "discardfile_name": "discards"}  # issuefile_name: issues are not coded


def config_roles(path: Path, warnings: list[str]) -> list[tuple[str, str]]:
    """(file name, role) for each dictionary a PETRARCH2 config names, in its order; []
    when the file is not such a config. Named files that are missing are reported."""
    parser = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        warnings.append(f"{path.name}: not a PETRARCH2 config ({type(exc).__name__})")
        return []
    if not parser.has_section("Dictionaries"):
        return []
    roles = []
    for option, role in CONFIG_ROLES.items():
        for name in parser.get("Dictionaries", option, fallback="").split(","):
            name = Path(name.strip()).name  # PETRARCH2 configs may give paths of their own machine
            if not name:
                continue
            if not (path.parent / name).is_file():
                warnings.append(f"{path.name}: {option} names {name}, which is not in {path.parent}")
                continue
            roles.append((name, role))
    return roles


def petr_lines(path: Path):
    """(lineno, raw line without comments) for a PETRARCH file; XML and # comments removed."""
    in_comment = False
    for lineno, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if in_comment:
            if "-->" in line:
                in_comment, line = False, line.split("-->", 1)[1]
            else:
                continue
        while "<!" in line:  # also tolerates the malformed "<! --"
            before, after = line.split("<!", 1)
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_comment = before, True
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield lineno, line


def words_of(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


def read_actors(book: ActorDictionary, path: Path) -> None:
    """Every actor of a PETRARCH actors file (``knowledge.petrarch_actors``: root lines without
    codes share the codes that follow them, as in PETRARCH2), each under all its phrases."""
    from eventscope.knowledge.petrarch_actors import actor_records

    for record in actor_records(path, book.warnings):
        root = record.phrases[0].split("(")[0] or record.phrases[0]
        actor = DictActor(" ".join(root.replace("_", " ").split()).title(), record.source,
                          roles=list(record.roles), default=record.default)
        for phrase in record.phrases:
            book.add_actor(phrase, actor)


def read_agents(book: ActorDictionary, path: Path) -> None:
    sets: dict[str, list[str]] = {}
    for lineno, line in petr_lines(path):
        where = f"{path.name}:{lineno}"
        if m := re.fullmatch(r"\s*!(\w+)!\s*=\s*(.+)", line):
            sets[m[1].upper()] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        # "[~ENV}": PETRARCH2 reads a code up to "]" or the line's end; a stray "}" closes it too
        m = re.fullmatch(r"\s*([^\[{]+?)\s*(\{[^}]*\})?\s*\[\s*([^\]}]*?)\s*[\]}]?\s*", line)
        if not m or "~" not in m[3]:
            book.warnings.append(f"{where}: not an agent line: {line.strip()!r}")
            continue
        phrase, plurals, code = m[1], m[2], m[3].replace(" ", "")
        prefix = code.endswith("~")
        code = code.strip("~").upper()
        forms = [(phrase, "phrase")]
        for name in re.findall(r"!(\w+)!", phrase):
            if name.upper() not in sets:
                book.warnings.append(f"{where}: undefined substitution set !{name}!")
                forms = []
                break
            forms = [(f.replace(f"!{name}!", item), kind) for f, kind in forms for item in sets[name.upper()]]
        if plurals is None and forms == [(phrase, "phrase")]:
            forms.append((_plural(phrase), "plural"))
        elif plurals:
            forms += [(p, "listed") for p in plurals.strip("{}").split()]
        for form, kind in forms:
            words, gaps = _agent_pattern(form)
            if words:
                book.agents.append(Agent(words, gaps, code, prefix, where, kind))


def read_discards(book: ActorDictionary, path: Path) -> None:
    for _, line in petr_lines(path):
        text = line.strip()
        story = text.startswith("+")
        text = text.lstrip("+").strip()
        words = words_of(text)
        if words:
            book.discards.append((words, story, not text.endswith("_")))


def find_agent(agent: Agent, norms: list[str], skip: set[int]) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of an agent phrase outside `skip`."""
    for start in range(len(norms)):
        if start in skip or norms[start] != agent.words[0]:
            continue
        pos, ok = start, True
        for word, gap in zip(agent.words[1:], agent.gaps[1:]):
            nxt = pos + 1
            if gap:
                while nxt < len(norms) and norms[nxt] != word and nxt not in skip:
                    nxt += 1
            if nxt >= len(norms) or norms[nxt] != word or nxt in skip:
                ok = False
                break
            pos = nxt
        if ok:
            return start, pos + 1
    return None


def _plural(phrase: str) -> str:
    """PETRARCH's regular plural of an agent phrase's last word."""
    word = phrase.rstrip("_ ")
    if re.search(r"[^aeiou]y$", word, re.I):
        return word[:-1] + ("IES" if word.isupper() else "ies")
    if re.search(r"(ss|sh|ch|x)$", word, re.I):
        return word + ("ES" if word.isupper() else "es")
    return word + ("S" if word.isupper() else "s")


def _agent_pattern(form: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """Words of an agent phrase; a blank (not "_") between words allows others in between."""
    words: list[str] = []
    gaps: list[bool] = []
    for k, chunk in enumerate(form.split()):
        for j, word in enumerate(words_of(chunk)):
            words.append(word)
            gaps.append(k > 0 and j == 0)
    return tuple(words), tuple(gaps)
