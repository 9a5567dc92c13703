"""The built-in actor lexicon: countries, organisations, people, places and role words.

The data lives in TSV files under ``data/`` (see ``data/README.md``); this module reads
them once and builds a single table from normalised token sequences to entries, so that a
phrase can be scanned for every known name, demonym, capital, organisation, person and role
word in one pass. Matching is case- and diacritic-insensitive and tolerant of punctuation
("U.S." == "US", "al-Qaeda" == "al Qaeda") and of regular plurals.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Sequence

from eventscope.knowledge.tsv import ACTOR_DATA as DATA, DataFileError, read_tsv, split_list


# Kinds of entries, strongest first: when one span matches several kinds, an entity
# (person/organisation) beats a place, and a place beats a bare role word.
KIND_RANK = {"person": 0, "org": 1, "seat": 2, "capital": 3, "country": 4, "demonym": 5,
             "region": 6, "city": 7, "sector": 8}
PLACE_KINDS = ("seat", "capital", "country", "demonym", "region", "city")


LexiconError = DataFileError  # the name callers catch
# Derived from the Phoenix dictionaries, read under ours (a name ours knows stays ours):
DERIVED_AGENTS = "phoenix_agents.tsv"  # role words of Phoenix.agents.txt (tools/build_agent_knowledge.py)
DERIVED_COUNTRIES = "phoenix_countries.tsv"  # country names, adjectives (tools/build_country_knowledge.py)
DERIVED_PLACES = "phoenix_places.tsv"  # provinces and towns of the country records (same tool)

# Role-word priorities (sectors.tsv's header) that decide how a phrase is read (actors.phrase):
NOT_AN_ACTOR = 0  # UNK (a person of unknown kind) and JNK (not an actor)
PLACE_PRIORITY = 1  # a capital, seat or town standing for its government or residents
DESCRIPTOR = 3  # from descriptors up, a title in the phrase describes the person as of writing
GOVERNMENT_ROLE = 5  # from government roles up, a title gives an organisation its sector


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # one of KIND_RANK
    name: str  # canonical name (Wikipedia title where one exists)
    country: str | None = None
    sector: str | None = None
    sector2: str | None = None
    priority: int = 0  # role words: higher wins (see sectors.tsv)
    role: str = ""  # people: the office held
    start: str = ""  # people: ISO dates bounding the role, "" = open
    end: str = ""
    caps_only: bool = False  # abbreviations: written in capitals to match ("US" but not "us")
    capitalised: bool = False  # "the Fund": one word after "the", a name only as written ("Fund", not "funds")
    leads: bool = False  # role words like "president": take the sector of their "of" part
    source: str = ""  # file:line, for evidence


@dataclass(frozen=True)
class Token:
    norm: str  # folded form used for matching
    text: str  # the original characters
    index: int  # position of the original whitespace token this came from


@dataclass(frozen=True)
class Match:
    start: int  # token offsets into the scanned token list
    end: int
    entries: tuple[Entry, ...]

    @cached_property  # read for every match many times; a Match never changes
    def best(self) -> Entry:
        return min(self.entries, key=lambda e: KIND_RANK[e.kind])


# ---------------------------------------------------------------- normalisation

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-",
                         "\u2014": "-", "\u00a0": " "})
_POSSESSIVE = re.compile(r"'s$|s'$|'$", re.I)
_SPLIT = re.compile(r"[-/_]+")
_NOT_WORD = re.compile(r"[^\w&]")


def fold(text: str) -> str:
    """Lowercase, strip diacritics and unify quote/dash characters."""
    text = text.translate(_QUOTES)
    if text.isascii():  # nothing to decompose (the common case, and 10x faster)
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def tokenize(text: str) -> list[Token]:
    """Split a phrase into matchable tokens; possessives and inner dots are dropped."""
    return list(_tokenize(text))


@lru_cache(maxsize=512)  # a sentence is tokenized once per phrase resolved in it; small: RSS stays flat
def _tokenize(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    for index, raw in enumerate(text.translate(_QUOTES).split()):
        raw = raw.strip(",;:!?()[]{}\"")
        if raw.lower().endswith("'s") or raw.endswith("s'"):
            raw = raw[:-2] if raw.lower().endswith("'s") else raw[:-1]
        for part in _SPLIT.split(raw):
            norm = _NOT_WORD.sub("", fold(part))
            if norm:
                out.append(Token(norm, part.strip(".'"), index))
    return tuple(out)


_PLAIN = re.compile(r"[A-Za-z0-9 ]+")  # letters, digits and blanks: tokens are the lowercased words


def key(phrase: str) -> tuple[str, ...]:
    """The lookup key of a lexicon phrase: its tokens, without a leading "the"."""
    if _PLAIN.fullmatch(phrase):  # most names: the same key as `tokenize` gives, 10x faster
        toks = tuple(phrase.lower().split())
    else:
        toks = tuple(t.norm for t in tokenize(phrase))
    return toks[1:] if len(toks) > 1 and toks[0] == "the" else toks


def singular(word: str) -> str | None:
    """A regular English singular for a plural-looking word, else None."""
    if word.endswith("men") and len(word) >= 3:  # "men", "gunmen", "spokeswomen"
        return word[:-3] + "man"
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(ches|shes|sses|xes)$", word):
        return word[:-2]
    return word[:-1]


def is_abbreviation(alias: str) -> bool:
    """"US", "U.N.", "PML-N", "LeT", "DfID": short, with two or more capitals."""
    letters = re.sub(r"[\s.\-/&+]", "", alias)
    return letters.isalnum() and len(letters) <= 6 and sum(c.isupper() for c in letters) >= 2


def _written_as_abbreviation(toks: list[Token]) -> bool:
    """Abbreviation aliases match only when written with capitals after the first letter:
    "US", "U.S.", "LeT" but not "us", "Us" or "let". Title-case spellings newspapers use
    ("Nato") are listed as aliases of their own."""
    letters = "".join(ch for t in toks for ch in t.text if ch.isalpha())
    return letters.isupper() or any(ch.isupper() for ch in letters[1:])


def _written_for(entry: Entry, toks: list[Token], plural: bool) -> bool:
    """Is `toks` written as `entry` needs: an abbreviation in capitals, a "the Fund" alias
    capitalised and not as a plural ("funds" are money, not the IMF)."""
    if entry.caps_only:
        return _written_as_abbreviation(toks)
    return not entry.capitalised or (not plural and toks[0].text[:1].isupper())


def check_date(value: str, where: str) -> str:
    """An ISO date, year-month or year, checked for real months and days."""
    if value and not _real_date(value):
        raise LexiconError(f"{where}: bad date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


@lru_cache(maxsize=None)  # a few thousand distinct dates in the people files
def _real_date(value: str) -> bool:
    try:
        parts = [int(p) for p in value.split("-")]
        if not 1 <= len(parts) <= 3 or len(value.split("-")[0]) != 4:
            return False
        dt.date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- the lexicon

class Lexicon:
    """All entries, indexed by token-sequence key."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, ...], list[Entry]] = {}
        self.maxlen = 1
        self.prefixes: set[tuple[str, ...]] = set()  # proper prefixes of keys: where a scan may go on
        self._scans: dict[tuple[Token, ...], list[Match]] = {}  # the same sentence is scanned per phrase
        self.countries: dict[str, Entry] = {}  # ISO3 / class code -> canonical country entry
        # key -> ((rows, caps only), ...): names indexed whose entries `make_deferred(rows)` makes
        # on first use (knowledge.derived_actors)
        self.pending: dict[tuple[str, ...], tuple] = {}
        self.make_deferred: Callable[[tuple], Sequence[Entry]] = lambda rows: ()

    def add(self, phrase: str, entry: Entry) -> None:
        """Index `entry` under `phrase`."""
        self.add_all(phrase, (entry,))

    def add_all(self, phrase: str, entries: Sequence[Entry]) -> None:
        """Index every entry (a person's roles) under `phrase`, reading the phrase once."""
        k = key(phrase)
        if not k:
            return
        if is_abbreviation(phrase.removeprefix("the ").removeprefix("The ")):
            entries = [replace(entry, caps_only=True) for entry in entries]
        elif len(k) == 1 and phrase.startswith("the ") and phrase[4:5].isupper():
            entries = [replace(entry, capitalised=True) for entry in entries]
        bucket = self.table.setdefault(k, [])
        for entry in entries:
            if entry not in bucket:
                bucket.append(entry)
        self.extend_prefixes(k)
        self._scans.clear()

    def extend_prefixes(self, k: tuple[str, ...]) -> None:
        if len(k) > 1:
            self.maxlen = max(self.maxlen, len(k))
            self.prefixes.update(k[:n] for n in range(1, len(k)))

    def _deferred(self, k: tuple[str, ...]) -> list[Entry] | None:
        """The entries of a name indexed but not yet read (knowledge.derived_actors), now read."""
        found = self.pending.pop(k, None)
        if found is None:
            return None
        bucket = self.table[k] = []
        for rows, caps_only in found:
            for entry in self.make_deferred(rows):
                entry = replace(entry, caps_only=True) if caps_only else entry
                if entry not in bucket:
                    bucket.append(entry)
        return bucket

    def lookup(self, toks: list[Token]) -> list[Entry]:
        """Entries for exactly this token sequence, trying a singular last word second."""
        if not toks:
            return []
        norms = tuple(t.norm for t in toks)
        found = self.table.get(norms) or self._deferred(norms) or []
        plural = False
        if not found and (s := singular(norms[-1])):
            found = self.table.get(norms[:-1] + (s,)) or self._deferred(norms[:-1] + (s,)) or []
            plural = True
        return [e for e in found if _written_for(e, toks, plural)]

    def may_match_word(self, word: str) -> bool:
        """False only when a plain lowercase word (no capitals, digits or punctuation, which
        a town or an abbreviation may have) can match no entry, alone or as a plural."""
        if not (word.isascii() and word.isalpha() and word.islower()):
            return True
        single = singular(word)
        return any(k in self.table or k in self.pending for k in ((word,), (single,)) if k[0] is not None)

    def scan(self, toks: list[Token]) -> list[Match]:
        """Non-overlapping matches, longest first, in phrase order."""
        memo = tuple(toks)
        found = self._scans.get(memo)
        if found is None:
            if len(self._scans) > 1024:  # bounded (repeats are within a sentence): RSS stays flat
                self._scans.clear()
            found = self._scans[memo] = self._scan(toks)
        return list(found)

    def _scan(self, toks: list[Token]) -> list[Match]:
        candidates: list[Match] = []
        norms = tuple(t.norm for t in toks)
        singulars = [singular(n) for n in norms]
        table, prefixes, pending = self.table, self.prefixes, self.pending
        for i in range(len(toks)):
            # toks[i:j] can match (itself or with a singular last word) only if toks[i:j-1]
            # starts some key, so the scan stops at the first j where it does not
            for j in range(i + 1, min(len(toks), i + self.maxlen) + 1):
                if j > i + 1 and norms[i:j - 1] not in prefixes:
                    break
                k = norms[i:j]
                found = table.get(k)  # as `lookup`, without rebuilding the key
                if found is None and k in pending:
                    found = self._deferred(k)
                plural = False
                if found is None and singulars[j - 1] is not None:
                    k = norms[i:j - 1] + (singulars[j - 1],)
                    found = table.get(k)
                    if found is None and k in pending:
                        found = self._deferred(k)
                    plural = True
                if found:
                    entries = [e for e in found if _written_for(e, toks[i:j], plural)]
                    if entries:
                        candidates.append(Match(i, j, tuple(entries)))
        chosen: list[Match] = []
        taken: set[int] = set()
        for m in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
            if not taken.intersection(range(m.start, m.end)):
                chosen.append(m)
                taken.update(range(m.start, m.end))
        return sorted(chosen, key=lambda m: m.start)


def _load_countries(lex: Lexicon, path: Path, under: bool = False) -> None:
    """Countries; `under`: derived names (phoenix_countries.tsv), not taken for a name we know."""
    add = _add_under(lex) if under else lex.add
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        iso, name = row["iso3"], row["name"]
        if not re.fullmatch(r"[A-Z]{3}", iso) or not name:
            raise LexiconError(f"{where}: need a 3-letter code and a name")
        country = Entry("country", name, iso, source=where)
        lex.countries.setdefault(iso, country)
        for alias in [name, *split_list(row["aliases"])]:
            add(alias, country)
        for demonym in split_list(row["demonyms"]):
            add(demonym, Entry("demonym", name, iso, source=where))
        capitals = split_list(row["capital"])
        for capital in capitals:  # a capital alone stands for the government
            add(capital, Entry("capital", capitals[0], iso, "GOV", priority=PLACE_PRIORITY, source=where))
        for seat in split_list(row["seats"]):
            phrase, _, seat_sector = seat.partition("=")
            add(phrase, Entry("seat", key_title(phrase), iso, seat_sector or "GOV",
                                  priority=PLACE_PRIORITY, source=where))


def key_title(phrase: str) -> str:
    """A seat's display name: a lowercase leading "the" is dropped, "The Pentagon" is kept."""
    return phrase[4:] if phrase.startswith("the ") else phrase


def _add_under(lex: Lexicon) -> Callable[[str, Entry], None]:
    """`lex.add` for derived rows: a name the lexicon knows (of any kind) stays as it is."""
    def add(phrase: str, entry: Entry) -> None:
        k = key(phrase)
        if k not in lex.table and k not in lex.pending:
            lex.add(phrase, entry)
    return add


def _load_places(lex: Lexicon, path: Path, under: bool = False) -> None:
    add = _add_under(lex) if under else lex.add
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        if row["kind"] not in ("city", "region"):
            raise LexiconError(f"{where}: kind must be city or region, not {row['kind']!r}")
        sector = "CVL" if row["kind"] == "city" else None  # a town as actor = its residents
        entry = Entry(row["kind"], row["name"], row["country"], sector, priority=PLACE_PRIORITY, source=where)
        for alias in [row["name"], *split_list(row["aliases"])]:
            add(alias, entry)


def _load_organizations(lex: Lexicon, path: Path) -> None:
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        entry = Entry("org", row["name"], row["country"] or None, row["sector"] or None,
                      row["sector2"] or None, source=where)
        for alias in [row["name"], *split_list(row["aliases"])]:
            lex.add(alias, entry)


def _load_people(lex: Lexicon, path: Path) -> None:
    # One row per role; aliases given on any row apply to every role of that person.
    roles: dict[str, list[Entry]] = {}
    aliases: dict[str, set[str]] = {}
    same: dict[str, str] = {}  # one string per distinct code, role and date (tens of thousands of rows)
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        if not row["name"] or not row["country"]:
            raise LexiconError(f"{where}: need a name and a country")
        country, sector, sector2, role, start, end = (
            same.setdefault(row[c], row[c]) for c in ("country", "sector", "sector2", "role", "start", "end"))
        roles.setdefault(row["name"], []).append(
            Entry("person", row["name"], country, sector or None, sector2 or None, role=role,
                  start=check_date(start, where), end=check_date(end, where), source=where))
        aliases.setdefault(row["name"], {row["name"]}).update(split_list(row["aliases"]))
    for name, entries in roles.items():
        for alias in sorted(aliases[name]):  # sorted: the same bucket order in every process
            lex.add_all(alias, entries)


def _load_sectors(lex: Lexicon, path: Path, under: bool = False) -> None:
    """Role words; `under`: derived ones (phoenix_agents.tsv), not taken for a name we know."""
    for lineno, row in read_tsv(path):
        where = f"{path.name}:{lineno}"
        try:
            priority = int(row["priority"])
        except ValueError:
            raise LexiconError(f"{where}: priority must be an integer") from None
        entry = Entry("sector", row["phrase"], None, row["sector"] or None,
                      row["sector2"] or None, priority=priority, leads=row["leads"] == "y",
                      source=where)
        (_add_under(lex) if under else lex.add)(row["phrase"], entry)


def load_lexicon(data_dir: str | None = None, derived: bool | None = None) -> Lexicon:
    """Read every data file once; later calls return the cached lexicon. `derived` (default:
    on unless EVENTSCOPE_DERIVED_ACTORS=0) adds the actors and role words derived from the
    Phoenix dictionaries (knowledge.derived_actors, DERIVED_AGENTS), under ours."""
    if derived is None:
        from eventscope.knowledge.derived_actors import derived_actors_enabled

        derived = derived_actors_enabled()
    return _load_lexicon(data_dir, derived)


@lru_cache(maxsize=2)
def _load_lexicon(data_dir: str | None, derived: bool) -> Lexicon:
    base = Path(data_dir) if data_dir else DATA
    lex = Lexicon()
    _load_countries(lex, base / "countries.tsv")
    _load_places(lex, base / "places.tsv")
    _load_organizations(lex, base / "organizations.tsv")
    _load_people(lex, base / "people.tsv")
    _load_sectors(lex, base / "sectors.tsv")
    if derived:
        from eventscope.knowledge.derived_actors import index_derived_actors

        index_derived_actors(lex, base)
        for name, load in ((DERIVED_COUNTRIES, _load_countries), (DERIVED_PLACES, _load_places),
                           (DERIVED_AGENTS, _load_sectors)):
            if (base / name).is_file():
                load(lex, base / name, under=True)
    return lex


def country_names(data_dir: str | None = None) -> list[str]:
    """Every name, alias, demonym and capital of countries.tsv, as written."""
    base = Path(data_dir) if data_dir else DATA
    return [name for _, row in read_tsv(base / "countries.tsv")
            for column in ("name", "aliases", "demonyms", "capital") for name in split_list(row[column])]


@lru_cache(maxsize=1)
def sector_codes(data_dir: str | None = None) -> dict[str, str]:
    """Known agent/sector codes and what they mean (sector_codes.tsv)."""
    base = Path(data_dir) if data_dir else DATA
    return {row["code"]: row["meaning"] for _, row in read_tsv(base / "sector_codes.tsv")}


@lru_cache(maxsize=1)
def region_codes(data_dir: str | None = None) -> frozenset[str]:
    """The CAMEO region codes of places.tsv (EUR, WAF, WST, ...): codes of regions, which are
    no country (a region's row whose code is an ISO country, a province, is left out)."""
    base = Path(data_dir) if data_dir else DATA
    countries = {row["iso3"] for _, row in read_tsv(base / "countries.tsv")}
    return frozenset(row["country"] for _, row in read_tsv(base / "places.tsv")
                     if row["kind"] == "region" and row["country"] and row["country"] not in countries)


def is_country_code(code: str | None) -> bool:
    """Is the code a country's (ISO 3166 alpha-3 of countries.tsv), not a class (IGO, NGO)
    or a region (EUR, WST)?"""
    return bool(code) and code in load_lexicon().countries


def contract_country(code: str | None) -> str | None:
    """An actor's country as the `eventscope code` contract writes it (shared/eval/FORMAT.md:
    ISO 3166 alpha-3, or an organisation class such as IGO). CAMEO/PLOVER give the European
    Union and its bodies the region code EUR: to the contract it is an international
    organisation, IGO. Any other region code (WST "Western", WAF "West Africa") names no
    country. The store and its exports keep the CAMEO code."""
    if code == "EUR":
        return "IGO"
    return None if code in region_codes() else code
