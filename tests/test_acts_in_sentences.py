"""Acts a sentence holds besides its first one, and acts inside what was said (issue 16,
recall inside sentences). Every sentence here is invented for the test."""

from __future__ import annotations

from conftest import coded_events


def _plovers(events, plover):
    return [(src, tgt) for _, p, src, tgt in events if p == plover]


def test_a_wish_that_another_act_stands_beside_what_its_clause_mentions(code_text):
    # the wish codes its clause itself: a relative clause or participle inside that clause
    # ("the man who attacked", "his alleged role") does not make it a bare frame to drop
    for text in ("Kenya wants Uganda to extradite the man who attacked the Kenyan embassy.",
                 "Kenya wants Britain to extradite Smith, 47, over his alleged role in the leak of files."):
        events = coded_events(code_text, text)
        assert any(tgt in {("UGA",), ("GBR",)} for _, tgt in _plovers(events, "REQUEST")), (text, events)


def test_a_thought_is_no_demand(lexicon_text):
    # CAMEO.2.0 lists "calculate" among statements; an obligation thought of is no one's demand
    events = coded_events(lexicon_text, "Kenyan officials have calculated that the border with Uganda "
                                        "should be closed.")
    assert not _plovers(events, "REQUEST"), events
    said = coded_events(lexicon_text, "Kenyan officials said that Uganda should close the border.")
    assert (("KEN",), ("UGA",)) in _plovers(said, "REQUEST"), said
