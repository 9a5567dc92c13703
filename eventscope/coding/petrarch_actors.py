"""Actors of one sentence, coded only from the user's PETRARCH dictionaries.

When a PETRARCH verbs file is loaded, actors are coded the PETRARCH way: a noun phrase's
code is the longest dictionary actor in it plus its agents ("Arnor's foreign minister" ->
ARNGOVFRM); an agent with no actor takes the actor of its "of/in/from" phrase ("soldiers
from Gondor" -> GONMIL); conjoined phrases and conjoined modifiers ("Eriadori and
Calenardhon leaders") are one actor each. Nothing comes from the built-in lexicon, so the
dictionary's (possibly fictional) codes are what the coder reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventscope.actors.mentions import noun_phrase
from eventscope.knowledge.petrarch import has_part
from eventscope.coding.clauses import conjuncts

AFFILIATION_PREPS = {"of", "in", "from", "at"}
MODIFIER_DEPS = {"amod", "compound", "nmod"}


@dataclass
class PhraseActor:
    head: Token
    start: int  # token span of the phrase
    end: int
    codes: list[str]  # PETRARCH codes; "---" = the dictionary's null actor

    @property
    def has_country(self) -> bool:
        return any(not c.startswith("---") for c in self.codes)


class SentenceActors:
    def __init__(self, sent: Span, book, date: str | None):
        self.sent = sent
        self.book = book
        self.date = date
        self._cache: dict[str, list[str] | None] = {}
        self.by_head: dict[int, PhraseActor] = {}
        for token in sent:
            if _is_head(token):
                found = self._phrase_actor(token)
                if found is not None:
                    self.by_head[token.i] = found
        self._share_within_groups()

    # --- public ---------------------------------------------------------------------
    def spans(self) -> list[tuple[int, int]]:
        return sorted((a.start, a.end) for a in self.by_head.values())

    def compound_spans(self) -> list[tuple[int, int]]:
        out = []
        for actor in self.by_head.values():
            group = self.group(actor.head)
            if len(group) >= 2 and group[0].head.i == actor.head.i:
                out.append((min(a.start for a in group), max(a.end for a in group)))
            elif len(actor.codes) >= 2:
                out.append((actor.start, actor.end))
        return out

    def group(self, token: Token) -> list[PhraseActor]:
        """The actor at `token` and those conjoined with it, in text order."""
        root = token
        while root.dep_ in {"conj", "appos"} and root.head.i != root.i and root.head.i in self.by_head:
            root = root.head
        members: list[Token] = []
        pending = [root]
        while pending:  # conjuncts, and lists the parser hung on an apposition
            current = pending.pop(0)
            members.append(current)
            pending += [c for c in current.children if c.dep_ == "conj"
                        or (c.dep_ == "appos" and self._listed(current, c))]
        members.sort(key=lambda t: t.i)
        return [self.by_head[t.i] for t in members if t.i in self.by_head]

    def _listed(self, head: Token, appos: Token) -> bool:
        """Is an apposition another item of a list ("Mordor, the Shire, Fornost and Bree"),
        not a description of its head ("Minister Telemar", "Osgiliath, the state's foe")?"""
        if head.i not in self.by_head or appos.i not in self.by_head:
            return False
        mine, theirs = self.by_head[head.i].codes, self.by_head[appos.i].codes
        if not self.by_head[appos.i].has_country:
            return False
        if any(g.dep_ == "conj" for g in appos.children):
            return True
        plain = all(len(c) == 3 for c in mine + theirs)
        return plain and not set(mine) & set(theirs)

    def at_span(self, start: int, end: int) -> list[PhraseActor]:
        inside = [a for a in self.by_head.values() if start <= a.start and a.end <= end]
        if not inside:
            return []
        first = min(inside, key=lambda a: a.start)
        members = [a for a in self.group(first.head) if start <= a.start and a.end <= end]
        return members or [first]

    def first_after(self, index: int, within: set[int], exclude: set[int]) -> list[PhraseActor]:
        """The first actor phrase (and its conjuncts) after token `index` inside `within`."""
        for actor in sorted(self.by_head.values(), key=lambda a: a.start):
            if actor.start > index and actor.head.i in within and actor.head.i not in exclude:
                return self.group(actor.head) or [actor]
        return []

    def in_subtree(self, token: Token) -> list[PhraseActor]:
        heads = {t.i for t in token.subtree}
        for actor in sorted(self.by_head.values(), key=lambda a: a.start):
            if actor.head.i in heads:
                return self.group(actor.head) or [actor]
        return []

    # --- building ---------------------------------------------------------------------
    def _codes(self, text: str) -> list[str] | None:
        if text not in self._cache:
            self._cache[text] = self.book.full_codes(text, self.date)
        return self._cache[text]

    def _phrase_actor(self, head: Token) -> PhraseActor | None:
        span = noun_phrase(head)
        codes = self._list_codes(span) or []
        if not codes:
            for text in _modifier_variants(span):
                codes.extend(self._codes(text) or [])
        of_phrase = _of_object(head)
        if of_phrase is not None and not any(c.startswith("---") and len(c) == 3 for c in codes):
            # "the Prince of Dol Amroth", "Ministry of Silly Walks", "the government of Gondor":
            # a dictionary phrase may run through "of"
            joined = self._codes(f"{span.text} of {noun_phrase(of_phrase).text}")
            if joined and joined != self._codes(noun_phrase(of_phrase).text) or joined and not codes:
                codes = joined
        if codes and all(c.startswith("---") and len(c) > 3 for c in codes):
            owners = self._affiliation_codes(head)  # "soldiers from Gondor"
            if owners:
                codes = [o + a for o in owners for a in (c[3:] for c in codes) if not has_part(o, a)] or owners
        if not codes:
            return None
        return PhraseActor(head, span.start, span.end, list(dict.fromkeys(codes)))

    def _list_codes(self, span: Span) -> list[str] | None:
        """A list the parser folded into one phrase ("Arnor, Calenardhon and the evil Gondor"):
        the codes of its parts, when every part names an actor with a country."""
        pieces, current = [], []
        for token in span:
            if token.dep_ == "cc" or token.text == ",":
                if current:
                    pieces.append(current)
                current = []
            else:
                current.append(token)
        if current:
            pieces.append(current)
        if len(pieces) < 2:
            return None
        codes = []
        for piece in pieces:
            found = self._codes(" ".join(t.text for t in piece)) or []
            if not found or any(c.startswith("---") for c in found):
                return None
            codes += found
        return codes

    def _affiliation_codes(self, head: Token) -> list[str]:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPS:
                owners = []
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for member in conjuncts(pobj):
                        owners += [c for c in self._codes(noun_phrase(member).text) or []
                                   if not c.startswith("---")]
                if owners:
                    return owners
        return []

    def _share_within_groups(self) -> None:
        """'Lawmakers and officials in Fornost', 'Danish media and government': an agent
        with no actor of its own takes the country of its conjoined partner."""
        for actor in list(self.by_head.values()):
            if actor.has_country or actor.head.dep_ != "conj":
                continue
            partners = [a for a in self.group(actor.head) if a.has_country and a is not actor]
            if not partners:
                continue
            agents = [c[3:] for c in actor.codes]
            owners = [p.codes for p in partners][0]
            owner_countries = list(dict.fromkeys(c[:3] for c in owners))
            actor.codes = [o + a for o in owner_countries for a in agents]
        for actor in list(self.by_head.values()):
            if actor.has_country:
                continue
            for partner in self.group(actor.head):
                shared = self._affiliation_codes(partner.head)
                if shared and partner is not actor:
                    actor.codes = [o + c[3:] for o in shared for c in actor.codes]
                    break


def _of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if len(pobjs) == 1 and not any(g.dep_ == "conj" for g in pobjs[0].children):
                return pobjs[0]
    return None


def _is_head(token: Token) -> bool:
    if token.pos_ not in {"NOUN", "PROPN"} and not (token.pos_ == "ADJ" and token.dep_ != "amod"):
        return False
    if token.dep_ in {"compound", "flat", "poss"}:
        return False
    if token.dep_ in MODIFIER_DEPS | {"conj"} and token.head.pos_ in {"NOUN", "PROPN"} \
            and token.head.i > token.i and token.dep_ != "conj":
        return False
    return True


def _modifier_variants(span: Span) -> list[str]:
    """'Eriadori and Calenardhon leaders' -> 'Eriadori leaders', 'Calenardhon leaders'."""
    head = span.root
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS:
            joined = [c for c in child.children if c.dep_ == "conj"]
            if joined:
                last = max(c.right_edge.i for c in joined)
                tail = " ".join(t.text for t in span if t.i > last)
                head_text = " ".join(t.text for t in span if t.i < child.left_edge.i)
                return [f"{head_text} {m.text} {tail}".strip() for m in [child, *joined]]
    return [span.text]
