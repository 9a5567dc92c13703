"""EventClassifier: the two trained models and the coder hook that applies them.

Loaded once per Processor (`EventClassifier.load()`), then `revise(...)` is called at the
end of `Coder.code` with the document's events; see revise.py for what it may change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from eventscope.coding import clauses
from eventscope.coding.clause_objects import object_words
from eventscope.coding.agents import with_implied_doer
from eventscope.coding.event_nouns import is_noun_event
from eventscope.coding.non_events import idle_copula, parties_of_act, reports_a_death, self_inflicted, tells_only_a_death
from eventscope.coding.classify import revise as R
from eventscope.coding.classify.thresholds import Thresholds, fits_story_model, is_story
from eventscope.coding.classify.features import document_features, sentence_features
from eventscope.coding.classify.headline_acts import announces
from eventscope.coding.classify.lexicon_index import LexiconIndex, index_for
from eventscope.coding.classify.model import LinearModel
from eventscope.coding.selection import MAIN_EVENT
from eventscope.coding.targets import complete_clause
from eventscope.knowledge.verb_lexicon import Lexicon, default_lexicon
from eventscope.models import Document, Event, Evidence

SENTENCE_MODEL = "sentence_class5.npz"
DOCUMENT_MODEL = "document_plover.npz"
MODE_MODEL = "document_mode.npz"  # PLOVER mode of a story's main event, as "TYPE/mode"


def model_dir() -> Path:
    return Path(str(resources.files("eventscope.coding").joinpath("data", "models")))


def one_reading(event: Event, lexicon: Lexicon) -> bool:
    """Was the event coded by one of our own verb patterns (not a CAMEO.2.0-derived one) of a
    verb whose every pattern falls in one class5 ("accuse", "condemn")? Then the verb names
    its act whatever else the sentence says; the sentence model reads the whole sentence, and
    its belief in another class comes from another clause ("accused Rwanda of ..., but said
    it was determined to mend ties" is no statement). Checked in stories only: on a coded
    sentence set (Multi-CoPED) the model's recodes pay (system CV 0.806 -> 0.783 without them)."""
    pattern = lexicon.pattern_of(event.evidence)
    if pattern is None or pattern.derived:
        return False
    return len({R.class_of(p.cameo) for p in lexicon.verbs.get(pattern.verb, ())}) == 1


class EventClassifier:
    def __init__(self, sentence_model: LinearModel | None, document_model: LinearModel | None,
                 mode_model: LinearModel | None = None, lexicon: Lexicon | None = None,
                 thresholds: Thresholds | None = None):
        self.sentence_model = sentence_model
        self.document_model = document_model
        self.mode_model = mode_model
        self.lexicon = lexicon or default_lexicon()
        self.index: LexiconIndex = index_for(self.lexicon)
        self.thresholds = thresholds or Thresholds()

    @classmethod
    def load(cls, directory: str | Path | None = None, lexicon: Lexicon | None = None,
             thresholds: Thresholds | None = None) -> "EventClassifier":
        """The shipped models (or those in `directory`); a missing file leaves that level off."""
        directory = Path(directory) if directory else model_dir()
        models = []
        for name in (SENTENCE_MODEL, DOCUMENT_MODEL, MODE_MODEL):
            path = directory / name
            models.append(LinearModel.load(path) if path.exists() else None)
        return cls(*models, lexicon=lexicon, thresholds=thresholds)

    # --- the coder hook ----------------------------------------------------------------
    def revise(self, document: Document, doc: Doc, actors, events: list[Event]) -> list[Event]:
        events = list(events)
        sents = list(doc.sents)
        features: list[Counter | None] = [None] * len(sents)  # each sentence's, computed once

        def counts(k: int) -> Counter:
            if features[k] is None:
                features[k] = sentence_features(sents[k].text, self.index)
            return features[k]

        if self.sentence_model is not None:
            by_sentence: dict[int, list[Event]] = {}
            for event in events:
                by_sentence.setdefault(event.sentence, []).append(event)
            for sent_no, sent in enumerate(sents):
                own = by_sentence.get(sent_no, [])
                if not own and not actors.mentions_between(sent.start, sent.end):
                    continue  # no event to weigh and no actor to give a new one: nothing to do
                added = self._revise_sentence(document, sent, sent_no, own, actors, len(sents),
                                              counts(sent_no))
                if added is not None:
                    events.append(added)
        if self.document_model is not None and is_story(document, len(sents)):
            added = self._choose_main(document, sents, counts, events)
            if added is not None:
                events.append(added)
        return sorted(events, key=lambda e: (e.sentence, e.span[0]))

    def _revise_sentence(self, document, sent, sent_no, own: list[Event], actors,
                         n_sentences: int, counts) -> Event | None:
        t = self.thresholds
        # a story is not a sentence set: there the lexicon's own decisions stand (below); in a
        # coded sentence set (Multi-CoPED) every sentence holds an event, so the model's guess pays
        story = is_story(document, n_sentences)
        vec = self.sentence_model.vector(counts)
        # reasons are worked out only for a prediction that changes something (below)
        prediction = self.sentence_model.predict(counts, vec=vec, n_reasons=0)
        best = int(prediction.label)
        probs = {int(k): v for k, v in prediction.probabilities.items()}
        if own:
            for event in own:  # (b) the model's belief in each reading of the sentence
                cls = R.class_of(event.cameo)
                if cls is None:
                    continue
                blended = (1 - t.blend) * event.confidence + t.blend * probs[cls]
                event.confidence = round(blended, 3)
                why = ", ".join(name for name, _ in self.sentence_model.reasons(counts, str(cls), 3, vec))
                event.evidence += (Evidence("model", f"class5 model p({cls})={probs[cls]:.2f}" + (f" ({why})" if why else ""),
                                            weight=probs[cls]),)
            if any(R.class_of(e.cameo) == best for e in own) or prediction.probability < t.recode:
                return None
            verbal = [e for e in own if not is_noun_event(e)]  # a noun names its act: not recoded
            if not verbal:
                return None
            main = max(verbal, key=lambda e: e.confidence)
            cls = R.class_of(main.cameo)
            if main.cameo_root in R.UNDONE_ROOTS and best in R.MATERIAL_CLASSES:
                return None  # a threat, intent or demand stays one: the model reads the act, not its modality
            if best in R.DELIBERATED_CLASSES and R.weighs_only(main, self.lexicon):
                return None  # "is weighing sanctions": an option weighed, no act done
            if story and R.read_by_its_words(main, self.lexicon):
                return None  # "attacked the policy", "warned against": the lexicon chose the verb's reading
            if R.ruled_out_cue(sent, best, self.lexicon):
                return None  # "pirates threatened a vessel": the cue's clause codes nothing
            if story and one_reading(main, self.lexicon):
                return None  # "accused": the verb has one reading; the model's other class is another clause's
            if cls is not None and probs[cls] < t.recode_below:
                code, why = R.code_for_class(best, sent.text, counts, self.index, self.document_model)
                code = R.as_asked_or_promised(main, code)  # "pressed Seoul to impose sanctions": a demand
                prediction.reasons = self.sentence_model.reasons(counts, prediction.label, 5, vec)
                was_statement = main.cameo_root == R.STATEMENT_ROOT
                R.recoded(main, code, (R.model_evidence("recoded by class5 model", prediction), *R.reasons(why)))
                if was_statement and best in R.MATERIAL_CLASSES:
                    R.speaker_does_not_act(main, sent, actors, self.lexicon, best)
            return None
        needed = t.create_in_story if story else t.create
        if prediction.probability < needed:  # (a) a clause the lexicon could not code
            return None
        if R.ruled_out_cue(sent, best, self.lexicon):
            return None  # "species threatened with extinction": the cue codes nothing, so no other clause gets its class
        clause = R.asserted_clause(sent, actors, self.lexicon, best)
        if clause is None:
            return None
        verb, sources, targets, future = clause
        parties = parties_of_act(verb, sources, targets, best)
        if parties is None or idle_copula(verb, future, self.index):
            return None  # "hanged himself", "Athens was calm": no act to code
        sources, targets = parties
        if story and self.lexicon.rules_out(clauses.verb_keys(verb), object_words(verb)):
            return None  # "released a report": the lexicon knows the clause codes nothing
        code, why = R.code_for_class(best, sent.text, counts, self.index, self.document_model)
        code = R.pick_future(code, future)
        if code is None:
            return None
        if R.is_speech_verb(verb, self.lexicon) and not code.startswith(R.STATEMENT_ROOT):
            # "a minister was caught asking for money, prosecutors said": the appeal the class
            # was read from is in what was said; the speaker only made a statement
            code = R.statement_code(verb, self.lexicon)
        confidence = min(t.created_cap, t.created_base + t.created_slope * prediction.probability)
        prediction.reasons = self.sentence_model.reasons(counts, prediction.label, 5, vec)
        evidence = (R.model_evidence("class5 model", prediction), *R.reasons(why),
                    Evidence("rule", f"clause '{verb.lemma_}'" + (" (future)" if future else "")))
        sources, targets, evidence = complete_clause(verb, code, sources, targets, actors, self.lexicon, evidence)
        sources, evidence = with_implied_doer(verb, code, sources, targets, actors, evidence)  # "he was hit"
        return R.new_event(document, sent, sent_no, verb, sources, targets, code, confidence, evidence)

    def _choose_main(self, document: Document, sents, counts, events: list[Event]) -> Event | None:
        """(c) make an event of the story's predicted PLOVER type its main event."""
        t = self.thresholds
        features = document_features(document.text, document.title, self.index)
        prediction = self.document_model.predict(features)
        if prediction.probability < t.document:
            self._name_mode(self._rerank(events, prediction), features)
            return None
        top = max((e.confidence for e in events), default=0.0)
        confidence = round(min(t.main_cap, max(top + t.main_lead, t.main_base + t.main_slope * prediction.probability)), 3)
        note = replace(R.model_evidence("document main event: PLOVER model", prediction), decides=MAIN_EVENT)
        same = [e for e in events if (e.plover or "") == prediction.label]
        if same:
            main = max(same, key=lambda e: e.confidence)
            main.confidence = confidence
            main.evidence += (note,)
            self._name_mode(main, features)
            return None
        if prediction.probability < t.document_create or not fits_story_model(document, t) or announces(
                document.title, prediction.label, self.index, self.lexicon.modality):
            # "Japan to impose tariffs", "Japan may lift ban": no event of an act the headline only announces
            self._name_mode(self._rerank(events, prediction), features)
            return None
        sent_no, sent = R.main_sentence(sents, [counts(k) for k in range(len(sents))], self.document_model, prediction.label, self.index)
        anchor = [e for e in events if e.sentence == sent_no]
        sources = anchor[0].source if anchor else []
        targets = anchor[0].target if anchor else []
        code = R.taxonomy.plover_to_cameo(prediction.label)
        if not anchor and self._reports_no_act(sent):
            return None  # "said he had hanged himself", "was found dead in his cell": no act to name the story by
        if not anchor and self.lexicon.rules_out(clauses.verb_keys(sent.root), object_words(sent.root), by_object=True):
            return None  # "moved a motion", "released the report to the public": a figurative use names no act
        return self._name_mode(
            R.new_event(document, sent, sent_no, sent.root, sources, targets, code, confidence,
                        (note, *R.reasons(f"actors of the {anchor[0].cameo} event there" if anchor else ""))),
            features)

    @staticmethod
    def _reports_no_act(sent) -> bool:
        """Does the sentence's main clause only report a death ("was found dead", "died in
        prison, officials said", "said he had hanged himself": coding.non_events)? Not every
        clause the lexicon leaves uncoded: "took", "found" stand beside the story's act."""
        root = sent.root
        return reports_a_death(root) or self_inflicted(root) or tells_only_a_death(root)

    def _name_mode(self, event: Event | None, features: Counter) -> Event | None:
        """Give the story's main event a PLOVER mode, unless its CAMEO code from our own
        patterns already carries one ("042" is a CONSULT visit): the mode model's choice among
        the modes of the event's type (it may choose none), else the mode the codebook cues
        name. A fine code of a CAMEO.2.0-derived pattern does not decide the mode: in the
        system CV its modes were right less often than the model's (mode 0.608 with them
        deciding, 0.614 without the derived patterns)."""
        if event is None or not event.plover or event.plover_mode and not Lexicon.derived_evidence(event.evidence):
            return event
        allowed = ([k for k in self.mode_model.classes if k.split("/", 1)[0] == event.plover]
                   if self.mode_model is not None else [])
        if allowed:
            choice = self.mode_model.predict(features, allowed=allowed, n_reasons=3)
            mode = choice.label.split("/", 1)[1]
            if mode:
                event.plover_mode = mode
                event.evidence += (R.model_evidence(f"PLOVER mode {mode}: mode model", choice),)
            return event
        found = R.cue_mode(features, event.plover)
        if found is not None:
            event.plover_mode = found[0]
            event.evidence += (Evidence("lexicon", found[1]),)
        return event

    def _rerank(self, events: list[Event], prediction) -> Event | None:
        """(d) No event has the predicted type and the model is not sure enough to add one:
        the story is still mainly about the coded event whose type the document model
        believes most, when it believes it clearly more than the current main event's.
        Returns the main event (None without events)."""
        if not events:
            return None
        probs = prediction.probabilities
        main = max(events, key=lambda e: e.confidence)
        typed = [e for e in events if e.plover in probs]
        if not typed:
            return main
        best = max(typed, key=lambda e: (probs[e.plover], e.confidence))
        current = probs.get(main.plover or "", 0.0)
        if best is main or probs[best.plover] < current + self.thresholds.rerank_margin:
            return main
        best.confidence = round(min(self.thresholds.main_cap, main.confidence + self.thresholds.main_lead), 3)
        best.evidence += (Evidence("model", f"main event: PLOVER model p({best.plover})={probs[best.plover]:.2f} "
                                            f"over p({main.plover or '-'})={current:.2f}", weight=probs[best.plover]),)
        return best
