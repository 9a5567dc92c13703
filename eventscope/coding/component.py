"""The coding step as a registered spaCy component (``eventscope_coding``).

Configured with the knowledge source (``dictionaries``), whether the learned models revise
the lexicon's events (``classifier``), their ``thresholds`` (classify.thresholds.Thresholds) and
the lexicon coder's ``confidence`` weights (selection.ConfidenceWeights), and whether the
event encoder judges each clause's kind of act (``encoder``, coding/judge.py); unset fields keep
their defaults. Writes ``doc._.result``: the document's DocumentResult (sentences, actors,
events), plain data classes; it consumes ``doc._.actors`` (set back to None). With a PETRARCH verbs file among the dictionaries the PETRARCH
coder does the work, as PETRARCH2 would.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventscope.analyze import document_of
from eventscope.coding.classify.thresholds import Thresholds
from eventscope.coding.coder import Coder
from eventscope.coding.selection import ConfidenceWeights
from eventscope.knowledge import load_knowledge

if not Doc.has_extension("result"):
    Doc.set_extension("result", default=None)


@Language.factory("eventscope_coding", default_config={
    "dictionaries": None, "classifier": True, "thresholds": {}, "confidence": {}, "encoder": False})
def make_coding_step(nlp: Language, name: str, dictionaries: str | None, classifier: bool,
                     thresholds: dict, confidence: dict, encoder: bool) -> "CodingStep":
    knowledge = load_knowledge(dictionaries)
    if knowledge.petrarch:
        from eventscope.coding.petrarch_coder import PetrarchCoder

        return CodingStep(PetrarchCoder(knowledge.verbs, knowledge.dictionary))
    model = None
    if classifier:
        from eventscope.coding.classify import EventClassifier

        model = EventClassifier.load(lexicon=knowledge.verbs, thresholds=Thresholds(**thresholds))
    judge = None
    if encoder:
        from eventscope.coding.encoder import EventEncoder, require_runtime

        require_runtime()  # one line, at setup, when the `encoder` extra is not installed
        judge = EventEncoder.load()
    return CodingStep(Coder(knowledge.verbs, knowledge.dictionary, model, ConfidenceWeights(**confidence), judge))


class CodingStep:
    def __init__(self, coder):
        self.coder = coder  # coding.coder.Coder or coding.petrarch_coder.PetrarchCoder

    def __call__(self, doc: Doc) -> Doc:
        doc._.result = self.coder.code(document_of(doc), doc, doc._.actors)
        # the resolver has served; the result holds every mention (result.actors). Freed here,
        # a batch of Docs does not keep a batch of resolvers alive until its last Doc is read.
        doc._.actors = None
        return doc
