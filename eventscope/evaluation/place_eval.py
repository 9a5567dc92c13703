"""How many events get a place, of those whose text names one: issue 18's place share.

An event "has a place named" when its sentence has a locative phrase naming a place ("in
Kabul", "at the border near Rafah": a GPE/LOC/FAC entity, or a name the gazetteer knows,
as the object of a locative preposition, anywhere in the sentence) or its article has a
dateline that resolves to a place. The test is deliberately looser than the place finder
(which wants the phrase on the event's own clause, and the dateline only for a local story):
the share measures what the finder leaves, and a hand check of a sample (`sample`) says
whether what it gives is right.

`tools/eval_places.py` runs it on the real-news dev set.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventscope.knowledge.place_words import place_words
from eventscope.models import DocumentResult

LOCATIVE = place_words()["locative"]
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class PlacedEvent:
    doc_id: str
    sentence_index: int
    sentence: str
    cameo: str
    actors: str  # "source countries > target countries", to judge a place by
    place_named: bool  # the sentence has a locative place, or the article a dateline
    named: list[str]  # the locative place names of the sentence
    dateline: str | None
    location: str | None
    country: str | None
    admin1: str | None
    geonames_id: int | None
    precision: str | None
    evidence: str  # clause, sentence, dateline, story or actor (where the finder read it)


@dataclass
class PlaceCoverage:
    events: list[PlacedEvent] = field(default_factory=list)

    @property
    def named(self) -> list[PlacedEvent]:
        return [e for e in self.events if e.place_named]

    @property
    def placed_of_named(self) -> int:
        return sum(1 for e in self.named if e.location)

    @property
    def placed(self) -> int:
        return sum(1 for e in self.events if e.location)

    def by_evidence(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.events:
            if e.location:
                out[e.evidence or "?"] = out.get(e.evidence or "?", 0) + 1
        return out

    def summary_line(self) -> str:
        named = len(self.named)
        share = self.placed_of_named / named if named else 0.0
        return (f"PLACES events={len(self.events)} placed={self.placed} named={named} "
                f"placed_of_named={self.placed_of_named} share={share:.3f} "
                + " ".join(f"{k}={v}" for k, v in sorted(self.by_evidence().items())))

    def sample(self, n: int, seed: int) -> list[PlacedEvent]:
        """n placed events drawn at random (fixed seed): the hand-check sample."""
        placed = [e for e in self.events if e.location]
        return random.Random(seed).sample(placed, min(n, len(placed)))


def locative_places(sent) -> list[str]:
    """The place names of a sentence's locative phrases ("in Kabul", "near the Syrian border"
    names no place; "near Rafah" does)."""
    from eventscope.coding.places import resolve

    names = []
    for token in sent:
        if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE:
            continue
        candidates = [token] + [c for c in token.children if c.dep_ in {"compound", "appos"}]
        candidates += [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"]  # "the city of Homs"
        for word in candidates:
            span = next((e for e in sent.ents if e.start <= word.i < e.end), None)
            if span is not None and span.label_ in PLACE_LABELS:
                where = resolve(span.text)
                if where is not None and where.country:
                    names.append(span.text)
                    break
    return names


def measure_documents(processor, documents) -> PlaceCoverage:
    """Code and place `documents` with a pipeline.Processor, measuring every event."""
    coverage = PlaceCoverage()
    for result, doc, places in processor.parsed(documents):
        measure(result, doc, places, coverage)
    return coverage


def measure(result: DocumentResult, doc: Doc, places: list, coverage: PlaceCoverage) -> None:
    """Add one coded document's events to the coverage; `places` is what
    `coding.places.place_events` returned for them."""
    from eventscope.coding.places import PlaceContext

    sents = list(doc.sents)
    dateline = PlaceContext.of(result).dateline
    for event, where in zip(result.events, places):
        sent = sents[event.sentence] if 0 <= event.sentence < len(sents) else None
        named = locative_places(sent) if sent is not None else []
        evidence = where.evidence if where is not None else ""
        coverage.events.append(PlacedEvent(
            result.document.id, event.sentence, sent.text.strip() if sent is not None else "",
            event.cameo, _sides(event), bool(named) or dateline is not None, named,
            dateline.name if dateline is not None else None, event.location, event.location_country,
            event.location_admin1, event.location_geonames_id, event.location_precision, evidence))


def _sides(event) -> str:
    def side(actors):
        return ",".join(f"{a.name}/{a.country or '-'}" for a in actors) or "-"
    return f"{side(event.source)} > {side(event.target)}"
