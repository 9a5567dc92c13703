"""Which Phoenix aliases tools/build_actor_knowledge.py leaves out because they would give false
matches (that module's docstring lists the reasons): names our own lexicon already has or reads
as a role, titles around another name, frequent full names, short, common or given words, one-word
names of too many actors, organisation names of several countries."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from phoenix_names import CLASSES, LOWER_WORDS, acronym, aliases_of, is_person, split_code, words
from spacy.lang.en.stop_words import STOP_WORDS

from eventscope.knowledge.actor_lexicon import NOT_AN_ACTOR, Lexicon, key, tokenize
from eventscope.knowledge.petrarch_actors import ActorRecord

MAX_NAMESAKES = 3  # people one surname alone may name; the document's countries choose
FREQUENT_GIVEN, FREQUENT_SURNAME = 5, 3  # "John Williams": names of this many people in the dictionaries


class Filter:
    """What decides that an alias would give false matches (see the module's docstring)."""

    def __init__(self, records: list[ActorRecord], common: set[str], ours: Lexicon):
        self.common, self.ours = common, ours
        self.own_names = {k for k, entries in ours.table.items() if any(e.kind in ("person", "org") for e in entries)}
        places = {k[0] for k, entries in ours.table.items() if len(k) == 1
                  and any(e.kind in ("country", "demonym", "capital", "city", "region") for e in entries)}
        self.common = common - places
        first, last = Counter(), Counter()
        titles = {k[0] for k, entries in ours.table.items() if len(k) == 1 and any(e.kind == "sector" for e in entries)}
        for record in filter(is_person, records):  # each word counted once per person; not titles
            names = [w for w in (tuple(x for x in words(p) if x not in LOWER_WORDS) for p in record.phrases)
                     if len(w) > 1 and w[0] not in titles]
            first.update({w[0] for w in names})
            last.update({w[-1] for w in names})
        self.given = {w for w, n in first.items() if n >= last[w]}
        self.first, self.last = first, last
        self.owners: dict[tuple[str, ...], set[tuple]] = defaultdict(set)  # one-word key -> actors
        # an actor is its first name and code: the dictionaries list some twice ("BIMSTEC_")
        self.org_countries: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for n, record in enumerate(records):
            for alias in aliases_of(record):
                k = key(alias)
                if len(k) == 1:
                    self.owners[k].add((key(aliases_of(record)[0]), (record.default or record.roles[0]).code))
                elif not is_person(record):
                    country = split_code((record.default or record.roles[0]).code)[0]
                    if country and country not in CLASSES:
                        self.org_countries[k].add(country)

    def _ours_reads(self, alias: str) -> bool:
        """Does our lexicon read every word of `alias` ("German Chancellor": a role)? A word of
        no kind (sectors.tsv UNK or JNK: "national", "group") reads nothing of a name: "Syrian
        National Coalition" is a body's name, not a Syrian of unknown kind and a coalition."""
        toks = tokenize(alias)
        covered = {i for m in self.ours.scan(toks) if not (m.best.kind == "sector" and m.best.priority == NOT_AN_ACTOR)
                   for i in range(m.start, m.end)}
        return all(i in covered or t.norm in LOWER_WORDS or t.norm in STOP_WORDS for i, t in enumerate(toks))

    def _titled(self, alias: str, names: list[str]) -> bool:
        """"Israeli President Reuven Rivlin" beside "Reuven Rivlin": ours reads the title (and
        so the role on any date); the alias would freeze it."""
        toks = tokenize(alias)
        covered = {i for m in self.ours.scan(toks) if m.best.kind not in ("person", "org")
                   for i in range(m.start, m.end)}
        rest = tuple(t.norm for i, t in enumerate(toks) if i not in covered and t.norm not in LOWER_WORDS)
        return bool(covered) and len(rest) > 1 and any(key(n) == rest for n in names if n != alias)

    def ours_describes(self, record: ActorRecord) -> bool:
        return any(len(k) > 1 and k in self.own_names for k in map(key, aliases_of(record)))

    def reason(self, alias: str, n: int, record: ActorRecord, person: bool, country: str | None) -> str | None:
        """Why `alias` of record `n` is left out, or None to keep it."""
        k, names = key(alias), aliases_of(record)
        if not k or len(re.findall(r"[A-Za-z]", alias)) < 2 or re.search(r"[\[\]{}]", alias):
            return "no name"
        if k in self.ours.table:
            return "ours has the name"
        if self._ours_reads(alias):
            return "ours reads every word"  # "German Chancellor" is a role, not a body's name
        if self._titled(alias, names):
            return "a title or place around another name"
        if person and len(k) == 2 and self.first[k[0]] >= FREQUENT_GIVEN and self.last[k[1]] >= FREQUENT_SURNAME:
            return "frequent full name"
        if len(k) == 1:
            word = k[0]
            if acronym(alias, names) or alias.isupper() and len(word) >= 3:
                return None if len(word) >= 3 else "too short"
            if len(word) < 4:
                return "too short"
            if word in self.common:
                return "common word"
            if person and word in self.given:
                return "given name"
            if person and not any(len(key(a)) > 1 and key(a)[-1] == word for a in names) and len(names) > 1:
                return "not a surname"
            if len(self.owners[k]) > (MAX_NAMESAKES if person else 1):
                return "ambiguous one-word name"  # a person's: resolved by the document's countries
            return None
        if not person and country and country not in CLASSES:
            if all(w in self.common or w in LOWER_WORDS for w in k):
                return "common words only"
            if len(self.org_countries[k]) > 1:
                return "names institutions of several countries"
        return None
