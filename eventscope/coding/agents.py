"""Who did an act the text reports without its doer: "Besigye was arrested", "the mayor
remains in custody" (coding/data/implicit_agents.tsv)."""

from __future__ import annotations

from eventscope.knowledge.implicit_agents import implicit_agent_sector
from eventscope.models import Actor, Evidence


def implicit_agent(cameo: str, targets: list[Actor], story_country: str | None,
                   notes: list[str], why: str = "implicit agent of a passive") -> list[Actor]:
    """"Besigye was arrested" in a story about Uganda: only police arrest, and a Ugandan
    arrested in a Ugandan story was arrested by Uganda's police (coding/data/implicit_agents.tsv).
    A foreigner's arrest (the target's country is not the story's) has no agent we can name,
    and acts anyone could do ("was killed") get none."""
    sector = implicit_agent_sector(cameo)
    country = next((a.country for a in targets if a.country), None)
    if sector is None or country is None or country != story_country:
        return []
    notes.append(why)
    return [Actor(name=f"{country} {sector} (implicit)", country=country, sector=sector,
                  entity=f"{country}{sector}::implicit",
                  evidence=(Evidence("rule", why, decides="sector"),))]
