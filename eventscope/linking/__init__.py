"""linking stage: near-duplicate documents, cross-document events, stories and briefs.

Two calls from `pipeline.run`, per batch: `divert_duplicates` before coding (copies become
extra sources of a stored document and are not coded), `link_batch` after the store has
written the batch's results. Both compute records (`models.LinkBatch`, `models.Story`, copies);
the store (store/links.py) turns them into rows and writes them.
"""

from __future__ import annotations

import weakref
from collections import Counter

from eventscope.linking.brief import Candidate, build_brief
from eventscope.linking.clusters import StoryVector, countries_to_text
from eventscope.linking.duplicates import find_copies, from_bytes
from eventscope.linking.events import joinable, link_events, remember
from eventscope.linking.stored_stories import StoredStories, vector_of
from eventscope.linking.stories import StoryInput, assign_stories
from eventscope.linking.story_postings import KEY_TERMS, key_terms
from eventscope.linking.vectors import document_countries, document_names
from eventscope.models import LinkBatch, LinkedEvent, Story, StoryGrowth, StoryState

__all__ = ["divert_duplicates", "finish", "link_batch"]


def divert_duplicates(documents: list, store) -> list:
    """The documents to code: `documents` minus near-copies of stored or earlier documents
    of the batch, which the store records as extra sources (document_sources)."""
    if not documents:
        return documents
    known = store.known_copy_ids([d.id for d in documents])
    documents = [d for d in documents if d.id not in known]
    found: set[str] = set()  # stored documents sharing a band key: a stored signature of the batch is among them

    def lookup(keys: list[int]) -> list:
        stored = [from_bytes(i, blob, shared) for i, blob, shared in store.lsh_candidates(keys)]
        found.update(s.doc_id for s in stored)
        return stored

    originals, copies, signatures = find_copies(documents, lookup)
    store.write_duplicates(copies, [(s.doc_id, s.values.tobytes(), s.band_keys()) for s in signatures],
                           stored=found)
    # a late copy adds a source to events already linked: those of stored originals (a copy of
    # a document of this batch, not yet written, finds no linked event: not looked for)
    late = sorted({c.doc_id for c in copies if c.doc_id in found})
    if late:
        store.refresh_linked_counts(store.linked_ids_of_documents(late))
    return originals


_StoredStories = StoredStories  # (the name tests and benchmarks know)


_story_indexes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _stored_stories(store) -> _StoredStories:
    index = _story_indexes.get(store)
    if index is None:
        index = _story_indexes[store] = _StoredStories(store)
        store.forget_on_rollback("story index", _forget_story_index)
    return index


def _forget_story_index(store) -> None:
    """A batch rolled back: the index (postings, cached stories, sketches) and the backlog check
    may hold what it wrote; both are rebuilt from the store by the next batch."""
    _story_indexes.pop(store, None)
    _caught_up.discard(store)


def _story_input(doc_id: str, text: str, title: str | None, date: str | None,
                 countries: frozenset[str] | None = None, names: frozenset[str] | None = None,
                 counts: dict[str, float] | None = None) -> StoryInput:
    """What the clusterer reads of a document; what the Processor found (DocumentResult's
    countries, names, story_terms) is taken as it is, the rest computed here."""
    return StoryInput(doc_id, text, title, date,
                      document_countries((title or "") + "\n" + text) if countries is None else countries,
                      document_names(text, title) if names is None else names, counts)


def _event_rows(results) -> list[dict]:
    rows = []
    for result in results:
        texts = {s.index: s.text for s in result.sentences}
        for e in result.events:
            source, target = (e.source[0] if e.source else None), (e.target[0] if e.target else None)
            rows.append({"id": e.id, "doc_id": result.document.id, "sentence": e.sentence,
                         "doc_date": result.document.date, "date": e.date, "cameo": e.cameo,
                         "cameo_root": e.cameo_root, "quad_class": e.quad_class, "goldstein": e.goldstein,
                         "plover": e.plover, "trigger": e.trigger, "sentence_text": texts.get(e.sentence),
                         "source_code": (source.code or None) if source else None,
                         "target_code": (target.code or None) if target else None,
                         "source_name": source.name if source else None, "target_name": target.name if target else None,
                         "location_country": e.location_country, "location_geonames_id": e.location_geonames_id,
                         "location_precision": e.location_precision})
    return rows


def _stored_linked(store, rows: list[dict]) -> dict[tuple, list[LinkedEvent]]:
    """The stored linked events `link_events` may join mentions of `rows` to (same actor
    codes, type and dates in its window; `events.joinable`), by actor pair, read in one query."""
    pairs = sorted({(r["source_code"], r["target_code"]) for r in rows if r["source_code"] or r["target_code"]},
                   key=lambda p: (p[0] or "", p[1] or ""))
    return store.linked_event_candidates_many(pairs, joinable(rows))


_caught_up: weakref.WeakSet = weakref.WeakSet()  # stores whose unlinked backlog was linked


def link_batch(results: list, store) -> list[str]:
    """Link a written batch: events to linked events, documents to stories, and refresh
    the touched stories' summaries. Returns the ids of the stories touched.

    The first call on a store also links documents stored but never linked (a run killed
    between writing a batch and linking it), so a resumed run leaves nothing behind."""
    results = [r for r in results if r is not None]
    for result in results:
        remember(result.who)
    rows = _event_rows(results)
    docs = [_story_input(r.document.id, r.document.text, r.document.title, r.document.date, r.countries,
                         r.names, r.story_terms) for r in results]
    if store not in _caught_up:
        _caught_up.add(store)
        batch_ids = {d.id for d in docs}
        backlog, backlog_events = store.unlinked_documents(exclude=batch_ids)
        docs += [_story_input(d["id"], d["text"], d["title"], d["date"]) for d in backlog if d["id"] not in batch_ids]
        rows += [e for e in backlog_events if e["doc_id"] not in batch_ids]
    if not docs:
        return []
    stories = _stored_stories(store)
    try:
        update = assign_stories(docs, stories)
    except BaseException:
        _story_indexes.pop(store, None)  # half-applied: rebuild from the store next time
        raise
    for row in rows:  # a statement links only within its story
        row["story_id"] = update.assignments.get(row["doc_id"])
    stored = _stored_linked(store, rows)
    linked = link_events(rows, lambda s, t: stored.get((s, t), []))
    try:
        _write_links(store, update, linked)
    except BaseException:
        _story_indexes.pop(store, None)  # the store did not take the batch: forget what memory has
        raise
    stories.written()
    touched = sorted({s.id for s in update.stories})
    grew = set(update.merged.values())  # a merged story's brief is rebuilt: it gained documents of another
    due = [st for st in update.stories if st.id in grew or brief_due(st.n - len(st.doc_ids), st.n)]
    due_ids = {st.id for st in due}
    summarise_stories(store, due)
    events_of = Counter(r["doc_id"] for r in rows)
    store.update_story_counts([
        StoryGrowth(st.id, st.n, sum(events_of[d] for d in st.doc_ids), st.first_date, st.last_date)
        for st in update.stories if st.id not in due_ids])
    return touched


def _write_links(store, update, linked: list[LinkedEvent]) -> None:
    stories = [StoryState(s.id, s.n, s.first_date, s.last_date, countries_to_text(s.countries), s.seq,
                          s.terms, key_terms(s.terms, KEY_TERMS), names=s.names) for s in update.stories]
    store.write_links(LinkBatch(linked, stories, update.assignments, dict(update.df_delta), update.n_docs,
                                update.merged))


def brief_due(before: int, after: int) -> bool:
    """Whether a story that grew from `before` to `after` documents gets its brief and title
    rebuilt now: while small, at every size; later at 16, 32, 64, ... and every 64 documents.
    In between only its counts and dates change, so a batch does not pay for re-reading every
    big story it touched; `finish` brings every brief up to date at the end of a run."""
    if before == 0 or after <= 8:
        return True
    return any(n & (n - 1) == 0 or n % 64 == 0 for n in range(before + 1, after + 1))


def finish(store, chunk: int = 100) -> int:
    """Rebuild the briefs of stories that grew since their last brief (end of a run): the
    stories then read the same whatever the batches were. Returns how many were rebuilt."""
    stale = store.stale_stories()
    for start in range(0, len(stale), chunk):
        states = store.story_vectors_by_id(stale[start:start + chunk])
        summarise_stories(store, [vector_of(s) for s in sorted(states, key=lambda s: s.id)])
    return len(stale)


def summarise_stories(store, stories: list[StoryVector]) -> None:
    """Recompute title, date range, counts and brief of each of `stories`."""
    summaries = []
    everything = store.story_material([s.id for s in stories])
    for story in stories:
        story_id, material = story.id, everything[story.id]
        docs = {d["id"]: d for d in material["documents"]}
        event_dates: dict[tuple, tuple] = {}
        for e in material["events"]:
            if e["date"]:
                event_dates.setdefault((e["doc_id"], e["sentence"]), (e["date"], e["date_precision"] == "day"))
        candidates = []
        for s in material["sentences"]:
            date, exact = event_dates.get((s["doc_id"], s["idx"]), (docs[s["doc_id"]]["date"], False))
            candidates.append(Candidate(s["doc_id"], s["idx"], s["text"], date, exact,
                                        (s["doc_id"], s["idx"]) in event_dates, docs[s["doc_id"]]["date"]))
        brief = build_brief(candidates, story.terms)
        titled = [d for d in sorted(docs.values(), key=lambda d: (d["date"] or "9999", d["id"])) if d["title"]]
        title = titled[0]["title"] if titled else (brief[0].text[:120] if brief else None)
        first, last = story.first_date, story.last_date
        if not first:  # undated documents: the range of the dates their events carry
            dated = sorted(e["date"] for e in material["events"] if e["date"])
            first, last = (dated[0], dated[-1]) if dated else (None, None)
        summaries.append(Story(story_id, title, first, last, material["n_documents"], material["n_events"],
                               brief_n=story.n, brief=brief))
    store.write_story_summaries(summaries)
