"""Read comparable labels off gold and predicted events: types, CAMEO roots, class5, actors.

Gold actors come in two shapes: Multi-CoPED / ordinary gold gives `country` and `sector`
(or only `text`), the PETRARCH unit tests give one `code` such as "DAGGOV" (3-letter country
then agent codes). Predicted actors always follow the `eventscope code` contract
(`name`, `country`, `sector`).

Actor-code rule for triples (explicit, because it decides what "exactly found" means):
an actor's code is the string country + sector, compared by exact equality. A missing
country is written "---" (PETRARCH's "unknown country"), a missing sector as "". So gold
"ARN" matches a predicted actor (ARN, no sector) but not (ARN, GOV); gold "---GOV" matches
(no country, GOV); gold "ARNGOVFRM" needs a predicted sector "GOVFRM"; a gold PETRARCH
actor with a null code and a predicted actor with neither country nor sector are both "---".
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

NONE = "none"  # the predicted label when the coder produced nothing usable
UNKNOWN_COUNTRY = "---"


def text_label(value) -> str | None:
    """Upper-cased, stripped label, or None when empty."""
    if value is None:
        return None
    text = str(value).strip().upper()
    return text or None


def mode_label(event, mode) -> str | None:
    """A PLOVER mode as text_label, in the codebook's spelling when the event knows it
    (gold files write "SIEZE" for "seize")."""
    label, taxonomy = text_label(mode), _taxonomy()
    if label is None or text_label(event) is None or taxonomy is None:
        return label
    try:
        canonical = taxonomy.canonical_mode(str(event), label)
    except KeyError:  # an event type the taxonomy does not know
        return label
    return canonical.upper() if canonical else label


def cameo_code(value) -> str | None:
    """A CAMEO code as a string; a bare one-digit root "4" (or int 4) becomes "04"."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    return text.zfill(2) if len(text) == 1 and text.isdigit() else text


def cameo_root(value) -> str | None:
    """First two characters of the code: "0421" -> "04", PETRARCH "1717" -> "17"."""
    code = cameo_code(value)
    return code[:2] if code else None


def confidence(event: dict) -> float:
    try:
        return float(event.get("confidence") or 0.0)
    except (TypeError, ValueError):
        return 0.0


def main_event(events: list[dict]) -> dict | None:
    """The event a record is mainly about: highest confidence, first one on ties."""
    best = None
    for event in events:
        if best is None or confidence(event) > confidence(best):
            best = event
    return best


# -- class5 ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _fallback_table() -> dict[tuple[str, str], int]:
    from eventscope.knowledge.tsv import read_tsv

    path = resources.files("eventscope.evaluation").joinpath("data", "class5.tsv")
    return {(row["kind"], row["code"]): int(row["class5"]) for _, row in read_tsv(path)}


def _taxonomy():
    """The shared taxonomy module when importable (it knows PETRARCH variants like "174K")."""
    try:
        from eventscope.knowledge import taxonomy
    except ImportError:
        return None
    if hasattr(taxonomy, "class5") and hasattr(taxonomy, "plover_to_cameo"):
        return taxonomy
    return None


def class5_of_cameo(value) -> int | None:
    code = cameo_code(value)
    if code is None:
        return None
    taxonomy = _taxonomy()
    if taxonomy is not None:
        try:
            return taxonomy.class5(code)
        except KeyError:  # root unknown to the codebook ("903", "345")
            return None
    return _fallback_table().get(("cameo_root", code[:2]))


def class5_of_plover(value, mode=None) -> int | None:
    label = text_label(value)
    if label is None:
        return None
    taxonomy = _taxonomy()
    if taxonomy is not None:
        try:
            return taxonomy.class5(taxonomy.plover_to_cameo(label, mode or None))
        except KeyError:
            return None
    return _fallback_table().get(("plover", label))


def predicted_class5(event: dict | None) -> int | str:
    """Class of a predicted event: from its CAMEO code, else its PLOVER type, else NONE."""
    if event is None:
        return NONE
    found = class5_of_cameo(event.get("cameo"))
    if found is None:
        found = class5_of_plover(event.get("plover"), event.get("plover_mode"))
    return NONE if found is None else found


# -- actors ------------------------------------------------------------------------------


def gold_actor_code(actor: dict) -> str | None:
    """PETRARCH `code` as given ("---" when the key is there but null: an actor the
    dictionaries leave uncoded), else country + sector; None for text-only actors, which
    were never coded and so give no triple."""
    if "code" in actor:
        return str(actor["code"] or UNKNOWN_COUNTRY).strip().upper()
    country, sector = actor.get("country"), actor.get("sector")
    if not country and not sector:
        return None
    return (country or UNKNOWN_COUNTRY) + (sector or "")


def gold_actor_country(actor: dict) -> str | None:
    """`country`, else the first three letters of a PETRARCH code. "---" (unknown) and
    non-letter codes ("###") carry no country."""
    country = actor.get("country")
    if country:
        return str(country).strip().upper()
    code = actor.get("code")
    if code:
        head = str(code).strip().upper()[:3]
        if len(head) == 3 and head.isalpha():
            return head
    return None


def predicted_actor_code(actor: dict) -> str:
    return (actor.get("country") or UNKNOWN_COUNTRY) + (actor.get("sector") or "")


def predicted_countries(actors: list[dict]) -> set[str]:
    return {str(a["country"]).strip().upper() for a in actors if a.get("country")}


def triples(events: list[dict], gold: bool) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO code) for every source x target pair of every event
    with a CAMEO code. Text-only gold actors give no triple; a set, so a triple
    repeated within one record counts once."""
    code_of = gold_actor_code if gold else predicted_actor_code
    found = set()
    for event in events:
        code = cameo_code(event.get("cameo"))
        if code is None:
            continue
        sources = [c for c in map(code_of, event.get("source") or []) if c]
        targets = [c for c in map(code_of, event.get("target") or []) if c]
        found.update((s, t, code) for s in sources for t in targets)
    return found
