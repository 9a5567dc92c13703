"""Who does the act an event noun names, from the noun's own words and the clause around it:
a possessive, a "by" phrase, "between" parties, an actor or country modifier ("U.S.-led",
"a Sicilian police raid"), whom a verb holds for a violent act ("arrested two men for the
murder"), who is held ("remains in custody"), and the phrases that name its target.

Split from coding.event_nouns (which codes the noun events and imports these) to keep each
module under the house size; coding.coder and coding.targets read `doers` for verbs' objects.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventscope.coding import clauses
from eventscope.coding import clause_roles
from eventscope.knowledge import taxonomy
from eventscope.knowledge.verb_lexicon import Lexicon
from eventscope.coding.implied_targets import modifier_actor
from eventscope.coding.non_events import VIOLENT_ROOTS
from eventscope.models import Actor, Evidence

MODIFIER_DEPS = {"amod", "compound", "nmod"}
LED = {"lead", "led"}  # "U.S.-led talks": the leader acts ("Russian-backed": the backer only aids)
BACKED = {"back", "backed"}  # "a Russian-backed offensive": the backer aids whoever does it
BACKED_SUFFIX = "-backed"  # "U.S.-backed": the tokenizer keeps it one token
ACCUSED_PREPS = {"for", "over", "with", "of"}  # "arrested for", "charged with", "convicted of"
# "sought in", "suspected in" the killing (not "arrested in a police raid": where it was done)
IMPLICATED_PREPS = {"in"}
ACCUSING_KINDS = ("punishing", "alleging", "pursuing")  # modality.tsv
IMPLICATING_KINDS = ("alleging", "pursuing")
MODIFIER_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}
STATE_VERBS = {"be", "remain", "stay"}  # "is under arrest", "remains in custody"
STATE_PREPS = {"under", "in"}
PLACE_PREPS = {"in", "at"}  # a place between an event noun and its target: "a meeting in Hanoi with Kim"


def is_backed(token: Token) -> bool:
    return token.lemma_.lower() in BACKED and token.tag_ == "VBN" or token.lower_.endswith(BACKED_SUFFIX)


def held_for(noun: Token, code: str, lexicon: Lexicon) -> Token | None:
    """The verb (or "arrest") that holds someone for the violent act the noun names: "two men
    sought in the slaying of X", "arrested three men for the murder of X", "are under arrest for
    the killing of X" (modality.tsv `punishing`, `alleging`, `pursuing`). The act itself is done,
    whatever the clause says of its seeking: the killing happened ("an attempted murder": not)."""
    prep = noun.head
    if taxonomy.cameo_root(code) not in VIOLENT_ROOTS or noun.dep_ != "pobj":
        return None
    if any(lexicon.is_word("unrealised", c.lemma_.lower()) for c in noun.children):
        return None
    kinds = ACCUSING_KINDS if prep.lower_ in ACCUSED_PREPS else IMPLICATING_KINDS if prep.lower_ in IMPLICATED_PREPS else ()
    governor = prep.head
    return governor if any(lexicon.is_word(kind, governor.lemma_.lower()) for kind in kinds) else None


def accused_doers(noun: Token, code: str, actors, lexicon: Lexicon) -> tuple[list[Actor], list[str]]:
    """Whom `held_for`'s verb holds for the violent act is its (alleged) doer."""
    governor = held_for(noun, code, lexicon)
    if governor is None:
        return [], []
    if governor.pos_ == "NOUN":  # "are under arrest for the murder"
        held = held_subjects(governor)
    elif governor.dep_ == "acl":  # "two men sought in the slaying" (tagged VBN or VBD)
        held = [governor.head]
    else:  # "police arrested two men for", "two men were arrested for"
        held = [c for c in governor.children if c.dep_ in {"dobj", "nsubjpass"}]
    found = actors.actors_of([t for h in held for t in clauses.conjuncts(h)])
    return (found, [f"event noun: whom '{governor.text}' holds for it did it"]) if found else ([], [])


def another_doer(noun: Token, sources: list[Actor], actors, notes: list[str]) -> bool:
    """Is the doer the noun names (its possessive or modifier) someone other than the subject
    of the verb the noun is the object of, of another country? ("Israel backs the U.S.-led
    talks"; not "the U.S. imposed its sanctions", which the verb codes.)"""
    verb = next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    subjects = actors.actors_of(clause_roles.subject_tokens(verb)[0])
    if not subjects:
        return False
    if {a.entity for a in subjects} & {a.entity for a in sources} or \
            {a.country for a in subjects} & {a.country for a in sources}:
        return False
    notes.append(f"event noun: another's act, the object of '{verb.text}'")
    return True


def held_subjects(noun: Token) -> list[Token]:
    """The subject of a state an act leaves someone in ("two men are under arrest", "he
    remains in detention"): the noun as the object of STATE_PREPS on a STATE_VERBS verb."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in STATE_PREPS or prep.head.lemma_.lower() not in STATE_VERBS:
        return []
    subjects = [c for c in prep.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return [t for s in subjects for t in s.conjuncts] + subjects


def doers(noun: Token, actors, possessive_acts: bool = True) -> tuple[list[Actor], list[str]]:
    """Who does the act an event noun names, from the noun's own words (a possessive, a "by"
    phrase, "between" parties, an actor or country modifier), with how; ([], []) when none."""
    for child in noun.children:
        if child.dep_ == "poss" and possessive_acts:
            found = actors.actors_for(child)
            if found:
                return found, ["event noun: its possessive does it"]
    for child in noun.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            found = actors.actors_of([p for p in child.children if p.dep_ == "pobj"])
            if found:
                return found, ["event noun: its by-phrase does it"]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            heads = [p for p in child.children if p.dep_ == "pobj"]
            heads += [c for h in heads for c in h.conjuncts]
            found = actors.actors_of(heads)
            if len(found) >= 2:
                return found, ["event noun: between its parties"]
    prep = noun.head
    if possessive_acts and noun.dep_ == "pobj" and prep.lower_ in {"in", "on"} and prep.head.lemma_ == "be":
        found = actors.actors_of([c for c in prep.head.children if c.dep_ == "nsubj"])
        if found:  # "the chancellor is in talks with the minister", "is on a visit to Kenya"
            return found, ["event noun: the subject is in it"]
    for child in noun.children:
        if child.dep_ not in MODIFIER_DEPS or not possessive_acts and child.lemma_.lower() not in LED:
            continue  # "the Russian arrests" may be of Russians
        if is_backed(child):
            continue  # "a Russian-backed offensive": Russia backs it, someone else does it
        if child.lemma_.lower() in LED:  # "U.S.-led negotiations"
            heads = [g for g in child.children if g.dep_ in MODIFIER_DEPS | {"npadvmod"}]
        else:
            heads = [child]
        for head in heads:
            found = actors.actors_for(head)
            if not found and head.ent_type_ in MODIFIER_ENTITIES:
                found = [a for a in [modifier_actor(head, actors, "an event noun")] if a is not None]
            if found:
                return _with_role_modifier(noun, found), ["event noun: its modifier names who does it"]
    return [], []


def _with_role_modifier(noun: Token, found: list[Actor]) -> list[Actor]:
    """"a Sicilian police raid": a place modifier (a country, no sector) and a role modifier (a
    sector, no country) of the same noun are one doer, the place's police, not Sicily itself."""
    if len(found) != 1 or found[0].sector or not found[0].country:
        return found
    role = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    if role is None:
        return found
    from eventscope.actors.phrase import resolve_phrase

    reading = resolve_phrase(role.text)
    if reading is None or not reading.sector or reading.country:
        return found
    place = found[0]
    name = f"{place.text or place.name} {role.text}"
    return [replace(place, name=name, sector=reading.sector, entity=f"{place.country}{reading.sector}::{role.lemma_.lower()}",
                    evidence=place.evidence + (Evidence("rule", f"with the role modifier {role.text}", decides="sector"),))]


def objects_of(noun: Token, preps: set[str]) -> list[Token]:
    heads = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.lower_ != "between":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    heads += [pobj, *pobj.conjuncts]
        elif child.dep_ == "prep" and child.lower_ in PLACE_PREPS:  # "talks in Geneva with Iran"
            heads += objects_of(next((p for p in child.children if p.dep_ == "pobj"), child), preps - PLACE_PREPS)
        elif child.dep_ in {"agent", "prep"} and child.lower_ == "by":
            for pobj in child.children:  # "the occupation by Russia of Crimea"
                heads += [g for c in pobj.children if c.dep_ == "prep" and c.lower_ in preps
                          for g in c.children if g.dep_ == "pobj"]
    return heads


def named_in(heads: list[Token], actors) -> list[Actor]:
    """The first actor or country modifier inside the target phrases."""
    for head in heads:
        for token in head.subtree:
            found = actors.actors_for(token)
            if not found and token.dep_ in MODIFIER_DEPS and token.ent_type_ in {"NORP", "GPE"}:
                found = [a for a in [modifier_actor(token, actors, "an event noun")] if a is not None]
            if found:
                return found
    return []
