"""The built-in actor lexicon: countries, organisations, people, places and role words.

The data lives in TSV files under ``data/`` (see ``data/README.md``), read by
``knowledge.actor_files`` into the table this module defines: normalised token sequences to
entries, so that a phrase can be scanned for every known name, demonym, capital,
organisation, person and role word in one pass. Matching is case- and diacritic-insensitive and tolerant of punctuation
("U.S." == "US", "al-Qaeda" == "al Qaeda") and of regular plurals.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Callable, Sequence

from eventscope.knowledge.tsv import DataFileError


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

def _no_entries(rows: tuple) -> tuple[Entry, ...]:
    return ()


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
        self.make_deferred: Callable[[tuple], Sequence[Entry]] = _no_entries  # a function: the table is pickled

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
