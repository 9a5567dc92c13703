"""Story merges: a story that split early (two first reports too unlike each other to share a
story) comes back together when a later report is close to both; an established story never
merges; the merge is the same whatever the batches, in memory and through the store."""

from __future__ import annotations

import pytest

from eventscope.linking import clusters, stories
from eventscope.linking.stories import MemoryStoryIndex, StoryInput, cluster_records, cluster_stream
from eventscope.linking.vectors import document_names

# Invented reports of one ferry disaster: the first two share no words worth the name (one
# tells the capsizing, one the recovery), the third tells both.
FERRY = [
    ("ferry-1", "A passenger ferry capsized on Lake Orvanto near Pellaro on Sunday evening; rescuers pulled "
     "40 survivors from the water and searched for dozens missing."),
    ("ferry-2", "Divers recovered 17 bodies from the sunken hull of the Santa Brigida overnight, and the "
     "coastguard blamed overloading."),
    ("ferry-3", "The Santa Brigida ferry capsized near Pellaro with more than 120 passengers aboard; 17 bodies "
     "were recovered and 40 survivors pulled from Lake Orvanto."),
]
OTHER = [
    ("vote-1", "Voters in Belmora re-elected mayor Ilse Varga by a wide margin, the election board announced."),
    ("vote-2", "Ilse Varga won a third term as mayor of Belmora after the election board counted the ballots."),
]


def records(rows):
    return [{"id": i, "text": t} for i, t in rows]


def test_a_story_split_early_comes_together_when_a_report_bridges_it():
    story = cluster_records(records(FERRY + OTHER), batch_size=1)
    assert story["ferry-1"] == story["ferry-2"] == story["ferry-3"]
    assert story["vote-1"] == story["vote-2"] != story["ferry-1"]


def test_without_the_merge_the_first_two_reports_stay_apart(monkeypatch):
    monkeypatch.setattr(stories, "mergeable", lambda a, b, threshold: False)
    story = cluster_records(records(FERRY))
    assert story["ferry-1"] != story["ferry-2"]
    assert story["ferry-3"] in (story["ferry-1"], story["ferry-2"])


@pytest.mark.parametrize("size", [1, 2, 5])
def test_the_merge_is_the_same_whatever_the_batch_size(size):
    docs = [StoryInput(i, t) for i, t in FERRY + OTHER] + [StoryInput(i + "-again", t + " More follows.")
                                                          for i, t in OTHER + FERRY]
    assert cluster_stream(docs, batch_size=size, index=MemoryStoryIndex()) == \
        cluster_stream(docs, batch_size=64, index=MemoryStoryIndex())


def test_an_established_story_never_merges():
    """A report naming both arrested players is close to both stories, but the first arrest's
    story is established (its names guard it): the team-mate's arrest stays its own story."""
    from test_story_names import FIRST, SECOND

    both = ("both-1", "Mariners receiver Dante Okafor and defensive tackle Luis Brennan were both arrested on "
            "suspicion of drunk driving this month, the highway patrol said.")
    docs = [StoryInput(i, t, None, "2031-01-06", names=document_names(t)) for i, t in FIRST] + \
        [StoryInput(i, t, None, "2031-01-27", names=document_names(t)) for i, t in SECOND + [both]]
    index = MemoryStoryIndex()
    story = cluster_stream(docs, batch_size=4, index=index)
    assert story["okafor-1"] != story["brennan-1"]
    first, second = index.all_stories[story["okafor-1"]], index.all_stories[story["brennan-1"]]
    assert first.n > clusters.ESTABLISHED
    assert clusters.story_similarity(first, second) >= clusters.DEFAULT_THRESHOLD  # words alone would merge them


def test_story_similarity_is_the_mean_cosine_of_members_and_absorb_adds_them():
    members_a = [{"ferry": 0.8, "lake": 0.6}, {"ferry": 0.6, "bodies": 0.8}]
    members_b = [{"bodies": 1.0}, {"lake": 0.6, "divers": 0.8}]
    a, b, both = (clusters.StoryVector(x, {}, 0) for x in ("a", "b", "ab"))
    for k, v in enumerate(members_a):
        a.add(f"a{k}", v, "2030-05-01", ("ITA",), frozenset({"orvanto"}))
        both.add(f"a{k}", v, "2030-05-01", ("ITA",), frozenset({"orvanto"}))
    for k, v in enumerate(members_b):
        b.add(f"b{k}", v, "2030-05-09", ("ITA",), frozenset({"brigida"}))
        both.add(f"b{k}", v, "2030-05-09", ("ITA",), frozenset({"brigida"}))
    pairs = [sum(x[t] * y.get(t, 0.0) for t in x) for x in members_a for y in members_b]
    assert clusters.story_similarity(a, b) == pytest.approx(sum(pairs) / len(pairs))
    a.absorb(b)
    assert (a.n, a.first_date, a.last_date, a.countries, a.names) == \
        (both.n, both.first_date, both.last_date, both.countries, both.names)
    assert a.terms == pytest.approx(both.terms)
    assert a.doc_ids == ["a0", "a1", "b0", "b1"]


def test_a_merge_through_the_store_is_the_same_whatever_the_batches(processor, tmp_path, monkeypatch):
    """Batches of one write both halves before the bridging report merges them (the store
    moves the documents and drops the merged story's rows); one batch of all never writes the
    half that is merged away; a resumed run reads the halves back; a cache of one story vector
    reads them back from the store. All end in the same tables."""
    from eventscope import linking
    from eventscope.models import Document, content_id
    from eventscope.store import Store

    rows = [(t, "2030-05-02") for _, t in FERRY + OTHER]
    docs = [Document(id=content_id(t), text=t, date=d, origin=f"test:{i}") for i, (t, d) in enumerate(rows)]
    results = list(processor.process(docs))
    tables = ("stories", "story_brief", "story_documents", "story_state", "story_terms", "event_links", "linked_events")
    outcomes = []
    for size, resume_at, cache_terms in ((1, None, 10**9), (64, None, 10**9), (2, 2, 10**9), (1, None, 1)):
        monkeypatch.setattr(linking._StoredStories, "CACHE_TERMS", cache_terms)
        path = tmp_path / f"b{size}-{resume_at}-{cache_terms}.duckdb"
        store = Store(path)
        for start in range(0, len(results), size):
            if start == resume_at:
                store.close()
                store = Store(path)
            chunk = results[start:start + size]
            store.write_results(chunk)
            linking.link_batch(chunk, store)
        linking.finish(store)
        with store:
            outcomes.append([store.con.execute(
                f"SELECT * EXCLUDE (updated_at) FROM {t} ORDER BY ALL" if t == "stories" else
                f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables])
    assert outcomes[0] == outcomes[1] == outcomes[2] == outcomes[3]
    stories_rows, _, members, state = outcomes[0][:4]
    ferry_ids = {docs[k].id for k in range(3)}
    ferry_story = {story for story, doc in members if doc in ferry_ids}
    assert len(ferry_story) == 1
    assert sorted(r[0] for r in stories_rows) == sorted(r[0] for r in state) == sorted({s for s, _ in members})
    assert [r[4] for r in stories_rows if r[0] in ferry_story] == [3]  # n_documents of the merged story
