"""The hook between the coder and the event encoder (not wired into the coder yet).

The parse, the knowledge and the rules decide who, whom, when and where; the encoder judges
what kind of act a clause is. Per clause with a candidate actor:

    judgements = judge_events(events, sentences, encoder)   # batched; only events with an actor
    for event, judgement in judgements:
        decide(event, judgement, encoder.name)

`decide` lets the model's class5 head choose the class of act; the lexicon's code stays when
it is of that class, else the event gets the most probable CAMEO root of the class. The
PLOVER type (and mode) follow the PLOVER head. The evidence names the model, its
probabilities and its modality reading (Evidence records of kind "model"), after the
records of the rule or pattern that proposed the clause, which stay.
"""

from __future__ import annotations

from eventscope.knowledge import taxonomy
from eventscope.coding.encoder import EventEncoder, Judgement, Span
from eventscope.models import Event, Evidence

NO_PLOVER = "NONE"


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


def _class_of(code: str) -> int | None:
    try:
        return taxonomy.class5(code)
    except KeyError:
        return None


def decide(event: Event, judgement: Judgement, model: str) -> Event:
    """Let the encoder settle the event's category (see the module docstring)."""
    cls_label, p_cls = judgement.best("class5")
    cls = int(cls_label)
    found = [Evidence("model", f"{model} class5 {cls}", weight=round(p_cls, 3))]
    if _class_of(event.cameo) != cls:
        roots = [r for r in judgement["cameo"] if _class_of(r) == cls]
        root, p_root = judgement.best("cameo", roots)
        info = taxonomy.cameo(root)
        found.append(Evidence("model", f"{model} CAMEO {event.cameo or '-'} -> {info.code}", weight=round(p_root, 3)))
        event.cameo, event.cameo_root = info.code, info.root
        event.goldstein, event.quad_class = info.goldstein, info.quad_class
    plover, p_plover = judgement.best("plover")
    plover = None if plover == NO_PLOVER else plover
    if plover != event.plover:
        found.append(Evidence("model", f"{model} PLOVER {event.plover or '-'} -> {plover or '-'}",
                              weight=round(p_plover, 3)))
        event.plover, event.plover_mode, event.plover_context = plover, None, None
    if event.plover and not event.plover_mode:
        mode, p_mode = judgement.mode(event.plover)
        if mode:
            event.plover_mode = mode
            found.append(Evidence("model", f"{model} mode {mode}", weight=round(p_mode, 3)))
    modality, p_modality = judgement.best("modality")
    found.append(Evidence("model", f"{model} modality {modality}", weight=round(p_modality, 3)))
    event.evidence = tuple(event.evidence) + tuple(found)
    return event
