"""Linking: near-duplicate documents, cross-document event links, and the b-cubed metric."""

from __future__ import annotations

import json

import pytest

from eventscope.evaluation.bcubed import bcubed
from eventscope.linking.duplicates import find_copies, signature
from eventscope.linking.events import link_events, within_window
from eventscope.models import Document, content_id
from eventscope.store import Store
from conftest import EXAMPLES

SEED = (EXAMPLES / "004_c6d7ac5b4f9a9bd9.txt").read_text("utf-8")


def doc(text: str, **meta) -> Document:
    return Document(id=content_id(text, meta.get("title")), text=text, origin="test", **meta)


def light_edits(text: str) -> list[str]:
    """Two syndicated variants: a reworded sentence and an outlet line, a cut paragraph."""
    edited = text.replace("are meeting in Moscow Tuesday", "met in Moscow on Tuesday")
    edited = edited.replace("Accessibility links", "By Staff Reporter")
    shortened = "\n\n".join(p for p in text.split("\n\n") if not p.startswith("Moscow has expressed"))
    return [edited, shortened + "\n\nCopyright 2001 Example Wire. All rights reserved."]


# -- b-cubed ------------------------------------------------------------------------
def test_bcubed_perfect_and_all_in_one():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y", "d": "y"}).f1 == pytest.approx(1.0)
    lumped = bcubed(gold, {k: "z" for k in gold})
    assert lumped.recall == pytest.approx(1.0) and lumped.precision == pytest.approx(0.5)


def test_bcubed_singletons_and_missing_items():
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    split = bcubed(gold, {"a": 1, "b": 2, "c": 3, "d": 4})
    assert split.precision == pytest.approx(1.0)
    assert split.recall == pytest.approx((1 / 3 * 3 + 1) / 4)
    missing = bcubed(gold, {"a": "x", "b": "x"})  # c and d are scored as singletons
    assert missing.missing == 2 and missing.recall < 1.0
    assert bcubed(gold, {"a": "x", "b": "x", "c": "x", "d": "y", "zz": "x"}).f1 == pytest.approx(1.0)


def test_bcubed_needs_gold():
    with pytest.raises(ValueError):
        bcubed({}, {"a": 1})


# -- near-duplicates ----------------------------------------------------------------
def test_light_edits_are_copies_and_other_articles_are_not():
    original = doc(SEED)
    other = doc((EXAMPLES / "000_866081da7399336b.txt").read_text("utf-8"))
    copies_in = [doc(t) for t in light_edits(SEED)]
    originals, copies, kept = find_copies([original, other, *copies_in], lambda keys: [])
    assert [d.id for d in originals] == [original.id, other.id]
    assert {c.copy.id for c in copies} == {d.id for d in copies_in}
    assert all(c.doc_id == original.id and 0.7 <= c.similarity < 1.0 for c in copies)
    assert {s.doc_id for s in kept} == {original.id, other.id}


def test_copies_of_stored_documents_are_found_through_band_keys():
    original = doc(SEED)
    stored = signature(original.id, original.text)
    asked = []

    def lookup(keys):
        asked.extend(keys)
        return [stored] if set(keys) & set(stored.band_keys()) else []

    copy = doc(light_edits(SEED)[0])
    originals, copies, _ = find_copies([copy], lookup)
    assert not originals and copies[0].doc_id == original.id and asked
    # a document re-run after a crash finds its own signature: not a copy of itself
    originals, copies, _ = find_copies([original], lookup)
    assert originals == [original] and not copies


def test_stored_band_keys_are_found_in_memory_without_asking_the_store(tmp_path):
    from eventscope import linking

    original, other = doc(SEED), doc((EXAMPLES / "000_866081da7399336b.txt").read_text("utf-8"))
    with Store(tmp_path / "es.duckdb") as store:
        with store.transaction():
            assert linking.divert_duplicates([original], store) == [original]
    with Store(tmp_path / "es.duckdb") as store:  # a new process: the keys are read from doc_lsh
        keys = signature(original.id, original.text).band_keys()
        assert [d for d, _ in store.lsh_signatures(keys)] == [original.id]
        asked = []
        execute = store.con.execute
        store.con = type("Spy", (), {"execute": lambda self, sql, *a: asked.append(sql) or execute(sql, *a)})()
        try:
            assert store.lsh_signatures(signature(other.id, other.text).band_keys()) == []
            assert store.lsh_signatures(keys[5:6]) == [(original.id, signature(original.id, original.text)
                                                        .values.tobytes())]
            assert not [sql for sql in asked if "doc_lsh" in sql]  # found in memory, present or absent
        finally:
            store.con = execute.__self__
        with store.transaction():  # a copy after the reopen is still one, and written keys are found
            assert linking.divert_duplicates([doc(light_edits(SEED)[0]), other], store) == [other]
        assert [d for d, _ in store.lsh_signatures(signature(other.id, other.text).band_keys())] == [other.id]
        # no index on doc_lsh.band_key (a store made before loses it when opened for writing)
        assert store.con.execute("SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'doc_lsh'").fetchone() == (0,)


def test_short_texts_are_never_copies():
    a, b = doc("Fighting resumed."), doc("Fighting resumed!")
    originals, copies, _ = find_copies([a, b], lambda keys: [])
    assert len(originals) == 2 and not copies


# -- event linking ------------------------------------------------------------------
def mention(event_id, doc_id, **fields):
    row = {"id": event_id, "doc_id": doc_id, "sentence": 0, "doc_date": "2024-05-02", "date": "2024-05-01",
           "cameo": "190", "cameo_root": "19", "quad_class": 4, "goldstein": -10.0, "plover": "ASSAULT",
           "trigger": "shelled", "sentence_text": "Russian forces shelled Kharkiv overnight.",
           "source_code": "RUSMIL", "target_code": "UKR"}
    row.update(fields)
    return row


def test_mentions_of_one_event_across_documents_are_linked():
    rows = [mention("e1", "d1", doc_date="2024-05-03"), mention("e2", "d2", doc_date="2024-05-01",
                                                                trigger="pounded"),
            mention("e3", "d3", date="2024-06-20"),  # a month later: another attack
            mention("e4", "d4", cameo="042", cameo_root="04", quad_class=1, plover="CONSULT"),  # another kind of event
            mention("e5", "d5", source_code="BLRMIL")]  # other actors
    linked = link_events(rows, lambda s, t: [])
    groups = sorted(sorted(m.event_id for m in le.mentions) for le in linked)
    assert groups == [["e1", "e2"], ["e3"], ["e4"], ["e5"]]
    first = next(le for le in linked if len(le.mentions) == 2)
    assert first.first_reported == "2024-05-01" and first.first_doc_id == "d2"


def test_two_kinds_of_event_in_one_document_stay_two_events():
    meeting = dict(cameo="040", cameo_root="04", quad_class=1, trigger="held", source_code="RUSMIL",
                   target_code="IRNMIL", sentence_text="Russian and Iranian defense officials held talks in Tehran.")
    pact = dict(meeting, cameo="0312", cameo_root="03", trigger="announced",
                sentence_text="Russian and Iranian defense officials announced a military partnership.")
    rows = [mention("m1", "d1", sentence=0, **meeting), mention("p1", "d1", sentence=1, **pact),
            mention("m2", "d2", **meeting)]  # another outlet's report of the meeting
    linked = link_events(rows, lambda s, t: [])
    assert sorted(sorted(m.event_id for m in le.mentions) for le in linked) == [["m1", "m2"], ["p1"]]


def test_date_windows_follow_precision():
    assert within_window("2024-05-01", "2024-05-03")
    assert not within_window("2024-05-01", "2024-05-20")
    assert within_window("2024-05", "2024-05-20")
    assert not within_window(None, "2024-05-20")  # an undated mention never takes a link's date
    assert within_window(None, None)


def test_a_batch_reads_whole_only_the_stored_linked_events_its_mentions_could_join(tmp_path):
    """Stored linked events of the batch's actor codes but another type, or dated outside
    every mention's window, or undated against dated mentions, are not read whole (a batch
    of a store of 4,000 documents read thousands, the peak of the run's memory); the links
    made are those made when every linked event of the actor codes is offered."""
    from eventscope.linking import events

    kinds = [("190", "19", "ASSAULT"), ("042", "04", "CONSULT"), ("112", "11", "ACCUSE")]
    dates = ["2024-05-03", "2024-05-20", "2021-05-01", "2024", None, "spring"]
    with Store(tmp_path / "es.duckdb") as store:
        stored = [(f"le{i}", *kinds[i % 3], dates[i // 3 % len(dates)], source, f"old{i}")
                  for i, source in enumerate(["RUSMIL"] * 54 + ["BLRMIL"] * 18)]
        store.con.execute(
            """INSERT INTO linked_events (id, cameo, cameo_root, plover, date, source_code, target_code,
                                          first_doc_id, actor_pair, text)
               SELECT unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), 'UKR', unnest(?),
                      unnest(?) || '|UKR', 'Russian forces shelled Kharkiv.'""",
            [list(column) for column in zip(*stored)] + [[s[5] for s in stored]])
        rows = [mention("m1", "d1"), mention("m2", "d2", cameo="111", cameo_root="11", plover="ACCUSE",
                                               date="2021-05-02", trigger="accused"),
                mention("m3", "d3", source_code="BLRMIL", date=None, doc_date=None)]
        pairs = [("BLRMIL", "UKR"), ("RUSMIL", "UKR")]
        offered = store.linked_event_candidates_many(pairs)
        kept = store.linked_event_candidates_many(pairs, events.joinable(rows))
    assert sum(map(len, offered.values())) == 72

    def read(found):
        return {pair: sorted(le.id for le in found[pair]) for pair in pairs}

    def links(found):
        return sorted((le.id, [m.event_id for m in le.mentions]) for le in link_events(rows, lambda s, t: found[(s, t)]))

    # RUSMIL: an assault within 3 days of 2024-05-01 (05-03) or in the year-precise 2024, or
    # with an unreadable date (never excluded); an accusation within 3 days of 2021-05-02, or
    # unreadable. BLRMIL (an undated mention): undated assaults only.
    wanted = {(i, date) for i, (_, _, root, _, date, source, _) in enumerate(stored)
              if (source == "RUSMIL" and ((root == "19" and date in ("2024-05-03", "2024", "spring"))
                                          or (root == "11" and date in ("2021-05-01", "spring"))))
              or (source == "BLRMIL" and date is None and root in ("19",))}
    assert read(kept) == {pair: sorted(f"le{i}" for i, _ in wanted if stored[i][5] == pair[0]) for pair in pairs}
    assert links(kept) == links(offered)
    assert any(len(mentions) == 2 for _, mentions in links(kept))  # some mention did join a stored one


def groups_of(rows):
    return sorted(sorted(m.event_id for m in le.mentions) for le in link_events(rows, lambda s, t: []))


def test_one_code_two_named_people_are_two_events():
    rows = [mention("a", "d1", source_code="USAGOV", source_name="Mike Pompeo", cameo="111", cameo_root="11",
                    sentence_text="Mike Pompeo criticized Russia over the shelling of Kharkiv."),
            mention("b", "d2", source_code="USAGOV", source_name="Nancy Pelosi", cameo="111", cameo_root="11",
                    sentence_text="Nancy Pelosi criticized Russia over the shelling of Kharkiv."),
            mention("c", "d3", source_code="USAGOV", source_name="Pompeo", cameo="111", cameo_root="11",
                    sentence_text="Pompeo criticized Russia over the shelling of Kharkiv."),
            mention("d", "d4", source_code="USAGOV", source_name="US government", cameo="111", cameo_root="11",
                    sentence_text="The US government criticized Russia over the shelling of Kharkiv.")]
    groups = groups_of(rows)
    assert not any({"a", "b"} <= set(g) for g in groups)  # two people, one code: never one event
    assert any({"a", "c"} <= set(g) for g in groups)  # "Pompeo" is "Mike Pompeo"
    assert sum("d" in g for g in groups) == 1  # "the US government" may be either


def test_places_that_contradict_and_undated_mentions_stay_apart():
    kharkiv = dict(location_country="UKR", location_geonames_id=706483, location_precision="city")
    rows = [mention("k1", "d1", **kharkiv), mention("k2", "d2", **kharkiv),
            mention("o1", "d3", location_country="UKR", location_geonames_id=698740, location_precision="city"),
            mention("r1", "d4", location_country="RUS", location_precision="country"),
            mention("u1", "d5", date=None, doc_date=None)]
    assert groups_of(rows) == [["k1", "k2"], ["o1"], ["r1"], ["u1"]]


def test_a_statement_links_only_within_its_story_and_every_link_says_why():
    said = dict(cameo="010", cameo_root="01", plover=None, trigger="said", source_code="USAGOV", target_code=None,
                sentence_text="The State Department said it was watching the situation closely.")
    rows = [mention("s1", "d1", story_id="story-a", **said), mention("s2", "d2", story_id="story-b", **said),
            mention("s3", "d3", story_id="story-a", **said)]
    linked = link_events(rows, lambda s, t: [])
    assert sorted(sorted(m.event_id for m in le.mentions) for le in linked) == [["s1", "s3"], ["s2"]]
    reasons = {m.event_id: m.reason_text for le in linked for m in le.mentions}
    assert reasons["s1"] == "first report"
    assert "type 010" in reasons["s3"] and "same story" in reasons["s3"] and "source USAGOV" in reasons["s3"]
    typed = next(m.reason for le in linked for m in le.mentions if m.event_id == "s3")
    assert typed.same_story and typed.source_code == "USAGOV" and typed.target_code is None
    assert typed.dates == ("2024-05-01", "2024-05-01") and typed.wording == 1.0  # same trigger


def test_a_link_reason_is_written_as_the_line_the_store_keeps():
    from eventscope.models import EventLink, LinkReason

    reason = LinkReason(cameo="193", linked_cameo="190", plover="ASSAULT", source_code="RUSMIL", target_code="UKR",
                        source_names=("Russian forces", "Sergei Shoigu"), dates=("2024-05-01", "2024-05-02"),
                        place="UKR", wording=0.4)
    assert str(reason) == ("type 193~190 (ASSAULT); source RUSMIL (Russian forces / Sergei Shoigu); target UKR; "
                           "dates 2024-05-01 / 2024-05-02; place UKR; wording 0.40")
    undated = LinkReason(cameo="010", linked_cameo="010", plover=None, source_code=None, target_code="USA",
                         same_story=True, wording=0.25)
    assert str(undated) == "type 010~010; source -; target USA; both undated; same story; wording 0.25"
    assert EventLink("e1", "d1").reason_text == "first report"
    assert EventLink("e2", "d2", undated).reason_text == str(undated)


# -- the pipeline: three copies of one article ----------------------------------------
class PipelinedProcessor:
    """An executor with `submit`, as scale.ProcessPool: pipeline.run hands it batch k+1 before
    storing batch k. In-process, and it logs the order of calls."""

    def __init__(self):
        from eventscope.pipeline import Processor

        self.processor, self.log = Processor(), []

    def submit(self, documents):
        self.log.append(("submit", len(documents)))
        outer = self

        class Handle:
            def result(self):
                outer.log.append(("result", len(documents)))
                return list(outer.processor.process(documents))
        return Handle()


@pytest.mark.parametrize("pipelined", [False, True], ids=["sequential", "pipelined"])
def test_three_copies_are_coded_once_with_three_sources(tmp_path, pipelined):
    from eventscope import pipeline

    executor = PipelinedProcessor() if pipelined else None
    records = [{"id": f"copy-{i}", "text": text, "title": "Russian, Iranian Defense Ministers Meet in Moscow",
                "date": "2001-10-02"} for i, text in enumerate([SEED, *light_edits(SEED)])]
    path = tmp_path / "copies.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(tmp_path / "es.duckdb") as store:
        report = pipeline.run([path], store, batch_size=2, executor=executor)  # copies straddle two batches
        assert report.documents_added == 1 and report.documents_skipped == 2 and report.near_copies == 2
        if pipelined:  # the second batch was handed over before the first was stored
            assert executor.log == [("submit", 2), ("submit", 1), ("result", 2), ("result", 1)]
        con = store.con
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        assert n_events > 0
        assert con.execute("SELECT count(*) FROM document_sources").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM event_links").fetchone()[0] == n_events
        sources = {r[0] for r in con.execute("SELECT n_sources FROM linked_events").fetchall()}
        assert sources == {3}
        again = pipeline.run([path], store, executor=executor)  # a re-run adds neither documents nor sources
        assert again.documents_added == 0 and again.near_copies == 0  # the unchanged file is not read again
        assert con.execute("SELECT count(*) FROM document_sources").fetchone()[0] == 2


def shelling_report(text: str, date: str, outlet: str):
    """A hand-made coded document: one RUSMIL -> UKR shelling event dated 2024-05-01."""
    from eventscope.models import Actor, DocumentResult, Event, Sentence

    document = Document(id=content_id(text), text=text, date=date, source=outlet, origin=outlet)
    event = Event(document.id, 0, (0, len(text)), [Actor("Russian forces", "RUS", "MIL")],
                  [Actor("Ukraine", "UKR", None)], "190", "19", -10.0, 4, "ASSAULT",
                  date="2024-05-01", date_precision="day", trigger="shelled")
    return DocumentResult(document, [Sentence(document.id, 0, 0, len(text), text)], [], [event])


def test_linked_events_span_batches_and_count_late_copies(tmp_path):
    from eventscope import linking

    later = shelling_report("Russian forces shelled Kharkiv on Wednesday, killing three civilians "
                            "and damaging a power station, the regional governor said.", "2024-05-02", "B")
    earlier = shelling_report("Russian forces shelled Kharkiv overnight, killing three civilians in "
                              "the city's north, Ukrainian officials said.", "2024-05-01", "A")
    with Store(tmp_path / "es.duckdb") as store:
        for batch in ([later], [earlier]):  # the earliest report arrives last
            assert linking.divert_duplicates([r.document for r in batch], store) == [batch[0].document]
            store.write_results(batch)
            linking.link_batch(batch, store)
        rows = store.con.execute("SELECT n_mentions, n_documents, n_sources, first_reported, first_doc_id "
                                 "FROM linked_events").fetchall()
        assert rows == [(2, 2, 2, "2024-05-01", earlier.document.id)]
        copy = doc(earlier.document.text + " Copyright Example Wire.", source="C")
        assert linking.divert_duplicates([copy], store) == []
        assert store.con.execute("SELECT n_sources FROM linked_events").fetchall() == [(3,)]
        (story,) = store.list_stories()
        assert story["n_documents"] == 2 and story["first_date"] == "2024-05-01"


def test_documents_stored_but_never_linked_are_linked_by_the_next_run(tmp_path):
    from eventscope import linking

    crashed = shelling_report("Russian forces shelled Kharkiv overnight, killing three civilians in "
                              "the city's north, Ukrainian officials said.", "2024-05-01", "A")
    with Store(tmp_path / "es.duckdb") as store:
        store.write_results([crashed])  # the run died before linking this batch
    with Store(tmp_path / "es.duckdb") as store:  # the next run links it with its first batch
        follow_up = shelling_report("Russian forces shelled Kharkiv on Wednesday, killing three "
                                    "civilians, the regional governor said.", "2024-05-02", "B")
        store.write_results([follow_up])
        linking.link_batch([follow_up], store)
        linked = store.con.execute("SELECT count(*) FROM story_documents").fetchall()[0][0]
        assert linked == 2
        assert store.con.execute("SELECT n_documents FROM linked_events").fetchall() == [(2,)]


def test_term_counts_the_writer_keeps_follow_its_writes_and_its_rollbacks(tmp_path):
    from eventscope.models import LinkBatch

    def batch(df_delta, n_docs):
        return LinkBatch(linked=[], stories=[], memberships={}, df_delta=df_delta, n_docs=n_docs)

    with Store(tmp_path / "es.duckdb") as store:
        store.write_links(batch({"kharkiv": 2}, 2))
        assert store.term_frequencies({"kharkiv", "odesa"}) == ({"kharkiv": 2}, 2)  # read, then kept
        store.write_links(batch({"kharkiv": 1, "odesa": 1}, 1))
        assert store.term_frequencies({"kharkiv", "odesa"}) == ({"kharkiv": 3, "odesa": 1}, 3)
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.write_links(batch({"kharkiv": 5}, 5))
                raise RuntimeError("the batch fails after its links were written")
        assert store.term_frequencies({"kharkiv", "odesa"}) == ({"kharkiv": 3, "odesa": 1}, 3)
    with Store(tmp_path / "es.duckdb") as store:
        assert store.term_frequencies({"kharkiv", "odesa", "lviv"}) == ({"kharkiv": 3, "odesa": 1}, 3)


def test_story_vectors_are_stored_compressed_and_read_back_whole(tmp_path):
    """A story's summed vector and name counts are written packed and compressed (long strings
    made keyed reads slow as the store grew; JSON took three times as long to read back) and
    read back bit for bit, in order; vectors an older store holds as compressed JSON or as JSON
    text still read."""
    import zlib

    from eventscope.models import LinkBatch, StoryState
    from eventscope.store.story_vectors import unpack_vector

    terms = {f"term{i}": i / 7 for i in reversed(range(400))}
    names = {"okafor": 3, "*okafor": 2, "harbor_city": 1}
    state = StoryState("s1", 3, "2020-01-01", "2020-01-05", "FRA:2", 9, terms, names=names)
    with Store(tmp_path / "s.duckdb") as store:
        store.write_links(LinkBatch(linked=[], stories=[state], memberships={}, df_delta={}, n_docs=0))
        vector, packed = store.con.execute("SELECT vector, packed FROM story_state").fetchone()
        assert vector is None and len(packed) < len(json.dumps(terms)) / 2
        assert [list(d.items()) for d in unpack_vector(packed)] == [list(terms.items()), list(names.items())]
        (read,) = store.story_vectors_by_id(["s1"])
        assert list(read.terms.items()) == list(terms.items()) and read.names == names
        store.con.execute("UPDATE story_state SET packed = ?", [zlib.compress(json.dumps({"a": 0.5, "=x": 2.0}).encode())])
        assert store.story_vectors_by_id(["s1"])[0].terms == {"a": 0.5, "=x": 2.0}  # the clusterer splits names
        store.con.execute("UPDATE story_state SET vector = ?, packed = NULL", [json.dumps({"old": 1.0})])
        store.con.execute("INSERT INTO story_state (story_id, n) VALUES ('s2', 1)")
        store.con.execute("INSERT INTO story_terms VALUES ('s2', 'older', 0.5, true)")
        got = {r.id: r.terms for r in store.story_vectors_by_id(["s1", "s2"])}
    assert got == {"s1": {"old": 1.0}, "s2": {"older": 0.5}}


def test_who_words_found_by_the_coding_process_spare_the_linker_the_actor_lexicon():
    """With worker processes, the parent links: it takes the who-words of actor names that
    the workers found (DocumentResult.who) and tells two named people apart without loading
    the actor lexicon itself; for a name no worker told it, it finds the words itself."""
    import subprocess
    import sys

    script = """
from eventscope.linking import events
events.remember({"Mike Pompeo": frozenset({"mike", "pompeo"}), "Sergei Lavrov": frozenset({"sergei", "lavrov"}),
                 "Pompeo": frozenset({"pompeo"})})
from eventscope.knowledge.actor_files import _load_lexicon
print(events.names_agree("Mike Pompeo", "Sergei Lavrov"), events.names_agree("Mike Pompeo", "Pompeo"),
      _load_lexicon.cache_info().currsize > 0)
print(events.names_agree("Mike Pompeo", "Russian government"), _load_lexicon.cache_info().currsize > 0)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["False True False", "True True"]


def test_coded_documents_carry_their_countries_and_the_who_words_of_their_actor_names(code_text):
    from eventscope.linking.events import who_of_events, who_words

    from eventscope.linking.vectors import document_countries

    text = "Secretary of State Mike Pompeo met Russian Foreign Minister Sergei Lavrov in Geneva."
    result = code_text(text)
    who = who_of_events(result.events)
    assert who and all(words == who_words(name) for name, words in who.items())
    # found by the Processor, where the lexicon is loaded, for whichever process links
    assert result.who == who and result.countries == document_countries("\n" + text) and "RUS" in result.countries
    assert {"pompeo"} <= set().union(*who.values()) and "russian" not in set().union(*who.values())


def test_coded_documents_carry_the_story_clusterers_inputs_and_link_as_without_them(processor, tmp_path):
    """The Processor finds a document's term counts and names (what the story clusterer reads
    of it) where it is coded, so the process that links, which with workers shares the CPU
    with them, does not; a result without them (a Dask partition read back) is linked exactly
    the same, the linker computing them itself."""
    from eventscope import linking
    from eventscope.linking.vectors import document_features, document_names
    from eventscope.models import Document, content_id
    from eventscope.store import Store

    texts = ["Rebels shelled the port of Hodeidah on Monday, Yemeni officials said.",
             "Yemeni officials said rebels shelled Hodeidah port again on Tuesday.",
             "The central bank of Brazil raised interest rates by half a point."]
    docs = [Document(content_id(t), t, title="Port shelled" if i == 0 else None, origin=f"t{i}")
            for i, t in enumerate(texts)]
    results = list(processor.process(docs))
    for doc, result in zip(docs, results):
        assert result.story_terms == document_features(doc.text, doc.title) and result.story_terms
        assert result.names == document_names(doc.text, doc.title) and "hodeidah" in results[0].names
    tables = []
    for keep in (True, False):
        if not keep:
            for result in results:
                result.story_terms = result.names = None
        with Store(tmp_path / f"s{keep}.duckdb") as store:
            store.write_results(results)
            linking.link_batch(results, store)
            tables.append([store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                           for t in ("story_documents", "story_state", "story_terms", "term_df", "event_links")])
    assert tables[0] == tables[1]
    assert len({story for story, _ in tables[0][0]}) == 2  # the two shellings are one story


def test_key_terms_are_the_heaviest_with_ties_by_term_however_many_terms():
    """key_terms ranks only the terms as heavy as the k-th heaviest weight when a story has many
    (a third of the time); the keys are those of ranking every term, ties at the cut included."""
    import random

    from eventscope.linking.story_postings import key_terms

    rng = random.Random(7)
    for n in (5, 30, 90, 91, 500):
        terms = {f"t{i:03d}": rng.choice([0.25, 0.5, 1.0, rng.random()]) for i in range(n)}
        ranked = [t for t, _ in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))]
        assert key_terms(terms, 30) == ranked[:30]
