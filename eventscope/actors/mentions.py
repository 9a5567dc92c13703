"""Actor mentions in a parsed document, and within-document coreference.

Coreference has no usable model on PyPI, so it is written from the parse:
- a name mentioned with a title ("Russian Defense Minister Igor Sergeyev") registers
  its surname; later "Sergeyev" or "Mr. Sergeyev" is the same entity;
- an appositive ("his Iranian counterpart, Rear Adm. Ali Shamkhani") joins both sides, but a
  role noun after a place's comma is no appositive of the place ("After his arrest in the UK,
  a lawyer for the woman asked": the parser's appositive starts the clause);
- "counterpart(s)" takes the role (sector) of the person it is the counterpart of;
- he/she/his/her go to a person, it/its to a country or body, of this or the previous two
  sentences: the latest one that was a main clause's subject (active or passive), else the
  latest other clause's subject, else the latest one (a person is a person's
  name, whatever tag the parser gives a later mention of it, or a role noun that names no
  body: "the spokesman", not "the embassy"; a "leader" is a person);
- they/them/their go to the last plural actors of this or the previous two sentences (a
  plural noun, or a list of conjoined actors: "Japan, Canada and Mexico"), a subject first;
- a definite description that gives only a nationality ("the 48-year-old Kenyan", "the
  Kenyan national") is the person the story was just about, when the text gave that person
  no country; the nationality is then theirs in every mention (actors.coreference);
- a definite role of no country ("the foreign minister") is the last person or body named
  with that role ("Pakistan Foreign Minister Shah Mahmood Qureshi") or holding it (a known
  person's office);
- a role of no country whose phrase says whose it is takes that country: "his military"
  (the pronoun's), "the country's president" (the country named last), "soldiers in
  Guinea-Bissau", "the country's president and the former prime minister" (its first
  conjunct's);
- a known surname after a given name that is not the known person's ("Tim Morrison") is
  someone else;
- "the two men", "both sides", "the two countries" go to the last pair of actors;
- "Russian and Iranian officials" and "a Russian-Iranian delegation" are two actors;
- a role or group that names no country ("a government spokeswoman", "police", "opposition
  leader Kizza Besigye") belongs to the country the story is about (the country its title,
  place and nationality names and known people and bodies name most), never to whatever place its sentence happens to name ("sanctions
  over the Ukraine crisis"); a plural of what a country has one of ("governments") names
  several countries' and takes none; an unknown person gets a country from their own phrase, an
  appositive ("Lars Holm, a Danish engineer") or a coreferent mention, else is guessed to be of
  the story's country (evidence "country of the story (a person of no known country)").
Every actor carries ``entity`` = ``actor_key``: country, sector and folded name, the key the
linking stage uses to join the same person or body across documents.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from eventscope.actors.noun_phrases import actor_key, noun_phrase  # noqa: F401  re-exported
from eventscope.actors.resolution import RELATIVE_PRONOUNS, MentionResolver
from eventscope.models import Actor, Document


class DocActors:
    """The actors of one parsed document: who each argument token stands for, with
    coreference (the mentions are resolved once, by actors.resolution.MentionResolver)."""

    def __init__(self, doc: Doc, document: Document, dictionaries=None):
        self.doc = doc
        self.document = document
        self.dictionaries = dictionaries
        resolver = MentionResolver(doc, document, dictionaries)
        self._by_token: dict[int, list[Actor]] = resolver.resolve()
        self._story_country = resolver.story_country
        # every country the document names, most named first (actors.story.country_counts)
        self._countries = [c for c, n in sorted(resolver.country_counts.items(), key=lambda kv: -kv[1]) if n >= 2]
        self._mention_starts: list[int] | None = None  # sorted token indexes, on first use

    # --- public -------------------------------------------------------------------
    @property
    def story_country(self) -> str | None:
        """The country the story is about (see `actors.resolution.story_country`), None when none stands out."""
        return self._story_country

    def counterpart(self, country: str | None) -> str | None:
        """The other party of the story for `country`: the most named country (named twice at
        least) that is not `country` ("Beijing is balking at committing": the United States,
        in a story of US-China trade talks); None when the document names no other twice."""
        return next((c for c in self._countries if c != country), None) if country else None

    def actors_for(self, token: Token) -> list[Actor]:
        """The actor(s) an argument head token refers to ([] when it is no actor)."""
        if token.lower_ in RELATIVE_PRONOUNS and token.dep_ in {"nsubj", "dobj", "nsubjpass", "pobj"}:
            clause = token.head
            while clause.dep_ in {"xcomp", "ccomp", "conj"} and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ == "relcl":
                return self.actors_for(clause.head)
        return list(self._by_token.get(token.i, []))

    def actors_of(self, tokens) -> list[Actor]:
        """The actors of several argument heads, each entity once, in order."""
        out, seen = [], set()
        for token in tokens:
            for actor in self.actors_for(token):
                if actor.entity not in seen:
                    seen.add(actor.entity)
                    out.append(actor)
        return out

    def mentions_between(self, start: int, end: int) -> bool:
        """Whether any token in [start, end) stands for an actor."""
        if self._mention_starts is None:
            self._mention_starts = sorted(self._by_token)
        k = bisect.bisect_left(self._mention_starts, start)
        return k < len(self._mention_starts) and self._mention_starts[k] < end

    def all_mentions(self) -> list[Actor]:
        seen, out = set(), []
        for i in sorted(self._by_token):
            for actor in self._by_token[i]:
                key = (actor.start, actor.end, actor.entity)
                if key not in seen:
                    seen.add(key)
                    out.append(actor)
        return out
