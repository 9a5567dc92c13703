"""Types the codebook gives by who acts: a code reserved for one kind of doer is recoded when
every source is of another kind (data/doer_types.tsv: the army "took to the streets" is a
show of force, MOBILIZE, not a civilian PROTEST)."""

from __future__ import annotations

from functools import lru_cache

from eventscope.knowledge import taxonomy
from eventscope.knowledge.tsv import CODING_DATA, read_tsv


@lru_cache(maxsize=1)
def _rules() -> dict[str, tuple[frozenset[str], str]]:
    rows = (row for _, row in read_tsv(CODING_DATA / "doer_types.tsv"))
    return {row["root"]: (frozenset(row["sectors"].split("|")), row["code"]) for row in rows}


def by_doer(info: taxonomy.CameoCode, sources, notes: list[str]) -> taxonomy.CameoCode:
    """The code's info, recoded when every source is of a sector its row names (`notes` says why)."""
    rule = _rules().get(info.root)
    if rule is None or not sources or not all(a.sector in rule[0] for a in sources):
        return info
    notes.append(f"{info.code} by {'/'.join(sorted({a.sector for a in sources}))} doers is {rule[1]} (doer_types.tsv)")
    return taxonomy.cameo(rule[1])


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
