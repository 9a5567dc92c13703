"""An act that moves the source's own forces is aimed at where they go (coding.own_forces),
on invented sentences (not from any dev set)."""

from __future__ import annotations


def dyads(result) -> list[tuple[tuple, tuple]]:
    return [(tuple(a.country for a in e.source), tuple(a.country for a in e.target)) for e in result.events]


def test_troops_sent_abroad_aim_the_act_at_where_they_go(code_text):
    r = code_text("Britain is deploying 300 troops to the peacekeeping mission in Mali.")
    assert (("GBR",), ("MLI",)) in dyads(r)
    assert all("GBR" not in targets for _, targets in dyads(r))


def test_warships_sent_to_a_coast_aim_at_its_country(code_text):
    r = code_text("The Russian defence ministry sent two warships to the coast of Syria.")
    assert (("RUS",), ("SYR",)) in dyads(r)


def test_own_troops_withdrawn_to_no_named_country_are_no_target(code_text):
    r = code_text("Pakistan is willing to withdraw its troops from the disputed border region.")
    assert all("PAK" not in targets for _, targets in dyads(r))


def test_another_country_s_troops_and_released_soldiers_stay_targets(code_text):
    r = code_text("Russia sent Syrian troops to the front.")
    assert any("SYR" in targets for _, targets in dyads(r))
    r = code_text("A Sudanese militia freed 280 child soldiers in Darfur on Monday.")
    assert any("SDN" in targets for _, targets in dyads(r))
