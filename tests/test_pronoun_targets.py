"""A pronoun object stands for the object of the verb before (coding.targets.earlier_objects),
on invented sentences (not from any dev set)."""

from __future__ import annotations


def acts(result, plover: str) -> list[tuple[tuple, tuple]]:
    return [(tuple(a.country for a in e.source), tuple(a.country for a in e.target))
            for e in result.events if e.plover == plover]


def test_urged_him_after_calling_someone_is_aimed_at_the_one_called(code_text):
    r = code_text("The Chinese president called the French president on Monday and urged him to lift the sanctions.")
    assert (("CHN",), ("FRA",)) in acts(r, "REQUEST")


def test_warned_him_after_meeting_someone_is_aimed_at_the_one_met(code_text):
    r = code_text("The Kenyan foreign minister met the Somali ambassador and warned him that the border would close.")
    assert (("KEN",), ("SOM",)) in acts(r, "THREATEN")
