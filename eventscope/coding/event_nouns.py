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

from spacy.tokens import Span, Token

from eventscope.coding import clauses
from eventscope.coding.agents import implicit_agent
from eventscope.coding.doer_types import by_doer
from eventscope.knowledge import taxonomy
from eventscope.knowledge.verb_lexicon import Lexicon, event_nouns
from eventscope.coding.noun_modality import reported_done, standing_measure
from eventscope.coding.implied_targets import modifier_actor, unnamed_person
from eventscope.coding.noun_doers import (
    MODIFIER_DEPS, MODIFIER_ENTITIES, VIOLENT_ROOTS, accused_doers, another_doer, doers, held_for, held_subjects,
    is_backed, named_in, objects_of,
)
from eventscope.coding.places import place_of
from eventscope.models import Actor, Document, Event, Evidence

MILITARY_AID = "072"  # backing a violent act is military aid (backing talks is no aid: left alone)
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
MEETING_ROOT = "04"  # talks, meetings, calls: the subject of a clause "during" one took part
ATTENDED_PREPS = {"during", "at", "after", "in"}
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
            or held_for(noun, rows[0][1], lexicon) is not None
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
            sources, notes = accused_doers(noun, code, actors, lexicon)
        found += _backing(noun, code, sources, actors)
        held = held_subjects(noun) if patient and not sources else []
        if held:  # "the mayor remains in custody": the subject is held; the agent is implied
            targets = actors.actors_of(held) or unnamed_person(held, noun, taxonomy.cameo_root(code), actors, of_noun=True)
            sources = implicit_agent(code, targets, actors.story_country, notes, "implicit agent of a custody")
            if targets:
                found.append((noun, code, sources, targets, notes + ["event noun: its subject is held"]))
            continue
        if not sources or others and not another_doer(noun, sources, actors, notes):
            continue
        target_preps = set().union(*(words for words, _, _ in rows))
        heads = objects_of(noun, target_preps)
        if not heads and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            heads = objects_of(noun.head.head, target_preps)  # "the lifting of sanctions [on X]": parsed onto "lifting"
        if patient:  # "Navalny's arrest by police"
            heads = [c for c in noun.children if c.dep_ == "poss"] + heads
        entities = {a.entity for a in sources}
        targets = [a for a in actors.actors_of(heads) if a.entity not in entities]
        if not targets:  # "tariffs on $200 billion of Chinese goods": the country its words name
            targets = [a for a in named_in(heads, actors) if a.entity not in entities]
        if not targets and patient:  # "the shooting of a teenager by police": the teenager
            targets = unnamed_person(heads, noun, taxonomy.cameo_root(code), actors, of_noun=True)
        if "between" in preps and not targets:
            sources, targets = sources[:1], sources[1:]
        if not targets and taxonomy.cameo_root(code) in RECIPROCAL_ROOTS:
            continue  # "China trade talks": talks with no one named are no event to file
        found.append((noun, code, sources, targets, notes))
    return found



def _backing(noun: Token, code: str, doers_found: list[Actor], actors) -> list[tuple]:
    """"An escalation of a Russian-backed offensive": the backer of a violent act gives its
    doer military aid; the doer named by the noun's own words, else implied (`implicit_agent`:
    where it happened, the story's country)."""
    modifier = next((c for c in noun.children if c.dep_ in MODIFIER_DEPS and is_backed(c)), None)
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
