"""Whom a coded act is aimed at: the target actors of a clause.

The parse gives most targets (objects, datives, prepositional objects: clauses.target_tokens;
"hundreds of students" through its quantity word). When it gives none, the coder looks, in
order, for: the other parties of a two-sided act ("A and B met"); an unnamed person as the
object ("police arrested a man": `unnamed_person`) or "the country" (`definite_country`); an
actor named inside the act's object phrases, down to the agent of an event noun ("rejected
accusations by Chile") or the place a visit goes to, or an armed force modifying it
("condemned the military takeover") (`fallback_targets`); the subject of an accusation's or threat's that-clause
("alleged that the minister took bribes": `clause_subjects`); the one a speaker told of their
own act (`addressees`); and last the target an act's definition implies (a curfew falls on the
state's own people: `implicit`, coding/data/implicit_targets.tsv). (A protest or visit aimed at
no one is aimed at the country where it happens: coding.places, after the events are placed.) After
the whole sentence is coded, a reaction with no target is aimed at whoever did the act it
reacts to (`aimed_at_reported_act`). Pure functions over spaCy tokens and the document's
actors (actors.mentions.DocActors).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventscope.actors.mentions import DocActors
from eventscope.coding import clauses
from eventscope.coding.selection import NEWS_SECTORS, STATEMENT_ROOT, Candidate
from eventscope.coding.places import place_of
from eventscope.knowledge.implicit_agents import implicit_agent_sector, implicit_target, unnamed_people, weapons
from eventscope.knowledge.verb_lexicon import Lexicon
from eventscope.models import Actor, Event, Evidence

RECIPROCAL_ROOTS = {"03", "04", "05", "06"}  # meeting, cooperating: conjoined subjects act on each other
REQUEST_FRAMES = {"appeal", "demand"}  # frames whose complement is an act asked of someone else
REACTION_ROOTS = {"02", "05", "10", "11", "12", "13"}  # appeals, praise, demands, criticism, rejection, threats
STEM = 5  # letters an act's verb and a noun naming it share ("launch"/"launched", "arrest"/"arrests")
MODIFIER_DEPS = {"amod", "compound", "nmod"}
AIM_PREPS = {"at", "on", "against", "upon"}  # "opened fire on a crowd"
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "during", "before", "after", "since", "until"}
# words that only count the people after them: "hundreds of students", "a group of activists"
QUANTITY_WORDS = {"hundred", "thousand", "million", "dozen", "score", "number", "group", "member",
                  "some", "many", "most", "all", "several", "few", "crowd"}
# prepositions of an object noun that say whom it concerns ("visit to", "allegations by",
# "inquiry into", "claims against"); an event noun's agent ("by") first: it did the act reacted to
NOUN_TARGET_PREPS = ("by", "against", "into", "to", "toward", "towards", "with", "on", "upon", "at")
MAX_NOUN_DEPTH = 3  # object -> of its noun -> of that noun: "dropped its inquiry into claims against X"
COUNTRY_NOUNS = {"country", "nation"}  # "invaded the country": the country named just before
COUNTRY_WINDOW = 2  # sentences back "the country" may reach
ARMED_SECTORS = {"MIL", "COP", "REB"}  # "condemned the military takeover": the story country's army
NON_STATE_SECTORS = {"REB", "OPP", "CVL", "SOC", "LAB", "EDU", "REL", "REF", "CRM", "UAF", "PRM", "AGR", "BUS"}
CLAUSE_TARGET_ROOTS = {"10", "11", "13"}  # demands, accusations, threats: "warned that Iran would pay"


def target_heads(cand: Candidate) -> list[Token]:
    """The tokens the parse offers as the act's targets; a request's also whom it is asked of:
    "urged Iran to join", "demanded that Uganda withdraw"."""
    heads = clauses.target_tokens(cand.action)
    if cand.frame in REQUEST_FRAMES:
        asked = [c for c in cand.action.children if c.dep_ == "nsubj"] if cand.action.dep_ == "ccomp" else []
        asked = clauses.direct_objects(cand.verb) + asked
        # a request is aimed at whom it asks, not at whom the act asked for would be aimed:
        # "said the US should cut off support for the militia" is a demand of the US
        heads = asked if asked else heads
    return through_quantities(heads)


def through_quantities(heads: list[Token]) -> list[Token]:
    """Each head, and after a word that only counts people, the people it counts: "fired at
    hundreds of students", "detained a group of activists"."""
    out = []
    for head in heads:
        out.append(head)
        if head.like_num or head.pos_ == "NUM" or head.lemma_.lower() in QUANTITY_WORDS:
            out.extend(c for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for pobj in prep.children if pobj.dep_ == "pobj" for c in clauses.conjuncts(pobj))
    return out


def complete(verb: Token, action: Token, code: str, sources: list[Actor], targets: list[Actor],
             heads: list[Token], source_tokens: list[Token], actors: DocActors, lexicon: Lexicon,
             notes: list[str]) -> tuple[list[Actor], list[Actor], bool]:
    """Sources and targets of a clause (`verb` carries the source, `action` the act and its
    objects) once the parse's own targets (`targets`, from `heads`) are known, and whether the
    target was found by the fallback (which lowers the event's confidence). `notes` gets how."""
    root = code[:2]
    source_entities = {a.entity for a in sources}
    fallback = False
    if not targets and len(sources) >= 2 and root in RECIPROCAL_ROOTS:
        sources, targets = sources[:1], sources[1:]  # "A and B met": they met each other
    elif not targets and (sources or implicit_agent_sector(code)):  # "was arrested": police did it
        targets = unnamed_person(heads, action, root, actors)
        notes += [f"target: unnamed person ({targets[0].text})"] if targets else []
        if not targets:
            targets = definite_country(heads, {a.country for a in sources})
            notes += [f"target: the country ({targets[0].name})"] if targets else []
    if not targets:
        targets = [a for a in fallback_targets(action, source_tokens, actors)
                   if a.entity not in source_entities]
        fallback = bool(targets)
    if not targets and root in CLAUSE_TARGET_ROOTS:
        targets = [a for a in clause_subjects(verb, actors) if a.entity not in source_entities]
        notes += ["target: subject of the that-clause"] if targets else []
    if not targets and root != STATEMENT_ROOT:
        targets = [a for a in addressees(verb, actors, source_entities, lexicon)
                   if a.entity not in source_entities]
        notes += ["target: addressee of the report"] if targets else []
    if not targets and sources:
        targets = implicit(code, action, sources)
        notes += [f"target: implied by the act ({targets[0].name})"] if targets else []
    return sources, targets, fallback


def complete_clause(verb: Token, code: str, sources: list[Actor], targets: list[Actor], actors: DocActors,
                    lexicon: Lexicon, evidence: tuple[Evidence, ...]) -> tuple[list[Actor], list[Actor], tuple[Evidence, ...]]:
    """`complete` for a clause a learned model coded (coding.classify): its verb is its act;
    the evidence gets how a target was found."""
    heads = through_quantities(clauses.target_tokens(verb))
    source_entities = {a.entity for a in sources}
    if not targets:
        targets = [a for a in actors.actors_of(heads) if a.entity not in source_entities]
    notes: list[str] = []
    sources, targets, fallback = complete(verb, verb, code, sources, targets, heads,
                                          clauses.subject_tokens(verb)[0], actors, lexicon, notes)
    notes += ["target from clause"] if fallback else []
    return sources, targets, evidence + tuple(Evidence("rule", note) for note in notes)


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
        # and the other is no part of the state ("the rebels denied Ethiopia's claim")
        return all(actor.country != s.country or _two_sides(actor.sector, s.sector)
                   for s in sources if s.country)

    for phrase in object_phrases(action):
        tokens = [t for t in phrase if t.lemma_.lower() not in weapons()]  # what is fired is no target
        for token in tokens:  # a named actor of the phrase ("the Sudanese army's offer": the army)
            found = [a for a in actors.actors_for(token) if someone_else(a)]
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


def unnamed_person(heads: list[Token], action: Token, root: str, actors: DocActors) -> list[Actor]:
    """"Police arrested a 57-year-old man": a person the actor lexicon gives no kind to, named
    as the act's object, is its target; of the country its phrase names ("a German man"), else
    of the place of the act, else of the story's country (coding/data/unnamed_people.tsv)."""
    from eventscope.actors.mentions import noun_phrase
    from eventscope.actors.phrase import resolve_phrase

    for head in heads:
        if head.pos_ != "NOUN" or head.lemma_.lower() not in unnamed_people() or not _patient(head):
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
            span = clauses.entity_span(doc[at]) if doc[at].ent_type_ in {"GPE", "NORP"} else None
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


def clause_subjects(verb: Token, actors: DocActors) -> list[Actor]:
    """"Prosecutors alleged that the mayor took bribes", "Iran warned that Israel would pay":
    an accusation, demand or threat made as a that-clause is aimed at the clause's subject (or
    its owner: "alleged that Trump's call was improper"). A pronoun there that stands for the
    speaker ("said it would retaliate") is the speaker again, and is dropped by the caller."""
    from eventscope.actors.mentions import noun_phrase

    for clause in clauses.clause_complements(verb):
        for subject in [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]:
            for token in noun_phrase(subject):
                found = actors.actors_for(token)
                if found:
                    return found
    return []


def implicit(code: str, action: Token, sources: list[Actor]) -> list[Actor]:
    """The target an act's definition implies when the text names none (a curfew falls on a
    state's own people): one actor of the listed sector, of the country of the act's place or
    its source's (coding/data/implicit_targets.tsv)."""
    rule = implicit_target(code)
    if rule is None:
        return []
    where, sector = rule
    own = next((a.country for a in sources if a.country), None)
    place = place_of(action, code[:2])
    country = None
    for kind in where:
        country = (place[1] if place else None) if kind == "place" else own if kind == "source" else None
        if country:
            break
    if not country or len(country) != 3:
        return []
    return [Actor(name=f"{country} {sector} (implicit)", country=country, sector=sector,
                  entity=f"{country}{sector}::implicit",
                  evidence=(Evidence("rule", f"target implied by CAMEO {code}", decides="sector"),))]


def _two_sides(one: str | None, other: str | None) -> bool:
    if one and other:
        return one != other
    return (one is None and other in NON_STATE_SECTORS) or (other is None and one in NON_STATE_SECTORS)


def addressees(verb: Token, actors: DocActors, source_entities: set[str], lexicon: Lexicon) -> list[Actor]:
    """"Russia notified the United States that it plans to back out": the speaker's own
    act, reported to someone, with no target of its own is aimed at the one told."""
    clause = verb
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i:
        return []
    if not any(p.cameo.startswith(STATEMENT_ROOT) for p in lexicon.verbs.get(head.lemma_.lower(), ())):
        return []
    speakers = {a.entity for a in actors.actors_of(clauses.subject_tokens(head)[0])}
    if not source_entities or not source_entities <= speakers:
        return []  # someone else's act: the listener is no party to it
    told = actors.actors_of([c for c in head.children if c.dep_ in {"dobj", "dative", "iobj"}])
    return [a for a in told if a.sector not in NEWS_SECTORS]


def object_phrases(action: Token, depth: int = 0) -> list:
    """The noun phrases of the action's objects and prepositional objects, each followed by
    the phrases its noun says it concerns ("a visit *to the US*", "allegations *by Rwanda*")."""
    from eventscope.actors.mentions import noun_phrase

    phrases = []
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
                phrases.append(noun_phrase(pobj))
                if child.lower_ not in PLACE_PREPS:  # "in his address to the UN" is when, not whom
                    phrases.extend(_concerned(pobj, 1))
        elif child.dep_ in {"xcomp", "pcomp"} and depth == 0:
            phrases.extend(object_phrases(child, depth + 1))
    return phrases


def _concerned(noun: Token, depth: int) -> list:
    """Phrases a noun's own prepositions attach, agents first, down to MAX_NOUN_DEPTH nouns:
    "its inquiry into claims *against Maersk*"; never places ("a rally in Tokyo")."""
    from eventscope.actors.mentions import noun_phrase

    if depth >= MAX_NOUN_DEPTH or noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    phrases = []
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS]
    for prep in sorted(preps, key=lambda p: NOUN_TARGET_PREPS.index(p.lower_)):
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and not (prep.lower_ == "at" and pobj.ent_type_ in {"GPE", "LOC", "FAC"}):
                phrases.append(noun_phrase(pobj))
                phrases.extend(_concerned(pobj, depth + 1))
    return phrases


def modifier_actor(token: Token, actors: DocActors) -> Actor | None:
    """The country or organisation a modifier names: "condemned the Israeli raid" targets
    Israel, "backed a UN appeal" the United Nations, "rejected an EU demand" the EU."""
    from eventscope.actors.phrase import resolve_phrase

    span = clauses.entity_span(token) if token.ent_type_ == "ORG" else None
    text = span.text if span is not None else token.text
    found = resolve_phrase(text, dictionaries=actors.dictionaries)
    if not found.country or (found.sector and token.ent_type_ != "ORG") or found.sector in NEWS_SECTORS:
        return None
    start = span.start_char if span is not None else token.idx
    return Actor(name=found.name, country=found.country, sector=found.sector if token.ent_type_ == "ORG" else None,
                 text=text, start=start, end=start + len(text),
                 entity=f"{found.country}:{found.sector or ''}:{found.name}::modifier",
                 evidence=found.evidence + (Evidence("rule", "modifier of the object"),))


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
