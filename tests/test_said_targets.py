"""Targets of said acts from the speech, letter or call they were made in
(coding.spoken_targets.audiences), on invented sentences (not from any dev set)."""

from __future__ import annotations

from eventscope.knowledge.implicit_agents import said_channels


def acts(result, plover: str) -> list[tuple[tuple, tuple]]:
    return [(tuple(a.country for a in e.source), tuple(a.country for a in e.target))
            for e in result.events if e.plover == plover]


def test_the_channels_file_names_whom_each_channel_is_addressed_to():
    channels = said_channels()
    assert channels["letter"] == {"to"} and "with" in channels["call"]


def test_a_demand_in_a_letter_is_aimed_at_whom_the_letter_went_to(code_text):
    r = code_text("In a letter to the Japanese prime minister, the South Korean president demanded an apology.")
    assert (("KOR",), ("JPN",)) in acts(r, "REQUEST")


def test_a_warning_during_an_address_to_a_gathering_is_aimed_at_its_members(code_text):
    r = code_text("The Israeli prime minister warned against a deal during his address to a session of the "
                  "Canadian parliament.")
    assert (("ISR",), ("CAN",)) in acts(r, "REQUEST")


def test_a_threat_beside_a_letter_sent_to_someone_is_aimed_at_them(code_text):
    r = code_text("The Indian prime minister sent a letter to the Nepalese king warning that the border must "
                  "remain open.")
    assert (("IND",), ("NPL",)) in acts(r, "THREATEN")


def test_a_statement_urging_someone_is_aimed_at_them(code_text):
    r = code_text("The Brazilian foreign ministry issued a statement urging Venezuela to release the prisoners.")
    assert (("BRA",), ("VEN",)) in acts(r, "REQUEST")


def test_praise_in_a_speech_is_not_aimed_at_the_audience(code_text):
    # praise is about someone, not said to someone: the audience is no target
    r = code_text("In his address to the Kenyan parliament, the Ugandan president praised the new railway.")
    assert all(("KEN",) != targets for _, targets in acts(r, "SUPPORT"))
