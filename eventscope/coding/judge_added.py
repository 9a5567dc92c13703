"""Events the encoder adds to a sentence set (coding/judge.py, step 4): a sentence left without
an event an analyst would file whose root clause has an actor gets one event of the class the
model is sure of, with the clause's actors. Also the class -> CAMEO root reading both use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventscope.coding import clause_roles
from eventscope.coding.encoder import EventEncoder, Judgement
from eventscope.coding.frames import apply_frame
from eventscope.coding.modality import Modality, reported_modality
from eventscope.knowledge import taxonomy
from eventscope.models import Event, Evidence

if TYPE_CHECKING:  # a type only: judge.py imports this module
    from eventscope.coding.judge import JudgeSettings


def class_of(code: str | None) -> int | None:
    """The Multi-CoPED class of a CAMEO code, None for a code of none."""
    try:
        return taxonomy.class5(code or "")
    except KeyError:
        return None


def root_of_class(judgement: Judgement, cls: int) -> str:
    """The most probable CAMEO root of class `cls`."""
    roots = [r for r in judgement["cameo"] if class_of(r) == cls]
    return judgement.best("cameo", roots)[0]


def actor_clause(sent, actors, lexicon) -> tuple[object, list, list, bool] | None:
    """(verb, sources, targets, future) of a sentence's root clause when it has an actor and
    is asserted or future: sources are the subject's actors (else the first actor in its words,
    else the first named before the verb), targets the first other actor after the verb; None without an actor,
    or when the clause is negated, conditional or speculative (coding.modality)."""
    verb = sent.root
    modality = reported_modality(verb, lexicon) if verb.pos_ in ("VERB", "AUX") else None
    if modality is None:
        return None
    subjects, passive = clause_roles.subject_tokens(verb)
    sources = actors.actors_of(subjects) or actors.actors_of([t for s in subjects for t in s.subtree])[:1]
    if not sources:
        sources = actors.actors_of([t for t in sent if t.i < verb.i])[:1]
    seen = {a.entity for a in sources}
    targets = [a for a in actors.actors_of([t for t in sent if t.i > verb.i]) if a.entity not in seen][:1]
    if passive and not subjects:
        sources, targets = [], sources or targets
    if not sources and not targets:
        return None
    return verb, sources, targets, modality == Modality.FUTURE


def created_events(document, sents, actors, lexicon, events: list[Event], encoder: EventEncoder,
             settings: JudgeSettings) -> list[Event]:
    """Events for the sentences of a sentence set left without an event an analyst would file
    (selection.analyst_events: an aid or a sanction the coder found no recipient for, a
    meeting with no one, is dropped after the judge) whose root clause has an actor: reading
    the root clause, the model's event gets its actors from the clause (`actor_clause`).
    Counting such sentences as coded left 49 of 1,349 Multi-CoPED train sentences with no
    event at all (the grouped CV's "none" column)."""
    from eventscope.coding.classify.revise import new_event
    from eventscope.coding.selection import analyst_events

    coded = {e.sentence for e in analyst_events(list(events))}
    found = [(k, sent, actor_clause(sent, actors, lexicon)) for k, sent in enumerate(sents) if k not in coded]
    found = [(k, sent, c) for k, sent, c in found if c is not None]
    inputs = [(sent.text, (c[0].idx - sent.start_char, c[0].idx - sent.start_char + len(c[0].text)))
              for _, sent, c in found]
    added = []
    for (k, sent, (verb, sources, targets, future)), judgement in zip(found, encoder.predict(inputs) if inputs else []):
        cls_label, p_cls = judgement.best("class5")
        if p_cls < settings.create:
            continue
        code = taxonomy.cameo(root_of_class(judgement, int(cls_label))).code
        code = apply_frame("intent", code) if future else code  # a future act is an intent or threat
        if code is None:
            continue
        confidence = min(settings.created_cap, settings.created_base + settings.created_slope * p_cls)
        evidence = (Evidence("model", f"{encoder.name} class5 {cls_label}: event added", weight=round(p_cls, 3)),
                    Evidence("model", f"{encoder.name} CAMEO {code}", weight=round(judgement["cameo"][code[:2]], 3)),
                    Evidence("rule", f"root clause '{verb.lemma_}' with an actor" + (" (future)" if future else "")))
        added.append(new_event(document, sent, k, verb, sources, targets, code, confidence, evidence))
    return added
