"""Who did an act the text reports without its doer: "Besigye was arrested", "the mayor
remains in custody" (coding/data/implicit_agents.tsv), "an air strike killed seven people"
(an attack noun as the subject: coding/data/event_nouns.tsv)."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.knowledge.implicit_agents import implicit_agent_sector
from eventscope.knowledge.verb_lexicon import event_nouns
from eventscope.models import Actor, Evidence

VIOLENT_ROOTS = {"18", "19", "20"}  # assault, fight, mass violence


def implicit_agent(cameo: str, targets: list[Actor], story_country: str | None,
                   notes: list[str], why: str = "implicit agent of a passive",
                   place_country: str | None = None) -> list[Actor]:
    """"Besigye was arrested" in a story about Uganda: only police arrest, and a Ugandan
    arrested in a Ugandan story was arrested by Uganda's police (coding/data/implicit_agents.tsv).
    Police and courts act at home: "was sentenced in London" names Britain's courts whoever
    was sentenced (`place_country`, the country of the clause's own locative phrase). A
    foreigner's arrest in no named place has no agent we can name, and acts anyone could do
    ("was killed") get none."""
    sector = implicit_agent_sector(cameo)
    country = next((a.country for a in targets if a.country), None)
    if place_country is not None:
        country, why = place_country, f"{why} (where it happened)"
    if sector is None or country is None or country != story_country and place_country is None:
        return []
    notes.append(why)
    return [Actor(name=f"{country} {sector} (implicit)", country=country, sector=sector,
                  entity=f"{country}{sector}::implicit",
                  evidence=(Evidence("rule", why, decides="sector"),))]


def attack_subject(subjects: list[Token], cameo: str) -> Token | None:
    """The attack noun that is a violent act's subject: "an air strike killed seven people",
    "a bomb explosion wounded two", "were killed by shelling". The noun names what happened,
    not who did it, so the act stays coded (its doer from the noun's own words, "Russian air
    strikes", else unknown) instead of being dropped for want of a source. Only violent acts
    of violent nouns (coding/data/event_nouns.tsv): "the talks produced a deal" is no such case."""
    if cameo[:2] not in VIOLENT_ROOTS:
        return None
    table = event_nouns()
    for token in subjects:
        rows = table.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
        if rows and rows[0][1][:2] in VIOLENT_ROOTS:
            return token
    return None
