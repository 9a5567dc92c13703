"""What a clause's modality makes of its act's code, and which coded events are withheld.

A future act is an intent or a threat (frame_codes.tsv `intent`) unless it is only a plan
someone else relays (`future`); an intent not to act is a refusal or a promise to yield
(`restraint`); events read but not reported as done carry their reason (WITHHELD) and stay
in `DocumentResult.withheld`, and a model may not read such an act back in.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.coding import clause_roles
from eventscope.coding.frames import KEEP, apply_frame
from eventscope.coding.modality_speakers import SAYING_ROOTS, speech_above
from eventscope.coding.selection import is_story_main_event
from eventscope.knowledge import taxonomy
from eventscope.knowledge.verb_lexicon import frame_rules
from eventscope.models import Evidence

SPEECH_ROOTS = {"01"}


def future_code(code: str, relayed: bool = False) -> str | None:
    """What a future clause no frame verb carries makes of its act's code ("will expel": a
    threat, "will send aid": an intent; frame_codes.tsv `intent`), or None for a plan that
    someone other than its doer relays (`relayed`: "Qureshi will meet Pompeo, Xinhua
    reported"): frame_codes.tsv `future` drops those (a meeting still to come)."""
    if relayed and apply_frame("future", code) is None:
        return None
    return apply_frame("intent", code)


NEGATING_FRAME = "negate"  # frames.tsv: "failed to release", "stopped attacking": the act is not done
RESTRAINT_FRAMES = {"intent", "plan"}  # "decided not to attend", "pledged not to attack", "plans not to sign"


def restraint_code(code: str) -> str | None:
    """An intent not to do an act (RESTRAINT_FRAMES over a negated clause): not doing a
    cooperative act is a refusal ("decided not to attend": frame_codes.tsv `refuse`), not
    doing a hostile one a promise to de-escalate ("pledged not to attack": `restraint`,
    CAMEO 035 express intent to yield); None when it is neither ("vowed not to comment")."""
    info = taxonomy.cameo(code)
    if info.quad_class in (1, 2) and info.root not in SPEECH_ROOTS:
        return apply_frame("refuse", code)
    return apply_frame("restraint", code)


def acts_itself(frame: str | None) -> bool:
    """No frame, or one that codes the act itself ("will try to attack", "will continue to
    talk", "will seek to storm": frame_codes.tsv `attempt`, `begin`, `pursue` of a hostile
    act): the clause's tense is the act's ("analysts say Kenya will seek to mend ties" is
    someone else's forecast)."""
    return frame is None or frame_rules().get(frame, {}).get("*") == KEEP


PLAN_FRAME = "plan"  # frames.tsv: "wants to", "plans to", "hopes to", "its intention to"


def said_plan(verb: Token, frame: str | None, lexicon) -> str | None:
    """A plan is a stated intent only when someone says it ("Kenya said it plans to send
    aid", "announced its intention to expel": frame_codes.tsv `intent`); narrated ("Kenya
    wants to buy sugar", "the army wanted to raid a camp") it is no one's stated intent, and
    frame_codes.tsv `plan` codes nothing of it. `verb` is the frame verb, or the act under a
    frame noun ("its intention [to expel]")."""
    if frame != PLAN_FRAME:
        return frame
    token = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" else verb
    said = token.dep_ == "dobj" and any(
        p.cameo[:2] in SAYING_ROOTS for p in lexicon.verbs.get(token.head.lemma_.lower(), ()))
    speech = speech_above(token, lexicon) if not said else None
    return "intent" if said or speech is not None and _said_by_doer(token, speech) else frame


def _said_by_doer(verb: Token, speech: Token) -> bool:
    """The plan's doer is the speaker ("Kenya said it plans", "Kenya said Kenya plans"), not
    someone forecasting another's wish ("both sides will want to calm things, an analyst said")."""
    doers = clause_roles.subject_tokens(verb)[0]
    speakers = {t.lower_ for t in clause_roles.subject_tokens(speech)[0]}
    return not doers or any(d.tag_ == "PRP" or d.lower_ in speakers for d in doers)


WITHHELD = "withheld as not done"  # evidence (rule) of an event the coder read but did not code


def withheld_reason(event) -> str | None:
    """Why the coder withheld `event` as not done (its WITHHELD evidence), or None."""
    prefix = WITHHELD + ": "
    return next((e.value[len(prefix):] for e in event.evidence if e.kind == "rule" and e.value.startswith(prefix)), None)


def _model_typed(event) -> bool:
    """Did a learned model give the event its type (added it, or recoded its pattern's code)?"""
    return not any(e.kind == "pattern" for e in event.evidence) or any(
        e.kind == "model" and e.value.startswith("recoded") for e in event.evidence)


def withhold_model_readings(events: list, withheld: list) -> tuple[list, list]:
    """A model-typed event in a sentence where the coder withheld an act of the same PLOVER
    type or CAMEO root, or of the act's intent ("..., a radio station reported": the meeting withheld as
    planned, the relaying verb recoded to a meeting or an intent to meet) reads that act
    again: it is withheld too, with the same reason. Not the story model's main event: on every
    10th synthetic PLOVER story withholding it cut the story type 0.996 -> 0.982 (in-sample),
    for one real-news held-out triple of precision."""
    reasons = {}
    for w in withheld:  # the act's type or root, or its intent's ("will meet" read as a meeting or as 036;
        # "was due to be released" as 035, whose root is the intent's though its type is not)
        intent = taxonomy.cameo(future_code(w.cameo) or w.cameo)
        for kind in {w.plover, w.cameo_root, intent.plover, intent.root} - {None, ""}:
            reasons.setdefault((w.sentence, kind), withheld_reason(w))
    kept = []
    for event in events:
        reason = reasons.get((event.sentence, event.plover)) or reasons.get((event.sentence, event.cameo_root))
        # the story model's main event read the whole story, not that sentence: a story about a
        # meeting may say the meeting is still to come in one sentence and report it in another
        if reason is not None and _model_typed(event) and not is_story_main_event(event):
            event.evidence += (Evidence("rule", f"{WITHHELD}: {reason}"),)
            withheld = withheld + [event]
        else:
            kept.append(event)
    return kept, withheld
