"""Targets the text gives without naming an actor (coding.targets decides when to ask):
an unnamed person as the object ("police arrested a man"), "the country" named just before,
a country, organisation or armed force modifying the object ("a UN appeal", "the military
takeover"), and the target an act's definition implies (a curfew falls on the state's own
people: coding/data/implicit_targets.tsv). Each is an Actor whose evidence says which rule
made it.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.actors.mentions import DocActors
from eventscope.coding.clause_time_place import entity_span
from eventscope.coding.clauses import direct_objects
from eventscope.coding.places import place_of
from eventscope.coding.selection import NEWS_SECTORS
from eventscope.knowledge.place_words import place_words
from eventscope.knowledge.implicit_agents import implicit_target, unnamed_people
from eventscope.models import Actor, Evidence

AIM_PREPS = {"at", "on", "against", "upon"}  # "opened fire on a crowd"
LAUNCH_AIM_PREPS = AIM_PREPS | {"into", "toward", "towards"}  # "fired rockets into the town"
COUNTRY_NOUNS = {"country", "nation"}  # "invaded the country": the country named just before
COUNTRY_WINDOW = 2  # sentences back "the country" may reach
ARMED_SECTORS = {"MIL", "COP", "REB"}  # "condemned the military takeover": the story country's army


def unnamed_person(heads: list[Token], action: Token, root: str, actors: DocActors,
                   of_noun: bool = False) -> list[Actor]:
    """"Police arrested a 57-year-old man": a person the actor lexicon gives no kind to, named
    as the act's object, is its target; of the country its phrase names ("a German man"), else
    of the place of the act, else of the story's country (coding/data/unnamed_people.tsv).
    `of_noun`: the heads are what an event noun is done to ("the shooting *of a teenager* by
    police": coding.event_nouns), its objects whatever their place in the clause."""
    from eventscope.actors.mentions import noun_phrase
    from eventscope.actors.phrase import resolve_phrase

    for head in heads:
        if head.pos_ != "NOUN" or head.lemma_.lower() not in unnamed_people() or not (of_noun or _patient(head)):
            continue
        phrase = noun_phrase(head)
        named = resolve_phrase(phrase.text, dictionaries=actors.dictionaries)
        place = place_of(action, root)
        country = (named.country if named is not None else None) or (place[1] if place else None) or actors.story_country
        if not country:
            return []
        return [Actor(name=phrase.text, country=country, sector="CVL", text=phrase.text, start=phrase.start_char,
                      end=phrase.end_char, entity=f"{country}CVL::{head.lemma_.lower()}",
                      evidence=(Evidence("rule", "unnamed person as the object", decides="sector"),))]
    return []


def definite_country(heads: list[Token], source_countries: set[str | None]) -> list[Actor]:
    """"Roughly 13,000 troops remain in Freedonia, years after its neighbour invaded the country":
    "the country" as the act's object is the last country named before it (in its sentence or
    the COUNTRY_WINDOW before), other than the source's own."""
    from eventscope.actors.phrase import resolve_country

    for head in heads:
        if head.lemma_.lower() not in COUNTRY_NOUNS or not _patient(head) or not any(
                c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
            continue
        doc, start = head.doc, head.sent.start
        for _ in range(COUNTRY_WINDOW):
            if start > 0:
                start = doc[start - 1].sent.start
        at = head.i - 1
        while at >= start:
            span = entity_span(doc[at]) if doc[at].ent_type_ in {"GPE", "NORP"} else None
            if span is None:
                at -= 1
                continue
            country = resolve_country(span.text)
            if country and len(country) == 3 and country.isalpha() and country not in source_countries:
                return [Actor(name=span.text, country=country, text=head.text, start=head.idx,
                              end=head.idx + len(head.text), entity=f"{country}::country",
                              evidence=(Evidence("rule", f"the country: {span.text}", decides="country"),))]
            at = span.start - 1
        return []
    return []


def _patient(token: Token) -> bool:
    """Whether a noun is what the act is done to: its object, its passive subject, or what it is
    aimed at ("fired on a crowd"), also as a conjunct or counted ("two of the men"); not an
    audience or a beneficiary ("released to the public")."""
    while token.dep_ == "conj" or (token.dep_ == "pobj" and token.head.lower_ == "of"):
        token = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ == "pobj":
        return token.head.lower_ in AIM_PREPS
    return token.dep_ in {"dobj", "nsubjpass"}


def implicit(code: str, action: Token, sources: list[Actor], actors: DocActors | None = None) -> list[Actor]:
    """The target an act's definition implies when the text names none (a curfew falls on a
    state's own people; a refusal is aimed at the other party of the story): one actor of the
    listed sector, of the country of the act's place, its source's or the story's other
    party's (coding/data/implicit_targets.tsv)."""
    rule = implicit_target(code)
    if rule is None:
        return []
    where, sector = rule
    own = next((a.country for a in sources if a.country), None)
    place = place_of(action, code[:2])
    country = None
    for kind in where:
        if kind == "counterpart":
            country = actors.counterpart(own) if actors is not None else None
        else:
            country = (place[1] if place else None) if kind == "place" else own if kind == "source" else None
        if country:
            break
    if not country or len(country) != 3:
        return []
    sector = sector or None
    return [Actor(name=f"{country} {sector or ''} (implicit)".replace("  ", " "), country=country, sector=sector,
                  entity=f"{country}{sector or ''}::implicit",
                  evidence=(Evidence("rule", f"target implied by CAMEO {code}", decides="sector"),))]


def modifier_actor(token: Token, actors: DocActors, what: str = "the object") -> Actor | None:
    """The country or organisation a modifier names: "condemned the Israeli raid" targets
    Israel, "backed a UN appeal" the United Nations, "rejected an EU demand" the EU; "Russian
    air strikes", "Hamas rocket attacks" are done by them (coding.event_nouns). A country
    modifier is the country (no sector: "Russian" says whose, not which body); an organisation
    keeps its sector; a person or a role ("presidential", "police") names no one here."""
    from eventscope.actors.phrase import resolve_phrase

    span = entity_span(token) if token.ent_type_ == "ORG" else None
    text = span.text if span is not None else token.text
    found = resolve_phrase(text, dictionaries=actors.dictionaries)
    if not found.country or (found.sector and token.ent_type_ != "ORG") or found.sector in NEWS_SECTORS:
        return None
    start = span.start_char if span is not None else token.idx
    return Actor(name=found.name, country=found.country, sector=found.sector if token.ent_type_ == "ORG" else None,
                 text=text, start=start, end=start + len(text),
                 entity=f"{found.country}:{found.sector or ''}:{found.name}::modifier",
                 evidence=found.evidence + (Evidence("rule", f"modifier of {what}"),))


def armed_modifier_actor(token: Token, actors: DocActors) -> Actor | None:
    """"Condemned the military takeover", "denounced the police crackdown": a modifier naming an
    armed force of no named country is that force of the country the story is about."""
    from eventscope.actors.phrase import resolve_phrase

    found = resolve_phrase(token.text, dictionaries=actors.dictionaries)
    country = actors.story_country
    if found.country or found.sector not in ARMED_SECTORS or not country:
        return None
    return Actor(name=f"{country} {found.sector} ({token.text})", country=country, sector=found.sector,
                 text=token.text, start=token.idx, end=token.idx + len(token.text),
                 entity=f"{country}{found.sector}::modifier",
                 evidence=found.evidence + (Evidence("rule", "armed force modifying the object, of the story's country"),))


def aimed_at(action: Token, launched: list[Token]) -> bool:
    """Was an act with the weapons `launched` aimed at something, named actor or not ("fired
    rockets *at the town*", "struck the cities *with rockets*")? Else a launch of a weapon is a
    show of force ("launched two missiles off its coast", "fired missiles *into the sea*": open
    water is no target)."""
    water = place_words()["water"]
    if any(c.dep_ == "prep" and c.lower_ in LAUNCH_AIM_PREPS and any(
            g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"} and g.lemma_.lower() not in water
            for g in c.children) for c in action.children):
        return True
    # the weapon is the instrument of an act on the verb's object (the parser may hang "with" on the object)
    struck = [o for o in direct_objects(action) if o not in launched]
    return bool(struck) and any(t.head.dep_ == "prep" and t.head.lower_ == "with" and t.head.head in [action, *struck]
                                for t in launched)
