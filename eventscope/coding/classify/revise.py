"""How the learned models change the lexicon coder's events, step by step.

Sentence level (class5 model, one call per sentence):
  (b) every event's confidence is blended with the model's probability for the event's
      class5, so of two readings of a sentence the one the model believes becomes the
      main event; when the model is sure of another class than every event of the
      sentence, the main event is recoded to that class;
  (a) a sentence with no event but an asserted clause whose subject is an actor gets one
      event of the model's class, when the model is sure enough.
Document level (PLOVER model, stories: a document with a headline, or of MIN_DOC_SENTENCES
sentences or more: classify.thresholds):
  (c) the event of the predicted PLOVER type becomes the main (highest-confidence) event;
      with no such event, one document-level event of that type is added, anchored at the
      sentence that speaks most for the type (only in a story of the size the model learnt
      from: `fits_story_model`);
  (d) when the model is too unsure to add that event, the coded event whose type it believes
      most (clearly more than the main event's) becomes the main event; nothing is added.
Negated, conditional and speculative clauses never get an event here (coding.modality).
Every change is written into the event's `evidence` with the features that drove it.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from eventscope.coding import clauses
from eventscope.coding import clause_roles
from eventscope.coding.clause_objects import object_words
from eventscope.knowledge import taxonomy
from eventscope.coding.classify.features import LEAD, TITLE, sentence_as_document
from eventscope.coding.classify.model import LinearModel, Prediction
from eventscope.coding.frames import apply_frame
from eventscope.coding.modality import Modality, reported_modality
from eventscope.coding.modality_governors import UNREALISED_FRAMES, frame_of
from eventscope.coding.modality_codes import PLAN_FRAME
from eventscope.coding.modality_speakers import forecast_by_another
from eventscope.coding.noun_modality import prospective_to
from eventscope.models import Actor, Document, Event, Evidence


CLASS_PLOVER = {  # PLOVER types whose representative CAMEO code falls in each class5
    c: [t for t in taxonomy.plover_types() if taxonomy.class5(taxonomy.plover_to_cameo(t)) == c]
    for c in range(5)}
STATEMENT_CODE = "010"  # class 0 has no PLOVER type: a statement
DEMAND_CODE = "100"  # CAMEO make demand: an appeal the model reads as the act it asks for
PROMISE_ROOTS = {"03", "13"}  # intents and threats: what the coder makes of future acts
# acts not done the coder codes as what is said of them: intents, threats, appeals and demands
# ("ordered the army to stop the attacks" is a demand; the model reads the attacks as done)
UNDONE_ROOTS = PROMISE_ROOTS | {"02", "10"}
MATERIAL_CLASSES = {2, 4}  # class5 of acts done (material cooperation, material conflict)
STATEMENT_ROOT = "01"
PLAIN_STATEMENT_CODE = "010"
DELIBERATED_CLASSES = {2, 3, 4}  # acts a clause of "consider", "mull" only weighs (modality.tsv `deliberating`)
UNDONE_GOVERNOR_KINDS = ("negating", "scheduling")  # "unable to", "due to": the act under it is not done
UNDONE_OBJECT_KINDS = ("deliberating", "averting")  # "is mulling a ban", "foiled an attack": its object is not done


def class_of(code: str) -> int | None:
    try:
        return taxonomy.class5(code)
    except KeyError:
        return None


def read_by_its_words(event: Event, lexicon) -> bool:
    """Was the event coded by a verb pattern that names its objects or a particle ("attack
    policy" 111, "warn against" 020)? Then the lexicon chose among the verb's readings by words
    the sentence model does not see: its lexicon features stand for the verb's default
    ("attack" 19, "warn" 13), so its belief in another class is no reason to recode."""
    pattern = lexicon.pattern_of(event.evidence)
    return pattern is not None and (bool(pattern.objects) or " " in pattern.verb)


def ruled_out_cue(sent: Span, cls: int, lexicon) -> bool:
    """Is the class cued only by verbs whose clauses the lexicon knows code nothing ("pirates
    threatened a vessel": verbs.tsv "-" rows)? Their lexicon features stand for the verb's
    default (13), no reason to recode another clause of the sentence to that class."""
    cued = False
    for token in sent:
        keys = clauses.verb_keys(token) if token.pos_ in {"VERB", "AUX"} else []
        default = lexicon.match(keys, set()) if keys else None
        if default is None or class_of(default.cameo) != cls:
            continue
        if not lexicon.rules_out(keys, object_words(token)):
            return False  # a verb of that class the lexicon does read
        cued = True
    return cued


def weighs_only(event: Event, lexicon) -> bool:
    """Was the event coded from a verb that only weighs an option ("is weighing sanctions",
    "considers a ban": modality.tsv `deliberating`) or stops an act ("foiled a bid":
    `averting`)? The sentence model reads the option or the stopped act as an act; it is not
    done."""
    pattern = lexicon.pattern_of(event.evidence)
    return pattern is not None and any(lexicon.is_word(kind, pattern.verb) for kind in UNDONE_OBJECT_KINDS)


def code_for_class(cls: int, text: str, counts: Counter, index,
                   plover_model: LinearModel | None) -> tuple[str, str]:
    """A CAMEO code of class `cls` for a sentence (`counts`: its sentence_features), and why:
    a lexicon verb of that class in it when there is one, else the PLOVER type the document
    model prefers in that class."""
    roots = sorted((n, name.split(":")[1]) for name, n in counts.items() if name.startswith("lexroot:"))
    for _, root in sorted(roots, reverse=True):
        if class_of(root) == cls:
            return root + "0" if len(root) == 2 else root, f"lexicon root {root} in the sentence"
    allowed = CLASS_PLOVER.get(cls) or []
    if not allowed:
        return STATEMENT_CODE, "class 0 is a statement"
    if plover_model is None:
        return taxonomy.plover_to_cameo(allowed[0]), f"first PLOVER type of class {cls}"
    choice = plover_model.predict(sentence_as_document(text, counts, index), allowed=allowed, n_reasons=3)
    return taxonomy.plover_to_cameo(choice.label), f"PLOVER {choice.label} ({choice.reason_text(3)})"


def as_asked_or_promised(event: Event, code: str) -> str:
    """The code of an appeal or intent the model reads as a conflict act (class 3): the model
    reads the act asked for or promised ("pressed Seoul to impose sanctions", "announced a
    suspension of aid"), which is not done; the appeal is a demand (100), the intent a threat
    (frame_codes.tsv `intent`)."""
    if class_of(code) != 3 or event.cameo_root not in {"02", "03"}:
        return code
    return DEMAND_CODE if event.cameo_root == "02" else apply_frame("intent", code) or code


def recoded(event: Event, code: str, evidence: tuple[Evidence, ...], confidence: float | None = None) -> Event:
    info = taxonomy.cameo(code)
    event.cameo, event.cameo_root = info.code, info.root
    event.goldstein, event.quad_class = info.goldstein, info.quad_class
    event.plover, event.plover_mode = info.plover or None, info.plover_mode or None
    event.plover_context = info.plover_context or None
    if confidence is not None:
        event.confidence = confidence
    event.evidence += evidence
    return event




# where a story names its event: a headline cue counts three times a body cue, a lead cue twice
CUE_WEIGHTS = {TITLE: 3, LEAD: 2, "": 1}


def cue_mode(features: Counter, event_type: str) -> tuple[str, str] | None:
    """(mode, why) of `event_type` that the story's codebook cues point at most (its
    ``document_features``), or None when no cue names a mode of that type."""
    scores: Counter = Counter()
    for prefix, weight in CUE_WEIGHTS.items():
        head = f"{prefix}cuemode:{event_type}/"
        for name, count in features.items():
            if name.startswith(head):
                scores[name[len(head):]] += weight * count
    if not scores:
        return None
    mode, score = max(sorted(scores.items()), key=lambda item: item[1])
    return mode, f"PLOVER mode {mode} from codebook cues (weight {score})"


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def is_speech_verb(verb: Token, lexicon) -> bool:
    """A verb the lexicon knows only as a statement ("say", "announce")."""
    roots = {taxonomy.cameo_root(p.cameo) for p in lexicon.verbs.get(verb.lemma_.lower(), ())}
    return bool(roots) and roots <= {"01"}


def statement_code(verb: Token, lexicon) -> str:
    """The code of a speech verb's own statement ("say": 010): its default pattern's."""
    patterns = lexicon.verbs.get(verb.lemma_.lower(), ())
    return next((p.cameo for p in patterns if not p.objects), PLAIN_STATEMENT_CODE)


def asserted_clause(sent: Span, actors, lexicon, cls: int) -> tuple[Token, list[Actor], list[Actor], bool] | None:
    """The highest asserted (or future) predicate of the sentence whose subject is an actor
    (or, in the passive, whose object is): (verb, sources, targets, future). For an act
    (class 1-4) a speech verb is passed over: "X said that Y shelled Z" is Y's act, and
    when Y is no actor or the reported clause is doubtful, there is no act to code."""
    verbs = sorted((t for t in sent if t.pos_ == "VERB" or (t.dep_ == "ROOT" and t.pos_ == "AUX")),
                   key=lambda t: (_depth(t), t.i))
    for verb in verbs:
        if cls != 0 and is_speech_verb(verb, lexicon):
            continue
        if cls in DELIBERATED_CLASSES and any(lexicon.is_word(kind, verb.lemma_.lower()) for kind in UNDONE_OBJECT_KINDS):
            return None  # "Denmark is mulling a ban", "the navy foiled an attack": no ban, no attack done
        if _under_undone_word(verb, lexicon):
            continue  # "have been unable to reschedule a meeting", "was due to be released"
        if cls != 0 and frame_of(verb, lexicon) == PLAN_FRAME and clauses.complement(verb) is not None:
            return None  # "Kenya plans to expel the envoy": a plan narrated codes nothing (frame_codes.tsv `plan`)
        if cls != 0 and verb.dep_ in {"xcomp", "ccomp"} and frame_of(verb.head, lexicon) in UNREALISED_FRAMES:
            continue  # "lobbied Brussels to impose sanctions": asked for, not done (the frame verb is read above)
        modality = reported_modality(verb, lexicon)
        if modality is None:
            continue
        subjects, passive = clause_roles.subject_tokens(verb)
        sources = actors.actors_of(subjects)
        source_ids = {a.entity for a in sources}
        targets = [a for a in actors.actors_of(clause_roles.target_tokens(verb)) if a.entity not in source_ids]
        if sources or (passive and targets):
            future = modality == Modality.FUTURE or _carries_prospect(verb, lexicon)
            if future and forecast_by_another(verb, actors, lexicon):
                return None  # "analysts say Japan is about to restore ties": nothing done, no one's intent
            return verb, sources, targets, future
    return None


def _under_undone_word(verb: Token, lexicon) -> bool:
    """"have been *unable* to reschedule a meeting", "was *due* to be released": the clause's
    predicate adjective says the act it carries is not done or only on a timetable
    (modality.tsv `negating`, `scheduling`); the model's class for the sentence is that act's,
    which is nobody's act done nor anybody's intent."""
    return any(c.dep_ == "acomp" and any(lexicon.is_word(kind, c.lemma_.lower()) for kind in UNDONE_GOVERNOR_KINDS)
               and any(g.dep_ == "xcomp" and g.pos_ in {"VERB", "AUX"} for g in c.children) for c in verb.children)


def _carries_prospect(verb: Token, lexicon) -> bool:
    """"Egypt is *poised* to send", "Japan *is* about to restore ties": a prospective word
    on the clause's verb governs the act, which is imminent, not done ("died due to
    torture", "set up a committee": no act under the word)."""
    if lexicon.is_word("prospective", verb.lemma_.lower()) and any(
            (c.dep_ == "xcomp" and c.pos_ == "VERB") or prospective_to(c, lexicon) for c in verb.children):
        return True  # "is poised to send", "is set to host talks" (its verb read as a noun)
    words = [c for c in verb.children if c.dep_ in {"acomp", "prep", "advmod"}]
    words += [g for c in words if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]  # "on the verge of"
    return any(lexicon.is_word("prospective", w.lemma_.lower()) and any(
        t.pos_ == "VERB" and t.dep_ in {"xcomp", "pcomp"} for t in w.subtree) for w in words)


def speaker_does_not_act(event: Event, sent: Span, actors, lexicon, cls: int) -> None:
    """A statement the model recodes into a material act ("An air strike killed seven, the
    monitor said"): the speaker reports the act and does not do it. Its parties become the
    reported clause's (`asserted_clause` passes speech verbs over), or no one when the clause
    names none."""
    clause = asserted_clause(sent, actors, lexicon, cls)
    event.source, event.target = (list(clause[1]), list(clause[2])) if clause else ([], [])
    event.evidence += (Evidence("rule", "a speaker reports a material act, does not do it"),)
    event.id = ""
    event.__post_init__()  # the id hashes the actors


def new_event(document: Document, sent: Span, sent_no: int, verb: Token, sources, targets,
              code: str, confidence: float, evidence: tuple[Evidence, ...]) -> Event:
    info = taxonomy.cameo(code)
    return Event(
        doc_id=document.id, sentence=sent_no, span=(sent.start_char, sent.end_char),
        source=list(sources), target=list(targets), cameo=info.code, cameo_root=info.root,
        goldstein=info.goldstein, quad_class=info.quad_class, plover=info.plover or None,
        plover_mode=info.plover_mode or None, plover_context=info.plover_context or None,
        date=document.date, date_precision="published" if document.date else None,
        trigger=verb.text if verb is not None else "", confidence=round(confidence, 3),
        evidence=evidence)


def describe(kind: str, prediction: Prediction) -> str:
    return f"{kind} {prediction.label} p={prediction.probability:.2f} from {prediction.reason_text()}"


def model_evidence(kind: str, prediction: Prediction) -> Evidence:
    """A model's prediction, the features that drove it, and its probability."""
    return Evidence("model", describe(kind, prediction), weight=prediction.probability)


def reasons(why: str) -> tuple[Evidence, ...]:
    """How a model's class became a code ("lexicon root 19 in the sentence"), if said."""
    return (Evidence("model", why),) if why else ()


def pick_future(code: str, future: bool) -> str | None:
    """A future clause is an intent or threat of the act, as in the lexicon coder."""
    return apply_frame("intent", code) if future else code


def main_sentence(sents: list[Span], counts: list[Counter], model: LinearModel, label: str,
                  index) -> tuple[int, Span]:
    """The sentence whose own words give the PLOVER type `label` the highest probability
    (`counts`: each sentence's sentence_features)."""
    best, best_p = (0, sents[0]), -1.0
    k = model.classes.index(label)
    for sent_no, sent in enumerate(sents):
        text = sent.text
        if len(text.strip()) < 20:
            continue
        p = float(model.probabilities(sentence_as_document(text, counts[sent_no], index))[k])
        if p > best_p:
            best, best_p = (sent_no, sent), p
    return best
