"""The event encoder as a chooser among the lexicon's readings of a clause (issue 21).

The coder's verb lexicon often has several readings of one verb ("hit" 190, "hit .. sanctions"
163; "back" 051, "back down" 081): `Lexicon.match` takes the most specific one that fits the
clause's object words. Here the encoder does not compete with the coder's type; it only
chooses among the codes the lexicon offers for the clause's verb (`readings`), each passed
through the same frame or future rule that made the event's code ("agreed to hit" -> an
agreement of the framed act). An event whose code a later rule changed (doer types, a
restraint, a weapon launched at no one) has no readings: its own pattern would not give its
code back, and the encoder leaves it alone.

    codes = readings(event, doc, lexicon)            # ["190", "163"]: own code first
    chosen = choose(event, judgement, codes, margin=0.3)   # the code the encoder prefers, or None

A measurement tool, not part of the coder (it lives in tools/ for that reason): tools/judge_variants.py replays these choices (and `said_act`,
`rival_losers`) on the real-news train split with fold models, and none won in nested CV
(README, "The event encoder": the lexicon's other readings almost never hold the gold type).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventscope.coding import clauses  # noqa: E402
from eventscope.coding.clause_objects import object_words  # noqa: E402
from eventscope.coding.frames import apply_frame  # noqa: E402
from eventscope.knowledge import taxonomy  # noqa: E402
from eventscope.models import Event  # noqa: E402

NO_TYPE = "NONE"  # the encoder's PLOVER label of a statement (CAMEO 01)
FRAME_NOTE = "frame "
FUTURE_NOTE = "future tense"
REFUSED_NOTE = "refused: a negated future act"


def action_token(event: Event, doc):
    """The token whose verb pattern coded the event: the trigger's last word ("agreed .. sell"
    -> "sell"), found inside the event's clause span first, then in its sentence; None when
    neither holds it."""
    word = (event.trigger or "").split(" .. ")[-1].strip()
    if not word or not 0 <= event.sentence:
        return None
    sents = list(doc.sents)
    if event.sentence >= len(sents):
        return None
    sent = sents[event.sentence]
    inside = [t for t in sent if t.text == word and event.span[0] <= t.idx < event.span[1]]
    anywhere = [t for t in sent if t.text == word]
    return (inside or anywhere or [None])[0]


def _rules(event: Event) -> list[str]:
    return [e.value for e in event.evidence if e.kind == "rule"]


def _transform(code: str, rules: list[str]) -> str | None:
    """`code` passed through the frame / future / refusal rules the event's evidence names, in
    the coder's order (frame first; coder._event)."""
    for rule in rules:
        if rule.startswith(FRAME_NOTE):
            code = apply_frame(rule[len(FRAME_NOTE):], code)
            if code is None:
                return None
    if REFUSED_NOTE in rules:
        code = apply_frame("refuse", code)
    if code is not None and FUTURE_NOTE in rules:
        code = apply_frame("intent", code)
    return code


def readings(event: Event, doc, lexicon, wide: bool = False) -> list[str]:
    """The CAMEO codes the lexicon offers for the event's clause, the event's own first; [] when
    the event was not coded by a verb pattern or a later rule changed its code. `wide`: every
    pattern of the verb's keys; else only those that fit the clause's object words (the
    ones `Lexicon.match` ranked below the one it took)."""
    own = lexicon.pattern_of(event.evidence)
    token = action_token(event, doc) if own is not None else None
    if token is None:
        return []
    keys = clauses.verb_keys(token)
    if own.verb not in keys:
        known = lexicon.lemma_of(token.lower_)
        keys = clauses.verb_keys(token, known) if known else keys
    if own.verb not in keys:
        return []
    words = object_words(token)
    domain = words | {c.lemma_.lower() for c in token.children}
    rules = _rules(event)
    if _transform(lexicon.refine(own.cameo, domain), rules) != event.cameo:
        return []
    out = [event.cameo]
    for key in keys:
        for pattern in lexicon.verbs.get(key, ()):
            if pattern is own or not (wide or pattern.fits(words)):
                continue
            code = _transform(lexicon.refine(pattern.cameo, domain), rules)
            if code is not None and code not in out and _known(code):
                out.append(code)
    return out


def _known(code: str) -> bool:
    try:
        taxonomy.cameo(code)
        return True
    except KeyError:
        return False


def type_of(code: str) -> str:
    return taxonomy.cameo(code).plover or NO_TYPE


def reading_probability(judgement, code: str, head: str = "plover") -> float:
    """The encoder's probability of a reading: of its PLOVER type (`head` "plover"), of its
    CAMEO root ("cameo"), or their mean ("both")."""
    p_type = judgement["plover"].get(type_of(code), 0.0)
    p_root = judgement["cameo"].get(code[:2], 0.0)
    return {"plover": p_type, "cameo": p_root}.get(head, (p_type + p_root) / 2)


def choose(event: Event, judgement, codes: list[str], margin: float = 0.0, head: str = "plover") -> str | None:
    """The reading (not the event's own code) the encoder prefers to the event's own by at least
    `margin` in probability, or None: it keeps its code."""
    if len(codes) < 2:
        return None
    own = reading_probability(judgement, event.cameo, head)
    best = max(codes[1:], key=lambda c: reading_probability(judgement, c, head))
    if type_of(best) == type_of(event.cameo) and head == "plover":
        return None
    return best if reading_probability(judgement, best, head) - own >= margin and \
        reading_probability(judgement, best, head) > own else None


STATEMENT_ROOT = "01"


def said_act(event: Event, judgement, threshold: float) -> str | None:
    """For a statement ("X said ..."; CAMEO 01, no PLOVER type): the representative CAMEO code
    of the PLOVER type the encoder reads in the clause, when it is sure of it (p >= threshold);
    else None (it stays a statement)."""
    if (event.cameo or "")[:2] != STATEMENT_ROOT:
        return None
    label, p = judgement.best("plover", [t for t in judgement["plover"] if t != NO_TYPE])
    return taxonomy.plover_to_cameo(label) if p >= threshold else None


def dyad_of(event: Event) -> tuple:
    """(source countries, target countries) of an event: the pair the dyad's readings share."""
    return (frozenset(a.country or a.name for a in event.source),
            frozenset(a.country or a.name for a in event.target))


def rival_losers(events: list[Event], judged: dict, margin: float = 0.0) -> set[int]:
    """Indices of events that lose to a rival: among judged events of one sentence and one dyad
    with different PLOVER types (the coder's competing readings of what one actor did to
    another there), the encoder keeps the one whose own type it reads likeliest (each event
    read with its own trigger marked); a rival whose type is less likely by at least `margin`
    loses."""
    groups: dict[tuple, list[int]] = {}
    for k in judged:
        groups.setdefault((events[k].sentence, dyad_of(events[k])), []).append(k)
    losers = set()
    for members in groups.values():
        if len({events[k].plover or NO_TYPE for k in members}) < 2:
            continue
        p = {k: judged[k]["plover"].get(events[k].plover or NO_TYPE, 0.0) for k in members}
        best = max(members, key=p.__getitem__)
        losers |= {k for k in members if (events[k].plover or NO_TYPE) != (events[best].plover or NO_TYPE)
                   and p[best] - p[k] >= margin}
    return losers
