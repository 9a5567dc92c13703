"""The seed articles (examples/) resolve as a person would read them: who, when, where."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES


@pytest.fixture(scope="module")
def seeds(processor):
    """{file stem prefix: (document, spaCy doc, DocActors, DocumentResult)}."""
    from eventscope.actors.mentions import DocActors
    from eventscope.analyze import analyze
    from eventscope.ingest import iter_inputs
    from eventscope.models import Document

    docs = sorted((d for d in iter_inputs([EXAMPLES]) if isinstance(d, Document)),
                  key=lambda d: "Iranian Defense Ministers Meet" in d.text)
    assert len(docs) == 2, "expected the two seed articles in examples/"
    out = {}
    for key, (document, doc) in zip(("ties", "moscow"), analyze(docs, processor.nlp)):
        out[key] = (document, doc, DocActors(doc, document, None), processor.coder.code(document, doc))
    return out


def _mention(seed, text: str, nth: int = 0):
    """The actors for the head of the nth occurrence of `text` in the document."""
    _, doc, actors, _ = seed
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(text, at + 1)
    span = doc.char_span(at, at + len(text), alignment_mode="expand")
    found = actors.actors_for(span.root)
    assert found, f"no actor for {text!r}"
    return found[0]


def test_sergeyev_is_a_russian_military_actor_in_every_mention(seeds):
    titled = _mention(seeds["ties"], "Russian Defense Minister Igor Sergeyev")
    assert (titled.name, titled.country, titled.sector) == ("Igor Sergeyev", "RUS", "MIL")
    bare = _mention(seeds["ties"], "Sergeyev", nth=2)  # "But Sergeyev and his Iranian counterpart"
    assert bare.entity == titled.entity and bare.name == "Igor Sergeyev"


def test_shamkhani_is_iranian_military_and_his_counterpart_phrase_is_him(seeds):
    named = _mention(seeds["ties"], "Rear Adm. Ali Shamkhani")
    assert (named.country, named.sector) == ("IRN", "MIL")
    counterpart = _mention(seeds["ties"], "his Iranian counterpart")
    assert counterpart.entity == named.entity and counterpart.name == "Ali Shamkhani"
    said = _mention(seeds["ties"], "Shamkhani", nth=1)  # '"..." Shamkhani said'
    assert said.entity == named.entity


def test_mr_shamkhani_is_the_iranian_defence_minister(seeds):
    titled = _mention(seeds["moscow"], "Iranian Defense Minister Ali Shamkhani")
    assert (titled.country, titled.sector) == ("IRN", "MIL")  # a rear admiral in office in 2001
    mr = _mention(seeds["moscow"], "Mr. Shamkhani")
    assert mr.entity == titled.entity


def test_state_department_is_us_government(seeds):
    actor = _mention(seeds["ties"], "The U.S. State Department")
    assert (actor.country, actor.sector) == ("USA", "GOV")


def test_us_aircraft_is_a_us_military_actor(seeds):
    actor = _mention(seeds["moscow"], "any U.S. aircraft")
    assert (actor.country, actor.sector) == ("USA", "MIL")


def test_march_agreement_is_dated_to_march_2001(seeds):
    events = seeds["moscow"][3].events
    agreed = [e for e in events if "agreed" in e.trigger]
    assert agreed, [e.trigger for e in events]
    assert (agreed[0].date, agreed[0].date_precision) == ("2001-03", "month")


def test_moscow_meeting_is_located_in_moscow(seeds):
    events = seeds["moscow"][3].events
    meeting = [e for e in events if e.plover == "CONSULT" and e.sentence == 0]
    assert meeting, [(e.sentence, e.plover) for e in events]
    assert (meeting[0].location, meeting[0].location_country) == ("Moscow", "RUS")
    assert meeting[0].date == "2001-10-02"  # "Tuesday" = the publication day


def test_actor_key_ignores_titles_case_and_accents():
    from eventscope.actors.mentions import actor_key
    from eventscope.models import Actor

    a = actor_key(Actor(name="Igor Sergeyev", country="RUS", sector="MIL"))
    assert a == actor_key(Actor(name="Mr. igor SERGEYEV", country="RUS", sector="MIL"))
    assert actor_key(Actor(name="Dr. José Ramos", country="TLS")) == actor_key(Actor(name="Jose Ramos", country="TLS"))
    assert a != actor_key(Actor(name="Igor Sergeyev", country="RUS", sector="GOV"))  # another role
