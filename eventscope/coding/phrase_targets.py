"""Targets found inside an act's phrases when the parse gives none (coding.targets asks, before
the subject of a that-clause, an addressee or the target an act's definition implies): the first
actor named inside the act's object phrases, down to the agent of an event noun ("rejected
accusations by Chile") or whom it was made against ("dropped an inquiry into allegations made
against X") or the place a visit goes to, else a country, organisation or armed force modifying
the object ("a UN appeal", "the military takeover"). Never the doer of the circumstance a
passive act happened in ("arrested in a police sweep", "shot dead during an army raid": the
police and the army did it), nor a sea ("patrolled the Gulf of Aden"). Pure functions over spaCy
tokens and the document's actors (actors.mentions.DocActors).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.actors.mentions import DocActors
from eventscope.coding import clauses
from eventscope.coding import clause_roles
from eventscope.coding.implied_targets import armed_modifier_actor, modifier_actor
from eventscope.coding.place_phrases import at_sea
from eventscope.coding.selection import NEWS_SECTORS
from eventscope.knowledge.implicit_agents import weapons
from eventscope.knowledge.place_words import place_words
from eventscope.models import Actor, decided

MODIFIER_DEPS = {"amod", "compound", "nmod"}
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "during", "before", "after", "since", "until"}
# prepositions of an object noun that say whom it concerns ("visit to", "allegations by",
# "inquiry into", "claims against"); an event noun's agent ("by") first: it did the act reacted to
NOUN_TARGET_PREPS = ("by", "against", "into", "to", "toward", "towards", "with", "on", "upon", "at")
MAX_NOUN_DEPTH = 3  # object -> of its noun -> of that noun: "dropped its inquiry into claims against X"
NOT_PARTIES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}  # "on Friday"
NON_STATE_SECTORS = {"REB", "OPP", "CVL", "SOC", "LAB", "EDU", "REL", "REF", "CRM", "UAF", "PRM", "AGR", "BUS"}


def fallback_targets(action: Token, source_tokens: list[Token], actors: DocActors) -> list[Actor]:
    """No syntactic target: the first actor named inside the action's object phrases.

    Looks only at the noun phrases of the objects and prepositional objects (one level
    down, and through an infinitival complement), never into relative clauses or
    places ("meeting in Moscow"), so a far-off name is not taken for the target.
    """
    sources = [a for t in source_tokens for a in actors.actors_for(t)]

    def someone_else(actor: Actor) -> bool:
        # a name of the source's own country is usually the source again ("Russian
        # officials ... Russian weapons"), unless they are two sides: both have different
        # sectors (rebels and their country's army), or one is the bare country (its state)
        # and the other is no part of the state ("the rebels denied Ethiopia's claim");
        # news media are never targets (coding.selection drops them): "against Daily Post
        # founder Ken Amadi" is aimed at the founder
        if actor.sector in NEWS_SECTORS:
            return False
        if _named_person(actor) and actor.entity not in {s.entity for s in sources}:
            return True  # "Sweden dropped its inquiry into claims against Lena Berg"
        return all(actor.country != s.country or _two_sides(actor.sector, s.sector)
                   for s in sources if s.country)

    for phrase in object_phrases(action):
        # what is fired is no target, nor a sea ("patrolling the Gulf of Aden")
        tokens = [t for t in phrase if t.lemma_.lower() not in weapons() and not water_name(t)]
        for token in tokens:  # a named actor of the phrase ("the Sudanese army's offer": the army)
            found = [a for a in actors.actors_for(token) if someone_else(a) or _other_owner(token, a, sources)]
            if found:
                return found
        for token in tokens:  # else what a modifier names
            found = []
            if token.dep_ in MODIFIER_DEPS and token.ent_type_ in {"NORP", "GPE", "ORG"}:
                found = [a for a in [modifier_actor(token, actors)] if a and someone_else(a)]
            elif token.dep_ in MODIFIER_DEPS and token.pos_ in {"ADJ", "NOUN"} and not any(
                    s.country == actors.story_country and s.sector in {None, "GOV"} for s in sources):
                # (a government reacting to its own country's forces: more likely a wrong story country)
                found = [a for a in [armed_modifier_actor(token, actors)] if a and someone_else(a)]
            if found:
                return found
    return []


def arrival_hosts(action: Token, sources: list[Actor], actors: DocActors) -> list[Actor]:
    """"Arrived in Uganda", "landed in Kampala on Monday": the town or country an arrival is
    in is where the visitor went, so it (its country) is the one visited; not a place of the
    visitor's own country (coming home is no visit) nor a building ("arrived at the airport")."""
    words = place_words()
    if action.lemma_.lower() not in words["arrival_verb"]:
        return []
    home = {s.country for s in sources if s.country}
    places = [pobj for prep in action.children if prep.dep_ == "prep" and prep.lower_ in words["locative"]
              for pobj in prep.children if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC"}]
    return [a for place in places for a in actors.actors_for(place) if a.country and a.country not in home][:1]


def partner_in_question(action: Token, sources: list[Actor], actors: DocActors) -> list[Actor]:
    """"Discussed what steps could be taken *with his French counterpart*": the parser hangs the
    partner of a consultation on the passive verb of the question it is about; a passive act
    has no partner "with" it of its own, so the one named is whom the question was discussed with."""
    entities = {s.entity for s in sources}
    for clause in action.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "auxpass" for c in clause.children):
            continue
        partners = [p for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "with"
                    for p in prep.children if p.dep_ == "pobj"]
        found = [a for a in actors.actors_of(partners) if a.entity not in entities]
        if found:
            return found
    return []


def _other_owner(token: Token, actor: Actor, sources: list[Actor]) -> bool:
    """The owner a noun names, not a pronoun, is someone else than the sources even of their
    country and sector, when it is no source: "Kenyan officials criticized the president's
    decision", "lawmakers remain skeptical of the governor's plan" (a pronoun, "their own
    decision", may be the sources again)."""
    return (token.dep_ == "poss" and token.pos_ in {"NOUN", "PROPN"} and actor.sector not in NEWS_SECTORS
            and actor.entity not in {s.entity for s in sources})


def _named_person(actor: Actor) -> bool:
    """A person the text names (known, or guessed of the story's country): no mere body of
    a country, so never 'the source again' for being of the source's country."""
    named = decided(actor.evidence, "name")
    return (named is not None and named.value.startswith("person:")) or any(
        e.value.startswith(("country of the story (a person", "described as")) for e in actor.evidence)


def _two_sides(one: str | None, other: str | None) -> bool:
    if one and other:
        return one != other
    return (one is None and other in NON_STATE_SECTORS) or (other is None and one in NON_STATE_SECTORS)


def object_phrases(action: Token, depth: int = 0) -> list:
    """The noun phrases of the action's objects and prepositional objects, each followed by
    the phrases its noun says it concerns ("a visit *to the US*", "allegations *by Rwanda*")."""
    from eventscope.actors.mentions import noun_phrase

    phrases = []
    passive = any(c.dep_ == "auxpass" for c in action.children) or clauses.is_passive_participle(
        action) or clauses.shares_passive(action)
    for patient in _named_agents_patients(action) if depth == 0 else []:
        # a passive's subject is its object: "Norway's decision was criticized by Sweden" is
        # aimed at whom "criticized Norway's decision" is; so is the noun a participle
        # qualifies, or the one that noun stands beside ("his speech, an appearance criticized
        # by Sweden": his)
        phrases.append(noun_phrase(patient))
        if patient.dep_ == "appos" and not clause_roles.noun_owners(patient):
            phrases.append(noun_phrase(patient.head))
    for child in action.children:
        if child.dep_ in {"dobj", "dative", "attr", "iobj"}:
            phrases.append(noun_phrase(child))
            preps = sorted((c for c in child.children if c.dep_ == "prep"), key=lambda c: c.lower_ != "by")
            phrases.extend(noun_phrase(p) for c in preps for p in c.children if p.dep_ == "pobj")
            phrases.extend(_concerned(child, 1))
        elif child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if child.lower_ in PLACE_PREPS and pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    continue  # "meeting in Moscow": a place, not a target
                if child.lower_ in PLACE_PREPS and passive and not _a_place(pobj):
                    # "arrested in a police sweep", "killed during an army raid": whoever the
                    # circumstance's modifiers name did it (and the act done to the subject),
                    # they are not its target (unlike the partner of "cooperating in US-led action")
                    phrases.append(pobj.doc[pobj.i:pobj.i + 1])
                    continue
                phrases.append(noun_phrase(pobj))
                if child.lower_ not in PLACE_PREPS:  # "in his address to the UN" is when, not whom
                    phrases.extend(_concerned(pobj, 1))
        elif child.dep_ in {"xcomp", "pcomp", "acomp"} and depth == 0:
            # "agreed to *help Kenya*"; "remain skeptical *of the president's plan*"
            phrases.extend(object_phrases(child, depth + 1))
    return phrases


def _named_agents_patients(action: Token) -> list[Token]:
    """Who a passive act with a by-phrase happens to: its subject, or the noun its participle
    qualifies. Only when the text names who did it: "all on board were killed", "his refusal
    was met with laughter" name no one, and their subjects' words are no target."""
    if not any(c.dep_ == "agent" for c in action.children):
        return []
    patients = clause_roles.passive_patients(action)
    if clauses.is_passive_participle(action):
        patients = patients + clause_roles.participle_patients(action)
    return [p for p in patients if p.pos_ in {"NOUN", "PROPN"}]


def _concerned(noun: Token, depth: int) -> list:
    """Phrases a noun's own prepositions attach, agents first, down to MAX_NOUN_DEPTH nouns:
    "its inquiry into claims *against Maersk*"; never places ("a rally in Tokyo")."""
    from eventscope.actors.mentions import noun_phrase

    if depth >= MAX_NOUN_DEPTH or noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    phrases = []
    # its own prepositions, and those of a participle that qualifies it ("an allegation *made
    # against* X", "charges *brought against* Y")
    owners = [noun] + [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    preps = [c for owner in owners for c in owner.children if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS]
    for prep in sorted(preps, key=lambda p: NOUN_TARGET_PREPS.index(p.lower_)):
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and not (prep.lower_ == "at" and pobj.ent_type_ in {"GPE", "LOC", "FAC"}):
                phrases.append(noun_phrase(pobj))
                phrases.extend(_concerned(pobj, depth + 1))
    return phrases




def _a_place(noun: Token) -> bool:
    """A place or a building ("at the US embassy", "in a Kenyan village"), whose modifiers say
    whose it is, not who acted."""
    words = place_words()
    return noun.lemma_.lower() in words["facility_noun"] | words["place_noun"]


def water_name(token: Token) -> bool:
    """Part of the name of a sea ("the Gulf of Aden", "the South China Sea"): a place in no
    country, never an actor (places read the same names as in no country: place_phrases.at_sea)."""
    return token.ent_type_ in {"LOC", "GPE", "FAC"} and at_sea(token)


def not_sites(heads: list[Token]) -> list[Token]:
    """Heads less the building or place an act happened at, when the parse offers someone
    else: "police clashed with worshippers *at the mosque*" is aimed at the worshippers (the
    mosque's people are no party); alone it may be the target ("fired at the embassy")."""
    words = place_words()
    def site(head: Token) -> bool:
        return head.dep_ == "pobj" and head.head.lower_ in words["locative"] and head.lemma_.lower() in (
            words["facility_noun"] | words["place_noun"])
    others = [h for h in heads if not site(h)]
    return others if any(h.ent_type_ not in NOT_PARTIES for h in others) else heads
