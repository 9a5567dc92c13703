"""Where did it happen: the place the text names for an event, resolved offline to GeoNames.

Where to look, nearest first: a locative phrase of the event's own clause ("met in
Moscow", "clashes on the border with Syria", "the attack on Aleppo"), a locative phrase
on the verbs or actors of its sentence ("In Kabul, police arrested ..."), for a local story
the dateline ("KABUL (Reuters) -") when the event's actors belong to the dateline's country,
and for a wire story filed from elsewhere the country it covers. Which words name a place
is `coding.place_phrases`' job (its words are data: coding/data/place_words.tsv), which
place a name stands for `coding.place_names`', what the document says around the sentence
(the dateline's story, the main town, the sentence before) `coding.place_story`'s, and the
places the actors say (a court's seat, a town that acts) `coding.place_actors`'.

`place_events` is the one call the pipeline makes: it sets the location fields of every
event of a coded document, whichever coder made them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventscope.coding.clause_time_place import entity_span, place_tokens
from eventscope.coding.place_names import (  # noqa: F401  (resolve, capitals: the public names)
    PLACE_ENTS, PlaceContext, _capital_of, _country_area, capital_city, capitals, resolve, resolve_place, town_named,
)
from eventscope.coding.place_actors import (  # noqa: F401  (GUESSED_PERSON: the evidence tests read)
    GUESSED_PERSON, guessed_country, seat_country, town_actor,
)
from eventscope.coding.place_phrases import (
    AIMED_PREPS, AREA_WORDS, ATTACK_NOUNS, DESTINATION_PREPS, EVENT_NOUNS, LOCATIVE_PREPS, MARCH_WORDS, MISREAD_LABELS,
    OCCASION_PREPS, ORIGIN_CODES, PLACE_AIMED_ROOTS, PLACE_NOUN_PREPS, PLACE_NOUNS, STRIKE_ROOTS, TRAVEL_VERBS, VISIT_CODES, VISIT_ROOTS, at_sea,
    attachment, clause_facilities, clause_places, compound_start, named_facility, named_in, names_a_place,
    sentence_owners,
)
from eventscope.coding.place_story import local_dateline, main_town, paragraph_place, says_here
from eventscope.models import Actor, DocumentResult, Event, Evidence, Location

ARMED_SECTORS = {"MIL", "COP"}  # forces that may act abroad


def aim_at_place(event: Event, home: str | None = None) -> None:
    """A protest, or a visit, aimed at no one the text names is aimed at the country where
    it happens: "activists staged a protest in Beijing" is a protest against China, "visited
    Tallinn" a visit to Estonia (its host). A visit at home has no host. A protest the text
    places nowhere, by people of the country the story is about (`home`, the covered
    country), is aimed at that country: "after protesters threw petrol bombs" in a story
    about Hong Kong."""
    if not event.target and event.location_precision is None and home and event.source \
            and event.cameo_root in PLACE_AIMED_ROOTS and all(a.country == home for a in event.source):
        event.target = [Actor(name=home, country=home, entity=f"{home}::home",
                              evidence=(Evidence("rule", "target: the story's country, its own people's protest",
                                                 decides="country"),))]
        event.id = replace(event, id="").id  # the id hashes the actors
        return
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
    context.dateline = local_dateline(context, doc)
    town = main_town(doc, context)
    sents = list(doc.sents)
    placed = []
    named: dict[int, list[tuple[Event, Location]]] = {}  # sentence -> its events placed by its own words
    for event in result.events:
        sent = sents[event.sentence] if 0 <= event.sentence < len(sents) else None
        action = _action_of(event, sent) if sent is not None else None
        where = locate(event, action, sent, context, town)
        if where is None and sent is not None:
            where = paragraph_place(event, sents, named)
        elif where is not None and where.evidence in {"clause", "sentence"}:
            named.setdefault(event.sentence, []).append((event, where))
        event.place(where)
        aim_at_place(event, context.covered_country())
        placed.append(where)
    return placed


def locate(event: Event, action: Token | None, sent: Span | None, context: PlaceContext,
           main_town: Location | None = None) -> Location | None:
    """The event's place: its clause's locative phrase, else its sentence's, else the dateline
    of a local story, else for a domestic event of the country the story is about, that country.
    A named facility the gazetteer does not know ("held at Belmarsh prison") is in the story's
    main town (`main_town`) when it has one."""
    unknown = []  # place names the gazetteer does not know ("the village of Deir Sharki")
    facilities = []  # named buildings it does not know ("the Metropolitan Correctional Center")
    # "told a news conference in Berlin that Russia must withdraw" (trigger "told .. withdraw"):
    # the act is the speaker's, where the words were said, after the acted word's own place
    actions = [a for a in (action, _speaker_word(event, action, sent)) if a is not None]
    for act in actions:
        if context.dateline is not None and says_here(act):  # "the envoy said here on Monday"
            return context.dateline
        preps = LOCATIVE_PREPS | (DESTINATION_PREPS if _goes_to(event, act) else set())
        preps |= AIMED_PREPS if event.cameo_root in STRIKE_ROOTS else set()
        preps |= {"from"} if event.cameo[:3] in ORIGIN_CODES else set()  # "deported from Arizona"
        facilities += clause_facilities(act, preps, event.cameo_root in STRIKE_ROOTS)
        for token in clause_places(act, preps, event.cameo_root in STRIKE_ROOTS):
            where = _resolve_token(token, context, "clause", _home(event, context))
            if where is not None:
                return where
            unknown += [token] if names_a_place(token) else []
    if sent is not None:
        owners = set().union(*(sentence_owners(a) for a in actions)) if actions else {sent.root.i}
        # "In Kabul, police arrested ...": an opening place sets the scene; "following a
        # conference in Oslo" may be parsed as a verb with an object
        scene = [p for p in sent if (p.dep_ == "pobj" and p.head.lower_ in LOCATIVE_PREPS | OCCASION_PREPS
                                     or p.dep_ == "pobj" and p.head.lower_ in PLACE_NOUN_PREPS and p.lemma_.lower() in PLACE_NOUNS
                                     or p.dep_ == "dobj" and p.head.lower_ in OCCASION_PREPS) and (
            attachment(p.head).i in owners or p.head.i == sent.start and p.head.head.i == sent.root.i)]
        # the verbs' own places before their actors' ("the US commander in Iraq held talks
        # during a visit to Beirut" happened in Beirut)
        scene.sort(key=lambda p: p.head.head.pos_ not in {"VERB", "AUX"})
        # "a fire-bomb attack on a bank in Athens killed three as police fought protesters":
        # an attack that is the clause's subject or object strikes where its own phrase says
        scene += [sent.doc[i] for i in sorted(owners) if sent.doc[i].dep_ in {"nsubj", "nsubjpass", "dobj"}
                  and sent.doc[i].lemma_.lower() in ATTACK_NOUNS and sent.start <= i < sent.end]
        for pobj in scene:
            if pobj.head.lower_ in OCCASION_PREPS and pobj.lemma_.lower() not in EVENT_NOUNS:
                continue
            facilities += [pobj] if named_facility(pobj) else []
            for token in named_in(pobj):
                where = _resolve_token(token, context, "sentence", _home(event, context))
                if where is not None:
                    return where
                unknown += [token] if names_a_place(token) else []
    if any(at_sea(t) for t in unknown):  # "caught pirates in the Gulf of Aden": in no country
        return None
    if facilities and main_town is not None:
        return main_town
    if unknown and context.covered_country() is not None:  # a place we cannot find, in the
        area = _country_area(context.covered_country())  # country the story is about
        if area is not None:
            return replace(area, evidence="story")
    # (a body of no one state, "the United Nations", "the EU", is of no country the dateline's could contradict)
    countries = {a.country for a in event.source + event.target if a.country and not guessed_country(a)
                 and _country_area(a.country) is not None}
    # whoever acts says where: "Mexican authorities deported 300 Indians" is no act of a
    # "NEW DELHI -" story's town, though its targets are Indian
    acting = {a.country for a in event.source if a.country and not guessed_country(a)
              and _country_area(a.country) is not None}
    dateline = context.dateline
    if dateline is not None and (not countries or dateline.country in countries) \
            and (not acting or dateline.country in acting):
        return dateline
    if dateline is not None and _struck_at_home(event, dateline.country):
        # "KABUL - US troops killed five Afghan civilians": foreign forces, but in the dateline's
        # country (its town is not sure: the strike may be anywhere in it)
        area = _country_area(dateline.country)
        return replace(area, evidence="dateline") if area is not None else None
    seat = seat_country(event) or town_actor(event, sent)  # "Alexandria's police chief": his town
    if seat is not None and seat.precision == "city":
        return seat
    return (_covered_country(event, context) if dateline is not None else None) or seat


def _goes_to(event: Event, action: Token) -> bool:
    """A visit travels to its place, and a march goes to where the protest is."""
    lemma = action.lemma_.lower()
    return (event.cameo_root in VISIT_ROOTS and lemma in TRAVEL_VERBS
            or event.cameo_root in PLACE_AIMED_ROOTS and lemma in MARCH_WORDS)


def _covered_country(event: Event, context: PlaceContext) -> Location | None:
    """A wire story filed from elsewhere ("CAIRO (AP) -" over a story about Tunisia): an event
    among one country's actors happened in that country (to country precision) when the story
    is about that country. A group it acts on need not be a state's ("the government banned
    the militia"); whoever acts must be of the country. An attack on the country's own people
    happened there, whoever struck ("Russian jets bombed Syrian rebels"). (A story with no
    dateline gets no such guess: long features about one country's people range abroad.)"""
    country = context.covered_country()
    if country is None or country == context.dateline.country:
        return None
    sources = {a.country for a in event.source if a.country and not guessed_country(a)}
    targets = {a.country for a in event.target if a.country and not guessed_country(a)
               and _country_area(a.country) is not None}
    # "Russian jets bombed Syrian rebels"; not an army, which may fight abroad ("attacked Kenya's army")
    if not _struck_at_home(event, country) and (sources | targets) != {country}:
        return None
    area = _country_area(country)
    return replace(area, evidence="story") if area is not None else None


def _struck_at_home(event: Event, country: str) -> bool:
    """An attack on a country's own people (not its army, which may fight abroad) happened in
    that country, whoever struck ("Russian jets bombed Syrian rebels")."""
    targets = {a.country for a in event.target if a.country and not guessed_country(a)
               and _country_area(a.country) is not None}
    return event.cameo_root in STRIKE_ROOTS and targets == {country} and all(
        a.sector not in ARMED_SECTORS for a in event.target)


def _home(event: Event, context: PlaceContext) -> str | None:
    """The country an event belongs to, for "the capital": its actors' one state, else the
    dateline's country, else the country the story covers."""
    states = {a.country for a in event.source + event.target if a.country and _country_area(a.country) is not None}
    if len(states) == 1:
        return states.pop()
    return context.dateline.country if context.dateline is not None else context.covered_country()


def _action_of(event: Event, sent: Span) -> Token | None:
    """The token that carried the action ("met" of trigger "agreed .. meet" is "meet")."""
    word = event.trigger.split(" .. ")[-1].strip()
    inside = [t for t in sent if event.span[0] <= t.idx < event.span[1]] or list(sent)
    return next((t for t in inside if t.text == word), None) or \
        next((t for t in inside if t.pos_ in {"VERB", "NOUN"}), sent.root)


def _speaker_word(event: Event, action: Token | None, sent: Span | None) -> Token | None:
    """The saying word of a two-part trigger ("told" of "told .. withdraw") when the acted
    word hangs under it (a demand or an appeal made in words), else None."""
    word, sep, _ = event.trigger.partition(" .. ")
    if not sep or action is None or sent is None:
        return None
    return next((t for t in sent if t.text == word.strip() and t.is_ancestor(action)), None)


def _resolve_token(token: Token, context: PlaceContext, evidence: str, home: str | None = None) -> Location | None:
    """The place a token names; "the capital" alone is the capital of `home`, the country
    the event belongs to."""
    if token.dep_ == "amod" and token.head.lemma_.lower() == "capital":
        return _capital_of(token.text, evidence)
    if token.lemma_.lower() == "capital" and token.ent_type_ not in PLACE_ENTS:
        return capital_city(home, evidence)
    span = entity_span(token)
    strict = token.ent_type_ not in PLACE_ENTS
    if span is not None and span.label_ not in PLACE_ENTS:
        # the tagger reads some towns as a language or a person ("in Tunis"), or swallows one
        # into an organisation ("the U.S. Embassy in Tunis"): the name itself, read strictly
        inside = token.head.lower_ in LOCATIVE_PREPS and token.head.i > span.start
        if span.label_ not in MISREAD_LABELS and not inside:
            return None  # "in Reuters", "at the United Nations" name no place
        span = None
    if span is None:
        span = token.doc[compound_start(token):token.i + 1]
    owner = _possessor(span, context)
    where = resolve(span.text, context.without(span.start_char, span.end_char),
                    strict=strict, within=_qualifier(span) or owner)
    if owner is not None and (where is None or where.country != owner.country):
        where = replace(owner)  # "Mosul's Old City" is in Mosul, whatever else is called "Old City"
    area = _area_words(span)
    if where is not None and where.precision == "city" and area:  # "rural Idlib": around the town
        where = resolve(f"{area} {span.text}") or where
    if where is None or where.country is None:
        return None
    where.evidence = evidence
    return where


def _area_words(span: Span) -> str:
    """The words right before a town that widen it to its region ("rural Idlib", "the
    province of Idlib"): place_words.tsv's area qualifiers, or ""."""
    words = [t.lower_ for t in span.doc[max(span.start - 2, 0):span.start] if t.lower_ in AREA_WORDS]
    return " ".join(words)


def _possessor(span: Span, context: PlaceContext) -> Location | None:
    """The place a name belongs to ("Mosul's Old City", "Saudi Arabia's Jizan region"), or None."""
    owner = next((c for t in span for c in t.children if c.dep_ == "poss" and c.i < span.start
                  and c.ent_type_ in {"GPE", "LOC"}), None)
    if owner is None:
        return None
    owned = entity_span(owner)
    return resolve(owned.text if owned is not None else owner.text, context)


def _qualifier(span: Span) -> Location | None:
    """'Alexandria, Virginia', 'Santa Cruz, Bolivia': the region or country after a comma."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].ent_type_ not in {"GPE", "LOC"}:
        return None
    region = entity_span(doc[span.end + 1])
    where = resolve(region.text) if region is not None else None
    return where if where is not None and where.precision in {"region", "country"} else None


def place_of(action: Token, root: str) -> tuple[str, str | None] | None:
    """(place name, ISO3 country) of a clause's locative phrase, or None (the coder's own
    first guess; `place_events` replaces it with the document-aware Location)."""
    preps = LOCATIVE_PREPS | (DESTINATION_PREPS if root in VISIT_ROOTS else set())
    for token in place_tokens(action, preps):
        span = entity_span(token)
        return resolve_place(span.text if span is not None else token.text)
    return None
