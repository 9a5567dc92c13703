"""Which events exist (issue 16, "events found / events that do not exist"): an event needs
someone doing it or someone it is done to, a consultation a second party, a CAMEO.2.0 verb
with no object a dyad of its own. Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from conftest import coded_events
from eventscope.coding.selection import MAIN_EVENT, analyst_events
from eventscope.models import Actor, Event, Evidence


def _event(source, target, decides=None) -> Event:
    note = Evidence("model", "document main event: PLOVER model MOBILIZE p=0.95", decides=decides)
    return Event(doc_id="d", sentence=0, span=(0, 10), source=source, target=target, cameo="150",
                 cameo_root="15", goldstein=-7.2, quad_class=4, plover="MOBILIZE", evidence=(note,))


def test_a_story_main_event_with_no_actor_is_not_filed_beside_events_with_actors():
    army = Actor(name="Ruritanian army", country="RUR", sector="MIL")
    kept = analyst_events([_event([], [], decides=MAIN_EVENT), _event([army], [])])
    assert [e.source for e in kept] == [[army]]


def test_a_story_main_event_with_no_actor_is_the_news_when_nothing_else_is():
    assert len(analyst_events([_event([], [], decides=MAIN_EVENT)])) == 1
    assert analyst_events([_event([], [])]) == []  # no story model behind it: nothing to file


def test_a_story_main_event_with_an_actor_stays():
    army = Actor(name="Ruritanian army", country="RUR", sector="MIL")
    kept = analyst_events([_event([army], [], decides=MAIN_EVENT)])
    assert [e.source[0].name for e in kept] == ["Ruritanian army"]


def test_a_cameo2_verb_with_no_object_needs_a_target_of_its_own(code_text):
    # "serve" is a CAMEO.2.0 verb listed without objects: the country of a place phrase is
    # no one it serves
    assert coded_events(code_text, "A Kenyan activist is serving a jail term in Uganda for fraud.") == []


def test_a_cameo2_verb_with_no_object_still_codes_its_own_dyad(code_text):
    events = coded_events(code_text, "Nigerian troops captured two Chadian rebels near the border.")
    assert any(e[2] == ("NGA",) and e[3] == ("TCD",) for e in events), events


def _consult(source, target) -> Event:
    return Event(doc_id="d", sentence=0, span=(0, 10), source=source, target=target, cameo="040",
                 cameo_root="04", goldstein=1.0, quad_class=1, plover="CONSULT")


@pytest.mark.parametrize("text", [
    "The Kenyan president visited the northern border region on Tuesday.",
    "The Kenyan president arrived in Mombasa on Friday.",
])
def test_a_visit_with_no_host_is_no_consultation(code_text, text):
    # PLOVER CONSULT, visit mode: "The visitor is the ACTOR; host is RECIPIENT"
    assert not [e for e in coded_events(code_text, text) if e[1] == "CONSULT"]


def test_a_visit_to_a_country_stays(code_text):
    assert ("042", "CONSULT", ("KEN",), ("UGA",)) in coded_events(code_text, "The Kenyan president visited Uganda on Tuesday.")


def test_a_meeting_of_two_sources_needs_no_recipient():
    # multilateral mode: "have a meeting, code both as ACTOR (with no RECIPIENT)"
    kenya, uganda = Actor(name="Kenya", country="KEN"), Actor(name="Uganda", country="UGA")
    assert len(analyst_events([_consult([kenya, uganda], [])])) == 1
    assert analyst_events([_consult([kenya], [])]) == []


def test_recipient_rules_are_yes_no_or_party():
    from eventscope.knowledge.implicit_agents import types_requiring_party
    from eventscope.knowledge.tsv import CODING_DATA, read_tsv

    assert {row["requires_recipient"] for _, row in read_tsv(CODING_DATA / "plover_recipients.tsv")} <= {"yes", "no", "party"}
    assert "CONSULT" in types_requiring_party()


def test_a_meeting_of_a_plural_subject_stays(code_text):
    # one actor read from "the ministers of A and B": they met each other, not no one
    events = coded_events(code_text, "The trade ministers of Kenya and Uganda met in Arusha on Monday.")
    assert [e for e in events if e[1] == "CONSULT"], events
