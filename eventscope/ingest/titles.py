"""A headline without the page's labels around it: "BREAKING: X - The Paradigm" is "X".

A page frames a headline with labels (data/headline_labels.txt: "BREAKING:", "| Editorial")
and with the outlet's own name ("... | Al Bawaba", "... -- Sott.net", "RT: ..." from
RussiaToday). Once the outlet is known (assemble.py asks, last), both come off; a label of
the news itself ("UN: ...", "... - report") stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventscope.ingest.wordlists import word_set

_SUFFIX = re.compile(r"^(?P<head>.+?)\s*(?:\s[|\u2013\u2014]|\s-{1,2}|\|)\s+(?P<tail>[^|\u2013\u2014]{1,60})$")
_PREFIX = re.compile(r"^(?P<label>[^:]{1,30}):\s+(?P<rest>\S.*)$")
_SITE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|co\.uk|news)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def headline_labels() -> frozenset[str]:
    return word_set("headline_labels.txt")


def _key(name: str) -> str:
    return re.sub(r"[^\w]+", "", name).lower()


def _initials(outlet: str) -> str:
    """ "RussiaToday" and "Russia Today" -> "rt"; "" for a one-word name."""
    words = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+", outlet)
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def _is_outlet(label: str, outlet: str | None) -> bool:
    """The label names the outlet: its name, its site ("Sott.net"), or its initials ("RT")."""
    if _SITE.match(label.strip()):
        return True
    if not outlet:
        return False
    key, own = _key(label), _key(outlet)
    return bool(key) and (key == own or key == _key(outlet.split(".")[0]) or key == _initials(outlet))


def clean_title(title: str | None, outlet: str | None) -> str | None:
    """The headline less its labels and the outlet's name, before or after it (repeatedly:
    "BREAKING: X - The Paradigm"); never less than a word."""
    if not title:
        return title
    labels = headline_labels()
    changed = True
    while changed:
        changed = False
        suffix = _SUFFIX.match(title)
        if suffix and (suffix["tail"].strip().lower() in labels or _is_outlet(suffix["tail"], outlet)):
            title, changed = suffix["head"].strip(), True
        prefix = _PREFIX.match(title)
        if prefix and (prefix["label"].strip().lower() in labels or _is_outlet(prefix["label"], outlet)):
            rest = prefix["rest"].strip()
            title, changed = rest[:1].upper() + rest[1:], True  # "RT: clashes in ..." -> "Clashes in ..."
    return title or None


def clean_outlet(outlet: str | None) -> str | None:
    """A site name that carries its slogan or sections ("The Tico Times | Costa Rica News |
    Travel") is its first part."""
    if not outlet:
        return outlet
    return re.split(r"\s+[|\u2013\u2014]\s+|\s*\|\s*", outlet.strip())[0].strip() or None
