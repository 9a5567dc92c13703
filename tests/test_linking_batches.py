"""Stories and linked events do not depend on how the input is cut into batches, and the
same kind of event in another country or another year is another story."""

from __future__ import annotations

import itertools

import pytest

from eventscope.linking.stories import MemoryStoryIndex, StoryInput, cluster_records, cluster_stream

# Invented articles: three stories of one kind (coups, missile tests, sanctions), each told
# twice, set apart only by country or by year.
ARTICLES = [
    ("coup-ml-1", "2021-05-24", "Soldiers in Mali detained the interim president and the prime minister in Bamako on Monday, "
     "the army said, in the second coup in nine months."),
    ("coup-gn-1", "2021-09-05", "Special forces in Guinea seized President Alpha Conde in Conakry on Sunday and dissolved "
     "the government, the army said, in a coup condemned by the African Union."),
    ("coup-ml-2", "2021-05-25", "Mali's army detained the interim president and prime minister in Bamako after a cabinet "
     "reshuffle, the second coup in nine months, soldiers said."),
    ("coup-gn-2", "2021-09-06", "Guinea's special forces held President Alpha Conde in Conakry after seizing power on Sunday; "
     "the African Union condemned the coup."),
    ("missile-2017", "2017-07-04", "North Korea launched an intercontinental ballistic missile into the sea off Japan on Tuesday, "
     "Japan's defence ministry said."),
    ("missile-2022", "2022-11-03", "North Korea launched an intercontinental ballistic missile into the sea off Japan on Thursday, "
     "Japan's defence ministry said, the latest of dozens of launches this year."),
    ("missile-2017b", "2017-07-05", "Japan said the North Korean intercontinental ballistic missile launched on Tuesday fell into "
     "the sea off its coast; the defence ministry protested."),
    ("sanctions-2014", "2014-07-29", "The European Union imposed sanctions on Russia over Ukraine on Tuesday, targeting Russian "
     "banks and arms exports, EU diplomats said."),
    ("sanctions-2018", "2018-11-16", "The European Union imposed sanctions on Iran on Friday, targeting Iranian banks and "
     "arms exports over missile tests, EU diplomats said."),
    ("sanctions-2014b", "2014-07-30", "EU sanctions on Russia over the Ukraine crisis target Russian state banks and arms exports, "
     "diplomats in Brussels said on Wednesday."),
]


def records():
    return [{"id": i, "date": d, "text": t} for i, d, t in ARTICLES]


def test_same_kind_of_event_in_another_country_or_year_is_another_story():
    story = cluster_records(records())
    assert story["coup-ml-1"] == story["coup-ml-2"] != story["coup-gn-1"] == story["coup-gn-2"]
    assert story["missile-2017"] == story["missile-2017b"] != story["missile-2022"]
    assert story["sanctions-2014"] == story["sanctions-2014b"] != story["sanctions-2018"]


# Reports that tell one story while naming the other: close to both young stories, they must
# not merge them (tests/test_story_merges.py has the merges that should happen).
BRIDGES = [
    ("coup-both", "2021-09-07", "After Mali's coup in May, Guinea's special forces seized President Alpha Conde in "
     "Conakry; the African Union condemned a second coup in west Africa, soldiers said."),
    ("missile-both", "2022-11-04", "North Korea launched an intercontinental ballistic missile into the sea off Japan, "
     "as it did in July 2017, Japan's defence ministry said."),
]


def test_a_report_naming_the_other_country_or_year_does_not_merge_the_stories():
    story = cluster_records(records() + [{"id": i, "date": d, "text": t} for i, d, t in BRIDGES])
    assert story["coup-ml-1"] == story["coup-ml-2"] != story["coup-gn-1"] == story["coup-gn-2"] == story["coup-both"]
    assert story["missile-2017"] == story["missile-2017b"] != story["missile-2022"] == story["missile-both"]


def test_stories_are_the_same_whatever_the_batch_size():
    from eventscope.linking.vectors import document_countries

    docs = [StoryInput(i, t, None, d, document_countries(t)) for i, d, t in ARTICLES] * 1
    docs = docs + [StoryInput(f"{i}-again", t + " More follows.", None, d, document_countries(t))
                   for i, d, t in ARTICLES]
    runs = [cluster_stream(docs, batch_size=size, index=MemoryStoryIndex()) for size in (1, 7, 64)]
    assert runs[0] == runs[1] == runs[2]


def test_stored_stories_and_linked_events_are_the_same_whatever_the_batch_size(processor, tmp_path):
    """The linking a resumed run does (other batch cuts) equals a clean run's."""
    from eventscope import linking
    from eventscope.models import Document, content_id
    from eventscope.store import Store

    texts = [(t, d) for _, d, t in ARTICLES] + [(t.replace(" said", " officials said"), d) for _, d, t in ARTICLES]
    docs = [Document(id=content_id(t), text=t, date=d, origin=f"test:{i}") for i, (t, d) in enumerate(texts)]
    results = list(processor.process(docs))
    assert sum(len(r.events) for r in results) > 10
    outcomes = []
    for size, resume_at in ((1, None), (7, None), (64, None), (7, 14)):
        path = tmp_path / f"b{size}-{resume_at}.duckdb"
        store = Store(path)
        for start in range(0, len(results), size):
            if start == resume_at:  # a resumed run: a new process reads the linking state back
                store.close()
                store = Store(path)
            chunk = results[start:start + size]
            store.write_results(chunk)
            linking.link_batch(chunk, store)
        linking.finish(store)  # the end of a run: briefs of stories that grew are rebuilt
        with store:
            outcomes.append((
                store.con.execute("SELECT id, title, first_date, last_date, n_documents, n_events FROM stories "
                                  "ORDER BY id").fetchall(),
                store.con.execute("SELECT story_id, idx, doc_id, sentence FROM story_brief ORDER BY ALL").fetchall(),
                store.con.execute("SELECT doc_id, story_id FROM story_documents ORDER BY doc_id").fetchall(),
                store.con.execute("SELECT event_id, linked_event_id, reason FROM event_links ORDER BY event_id").fetchall(),
                store.con.execute("SELECT id, n_mentions, first_doc_id, date FROM linked_events ORDER BY id").fetchall()))
    assert outcomes[0] == outcomes[1] == outcomes[2] == outcomes[3]
    assert any(n > 1 for _, n, _, _ in outcomes[0][4])  # some events were linked across documents


def test_a_big_storys_brief_is_rebuilt_at_milestones_only():
    from eventscope.linking import brief_due

    assert brief_due(0, 1) and brief_due(5, 8)  # new and small stories: always
    assert brief_due(14, 17) and brief_due(120, 130)  # crossing 16, crossing 128
    assert not brief_due(17, 20) and not brief_due(65, 100)


def test_stories_do_not_depend_on_how_many_story_vectors_memory_keeps(processor, tmp_path, monkeypatch):
    """The clusterer keeps only a bounded cache of story vectors between batches (memory stays
    flat however big the store grows); a story evicted from it is read back from the store and
    must be the story it was: a cache of one story links exactly as an unbounded one."""
    from eventscope import linking
    from eventscope.models import Document, content_id
    from eventscope.store import Store

    texts = [(t, d) for _, d, t in ARTICLES] + [(t.replace(" said", " officials said"), d) for _, d, t in ARTICLES]
    docs = [Document(id=content_id(t), text=t, date=d, origin=f"test:{i}") for i, (t, d) in enumerate(texts)]
    results = list(processor.process(docs))
    tables = ("stories", "story_brief", "story_documents", "story_state", "story_terms", "event_links", "linked_events")
    outcomes = []
    for cache_terms in (10**9, 1):
        monkeypatch.setattr(linking._StoredStories, "CACHE_TERMS", cache_terms)
        with Store(tmp_path / f"cache{cache_terms}.duckdb") as store:
            for start in range(0, len(results), 3):
                store.write_results(results[start:start + 3])
                linking.link_batch(results[start:start + 3], store)
            linking.finish(store)
            outcomes.append([store.con.execute(f"SELECT * EXCLUDE (updated_at) FROM {t} ORDER BY ALL").fetchall()
                             if t == "stories" else store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                             for t in tables])
    assert outcomes[0] == outcomes[1]
    assert any(n > 1 for n in (row[1] for row in outcomes[0][3]))  # some story has several documents
