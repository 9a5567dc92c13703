"""Resolving a document's actor mentions, one pass in text order, with coreference.

`MentionResolver.resolve()` reads each sentence's mention heads (names, nouns, pronouns),
resolves their noun phrases (actors.phrase) and remembers what coreference needs as it goes:
surnames of people met with a title, the last persons and bodies (for pronouns), pairs
(for "the two men"). The result is every mention head's actors, by token index
(actors.mentions.DocActors answers the questions about them).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventscope.actors.coreference import COUNTERPART_LEMMAS, CoreferenceMemory
from eventscope.actors.noun_phrases import (
    HONORIFICS, actor_key, adjective_variants, country_inside_a_name,
    former_role, is_bare_name, is_capitalised_common_word, is_leading_role, is_mention_head, is_surname_role_word, salience,
    lowercase_words, names_people_of_unknown_kind, noun_phrase, parenthesised,
)
from eventscope.actors.heads import NON_ACTOR_SECTORS, ActorHeads
from eventscope.actors.phrase import resolve_phrase
from eventscope.actors.pronoun_antecedents import governing_subject, subject_s_own
from eventscope.actors.namesakes import as_read
from eventscope.actors.story import AGENT_WEIGHT, counted_countries, is_country, names_known_actor, story_country
from eventscope.actors.whose import STORY, home_body, named_role_before, owned, person_of_the_story, takes_story_country
from eventscope.knowledge.actor_files import load_lexicon
from eventscope.models import Actor, Document, Evidence, decided

RELATIVE_PRONOUNS = {"which", "who", "whom", "that", "whose"}
GROUP_RE = re.compile(r"^(the )?(two|both) (men|women|leaders|sides|countries|nations|ministers|governments|parties|officials|states)$|^both( sides)?$", re.I)
PLACE_ENTITY_TYPES = {"GPE", "LOC", "FAC"}
# a country has one of each: their plural ("governments condemned the coup") names several
# countries', never the story's
ONE_PER_COUNTRY = {"government", "country", "nation", "state", "parliament"}


class MentionResolver:
    """The state of one resolution pass over a document."""

    def __init__(self, doc: Doc, document: Document, dictionaries=None):
        self.doc = doc
        self.document = document
        self.dictionaries = dictionaries
        self._by_token: dict[int, list[Actor]] = {}
        self._surnames: dict[str, Actor] = {}  # surname -> the titled person it stands for
        self._memory = CoreferenceMemory(STORY)  # persons and bodies met, for pronouns and descriptions
        self._named_roles: list[Actor] = []  # actors with a country and a role, for "the minister"
        self._groups: list[list[Actor]] = []  # pairs and lists, for "the two men"
        self._heads = ActorHeads(dictionaries, self._surnames)
        self._lowercase_words = lowercase_words(doc)  # for headline words read as names
        self._counts, self._place_readings = counted_countries(doc, document)  # places two countries name: whose
        self.story_country: str | None = None  # known once the pass has read every name
        self.countries = frozenset(self._counts)  # every country the document names

    def resolve(self) -> dict[int, list[Actor]]:
        """Every mention head's actors, by token index."""
        self._resolve_all()
        if self._memory.described:  # what descriptions said of unknown people, in every mention
            self._by_token = {i: self._memory.settle(actors) for i, actors in self._by_token.items()}
        self._settle_story_country()
        return self._by_token

    @property
    def country_counts(self) -> dict[str, int]:
        """How much the document names each country (places, nationalities, known actors)."""
        return dict(self._counts)

    def _count_named(self, token: Token, actors: list[Actor]) -> None:
        """A known person or organisation names its country as much as a place name does
        ("Mr. Trump said" speaks of the United States): their mentions count for the story's
        country, a subject's more (places and nationalities are counted from the parse's
        entities already; "the Bush administration", a known person's body, counts too)."""
        if token.ent_type_ in {"GPE", "NORP", "LOC"} or token.pos_ not in {"PROPN", "NOUN"}:
            return
        weight = AGENT_WEIGHT if token.dep_ == "nsubj" else 1
        for country in {a.country for a in actors if is_country(a.country) and names_known_actor(a)}:
            self._counts[country] = self._counts.get(country, 0) + weight

    def _settle_story_country(self) -> None:
        """The story's country, from its places, nationalities and named actors, given to
        every role that waited for it (or taken back when no country stands out)."""
        self.story_country = story_country(self.doc, self.document, self._counts)
        for token_i, actors in self._by_token.items():
            if any(a.country == STORY for a in actors):
                self._by_token[token_i] = [self._with_story_country(a) for a in actors]

    def _with_story_country(self, actor: Actor) -> Actor:
        if actor.country != STORY:
            return actor
        settled = home_body(actor, self.story_country)  # "addressed Congress" in a story about Israel
        if settled is None and self.story_country:
            settled = replace(actor, country=self.story_country)
        elif settled is None:
            settled = replace(actor, country=None, evidence=tuple(
                e for e in actor.evidence if not (e.value.startswith("country of the story") and e.decides == "country")))
        return replace(settled, entity=actor_key(settled)) if STORY in actor.entity else settled

    # --- resolution pass ----------------------------------------------------------
    def _resolve_all(self) -> None:
        for sent_no, sent in enumerate(self.doc.sents):
            context = sent.text
            for token in sent:
                if not is_mention_head(token) or token.i in self._by_token:
                    continue  # (an appositive is already its head's actor: _with_apposition)
                actors = self._resolve_token(token, sent_no, context)
                if actors:
                    self._by_token[token.i] = actors
                    if len(actors) >= 2:
                        self._groups.append(actors)
                    if token.pos_ != "PRON":
                        self._memory.remember_plural(token, sent_no, self._by_token)
            self._collect_conjoined_groups(sent)

    def _resolve_token(self, token: Token, sent_no: int, context: str) -> list[Actor]:
        lower = token.lower_
        if token.pos_ == "PRON":
            governing = governing_subject(token, lower, self._by_token) or subject_s_own(token, lower, self._by_token)
            found = governing if governing else self._memory.pronoun(lower, sent_no)
            if len(found) == 1:
                self._memory.remember_pronoun(lower, sent_no, found[0], salience(token))
            return found
        if parenthesised(token):  # "the Movement for Better Schools (MBS)": an acronym spells
            return self._spelled_out(token)  # the name before it, whatever else it may stand for
        if not self._heads.may_be_actor(token):
            return []
        span = noun_phrase(token, with_of=is_leading_role(token.text)
                           or (token.pos_ == "NOUN" and names_people_of_unknown_kind(token.lower_)))
        span_text = span.text  # built from the tokens on every access: once here
        if GROUP_RE.match(span_text.strip()) and self._groups:
            return list(self._groups[-1])
        variants = adjective_variants(span, span_text)
        actors = []
        for text in variants:
            actor = self._resolve_text(text, span, context, token, span_text)
            if actor is not None:
                actors.append(actor)
        if len(actors) == 1:
            actors = [self._with_apposition(token, actors[0], context)]
            described = self._memory.described_person(token, span, actors[0], sent_no)
            if described is not None:  # "the 48-year-old Kenyan": the person just spoken of
                actors = [described]
            elif actors[0].country == STORY:
                actors = [owned(token, actors[0], self._by_token) or named_role_before(token, span, actors[0], self._named_roles)]
            else:
                actors = [person_of_the_story(actors[0], token)]
        elif not actors:  # "The son of ..., Fritz Weber, was stabbed": the person in apposition
            appos = [c for c in token.children if c.dep_ == "appos" and not parenthesised(c)]
            if appos:
                inner = self._resolve_text(noun_phrase(appos[0]).text, noun_phrase(appos[0]), context)
                if inner is not None:
                    actors = [person_of_the_story(inner, appos[0])]
        actors = [self._register(a, token, sent_no) for a in actors]
        if len(actors) == 1 and token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
            self._register_name_words(span, token, actors[0])
        self._count_named(token, actors)
        return actors

    def _register_name_words(self, span: Span, token: Token, actor: Actor) -> None:
        """A titled person's other name words stand for them too ("President Moon Jae-in":
        the parse's head is "Jae", the story goes on with "Moon"); a word taken stays taken."""
        if actor.country in (None, STORY) or not actor.sector:
            return
        for word in span:
            if word.i != token.i and word.ent_type_ == "PERSON" and word.pos_ == "PROPN" and word.is_title \
                    and len(word) >= 3 and word.lower_ not in HONORIFICS:
                self._surnames.setdefault(word.text, actor)

    def _resolve_text(self, text: str, span: Span, context: str, head: Token | None = None,
                      span_text: str | None = None) -> Actor | None:
        head = span.root if head is None else head  # callers that know the head pass it
        span_text = span.text if span_text is None else span_text
        if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.text in self._surnames):
            known = self._surnames.get(head.text)
            if known is not None and is_bare_name(span):
                return replace(known, text=span_text, start=span.start_char, end=span.end_char,
                               evidence=(Evidence("rule", f"coref:surname {head.text}"),))
        if not self._heads.names_an_actor(head):
            return None
        if head.text not in self._surnames and is_capitalised_common_word(head, self._lowercase_words, load_lexicon()):
            return None  # "Riot breaks out": a headline's capitalised word
        if text == span_text and is_surname_role_word(head, self.dictionaries):
            text = text[:head.idx - span.start_char] + text[head.idx - span.start_char + len(head):]
        actor = resolve_phrase(text, context=context, date=self.document.date, dictionaries=self.dictionaries,
                               gazetteer=head.ent_type_ != "PERSON", borrow_country=False,
                               countries=self.countries)
        if actor is None:
            return None
        if self._place_readings:
            actor = as_read(actor, span_text, self._place_readings)  # "a Georgia judge" in Atlanta
        if actor.country and country_inside_a_name(actor, span):
            # "Jordan Whitfield": the parser's person, whose first name is a country
            actor = replace(actor, country=None, evidence=tuple(e for e in actor.evidence if e.decides != "country"))
        if not actor.country and actor.sector not in (None, *NON_ACTOR_SECTORS) and not (
                head.tag_ == "NNS" and head.lemma_.lower() in ONE_PER_COUNTRY) and takes_story_country(actor.sector, head):
            # a role word, with or without a name; a bare name has no sector and stays unknown
            actor = replace(actor, country=STORY,
                            evidence=actor.evidence + (Evidence("rule", "country of the story", decides="country"),))
        # resolve_phrase returns a new Actor every time: set its fields in place
        if actor.sector in NON_ACTOR_SECTORS:
            actor.sector = None
        if not actor.country and not actor.sector and head.ent_type_ != "PERSON":
            return None
        actor.text, actor.start, actor.end = span_text, span.start_char, span.end_char
        if actor.sector == "ELI" and not self.document.date and former_role(actor):
            # "former" was judged against today's date; without a publication date, keep the role
            role_sector = decided(actor.evidence, "sector2")
            actor = replace(actor, sector=role_sector.value if role_sector else None)
        if head.lemma_.lower() in COUNTERPART_LEMMAS and not actor.sector:
            partner = self._memory.last_person_with_sector()
            if partner is not None:
                actor = replace(actor, sector=partner.sector, evidence=actor.evidence + (Evidence("rule", "counterpart role"),))
        if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
            name = " ".join(t.text for t in span if t.ent_type_ == "PERSON" and t.lower_ not in HONORIFICS)
            actor = replace(actor, name=name or actor.name)
        return actor

    def _spelled_out(self, token: Token) -> list[Actor]:
        """The actors of the name a parenthesised acronym spells: the phrase right before
        the parenthesis, through the parse's heads; [] when that name is no known actor."""
        at = token.i - 2
        for _ in range(3):
            if at < 0:
                break
            if at in self._by_token:
                return [replace(a, text=token.text, start=token.idx, end=token.idx + len(token.text),
                                evidence=(Evidence("rule", f"coref:acronym {token.text}"),))
                        for a in self._by_token[at]]
            if self.doc[at].head.i == at:
                break
            at = self.doc[at].head.i
        return []

    def _with_apposition(self, token: Token, actor: Actor, context: str) -> Actor:
        for child in token.children:
            if child.dep_ != "appos" or parenthesised(child):
                continue
            if token.ent_type_ in PLACE_ENTITY_TYPES and child.pos_ == "NOUN" and not child.ent_type_:
                # "After his arrest in the UK, a lawyer for the woman asked": a place is no
                # person, so a role after its comma starts the clause (the parser's appositive)
                continue
            span = noun_phrase(child)
            other = self._resolve_text(span.text, span, context)
            if other is None and token.ent_type_ == "PERSON" and not actor.country:
                # "Lars Holm, a Danish engineer": no actor, but it says whose the person is
                described = resolve_phrase(span.text, dictionaries=self.dictionaries)
                if is_country(described.country):
                    return replace(actor, country=described.country, evidence=actor.evidence + (
                        Evidence("rule", f"apposition: {span.text}", decides="country"),))
            if other is None:
                continue
            merged = replace(
                actor,
                name=other.name if child.ent_type_ == "PERSON" else actor.name,
                country=actor.country if actor.country not in (None, STORY) else other.country or actor.country,
                sector=other.sector or actor.sector,
                evidence=actor.evidence + (Evidence("rule", "apposition"),),
            )
            merged = replace(merged, entity=merged.entity or actor_key(merged))
            self._by_token[child.i] = [replace(merged, text=span.text, start=span.start_char, end=span.end_char)]
            if child.ent_type_ == "PERSON":
                self._surnames[child.text] = merged
            return merged
        return actor

    def _register(self, actor: Actor, token: Token, sent_no: int) -> Actor:
        if not actor.entity:
            actor = replace(actor, entity=actor_key(actor))
        if actor.country not in (None, STORY) and actor.sector:
            self._named_roles.append(actor)
        subject = salience(token)
        if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
            known = self._surnames.get(token.text)
            if known is None or (not known.sector and actor.sector) or (known.country in (None, STORY) and actor.country not in (None, STORY)):
                self._surnames[token.text] = actor
        self._memory.remember(sent_no, actor, token, subject)
        return actor

    def _collect_conjoined_groups(self, sent: Span) -> None:
        for token in sent:
            if token.dep_ == "conj" and token.i in self._by_token and token.head.i in self._by_token:
                self._groups.append(self._by_token[token.head.i] + self._by_token[token.i])
