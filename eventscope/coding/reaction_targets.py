"""Whom a reaction is aimed at when its own words do not say: whoever did the act it reacts
to. Either the reacted-to act's doer is named in the object's own words ("rejected an EU demand
for more troops", "condemned the Ugandan raid": `reacted_act_doers`, read by coding.targets
`complete`), or the act was reported earlier in the sentence ("Japan condemned the missile
launch" after "North Korea launched ballistic missiles": `aimed_at_reported_act`, read by
coding.coder once a sentence is coded).

Split from coding.targets to keep each module under the house size.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventscope.actors.mentions import DocActors
from eventscope.knowledge.verb_lexicon import event_nouns
from eventscope.models import Actor, Event, Evidence

REACTION_ROOTS = {"02", "05", "10", "11", "12", "13"}  # appeals, praise, demands, criticism, rejection, threats
STEM = 5  # letters an act's verb and a noun naming it share ("launch"/"launched", "arrest"/"arrests")
REACTED_ROOTS = {"05", "11", "12"}  # praise, criticism, rejection of an act (not what a request asks for)


def reacted_act_doers(action: Token, root: str, sources: list[Actor], actors: DocActors) -> list[Actor]:
    """A reaction (praise, criticism, rejection) to an act its object
    names is aimed at whoever did that act, when the object's own words name them (a
    possessive, a modifier, a by-phrase: coding.noun_doers `doers`): "rejected an EU demand
    for more troops" at the EU, "condemned the Ugandan raid on Somali villages" at Uganda, not
    at whom the act concerned. An object that is itself an actor is the target as it is."""
    from eventscope.coding.noun_doers import doers

    if root not in REACTED_ROOTS:
        return []
    entities, countries = {a.entity for a in sources}, {a.country for a in sources}
    for obj in (c for c in action.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
        if actors.actors_for(obj):
            return []
        rows = event_nouns().get(obj.lemma_.lower())
        done_to = bool(rows) and rows[0][2] == "target"  # "condemned Navalny's arrest": not Navalny's act
        found = [a for a in doers(obj, actors, possessive_acts=not done_to)[0]
                 if a.entity not in entities and a.country not in countries]
        if found:
            return found
    return []


def aimed_at_reported_act(event: Event, action: Token, earlier: list[Event]) -> Event:
    """"Japan condemned the missile launch": a reaction aimed at an act the story has already
    reported is aimed at whoever did it ("North Korea launched ballistic missiles"). The act
    is found by its word: the object noun and the earlier event's trigger share their stem."""
    if event.target or event.cameo_root not in REACTION_ROOTS:
        return event
    nouns = [c for c in action.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"]
    nouns += [g for c in nouns for g in c.children if g.dep_ == "compound" and g.pos_ == "NOUN"]
    stems = {n.lemma_.lower()[:STEM] for n in nouns if len(n.lemma_) >= STEM}
    source_countries = {a.country for a in event.source}
    for act in reversed(earlier):
        verb = act.trigger.split(" .. ")[-1].lower()
        if act.source and verb[:STEM] in stems and not {a.country for a in act.source} & source_countries:
            evidence = event.evidence + (Evidence("rule", f"target: who did the {verb} it reacts to"),)
            return replace(event, target=list(act.source), evidence=evidence, id="")
    return event
