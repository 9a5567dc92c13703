"""Types the codebook gives by who acts: a code reserved for one kind of doer is recoded when
every source is of another kind (data/doer_types.tsv: the army "took to the streets" is a
show of force, MOBILIZE, not a civilian PROTEST; a police raid is COERCE, not ASSAULT)."""

from __future__ import annotations

from functools import lru_cache

from eventscope.knowledge import taxonomy
from eventscope.knowledge.tsv import CODING_DATA, read_tsv

ANY_WORD = "-"


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, frozenset[str], frozenset[str] | None, str]]:
    """(code prefix, doer sectors, act words or None for any, code), longest prefix first."""
    rows = [(row["prefix"], frozenset(row["sectors"].split("|")),
             None if row["words"] == ANY_WORD else frozenset(row["words"].split("|")), row["code"])
            for _, row in read_tsv(CODING_DATA / "doer_types.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


def by_doer(info: taxonomy.CameoCode, sources, notes: list[str], word: str = "") -> taxonomy.CameoCode:
    """The code's info, recoded when every source is of a sector its row names and the act's
    lemma (`word`: "raid") is one of the row's words (`notes` says why)."""
    for prefix, sectors, words, code in _rules():
        if not info.code.startswith(prefix) or words is not None and word.lower() not in words:
            continue
        if not sources or not all(a.sector in sectors for a in sources):
            return info
        doers = "/".join(sorted({a.sector for a in sources}))
        notes.append(f"{info.code}{f' ({word})' if words else ''} by {doers} doers is {code} (doer_types.tsv)")
        return taxonomy.cameo(code)
    return info


COMMANDING = {"order", "command", "instruct", "direct"}  # frame verbs of an order ("demand")
ARMED_SECTORS = {"MIL", "COP"}  # forces a state commands


def own_forces_order(cand, info: taxonomy.CameoCode, sources, targets: list) -> tuple[taxonomy.CameoCode, list]:
    """"ordered his military to conduct a drill", "ordered police to free the protesters": an
    order to one's own forces is no demand of them but the act they are sent to do; the act
    keeps its own code and loses the forces as its target."""
    if cand.frame != "demand" or cand.verb.lemma_.lower() not in COMMANDING or cand.action is cand.verb:
        return info, targets
    countries = {a.country for a in sources if a.country}
    forces = [a for a in targets if a.sector in ARMED_SECTORS and a.country in countries]
    act = taxonomy.cameo(cand.pattern.cameo)
    if not forces or act.root in {"01", "10"}:
        return info, targets
    cand.notes.append(f"an order to its own forces ({forces[0].name}) is the act itself: {act.code}")
    return act, [a for a in targets if a not in forces]
