"""What the story clusterer reads of the store, and what it leaves unread (issue 18.6)."""

from __future__ import annotations

from eventscope.linking.clusters import StoryVector
from eventscope.linking.story_postings import CANDIDATE_SHARE, StoryPostings
from eventscope.models import LinkBatch, StoryState
from eventscope.store import Store


def test_candidates_far_weaker_than_the_best_are_not_scored():
    """A story whose key terms match a document's query at under CANDIDATE_SHARE of the best
    match is not a candidate (none of 7,000 such candidates on ECB+, Multi-CoPED and the
    synthetic PLOVER texts ever cleared the joining threshold); at or above it, it is."""
    postings = StoryPostings()
    postings.update(StoryVector("strong", {"harbor": 1.0, "strike": 1.0}, 1))
    postings.update(StoryVector("kept", {"harbor": 1.0, "ferry": 1.0}, 1))
    postings.update(StoryVector("faint", {"ferry": 1.0, "port": 1.0}, 1))
    share = CANDIDATE_SHARE * 2.0  # strong scores 2.0; kept 1.0 + the ferry's weight; faint that alone
    assert postings.candidates({"harbor": 1.0, "strike": 1.0, "ferry": 0.9 * share}, 8) == ["strong", "kept"]
    assert postings.candidates({"harbor": 1.0, "strike": 1.0, "ferry": 1.1 * share}, 8) == ["strong", "kept", "faint"]
    assert postings.candidates({}, 8) == []


def test_a_batch_decodes_only_the_stored_stories_it_scores(tmp_path, monkeypatch):
    """The batch's likely candidates are read in one query but decoded only when the clusterer
    asks for them (a packed vector's decoding is most of its read); what it gets is the stored
    state, and what it never decoded is not kept between batches."""
    import eventscope.store.story_reads as reads
    from eventscope.linking import _stored_stories

    states = [StoryState(f"s{i}", 2, "2020-01-01", None, "FRA:1", i, {f"t{i}": 0.5, "common": 0.25},
                         names={"okafor": 2}) for i in range(3)]
    decoded = []
    unpack = reads.unpack_vector
    monkeypatch.setattr(reads, "unpack_vector", lambda blob: decoded.append(blob) or unpack(blob))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_links(LinkBatch(linked=[], stories=states, memberships={}, df_delta={}, n_docs=0))
        stories = _stored_stories(store)
        stories.prefetch(["s0", "s1", "s2"])
        assert decoded == []
        got = stories.stories(["s1"])["s1"]
        assert len(decoded) == 1
        assert (got.terms, got.names, got.n, got.countries) == ({"t1": 0.5, "common": 0.25}, {"okafor": 2}, 2,
                                                               {"FRA": 1})
        stories.prefetch(["s1", "s2"])  # nothing read again
        stories.written()
        assert list(stories.cache) == ["s1"]
        assert stories.stories(["s1"])["s1"] is got and len(decoded) == 1


def test_a_batch_reads_ahead_only_once_it_misses_a_story_and_decides_as_without_reading():
    """A batch whose candidate stories are all in memory asks the store for nothing; the first
    document that misses one reads with it the likely candidates of the rest of the batch, in
    one call. Reading is only a cache: the stories come out the same."""
    from eventscope.linking.stories import MemoryStoryIndex, StoryInput, assign_stories

    texts = ["Harbor workers in Lagos strike over unpaid wages at the container port.",
             "The Lagos port strike by harbor workers over wages enters its second day.",
             "Lagos harbor workers end their strike after the port pays their wages.",
             "A ferry capsized on Lake Victoria near Mwanza; rescuers searched for survivors."]
    docs = [StoryInput(f"d{i}", text) for i, text in enumerate(texts)]

    class Reading(MemoryStoryIndex):
        """Stories made before `cut` count as stored, not held: asking for them reads them."""

        def __init__(self):
            super().__init__()
            self.cut, self.calls = set(), []

        def missing(self, ids):
            return [i for i in ids if i in self.cut]

        def prefetch(self, ids):
            self.calls.append(list(ids))
            self.cut -= set(ids)

    plain, reading = MemoryStoryIndex(), Reading()
    first = [assign_stories(docs[:1], index) for index in (plain, reading)]
    for index, update in zip((plain, reading), first):
        index.apply(update)
    assert reading.calls == []  # nothing stored yet: nothing read, nothing read ahead
    reading.cut = set(reading.all_stories)  # the first story is now only in the store
    rest = [assign_stories(docs[1:], index) for index in (plain, reading)]
    assert len(reading.calls) == 1 and set(first[0].assignments.values()) <= set(reading.calls[0])
    assert first[0].assignments == first[1].assignments and rest[0].assignments == rest[1].assignments
    assert len(set(rest[1].assignments.values())) == 2  # the strike and the ferry


def test_a_story_years_away_is_neither_read_nor_scored_and_the_stories_are_the_same(monkeypatch):
    """A story whose dates lie about three years from a document's cannot take it whatever its
    words (the date factor alone is under the joining threshold), so it is dropped from the
    document's candidates before it is read; a story within reach is read and joined as before,
    and the stories come out as they do when every candidate is scored."""
    from eventscope.linking.clusters import DEFAULT_THRESHOLD, out_of_reach
    from eventscope.linking.stories import MemoryStoryIndex, StoryInput, assign_stories

    class Asked(MemoryStoryIndex):
        def __init__(self):
            super().__init__()
            self.asked = []

        def stories(self, ids):
            self.asked.append(list(ids))  # one list a document
            return super().stories(ids)

    first = StoryInput("first", "Harbor workers in Lagos strike over unpaid wages at the container port.",
                       date="2010-03-01")
    later = [StoryInput("years", "The Lagos port strike by harbor workers over unpaid wages enters its second day.",
                        date="2014-03-02"),
             StoryInput("days", "The Lagos port strike by harbor workers over unpaid wages enters its third day.",
                        date="2010-03-03")]

    def run():
        index = Asked()
        start = assign_stories([first], index)
        index.apply(start)
        return start.assignments["first"], [assign_stories([doc], index).assignments[doc.id] for doc in later], index

    story, (years, days), index = run()
    assert index.asked[1] == [] and years != story  # years away: not read, a story of its own
    assert index.asked[2] == [story] and days == story  # days away: read and joined
    three_years, two_years = 1000 + 365 * 3 + 30, 1000 + 365 * 2
    assert out_of_reach(1000, three_years, three_years, DEFAULT_THRESHOLD)
    assert not out_of_reach(1000, two_years, two_years, DEFAULT_THRESHOLD)
    assert not out_of_reach(None, three_years, three_years, DEFAULT_THRESHOLD)  # undated: always in reach
    monkeypatch.setattr("eventscope.linking.story_postings.StoryPostings.reachable", lambda self, ids, day, threshold: ids)
    unpruned = run()
    assert unpruned[:2] == (story, [years, days]) and unpruned[2].asked[1] == [story]  # read, and not joined
