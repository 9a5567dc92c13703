"""Frames: a verb that takes another action as complement changes what is coded.

"agreed to sell" is an intent to cooperate, "threatened to impose sanctions" a threat,
"ruled out cooperating" a rejection. The mapping is data (data/frame_codes.tsv, read by
knowledge.verb_lexicon.frame_rules).
"""

from __future__ import annotations

from eventscope.knowledge.verb_lexicon import frame_rules as _table

KEEP = "="
DROP = "-"


def apply_frame(frame: str, code: str) -> str | None:
    """The code a frame makes of a complement's code; None when the frame voids it."""
    rules = _table().get(frame)
    if rules is None:
        return code
    for length in range(len(code), 1, -1):
        result = rules.get(code[:length])
        if result is not None:
            break
    else:
        result = rules.get("*", KEEP)
    if result == DROP:
        return None
    return code if result == KEEP else result


def generic_code(frame: str) -> str | None:
    """The code a frame makes of any complement ("*": "urged X not to ..." is an appeal, 020)."""
    result = _table().get(frame, {}).get("*")
    return None if result in (None, KEEP, DROP) else result


def frames() -> set[str]:
    return set(_table())
