"""The hook between the coder and the event encoder (configuration `encoder`, off by default).

The parse, the knowledge and the rules decide who, whom, when and where; the encoder judges
what kind of act a clause is, and whether it was done. `revise` runs at the end of
`Coder.code`, after the linear models, on a document's events:

1. Every event with a source or target actor (a story's main event excepted: the story model
   chose it reading the whole text) is read by the encoder with its trigger marked; in a
   story only when `veto` or `story_recode` is set (else no reading could change an event).
2. Veto (stories only, when `veto` is set): when the modality head reads the clause as not
   done (negated, intended, requested, hypothetical, reported as uncertain) with p(not done) =
   1 - p(done) >= `veto`, the event is withheld (DocumentResult.withheld, with a "withheld as
   not done" rule record naming the model, the modality it read and the probabilities), unless
   it is a verbal act, done when said, whose code says what was not done
   (statements, appeals, intents, demands, accusations, rejections, threats: CAMEO 01-03,
   10-13); with the veto alone such acts are not even read. An analyst lists what a story says was done; a sentence set (Multi-CoPED,
   PETRARCH tests) asks what kind of act each sentence tells, done or not, and there the veto
   cost 0.023 class5 macro-F1 in the grouped CV.
3. Recode: when the class5 head is sure (>= `recode` in sentence sets, `story_recode` in
   stories, when set) of another class than the event's, the event gets the most probable CAMEO root
   of that class; its PLOVER type follows the code. A threat or intent stays one (the
   model reads the act, not its modality), and a statement (CAMEO 01) is never recoded nor
   made: "X said" reads as the act it frames, which is an event of its own
   (selection.analyst_events drops the bare "said").
4. Sentence sets only (no headline, fewer than three sentences: not classify.thresholds.is_story):
   each event's confidence is blended with the model's probability of its class, so the
   reading the model believes becomes the main event; and a sentence left without an event
   an analyst would file (selection.analyst_events) whose root clause has an actor (subject,
   object or named before/after the verb) gets one event of the class the model is sure of
   (>= `create`), with the clause's actors (coding/judge_added.py). A story's clauses never get
   an event from the model: news stories have many actor clauses that report no event.

Stories are neither vetoed nor recoded by default (`veto` and `story_recode` None), and then the
encoder reads none of a story's events (it could change none; only sentence sets are read): chosen
by tools/tune_judge.py on the real-news dev set's train split, each article read by the
encoder fold model that never saw it. Choosing both thresholds on three folds' articles and
scoring the fourth left F1 at 0.309 and lowered precision (0.339 -> 0.331) and
type_given_dyad (0.655 -> 0.630); the veto alone was chosen "none" in every fold. The heldout
split was not looked at to choose (README, "The event encoder"). Recode 0.8 and the
sentence-set rules were set after looking at Multi-CoPED CV figures.
Every change is written into the event's evidence as `model` records, after the records of
the rule or pattern that proposed the clause, which stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventscope.coding.encoder import EventEncoder, Judgement, Span
from eventscope.coding.judge_added import class_of, created_events, root_of_class
from eventscope.coding.modality_codes import WITHHELD
from eventscope.knowledge import taxonomy
from eventscope.models import Event, Evidence

NO_PLOVER = "NONE"
DONE = "done"
SAYS_NOT_DONE = {"01", "02", "03", "10", "11", "12", "13"}  # statements, appeals, intents, demands,
# accusations, rejections, threats: said is done, and the code says what was not done
PROMISE_ROOTS = {"03", "13"}
STATEMENT = "01"  # "X said": the frame of a reported act, which is an event of its own


@dataclass(frozen=True)
class JudgeSettings:
    veto: float | None = None  # stories: p(not done) = 1 - p(done) that withholds an event coded as done; None: never
    recode: float = 0.8  # sentence sets: class5 probability needed to recode an event to another class
    story_recode: float | None = None  # the same in stories; None: stories are never recoded
    recode_pairs: frozenset | None = None  # stories: (from, to) class5 pairs that may be recoded; None: all
    blend: float = 0.5  # sentence sets: weight of the model's p(event's class) in its confidence
    create: float = 0.5  # sentence sets: class5 probability needed to add an event
    created_base: float = 0.2  # confidence of an added event: base + slope * p, at most cap
    created_slope: float = 0.5  # (as the linear sentence model's, classify.thresholds.Thresholds)
    created_cap: float = 0.6


def clause_input(event: Event, sentence_text: str, sentence_start: int) -> tuple[str, Span]:
    """(sentence, span of the trigger within it): the trigger searched for inside the
    event's clause span first, then anywhere in the sentence; no span when not found."""
    trigger = (event.trigger or "").strip()
    if not trigger:
        return sentence_text, None
    clause_start = max(0, event.span[0] - sentence_start)
    at = sentence_text.find(trigger, clause_start)
    if at < 0:
        at = sentence_text.find(trigger)
    return sentence_text, (at, at + len(trigger)) if at >= 0 else None


def sentences_of(doc) -> list[tuple[int, str]]:
    """(start character, text) of each sentence of a spaCy Doc."""
    return [(s.start_char, s.text) for s in doc.sents]


def judge_events(events: list[Event], sentences: list[tuple[int, str]],
                 encoder: EventEncoder) -> list[tuple[Event, Judgement]]:
    """The encoder's judgement of every event that has a source or target actor, batched.
    `sentences`: (start character, text) of the document's sentences, in order (a
    DocumentResult's `Sentence`s give them, as does `sentences_of(doc)`)."""
    chosen = [e for e in events if (e.source or e.target) and 0 <= e.sentence < len(sentences)]
    inputs = [clause_input(e, sentences[e.sentence][1], sentences[e.sentence][0]) for e in chosen]
    return list(zip(chosen, encoder.predict(inputs))) if chosen else []


def judged_events(events: list[Event], sentences: list[tuple[int, str]], encoder: EventEncoder,
                  keep=lambda event: False) -> dict[int, Judgement]:
    """Event index -> the encoder's judgement, for the events `judge_events` chooses that
    `keep` does not leave alone."""
    index = {id(e): k for k, e in enumerate(events)}
    return {index[id(e)]: j for e, j in judge_events([e for e in events if not keep(e)], sentences, encoder)}


def _recode(event: Event, code: str) -> None:
    info = taxonomy.cameo(code)
    event.cameo, event.cameo_root = info.code, info.root
    event.goldstein, event.quad_class = info.goldstein, info.quad_class
    event.plover, event.plover_mode = info.plover or None, info.plover_mode or None
    event.plover_context = info.plover_context or None


def not_done_reading(judgement: Judgement) -> tuple[str, float]:
    """(the likeliest not-done modality, p(not done) = 1 - p(done)) of a judgement."""
    modality, _ = judgement.best("modality", [m for m in judgement["modality"] if m != DONE])
    return modality, 1.0 - judgement["modality"].get(DONE, 0.0)


def vetoed(event: Event, judgement: Judgement, model: str, settings: JudgeSettings,
           sentence_set: bool = False) -> Event | None:
    """The event marked as withheld (a WITHHELD rule record naming the model and its
    probabilities) when the veto applies: a story's act coded as done that the modality head
    reads as not done with p(not done) >= settings.veto, unless a verbal act done when said
    (SAYS_NOT_DONE); else None."""
    root = (event.cameo_root or event.cameo or "")[:2]
    if sentence_set or settings.veto is None or root in SAYS_NOT_DONE:
        return None
    modality, p_not_done = not_done_reading(judgement)
    if p_not_done < settings.veto:
        return None
    p_done = judgement["modality"].get(DONE, 0.0)
    event.evidence = tuple(event.evidence) + (
        Evidence("model", f"{model} modality {modality}", weight=round(judgement["modality"][modality], 3)),
        Evidence("model", f"{model} modality done", weight=round(p_done, 3)),
        Evidence("rule", f"{WITHHELD}: {model} reads it {modality} (p not done {p_not_done:.2f} >= {settings.veto})"))
    return event


def needs_reading(event: Event, settings: JudgeSettings, sentence_set: bool) -> bool:
    """Could a judgement change `event`? In a story with only the veto set, a verbal act done
    when said (SAYS_NOT_DONE) cannot be vetoed, so it is not read (the encoder's time)."""
    if sentence_set or settings.story_recode is not None:
        return True
    return settings.veto is not None and (event.cameo_root or event.cameo or "")[:2] not in SAYS_NOT_DONE


def settle(event: Event, judgement: Judgement, model: str, settings: JudgeSettings = JudgeSettings(),
           sentence_set: bool = False) -> Event | None:
    """The event as the encoder's judgement leaves it; None when vetoed as not done (`vetoed`
    marks it withheld first, for `settle_all` to collect)."""
    if vetoed(event, judgement, model, settings, sentence_set) is not None:
        return None
    modality, p_modality = judgement.best("modality")
    root = (event.cameo_root or event.cameo or "")[:2]
    cls_label, p_cls = judgement.best("class5")
    cls, own = int(cls_label), class_of(event.cameo)
    found = [Evidence("model", f"{model} class5 {cls}", weight=round(p_cls, 3)),
             Evidence("model", f"{model} modality {modality}", weight=round(p_modality, 3))]
    promise = root in PROMISE_ROOTS and cls in (2, 4)
    code = root_of_class(judgement, cls)
    needed = settings.recode if sentence_set else settings.story_recode
    allowed = sentence_set or settings.recode_pairs is None or (own, cls) in settings.recode_pairs
    if needed is not None and own != cls and p_cls >= needed and allowed and not promise \
            and STATEMENT not in (root, code):
        found.append(Evidence("model", f"{model} CAMEO {event.cameo or '-'} -> {taxonomy.cameo(code).code}",
                              weight=round(judgement["cameo"][code], 3)))
        _recode(event, code)
        own = cls
    if sentence_set and own is not None:
        p_own = judgement["class5"].get(str(own), 0.0)
        event.confidence = round((1 - settings.blend) * event.confidence + settings.blend * p_own, 3)
    event.evidence = tuple(event.evidence) + tuple(found)
    return event


def decide(event: Event, judgement: Judgement, model: str) -> Event:
    """`settle` without veto or threshold: the class5 head always chooses the class (the
    coder's category when the encoder alone decides; tools/eval_event_model.py)."""
    return settle(event, judgement, model, JudgeSettings(veto=None, recode=0.0, story_recode=0.0)) or event


def settle_all(events: list[Event], judged: dict[int, Judgement], model: str, settings: JudgeSettings,
               sentence_set: bool, withheld: list[Event] | None = None) -> list[Event]:
    """`events` as the encoder's judgements leave them (`judged`: event index -> judgement;
    an event without one stays as it is), vetoed ones dropped, in order; the vetoed ones,
    marked withheld, are appended to `withheld` when given."""
    out = []
    for k, event in enumerate(events):
        settled = event if k not in judged else settle(event, judged[k], model, settings, sentence_set)
        if settled is not None:
            out.append(settled)
        elif withheld is not None:
            withheld.append(event)
    return out


def is_sentence_set(document, n_sentences: int) -> bool:
    """A bare sentence or two without a headline (a coded sentence set), not a story."""
    from eventscope.coding.classify.thresholds import is_story

    return not is_story(document, n_sentences)


def reads_stories(settings: JudgeSettings) -> bool:
    """Does the encoder read a story's events? Only when a veto or a story recode is set: else
    no judgement could change an event, and the reading would only be written into evidence."""
    return settings.veto is not None or settings.story_recode is not None


def revise(document, doc, actors, events: list[Event], encoder: EventEncoder, lexicon,
           settings: JudgeSettings = JudgeSettings(), keep=lambda event: False,
           withheld: list[Event] | None = None) -> list[Event]:
    """The document's events after the encoder's judgement (see the module docstring);
    `actors`: the document's DocActors; `keep(event)`: events the encoder leaves alone (a
    story's main event); `withheld`: collects the events vetoed as not done."""
    sents = list(doc.sents)
    sentence_set = is_sentence_set(document, len(sents))
    if not sentence_set and not reads_stories(settings):
        return sorted(events, key=lambda e: (e.sentence, e.span[0]))
    sentences = [(s.start_char, s.text) for s in sents]
    unread = lambda e: keep(e) or not needs_reading(e, settings, sentence_set)  # noqa: E731
    out = settle_all(events, judged_events(events, sentences, encoder, unread), encoder.name, settings,
                     sentence_set, withheld)
    if sentence_set:
        out += created_events(document, sents, actors, lexicon, out, encoder, settings)
    return sorted(out, key=lambda e: (e.sentence, e.span[0]))
