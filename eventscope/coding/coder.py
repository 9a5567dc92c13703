"""The event coder: who did what to whom, from one parsed document.

For every predicate in a sentence the coder (1) finds a verb pattern, or a frame verb
applied to its complement ("agreed to sell"), (2) drops clauses that are negated,
conditional or speculative and turns future ones into intents or threats, (3) finds
source and target actors from the parse and the document's coreference, and (4) adds
date, place, a confidence and the evidence that fired. Reported speech is the speaker's
statement plus the reported act (coding.selection). Pure: Document + Doc in, DocumentResult
out. With a PETRARCH verbs dictionary, coding.petrarch_coder does the work instead (the
coding component, coding.component, chooses).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventscope.actors.mentions import DocActors
from eventscope.coding import clause_roles, clauses
from eventscope.coding import targets as targets_of
from eventscope.coding.targets import REQUEST_FRAMES
from eventscope.knowledge import taxonomy
from eventscope.coding.agents import attack_subject, crowd_doer, implicit_agent, where_they_acted
from eventscope.coding.doer_types import by_doer, own_forces_order
from eventscope.coding.said_acts import asks, cooperative, forewarning_code, judged_candidate, obliged_clause
from eventscope.coding.event_nouns import noun_events
from eventscope.coding.noun_doers import doers
from eventscope.coding.frames import apply_frame, generic_code
from eventscope.coding.frame_nouns import noun_frame
from eventscope.coding.implied_targets import aimed_at, unnamed_person
from eventscope.knowledge.implicit_agents import types_requiring_party, weapons
from eventscope.knowledge.verb_lexicon import Lexicon, VerbPattern, default_lexicon
from eventscope.coding.modality import Modality, not_done, own_modality, refuses, reported_modality
from eventscope.coding.modality_governors import frame_of
from eventscope.coding.modality_speakers import forecast_by_another, relayed
from eventscope.coding.modality_codes import (
    NEGATING_FRAME, RESTRAINT_FRAMES, WITHHELD, acts_itself, future_code, restraint_code, said_plan,
    withhold_model_readings, withheld_reason,
)
from eventscope.coding.places import place_of
from eventscope.coding.reaction_targets import aimed_at_reported_act
from eventscope.coding.predicates import WISH_FRAMES, clause_date, is_predicate, wish_of_someone_else
from eventscope.coding.retold import with_retold_targets
from eventscope.coding.selection import (
    STATEMENT_ROOT, Candidate, ConfidenceWeights, analyst_events, confidence as score_confidence, dedupe, is_story_main_event,
    SEVERAL_PARTIES, drop_subsumed, keep_reported_statements,
)
from eventscope.coding.verb_patterns import verb_pattern
from eventscope.coding.when import parse_iso
from eventscope.models import Document, DocumentResult, Event, Evidence, Sentence

SHOW_OF_FORCE = "150"  # CAMEO demonstrate military power: PLOVER MOBILIZE
PLURAL_TAGS = {"NNS", "NNPS"}


def filed_events(events: list[Event], withheld: list[Event]) -> tuple[list[Event], list[Event]]:
    """What the coder files of the events its rules and models read, and what it withholds:
    model readings of a withheld act join the withheld, then what an analyst would list, with
    retold acts' targets (tools/tune_judge.py replays the coder through this too)."""
    events, withheld = withhold_model_readings(events, withheld)
    return with_retold_targets(analyst_events(events)), withheld


class Coder:
    def __init__(self, lexicon: Lexicon | None = None, dictionaries=None, classifier=None,
                 weights: ConfidenceWeights = ConfidenceWeights(), encoder=None):
        self.lexicon = lexicon or default_lexicon()
        self.dictionaries = dictionaries
        self.classifier = classifier  # coding.classify.EventClassifier, or None: lexicon only
        self.weights = weights
        self.encoder = encoder  # coding.encoder.EventEncoder, or None: it judges each clause's kind of act
        self._near_lemmas: dict[str, str | None] = {}  # verb_patterns.near_lemma, per lemma

    def code(self, document: Document, doc: Doc, actors: DocActors | None = None) -> DocumentResult:
        """Events of one parsed document; `actors`: its mentions, when the actors step ran."""
        if actors is None:
            actors = DocActors(doc, document, self.dictionaries)
        sentences, events, withheld = [], [], []
        for sent_no, sent in enumerate(doc.sents):
            sentences.append(Sentence(document.id, sent_no, sent.start_char, sent.end_char, sent.text))
            for candidate in self._candidates(sent):
                event = self._event(candidate, sent, sent_no, document, actors)
                if event is not None and withheld_reason(event) is not None:
                    withheld.append(event)
                elif event is not None:
                    events.append(aimed_at_reported_act(event, candidate.action, events))
            events += noun_events(sent, sent_no, document, actors, self.lexicon,
                                  lambda token: clause_date(token, parse_iso(document.date), False, document))
        events = dedupe(keep_reported_statements(events))
        if self.classifier is not None:  # learned models settle categories, add what the lexicon missed
            events = self.classifier.revise(document, doc, actors, events)
        if self.encoder is not None:
            events = self._judged(document, doc, actors, events, withheld)  # its vetoes join `withheld`
        events, withheld = filed_events(events, withheld)
        return DocumentResult(document, sentences, actors.all_mentions(), events, withheld=withheld)

    def _judged(self, document: Document, doc: Doc, actors: DocActors, events: list[Event],
                withheld: list[Event] | None = None) -> list[Event]:
        """The event encoder judges each clause with an actor (coding.judge.revise); a story's
        main event keeps the type the story model read from the whole story; the acts it
        vetoes as not done are appended to `withheld`."""
        from eventscope.coding.judge import revise

        events = revise(document, doc, actors, events, self.encoder, self.lexicon, keep=is_story_main_event,
                        withheld=withheld)
        return [replace(e, id="") for e in events]  # the id hashes the code

    # --- finding predicates and their codes ------------------------------------------
    def _candidates(self, sent: Span) -> list[Candidate]:
        found: list[Candidate] = []
        consumed: set[int] = set()
        for token in sent:
            if not is_predicate(token, self.lexicon):
                continue
            frame = self._frame_of(token)
            # "said talks are impossible and the North should face sanctions": a judgement and
            # a demand, each of its own clause
            judged = judged_candidate(token, self.lexicon, self._pattern) if frame is None else None
            if judged is not None:  # "said talks with Kenya are impossible": the judgement is the act
                consumed.add(judged.action.i)
                found.append(judged)
            action = clauses.complement(token) if frame else None
            if frame in WISH_FRAMES:
                frame, action = wish_of_someone_else(token, frame, action)
                frame = said_plan(token, frame, self.lexicon)  # a plan narrated codes nothing
            obliged = obliged_clause(token, self.lexicon) if frame is None else None
            if obliged is not None:  # "said Europe should impose sanctions": a demand of Europe
                frame, action = "demand", obliged
            if frame in REQUEST_FRAMES and action is None:
                # "demanded that Uganda withdraw": the requested act is the that-clause's
                action = next((c for c in clauses.clause_complements(token) if c.pos_ in {"VERB", "AUX"}), None)
            if frame and action is not None:
                inner = self._pattern(action)
                if inner is None and obliged is not None:
                    inner = VerbPattern(token.lemma_.lower(), frozenset(), "100",
                                        f"{token.lemma_.lower()} .. {action.lemma_.lower()} (obligation) -> 100"), "100", False
                elif inner is None and frame in REQUEST_FRAMES and asks(action, self.lexicon):
                    asked = generic_code(frame)  # "insisted that the rebels must leave": a demand, whatever it asks
                    inner = VerbPattern(token.lemma_.lower(), frozenset(), asked,
                                        f"{token.lemma_.lower()} that .. {action.lemma_.lower()} ({frame}) -> {asked}"), asked, False
                if inner is not None:
                    pattern, code, fuzzy = inner
                    consumed.add(action.i)
                    framed = apply_frame(frame, code)
                    if framed is not None or frame == NEGATING_FRAME:  # "failed to release": read, withheld
                        found.append(Candidate(token, action, framed or code, pattern, frame, fuzzy,
                                               [f"frame {frame}"]))
                    continue
            if judged is not None:
                continue
            own = self._pattern(token)
            if own is not None:
                pattern, code, fuzzy = own
                code = forewarning_code(token, pattern, code, self.lexicon)  # "warned that ... may collapse"
                owned = said_plan(token, noun_frame(token, self.lexicon), self.lexicon)  # "Uganda's refusal to attend"
                framed = apply_frame(owned, code) if owned else None
                if framed is not None:
                    found.append(Candidate(token, token, framed, pattern, owned, fuzzy,
                                           [f"frame {owned} of the noun '{token.head.lemma_}'"]))
                elif owned is None:  # a noun frame that voids its act ("Kenya's plan to buy") codes nothing
                    found.append(Candidate(token, token, code, pattern, None, fuzzy))
        found = [c for c in found if c.frame or c.verb.i not in consumed]
        return drop_subsumed(found)

    def _frame_of(self, token: Token) -> str | None:
        return frame_of(token, self.lexicon)

    def _pattern(self, verb: Token) -> tuple[VerbPattern, str, bool] | None:
        return verb_pattern(verb, self.lexicon, self._near_lemmas)

    # --- from a candidate to an event ----------------------------------------------------
    def _event(self, cand: Candidate, sent: Span, sent_no: int, document: Document, actors: DocActors) -> Event | None:
        lex = self.lexicon
        code = cand.code
        # a clause not reported as done is read through (its actors, its code) but withheld:
        # the evaluation counts the done acts withheld so (evaluation.realnews)
        withheld = "negated" if cand.frame == NEGATING_FRAME else not_done(cand.verb, lex)
        modality = reported_modality(cand.verb, lex)  # "is about to restore" is like "will restore"
        if withheld == Modality.NEGATED.value and cand.frame is None and cooperative(code) and refuses(cand.verb, lex):
            if forecast_by_another(cand.verb, actors, lex):
                withheld = "forecast by another"  # "analysts say Russia will not extend the deal"
            else:  # "Russia will not extend the grain deal": a refusal, said or narrated of its doer
                code, withheld = apply_frame("refuse", code), None
                cand.notes.append("refused: a negated future act")
        if withheld is None and acts_itself(cand.frame) and modality == Modality.FUTURE:  # "will (try to) attack"
            if forecast_by_another(cand.verb, actors, lex):
                withheld = "forecast by another"  # "analysts say Iran will retaliate": no one's stated intent
            elif future_code(code, relayed(cand.verb, actors, lex)) is None:
                withheld = "planned"  # "he will visit Kampala, Xinhua reported": a schedule, no commitment
            else:  # future cooperation is an intent, future force a threat
                code = future_code(code)
                cand.notes.append("future tense")
                if code is None:
                    return None
        if withheld is None and cand.frame and own_modality(cand.action, lex) == Modality.NEGATED:
            if cand.frame in REQUEST_FRAMES:  # "urged Mali not to expel", "said Uganda must not close":
                code = generic_code(cand.frame)  # the appeal or demand is made; of what, the code cannot say
                cand.notes.append(f"{cand.frame} that an act not be done")
            else:  # "decided not to attend": a refusal; "pledged not to attack": a promise to de-escalate
                inner = self._pattern(cand.action) if cand.frame in RESTRAINT_FRAMES else None
                restrained = restraint_code(inner[1]) if inner else None
                if restrained is None:  # the act keeps its code, withheld
                    withheld = "negated act"  # "vowed not to comment", "threatened not to attend"
                else:
                    code = restrained
                    cand.notes.append(f"{cand.frame} not to act")
        if withheld is not None:
            cand.notes.append(f"{WITHHELD}: {withheld}")

        source_tokens, passive = clause_roles.subject_tokens(cand.verb)
        source_tokens = targets_of.through_quantities(source_tokens)  # "thousands of protesters clashed"
        sources = actors.actors_of(source_tokens)
        target_heads = targets_of.target_heads(cand)
        source_entities = {a.entity for a in sources}
        launched = [t for t in target_heads if t.lemma_.lower() in weapons()]  # used, not aimed at
        target_heads = [t for t in target_heads if t not in launched]
        targets = [a for a in actors.actors_of(target_heads) if a.entity not in source_entities]
        if not targets and launched and not aimed_at(cand.action, launched) and code[:2] == "19" and any(
                weapons()[t.lemma_.lower()] for t in launched):
            code = SHOW_OF_FORCE  # "launched two ballistic missiles off its coast": a test, not an attack
            cand.notes.append(f"weapon launched at no one: {launched[0].lemma_}")
        info = taxonomy.cameo(code)
        sources, targets, fallback = targets_of.complete(cand.verb, cand.action, info.code, sources, targets, target_heads,
                                                         source_tokens, actors, self.lexicon, cand.notes)
        attack = attack_subject(source_tokens, info.code) if not sources else None
        if attack is not None:  # "an air strike killed seven": the noun's doer, else implied, else none
            sources, how = doers(attack, actors)
            cand.notes.extend(how or [f"subject is an attack noun ({attack.lemma_}): doer not named"])
            if not targets:  # "air strikes killed 13 people": the people it killed
                targets = unnamed_person(target_heads, cand.action, info.root, actors)
                cand.notes += [f"target: unnamed person ({targets[0].text})"] if targets else []
        place = place_of(cand.action, info.root)
        if place:  # "police arrested her in Oslo": Norway's police, whatever the story's country
            sources = where_they_acted(sources, place[1], cand.notes)
            targets = where_they_acted(targets, place[1], cand.notes)
        if not sources and (passive or attack is not None) and targets:  # "was arrested", "an air strike killed"
            where = place or (place_of(attack, info.root) if attack is not None else None)
            sources = implicit_agent(info.code, targets, actors.story_country, cand.notes,
                                     place_country=where[1] if where else None)
        if not sources and not passive and attack is None:  # "taxi drivers blocked the road" (coding.agents)
            sources = crowd_doer(source_tokens, info.code, cand.verb, cand.action, actors, cand.notes)
        if not sources and (not ((passive or attack) and targets) or info.root == STATEMENT_ROOT):
            return None
        info, targets = own_forces_order(cand, by_doer(info, sources, cand.notes, cand.action.lemma_), sources, targets)
        if not targets and len(sources) == 1 and info.plover in types_requiring_party() and any(
                t.tag_ in PLURAL_TAGS for t in source_tokens):
            cand.notes.append(SEVERAL_PARTIES)  # "the ministers of A and B met": they met each other
        if cand.pattern.derived and not cand.pattern.objects and (not (sources and targets) or fallback):
            # a CAMEO.2.0 verb with no object evidence ("took", "faced"): only as a dyad of its
            # own arguments, not with a target guessed from a name in its phrases ("serving a
            # term in Britain", "broke with his rival's victory in Ohio")
            return None

        published = parse_iso(document.date)
        future = modality == Modality.FUTURE  # "agreed in March to sell" is a past agreement
        date, precision = clause_date(cand.verb if cand.frame else cand.action, published, future, document)
        start = min([cand.verb.left_edge.idx] + [t.left_edge.idx for t in source_tokens if t.sent == sent])
        end = max(cand.verb.right_edge.idx + len(cand.verb.right_edge.text), cand.action.idx + len(cand.action.text))
        confidence = score_confidence(cand, info.root, sources, targets, fallback, self.weights)
        rules = [*cand.notes] + (["fuzzy lemma"] if cand.fuzzy else []) + (["target from clause"] if fallback else [])
        evidence = (Evidence("pattern", f"pattern {cand.pattern.label}", entry=cand.pattern.label),
                    *(Evidence("rule", rule) for rule in rules))
        trigger = cand.action.text if cand.action.i == cand.verb.i else f"{cand.verb.text} .. {cand.action.text}"
        return Event(
            doc_id=document.id, sentence=sent_no, span=(start, end), source=sources, target=targets,
            cameo=info.code, cameo_root=info.root, goldstein=info.goldstein, quad_class=info.quad_class,
            plover=info.plover or None, plover_mode=info.plover_mode or None,
            plover_context=info.plover_context or None, date=date, date_precision=precision,
            location=place[0] if place else None, location_country=place[1] if place else None,
            trigger=trigger, confidence=confidence, evidence=evidence,
        )
