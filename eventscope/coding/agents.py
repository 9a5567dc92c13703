"""Who did an act the text reports without its doer: "Besigye was arrested", "the mayor
remains in custody", "an air strike killed seven people" (an attack noun as the subject:
coding/data/event_nouns.tsv). The doer's country comes by one rule for every act
(coding/data/implicit_agent_country.tsv), its sector from the act (implicit_agents.tsv).
And a crowd of no known kind that protests or attacks ("taxi drivers blocked the road"):
civilians of the country the text gives (`crowd_doer`)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventscope.coding.non_events import VIOLENT_ROOTS
from eventscope.coding.places import place_of
from eventscope.knowledge.actor_files import is_country_code
from eventscope.knowledge.implicit_agents import crowd_acts, implicit_agent_countries, implicit_agent_sector, unnamed_people
from eventscope.knowledge.verb_lexicon import event_nouns
from eventscope.models import Actor, Evidence

LOCAL_SECTORS = {"COP", "JUD"}  # police and courts act only at home (armies act abroad too)
COUNTRY_FROM = {"place": "of where it happened", "story": "of the story's country",
                "target": "of its victims' country"}  # evidence: whence the implied doer's country


def implicit_agent(cameo: str, targets: list[Actor], story_country: str | None,
                   notes: list[str], why: str = "implicit agent of a passive",
                   place_country: str | None = None) -> list[Actor]:
    """Who did an act the text reports without its doer, by one rule for every act: a country
    from where it happened, else from the story, else from its victims
    (coding/data/implicit_agent_country.tsv), and the sector of whoever alone does such acts
    (coding/data/implicit_agents.tsv: "was arrested" -> police, "was sentenced" -> courts;
    none for acts anyone could do, "was killed"). "Besigye was arrested" in a story about
    Uganda: Uganda's police; "was sentenced in London": Britain's courts, whoever was
    sentenced (`place_country`, the country of the clause's own place phrase); "an air
    strike killed seven" in a story about Syria: someone of Syria. [] when none of them
    names a country."""
    sector = implicit_agent_sector(cameo)
    found = {"place": place_country, "story": story_country,
             "target": next((a.country for a in targets if is_country_code(a.country)), None)}
    where = next((w for w in implicit_agent_countries() if is_country_code(found[w])), None)
    if where is None:
        return []
    country = found[where]
    rule = f"{why}: {COUNTRY_FROM[where]}"
    notes.append(rule)
    return [Actor(name=f"{country} {sector} (implicit)" if sector else f"{country} (implicit)",
                  country=country, sector=sector, entity=f"{country}{sector or ''}::implicit",
                  evidence=(Evidence("rule", rule, decides="sector" if sector else "country"),))]


def where_they_acted(found: list[Actor], place_country: str | None, notes: list[str]) -> list[Actor]:
    """Police and courts act where the act happens (coding/data/implicit_agent_country.tsv:
    "place" before "story"): a police or court word of no country of its own, lent the
    story's, is of the country of the clause's own place phrase when that is another:
    "police arrested her in Oslo" in a story about Sweden are Norway's police."""
    from eventscope.actors.noun_phrases import actor_key
    from eventscope.actors.whose import country_from_story

    if not place_country or not is_country_code(place_country):
        return found
    out = []
    for actor in found:
        if actor.sector in LOCAL_SECTORS and actor.country != place_country and country_from_story(actor):
            rule = f"{actor.sector} of no country of its own: of where it acted ({place_country})"
            notes.append(rule)
            actor = replace(actor, country=place_country, evidence=tuple(
                e for e in actor.evidence if e.decides != "country") + (Evidence("rule", rule, decides="country"),))
            actor = replace(actor, entity=actor_key(actor))
        out.append(actor)
    return out


def attack_subject(subjects: list[Token], cameo: str) -> Token | None:
    """The attack noun that is a violent act's subject: "an air strike killed seven people",
    "a bomb explosion wounded two", "were killed by shelling". The noun names what happened,
    not who did it, so the act stays coded (its doer from the noun's own words, "Russian air
    strikes", else implied: `implicit_agent`) instead of being dropped for want of a source. Only violent acts
    of violent nouns (coding/data/event_nouns.tsv): "the talks produced a deal" is no such case."""
    if cameo[:2] not in VIOLENT_ROOTS:
        return None
    table = event_nouns()
    for token in subjects:
        rows = table.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
        if rows and rows[0][1][:2] in VIOLENT_ROOTS:
            return token
    return None


def with_implied_doer(verb: Token, code: str, sources: list[Actor], targets: list[Actor], actors,
                      evidence: tuple[Evidence, ...]) -> tuple[list[Actor], tuple[Evidence, ...]]:
    """A clause a learned model coded (coding.classify) whose passive names whom but not who
    ("he was hit by a brick"): its doer as `implicit_agent` implies it; else as it was."""
    if sources or not targets:
        return sources, evidence
    notes: list[str] = []
    place = place_of(verb, code[:2])
    sources = implicit_agent(code, targets, actors.story_country, notes, place_country=place[1] if place else None)
    return sources, evidence + tuple(Evidence("rule", note) for note in notes)


def crowd_doer(subjects: list[Token], code: str, verb: Token, action: Token, actors, notes: list[str]) -> list[Actor]:
    """"Taxi drivers blocked the main road", "hundreds of people marched on parliament": people
    the actor lexicon gives no kind (coding/data/unnamed_people.tsv), as the subject of an act
    a crowd does (coding/data/crowd_acts.tsv: PLOVER's PROTEST is "all civilian demonstrations";
    a crowd's attack), are civilians of the country their phrase names ("Kenyan taxi
    drivers"), else of where it happened, else of the story's. Only the clause's own subject: a
    subject the parse lends from another clause ("two women died ... after youths hurled petrol
    bombs", "hurled" read as a conjunct of "died") is not trusted. [] when none names a country."""
    from eventscope.actors.mentions import noun_phrase
    from eventscope.actors.phrase import resolve_phrase

    if not crowd_acts(code):
        return []
    for head in subjects:
        if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.lemma_.lower() not in unnamed_people() \
                or _subject_of(head) not in {verb.i, action.i}:
            continue
        phrase = noun_phrase(head)
        named = resolve_phrase(phrase.text, dictionaries=actors.dictionaries)
        place = place_of(action, code[:2])
        country = next((c for c in ((named.country if named is not None else None), place[1] if place else None,
                                    actors.story_country) if is_country_code(c)), None)
        if country is None:
            return []
        rule = f"a crowd of no known kind ({head.lemma_.lower()}) protesting or attacking: civilians"
        notes.append(rule)
        return [Actor(name=phrase.text, country=country, sector="CVL", text=phrase.text, start=phrase.start_char,
                      end=phrase.end_char, entity=f"{country}CVL::{head.lemma_.lower()}",
                      evidence=(Evidence("rule", rule, decides="sector"),))]
    return []


def _subject_of(head: Token) -> int | None:
    """The verb whose own subject the noun is, through a count ("hundreds of people"); None if none."""
    while head.dep_ == "pobj" and head.head.lower_ == "of":
        head = head.head.head
    return head.head.i if head.dep_ == "nsubj" else None
