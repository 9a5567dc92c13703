"""Which tokens may head an actor mention: a name, a role word of the lexicons, a group word
with a modifier that says whose ("opposition supporters"). Asked for every noun of a document
by the resolution pass (actors.resolution), so the answer per word is cached."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.actors.coreference import COUNTERPART_LEMMAS
from eventscope.knowledge.coreference_words import coreference_words
from eventscope.actors.noun_phrases import act_words, is_leading_role, names_people_of_unknown_kind
from eventscope.actors.phrase import resolve_phrase
from eventscope.knowledge.actor_lexicon import tokenize
from eventscope.knowledge.actor_files import load_lexicon

GROUP_HEADS = {"men", "women", "leaders", "sides", "countries", "nations", "ministers", "governments",
               "parties", "officials", "states", "both"}  # the heads GROUP_RE can match
ACTOR_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
NON_ACTOR_ENTITY_TYPES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                          "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE"}
NON_ACTOR_SECTORS = {"JNK", "UNK"}  # lexicon markers for words that look like actors but are not
FUNCTION_WORDS = {"of", "for", "and", "in", "the", "on", "to", "at", "with", "by", "de"}
WHOSE_DEPS = {"compound", "amod", "nmod"}  # modifiers that may say whose a group is
LED = {"lead", "led"}  # "the Saudi-led coalition": the leader's ("Saudi-backed": the backer only aids)


class ActorHeads:
    """The head tests of one document's pass: `surnames` is the pass's own registry of
    titled people's surnames (read, never written here)."""

    def __init__(self, dictionaries, surnames: dict):
        self.dictionaries = dictionaries
        self._surnames = surnames
        self._cache: dict[str, bool] = {}

    def may_be_actor(self, token: Token) -> bool:
        """Cheap test before building phrases: most nouns ("talks", "weapons") name no actor,
        and only an actor head, a known surname, a group word or an appositive can give one."""
        return (self.names_an_actor(token) or token.lower_ in GROUP_HEADS
                or (token.pos_ == "PROPN" and token.text in self._surnames)
                or any(child.dep_ == "appos" for child in token.children))

    def names_an_actor(self, head: Token) -> bool:
        """A head whose phrase may be an actor: an actor head, a group word said whose, or a
        thing of a nationality that only role phrases end with ("a Chinese navy vessel")."""
        return (self.is_actor_head(head) or self.is_group_with_actor_modifier(head)
                or self.is_joint_body_said_whose(head) or national_role_thing(head))

    def is_actor_head(self, head: Token) -> bool:
        """Only heads that name an actor become one ('Russian officials', not 'Russian assistance')."""
        if head.ent_type_ in NON_ACTOR_ENTITY_TYPES:
            return False
        if head.ent_type_ in ACTOR_ENTITY_TYPES or head.pos_ == "PROPN":
            return True
        lemma = head.lemma_.lower()
        if lemma in COUNTERPART_LEMMAS:
            return True
        known = self._cache.get(head.lower_)
        if known is None and self.dictionaries is None and not load_lexicon().may_match_word(head.text):
            known = self._cache[head.lower_] = False  # most nouns: no lexicon entry at all
        if known is None:
            alone = resolve_phrase(head.text, dictionaries=self.dictionaries)
            known = bool(alone.country or (alone.sector and alone.sector not in NON_ACTOR_SECTORS)
                         or is_leading_role(head.text))
            self._cache[head.lower_] = known
        return known

    def is_group_with_actor_modifier(self, head: Token) -> bool:
        """A word for people of no known kind ("supporters", "members", "group", sector UNK in
        sectors.tsv) names an actor when a modifier says whose: "opposition supporters",
        "members of the Iranian parliament" ("his supporters", "a group of men" stay none)."""
        if head.pos_ != "NOUN" or not names_people_of_unknown_kind(head.lower_):
            return False
        return self._said_whose(head)

    def is_joint_body_said_whose(self, head: Token) -> bool:
        """A body several members form (coreference_words.tsv `joint_body`: "coalition",
        "alliance") names an actor when a modifier says whose it is or who leads it: "the
        Saudi-led coalition" (the leader's: it acts under the leader's command, as PETRARCH
        reads the country word), "an Arab alliance", "a coalition of Gulf states". Alone,
        or only backed by someone ("a Saudi-backed coalition"), it stays none."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in coreference_words()["joint_body"]:
            return False
        return self._said_whose(head) or any(
            c.dep_ in WHOSE_DEPS and c.lemma_.lower() in LED and any(
                g.dep_ in {"npadvmod", "compound", "amod", "nmod"} and self.is_actor_head(g) for g in c.lefts)
            for c in head.lefts)

    def _said_whose(self, head: Token) -> bool:
        """Does a modifier or an "of" part of the head name an actor ("opposition supporters",
        "members of the Iranian parliament"; not "his supporters")?"""
        return any(c.dep_ in WHOSE_DEPS and c.pos_ != "PRON" and self.is_actor_head(c)
                   for c in head.lefts) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and g.pos_ != "PRON" and self.is_actor_head(g) for g in c.children)
            for c in head.rights)


def national_role_thing(head: Token) -> bool:
    """"A Chinese navy vessel", "an Indian naval ship", "an Indian ship": a noun that is no
    role word alone but ends role phrases of the lexicons ("naval ship", "merchant vessel":
    a craft, crew or unit that acts for whoever it belongs to), given a nationality by an
    adjective, names an actor: its whole phrase is read (actors.phrase); a
    country's name says what it is about instead ("a Ukraine specialist"). An act word
    ("Chinese assistance", "a Russian investigation") is what someone does, never who."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in role_phrase_heads() or head.lemma_.lower() in act_words():
        return False
    return any(c.dep_ in {"amod", "compound", "nmod"} and any(
        e.kind == "demonym" for e in load_lexicon().lookup(tokenize(c.text))) for c in head.lefts)


@lru_cache(maxsize=1)
def role_phrase_heads() -> frozenset[str]:
    """The last words of the lexicons' multi-word role phrases that are no entry alone
    ("ship" of "naval ship", "vessel" of "merchant vessel"); not the objects of "minister of
    trade" and the like, which name portfolios."""
    table = load_lexicon().table
    return frozenset(k[-1] for k, entries in table.items() if len(k) > 1 and (k[-1],) not in table
                     and k[-1].isalpha() and not FUNCTION_WORDS.intersection(k)
                     and any(e.kind == "sector" for e in entries))
