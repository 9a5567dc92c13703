"""A batch's reads are keyed: linking a batch reads the rows of its own documents and of the
stories it touches, never whole tables, so its cost and DuckDB's cache do not grow with the
store (issue 17: peak RSS flat from 400 to 4,000 documents; issue 18.6: linking cost flat).

Checked through DuckDB's own profile of every query a batch runs: rows each table scan read."""

from __future__ import annotations

import json

import pytest

from eventscope import linking
from eventscope.models import Actor, Document, DocumentResult, Event, Sentence, content_id
from eventscope.store import Store

OTHER_DOCUMENTS = 600  # stored before the batch, each with SENTENCES sentences and 3 events
SENTENCES = 8


class ScanCounter:
    """Wraps a DuckDB connection: runs each statement with JSON profiling on and adds up, per
    table, the rows its table scans read (results are fetched at once, as the store does)."""

    def __init__(self, con, profile_path):
        self.con, self.path = con, profile_path
        self.rows: dict[str, int] = {}
        con.execute("PRAGMA enable_profiling = 'json'")
        con.execute(f"PRAGMA profiling_output = '{profile_path}'")

    def __getattr__(self, name):
        return getattr(self.con, name)

    def execute(self, sql, params=None):
        self.path.unlink(missing_ok=True)
        result = _Fetched(self.con.execute(sql, params or []))
        if self.path.exists():  # statements without a plan (BEGIN, COMMIT) write no profile
            self._count(json.loads(self.path.read_text("utf-8")).get("operator") or [])
        return result

    def _count(self, nodes) -> None:
        for node in nodes:
            table = (node.get("extra_info") or {}).get("Table")
            if node.get("type") == "TABLE_SCAN" and table:
                name = table.split(".")[-1]
                self.rows[name] = self.rows.get(name, 0) + int(node.get("rows_scanned") or 0)
            self._count(node.get("children") or [])


class _Fetched:
    def __init__(self, cursor):
        self.description = cursor.description
        self._rows = cursor.fetchall() if cursor.description else []

    def fetchall(self):
        return self._rows

    def fetchone(self):
        return self._rows[0] if self._rows else None


def _fill(store: Store, n: int = OTHER_DOCUMENTS) -> None:
    """`n` linked documents with sentences and events, written straight into the
    tables (what linking reads, without coding them)."""
    store.con.execute(
        """INSERT INTO documents (id, title, date, text, ingested_at)
           SELECT 'other' || i, 'Title ' || i, '2019-03-' || lpad((1 + i % 28)::VARCHAR, 2, '0'),
                  'Some text.', now()::TIMESTAMP FROM range(?) t(i)""", [n])
    store.con.execute(
        """INSERT INTO sentences SELECT 'other' || i, k, 0, 10, 'Sentence ' || k || ' of ' || i
           FROM range(?) t(i), range(?) s(k)""", [n, SENTENCES])
    store.con.execute(
        """INSERT INTO events (id, doc_id, sentence, cameo, source_code, target_code, date)
           SELECT 'e' || i || '-' || k, 'other' || i, k, '042', 'FRAGOV', 'DEUGOV', '2019-03-01'
           FROM range(?) t(i), range(3) s(k)""", [n])
    store.con.execute("INSERT INTO story_documents SELECT 's' || i, 'other' || i FROM range(?) t(i)",
                      [n])
    # and what linking kept of them: linked events, stories with their terms and briefs,
    # near-copy signatures, term counts
    store.con.execute(
        """INSERT INTO linked_events (id, cameo, source_code, target_code, date, first_doc_id, actor_pair)
           SELECT id, cameo, source_code, target_code, date, doc_id, source_code || '|' || target_code FROM events""")
    store.con.execute("INSERT INTO event_links SELECT id, id, 'first report' FROM events")
    store.con.execute(
        """INSERT INTO story_state (story_id, n, seq) SELECT 's' || i, 1, i FROM range(?) t(i)""", [n])
    store.con.execute(
        """INSERT INTO story_terms SELECT 's' || i, 'term' || k, 1.0, k < 3 FROM range(?) t(i), range(10) s(k)""",
        [n])
    store.con.execute(
        """INSERT INTO stories (id, title, n_documents, n_events, brief_n)
           SELECT 's' || i, 'Title ' || i, 1, 3, 1 FROM range(?) t(i)""", [n])
    store.con.execute(
        """INSERT INTO story_brief SELECT 's' || i, k, 'Sentence ' || k, 'other' || i, k, NULL
           FROM range(?) t(i), range(3) s(k)""", [n])
    store.con.execute("""INSERT INTO document_sources (doc_id, source, copy_id)
                         SELECT 'other' || i, 'Wire', 'copy' || i FROM range(?) t(i)""", [n])
    store.con.execute("INSERT INTO doc_minhash SELECT 'other' || i, 'x'::BLOB FROM range(?) t(i)", [n])
    store.con.execute("INSERT INTO doc_lsh SELECT 1000 * i + k, 'other' || i FROM range(?) t(i), range(32) s(k)",
                      [n])
    store.con.execute("INSERT INTO term_df SELECT 'word' || i, 1 FROM range(3000) t(i)")


def _report(text: str, date: str, outlet: str) -> DocumentResult:
    document = Document(id=content_id(text), text=text, date=date, source=outlet, origin=outlet)
    event = Event(document.id, 0, (0, len(text)), [Actor("Russian forces", "RUS", "MIL")],
                  [Actor("Ukraine", "UKR", None)], "190", "19", -10.0, 4, "ASSAULT",
                  date=date, date_precision="day", trigger="shelled")
    return DocumentResult(document, [Sentence(document.id, 0, 0, len(text), text)], [], [event])


def _link(store: Store, results: list[DocumentResult]) -> None:
    with store.transaction():
        kept = {d.id for d in linking.divert_duplicates([r.document for r in results], store)}
        results = [r for r in results if r.document.id in kept]
        store.write_results(results)
        linking.link_batch(results, store)


@pytest.mark.parametrize("n_other", [OTHER_DOCUMENTS, pytest.param(30_000, marks=pytest.mark.slow)])
def test_linking_a_batch_reads_its_own_documents_not_the_store(tmp_path, n_other):
    first = _report("Russian forces shelled Kharkiv overnight, killing three civilians in the city's "
                    "north, Ukrainian officials said on Wednesday.", "2024-05-01", "A")
    second = _report("Russian forces shelled Kharkiv on Wednesday, killing three civilians and "
                     "damaging a power station, the regional governor said.", "2024-05-02", "B")
    with Store(tmp_path / "es.duckdb") as store:
        _fill(store, n_other)
        _link(store, [first])  # the process's first batch: it reads the story index once
        counter = ScanCounter(store.con, tmp_path / "profile.json")
        store.con = counter
        try:
            _link(store, [second])  # joins the first report's story: its brief is rebuilt
        finally:
            store.con = counter.con
            store.con.execute("PRAGMA disable_profiling")
        (story,) = [s for s in store.list_stories() if s["n_documents"] == 2]
        assert story["n_events"] == 2
    # (doc_lsh is read once per process, by the first batch: near-copies are found in memory)
    assert {"sentences", "events", "linked_events", "story_documents"} <= set(counter.rows)
    # each table gave the rows of the batch's two documents and of the one story they share; a
    # scan of a whole table reads the OTHER_DOCUMENTS' thousands of rows (sentences: 4,800)
    assert all(rows <= 50 for rows in counter.rows.values()), counter.rows


def test_a_late_copy_recounts_sources_from_its_own_rows(tmp_path):
    """A near-copy of a stored document adds a source to that document's linked events: the
    recount reads those linked events' mentions and their documents' copies, not the tables."""
    text = ("Russian forces shelled Kharkiv overnight, killing three civilians in the city's north, "
            "Ukrainian officials said on Wednesday.")
    first = _report(text, "2024-05-01", "A")
    copy = Document(id=content_id(text + " Copyright Example Wire."), text=text + " Copyright Example Wire.",
                    date="2024-05-01", source="C", origin="C")
    with Store(tmp_path / "es.duckdb") as store:
        _fill(store)
        _link(store, [first])
        counter = ScanCounter(store.con, tmp_path / "profile.json")
        store.con = counter
        try:
            with store.transaction():
                assert linking.divert_duplicates([copy], store) == []
        finally:
            store.con = counter.con
            store.con.execute("PRAGMA disable_profiling")
        assert store.con.execute("SELECT n_mentions, n_documents, n_sources FROM linked_events WHERE first_doc_id = ?",
                                 [first.document.id]).fetchall() == [(1, 1, 2)]
        # the stored documents' own counts are untouched: one mention, one document, one copy
        assert store.con.execute("SELECT count(*) FROM linked_events WHERE n_sources IS NOT NULL").fetchall() == [(1,)]
    assert {"document_sources", "event_links", "events"} <= set(counter.rows)
    assert all(rows <= 50 for rows in counter.rows.values()), counter.rows


def test_recounting_every_linked_event_counts_copies_of_each_document(tmp_path):
    with Store(tmp_path / "es.duckdb") as store:
        _fill(store, 20)
        store.con.execute("DELETE FROM event_links WHERE event_id = 'e3-0'")
        store.con.execute("INSERT INTO event_links VALUES ('e3-0', 'e1-0', 'same event')")  # other3's mention of other1's
        store.con.execute("INSERT INTO document_sources (doc_id, source, copy_id) VALUES ('other1', 'Wire', 'extra')")
        store.refresh_linked_counts()
        counts = dict((i, (m, d, s)) for i, m, d, s in store.con.execute(
            "SELECT id, n_mentions, n_documents, n_sources FROM linked_events").fetchall())
    # other1 has two copies, other3 one: 2 documents + 3 copies
    assert counts["e1-0"] == (2, 2, 5)
    assert counts["e1-1"] == (1, 1, 3) and counts["e5-2"] == (1, 1, 2)
    assert counts["e3-0"] == (None, None, None)  # no mention left: not recounted


@pytest.mark.parametrize("max_documents", [200, 1])
def test_story_material_is_the_stories_own_rows(tmp_path, max_documents):
    with Store(tmp_path / "es.duckdb") as store:
        _fill(store)
        store.con.execute("UPDATE story_documents SET story_id = 's3' WHERE doc_id IN ('other1', 'other10')")
        material = store.story_material(["s3", "s7", "nothing"], max_documents=max_documents)
    assert material["nothing"] == {"documents": [], "sentences": [], "events": [], "n_documents": 0,
                                   "n_events": 0}
    s3, s7 = material["s3"], material["s7"]
    # the first documents by date (other1 03-02, other3 03-04, other10 03-11); counts are the story's
    assert [d["id"] for d in s3["documents"]] == ["other1", "other3", "other10"][:max_documents]
    assert (s3["n_documents"], s3["n_events"]) == (3, 9)
    chosen = {d["id"] for d in s3["documents"]}
    # leads and event sentences only (each document's events sit on its sentences 0-2)
    assert sorted((s["doc_id"], s["idx"]) for s in s3["sentences"]) == sorted((d, k) for d in chosen for k in range(3))
    assert {e["doc_id"] for e in s3["events"]} == chosen and len(s3["events"]) == 3 * len(chosen)
    assert [d["id"] for d in s7["documents"]] == ["other7"] and len(s7["sentences"]) == 3


def test_a_copy_of_a_document_of_its_own_batch_looks_up_no_linked_events(tmp_path, monkeypatch):
    """Only a stored original can have linked events a copy adds a source to: a copy of a
    document of the same batch (diverted before that document is written) looks none up, and
    its original's events still count it once linked."""
    text = ("Striking dockers blocked the harbour road on Monday, the port authority said, and ferries "
            "to the islands were cancelled until further notice.")
    first = _report(text, "2024-05-01", "A")
    copy = _report(text + " Copyright Example Wire.", "2024-05-01", "C")
    looked_up = []
    with Store(tmp_path / "es.duckdb") as store:
        original = store.linked_ids_of_documents
        monkeypatch.setattr(store, "linked_ids_of_documents", lambda ids: looked_up.append(ids) or original(ids))
        _link(store, [first, copy])
        assert looked_up == []
        assert store.con.execute("SELECT n_mentions, n_documents, n_sources FROM linked_events").fetchall() == [(1, 1, 2)]
        late = _report(text + " Reporting by the Example Wire desk.", "2024-05-01", "D")
        _link(store, [late])  # a copy of a stored document: its linked events recounted
        assert looked_up == [[first.document.id]]
        assert store.con.execute("SELECT n_sources FROM linked_events").fetchall() == [(3,)]


def test_the_backlog_check_does_not_read_back_the_batch_being_linked(tmp_path):
    """A process's first batch looks for documents stored but never linked (a killed run); the
    batch itself, written a moment before, is linked anyway and its texts are not read back."""
    with Store(tmp_path / "s.duckdb") as store:
        store.write_results([DocumentResult(Document(f"d{i}", f"Flooding closed {i} schools in Dhaka."))
                             for i in range(3)])
        assert [d["id"] for d in store.unlinked_documents()[0]] == ["d0", "d1", "d2"]
        assert [d["id"] for d in store.unlinked_documents(exclude={"d0", "d2"})[0]] == ["d1"]
        assert store.unlinked_documents(exclude={"d0", "d1", "d2"}) == ([], [])
