"""Coding with user PETRARCH dictionaries: the dictionary's verb patterns and actor codes.

Used by ``Coder`` when a PETRARCH verbs file is loaded. For every verb of a sentence the
best matching pattern of its verb block gives the code (``coding.petrarch_match``);
negation, modality and the like are what the patterns say they are, as in PETRARCH
("WILL NOT * [081]"). Source and target come from the pattern's ``$``/``+``/``%`` slots,
else from the parse: the subject (the "by" agent of a passive) and the first actor phrase
after the verb inside its clause. Discard phrases drop their sentence or story.
Every event's ``evidence`` names the pattern line that fired.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventscope.coding import clauses
from eventscope.coding import clause_roles
from eventscope.knowledge import taxonomy
from eventscope.knowledge.verb_lexicon import Lexicon
from eventscope.coding.petrarch_actors import PhraseActor, SentenceActors
from eventscope.coding.petrarch_match import PatternMatch, SentenceSpans, best_match
from eventscope.models import Actor, Document, DocumentResult, Event, Evidence, Sentence

VERB_POS = {"VERB"}


class PetrarchCoder:
    def __init__(self, lexicon: Lexicon, book):
        self.lexicon = lexicon
        self.book = book

    def code(self, document: Document, doc: Doc, actors=None) -> DocumentResult:
        """`actors` is not used: PETRARCH reads actors per sentence from its dictionary."""
        sentences = [Sentence(document.id, n, s.start_char, s.end_char, s.text)
                     for n, s in enumerate(doc.sents)]
        result = DocumentResult(document, sentences, [], [])
        if self.book.discard(" ".join(filter(None, [document.title, document.text]))) == "story":
            return result
        for sent_no, sent in enumerate(doc.sents):
            if self.book.discard(sent.text):
                continue
            actors = SentenceActors(sent, self.book, document.date)
            phrases = [(c.start, c.end) for c in sent.noun_chunks]
            spans = SentenceSpans(sent, actors.spans(), actors.compound_spans(), phrases)
            for token in sent:
                if token.pos_ not in VERB_POS:
                    continue
                patterns = self._patterns(token)
                found = best_match(patterns, token, spans) if patterns else None
                if found is None or not found.pattern.code:
                    continue
                result.events.extend(self._events(found, token, sent, sent_no, actors, document))
        result.actors = _mentions(result.events)
        return result

    def _patterns(self, token: Token) -> list:
        # surface forms only, as PETRARCH: the file lists what it means ("LEFT" is not "LEAVE")
        return self.lexicon.sequences.get(token.lower_, [])

    def _codes_anything(self, clause: Token) -> bool:
        """A verb of the dictionary in the clause headed by `clause`."""
        return any(self._patterns(t) for t in clause.subtree if t.pos_ in ("VERB", "AUX"))

    # --- who did it to whom -------------------------------------------------------------
    def _events(self, found: PatternMatch, verb: Token, sent: Span, sent_no: int,
                actors: SentenceActors, document: Document) -> list[Event]:
        pattern = found.pattern
        pairs: list[tuple[list[PhraseActor], list[PhraseActor], str]] = []
        compound = found.slots.get("compound")
        if compound is not None and compound[0] < found.verb_start:
            # "% HAVE POSTPONED *": the members of a compound subject act on each other
            members = actors.at_span(*compound)
            for i, first in enumerate(members):
                for second in members[i + 1:]:
                    pairs.append(([first], [second], pattern.code))
                    pairs.append(([second], [first], pattern.reverse or pattern.code))
        else:
            sources, targets = self._roles(found, verb, actors)
            for source in sources:  # one event per source, so nobody acts on itself
                others = [t for t in targets if set(t.codes) != set(source.codes)]
                if others:
                    pairs.append(([source], others, pattern.code))
                    if pattern.reverse:
                        pairs.append((others, [source], pattern.reverse))
        events = []
        for sources, targets, code in pairs:
            event = self._event(code, sources, targets, found, verb, sent, sent_no, document)
            if event is not None:
                events.append(event)
        return events

    def _roles(self, found: PatternMatch, verb: Token, actors: SentenceActors):
        sources: list[PhraseActor] = []
        targets: list[PhraseActor] = []
        if "source" in found.slots:
            sources = actors.at_span(*found.slots["source"])
        if "target" in found.slots:
            targets = actors.at_span(*found.slots["target"])
        elif "compound" in found.slots:  # "* WITH %": a compound target
            targets = actors.at_span(*found.slots["compound"])
        subject_heads, passive = _subjects(verb)
        passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive and subject_heads and passive_subjects:  # "was opposed by Osgiliath"
            if not sources:
                sources = self._group_of(subject_heads, actors)
            if not targets:
                targets = self._group_of(passive_subjects, actors)
            return sources, targets
        if not sources:
            sources = self._group_of(subject_heads or passive_subjects, actors)
        if not targets:
            # an actor inside an infinitive the dictionary cannot code is that infinitive's,
            # not this verb's: "proposed to take up the issue with the Bank" targets nobody
            within = {t.i for t in verb.subtree} - {
                t.i for c in verb.children if c.dep_ == "xcomp" and not self._codes_anything(c)
                for t in c.subtree}
            exclude = {a.head.i for a in sources}
            targets = actors.first_after(found.verb_end - 1, within, exclude)
        return sources, targets

    @staticmethod
    def _group_of(heads: list[Token], actors: SentenceActors) -> list[PhraseActor]:
        out: list[PhraseActor] = []
        for head in heads:
            group = actors.group(head) if head.i in actors.by_head else actors.in_subtree(head)
            if not group and head.pos_ == "PRON":  # "Ethiopia indicated it would act"
                group = PetrarchCoder._group_of(_reporting_subjects(head), actors)
            out += [a for a in group if a not in out]
        return out

    def _event(self, code: str, sources: list[PhraseActor], targets: list[PhraseActor],
               found: PatternMatch, verb: Token, sent: Span, sent_no: int,
               document: Document) -> Event | None:
        try:
            info = taxonomy.cameo(code)
        except KeyError:
            return None  # a code that is no CAMEO code at all ("abc")
        source_actors = [_actor(c, a) for a in sources for c in a.codes]
        source_entities = {a.entity for a in source_actors}
        target_actors = [t for t in (_actor(c, a) for a in targets for c in a.codes)
                         if t.entity not in source_entities]  # nobody acts on itself
        if not source_actors or not target_actors:
            return None
        doc = verb.doc
        start = min([sent.start_char] + [a.start for a in source_actors if a.start >= 0])
        start = max(start, sent.start_char)
        end = max([verb.idx + len(verb.text)] + [a.end for a in target_actors])
        return Event(
            doc_id=document.id, sentence=sent_no, span=(start, end), source=source_actors,
            target=target_actors, cameo=info.code, cameo_root=info.root or code[:2],
            goldstein=info.goldstein, quad_class=info.quad_class, plover=info.plover or None,
            plover_mode=info.plover_mode or None, plover_context=info.plover_context or None,
            date=document.date, date_precision="published" if document.date else None,
            trigger=doc[found.verb_start:found.verb_end].text,
            confidence=round(min(0.95, 0.6 + 0.05 * found.pattern.size), 3),
            evidence=(Evidence("pattern", f"petrarch pattern {found.pattern.label}", entry=found.pattern.label),),
        )


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """All subjects of a verb ("Lions, tigers, and Gondor" may parse as two)."""
    own = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if len(own) > 1:
        return [m for c in own for m in clauses.conjuncts(c)], False
    heads, passive = clause_roles.subject_tokens(verb)
    if not heads:  # a subject the parser hung on the auxiliary ("The Philippines was ...")
        heads = [g for c in verb.children if c.dep_ in {"aux", "auxpass"}
                 for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}]
    if not heads and not passive and verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:
        # "Gollum was seen to break": the passive subject of the governing verb
        heads = [m for c in verb.head.children if c.dep_ == "nsubjpass" for m in clauses.conjuncts(c)]
    return heads, passive


def _reporting_subjects(pronoun: Token) -> list[Token]:
    clause = pronoun.head
    while clause.dep_ in {"aux", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in {"ccomp", "xcomp", "advcl"}:
        return []
    return [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]


def _actor(code: str, phrase: PhraseActor) -> Actor:
    doc = phrase.head.doc
    span = doc[phrase.start:phrase.end]
    country = None if code.startswith("---") else code[:3]
    return Actor(name=span.text, country=country, sector=code[3:] or None, text=span.text,
                 start=span.start_char, end=span.end_char, entity=f"petrarch:{code}",
                 evidence=(Evidence("dictionary", f"dictionary code={code}"),))


def _mentions(events: list[Event]) -> list[Actor]:
    seen, out = set(), []
    for event in events:
        for actor in event.source + event.target:
            key = (actor.start, actor.end, actor.entity)
            if key not in seen:
                seen.add(key)
                out.append(actor)
    return out
