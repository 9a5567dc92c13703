"""An act told twice in one story: once without its target, once with it.

A headline or lead often tells an act short ("Sweden drops rape inquiry") and the body tells
it in full ("prosecutors in Sweden dropped their inquiry into allegations against Lena Berg").
An analyst lists that act once, with its target. So an act with a source but no target takes
the target of the nearest act of the same PLOVER type done by the same source country that
has one. Acts whose conjoined sources act jointly ("A and B agreed": no target on purpose,
coding.targets) are left as they are. Pure: events in, events out.
"""

from __future__ import annotations

from dataclasses import replace

from eventscope.models import Event, Evidence

JOINT_NOTE = "target: none, a joint act of its sources"  # coding.targets.complete


def with_retold_targets(events: list[Event]) -> list[Event]:
    """Each untargeted act with the target of the same act told with one (see the module)."""
    told = [e for e in events if e.source and e.target and e.plover]
    if not told:
        return events
    out = []
    for event in events:
        same = _same_act(event, told)
        if not same:
            out.append(event)
            continue
        nearest = min(same, key=lambda e: (abs(e.sentence - event.sentence), -e.sentence))
        note = Evidence("rule", f"target: as the same act told in sentence {nearest.sentence}")
        out.append(replace(event, target=list(nearest.target), evidence=event.evidence + (note,), id=""))
    return out


def _same_act(event: Event, told: list[Event]) -> list[Event]:
    if event.target or not event.plover or any(e.value == JOINT_NOTE for e in event.evidence):
        return []
    countries = {a.country for a in event.source if a.country}
    if not countries:
        return []
    return [e for e in told if e.plover == event.plover and countries == {a.country for a in e.source if a.country}]
