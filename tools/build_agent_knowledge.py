"""Derive built-in role and agent words from PETRARCH2's Phoenix agents dictionary.

Usage:  python tools/build_agent_knowledge.py [PETRARCH_DIR]   (default: ../shared/reference/petrarch2)

The config (``PETR_config.ini``, ``agentfile_name``) says which file is the agents dictionary;
it is read as PETRARCH2 reads it by ``knowledge.petrarch.read_agents`` (``!SET!`` substitution
sets, ``{PLURALS}``, ``[~CODE]`` suffix and ``[CODE~]`` prefix agents, a ``[~ENV}`` code closed
by "}"). Writes ``eventscope/actors/data/phoenix_agents.tsv`` (sectors.tsv's columns: phrase,
sector, sector2, priority, leads) and ``phoenix_agents.NOTICE`` (the MIT notice).
``knowledge.actor_files`` reads it under our own sectors.tsv and every name we know.
Decisions, so the output can be audited (the summary printed at the end counts each):

* Codes: the 3-letter parts of ``~GOVMIL`` give sector and sector2 in our codes (CAMEO ``MED``
  media is our ``JRN``, ``HLH`` health our ``MED``; religions ``MUS``, ``CHR``, ... are ``REL``;
  ``ENV`` environmental groups ``SOC`` and ``HRI`` rights groups ``NGO``, as sectors.tsv codes
  "environmentalist" and "human rights group"; ``PPL`` people ``CVL``); a prefix agent
  ``[IGO~]`` ("peacekeeping troops") is ``IGO``. Parts we have no code for (``DEV``, ``RAD``)
  are dropped; a code left with no sector drops the phrase. A non-state code on a phrase
  with a government word of ours ("ministry of environment" ``[~ENV]``) is ``GOV`` with it second.
* Words: PETRARCH2's blank between words ("CHIEF EXECUTIVE": other words may come between)
  is read as adjacent words, which our lexicon matches. Leading and trailing function words
  are dropped ("AMBASSADOR_TO" is "ambassador", which we have). A phrase that starts with
  "the" is left out: our keys drop a leading "the" ("THE_POOR" would match "poor" anywhere).
  Plurals: our lexicon matches regular plurals itself; a listed plural it would not find
  ("THIEVES", "GUNMEN" are found; "GENDARMERIE" is not) is a row of its own. PETRARCH2's
  plural of a whole phrase ("OBSERVERS_IN" -> "OBSERVERS_INS") is not written.
* Ours wins: a phrase sectors.tsv (or any of our files) has is left out, and so is a word
  coding/data/unnamed_people.tsv lists as a person of no known kind ("mourner"); the summary
  counts where the two agree on the sector and where they do not (ours kept).
* Priority (which role word of a phrase wins): that of the phrase's head word (the last
  before any "of", "for", ...) in ours when ours has it ("riot police" = "police"), else the median of our rows of that sector and
  length (one word or several). Never 9 (ours: "former", "retired").
* False matches: NOT_ACTORS lists words that in news text are mostly not an actor (checked
  by matching the derived rows in the dev texts and reading the frequent hits), and a phrase
  that our lexicon reads as a place or another kind than a role is left to ours.

Output is sorted: running the tool twice gives the same bytes.
"""

from __future__ import annotations

import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventscope.knowledge import petrarch  # noqa: E402
from eventscope.knowledge.actor_lexicon import Lexicon, singular  # noqa: E402
from eventscope.knowledge.actor_files import load_lexicon  # noqa: E402
from eventscope.knowledge.dictionaries import ActorDictionary  # noqa: E402
from eventscope.knowledge.tsv import CODING_DATA, read_tsv  # noqa: E402

OUT_DIR = ROOT / "eventscope" / "actors" / "data"
AGENTS_FILE, NOTICE_FILE = "phoenix_agents.tsv", "phoenix_agents.NOTICE"
COLUMNS = ["phrase", "sector", "sector2", "priority", "leads"]
# (CAMEO's codes for our sectors by another name, MED media and HLH health, are read from
# sector_codes.tsv's `petrarch` column: petrarch.renamed_sectors)
SECTORS = {**petrarch.renamed_sectors(),
           "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "SPY": "SPY",
           "REB": "REB", "INS": "REB", "SEP": "REB", "UAF": "UAF", "OPP": "OPP", "PTY": "PTY",
           "BUS": "BUS", "EDU": "EDU", "REL": "REL", "LAB": "LAB",
           "AGR": "AGR", "REF": "REF", "CVL": "CVL", "CRM": "CRM", "ELI": "ELI", "NGO": "NGO",
           "IGO": "IGO", "ENV": "SOC", "HRI": "NGO", "PPL": "CVL",
           "MUS": "REL", "CHR": "REL", "CTH": "REL", "PRO": "REL", "HIN": "REL", "JEW": "REL",
           "BUD": "REL", "SHI": "REL", "SUN": "REL", "JAN": "REL", "SIK": "REL", "ORT": "REL",
           "ATH": "REL", "MOS": "REL", "ITH": "REL", "ZRO": "REL", "CON": "REL", "TAO": "REL",
           "BAH": "REL", "DOX": "REL", "ALE": "REL", "DRZ": "REL", "SFI": "REL", "SHN": "REL"}
STATE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
FUNCTION_WORDS = {"of", "in", "for", "to", "at", "on", "and", "the", "a", "an", "de", "by", "with"}
# Phrases that in news text mostly name no actor, read from the derived rows' hits in the dev
# texts (multicoped_train, synthetic_plover_silver, realnews_dev): events and abstractions
# name what happens, not who acts ("the uprising", "religion"); words mostly used as
# adjectives or verbs ("native", "sovereign", "repatriate"); kin and age words, which like our
# "man"/"woman" say nothing of a sector ("mother", "girl"); buildings that are where something
# happens ("in prison", "the barracks"); and things ("a cargo ship sank", "business as usual").
NOT_ACTORS = {
    "uprising", "rebellion", "revolt", "insurgence", "religion", "governance", "polity", "echelon",
    "publication", "islamic", "business", "aerospace", "airway", "vip", "actor",
    "native", "naturalized", "intellectual", "sovereign", "constituent", "repatriate", "advocate",
    "mother", "girl", "infant", "customer", "taxpayers",
    "prison", "monastery", "barracks", "preschool", "kindergarden", "kindergarten", "schoolhouse",
    "infirmary", "sanatarium", "sanatorium", "sanitarium", "conservatory",
    "passenger jet", "cargo ship", "cargo vessel", "jetliner", "jumbojet", "freighter", "tanker",
    "supertanker", "oiler", "containership",
}
# Head words that make a phrase a thing, a state of affairs or a modifier, not an actor
# ("military presence", "military rule", "justice system", "state owned", "naval base")
NOT_ACTOR_HEADS = {"presence", "rule", "system", "meeting", "sector", "base", "owned", "run",
                   "operations", "town", "palace", "issue", "property"}
HEADER = ("# Derived by tools/build_agent_knowledge.py from PETRARCH2's Phoenix agents dictionary\n"
          "# (Copyright (c) 2014 Open Event Data Alliance, MIT License: see phoenix_agents.NOTICE).\n"
          "# Do not edit: rerun the tool. Read under our own sectors.tsv (a phrase ours knows stays ours).\n")


def sectors_of(code: str) -> tuple[str | None, str | None]:
    """(sector, sector2) of an agent code ("GOVMIL", "REBMUS", "IGO"), in our codes."""
    parts = [SECTORS[p] for p in (code[i:i + 3] for i in range(0, len(code), 3)) if p in SECTORS]
    parts = list(dict.fromkeys(parts))
    return (parts[0] if parts else None), (parts[1] if len(parts) > 1 else None)


def trimmed(words: tuple[str, ...]) -> tuple[str, ...]:
    start, end = 0, len(words)
    while start < end and words[start] in FUNCTION_WORDS - {"the"}:
        start += 1
    while end > start and words[end - 1] in FUNCTION_WORDS:
        end -= 1
    return words[start:end]


class Priorities:
    """Our priorities: of a head word, else the median of a sector's rows by length."""

    def __init__(self, ours: Lexicon):
        self.heads: dict[str, int] = {}
        by_sector: dict[tuple[str, bool], list[int]] = defaultdict(list)
        for k, entries in ours.table.items():
            for e in entries:
                if e.kind == "sector" and e.sector and e.priority < 9:
                    if len(k) == 1:
                        self.heads[k[0]] = max(self.heads.get(k[0], 0), e.priority)
                    by_sector[e.sector, len(k) > 1].append(e.priority)
        self.medians = {k: int(statistics.median_low(v)) for k, v in by_sector.items()}
        self.default = int(statistics.median_low([p for v in by_sector.values() for p in v]))

    def of(self, words: tuple[str, ...], sector: str) -> int:
        before = next((i for i, w in enumerate(words) if w in FUNCTION_WORDS), len(words))
        head = words[max(before - 1, 0)]  # "minister of marshes": "minister"
        for word in (head, singular(head)):
            if word and self.heads.get(word, 0) > 0:
                return min(self.heads[word], 8)
        return min(self.medians.get((sector, len(words) > 1), self.default), 8)


def government_word(ours: Lexicon, words: tuple[str, ...]) -> bool:
    """Does ours read one of the words alone as a government role ("ministry", "agency")?"""
    for word in words:
        for w in (word, singular(word)):
            if w and any(e.kind == "sector" and e.sector == "GOV" and e.priority >= 5
                         for e in ours.table.get((w,), ())):
                return True
    return False


def derive(agents: list, ours: Lexicon) -> tuple[list[list[str]], Counter]:
    """sectors.tsv rows for the agents, and what was decided for how many phrases."""
    counts: Counter = Counter()
    prio = Priorities(ours)
    rows: dict[tuple[str, ...], list[str]] = {}
    singulars = {(a.source, trimmed(a.words)) for a in agents if a.form == "phrase"}
    unnamed = {row["word"] for _, row in read_tsv(CODING_DATA / "unnamed_people.tsv")}
    for agent in agents:
        if agent.form == "plural":
            continue  # PETRARCH2's own plural: our lexicon matches regular plurals itself
        words = trimmed(agent.words)
        if agent.form == "listed" and words and any(
                (agent.source, words[:-1] + (form,)) in singulars for form in _singulars(words[-1])):
            continue  # a listed plural our lexicon finds by itself ("AIRMEN")
        sector, sector2 = sectors_of(agent.code)
        if not words:
            counts["left out: function words only"] += 1
        elif words[0] == "the":
            counts["left out: starts with 'the'"] += 1
        elif sector is None:
            counts["left out: a code with no sector of ours"] += 1
        elif " ".join(words) in unnamed:
            counts["ours has it: a person of no known kind (unnamed_people.tsv)"] += 1
        elif " ".join(words) in NOT_ACTORS or len(words) > 1 and (
                words[-1] in NOT_ACTOR_HEADS or singular(words[-1]) in NOT_ACTOR_HEADS):
            counts["left out: not an actor in news text (NOT_ACTORS)"] += 1
        elif found := _ours(ours, words):
            role = next((e for e in found if e.kind == "sector"), None)
            if role is None:
                counts["ours has it: a place, person or body (ours kept)"] += 1
            elif role.sector == sector or role.sector is None and role.priority == 0 and sector == "CVL":
                counts["ours has it: same sector"] += 1
            else:
                counts["ours has it: another sector (ours kept)"] += 1
        elif words in rows:
            counts["listed twice"] += 1
        else:
            if sector not in STATE and sector != "IGO" and government_word(ours, words):
                sector, sector2 = "GOV", sector
                counts["written: a government word, GOV first"] += 1
            rows[words] = [" ".join(words), sector, sector2 or "", str(prio.of(words, sector)), ""]
            counts["written"] += 1
    return sorted(rows.values()), counts


def _singulars(word: str) -> list[str]:
    """What our lexicon reads a plural as (a regular singular; -man for -men)."""
    return [f for f in (singular(word),) if f]


def _ours(ours: Lexicon, words: tuple[str, ...]) -> list:
    """Our entries for the phrase or its singular ("spokesmen": ours has "spokesman", whose
    sector the plural must not contradict)."""
    last = words[-1]
    for form in (last, singular(last)):
        if form and (found := ours.table.get(words[:-1] + (form,))):
            return found
    return []


def agents_file(folder: Path) -> Path | None:
    """The agents dictionary the folder's config names, else a file named *agents*.txt."""
    warnings: list[str] = []
    for config in sorted(folder.glob("*.ini")):
        names = [name for name, role in petrarch.config_roles(config, warnings) if role == "agents"]
        if names:
            return folder / names[0]
    found = sorted(folder.glob("*agents*.txt"))
    return found[0] if found else None


def build(folder: Path) -> tuple[list[list[str]], Counter, Path | None, list[str]]:
    path = agents_file(folder)
    if path is None:
        return [], Counter(), None, []
    book = ActorDictionary()
    petrarch.read_agents(book, path)
    rows, counts = derive(book.agents, load_lexicon(derived=False))
    return rows, counts, path, book.warnings


def render(rows: list[list[str]]) -> str:
    return HEADER + "\t".join(COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in rows)


def notice(path: Path) -> str:
    licence = path.parent / "LICENSE"
    text = licence.read_text(encoding="utf-8") if licence.is_file() else ""
    return (f"{AGENTS_FILE} is derived from the Phoenix agents dictionary of PETRARCH2\n"
            f"({path.name}; https://github.com/openeventdata/petrarch2), under this licence:\n\n" + text)


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference" / "petrarch2"
    rows, counts, path, warnings = build(folder)
    if path is None:
        sys.exit(f"{folder}: no PETRARCH agents dictionary (no config naming one, no *agents*.txt)")
    (OUT_DIR / AGENTS_FILE).write_text(render(rows), encoding="utf-8")
    (OUT_DIR / NOTICE_FILE).write_text(notice(path), encoding="utf-8")
    for warning in warnings:
        print(f"  skipped {warning}")
    for reason, count in sorted(counts.items()):
        print(f"  {reason:55} {count:6}")
    print(f"wrote {len(rows)} role phrases to {AGENTS_FILE}")


if __name__ == "__main__":
    main(sys.argv[1:])
