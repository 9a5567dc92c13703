"""Targets read from an act's phrases and clauses (coding.phrase_targets, coding.targets), on
invented sentences (not from any dev set)."""

from __future__ import annotations


def aimed(result, plover: str) -> list[list[tuple[str | None, str | None]]]:
    return [[(a.country, a.sector) for a in e.target] for e in result.events if e.plover == plover]


def test_a_passive_after_clause_happens_to_the_subject_of_the_clause_it_qualifies(code_text):
    r = code_text("A Kenyan opposition leader died in custody after being arrested in a police raid, officials said.")
    assert aimed(r, "COERCE") == [[("KEN", "OPP")]]


def test_a_circumstance_s_doer_is_not_the_target(code_text):
    # the army did the raid (and the shooting): never whom it was aimed at
    r = code_text("Police said the suspect was shot dead in an army raid in Mombasa on Monday.")
    assert all(sector != "MIL" for targets in aimed(r, "ASSAULT") for _, sector in targets)
    # a building's owner still is: the embassy is the United States'
    r = code_text("Angry protesters gathered at the US embassy in Cairo on Friday.")
    assert any(("USA", "GOV") in targets for targets in aimed(r, "CONSULT") + aimed(r, "PROTEST"))


def test_a_sea_is_no_target(code_text):
    r = code_text("The Indian navy patrolled the Gulf of Aden on Thursday.")
    assert all(not targets for targets in aimed(r, "MOBILIZE"))
    r = code_text("Vietnam sent two coast guard ships to the South China Sea on Monday.")
    assert all("Sea" not in (a.text or "") for e in r.events for a in e.target)

