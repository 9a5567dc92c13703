"""User actor dictionaries: a simple TSV format, and PETRARCH dictionaries.

User TSV (any ``*.tsv`` whose header starts with ``name``)::

    name<TAB>aliases<TAB>country<TAB>sector<TAB>start<TAB>end
    Ali Shamkhani<TAB>Shamkhani|Adm. Shamkhani<TAB>IRN<TAB>MIL<TAB>1997-08-20<TAB>2005-08-24
    Ali Shamkhani<TAB><TAB>IRN<TAB>GOV<TAB>2013-09-10<TAB>

One row per role; rows with the same name are one person. A role with neither start nor
end is the default; when no role covers the date, the default applies, else the nearest
role. ``#`` starts a comment line.

PETRARCH actors, agents and discards files are read by ``eventscope.knowledge.petrarch``;
a PETRARCH verbs file by ``eventscope.knowledge.petrarch_verbs`` (``verb_patterns()``), and
when one is loaded its verb patterns replace the built-in verb lexicon.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from eventscope.knowledge import petrarch
from eventscope.knowledge.actor_lexicon import Token, tokenize
from eventscope.knowledge.tsv import read_tsv, split_list
from eventscope.knowledge.dates import parse_date
from eventscope.knowledge.tsv import DataFileError
from eventscope.knowledge.petrarch import (  # noqa: F401  re-exported for callers
    NULL_CODES, Agent, DictActor, DictionaryError, Role, agent_sector, split_code,
)
from eventscope.models import Actor, Evidence, decided

NULL = "null"  # the code evidence of an actor the dictionary nulls


class ActorDictionary:
    """Actors, agents, discards (and verbs) from user files; consulted before the built-in lexicon."""

    def __init__(self) -> None:
        self.actors: dict[tuple[str, ...], list[DictActor]] = {}
        self.agents: list[Agent] = []
        self.discards: list[tuple[tuple[str, ...], bool, bool]] = []  # words, story, stem
        self.verbs = None  # coding.petrarch_verbs.VerbDictionary when a verbs file was given
        self.warnings: list[str] = []
        self._agent_index: dict[str, list[tuple[int, Agent]]] = {}  # first word -> (file order, agent)

    # ------------------------------------------------------------ loading
    @classmethod
    def load(cls, *paths: str | Path) -> ActorDictionary:
        """Read files, or every recognised file in directories; unreadable lines are skipped
        and reported in ``warnings`` (and on stderr)."""
        book = cls()
        files: list[tuple[Path, str | None]] = []
        for p in map(Path, paths):
            files += book._files_in(p) if p.is_dir() else [(p, None)]
        for path, role in files:
            role = role or _role_by_name(path.name)
            try:
                if role == "tsv":
                    book._read_tsv(path)
                elif role == "verbs":
                    book._read_verbs(path)
                elif role in READERS:
                    READERS[role](book, path)
            except (OSError, UnicodeDecodeError, DataFileError) as exc:
                book.warnings.append(f"{path.name}: not read ({exc})")
        for warning in book.warnings:
            print(warning, file=sys.stderr)
        book._agent_index = {}
        for position, agent in enumerate(book.agents):
            book._agent_index.setdefault(agent.words[0], []).append((position, agent))
        return book

    def _files_in(self, folder: Path) -> list[tuple[Path, str | None]]:
        """The files of a folder with their roles: as a PETRARCH2 config in it says
        (``PETR_config.ini``: verbfile_name, actorfile_list, agentfile_name, discardfile_name),
        else by file name; our TSV dictionaries are read either way."""
        files = sorted(f for f in folder.iterdir() if f.is_file())
        tsv = [(f, "tsv") for f in files if f.name.lower().endswith(".tsv")]
        for config in (f for f in files if f.suffix.lower() == ".ini"):
            roles = petrarch.config_roles(config, self.warnings)
            if roles:
                return tsv + [(folder / name, role) for name, role in roles]
        return [(f, None) for f in files]

    def add_actor(self, phrase: str, actor: DictActor) -> None:
        words = petrarch.words_of(phrase)
        if words:
            self.actors.setdefault(words, []).append(actor)

    def _read_verbs(self, path: Path) -> None:
        from eventscope.knowledge.petrarch_verbs import VerbDictionary

        try:
            verbs = VerbDictionary.read(path)
        except (OSError, UnicodeDecodeError) as exc:
            self.warnings.append(f"{path.name}: cannot read verbs file ({exc})")
            return
        self.warnings.extend(verbs.warnings)
        if self.verbs is None:
            self.verbs = verbs
        else:
            self.verbs.extend(verbs)

    def verb_patterns(self) -> list:
        """Verb patterns for the coding lexicon (empty when no verbs file was loaded)."""
        return list(self.verbs.patterns) if self.verbs is not None else []

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
                self.add_actor(row["name"], person)
            role = Role(code, start, end)
            if start or end:
                person.roles.append(role)
            else:
                person.default = role
            for alias in split_list(row.get("aliases", "")):
                if person not in self.actors.get(petrarch.words_of(alias), []):
                    self.add_actor(alias, person)

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
        present = {w for w in norms}
        candidates = sorted((entry for word in present for entry in self._agent_index.get(word, ())),
                            key=lambda entry: entry[0])  # file order, as if all were scanned
        for _, agent in candidates:
            span = petrarch.find_agent(agent, norms, skip)
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
        found = decided(actor.evidence, "code")
        return found.value if found is not None else None

    @staticmethod
    def is_null(actor: Actor) -> bool:
        """Did the dictionary say this is no actor at all (a null code such as ``[---]``)?"""
        found = decided(actor.evidence, "code")
        return found is not None and found.value == NULL

    def full_codes(self, text: str, date: str | None = None) -> list[str] | None:
        """PETRARCH codes for `text`: prefix agents + the longest actor's code (at `date`) +
        suffix agents, one code per "/" alternative ("THE_SHIRE [FRO/BIL/SAM]" is three
        actors); ["---"] for a null actor; None when neither actor nor agent matched."""
        toks = tokenize(text)
        hit = self._actor_match(toks)
        skip = set(range(hit[0], hit[1])) if hit else set()
        agents = self._agent_matches([t.norm for t in toks], skip)
        if hit is None and not agents:
            return None
        alternatives = [""]
        if hit is not None:
            role = hit[2][0].role_at(parse_date(date))
            alternatives = [c for c in (role.code if role else "").split("/")]
            if alternatives[0] in NULL_CODES:
                return ["---"]
        prefix = "".join(a.code for _, a in agents if a.prefix)
        out = []
        for code in alternatives:
            suffix = "".join(a.code for _, a in agents if not a.prefix and not petrarch.has_part(code, a.code))
            out.append(prefix + (code or ("---" if not prefix else "")) + suffix)
        return out

    def lookup(self, text: str, date: str | None = None) -> Actor | None:
        """Longest dictionary actor in `text` combined with any agents around it."""
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
            evidence.append(Evidence("dictionary", f"dictionary:{entry.source}", "name", entry.source))
            if actor_code.split("/")[0] in NULL_CODES:
                evidence.append(Evidence("dictionary", NULL, "code", entry.source))
                return Actor(name=name, text=text, evidence=tuple(evidence))
        actor_code = actor_code.split("/")[0]
        prefix = "".join(a.code for _, a in agents if a.prefix)
        suffix = "".join(a.code for _, a in agents if not a.prefix and not petrarch.has_part(actor_code, a.code))
        country, sector = split_code(actor_code) if actor_code else (None, None)
        if sector is None and suffix:
            sector = agent_sector(suffix)
        if country is None and prefix and not suffix:
            country = prefix[:3]  # "MSF" alone: an NGO
        elif sector is None and prefix:
            sector = prefix[:3]
        evidence += [Evidence("dictionary", f"dictionary:{a.source}", "agent", a.source) for _, a in agents]
        evidence.append(Evidence("dictionary", prefix + actor_code + suffix, "code"))
        return Actor(name=name, country=country, sector=sector, text=text,
                     evidence=tuple(evidence))

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


READERS = {"actors": petrarch.read_actors, "agents": petrarch.read_agents, "discards": petrarch.read_discards}


def _role_by_name(name: str) -> str | None:
    """A file's role from its name, for folders without a PETRARCH2 config."""
    name = name.lower()
    if name.endswith(".tsv"):
        return "tsv"
    return next((role for role in ("verbs", "actors", "agents", "discards") if role in name), None)
