"""What the coder makes of a document: actors, places and events, each with the evidence that
made it, and the per-document result that the store writes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields

from .documents import Document, Sentence


EVIDENCE_KINDS = ("pattern", "rule", "dictionary", "lexicon", "model")


@dataclass(frozen=True)
class Evidence:
    """One reason behind an actor or an event: the pattern, rule, dictionary or lexicon
    entry, or model that fired, with its weight when it has one. Actors and events keep a
    tuple of these; `render_evidence` writes them as one readable line."""

    kind: str  # one of EVIDENCE_KINDS
    value: str  # what fired, as shown: "person:people.tsv:12", "pattern attack - -> 190"
    decides: str = ""  # actors: the attribute it settled (name, country, sector, sector2, role, code)
    entry: str = ""  # the data file line that fired ("people.tsv:12"), when one did
    weight: float | None = None  # a model's probability
    qualifier: str = ""  # "former" for a role held in the past

    def __str__(self) -> str:
        value = f"{self.qualifier} {self.value}" if self.qualifier else self.value
        return f"{self.decides}={value}" if self.decides else value


_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))


def render_evidence(items) -> str:
    """The readable line: each reason's text, "; "-separated (web app, exports)."""
    return "; ".join(str(e) for e in items)


def evidence_json(items) -> str:
    """How the store keeps evidence: a JSON list of records, empty fields left out."""
    # fields read directly: dataclasses.asdict (a recursive deep copy) was most of the cost of
    # turning a batch into rows, in the process that also links and writes
    return json.dumps([{k: v for k in _EVIDENCE_FIELDS if (v := getattr(e, k)) not in ("", None)} for e in items],
                      ensure_ascii=False)


def evidence_from_json(text: str) -> tuple[Evidence, ...]:
    """The evidence records stored as JSON (`evidence_json`), as Evidence objects."""
    return tuple(Evidence(**record) for record in json.loads(text or "[]"))


def decided(items, attribute: str) -> Evidence | None:
    """The first reason that settled `attribute` of an actor (see Evidence.decides)."""
    return next((e for e in items if e.decides == attribute), None)


@dataclass
class Actor:
    """A resolved actor mention: who, as coded (country + sector) and as written."""

    name: str  # canonical name within the document ("Igor Sergeyev", "Iran")
    country: str | None = None  # ISO3, or IGO/NGO/... class code
    sector: str | None = None  # GOV, MIL, COP, ...
    text: str = ""  # the mention as written
    start: int = -1  # char span of the mention in the document
    end: int = -1
    entity: str = ""  # within-document entity id shared by coreferent mentions
    evidence: tuple[Evidence, ...] = ()  # which rules or lexicon entries resolved it

    @property
    def evidence_text(self) -> str:
        return render_evidence(self.evidence)

    @property
    def code(self) -> str:
        return (self.country or "") + (self.sector or "")

    def to_contract(self, country_code=None) -> dict:
        """The actor as the `eventscope code` contract writes it (shared/eval/FORMAT.md);
        `country_code` maps the stored code into the contract's (knowledge.contract_country)."""
        country = country_code(self.country) if country_code else self.country
        return {"name": self.name, "country": country, "sector": self.sector}


@dataclass
class Location:
    """Where an event happened, resolved offline against GeoNames (coding.places)."""

    name: str  # as resolved ("Moscow"), or as written when it could not be placed
    country: str | None = None  # ISO3
    admin1: str | None = None  # GeoNames admin1 key ("US.GA"), for towns and US states
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # city, region, country; None: a name not found
    evidence: str = ""  # clause, sentence, dateline, story or actor: where the text said it (coding/places.py)


@dataclass
class Event:
    """One coded event, with its provenance and the reason it was coded."""

    doc_id: str
    sentence: int  # sentence index in the document
    span: tuple[int, int]  # char span of the clause in the document
    source: list[Actor]
    target: list[Actor]
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str
    plover_mode: str | None = None
    plover_context: str | None = None
    date: str | None = None
    date_precision: str | None = None  # day, week, month, year
    location: str | None = None
    location_country: str | None = None
    location_admin1: str | None = None
    location_geonames_id: int | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    location_precision: str | None = None  # city, region, country
    trigger: str = ""  # the word(s) that carried the action
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()  # patterns, rules, lexicon entries and models that fired
    id: str = ""

    @property
    def evidence_text(self) -> str:
        return render_evidence(self.evidence)

    def __post_init__(self) -> None:
        if not self.id:
            key = "|".join(
                [self.doc_id, str(self.sentence), f"{self.span[0]}:{self.span[1]}", self.cameo,
                 ",".join(a.code + a.name for a in self.source),
                 ",".join(a.code + a.name for a in self.target)]
            )
            self.id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def place(self, where: Location | None) -> None:
        """Set the location fields from `where` (None clears them)."""
        self.location = where.name if where else None
        self.location_country = where.country if where else None
        self.location_admin1 = where.admin1 if where else None
        self.location_geonames_id = where.geonames_id if where else None
        self.location_lat = where.lat if where else None
        self.location_lon = where.lon if where else None
        self.location_precision = where.precision if where else None

    def to_contract(self, country_code=None) -> dict:
        """The `eventscope code` output record (shared/eval/FORMAT.md); the location_* keys
        were added after `location` and may be null. `country_code` as in Actor.to_contract."""
        return {
            "source": [a.to_contract(country_code) for a in self.source],
            "target": [a.to_contract(country_code) for a in self.target],
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "cameo": self.cameo,
            "date": self.date,
            "location": self.location,
            "location_country": self.location_country,
            "location_admin1": self.location_admin1,
            "location_geonames_id": self.location_geonames_id,
            "location_lat": self.location_lat,
            "location_lon": self.location_lon,
            "location_precision": self.location_precision,
            "sentence": self.sentence,
            "span": list(self.span),
            "confidence": round(self.confidence, 3),
        }


@dataclass
class DocumentResult:
    """Everything the pipeline learned about one document; the unit the store writes."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # every resolved mention
    events: list[Event] = field(default_factory=list)
    # ISO3 codes of the countries the title and text name (linking.vectors.document_countries),
    # found where the document was coded (pipeline.Processor), so the process that links need
    # not load the actor lexicon; None: not computed (linking computes it)
    countries: frozenset[str] | None = None
    # who-words of its events' actor names (linking.events.who_of_events), found there for the
    # same reason; None: not computed (linking finds them when it compares two names)
    who: dict[str, frozenset[str]] | None = None
    # the story clusterer's per-document inputs (linking.vectors.document_features, the term
    # counts of title + text, and document_names), found there too: pure work on the text that
    # worker processes do in parallel instead of the one process that links; None: not computed
    story_terms: dict[str, float] | None = None
    names: frozenset[str] | None = None
    # events the coder read but did not code because the text does not report them as done
    # (coding.modality: negated, conditional, speculative, a forecast), each with its reason
    # in its evidence; for evaluation and inspection only, never stored
    withheld: list[Event] = field(default_factory=list)
