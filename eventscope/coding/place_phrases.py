"""Which words of a sentence name the place of an act (coding/places.py resolves them and
decides among them): a clause's locative phrases, the place an event noun names, the nouns
whose locative phrases also place the act, a border phrase. The words it reads are data
(coding/data/place_words.tsv)."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding.clause_time_place import entity_span
from eventscope.coding.place_clauses import alongside, around, same_person_while
from eventscope.coding.place_names import PLACE_ENTS
from eventscope.knowledge.place_words import place_words

_WORDS = place_words()  # coding/data/place_words.tsv
LOCATIVE_PREPS = _WORDS["locative"]
DESTINATION_PREPS = _WORDS["destination"]  # a visit's place is where the visitor goes
PARTICIPANT_PREPS = _WORDS["participant"]  # the object takes part in the act, unlike a topic's
AIMED_PREPS = _WORDS["aimed"]  # "the attack on Aleppo", "airstrikes against Idlib"
EVENT_NOUNS = _WORDS["event_noun"]
BORDER_WORDS = _WORDS["border"]  # "on the border with Syria"
PLACE_NOUNS = _WORDS["place_noun"]  # "in the village of Deir Sharki": the place is the "of" part
VISIT_ROOTS = _WORDS["visit_root"]
PLACE_AIMED_ROOTS = _WORDS["place_aimed_root"]  # protests: aimed at the place's country when no one is named
MARCH_WORDS = _WORDS["march_verb"]
STRIKE_ROOTS = _WORDS["strike_root"]  # an attack happens where it strikes: "shelled Aleppo"
VISIT_CODES = _WORDS["visit_code"]  # make / host a visit
ORIGIN_CODES = _WORDS["origin_code"]  # expulsions happen where they expel from: "deported from Arizona"
TRAVEL_VERBS = _WORDS["travel_verb"]
OCCASION_NOUNS = _WORDS["occasion"]  # "on the sidelines of a summit in X": the summit's place
OCCASION_PREPS = _WORDS["occasion_prep"]  # "said during / after / following talks in Geneva"
SEATED_SECTORS = {w.upper() for w in _WORDS["seated_sector"]}  # courts, police, parliaments act at home
HOME_ROOTS = _WORDS["home_root"]  # coercion (arrests, bans, deportations): a government does it at home
HOME_SECTORS = {w.upper() for w in _WORDS["home_sector"]}
ATTACK_NOUNS = _WORDS["attack_noun"]
MISREAD_LABELS = {w.upper() for w in _WORDS["misread_label"]}  # "in Tunis" tagged a LANGUAGE  # "an attack on X" happened in X
OWNED_NOUNS = _WORDS["owned"]
AREA_WORDS = _WORDS["area_qualifier"]  # "rural Idlib": around a town, in its region
FACILITY_NOUNS = _WORDS["facility_noun"]  # "Belmarsh prison": a named building, which the gazetteer rarely knows
CARRIER_LABELS = {w.upper() for w in _WORDS["carrier_label"]}  # "at the age of 85 in X": the phrase is the verb's
WATER_WORDS = _WORDS["water"]  # "in the Gulf of Aden": at sea, in no country
COUNT_WORDS = _WORDS["count"]  # "hundreds of protesters in X": the people counted are in X  # "a US official", "Israel's military": a modifier names the owner
PLACE_NOUN_PREPS = _WORDS["place_noun_prep"]  # "on the outskirts of X": a place only with a place noun
NESTED_DEPTH = 3  # "at a cinema in the US state of Louisiana": places inside a locative phrase


def clause_places(action: Token, preps: set[str], strike: bool = False) -> list[Token]:
    """Place words of the clause: its locative objects ("in Moscow", "in the village of X",
    "in Manhattan federal court"), a visit's object ("visiting Sweden"), a border phrase,
    the place an attack strikes ("shelled Aleppo", "the attack on Aleppo")."""
    # an act in a relative clause of an event noun happened where the event did ("at a
    # summit in Lima where they signed a pact"); "in Lima, where they signed" names it
    found = [action.head] if action.dep_ == "relcl" and action.head.ent_type_ in PLACE_ENTS \
        and any(c.lower_ == "where" for c in action.children) else []
    heads = [action.head] if action.dep_ in {"xcomp", "conj"} or action.dep_ == "relcl" \
        and action.head.lemma_.lower() in EVENT_NOUNS else []
    if strike:  # "were killed after militants attacked a camp in Kabul": the attack's place
        heads += around(action)
    heads += alongside(action) + same_person_while(action)
    for owner in [action] + heads:
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found += [t for g in child.children if g.dep_ == "pobj" for t in named_in(g)]
            elif child.dep_ == "prep":  # "during a bilateral meeting in Berlin", "on the outskirts of Aleppo"
                nouns = EVENT_NOUNS | OCCASION_NOUNS | (PLACE_NOUNS if child.lower_ in PLACE_NOUN_PREPS else set())
                found += [t for g in child.children if g.dep_ == "pobj" and g.lemma_.lower() in nouns for t in named_in(g)]
            elif child.dep_ == "dobj" and action.lemma_.lower() in _WORDS["visit_verb"]:
                found += [child] if child.ent_type_ in PLACE_ENTS else []
            elif child.dep_ == "dobj" and child.lemma_.lower() in EVENT_NOUNS:  # "held talks in Doha"
                found += _event_places(child)
            elif child.dep_ == "dobj" and strike:  # "shelled the city of Homs", "launched an attack on Aleppo"
                # (not the struck thing's own name: "attacked the Bardo museum" names no town)
                found += [child] if child.ent_type_ in {"GPE", "LOC"} else \
                    [t for t in named_in(child, 1) if t.i != child.i]
                found += [t for p in child.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                          for g in p.children if g.dep_ == "pobj" for t in named_in(g, 1)]
        found += _border_places(owner)
        if found:
            break
    return found


def named_facility(pobj: Token) -> bool:
    """A named building or site ("the Bardo museum", "Belmarsh prison", "the Metropolitan
    Correctional Center"): tagged a facility, or a facility noun with a name of its own."""
    return pobj.ent_type_ == "FAC" or pobj.lemma_.lower() in FACILITY_NOUNS and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in pobj.children)


def clause_facilities(action: Token, preps: set[str], strike: bool = False) -> list[Token]:
    """The named facilities of the clause's locative phrases ("held at Belmarsh prison"), and
    of an attack the facility it strikes ("stormed the Bardo museum")."""
    owners = [action] + ([action.head] if action.dep_ in {"xcomp", "conj"} else [])
    return [g for owner in owners for p in owner.children if p.dep_ == "prep" and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj" and named_facility(g)] + \
        [c for c in action.children if strike and c.dep_ == "dobj" and named_facility(c)]


def sentence_owners(action: Token) -> set[int]:
    """Tokens whose locative phrase also places the event: the verbs the action hangs from
    or is conjoined with ("In Washington, the spokesman condemned ..."; "opened fire at a
    cinema in Lafayette, killing two"), their subjects and objects ("Soldiers in Guinea-Bissau
    detained ...") and their prepositions' objects ("arrested by police in Moscow"); not a
    noun deeper in the sentence ("files about the wars in Afghanistan") nor the verb that
    reports the act ("said in Paris that rebels attacked ..." tells where it was said)."""
    verbs = [action]
    token = action
    if action.pos_ in {"NOUN", "PROPN"} and (verb := _verb_of(action)) is not None:
        # an event noun ("was arrested in a police raid", "killed in an air strike"): its verb's scene
        token = verb
        verbs.append(token)
    while token.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acl"} and token.head.i != token.i:
        # "before shooting himself": a gerund under a preposition hangs from the verb above it;
        # "warrants for two men sought in a killing": a participle, from the verb its noun serves
        token = token.head.head if token.dep_ == "pcomp" else _verb_of(token.head) if token.dep_ == "acl" else token.head
        if token is None:
            break
        verbs.append(token)
    # a conjoined verb's own place counts ("arrested X and held him in Y"); its objects' only
    # when they are the action's too ("shot and killed a boy in Brooklyn"), not when the action
    # has its own ("jailed a man for helping militants join a group in Lebanon": the parser
    # may conjoin "join")
    # (all of a chain: "shot and killed a woman and wounded two men at X")
    siblings = [c for v in verbs for c in v.conjuncts if c.pos_ in {"VERB", "AUX"} and c.i not in {w.i for w in verbs}]
    has_object = any(c.dep_ in {"dobj", "nsubjpass"} for c in action.children)
    owners = {c.i for c in siblings}
    verbs += [] if has_object else siblings
    for verb in verbs:
        owners.add(verb.i)
        for child in verb.children:
            # with their conjuncts: "attacked soldiers and police in Kabul"
            if child.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                owners |= {m.i for m in [child, *child.conjuncts]}
            elif child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ in PARTICIPANT_PREPS:
                owners |= {m.i for g in child.children if g.dep_ == "pobj" for m in [g, *g.conjuncts]}
    # "fired at hundreds of protesters in the capital": the people a count or part is "of"
    doc = action.doc
    owners |= {g.i for i in list(owners) for p in doc[i].children if p.dep_ == "prep" and p.lower_ == "of"
               and (doc[i].pos_ == "NUM" or doc[i].lemma_.lower() in COUNT_WORDS)
               for g in p.children if g.dep_ == "pobj"}
    return owners


def _verb_of(noun: Token) -> Token | None:
    """The verb a noun is an argument of, through its prepositions ("issued warrants for two men")."""
    while noun.dep_ in {"pobj", "prep"} and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        noun = noun.head
    return noun if noun.pos_ in {"VERB", "AUX"} else None


def named_in(pobj: Token, depth: int = 0) -> list[Token]:
    """The tokens of a locative object that may name a place, best first: the object itself,
    the place of an event noun or place noun ("a visit to Beirut", "the village of X"), a
    place naming it ("Manhattan federal court"), else a place the object lies in ("at a
    cinema in Lafayette", "outside a synagogue in the city of Djerba")."""
    if pobj.ent_type_ in {"DATE", "TIME"}:  # "on Monday", "in March"
        return []
    if pobj.ent_type_ in PLACE_ENTS or pobj.pos_ == "PROPN":
        named = [pobj] + [a for a in pobj.children if a.dep_ == "appos" and a.ent_type_ in PLACE_ENTS]
        # "at the Bardo museum in Tunis", "Promises clinic, a rehab centre in Malibu": the town
        # a facility lies in, before the facility's own name (which the gazetteer rarely knows)
        inside = _nested_places(pobj, depth) + [t for a in pobj.children if a.dep_ == "appos"
                                                and a.ent_type_ not in PLACE_ENTS for t in _nested_places(a, depth)]
        return inside + named if pobj.ent_type_ == "FAC" else named + inside
    out = []
    if pobj.lemma_.lower() in EVENT_NOUNS:  # "during a visit to Beirut", "at talks in Geneva"
        out += _event_places(pobj, depth)
    if pobj.lemma_.lower() in PLACE_NOUNS:  # "Syria's second city Aleppo": the town's name, not its country's
        out += [a for a in pobj.children if a.dep_ == "appos"
                and (a.ent_type_ in PLACE_ENTS or a.pos_ == "PROPN" and not a.ent_type_)]
    if pobj.lemma_.lower() in PLACE_NOUNS:  # "the village of X", "the western edge of the city of X"
        # ("in front of the parliament in X": a common noun there has its own place)
        out += [t for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                if g.dep_ == "pobj" for t in ([g] if depth >= NESTED_DEPTH or g.lemma_.lower() not in PLACE_NOUNS
                                              and (g.ent_type_ or g.pos_ != "NOUN") else named_in(g, depth + 1))]
    if pobj.lemma_.lower() in ATTACK_NOUNS and depth < NESTED_DEPTH:
        # "killed in an attack on Aleppo", "the offensive launched by rebels against Aleppo"
        heads = [pobj] + [v for v in pobj.children if v.dep_ == "acl"]
        out += [t for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS | {"of"}
                for g in p.children if g.dep_ == "pobj" for t in named_in(g, depth + 1)]
    if pobj.lemma_.lower() in OCCASION_NOUNS:  # "on the sidelines of a summit in Doha"
        out += [t for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in EVENT_NOUNS
                for t in named_in(g, depth + 1)]
    if pobj.lemma_.lower() not in OWNED_NOUNS:  # "a United States official" is no place
        # the name before its owner: "Saudi Arabia's Jizan region" is Jizan
        out += sorted((m for m in _modifiers(pobj) if m.ent_type_ in PLACE_ENTS), key=lambda m: m.dep_ == "poss")
    if pobj.lemma_.lower() == "capital":  # "in the Afghan capital": the country's capital
        out += [m for m in pobj.children if m.dep_ == "amod" and m.ent_type_ == "NORP"]
        # "in the capital": the capital of the event's country (coding.places decides which)
        out += [pobj] if not out and not any(c.dep_ in {"prep", "amod", "compound", "poss"} for c in pobj.children) else []
    if not out:
        out += _nested_places(pobj, depth)
    return out


def _modifiers(noun: Token) -> list[Token]:
    """A noun's compound, possessive and noun modifiers, and theirs in turn when they are
    compounds themselves ("a suburban Detroit office building": Detroit modifies "office")."""
    out = []
    for m in noun.children:
        if m.dep_ in {"compound", "poss", "nmod"}:
            out.append(m)
            if m.dep_ == "compound" and m.ent_type_ not in PLACE_ENTS:
                out += [c for c in m.children if c.dep_ == "compound"]
    return out


def _nested_places(noun: Token, depth: int) -> list[Token]:
    """The places a noun lies in: its own locative phrases ("a cinema in Lafayette") and those
    of a participle describing it ("fighters holding out in Mosul", "troops stationed in Iraq")."""
    if depth >= NESTED_DEPTH:
        return []
    heads = [noun] + [v for v in noun.children if v.dep_ == "acl" and v.pos_ == "VERB"]
    return [t for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS
            for g in p.children if g.dep_ == "pobj" for t in named_in(g, depth + 1)]


def _event_places(noun: Token, depth: int = 0) -> list[Token]:
    """Where an event noun took place: "a visit to Beirut", "talks in Geneva", "a meeting of
    NATO ministers in Oslo" (the parser hangs the place on the members), "a meeting Correa
    held in Brussels" (its relative clause), "the sidelines of a summit in Doha"."""
    out = []
    for child in noun.children:
        if child.dep_ == "relcl":
            out += _places_of(child)
        if child.dep_ != "prep":
            continue
        for g in child.children:
            if g.dep_ != "pobj":
                continue
            if child.lower_ in {"to", "in", "at"} and g.ent_type_ in PLACE_ENTS:
                out.append(g)
            elif child.lower_ in {"in", "at"} and depth < NESTED_DEPTH:  # "talks at a hotel in Doha"
                out += named_in(g, depth + 1)
            elif g.lemma_.lower() in OCCASION_NOUNS and depth < NESTED_DEPTH:
                out += named_in(g, depth + 1)
            elif child.lower_ == "of" and g.lemma_.lower() not in EVENT_NOUNS:
                out += _places_of(g)
            elif child.lower_ in {"with", "between"}:  # "talks with Kenyatta and Odinga in Nairobi"
                out += [t for m in [g, *g.conjuncts] for t in _places_of(m)]
    return out


def _places_of(token: Token) -> list[Token]:
    """The place names of a token's own locative phrases ("held in Brussels")."""
    return [g for p in token.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS
            for g in p.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_ENTS]


def _border_places(action: Token) -> list[Token]:
    """'clashes on the border with Syria': the country named by the border phrase."""
    found = []
    for child in action.children:
        if child.dep_ != "prep" or child.lower_ not in _WORDS["border_prep"]:
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in BORDER_WORDS:
                found += [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in _WORDS["border_link"]
                          for g in p.children if g.dep_ == "pobj"]
    return found


def attachment(prep: Token) -> Token:
    """The word a prepositional phrase tells about: its head, or where the parser hung it on a
    date, a number or a person's name (CARRIER_LABELS: "died at the age of 85 in a Los Angeles
    hospital", "died Thursday in Beverly Hills", "a stoppage of Rahman in Mannheim"), the word
    those hang from (through their own preposition)."""
    head = prep.head
    while head.ent_type_ in CARRIER_LABELS and head.head.i != head.i:
        head = head.head
        if head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
    return head


def at_sea(token: Token) -> bool:
    """A place name that names a sea ("the Gulf of Aden", "the Mediterranean Sea"): place_words.tsv's
    water words, in the name's entity or its own words."""
    span = entity_span(token)  # from the IOB tags: doc.ents builds every entity on each read
    words = span if span is not None else token.doc[compound_start(token):token.i + 1]
    return any(t.lower_ in WATER_WORDS for t in words)


def names_a_place(token: Token) -> bool:
    """Tagged a place, or a name a place noun introduces ("the village of Deir Sharki"),
    whatever the tagger made of it."""
    return token.ent_type_ in PLACE_ENTS or token.pos_ == "PROPN" and token.head.lower_ == "of" \
        and token.head.head.lemma_.lower() in PLACE_NOUNS


def compound_start(token: Token) -> int:
    """Where the name a place word ends starts: its compounds, hyphenated parts ("Guinea-Bissau")."""
    doc, left = token.doc, token
    while left.i > 0 and (doc[left.i - 1].dep_ == "compound" and doc[left.i - 1].head.i == token.i
                          or not doc[left.i - 1].whitespace_):
        left = doc[left.i - 1]
    return left.i
