"""Events named by nouns: "Wang's visit to Seoul", "talks between Peru and Bolivia", "the
arrest of the mayor by police", "Russian air strikes on Aleppo".

A noun of coding/data/event_nouns.tsv is coded as an act when the text names who did it: a
possessive, a "by" phrase, a country or actor modifier, or the first party of "between X and
Y", or, for talks, meetings and calls, the subject of a clause acted during one ("announced
the deal during a meeting with Liu"). Its target is the object of the prepositions its row
names ("visit *to* Seoul", also past a place: "a meeting in Hanoi *with* Kim"). It is left to
the verb when it is a verb's object ("imposed sanctions on": verbs.tsv decides) unless it
names a doer of another country than the verb's subject ("condemned Russia's invasion"), and
it is no act done when a word over it asks for, threatens, plans or doubts it ("calls for
talks", "the threat of sanctions", "a planned visit": modality.tsv `unrealised`) or the
clause above it is not reported as done (coding.modality).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventscope.coding import clauses
from eventscope.coding import clause_roles
from eventscope.coding.agents import implicit_agent
from eventscope.coding.doer_types import by_doer
from eventscope.knowledge import taxonomy
from eventscope.knowledge.verb_lexicon import Lexicon, event_nouns
from eventscope.coding.noun_modality import reported_done, standing_measure
from eventscope.coding.implied_targets import modifier_actor, unnamed_person
from eventscope.coding.places import place_of
from eventscope.models import Actor, Document, Event, Evidence

MODIFIER_DEPS = {"amod", "compound", "nmod"}
LED = {"lead", "led"}  # "U.S.-led talks": the leader acts ("Russian-backed": the backer only aids)
BACKED = {"back", "backed"}  # "a Russian-backed offensive": the backer aids whoever does it
BACKED_SUFFIX = "-backed"  # "U.S.-backed": the tokenizer keeps it one token
MILITARY_AID = "072"  # backing a violent act is military aid (backing talks is no aid: left alone)
VIOLENT_ROOTS = {"18", "19", "20"}
ACCUSED_PREPS = {"for", "over", "with", "of"}  # "arrested for", "charged with", "convicted of"
# "sought in", "suspected in" the killing (not "arrested in a police raid": where it was done)
IMPLICATED_PREPS = {"in"}
ACCUSING_KINDS = ("punishing", "alleging", "pursuing")  # modality.tsv
IMPLICATING_KINDS = ("alleging", "pursuing")
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
MODIFIER_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}
STATE_VERBS = {"be", "remain", "stay"}  # "is under arrest", "remains in custody"
STATE_PREPS = {"under", "in"}
MEETING_ROOT = "04"  # talks, meetings, calls: the subject of a clause "during" one took part
ATTENDED_PREPS = {"during", "at", "after", "in"}
PLACE_PREPS = {"in", "at"}  # a place between an event noun and its target: "a meeting in Hanoi with Kim"
BASE_CONFIDENCE = 0.45  # set a priori: below a verb pattern's 0.55 (coding.selection)
TARGET_BONUS = 0.1


NOUN_PATTERN = "event noun"  # how a noun event's pattern evidence starts


def is_noun_event(event: Event) -> bool:
    return any(e.kind == "pattern" and e.value.startswith(NOUN_PATTERN) for e in event.evidence)


def noun_events(sent: Span, sent_no: int, document: Document, actors, lexicon: Lexicon, date_of) -> list[Event]:
    """The events the sentence's event nouns report; `date_of(token)` -> (date, precision)."""
    events = []
    for noun, code, sources, targets, notes in noun_acts(sent, lexicon, actors):
        info = by_doer(taxonomy.cameo(code), sources, notes, noun.lemma_)  # "a police raid": doer_types.tsv
        date, precision = date_of(noun)
        place = place_of(noun, info.root)
        phrase = list(noun.subtree)
        start, last = phrase[0].idx, phrase[-1]
        evidence = (Evidence("pattern", f"{NOUN_PATTERN} {noun.lemma_.lower()} -> {code}", entry=f"event_nouns.tsv {noun.lemma_.lower()}"),
                    *(Evidence("rule", note) for note in notes))
        events.append(Event(
            doc_id=document.id, sentence=sent_no, span=(start, last.idx + len(last.text)), source=sources,
            target=targets, cameo=info.code, cameo_root=info.root, goldstein=info.goldstein,
            quad_class=info.quad_class, plover=info.plover or None, plover_mode=info.plover_mode or None,
            plover_context=info.plover_context or None, date=date, date_precision=precision,
            location=place[0] if place else None, location_country=place[1] if place else None,
            trigger=noun.text, confidence=round(BASE_CONFIDENCE + (TARGET_BONUS if targets else 0.0), 3),
            evidence=evidence,
        ))
    return events


def noun_acts(sent: Span, lexicon: Lexicon, actors) -> list[tuple[Token, str, list[Actor], list[Actor], list[str]]]:
    """(noun, CAMEO code, sources, targets, notes) of each event noun of the sentence that
    reports an act done by a named actor."""
    table = event_nouns()
    found = []
    for noun in sent:
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() not in table:
            continue
        rows = table[noun.lemma_.lower()]
        done = reported_done(noun, lexicon) or standing_measure(noun, rows[0][1], lexicon) \
            or _held_for(noun, rows[0][1], lexicon) is not None
        # "Israel backs the U.S.-led talks", "condemned Russia's invasion": the object of a
        # verb the lexicon codes is an act of its own when someone else does it
        others = not done and reported_done(noun, lexicon, beside_verb=True)
        if not done and not others:
            continue
        preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
        code, possessive = next(((c, p) for words, c, p in rows if words & preps), rows[0][1:])
        patient = possessive == "target"
        sources, notes = doers(noun, actors, possessive_acts=not patient)
        if not sources and taxonomy.cameo_root(code) == MEETING_ROOT:
            sources, notes = _attendees(noun, actors)
        if not sources and taxonomy.cameo_root(code) in VIOLENT_ROOTS:
            sources, notes = _accused(noun, code, actors, lexicon)
        found += _backing(noun, code, sources, actors)
        held = _held(noun) if patient and not sources else []
        if held:  # "the mayor remains in custody": the subject is held; the agent is implied
            targets = actors.actors_of(held) or unnamed_person(held, noun, taxonomy.cameo_root(code), actors, of_noun=True)
            sources = implicit_agent(code, targets, actors.story_country, notes, "implicit agent of a custody")
            if targets:
                found.append((noun, code, sources, targets, notes + ["event noun: its subject is held"]))
            continue
        if not sources or others and not _another_doer(noun, sources, actors, notes):
            continue
        target_preps = set().union(*(words for words, _, _ in rows))
        heads = _objects_of(noun, target_preps)
        if not heads and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            heads = _objects_of(noun.head.head, target_preps)  # "the lifting of sanctions [on X]": parsed onto "lifting"
        if patient:  # "Navalny's arrest by police"
            heads = [c for c in noun.children if c.dep_ == "poss"] + heads
        entities = {a.entity for a in sources}
        targets = [a for a in actors.actors_of(heads) if a.entity not in entities]
        if not targets:  # "tariffs on $200 billion of Chinese goods": the country its words name
            targets = [a for a in _named_in(heads, actors) if a.entity not in entities]
        if not targets and patient:  # "the shooting of a teenager by police": the teenager
            targets = unnamed_person(heads, noun, taxonomy.cameo_root(code), actors, of_noun=True)
        if "between" in preps and not targets:
            sources, targets = sources[:1], sources[1:]
        if not targets and taxonomy.cameo_root(code) in RECIPROCAL_ROOTS:
            continue  # "China trade talks": talks with no one named are no event to file
        found.append((noun, code, sources, targets, notes))
    return found


def _is_backed(token: Token) -> bool:
    return token.lemma_.lower() in BACKED and token.tag_ == "VBN" or token.lower_.endswith(BACKED_SUFFIX)


def _backing(noun: Token, code: str, doers_found: list[Actor], actors) -> list[tuple]:
    """"An escalation of a Russian-backed offensive": the backer of a violent act gives its
    doer military aid; the doer named by the noun's own words, else implied (`implicit_agent`:
    where it happened, the story's country)."""
    modifier = next((c for c in noun.children if c.dep_ in MODIFIER_DEPS and _is_backed(c)), None)
    if modifier is None or taxonomy.cameo_root(code) not in VIOLENT_ROOTS:
        return []
    heads = [g for g in modifier.children if g.dep_ in MODIFIER_DEPS | {"npadvmod"}] or [modifier]
    backers = []
    for head in heads:
        backers = actors.actors_for(head)
        if not backers and head.ent_type_ in MODIFIER_ENTITIES:
            backers = [a for a in [modifier_actor(head, actors, "an event noun")] if a is not None]
        if backers:
            break
    if not backers:
        return []
    notes = [f"event noun: its backer aids its doer ('{modifier.text}')"]
    backed = doers_found
    if not backed:
        place = place_of(noun, taxonomy.cameo_root(code))
        backed = implicit_agent(code, [], actors.story_country, notes, "implicit doer of a backed act",
                                place_country=place[1] if place else None)
    entities = {a.entity for a in backers}
    backed = [a for a in backed if a.entity not in entities and a.country not in {b.country for b in backers}]
    if not backed:
        return []
    return [(noun, MILITARY_AID, backers, backed, notes)]


def _attendees(noun: Token, actors) -> tuple[list[Actor], list[str]]:
    """"The president announced the deal during a meeting with Liu He": who does the act of
    a clause during (at, after, in) a meeting took part in it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ATTENDED_PREPS or prep.head.pos_ not in {"VERB", "AUX"}:
        return [], []
    subjects = [c for c in prep.head.children if c.dep_ == "nsubj"]
    found = actors.actors_of([t for s in subjects for t in clauses.conjuncts(s)])
    return (found, ["event noun: the clause's subject took part in it"]) if found else ([], [])


def _held_for(noun: Token, code: str, lexicon: Lexicon) -> Token | None:
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


def _accused(noun: Token, code: str, actors, lexicon: Lexicon) -> tuple[list[Actor], list[str]]:
    """Whom `_held_for`'s verb holds for the violent act is its (alleged) doer."""
    governor = _held_for(noun, code, lexicon)
    if governor is None:
        return [], []
    if governor.pos_ == "NOUN":  # "are under arrest for the murder"
        held = _held(governor)
    elif governor.dep_ == "acl":  # "two men sought in the slaying" (tagged VBN or VBD)
        held = [governor.head]
    else:  # "police arrested two men for", "two men were arrested for"
        held = [c for c in governor.children if c.dep_ in {"dobj", "nsubjpass"}]
    found = actors.actors_of([t for h in held for t in clauses.conjuncts(h)])
    return (found, [f"event noun: whom '{governor.text}' holds for it did it"]) if found else ([], [])


def _another_doer(noun: Token, sources: list[Actor], actors, notes: list[str]) -> bool:
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


def _held(noun: Token) -> list[Token]:
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
        if _is_backed(child):
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


def _objects_of(noun: Token, preps: set[str]) -> list[Token]:
    heads = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.lower_ != "between":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    heads += [pobj, *pobj.conjuncts]
        elif child.dep_ == "prep" and child.lower_ in PLACE_PREPS:  # "talks in Geneva with Iran"
            heads += _objects_of(next((p for p in child.children if p.dep_ == "pobj"), child), preps - PLACE_PREPS)
        elif child.dep_ in {"agent", "prep"} and child.lower_ == "by":
            for pobj in child.children:  # "the occupation by Russia of Crimea"
                heads += [g for c in pobj.children if c.dep_ == "prep" and c.lower_ in preps
                          for g in c.children if g.dep_ == "pobj"]
    return heads


def _named_in(heads: list[Token], actors) -> list[Actor]:
    """The first actor or country modifier inside the target phrases."""
    for head in heads:
        for token in head.subtree:
            found = actors.actors_for(token)
            if not found and token.dep_ in MODIFIER_DEPS and token.ent_type_ in {"NORP", "GPE"}:
                found = [a for a in [modifier_actor(token, actors, "an event noun")] if a is not None]
            if found:
                return found
    return []
