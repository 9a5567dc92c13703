"""Where a document's story is set, for the events its sentences do not place (coding/places.py
asks): whether a dateline's town is the story's own, the town the body names most, and the
place of the sentence before in the same paragraph."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventscope.coding.place_names import PLACE_ENTS, PlaceContext, _country_area, resolve
from eventscope.coding.place_phrases import LOCATIVE_PREPS
from eventscope.models import Event, Location

ELSEWHERE_MIN = 2  # a dateline's story happens elsewhere when its body names another town this often


def local_dateline(context: PlaceContext, doc: Doc) -> Location | None:
    """The dateline's place, or only its country when the story happens in another town of
    that country: a "WASHINGTON (AP) -" story whose body says "in Manhattan", "at a New York
    jail" more often than it names Washington (ELSEWHERE_MIN times at least) is not local to
    Washington, and its unplaced events are in the United States, no nearer."""
    dateline = context.dateline
    if dateline is None or dateline.precision != "city":
        return dateline
    towns = Counter({key: n for key, (where, n) in body_towns(doc, context).items()
                     if where.country == dateline.country})
    here = towns.pop(dateline.geonames_id or dateline.name, 0)
    elsewhere = max(towns.values(), default=0)
    if elsewhere < ELSEWHERE_MIN or elsewhere <= here:
        return dateline
    area = _country_area(dateline.country)
    return replace(area, evidence="dateline") if area is not None else None


def body_towns(doc: Doc, context: PlaceContext) -> dict:
    """Town key -> (Location, how often the body names it in a locative phrase: "in London",
    "in his Manhattan cell")."""
    towns: dict = {}
    for ent in doc.ents:
        root = ent.root
        owner = root.head if root.dep_ in {"compound", "nmod", "poss"} else root  # "in his Manhattan cell"
        if ent.label_ not in PLACE_ENTS or owner.dep_ != "pobj" or owner.head.lower_ not in LOCATIVE_PREPS:
            continue
        where = resolve(ent.text, context)
        if where is not None and where.precision == "city":
            key = where.geonames_id or where.name
            towns[key] = (towns[key][0] if key in towns else where, towns[key][1] + 1 if key in towns else 1)
    return towns


def main_town(doc: Doc, context: PlaceContext) -> Location | None:
    """The town the story is set in: the one its body names in locative phrases most often
    (ELSEWHERE_MIN times at least, more than any other), in the country the story covers
    when it covers one."""
    ranked = sorted(body_towns(doc, context).values(), key=lambda t: -t[1])
    if not ranked or ranked[0][1] < ELSEWHERE_MIN or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    town = ranked[0][0]
    covered = context.covered_country()
    return replace(town, evidence="story") if covered in {None, town.country} else None


def paragraph_place(event: Event, sents: list[Span], named: dict[int, list[tuple[Event, Location]]]) -> Location | None:
    """The place of the sentence right before, in the same paragraph, when an event there placed
    by its own words shares an actor with this one ("Police arrested two men in Kabul on Monday.
    Police said the men had planned attacks."): a story goes on where it was; not across a
    paragraph break, nor from a sentence about other actors."""
    i = event.sentence
    if i < 1 or not named.get(i - 1) or i >= len(sents):
        return None
    before, this = sents[i - 1], sents[i]
    words = [t for t in before if not t.is_space]  # the parser keeps a line break in the sentence before
    end = words[-1].idx + len(words[-1]) if words else before.end_char
    if "\n" in before.doc.text[end:this.start_char]:
        return None
    actors = _actor_ids(event)
    for other, where in named[i - 1]:
        if actors & _actor_ids(other):
            return replace(where, evidence="paragraph")
    return None


def _actor_ids(event: Event) -> set[str]:
    return {a.entity for a in event.source + event.target if a.entity}


def says_here(action: Token) -> bool:
    """The clause says it happened "here" ("said here on Monday", "arrived here"): in wire
    copy, the dateline's town."""
    owners = [action] + ([action.head] if action.dep_ in {"xcomp", "conj"} else [])
    return any(c.dep_ == "advmod" and c.lower_ == "here" for owner in owners for c in owner.children)
