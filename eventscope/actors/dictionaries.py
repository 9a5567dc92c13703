"""User actor dictionaries: a simple TSV format and an importer for PETRARCH dictionaries.

User TSV (any ``*.tsv`` whose header starts with ``name``)::

    name<TAB>aliases<TAB>country<TAB>sector<TAB>start<TAB>end
    Ali Shamkhani<TAB>Shamkhani|Adm. Shamkhani<TAB>IRN<TAB>MIL<TAB>1997-08-20<TAB>2005-08-24
    Ali Shamkhani<TAB><TAB>IRN<TAB>GOV<TAB>2013-09-10<TAB>

One row per role; rows with the same name are one person. A role with neither start nor
end is the default; when no role covers the date, the default applies, else the nearest
role. ``#`` starts a comment line.

PETRARCH files are recognised by name: ``*actors*.txt`` (``NAME [CODE]`` records, ``+ALIAS``
lines, indented date restrictions ``[CODE <date]``, ``[CODE >date]``, ``[CODE d1-d2]``
with YYMMDD or YYYYMMDD dates, first matching restriction wins, else the default code),
``*agents*.txt`` (``WORD {PLURALS} [~CODE]`` suffix or ``[CODE~]`` prefix agents and
``!SET! = A, B`` substitution sets) and ``*discards*.txt``. ``*verbs*.txt`` is skipped.
Codes are a 3-letter country or class followed by 3-letter agent codes: ``DAGGOV`` is
country DAG, sector GOV; in ``PSEHMSGOV`` the sector is the first known sector code (GOV).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from eventscope.actors.lexicon import Token, read_tsv, sector_codes, split_list, tokenize
from eventscope.models import Actor

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


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a PETRARCH code."""
    code = code.upper().split("/")[0]
    if code in NULL_CODES:
        return None, None
    known = sector_codes()
    if len(code) <= 3:
        return code, None
    parts = [code[i:i + 3] for i in range(3, len(code), 3)]
    return code[:3], next((p for p in parts if p in known), parts[0])


def agent_sector(code: str) -> str | None:
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    return next((p for p in parts if p in sector_codes()), parts[0] if parts else None)


def petr_date(text: str, where: str) -> dt.date:
    if len(text) == 6:  # YYMMDD: 00-29 are 20xx
        text = ("20" if int(text[:2]) < 30 else "19") + text
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise DictionaryError(f"{where}: bad date {text!r}") from None


def parse_restriction(body: str, where: str) -> Role:
    """``HOBGOV 19950601 - 19990815``, ``USR <911226``, ``HOBREB > 990816`` or ``ZBW``."""
    m = re.fullmatch(r"\s*([^\s<>]+)\s*(.*?)\s*", body)
    if not m:
        raise DictionaryError(f"{where}: empty code")
    code, rest = m[1].upper(), m[2]
    if not rest:
        return Role(code)
    if r := re.fullmatch(r"<\s*(\d{6}|\d{8})", rest):
        return Role(code, end=petr_date(r[1], where))
    if r := re.fullmatch(r">\s*(\d{6}|\d{8})", rest):
        return Role(code, start=petr_date(r[1], where))
    if r := re.fullmatch(r"(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})", rest):
        return Role(code, start=petr_date(r[1], where), end=petr_date(r[2], where))
    raise DictionaryError(f"{where}: cannot read date restriction {rest!r}")


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


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


class ActorDictionary:
    """Actors, agents and discards from user files; consulted before the built-in lexicon."""

    def __init__(self) -> None:
        self.actors: dict[tuple[str, ...], list[DictActor]] = {}
        self.agents: list[Agent] = []
        self.discards: list[tuple[tuple[str, ...], bool, bool]] = []  # words, story, stem
        self.warnings: list[str] = []

    # ------------------------------------------------------------ loading
    @classmethod
    def load(cls, *paths: str | Path) -> ActorDictionary:
        """Read files, or every recognised file in directories; unreadable lines are skipped
        and reported in ``warnings`` (and on stderr)."""
        book = cls()
        files: list[Path] = []
        for p in map(Path, paths):
            files += sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p]
        for f in files:
            name = f.name.lower()
            if "verbs" in name:
                continue
            if name.endswith(".tsv"):
                book._read_tsv(f)
            elif "actors" in name:
                book._read_actors(f)
            elif "agents" in name:
                book._read_agents(f)
            elif "discards" in name:
                book._read_discards(f)
        for warning in book.warnings:
            print(warning, file=sys.stderr)
        return book

    def _add_actor(self, phrase: str, actor: DictActor) -> None:
        words = _words(phrase)
        if words:
            self.actors.setdefault(words, []).append(actor)

    def _read_tsv(self, path: Path) -> None:
        people: dict[str, DictActor] = {}
        for lineno, row in read_tsv(path):
            where = f"{path.name}:{lineno}"
            if not row.get("name"):
                self.warnings.append(f"{where}: no name")
                continue
            try:
                start = dt.date.fromisoformat(row["start"]) if row.get("start") else None
                end = dt.date.fromisoformat(row["end"]) if row.get("end") else None
            except ValueError as exc:
                self.warnings.append(f"{where}: bad date ({exc})")
                continue
            code = (row.get("country") or "---").upper() + (row.get("sector") or "").upper()
            person = people.get(row["name"])
            if person is None:
                person = people[row["name"]] = DictActor(row["name"], where, nearest=True)
                self._add_actor(row["name"], person)
            role = Role(code, start, end)
            if start or end:
                person.roles.append(role)
            else:
                person.default = role
            for alias in split_list(row.get("aliases", "")):
                if person not in self.actors.get(_words(alias), []):
                    self._add_actor(alias, person)

    def _read_actors(self, path: Path) -> None:
        current: DictActor | None = None
        for lineno, line in petr_lines(path):
            where = f"{path.name}:{lineno}"
            body = line.strip()
            try:
                if body.startswith("["):  # an indented code / date restriction
                    if current is None:
                        raise DictionaryError(f"{where}: code before any actor")
                    role = parse_restriction(body.strip("[]"), where)
                    if role.start or role.end:
                        current.roles.append(role)
                    else:
                        current.default = role
                elif body.startswith("+"):
                    if current is None:
                        raise DictionaryError(f"{where}: alias before any actor")
                    self._add_actor(body[1:].split("[")[0], current)
                else:
                    phrase, _, code = body.partition("[")
                    display = " ".join(phrase.replace("_", " ").split()).title()
                    current = DictActor(display, where)
                    self._add_actor(phrase, current)
                    if code:
                        role = parse_restriction(code.split("]")[0], where)
                        current.default = role if not (role.start or role.end) else None
                        if role.start or role.end:
                            current.roles.append(role)
            except DictionaryError as exc:
                self.warnings.append(str(exc))

    def _read_agents(self, path: Path) -> None:
        sets: dict[str, list[str]] = {}
        for lineno, line in petr_lines(path):
            where = f"{path.name}:{lineno}"
            if m := re.fullmatch(r"\s*!(\w+)!\s*=\s*(.+)", line):
                sets[m[1].upper()] = [w.strip() for w in m[2].split(",") if w.strip()]
                continue
            m = re.fullmatch(r"\s*([^\[{]+?)\s*(\{[^}]*\})?\s*\[\s*([^\]]*?)\s*\]\s*", line)
            if not m or "~" not in m[3]:
                self.warnings.append(f"{where}: not an agent line: {line.strip()!r}")
                continue
            phrase, plurals, code = m[1], m[2], m[3].replace(" ", "")
            prefix = code.endswith("~")
            code = code.strip("~").upper()
            forms = [phrase]
            for name in re.findall(r"!(\w+)!", phrase):
                if name.upper() not in sets:
                    self.warnings.append(f"{where}: undefined substitution set !{name}!")
                    forms = []
                    break
                forms = [f.replace(f"!{name}!", item) for f in forms for item in sets[name.upper()]]
            if plurals is None and forms == [phrase]:
                forms.append(_plural(phrase))
            elif plurals:
                forms += plurals.strip("{}").split()
            for form in forms:
                words, gaps = _agent_pattern(form)
                if words:
                    self.agents.append(Agent(words, gaps, code, prefix, where))

    def _read_discards(self, path: Path) -> None:
        for _, line in petr_lines(path):
            text = line.strip()
            story = text.startswith("+")
            text = text.lstrip("+").strip()
            words = _words(text)
            if words:
                self.discards.append((words, story, not text.endswith("_")))

    # ------------------------------------------------------------ lookup
    def _actor_match(self, toks: list[Token]) -> tuple[int, int, list[DictActor]] | None:
        norms = [t.norm for t in toks]
        best = None
        for i in range(len(norms)):
            for j in range(len(norms), i, -1):
                found = self.actors.get(tuple(norms[i:j]))
                if found and (best is None or j - i > best[1] - best[0]):
                    best = (i, j, found)
                    break
        return best

    def _agent_matches(self, norms: list[str], skip: set[int]) -> list[tuple[int, Agent]]:
        """(position, agent) for the longest agents found outside `skip`, in phrase order."""
        found: list[tuple[int, int, Agent]] = []
        for agent in self.agents:
            span = _find(agent, norms, skip)
            if span:
                found.append((span[0], span[1], agent))
        chosen, used = [], set(skip)
        for start, end, agent in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if not used.intersection(range(start, end)):
                chosen.append((start, agent))
                used.update(range(start, end))
        return sorted(chosen, key=lambda c: c[0])

    def agent_lookup(self, text: str) -> str | None:
        """The sector of the longest agent phrase in `text`, or None."""
        matches = self._agent_matches([t.norm for t in tokenize(text)], set())
        if not matches:
            return None
        agent = max(matches, key=lambda m: len(m[1].words))[1]
        return agent_sector(agent.code)

    def code(self, text: str, date: str | None = None) -> str | None:
        """The full PETRARCH-style code (prefix agents + actor code + agents), or None."""
        actor = self.lookup(text, date)
        if actor is None:
            return None
        return dict(p.split("=", 1) for p in actor.evidence.split("; ") if "=" in p).get("code")

    def lookup(self, text: str, date: str | None = None) -> Actor | None:
        """Longest dictionary actor in `text` combined with any agents around it."""
        from eventscope.actors.phrase import parse_date

        toks = tokenize(text)
        norms = [t.norm for t in toks]
        hit = self._actor_match(toks)
        skip = set(range(hit[0], hit[1])) if hit else set()
        agents = self._agent_matches(norms, skip)
        if hit is None and not agents:
            return None
        name, actor_code, evidence = text, "", []
        if hit is not None:
            entry = hit[2][0]
            role = entry.role_at(parse_date(date))
            name, actor_code = entry.name, role.code if role else ""
            evidence.append(f"name=dictionary:{entry.source}")
            if actor_code.split("/")[0] in NULL_CODES:
                return Actor(name=name, text=text, evidence="; ".join(evidence + ["code=null"]))
        actor_code = actor_code.split("/")[0]
        prefix = "".join(a.code for _, a in agents if a.prefix)
        suffix = "".join(a.code for _, a in agents if not a.prefix and a.code not in actor_code)
        country, sector = split_code(actor_code) if actor_code else (None, None)
        if sector is None and suffix:
            sector = agent_sector(suffix)
        if country is None and prefix and not suffix:
            country = prefix[:3]  # "MSF" alone: an NGO
        elif sector is None and prefix:
            sector = prefix[:3]
        evidence += [f"agent=dictionary:{a.source}" for _, a in agents]
        evidence.append(f"code={prefix + actor_code + suffix}")
        return Actor(name=name, country=country, sector=sector, text=text,
                     evidence="; ".join(evidence))

    def discard(self, text: str) -> str | None:
        """"story" or "sentence" when `text` contains a discard phrase, else None."""
        norms = [t.norm for t in tokenize(text)]
        for words, story, stem in self.discards:
            n = len(words)
            for i in range(len(norms) - n + 1):
                window = norms[i:i + n]
                if window[:-1] == list(words[:-1]) and (
                        window[-1] == words[-1] or stem and window[-1].startswith(words[-1])):
                    return "story" if story else "sentence"
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
        for j, word in enumerate(_words(chunk)):
            words.append(word)
            gaps.append(k > 0 and j == 0)
    return tuple(words), tuple(gaps)


def _find(agent: Agent, norms: list[str], skip: set[int]) -> tuple[int, int] | None:
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
