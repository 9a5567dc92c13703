"""Stories and names: an established story turns away a report of another event of its kind
(another player's arrest, another fighter's bout) that words alone would merge with it, and
the names it counts survive the store, so a resumed run forms the same stories."""

from __future__ import annotations

import pytest

from eventscope.linking import clusters
from eventscope.linking.stories import MemoryStoryIndex, StoryInput, cluster_records, cluster_stream
from eventscope.linking.vectors import document_countries, document_names

# Invented reports: nine of one arrest, then three of a team-mate's arrest three weeks later,
# told in the same words; only who was arrested (and the day) sets them apart.
FIRST = [
    ("okafor-1", "Harbor City Mariners wide receiver Dante Okafor was arrested on suspicion of drunk driving "
     "early Tuesday, the highway patrol said, five days before the playoff game."),
    ("okafor-2", "Mariners receiver Dante Okafor was booked into county jail after his arrest on suspicion of "
     "drunk driving early on Tuesday, the highway patrol said."),
    ("okafor-3", "The highway patrol arrested Mariners receiver Dante Okafor on suspicion of drunk driving on "
     "Tuesday; the team said Okafor will still play in Sunday's playoff game."),
    ("okafor-4", "Dante Okafor, the Mariners' leading receiver, was pulled over for speeding and arrested on "
     "suspicion of drunk driving early Tuesday, the highway patrol said."),
    ("okafor-5", "Mariners coach Ray Sutter said the arrest of receiver Dante Okafor on suspicion of drunk "
     "driving would not keep Okafor out of the playoff game."),
    ("okafor-6", "Harbor City receiver Dante Okafor was released from county jail after his arrest on "
     "suspicion of drunk driving, the highway patrol said on Tuesday."),
    ("okafor-7", "Police said Mariners receiver Dante Okafor was arrested on suspicion of drunk driving after "
     "the highway patrol stopped his car early Tuesday."),
    ("okafor-8", "The Mariners will let receiver Dante Okafor play in the playoff game despite his arrest on "
     "suspicion of drunk driving on Tuesday, the team said."),
    ("okafor-9", "Harbor City Mariners receiver Dante Okafor faces a drunk driving charge after the highway "
     "patrol arrested him early Tuesday, five days before the playoff game."),
]
SECOND = [
    ("brennan-1", "Harbor City Mariners defensive tackle Luis Brennan was arrested on suspicion of drunk driving "
     "early Sunday, the highway patrol said, the team's second such arrest this month."),
    ("brennan-2", "Mariners defensive tackle Luis Brennan was booked into county jail after his arrest on "
     "suspicion of drunk driving early on Sunday, the highway patrol said."),
    ("brennan-3", "The highway patrol arrested Mariners tackle Luis Brennan on suspicion of drunk driving on "
     "Sunday, the team's second player arrested this month."),
]
# A follow-up of the first arrest that brings a new full name but keeps the defining one.
FOLLOW_UP = ("okafor-10", "Prosecutor Alma Reyes charged Mariners receiver Dante Okafor with drunk driving on "
             "Friday, after the highway patrol's arrest on Tuesday.")


def records(rows, date):
    return [{"id": i, "text": t, "date": date} for i, t in rows]


def test_document_names_reads_names_not_headlines_or_shouting():
    names = document_names("Mariners Receiver Arrested In Harbor City\n"
                           "A LARGE crowd saw Mariners tackle Luis Brennan leave the court. Brennan said nothing.",
                           title="Receiver arrested")
    assert {"mariners", "luis", "brennan", "*brennan"} <= names
    assert "receiver" not in names and "arrested" not in names  # the headline-case line says nothing
    assert "large" not in names  # a shouted word is not a name
    assert "a" not in names and "*mariners" not in names  # "Mariners tackle": one-word name


def test_another_event_of_the_same_kind_is_another_story():
    story = cluster_records(records(FIRST, "2031-01-06") + records(SECOND, "2031-01-27"))
    assert len({story[i] for i, _ in FIRST}) == 1
    assert len({story[i] for i, _ in SECOND}) == 1
    assert story["okafor-1"] != story["brennan-1"]


def test_without_the_names_the_words_would_merge_them(monkeypatch):
    monkeypatch.setattr(clusters, "ESTABLISHED", 10**6)  # no story ever established
    story = cluster_records(records(FIRST, "2031-01-06") + records(SECOND, "2031-01-27"))
    assert story["okafor-1"] == story["brennan-1"]


def test_a_follow_up_with_a_new_name_but_the_defining_one_joins():
    story = cluster_records(records(FIRST, "2031-01-06") + records([FOLLOW_UP], "2031-01-09")
                            + records(SECOND, "2031-01-27"))
    assert story["okafor-10"] == story["okafor-1"] != story["brennan-1"]


def test_a_young_story_cannot_turn_documents_away():
    story = cluster_records(records(FIRST[:3], "2031-01-06") + records(SECOND, "2031-01-08"))
    assert story["okafor-1"] == story["brennan-1"]  # three reports do not yet define a story


def test_name_counts_are_bounded_and_survive_the_store_encoding():
    vector = clusters.StoryVector("s", {}, 0)
    for k in range(clusters.MAX_NAMES + 50):
        vector.add(f"d{k}", {"word": 0.1}, None, (), frozenset({"okafor", f"name{k}", "*okafor"}))
    assert len(vector.names) == clusters.MAX_NAMES and vector.names["okafor"] == clusters.MAX_NAMES + 50
    assert "*okafor" not in vector.names
    terms, names = clusters.names_from_terms(clusters.names_into_terms(vector.terms, vector.names))
    assert terms == vector.terms and names == vector.names


def inputs(rows, date):
    return [StoryInput(i, t, None, date, document_countries(t), document_names(t)) for i, t in rows]


@pytest.mark.parametrize("size", [1, 5])
def test_the_check_is_the_same_whatever_the_batch_size(size):
    docs = inputs(FIRST, "2031-01-06") + inputs(SECOND, "2031-01-27")
    assert cluster_stream(docs, batch_size=size, index=MemoryStoryIndex()) == \
        cluster_stream(docs, batch_size=64, index=MemoryStoryIndex())


def test_a_resumed_run_through_the_store_forms_the_same_stories(processor, tmp_path):
    """The name counts travel with the story's stored terms: a new process reading the
    stories back turns the team-mate's arrest away just as the clean run did."""
    from eventscope import linking
    from eventscope.models import Document, content_id
    from eventscope.store import Store

    rows = [(t, "2031-01-06") for _, t in FIRST] + [(t, "2031-01-27") for _, t in SECOND]
    docs = [Document(id=content_id(t), text=t, date=d, origin=f"test:{i}") for i, (t, d) in enumerate(rows)]
    results = list(processor.process(docs))
    outcomes = []
    for size, resume_at in ((64, None), (3, 9)):
        path = tmp_path / f"b{size}-{resume_at}.duckdb"
        store = Store(path)
        for start in range(0, len(results), size):
            if start == resume_at:  # the second arrest is read against stories read back from disk
                store.close()
                store = Store(path)
            chunk = results[start:start + size]
            store.write_results(chunk)
            linking.link_batch(chunk, store)
        with store:
            outcomes.append(store.con.execute("SELECT doc_id, story_id FROM story_documents ORDER BY doc_id").fetchall())
    assert outcomes[0] == outcomes[1]
    assert len({story for _, story in outcomes[0]}) == 2


def test_stored_name_counts_do_not_depend_on_the_hash_seed():
    """A resumed run is another process with another string hash seed: the order names are
    counted in (and so the stored JSON) must not follow a set's iteration order."""
    import os
    import subprocess
    import sys

    code = ("from eventscope.linking.clusters import StoryVector, names_into_terms\n"
            "v = StoryVector('s', {}, 0)\n"
            "v.add('d', {'w': 1.0}, None, (), frozenset('okafor brennan sutter reyes mariners harbor city'.split()))\n"
            "print(list(names_into_terms(v.terms, v.names)))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1


def test_a_document_as_close_as_the_members_are_is_never_turned_away():
    """The names only decide for a document less like the story than its members are."""
    story = clusters.StoryVector("s", {}, 0)
    member = {"arrest": 0.6, "drunk": 0.6, "okafor": 0.529}
    for k in range(clusters.ESTABLISHED):
        story.add(f"d{k}", member, None, (), frozenset({"okafor", "mariners"}))
    stranger = frozenset({"luis", "brennan", "*brennan", "mariners"})
    assert story.cohesion() == pytest.approx(1.0, abs=1e-3)
    assert clusters.compatible({"arrest": 0.7071, "drunk": 0.7071}, stranger, story)  # 0.85 of cohesion
    assert not clusters.compatible({"arrest": 0.5, "drunk": 0.5, "brennan": 0.7071}, stranger, story)  # 0.6
    # the defining name in the document, or no full name of its own: the same story
    assert clusters.compatible({"arrest": 0.5, "drunk": 0.5, "brennan": 0.7071}, stranger | {"okafor"}, story)
    assert clusters.compatible({"arrest": 0.5, "drunk": 0.5, "brennan": 0.7071}, frozenset({"brennan"}), story)
