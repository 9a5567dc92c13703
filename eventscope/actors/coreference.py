"""What the resolution pass remembers for coreference: the persons and bodies met so far (for
pronouns), and what descriptions said of unknown people ("the 48-year-old Kenyan": the person
the story was just about is Kenyan, in every mention).

actors.resolution.MentionResolver holds one `CoreferenceMemory` per document and feeds it every
resolved mention in text order.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventscope.actors.noun_phrases import PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS, actor_key, is_leading_role
from eventscope.actors.story import is_country
from eventscope.knowledge.coreference_words import coreference_words
from eventscope.models import Actor, Evidence, decided

PRONOUN_WINDOW = 2  # sentences back a pronoun (or a description) may reach
COUNTERPART_LEMMAS = {"counterpart", "counterparts"}
ROUTE_PREPS = {"via", "through", "to", "from", "into", "toward", "towards", "across", "in", "at"}
GUESSED = "country of the story (a person of no known country)"  # evidence of a guessed country


class CoreferenceMemory:
    """Persons and bodies in text order, each as (sentence index, actor, its salience: 2 a main
    clause's subject, 1 another subject, 0 none; noun_phrases.salience)."""

    def __init__(self, placeholder: str):
        self.placeholder = placeholder  # the resolver's stand-in for the story's country
        self.persons: list[tuple[int, Actor, bool]] = []
        self.bodies: list[tuple[int, Actor, bool]] = []
        self.described: dict[str, tuple[str, str]] = {}  # a person's name -> (country, description)
        # plural mentions ("protesters", "Japan, Canada and Mexico"), by the token of their first word
        self.plurals: dict[int, tuple[int, list[Actor], bool]] = {}

    def remember(self, sent_no: int, actor: Actor, token: Token, subject: int) -> None:
        (self.persons if is_person(token, actor) else self.bodies).append((sent_no, actor, subject))

    def remember_pronoun(self, lower: str, sent_no: int, actor: Actor, subject: int) -> None:
        """"He said ...": whom the story is about is mentioned again."""
        (self.persons if lower in PERSON_PRONOUNS else self.bodies).append((sent_no, actor, subject))

    def remember_plural(self, token: Token, sent_no: int, actors: dict[int, list[Actor]]) -> None:
        """A plural noun's actors, or a list of conjoined actors read so far ("Japan, Canada and
        Mexico"): what "they" and "them" may stand for."""
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.i == token.i and token.tag_ not in {"NNS", "NNPS"}:
            return
        if first.dep_ == "pobj" and first.head.lower_ in ROUTE_PREPS:
            return  # "flew to Mexico via Moscow and Paris": places passed through, not who "they" are
        members = [t for t in first.subtree if t.i == first.i or (t.dep_ == "conj" and _conjunct_of(t, first))]
        found = [a for t in members if t.i <= token.i for a in actors.get(t.i, [])]
        if found:
            self.plurals[first.i] = (sent_no, found, first.dep_ == "nsubj")

    def pronoun(self, lower: str, sent_no: int) -> list[Actor]:
        """The latest person (or body) of the last PRONOUN_WINDOW sentences that was a subject,
        else the latest one: a story goes on about whom its sentences are about ("Habeck met
        his French counterpart. He told reporters ..." is Habeck)."""
        if lower in PLURAL_PRONOUNS:  # the latest plural of the window that was a subject, else the latest
            near = [(actors, subject) for _, (seen_in, actors, subject) in sorted(self.plurals.items(), reverse=True)
                    if sent_no - seen_in <= PRONOUN_WINDOW]
            found = next((a for a, subject in near if subject), near[0][0]) if near else []
            return [replace(a, evidence=(Evidence("rule", f"coref:pronoun {lower}"),)) for a in found]
        pool = self.persons if lower in PERSON_PRONOUNS else self.bodies if lower in THING_PRONOUNS else []
        actor = self._salient(pool, sent_no)
        return [] if actor is None else [replace(actor, evidence=(Evidence("rule", f"coref:pronoun {lower}"),))]

    def last_person_with_sector(self) -> Actor | None:
        return next((actor for _, actor, _ in reversed(self.persons) if actor.sector), None)

    def described_person(self, token: Token, span: Span, actor: Actor, sent_no: int) -> Actor | None:
        """"The 48-year-old Kenyan", "the Kenyan national": a definite description that gives
        only a nationality is the person the story was just about, when the text gave that
        person no country of their own (only the story's, guessed); the nationality becomes
        theirs in every mention (see `settle`). None when the mention is no such description."""
        if token.tag_ not in {"NN", "NNP", "JJ"} or actor.sector not in (None, "CVL") \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                or any(c.dep_ == "poss" for c in token.children):
            return None
        named = decided(actor.evidence, "country")
        if not is_country(actor.country) or named is None or not named.value.startswith("demonym:"):
            return None
        person = self._salient(self.persons, sent_no)
        if person is None or not _guessed(person, self.placeholder) \
                or self.described.get(person.name, (actor.country,))[0] != actor.country:
            return None
        self.described[person.name] = (actor.country, span.text)
        return replace(person, country=actor.country, text=actor.text, start=actor.start, end=actor.end,
                       evidence=(Evidence("rule", f"coref:description {span.text}", decides="country"),))

    def settle(self, actors: list[Actor]) -> list[Actor]:
        """The mentions of a described person with the country the description gave."""
        out = []
        for actor in actors:
            found = self.described.get(actor.name)
            if found is not None and _guessed(actor, self.placeholder):
                country, description = found
                actor = replace(actor, country=country, evidence=tuple(
                    e for e in actor.evidence if e.value != GUESSED) + (
                    Evidence("rule", f"described as {description}", decides="country"),))
                actor = replace(actor, entity=actor_key(actor))
            out.append(actor)
        return out

    @staticmethod
    def _salient(pool: list[tuple[int, Actor, int]], sent_no: int) -> Actor | None:
        """The latest of the window's most salient mentions (noun_phrases.salience): a main
        clause's subject, else another subject, else the latest mention."""
        near = [(actor, rank) for seen_in, actor, rank in reversed(pool) if sent_no - seen_in <= PRONOUN_WINDOW]
        if not near:
            return None
        best = max(int(rank) for _, rank in near)
        return next(a for a, rank in near if int(rank) == best)


def _guessed(actor: Actor, placeholder: str) -> bool:
    """Has the person no country but the story's, guessed (or none at all)?"""
    return actor.country in (None, placeholder) or any(e.value == GUESSED for e in actor.evidence)


def is_person(token: Token, actor: Actor) -> bool:
    """Can "he" or "she" stand for the mention? A person's name (tagged so, or a known person's,
    or the surname of one met before, whatever tag the parser gives this mention), a
    counterpart, or a singular role noun that names no body ("the spokesman", not "the embassy")."""
    if any(e.value.startswith(("coref:surname", "coref:description")) for e in actor.evidence):
        return True
    if token.pos_ == "PROPN":
        named = decided(actor.evidence, "name")
        return token.ent_type_ == "PERSON" or (named is not None and named.value.startswith("person:"))
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and token.tag_ == "NN" and is_leading_role(token.text):
        return True  # "the South Korean leader", "the chairman": a person, though of no sector
    return lemma in COUNTERPART_LEMMAS or (bool(actor.sector) and token.pos_ == "NOUN" and token.tag_ == "NN"
                                          and lemma not in coreference_words()["body"])


def _conjunct_of(token: Token, first: Token) -> bool:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i == first.i:
            return True
    return False
