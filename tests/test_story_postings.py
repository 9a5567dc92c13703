"""The story clusterer's key-term postings (linking.story_postings.StoryPostings) are packed (a story
number and the exact value per entry, issue 17: the index grows with the stories): what a lookup
finds must be what a plain list of (story id, weight / size) per term finds."""

from __future__ import annotations

import random

import pytest

from eventscope.linking import story_postings
from eventscope.linking.clusters import StoryVector
from eventscope.linking.story_postings import KEY_TERMS, StoryPostings, key_terms


class PlainPostings:
    """The reference: term -> [(story id, weight / size)], oldest change first."""

    def __init__(self) -> None:
        self.lists: dict[str, list] = {}
        self.keys: dict[str, list[str]] = {}

    def update(self, story) -> None:
        self.remove(story.id)
        self.keys[story.id] = key_terms(story.terms, KEY_TERMS)
        for term in self.keys[story.id]:
            self.lists.setdefault(term, []).append((story.id, story.terms[term] / story.n))

    def remove(self, story_id: str) -> None:
        for term in self.keys.pop(story_id, []):
            self.lists[term] = [p for p in self.lists[term] if p[0] != story_id]
            if not self.lists[term]:
                del self.lists[term]

    def candidates(self, query: dict[str, float], k: int) -> list[str]:
        scores: dict[str, float] = {}
        for term, weight in query.items():
            for story_id, value in self.lists.get(term, [])[-story_postings.POSTINGS_PER_TERM:]:
                scores[story_id] = scores.get(story_id, 0.0) + weight * value
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        floor = story_postings.CANDIDATE_SHARE * ranked[0][1] if ranked else 0.0  # weak matches are not scored
        return [story_id for story_id, score in ranked if score > 0 and score >= floor]


@pytest.mark.parametrize("by_numpy", [False, True])
def test_packed_postings_find_what_plain_lists_find_through_updates_and_removals(monkeypatch, by_numpy):
    """Also with every lookup summed by numpy (posting_sums, the path of a long lookup), which
    must give the same candidates in the same order, the floats exact."""
    monkeypatch.setattr(story_postings, "POSTINGS_PER_TERM", 4)  # shorter than many lists: the cut matters
    if by_numpy:
        monkeypatch.setattr(story_postings, "NUMPY_ENTRIES", 0)
    rng = random.Random(17)
    words = [f"w{i}" for i in range(120)]
    packed, plain = StoryPostings(), PlainPostings()
    live: list[str] = []
    for step in range(600):
        roll = rng.random()
        if roll < 0.1 and live:  # a story merged away
            gone = live.pop(rng.randrange(len(live)))
            packed.remove(gone)
            plain.remove(gone)
        else:  # a new story, or one that grew (its key terms and values change, it moves to the end)
            story_id = rng.choice(live) if roll < 0.5 and live else f"s{step:04d}"
            if story_id not in live:
                live.append(story_id)
            terms = {w: rng.choice([0.5, 1.0, 1.0 / 3, 2.75]) * rng.randint(1, 9) for w in rng.sample(words, 45)}
            story = StoryVector(story_id, terms, rng.randint(1, 12), seq=step)
            packed.update(story)
            plain.update(story)
        query = {w: rng.random() for w in rng.sample(words, 20)}
        assert packed.candidates(query, 8) == plain.candidates(query, 8), f"step {step}"
    assert sorted(packed.lists) == sorted(plain.lists)
    for term in plain.lists:  # every list whole, in order, values exact
        assert packed.listed(term) == plain.lists[term]
    assert packed.listed("never-a-key-term") == []


def test_long_lookups_summed_by_numpy_rank_ties_by_story_id_as_the_loop_does(monkeypatch):
    """Many stories tie on the k-th best score: numpy keeps every one of them (not an arbitrary
    k), and the ranking then breaks the tie by story id, as the plain loop does."""
    postings, plain = StoryPostings(), PlainPostings()
    for i in range(40):  # forty stories with the same key terms and values: one score for all
        story = StoryVector(f"s{(i * 7) % 40:02d}", {"harbour": 3.0, "ferry": 1.5, f"own{i}": 0.25}, 3, seq=i)
        postings.update(story)
        plain.update(story)
    monkeypatch.setattr(story_postings, "NUMPY_ENTRIES", 0)
    query = {"harbour": 0.7, "ferry": 0.2}
    assert postings.candidates(query, 8) == plain.candidates(query, 8) == [f"s{i:02d}" for i in range(8)]


def test_a_story_is_removed_from_its_own_entry_not_from_bytes_of_a_value_that_spell_its_number():
    """A list's entries are found by searching its bytes from the end for the story's packed number;
    the value 2.0 is the bytes 00 00 00 00 00 00 00 40, which spell story number 0 four times over
    (off an entry's start). Removing story 0, listed first, must remove its entry and no other."""
    postings = StoryPostings()
    postings.update(StoryVector("first", {"harbour": 1.0}, 1))  # story number 0
    for name in ("second", "third"):
        postings.update(StoryVector(name, {"harbour": 4.0}, 2))  # value 2.0
    postings.update(StoryVector("first", {"harbour": 3.0, "ferry": 1.0}, 2))  # moves to the end
    assert postings.listed("harbour") == [("second", 2.0), ("third", 2.0), ("first", 1.5)]
    postings.remove("second")
    postings.remove("first")
    assert postings.listed("harbour") == [("third", 2.0)] and postings.listed("ferry") == []
