"""Where did it happen: the place the text names for an event, resolved offline to GeoNames.

Where to look, nearest first: a locative phrase of the event's own clause ("met in
Moscow", "clashes on the border with Syria", "the attack on Aleppo"), a locative phrase
on the verbs or actors of its sentence ("In Kabul, police arrested ..."), for a local story
the dateline ("KABUL (Reuters) -") when the event's actors belong to the dateline's country,
and for a wire story filed from elsewhere the country it covers. Which place a name stands
for is `coding.place_names`' job.

`place_events` is the one call the pipeline makes: it sets the location fields of every
event of a coded document, whichever coder made them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventscope.coding import clauses
from eventscope.coding.place_names import (  # noqa: F401  (resolve, capitals: the public names)
    PLACE_ENTS, PlaceContext, _capital_of, _country_area, capitals, resolve, resolve_place,
)
from eventscope.models import Actor, DocumentResult, Event, Evidence, Location

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}
DESTINATION_PREPS = {"to", "for"}  # a visit's place is where the visitor goes
# prepositions whose object takes part in the act ("fired at protesters in Jerusalem"), unlike
# a topic ("criticized the government over the wars in Somalia")
PARTICIPANT_PREPS = {"by", "at", "on", "against", "with", "into", "in", "near", "outside", "inside"}
EVENT_NOUNS = {"visit", "trip", "tour", "meeting", "talk", "summit", "conference", "event", "ceremony", "rally"}
BORDER_WORDS = {"border", "frontier", "boundary"}  # "on the border with Syria"
# "in the village of Deir Sharki", "in the US state of Louisiana": the place is the "of" part
PLACE_NOUNS = {"city", "town", "village", "state", "province", "region", "district", "capital",
               "county", "port", "area", "suburb", "outskirts", "island", "governorate"}
VISIT_ROOTS = {"04"}
PLACE_AIMED_ROOTS = {"14"}  # protests: aimed at the place's country when no one is named
MARCH_WORDS = {"march", "rally", "protest", "demonstrate", "walk", "parade", "converge"}
STRIKE_ROOTS = {"18", "19", "20"}  # an attack happens where it strikes: "shelled Aleppo"
AIMED_PREPS = {"on", "against"}  # "the attack on Aleppo", "airstrikes against Idlib"
NESTED_DEPTH = 3  # "at a cinema in the US state of Louisiana": places inside a locative phrase
VISIT_CODES = {"042", "043"}  # make / host a visit
TRAVEL_VERBS = {"visit", "travel", "arrive", "fly", "go", "head", "come", "return", "tour", "trip", "visit"}


def aim_at_place(event: Event) -> None:
    """A protest, or a visit, aimed at no one the text names is aimed at the country where
    it happens: "activists staged a protest in Beijing" is a protest against China, "visited
    Tallinn" a visit to Estonia (its host). A visit at home has no host."""
    country = event.location_country
    if event.target or not country or not event.source or event.location_precision is None:
        return
    if event.cameo_root in PLACE_AIMED_ROOTS or event.cameo[:3] in VISIT_CODES:
        if event.cameo[:3] in VISIT_CODES and all(a.country == country for a in event.source):
            return
        event.target = [Actor(name=country, country=country, entity=f"{country}::place",
                              evidence=(Evidence("rule", "target: the country where it happened", decides="country"),))]
        event.id = replace(event, id="").id  # the id hashes the actors


def place_events(result: DocumentResult, doc: Doc) -> list[Location | None]:
    """Set every event's location from the text (or clear it when the text names none);
    returns the places in event order (their `evidence` says where the text said it)."""
    if not result.events:
        return []
    context = PlaceContext.of(result)
    sents = list(doc.sents)
    placed = []
    for event in result.events:
        sent = sents[event.sentence] if 0 <= event.sentence < len(sents) else None
        action = _action_of(event, sent) if sent is not None else None
        where = locate(event, action, sent, context)
        event.place(where)
        aim_at_place(event)
        placed.append(where)
    return placed


def locate(event: Event, action: Token | None, sent: Span | None, context: PlaceContext) -> Location | None:
    """The event's place: its clause's locative phrase, else its sentence's, else the dateline
    of a local story, else for a domestic event of the country the story is about, that country."""
    unknown = []  # place names the gazetteer does not know ("the village of Deir Sharki")
    if action is not None:
        preps = LOCATIVE_PREPS | (DESTINATION_PREPS if _goes_to(event, action) else set())
        preps |= AIMED_PREPS if event.cameo_root in STRIKE_ROOTS else set()
        for token in _clause_places(action, preps, event.cameo_root in STRIKE_ROOTS):
            where = _resolve_token(token, context, "clause")
            if where is not None:
                return where
            unknown += [token] if token.ent_type_ in PLACE_ENTS else []
    if sent is not None:
        owners = _sentence_owners(action) if action is not None else {sent.root.i}
        scene = [p for p in sent if p.dep_ == "pobj" and p.head.lower_ in LOCATIVE_PREPS | {"during"} and (
            p.head.head.i in owners  # "In Kabul, police arrested ...": an opening place sets the scene
            or p.head.i == sent.start and p.head.head.i == sent.root.i)]
        # the verbs' own places before their actors' ("the US commander in Iraq held talks
        # during a visit to Beirut" happened in Beirut)
        scene.sort(key=lambda p: p.head.head.pos_ not in {"VERB", "AUX"})
        for pobj in scene:
            if pobj.head.lower_ == "during" and pobj.lemma_.lower() not in EVENT_NOUNS:
                continue
            for token in _named_in(pobj):
                where = _resolve_token(token, context, "sentence")
                if where is not None:
                    return where
                unknown += [token] if token.ent_type_ in PLACE_ENTS else []
    if unknown and context.covered_country() is not None:  # a place we cannot find, in the
        area = _country_area(context.covered_country())  # country the story is about
        if area is not None:
            return replace(area, evidence="story")
    countries = {a.country for a in event.source + event.target if a.country}
    dateline = context.dateline
    if dateline is not None and (not countries or dateline.country in countries):
        return dateline
    return _covered_country(countries, context) if dateline is not None else None


def _goes_to(event: Event, action: Token) -> bool:
    """A visit travels to its place, and a march goes to where the protest is."""
    lemma = action.lemma_.lower()
    return (event.cameo_root in VISIT_ROOTS and lemma in TRAVEL_VERBS
            or event.cameo_root in PLACE_AIMED_ROOTS and lemma in MARCH_WORDS)


def _covered_country(countries: set[str], context: PlaceContext) -> Location | None:
    """A wire story filed from elsewhere ("CAIRO (AP) -" over a story about Tunisia): an event
    among one country's actors happened in that country (to country precision) when the
    story is about that country."""
    if len(countries) != 1:
        return None
    (country,) = countries
    if country != context.covered_country() or country == context.dateline.country:
        return None
    area = _country_area(country)
    return replace(area, evidence="story") if area is not None else None


def _action_of(event: Event, sent: Span) -> Token | None:
    """The token that carried the action ("met" of trigger "agreed .. meet" is "meet")."""
    word = event.trigger.split(" .. ")[-1].strip()
    inside = [t for t in sent if event.span[0] <= t.idx < event.span[1]] or list(sent)
    return next((t for t in inside if t.text == word), None) or \
        next((t for t in inside if t.pos_ in {"VERB", "NOUN"}), sent.root)


def _clause_places(action: Token, preps: set[str], strike: bool = False) -> list[Token]:
    """Place words of the clause: its locative objects ("in Moscow", "in the village of X",
    "in Manhattan federal court"), a visit's object ("visiting Sweden"), a border phrase,
    the place an attack strikes ("shelled Aleppo", "the attack on Aleppo")."""
    found = []
    for owner in [action] + ([action.head] if action.dep_ in {"xcomp", "conj"} else []):
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found += [t for g in child.children if g.dep_ == "pobj" for t in _named_in(g)]
            elif child.dep_ == "prep":  # "during a bilateral meeting in Berlin"
                found += [t for g in child.children if g.dep_ == "pobj" and g.lemma_.lower() in EVENT_NOUNS
                          for t in _named_in(g)]
            elif child.dep_ == "dobj" and action.lemma_.lower() in {"visit", "tour"}:
                found += [child] if child.ent_type_ in PLACE_ENTS else []
            elif child.dep_ == "dobj" and strike:  # "shelled the city of Homs", "launched an attack on Aleppo"
                found += [child] if child.ent_type_ in {"GPE", "LOC"} else \
                    [t for t in _named_in(child, NESTED_DEPTH) if t.i != child.i]
                found += [t for p in child.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                          for g in p.children if g.dep_ == "pobj" for t in _named_in(g, NESTED_DEPTH)]
        found += _border_places(owner)
        if found:
            break
    return found


def _sentence_owners(action: Token) -> set[int]:
    """Tokens whose locative phrase also places the event: the verbs the action hangs from
    or is conjoined with ("In Washington, the spokesman condemned ..."; "opened fire at a
    cinema in Lafayette, killing two"), their subjects and objects ("Soldiers in Guinea-Bissau
    detained ...") and their prepositions' objects ("arrested by police in Moscow"); not a
    noun deeper in the sentence ("files about the wars in Afghanistan") nor the verb that
    reports the act ("said in Paris that rebels attacked ..." tells where it was said)."""
    verbs = [action]
    token = action
    while token.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and token.head.i != token.i:
        # "before shooting himself": a gerund under a preposition hangs from the verb above it
        token = token.head.head if token.dep_ == "pcomp" else token.head
        verbs.append(token)
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    owners = set()
    for verb in verbs:
        owners.add(verb.i)
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                owners.add(child.i)
            elif child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ in PARTICIPANT_PREPS:
                owners |= {g.i for g in child.children if g.dep_ == "pobj"}
    return owners


def _named_in(pobj: Token, depth: int = 0) -> list[Token]:
    """The tokens of a locative object that may name a place, best first: the object itself,
    the place of an event noun or place noun ("a visit to Beirut", "the village of X"), a
    place naming it ("Manhattan federal court"), else a place the object lies in ("at a
    cinema in Lafayette", "outside a synagogue in the city of Djerba")."""
    if pobj.ent_type_ in PLACE_ENTS or pobj.pos_ == "PROPN":
        return [pobj] + [a for a in pobj.children if a.dep_ == "appos" and a.ent_type_ in PLACE_ENTS]
    out = []
    if pobj.lemma_.lower() in EVENT_NOUNS:  # "during a visit to Beirut", "at talks in Geneva"
        out += [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in {"to", "in", "at"}
                for g in p.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_ENTS]
    if pobj.lemma_.lower() in PLACE_NOUNS:
        out += [g for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]
    out += [m for m in pobj.children if m.dep_ in {"compound", "poss", "nmod"} and m.ent_type_ in PLACE_ENTS]
    if pobj.lemma_.lower() == "capital":  # "in the Afghan capital": the country's capital
        out += [m for m in pobj.children if m.dep_ == "amod" and m.ent_type_ == "NORP"]
    if not out and depth < NESTED_DEPTH:
        out += [t for p in pobj.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS
                for g in p.children if g.dep_ == "pobj" for t in _named_in(g, depth + 1)]
    return out


def _border_places(action: Token) -> list[Token]:
    """'clashes on the border with Syria': the country named by the border phrase."""
    found = []
    for child in action.children:
        if child.dep_ != "prep" or child.lower_ not in {"on", "along", "across", "near", "at"}:
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in BORDER_WORDS:
                found += [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in {"with", "of", "between"}
                          for g in p.children if g.dep_ == "pobj"]
    return found


def _locative_object(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS and bool(_named_in(token))


def _resolve_token(token: Token, context: PlaceContext, evidence: str) -> Location | None:
    if token.dep_ == "amod" and token.head.lemma_.lower() == "capital":
        return _capital_of(token.text, evidence)
    span = clauses.entity_span(token)
    if span is not None and span.label_ not in PLACE_ENTS:
        return None  # "in Reuters", "at the United Nations" name no place
    if span is None:
        span = token.doc[_compound_start(token):token.i + 1]
    where = resolve(span.text, context.without(span.start_char, span.end_char),
                    strict=token.ent_type_ not in PLACE_ENTS, within=_qualifier(span))
    if where is None or where.country is None:
        return None
    where.evidence = evidence
    return where


def _qualifier(span: Span) -> Location | None:
    """'Alexandria, Virginia', 'Santa Cruz, Bolivia': the region or country after a comma."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].ent_type_ not in {"GPE", "LOC"}:
        return None
    region = clauses.entity_span(doc[span.end + 1])
    where = resolve(region.text) if region is not None else None
    return where if where is not None and where.precision in {"region", "country"} else None


def _compound_start(token: Token) -> int:
    """Where the name a place word ends starts: its compounds, hyphenated parts ("Guinea-Bissau")."""
    doc, left = token.doc, token
    while left.i > 0 and (doc[left.i - 1].dep_ == "compound" and doc[left.i - 1].head.i == token.i
                          or not doc[left.i - 1].whitespace_):
        left = doc[left.i - 1]
    return left.i


def place_of(action: Token, root: str) -> tuple[str, str | None] | None:
    """(place name, ISO3 country) of a clause's locative phrase, or None (the coder's own
    first guess; `place_events` replaces it with the document-aware Location)."""
    preps = LOCATIVE_PREPS | (DESTINATION_PREPS if root in VISIT_ROOTS else set())
    for token in clauses.place_tokens(action, preps):
        span = clauses.entity_span(token)
        return resolve_place(span.text if span is not None else token.text)
    return None
