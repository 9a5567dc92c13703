"""An act told twice in one story: once without its target, once with it.

A headline or lead often tells an act short ("Sweden drops rape inquiry") and the body tells
it in full ("prosecutors in Sweden dropped their inquiry into allegations against Lena Berg").
An analyst lists that act once, with its target. So an act with a source but no target takes
the target of the nearest act of the same PLOVER type done by the same source country that
has one. Failing that, when every act of that type the story tells with a target is aimed at
one and the same country (other than the act's source's), the story is about acts against
that one party ("Sweden reopened its investigation" in a story of charges against one man),
and the act takes that target too. Acts whose conjoined sources act jointly ("A and B
agreed": no target on purpose, coding.targets) are left as they are. Pure: events in, events
out.
"""

from __future__ import annotations

from dataclasses import replace

from eventscope.models import Event, Evidence

JOINT_NOTE = "target: none, a joint act of its sources"  # coding.targets.complete


def with_retold_targets(events: list[Event]) -> list[Event]:
    """Each untargeted act with the target of the same act told with one (see the module)."""
    told = [e for e in events if e.source and e.target and e.plover]
    aimed = [e for e in events if e.target and e.plover]  # "X was accused": aimed, by whoever
    if not aimed:
        return events
    out = []
    for event in events:
        same = _same_act(event, told)
        if same:
            nearest = min(same, key=lambda e: (abs(e.sentence - event.sentence), -e.sentence))
            note = Evidence("rule", f"target: as the same act told in sentence {nearest.sentence}")
        else:
            nearest = _one_party(event, aimed)
            note = Evidence("rule", f"target: the one party acts of this type aim at (sentence {nearest.sentence})"
                            ) if nearest else None
        if nearest is None:
            out.append(event)
            continue
        out.append(replace(event, target=list(nearest.target), evidence=event.evidence + (note,), id=""))
    return out


def _untargeted(event: Event) -> set[str]:
    """The source countries of an act that may take a target from the story (none: it may not)."""
    if event.target or not event.plover or any(e.value == JOINT_NOTE for e in event.evidence):
        return set()
    return {a.country for a in event.source if a.country}


def _same_act(event: Event, told: list[Event]) -> list[Event]:
    countries = _untargeted(event)
    if not countries:
        return []
    return [e for e in told if e.plover == event.plover and countries == {a.country for a in e.source if a.country}]


def _one_party(event: Event, told: list[Event]) -> Event | None:
    """The nearest act of the event's type with a target (whoever did it), when all such acts
    of the story aim at one country that is not the event's source's."""
    countries = _untargeted(event)
    if not countries:
        return None
    same_type = [e for e in told if e.plover == event.plover]
    aimed = {a.country for e in same_type for a in e.target}
    if len(aimed) != 1 or None in aimed or aimed & countries:
        return None
    return min(same_type, key=lambda e: (abs(e.sentence - event.sentence), -e.sentence))
