"""An act that moves the source's own forces is aimed at where they go, not at the forces.

"Britain is deploying 300 troops to Mali", "Russia sent two warships to the coast of Syria",
"Pakistan is willing to withdraw its troops from the border": the troops are what the act
moves, not whom it is aimed at; its recipient is the country they are sent to or withdrawn
from (PLOVER MOBILIZE and AID: the recipient is the one the forces are aimed at or sent to),
and a deployment at home has none. Forces are the nouns of the verb lexicon's TROOPS synset
(coding/data/synsets.tsv) of the source's own country or of none named ("Syrian troops" sent
by Russia stay its target). Asked by coding.targets.complete once the targets are found.
Pure functions over spaCy tokens and the document's actors (actors.mentions.DocActors).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.actors.mentions import DocActors
from eventscope.coding import clauses
from eventscope.models import Actor

# acts that move forces: intents and offers ("offered to send troops"), aid (peacekeepers),
# yielding and withdrawing, sanctions (pulling out peacekeepers), mobilising
MOVING_ROOTS = {"03", "04", "07", "08", "15", "16"}
RELEASE_CODE = "084"  # "the militia freed 280 child soldiers": the ones released are its target
DESTINATION_PREPS = {"to", "into", "in", "inside", "toward", "towards", "from", "out"}
DESTINATION_DEPTH = 2  # "to the coast *of Syria*", "to the mission *in Mali*"


def sent_forces_targets(action: Token, code: str, sources: list[Actor], targets: list[Actor],
                        actors: DocActors, troops: frozenset[str]) -> list[Actor] | None:
    """The targets of an act that moves the source's own forces, those forces left out: the
    other targets, else the destination's actors, else none. None when the act moves no
    forces of the source's (the targets stand as they are)."""
    countries = {a.country for a in sources if a.country}
    if code[:2] not in MOVING_ROOTS or code.startswith(RELEASE_CODE) or not targets or not countries:
        return None
    moved = [c for obj in action.children if obj.dep_ == "dobj" for c in clauses.conjuncts(obj)
             if c.lemma_.lower() in troops]
    own = {a.entity for a in actors.actors_of(moved) if a.country is None or a.country in countries}
    if not own or not any(a.entity in own for a in targets):
        return None
    rest = [a for a in targets if a.entity not in own]
    return rest or destination(action, moved, actors, countries)


def destination(action: Token, moved: list[Token], actors: DocActors, countries: set[str]) -> list[Actor]:
    """Whom the place the forces are sent to or withdrawn from stands for: the first actor of
    another country named in the act's or the forces' "to", "into", "in" or "from" phrase."""
    for owner in [action, *moved]:
        for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                found = _named_within(pobj, actors, countries, 0)
                if found:
                    return found
    return []


def _named_within(noun: Token, actors: DocActors, countries: set[str], depth: int) -> list[Actor]:
    found = [a for a in actors.actors_for(noun) if a.country and a.country not in countries]
    if found or depth >= DESTINATION_DEPTH:
        return found
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "in", "near"}):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            found = _named_within(pobj, actors, countries, depth + 1)
            if found:
                return found
    return []
