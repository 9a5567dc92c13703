"""Cross-document event linking: mentions of one real-world event become one linked event.

Two mentions are the same event when every one of these holds: the same source and target
actor codes, and names that do not name different people ("Pompeo" and "Lavrov" may both be
a government, they are not one speaker; "23 pirates" are not "26 pirates"); the same CAMEO
root or PLOVER type; both dated, within a window that widens with the dates' precision, or
both undated (an undated mention never takes a date from a link); places that do not
contradict (another country, or another town); similar wording (shared content words, or
the same trigger); and for a statement (CAMEO 01) or an undated mention, the same story: a
bare statement is never linked across stories, and without dates only the story vouches for
"same time".
Each link records which fields agreed (`event_links.reason`). Mentions are linked in
input order, one after another, so the result does not depend on batch boundaries.
"""

from __future__ import annotations

import re
import sys
from collections import OrderedDict

from eventscope.linking.clusters import _parse
from eventscope.linking.vectors import stopwords
from eventscope.models import EventLink, LinkedEvent, LinkReason

WINDOW_DAYS = {"day": 3, "week": 7, "month": 31, "year": 366}
MIN_WORDING = 0.2  # Jaccard of the sentences' content words (unless the triggers match)
WORD = re.compile(r"[a-z]{3,}")
NUMBER = re.compile(r"\d+")  # a count or an age in an actor's name
STATEMENT_ROOT = "01"
# Words of an actor's name that say what, not who: "Russian government", "U.S. officials".
ROLE_WORDS = frozenset("""government ministry minister president prime officials official police forces army
military state department office spokesman spokeswoman spokesperson foreign defense defence
secretary general national people leader leaders authorities embassy ambassador council
parliament court troops security interior agency administration house white chief new""".split())


def content_words(text: str | None) -> frozenset[str]:
    stop = stopwords()
    return frozenset(w for w in WORD.findall((text or "").lower()) if w not in stop)


def precision_of(date: str | None) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "day")


def compatible(a: LinkedEvent, event: dict) -> bool:
    if a.cameo_root and a.cameo_root == event.get("cameo_root"):
        return True
    return bool(a.plover) and a.plover == event.get("plover")


WHO_MEMO_NAMES = 50_000  # names whose who-words are kept (a few MB); beyond, the oldest go
# ... in a process that has the actor lexicon loaded (it codes its own documents): there a
# name's words are found again in ~70 microseconds, so a memo of every name met (~300 bytes a
# name, 15,000 names at 4,000 bench articles) only made the run's memory grow with its length
WHO_MEMO_NAMES_WITH_LEXICON = 4_000


def _lexicon_loaded() -> bool:
    from eventscope.knowledge.actor_files import _load_lexicon

    return _load_lexicon.cache_info().currsize > 0


class _WhoMemo:
    """Name -> who-words, kept for the life of the process. Worker processes find the words
    of their documents' actor names where the actor lexicon is loaded (`who_of_events`) and
    the linking process takes them in (`remember`), so it loads the lexicon (~2 s of CPU,
    taken from the workers on a 2-core machine) only for a name no worker told it: a name of
    a linked event stored by an earlier run. Once the lexicon is loaded, fewer are kept."""

    def __init__(self, size: int = WHO_MEMO_NAMES, size_with_lexicon: int = WHO_MEMO_NAMES_WITH_LEXICON):
        self.size, self.size_with_lexicon = size, size_with_lexicon
        self.words: OrderedDict[str, frozenset[str]] = OrderedDict()

    def get(self, name: str) -> frozenset[str]:
        found = self.words.get(name)
        if found is None:
            return self.put(name, who_words(name))
        self.words.move_to_end(name)  # the least recently used go first
        return found

    def put(self, name: str, words: frozenset[str]) -> frozenset[str]:
        # kept for the life of the process, so kept small: every empty set is one object (an
        # empty frozenset is 216 bytes, and a fifth of the names say no who), words are shared
        words = frozenset(map(sys.intern, words)) if words else _NO_WORDS
        self.words[name] = words
        self.words.move_to_end(name)
        size = min(self.size, self.size_with_lexicon) if _lexicon_loaded() else self.size
        while len(self.words) > size:
            self.words.popitem(last=False)
        return words


_NO_WORDS: frozenset[str] = frozenset()
_memo = _WhoMemo()


def who_words(name: str) -> frozenset[str]:
    """The words of a name that say who (not a role, country or demonym): "Mike Pompeo" ->
    {pompeo, mike}; "Russian government" and "Washington" -> none. Loads the actor lexicon."""
    from eventscope.knowledge.actor_lexicon import PLACE_KINDS, tokenize
    from eventscope.knowledge.actor_files import load_lexicon

    toks = tokenize(name)
    placed = {i for m in load_lexicon().scan(toks) if m.best.kind in PLACE_KINDS
              for i in range(m.start, m.end)}
    return frozenset(t.norm for i, t in enumerate(toks)
                     if i not in placed and len(t.norm) >= 3 and t.norm.isalpha() and t.norm not in ROLE_WORDS)


def who_of_events(events) -> dict[str, frozenset[str]]:
    """Who-words of the source and target names of coded events (in the process that coded them)."""
    names = {m.name for e in events for side in (e.source, e.target) for m in side[:1] if m.name}
    return {name: _memo.get(name) for name in sorted(names)}


def remember(words: dict[str, frozenset[str]] | None) -> None:
    """Take in who-words found by the process that coded the documents."""
    for name, found in (words or {}).items():
        _memo.put(name, frozenset(found))


def _who(name: str | None) -> frozenset[str]:
    return _memo.get(name) if name else frozenset()


def names_agree(a: str | None, b: str | None) -> bool:
    """Two names of one actor code can be one actor: unless both name someone, and share no
    name, or both give a count and the counts differ ("23 pirates" and "26 pirates" the navy
    caught are two captures; "a 61-year-old man" is no 62-year-old)."""
    na, nb = set(NUMBER.findall(a or "")), set(NUMBER.findall(b or ""))
    if na and nb and not na & nb:
        return False
    wa, wb = _who(a), _who(b)
    return not wa or not wb or bool(wa & wb)


def places_agree(a: LinkedEvent, event: dict) -> bool:
    """No contradiction: another country, or (both placed to the town) another town, is another event."""
    if a.location_country and event.get("location_country") and a.location_country != event["location_country"]:
        return False
    if a.location_precision == "city" and event.get("location_precision") == "city":
        return a.location_geonames_id == event.get("location_geonames_id")
    return True


def other_event_of_same_document(a: LinkedEvent, event: dict) -> bool:
    """One article telling of a meeting and of the pact announced at it tells two events:
    within a document the coder has already merged repeats, so a different CAMEO root
    there is a different event, however close the quad class, actors and dates."""
    docs = {a.first_doc_id, *(m.doc_id for m in a.mentions)}
    return event["doc_id"] in docs and a.cameo_root != event.get("cameo_root")


def within_window(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return not a and not b  # undated only with undated: a link never dates an event
    da, db = _parse(a), _parse(b)
    if da is None or db is None:
        return True
    window = max(WINDOW_DAYS[precision_of(a)], WINDOW_DAYS[precision_of(b)])
    return abs((da - db).days) <= window


def wording(a: LinkedEvent, event: dict) -> float:
    """How alike the two sentences are: 1.0 for the same trigger, else the Jaccard of their
    content words. Within one document the same verb is no evidence (a story about arrests
    says "arrested" of every arrest it tells: "police arrested him on Thursday" and "he has
    been arrested often"): there, only shared words count."""
    same_document = event["doc_id"] in {a.first_doc_id, *(m.doc_id for m in a.mentions)}
    if a.trigger and event.get("trigger") and a.trigger.lower() == event["trigger"].lower() and not same_document:
        return 1.0
    wa, wb = content_words(a.text), content_words(event.get("sentence_text"))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def why(linked: LinkedEvent, event: dict, when: str | None, score: float) -> LinkReason:
    """Which fields agreed (event_links.reason, shown by the web app)."""
    def names(a: str | None, b: str | None):
        return (a, b) if _who(a) or _who(b) else None

    return LinkReason(
        cameo=event.get("cameo"), linked_cameo=linked.cameo, plover=linked.plover,
        source_code=linked.source_code, target_code=linked.target_code,
        source_names=names(linked.source_name, event.get("source_name")),
        target_names=names(linked.target_name, event.get("target_name")),
        dates=(linked.date, when) if when else None,
        place=event["location_country"] if linked.location_country and event.get("location_country") else None,
        same_story=(event.get("cameo_root") or "") == STATEMENT_ROOT or not when, wording=score)


def joinable(events: list[dict]):
    """`keep(pair, date, cameo_root, plover)`: whether a stored linked event with these actor
    codes, date and type passes `link_events`' type and date tests (`compatible`,
    `within_window`) for some mention of `events` with those actor codes. Those fields never
    change, and a mention joins the best candidate that passes every test whatever else was
    offered, so reading only the kept ones links exactly as reading all of them (what a batch
    reads then follows the batch's dates, not the store)."""
    by_pair: dict[tuple, list[dict]] = {}
    for event in events:
        key = (event.get("source_code"), event.get("target_code"))
        if key[0] or key[1]:
            by_pair.setdefault(key, []).append(event)
    types = {key: ({e.get("cameo_root") for e in found} - {None, ""}, {e.get("plover") for e in found} - {None, ""})
             for key, found in by_pair.items()}

    def keep(pair: tuple, date: str | None, cameo_root: str | None, plover: str | None) -> bool:
        roots, plovers = types.get(pair, (set(), set()))
        if cameo_root not in roots and plover not in plovers:
            return False
        return any(((cameo_root and cameo_root == e.get("cameo_root")) or (plover and plover == e.get("plover")))
                   and within_window(date, e.get("date") or e.get("doc_date")) for e in by_pair[pair])

    return keep


def link_events(events: list[dict], candidates_for) -> list[LinkedEvent]:
    """Link mention rows (dicts with the `events` columns plus `doc_date` and `story_id`)
    to linked events, in the order given.

    `candidates_for(source_code, target_code) -> list[LinkedEvent]` gives stored linked
    events with those actor codes. Returns every linked event that gained mentions (new
    ones included), each with its new `mentions`."""
    pool: dict[tuple, list[LinkedEvent]] = {}
    touched: dict[str, LinkedEvent] = {}
    for event in events:
        when = event.get("date") or event.get("doc_date")
        key = (event.get("source_code"), event.get("target_code"))
        best, best_key = None, (MIN_WORDING, "")
        if key[0] or key[1]:  # no actor at all: nothing to tell two mentions apart by
            if key not in pool:
                pool[key] = list(candidates_for(*key))
            statement = (event.get("cameo_root") or "") == STATEMENT_ROOT
            for linked in pool[key]:
                if other_event_of_same_document(linked, event) or not compatible(linked, event):
                    continue
                if not within_window(linked.date, when) or not places_agree(linked, event):
                    continue
                if not (names_agree(linked.source_name, event.get("source_name"))
                        and names_agree(linked.target_name, event.get("target_name"))):
                    continue
                if (statement or not when) and linked.story_id != event.get("story_id"):
                    continue  # a statement, or an undated mention, only within its story
                candidate = (wording(linked, event), linked.id)
                if candidate >= best_key:
                    best, best_key = linked, candidate
        if best is None:
            best = LinkedEvent(
                id=event["id"], cameo=event["cameo"], cameo_root=event.get("cameo_root"),
                quad_class=event.get("quad_class"), goldstein=event.get("goldstein"),
                plover=event.get("plover"), source_code=key[0], target_code=key[1], date=when,
                first_reported=event.get("doc_date"), first_doc_id=event["doc_id"],
                text=event.get("sentence_text"), trigger=event.get("trigger"),
                source_name=event.get("source_name"), target_name=event.get("target_name"),
                location_country=event.get("location_country"),
                location_geonames_id=event.get("location_geonames_id"),
                location_precision=event.get("location_precision"), story_id=event.get("story_id"))
            pool.setdefault(key, []).append(best)
            reason = None  # the first report
        else:
            reason = why(best, event, when, best_key[0])
            if event.get("doc_date") and (not best.first_reported or event["doc_date"] < best.first_reported):
                best.first_reported, best.first_doc_id = event["doc_date"], event["doc_id"]
                best.story_id = event.get("story_id")
        best.mentions.append(EventLink(event["id"], event["doc_id"], reason))
        touched[best.id] = best
    return list(touched.values())
