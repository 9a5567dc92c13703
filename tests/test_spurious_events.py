"""Events that should not exist, or not with the doer coded (issue 16c, precision): nouns deep
in another noun's phrase read as the verb's object, headlines' reduced passives, an attack on a
state's own forces given to that state. Every sentence here is invented."""

from __future__ import annotations


def _by_trigger(result, trigger: str):
    return [e for e in result.events if e.trigger == trigger]


# --- object depth: a noun two prepositions down is another noun's --------------------------

def test_joining_calls_for_an_inquiry_into_an_attack_is_no_attack(code_text):
    result = code_text("Kenyan opposition leaders joined calls for an investigation into the attack on the market.")
    assert not [e for e in result.events if e.plover == "ASSAULT"], result.events
    joined = code_text("Kenyan opposition leaders joined the attack on the market.")
    assert [e.plover for e in _by_trigger(joined, "joined")] == ["ASSAULT"], joined.events


# --- a state's own forces attacked: their state is not the implied attacker -----------------

def test_a_state_is_not_the_implied_attacker_of_its_own_forces(code_text):
    downed = code_text("Their helicopter was shot down over the valley, the Kenyan army said.")
    shot = _by_trigger(downed, "shot")
    assert shot and not [a for a in shot[0].source if a.country == "KEN"], downed.events
    # a civilian victim keeps the doer implied from the story's country
    killed = code_text("A Kenyan farmer was shot dead near Nakuru on Sunday.")
    assert [a.country for e in _by_trigger(killed, "shot") for a in e.source] == ["KEN"], killed.events
