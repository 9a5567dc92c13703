"""Rules about an event's parties: who does an act the text reports without its doer
(coding/data/implicit_agents.tsv: the doer's sector; implicit_agent_country.tsv: its country), which types need a recipient and which are done jointly (plover_recipients.tsv), and
which objects are weapons, used rather than aimed at (weapons.tsv), what a said act travels
by and whom that names (said_channels.tsv), whom an act with no named
target is aimed at (implicit_targets.tsv) and which nouns name people of no known kind
(unnamed_people.tsv)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from eventscope.knowledge.tsv import CODING_DATA, DataFileError, read_tsv


@lru_cache(maxsize=1)
def implicit_agents() -> dict[str, str]:
    """CAMEO code prefix -> sector of the implied agent ("173" -> "COP": "was arrested")."""
    return {row["cameo"]: row["sector"] for _, row in read_tsv(CODING_DATA / "implicit_agents.tsv")}


def implicit_agent_sector(cameo: str) -> str | None:
    """The sector of whoever does `cameo` when the text does not say, by its longest listed
    prefix; None for acts anyone could do."""
    return _by_longest_prefix(implicit_agents(), cameo, shortest=3)


IMPLICIT_AGENT_COUNTRY_SOURCES = ("place", "story", "target")


@lru_cache(maxsize=1)
def implicit_agent_countries() -> tuple[str, ...]:
    """Where an implied doer's country comes from, in the order tried ("place", "story",
    "target": coding/data/implicit_agent_country.tsv)."""
    return read_agent_countries(CODING_DATA / "implicit_agent_country.tsv")


def read_agent_countries(path: Path) -> tuple[str, ...]:
    """The `source` column of a rule file like implicit_agent_country.tsv, checked."""
    order = []
    for lineno, row in read_tsv(path):
        if row["source"] not in IMPLICIT_AGENT_COUNTRY_SOURCES:
            raise DataFileError(f"{path}:{lineno}: unknown source {row['source']!r}, "
                                f"not one of {', '.join(IMPLICIT_AGENT_COUNTRY_SOURCES)}")
        order.append(row["source"])
    return tuple(order)


@lru_cache(maxsize=1)
def types_requiring_recipient() -> frozenset[str]:
    """PLOVER types whose definition requires a recipient (coding/data/plover_recipients.tsv)."""
    return frozenset(row["event"] for _, row in read_tsv(CODING_DATA / "plover_recipients.tsv")
                     if row["requires_recipient"] == "yes")


@lru_cache(maxsize=1)
def types_requiring_party() -> frozenset[str]:
    """PLOVER types that need a second party: a recipient, or a second source doing it with
    the first ("A and B met"); coding/data/plover_recipients.tsv, requires_recipient "party"."""
    return frozenset(row["event"] for _, row in read_tsv(CODING_DATA / "plover_recipients.tsv")
                     if row["requires_recipient"] == "party")


@lru_cache(maxsize=1)
def joint_types() -> frozenset[str]:
    """PLOVER types whose conjoined subjects act together, as sources with no recipient
    ("A and B agreed": coding/data/plover_recipients.tsv, column conjoined_subjects)."""
    return frozenset(row["event"] for _, row in read_tsv(CODING_DATA / "plover_recipients.tsv")
                     if row.get("conjoined_subjects") == "joint")


@lru_cache(maxsize=1)
def weapons() -> dict[str, bool]:
    """Weapon nouns -> whether launching one at no one is a show of force (coding/data/weapons.tsv)."""
    return {row["word"]: row["launched_alone"] == "yes" for _, row in read_tsv(CODING_DATA / "weapons.tsv")}


@lru_cache(maxsize=1)
def implicit_targets() -> dict[str, tuple[tuple[str, ...], str]]:
    """CAMEO code prefix -> (where the implied target's country comes from, in order: "place",
    "source"; its sector) for acts whose definition names their target (coding/data/implicit_targets.tsv)."""
    return {row["cameo"]: (tuple(row["country"].split()), row["sector"])
            for _, row in read_tsv(CODING_DATA / "implicit_targets.tsv")}


def implicit_target(cameo: str) -> tuple[tuple[str, ...], str] | None:
    """The implied target of `cameo` when the text names none, by its longest listed prefix."""
    return _by_longest_prefix(implicit_targets(), cameo, shortest=2)


@lru_cache(maxsize=1)
def unnamed_people() -> frozenset[str]:
    """Lemmas of nouns for people of no known kind ("man", "public": coding/data/unnamed_people.tsv)."""
    return frozenset(row["word"] for _, row in read_tsv(CODING_DATA / "unnamed_people.tsv"))


@lru_cache(maxsize=1)
def _crowd_acts() -> dict[str, str]:
    return {row["cameo"]: row["note"] for _, row in read_tsv(CODING_DATA / "crowd_acts.tsv")}


def crowd_acts(cameo: str) -> bool:
    """Is `cameo` an act a crowd of no known kind does ("people marched", "men attacked":
    coding/data/crowd_acts.tsv, by its longest listed prefix)?"""
    return _by_longest_prefix(_crowd_acts(), cameo, shortest=2) is not None


def _by_longest_prefix(table: dict, cameo: str, shortest: int):
    """The entry of `table` under the longest prefix of `cameo` at least `shortest` long."""
    for end in range(len(cameo), shortest - 1, -1):
        if cameo[:end] in table:
            return table[cameo[:end]]
    return None


@lru_cache(maxsize=1)
def said_channels() -> dict[str, frozenset[str]]:
    """Nouns a said act travels by ("address", "letter", "call") -> the prepositions that name
    whom it was addressed to ("to", "with"): coding/data/said_channels.tsv."""
    return {row["word"]: frozenset(row["addressee_preps"].split()) for _, row in read_tsv(CODING_DATA / "said_channels.tsv")}
