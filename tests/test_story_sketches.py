"""Story sketches: a bound on a document's similarity to a story not held in memory, so that the
clusterer reads only the stored stories that could take the document (issue 18.6)."""

from __future__ import annotations

import random
import zlib

from eventscope.linking.clusters import StoryVector, mean_cosine
from eventscope.linking.stories import StoryInput, assign_stories
from eventscope.linking.story_sketches import DocumentBuckets, could_clear, sketch, sketches
from eventscope.models import LinkBatch, StoryState
from eventscope.store import Store

WORDS = [f"w{i}" for i in range(3000)]


def _vector(rng: random.Random, size: int) -> dict[str, float]:
    raw = {w: rng.random() ** 3 for w in rng.sample(WORDS, size)}
    norm = sum(v * v for v in raw.values()) ** 0.5
    return {w: v / norm for w, v in raw.items()}


def test_the_bound_is_never_under_the_mean_cosine():
    rng = random.Random(7)
    for _ in range(300):
        story = StoryVector("s", {}, 0)
        for _ in range(rng.randint(1, 6)):
            story.add("d", _vector(rng, rng.randint(5, 400)), None, ())
        document = _vector(rng, rng.randint(1, 300))
        bound = DocumentBuckets(document).bounds([sketch(story.terms, story.n)])[0]
        assert bound >= mean_cosine(document, story)


def test_sketches_made_together_are_those_made_one_by_one():
    rng = random.Random(3)
    stories = [(list(v), list(v.values()), rng.randint(1, 4)) for v in (_vector(rng, rng.randint(1, 500)) for _ in range(50))]
    stories += [([], [], 1), (["harbor"], [3.0], 1), (["harbor", "strike"], [0.2, -0.1], 1), (["port"], [0.4], 2)]
    rng.shuffle(stories)
    assert sketches(stories) == [sketch(dict(zip(words, weights)), n) for words, weights, n in stories]


def test_a_story_with_no_terms_or_weights_out_of_range():
    assert DocumentBuckets({"harbor": 1.0}).bounds([sketch({}, 1), sketch({"harbor": 0.5}, 1)]).tolist()[0] == 0.0
    assert sketch({"harbor": 3.0}, 1) is None  # a mean weight over 1: no sketch, the story is always read
    assert DocumentBuckets({"harbor": -0.1}).bounds([sketch({"harbor": 0.5}, 1)])[0] == float("inf")
    assert could_clear(0.13, 1.0, 0.13) and not could_clear(0.12, 1.0, 0.13) and not could_clear(0.2, 0.5, 0.13)


def test_a_stored_story_that_cannot_take_the_document_is_not_read(tmp_path, monkeypatch):
    """A stored story found through a document's key words but whose bound stays under the
    threshold is not read back; the story the document joins is; the document joins the same
    story as when every candidate is read (as before sketches)."""
    from eventscope import linking
    from eventscope.linking import story_sketches
    from eventscope.linking.story_postings import KEY_TERMS, key_terms
    from eventscope.linking.stored_stories import StoredStories

    # buckets by a fixed hash (Python's string hash changes with each process): no stray word of the
    # document shares a bucket with the museum story's 200 words
    monkeypatch.setattr(story_sketches, "hash", lambda term: zlib.crc32(term.encode()), raising=False)
    strike = {"harbor": 0.5, "strike": 0.5, "lagos": 0.4, "wages": 0.4, "unpaid": 0.4, "workers": 0.2}
    museum = {"lagos": 0.25, **{f"exhibit{i}": 0.068 for i in range(200)}}  # Lagos and 200 other words
    states = [StoryState(story_id, 1, None, None, "", seq, terms, key_terms(terms, KEY_TERMS))
              for seq, (story_id, terms) in enumerate((("strike", strike), ("museum", museum)))]
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_links(LinkBatch(linked=[], stories=states, memberships={}, df_delta={}, n_docs=0))
    new = [StoryInput("new", "The Lagos harbor workers' strike over unpaid wages enters its second day.")]

    def run() -> tuple[dict, list]:
        with Store(path) as store:
            index = linking._stored_stories(store)
            index.postings()
            asked = []
            read = store.stories_by_id
            monkeypatch.setattr(store, "stories_by_id", lambda ids: asked.extend(ids) or read(ids))
            return assign_stories(new, index).assignments, sorted(asked)

    assert run() == ({"new": "strike"}, ["strike"])  # the museum story was ruled out unread
    monkeypatch.setattr(StoredStories, "could_join", lambda self, ids, vector, day, threshold: ids)
    assert run() == ({"new": "strike"}, ["museum", "strike"])  # a candidate: read and scored before


def test_a_story_evicted_from_memory_keeps_a_sketch_of_what_is_stored(tmp_path, monkeypatch):
    from eventscope import linking

    monkeypatch.setattr(linking._StoredStories, "CACHE_TERMS", 1)
    with Store(tmp_path / "s.duckdb") as store:
        index = linking._stored_stories(store)
        texts = ["Floods in Dhaka cut power to the old city.", "A ferry sank near Mwanza on Lake Victoria."]
        update = assign_stories([StoryInput(f"d{i}", t) for i, t in enumerate(texts)], index)
        linking._write_links(store, update, [])
        index.written()
        evicted = [s for s in update.stories if s.id not in index.cache]
        assert evicted and all(index.sketches[s.id] == sketch(s.terms, s.n) for s in evicted)
        assert all(s.id not in index.sketches for s in update.stories if s.id in index.cache)



def test_an_older_stores_vectors_are_sketched_like_new_ones(tmp_path):
    """Stories stored as compressed JSON (names under '=') or as plain JSON are sketched from the
    same terms as the packed layout gives, names left out."""
    import json

    from eventscope import linking

    states = [StoryState(f"s{i}", 2, None, None, "", i, {"harbor": 0.5, "strike": 0.25}, ["harbor", "strike"],
                         names={"okafor": 2}) for i in range(3)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write_links(LinkBatch(linked=[], stories=states, memberships={}, df_delta={}, n_docs=0))
        store.con.execute("UPDATE story_state SET packed = ? WHERE story_id = 's1'",
                          [zlib.compress(json.dumps({"harbor": 0.5, "strike": 0.25, "=okafor": 2.0}).encode())])
        store.con.execute("UPDATE story_state SET vector = ?, packed = NULL WHERE story_id = 's2'",
                          [json.dumps({"harbor": 0.5, "strike": 0.25})])
    with Store(tmp_path / "s.duckdb") as store:
        index = linking._stored_stories(store)
        index.postings()
        assert index.sketches == {f"s{i}": sketch({"harbor": 0.5, "strike": 0.25}, 2) for i in range(3)}
