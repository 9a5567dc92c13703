"""Where did it happen: the place the text names for an event, resolved offline to GeoNames.

Three places to look, nearest first: a locative phrase of the event's own clause ("met in
Moscow", "clashes on the border with Syria"), a locative phrase elsewhere in its sentence
("In Kabul, police arrested ..."), and for a local story the dateline ("KABUL (Reuters) -")
when the event's actors belong to the dateline's country. A name is weighed against every
place it may stand for (lexicon capitals/regions, GeoNames towns, countries and US states)
by population and by how much the document talks about each place's country, so
"Hyderabad" is in Pakistan in a story about Pakistan. No network at run time.

`place_events` is the one call the pipeline makes: it sets the location fields of every
event of a coded document, whichever coder made them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventscope.coding import clauses
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
COVERED_SHARE = 2  # a story is about a country when it names it twice as often as any other,
COVERED_MIN = 3  # and at least three times
NESTED_DEPTH = 3  # "at a cinema in the US state of Louisiana": places inside a locative phrase
VISIT_CODES = {"042", "043"}  # make / host a visit
TRAVEL_VERBS = {"visit", "travel", "arrive", "fly", "go", "head", "come", "return", "tour", "trip", "visit"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
PRECISION = {"capital": "city", "city": "city", "seat": "city", "country": "country", "region": "region"}
# A place's score: log10 of its population, plus these for what the document says.
IN_DOCUMENT = 2.0  # the place's country is named in the document
SHARE_WEIGHT = 3.0  # ... times the share of the document's country mentions it has
LEXICON_CHOICE = 1.0  # the curated lexicon's reading of a name (capital, country) over a namesake
# "MOSCOW (Reuters) -", "KABUL, Afghanistan -", "WASHINGTON, Oct. 2 (AP) --"
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'\- ]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.'\- ]{1,30}?))?"
                      r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,30}\))?\s*"
                      r"(?:-{1,2}|\u2013|\u2014|:)\s")


@dataclass
class PlaceContext:
    """What the whole document says about places: its countries, its dateline."""

    countries: Counter = field(default_factory=Counter)  # ISO3 -> mentions
    dateline: Location | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, ISO3) of actors

    @classmethod
    def of(cls, result: DocumentResult) -> PlaceContext:
        place, region, end = _dateline(result.document)
        mentions = [(a.start, a.end, a.country) for a in result.actors  # (a dateline is no actor)
                    if a.country and len(a.country) == 3 and a.country.isalpha() and a.start >= end]
        context = cls(Counter(c for _, _, c in mentions), mentions=mentions)
        if place:
            where = resolve(place.title(), context, strict=False)
            if where is not None and where.country and region:
                within = resolve(region, PlaceContext(), strict=False)
                if within is not None and within.country and within.country != where.country:
                    where = resolve(place.title(), PlaceContext(Counter({within.country: 1})))
            if where is not None and where.country:
                context.dateline = Location(**{**where.__dict__, "evidence": "dateline"})
                context.countries[where.country] += 1
        return context

    def without(self, start: int, end: int) -> PlaceContext:
        """The context less the actor mentions inside [start, end): a place name read as an
        actor ("Hyderabad" coded as India) must not vote for its own reading."""
        inside = Counter(c for s, e, c in self.mentions if start <= s and e <= end)
        return PlaceContext(self.countries - inside, self.dateline) if inside else self

    def covered_country(self) -> str | None:
        """The country the document is about: at least COVERED_SHARE times as many of its
        actor mentions belong to it as to any other, and at least COVERED_MIN."""
        top = self.countries.most_common(2)
        if not top or top[0][1] < COVERED_MIN or len(top) == 2 and top[0][1] < COVERED_SHARE * top[1][1]:
            return None
        return top[0][0]

    def score(self, country: str | None) -> float:
        if not country or country not in self.countries:
            return 0.0
        return IN_DOCUMENT + SHARE_WEIGHT * self.countries[country] / sum(self.countries.values())


def _dateline(document) -> tuple[str | None, str | None, int]:
    """(place, region, where the body starts) of the document's dateline: read by ingest
    (which takes it out of the text, `Document.dateline`), else still at the start of the
    text (records, old stores)."""
    if document.dateline:
        place, _, region = document.dateline.partition(",")
        return place.strip(), region.strip() or None, 0
    match = DATELINE.match(document.text[:120])
    return (match["place"], match["region"], match.end()) if match else (None, None, 0)


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
                    strict=token.ent_type_ not in PLACE_ENTS)
    if where is None or where.country is None:
        return None
    where.evidence = evidence
    return where


def _compound_start(token: Token) -> int:
    """Where the name a place word ends starts: its compounds, hyphenated parts ("Guinea-Bissau")."""
    doc, left = token.doc, token
    while left.i > 0 and (doc[left.i - 1].dep_ == "compound" and doc[left.i - 1].head.i == token.i
                          or not doc[left.i - 1].whitespace_):
        left = doc[left.i - 1]
    return left.i


def resolve(text: str, context: PlaceContext | None = None, strict: bool = False) -> Location | None:
    """A place name -> its most likely Location given the document; None when nothing fits.
    `strict`: a one-word name must be a sizeable town (the words were not tagged a place)."""
    from eventscope.actors.gazetteer import ONE_WORD_POPULATION, load_gazetteer

    context = context or PlaceContext()
    name = " ".join(text.split())
    name = name[4:] if name.lower().startswith("the ") else name
    if not name:
        return None
    gaz = load_gazetteer()
    scored: list[tuple[float, int, Location]] = []
    for rank, (where, population) in enumerate(_lexicon_readings(name)):
        scored.append((math.log10(population + 10) + LEXICON_CHOICE + context.score(where.country), -rank, where))
    for rank, place in enumerate(gaz.candidates(name), len(scored)):
        if strict and " " not in name and place.kind == "city" and place.population < ONE_WORD_POPULATION:
            continue
        scored.append((math.log10(place.population + 10) + context.score(place.country), -rank,
                       _location(place)))
    if not scored:
        return _within_named_country(name)
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def _lexicon_readings(name: str) -> list[tuple[Location, int]]:
    """The actor lexicon's places for a whole name, with GeoNames fields where they match."""
    from eventscope.actors.gazetteer import load_gazetteer
    from eventscope.knowledge.actor_lexicon import load_lexicon, tokenize

    toks = tokenize(name)
    matches = load_lexicon().scan(toks)
    if not (len(matches) == 1 and matches[0].end - matches[0].start == len(toks)):
        return []
    gaz = load_gazetteer()
    out = []
    for entry in matches[0].entries:
        if entry.kind not in PRECISION or not entry.country or len(entry.country) != 3:
            continue
        if entry.kind == "country":
            area = gaz.area(entry.country)
            if area is not None:
                out.append((Location(name, entry.country, None, area.geonameid, area.lat, area.lon, "country"),
                            area.population))
            continue
        town = entry.name if entry.kind != "seat" else capitals().get(entry.country, entry.name)
        place = next((p for p in gaz.candidates(town) if p.country == entry.country), None)
        if place is not None:
            where = _location(place)
            out.append((where, place.population))
        else:  # a region the lexicon knows and GeoNames (towns, US states) does not
            out.append((Location(entry.name, entry.country, precision=PRECISION[entry.kind]), 0))
    return out


def _within_named_country(name: str) -> Location | None:
    """'the outskirts of Kabul', 'northern Syria': not a place of its own, but in a country."""
    from eventscope.knowledge.actor_lexicon import PLACE_KINDS, load_lexicon, tokenize

    for m in load_lexicon().scan(tokenize(name)):
        entry = next((e for e in m.entries if e.kind in PLACE_KINDS and e.country and len(e.country) == 3), None)
        if entry is not None:
            return Location(name, entry.country, precision="region" if entry.kind != "country" else "country")
    return None


def _capital_of(demonym: str, evidence: str) -> Location | None:
    """'the Rwandan capital' -> Kigali."""
    from eventscope.knowledge.actor_lexicon import load_lexicon, tokenize

    toks = tokenize(demonym)
    for m in load_lexicon().scan(toks):
        entry = next((e for e in m.entries if e.kind in {"demonym", "country"} and e.country), None)
        if entry is not None and entry.country in capitals():
            where = resolve(capitals()[entry.country], PlaceContext(Counter({entry.country: 1})))
            if where is not None and where.country == entry.country:
                return replace(where, evidence=evidence)
    return None


@lru_cache(maxsize=512)
def _country_area(country: str) -> Location | None:
    from eventscope.actors.gazetteer import load_gazetteer

    area = load_gazetteer().area(country)
    return None if area is None else Location(area.name, country, None, area.geonameid or None,
                                              area.lat, area.lon, "country")


def _location(place) -> Location:
    return Location(place.name, place.country, place.admin1 or None, place.geonameid or None,
                    place.lat, place.lon, "city" if place.kind == "city" else place.kind)


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO3 -> capital (countries.tsv), where a seat of government ("the Kremlin") lies."""
    from eventscope.knowledge.tsv import ACTOR_DATA, read_tsv, split_list

    return {row["iso3"]: split_list(row["capital"])[0] for _, row in read_tsv(ACTOR_DATA / "countries.tsv")
            if row["capital"]}


def resolve_place(text: str) -> tuple[str, str | None]:
    """A place name -> (name, country) with no document context: "Moskva" -> ("Moscow", "RUS");
    an unknown name keeps its text and has no country."""
    where = resolve(text)
    return (where.name, where.country) if where is not None else (" ".join(text.split()), None)


def place_of(action: Token, root: str) -> tuple[str, str | None] | None:
    """(place name, ISO3 country) of a clause's locative phrase, or None (the coder's own
    first guess; `place_events` replaces it with the document-aware Location)."""
    preps = LOCATIVE_PREPS | (DESTINATION_PREPS if root in VISIT_ROOTS else set())
    for token in clauses.place_tokens(action, preps):
        span = clauses.entity_span(token)
        return resolve_place(span.text if span is not None else token.text)
    return None
