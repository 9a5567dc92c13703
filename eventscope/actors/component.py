"""The actors step as a registered spaCy component (``eventscope_actors``).

Configured with the knowledge source (``dictionaries``: None for the built-in knowledge, or
the user's dictionary file or folder); writes ``doc._.actors``, the document's resolved
mentions (``DocActors``: every mention, coreference, the actors of any token), which the
coding step reads. In PETRARCH mode (a verbs file among the dictionaries) actors are read per
sentence by the coder from the dictionary alone, so this step leaves ``doc._.actors`` None.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventscope.actors.mentions import DocActors
from eventscope.analyze import document_of
from eventscope.knowledge import Knowledge, load_knowledge

if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=None)


@Language.factory("eventscope_actors", default_config={"dictionaries": None})
def make_actor_step(nlp: Language, name: str, dictionaries: str | None) -> "ActorStep":
    return ActorStep(load_knowledge(dictionaries))


class ActorStep:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        if not self.knowledge.petrarch:
            doc._.actors = DocActors(doc, document_of(doc), self.knowledge.dictionary)
        return doc
