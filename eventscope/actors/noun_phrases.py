"""Reading actor noun phrases in a parse: a mention's head and its phrase, adjective and
compound variants ("Russian and Iranian ministers"), bare names, the country named before
"the country", and the stable key an actor is known by across documents. Stateless helpers
of the resolution pass (actors.resolution), kept apart so that pass reads in one sitting.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from eventscope.actors.phrase import resolve_country, resolve_phrase
from eventscope.actors.story import is_country, place_name
from eventscope.knowledge.actor_lexicon import PLACE_KINDS, fold, tokenize
from eventscope.knowledge.actor_files import load_lexicon
from eventscope.knowledge.place_words import place_words
from eventscope.models import Actor, decided

NP_LEFT_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case", "punct", "npadvmod"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
HONORIFICS = {"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sir", "madam"}
COUNTRY_WINDOW = 2  # sentences back "the country" may reach
COMPOUND_RE = re.compile(r"^(?i:the |a |an )?([A-Z][\w.]*)\s?-\s?([A-Z][\w.]*) (.+)$")  # "Russian-Iranian talks"
KEY_DROP_WORDS = {"the", "mr", "mrs", "ms", "dr", "sir", "madam", "president", "minister", "gen",
                  "general", "adm", "admiral", "rear", "col", "colonel", "lt", "sen", "senator", "rep"}


def country_named_before(token: Token) -> str | None:
    """"The country's president": the last country named before, in its sentence or the
    COUNTRY_WINDOW before it."""
    doc, start = token.doc, token.sent.start
    for _ in range(COUNTRY_WINDOW):
        if start > 0:
            start = doc[start - 1].sent.start
    for ent in reversed([e for e in doc.ents if start <= e.start and e.end <= token.i]):
        if ent.label_ in {"GPE", "NORP"} and is_country(country := resolve_country(place_name(ent).text)):
            return country
    return None


def salience(token: Token) -> int:
    """How likely a later pronoun is to stand for this mention: 2 for the subject (active or
    passive) of its sentence's main clause ("Volker told the committee that the president was
    not corrupt. He said ...": Volker), 1 for another clause's subject, 0 otherwise."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return 0
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return 2 if clause.dep_ == "ROOT" else 1


def noun_phrase(token: Token, with_of: bool = False) -> Span:
    """The noun phrase a head token stands for: its left modifiers and flat name parts, and
    with `with_of` its "of" phrase, which says whose a role or group word is ("the head *of
    the Iraqi army*", "members *of the Iranian parliament*")."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in {"compound", "flat"} or (child.dep_ == "case" and child.text == "'s"):
            right = max(right, child.i)
        elif with_of and child.dep_ == "prep" and child.lower_ == "of" and child.right_edge.i - child.i <= 8:
            right = max(right, child.right_edge.i)
    return token.doc[left : right + 1]


def parenthesised(token: Token) -> bool:
    """An acronym written in parentheses: "(MBS)"."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")" \
        and token.text.isupper() and len(token.text) > 1


def is_mention_head(token: Token) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
    if token.pos_ not in {"NOUN", "PROPN"} and not (token.pos_ == "ADJ" and token.ent_type_ == "NORP"):
        return False
    # a compound or flat part belongs to the phrase of its head
    if token.dep_ in {"compound", "flat"}:
        return False
    # a common-noun or adjective modifier ("military partnership", "Russian and Iranian
    # officials") is part of its head's phrase; a name used as modifier ("U.S. activity") is not
    modifier = token.dep_ in {"amod", "nmod"} or (token.dep_ == "conj" and token.head.dep_ in {"amod", "nmod"})
    return (not modifier or token.pos_ == "PROPN") and not in_a_seas_name(token)


def lowercase_words(doc) -> frozenset[str]:
    """The words (and their lemmas) a document writes in lower case: common words, not names."""
    return frozenset(w for t in doc if t.is_lower and t.is_alpha for w in (t.lower_, t.lemma_.lower()))


def is_capitalised_common_word(token: Token, lowercase: frozenset[str], lexicon) -> bool:
    """"Riot breaks out", "Riots Erupt Following Death": a capitalised word no lexicon knows,
    read by the parser as a name, is a headline's or a sentence's capitalised common word, not
    a person or a place, when every word of its name is one the same document writes in lower
    case ("riots have erupted") or an act word of the coder's own lexicons ("riot"), and so are
    most words of the name it is read as part of ("Riots Erupt Following Death")."""
    if (token.pos_ != "PROPN" and token.ent_type_ != "PERSON") or token.ent_type_ not in {"", "PERSON"} \
            or not token.is_title or len(token) < 3:
        return False  # places and bodies the parser names ("The United States") are left alone
    if token.ent_iob_ in {"B", "I"}:
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        words = [t for t in ent if t.is_title]
    else:
        words = [token, *(c for c in token.children if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN")]
    common = [t for t in words if _common_word(t, lowercase)]
    return token in common and 2 * len(common) > len(words) and not lexicon.scan(
        tokenize(" ".join(t.text for t in sorted(words, key=lambda t: t.i))))


def _common_word(token: Token, lowercase: frozenset[str]) -> bool:
    word = token.lower_
    forms = {word, token.lemma_.lower(), word[:-1] if word.endswith("s") else word}
    return bool(forms & lowercase) or any(f in act_words() for f in forms)


@lru_cache(maxsize=1)
def act_words() -> frozenset[str]:
    """Verbs and event nouns of the coder's own lexicons (coding/data/verbs.tsv, event_nouns.tsv;
    not the derived CAMEO.2.0 verbs, among which are surnames: "hunt", "stone")."""
    from eventscope.knowledge.verb_lexicon import default_lexicon, event_nouns

    own = {verb for verb, patterns in default_lexicon().verbs.items() if any(not p.derived for p in patterns)}
    return frozenset(own) | frozenset(event_nouns())


def in_a_seas_name(token: Token) -> bool:
    """"Aden" in "the Gulf of Aden": the "of" part of a capitalised water word
    (coding/data/place_words.tsv `water`) names a sea, not a place that could act."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    water = token.head.head
    return water.lower_ in place_words()["water"] and water.text[:1].isupper()


def adjective_variants(span: Span, span_text: str | None = None) -> list[str]:
    """'Russian and Iranian defense ministers' -> one phrase per conjoined adjective;
    'a Russian-Iranian delegation' -> one per part of a compound of two countries."""
    span_text = span.text if span_text is None else span_text
    compound = COMPOUND_RE.match(span_text)
    if compound and all(resolve_country(part) for part in compound.group(1, 2)):
        return [f"{part} {compound.group(3)}" for part in compound.group(1, 2)]
    head = span.root
    for child in head.lefts:
        if child.dep_ in {"amod", "compound", "nmod"}:
            conjuncts = [c for c in child.children if c.dep_ == "conj"]
            if conjuncts:
                rest = [t for t in span if t.i > max(c.right_edge.i for c in conjuncts)]
                tail = " ".join(t.text for t in rest)
                return [f"{adj.text} {tail}".strip() for adj in [child, *conjuncts]]
    return [span_text]


@lru_cache(maxsize=4096)
def names_people_of_unknown_kind(word: str) -> bool:
    """"supporters", "members", "group": sectors.tsv marks such words UNK."""
    return resolve_phrase(word).sector == "UNK"


@lru_cache(maxsize=4096)
def is_leading_role(word: str) -> bool:
    """A role word with no sector of its own ("leader", "chief", "chairman"): it heads an
    actor phrase ("Chinese leaders", "the chief of the army"), whose other words say who."""
    entries = load_lexicon().lookup(tokenize(word))
    return any(e.kind == "sector" and e.leads for e in entries)


def is_bare_name(span: Span) -> bool:
    # NER may tag a lone surname as a place; a run of proper nouns is still a bare name
    return all(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" or t.lower_ in HONORIFICS
               or t.dep_ in {"det", "case"} for t in span)


def is_surname_role_word(head: Token, dictionaries=None) -> bool:
    """"President David Granger": a person's name whose last word is also a role word
    ("granger", a farmer): after a given name the parser reads as the same person, the word is
    a surname and says nothing of the person's sector ("President" still does)."""
    before = head.doc[head.i - 1] if head.i > 0 else None
    if head.ent_type_ != "PERSON" or head.pos_ != "PROPN" or not head.is_title or before is None \
            or before.ent_type_ != "PERSON" or before.pos_ != "PROPN" or not before.is_title \
            or before.lower_ in HONORIFICS:
        return False
    alone = resolve_phrase(head.text, dictionaries=dictionaries)
    return bool(alone.sector) and not alone.country and decided(alone.evidence, "name") is None


def actor_key(actor: Actor) -> str:
    """A key that is stable across documents for one person or body: country, sector and
    the name folded (case, accents, dots) without honorifics, ranks or a leading "the".
    "Mr. Shamkhani" and "Ali Shamkhani" differ here; within a document coreference has
    already given both the full name, across documents the linking stage compares keys."""
    words = [w for w in fold(actor.name).replace(".", " ").replace("'s", "").split()
             if w not in KEY_DROP_WORDS]
    return f"{actor.country or ''}:{actor.sector or ''}:{' '.join(words)}"


def country_inside_a_name(actor: Actor, span: Span) -> bool:
    """Did a place inside a person's name (two or more words the parser tags as one person,
    and no more) give the actor its country, with no known person or body in the phrase?"""
    if sum(t.ent_type_ == "PERSON" for t in span) < 2 or any(
            t.ent_type_ != "PERSON" and t.is_alpha and t.lower_ not in HONORIFICS and t.dep_ != "det" for t in span):
        return False
    named = decided(actor.evidence, "name")
    if named is not None and named.value.startswith(("person:", "org:")):
        return False
    country = decided(actor.evidence, "country")
    return country is not None and country.value.split(":")[0] in PLACE_KINDS


def former_role(actor: Actor) -> bool:
    """Was the actor made ELI because a role of theirs has ended (not by a "former" in the text)?"""
    role = decided(actor.evidence, "role")
    return role is not None and role.qualifier == "former"
