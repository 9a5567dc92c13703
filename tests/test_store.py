"""The DuckDB store: idempotent, transactional writes, runs, rejections and exports."""

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventscope.export import export
from eventscope.models import Actor, Document, DocumentResult, Event, Evidence, Rejection, Sentence, content_id
from eventscope.store import Store


def make_result(text: str, date: str | None = "2024-05-01", events_per_doc: int = 2) -> DocumentResult:
    doc = Document(id=content_id(text), text=text, title="T " + text[:10], date=date, origin="test")
    sentences, events, actors = [], [], []
    for i in range(events_per_doc):
        start = i * 30
        sentences.append(Sentence(doc.id, i, start, start + 29, f"sentence {i} of {text[:10]}"))
        src = [Actor("Russia", "RUS", "GOV", "Moscow", start, start + 6, "e1"),
               Actor("Belarus", "BLR", None, "Minsk", start + 8, start + 13, "e2")]
        tgt = [Actor("Ukraine", "UKR", "MIL", "Kyiv", start + 20, start + 24, "e3")]
        actors += src + tgt
        events.append(Event(doc.id, i, (start, start + 29), src, tgt, "190", "19", -10.0, 4,
                            "ASSAULT", plover_context="military", trigger="shelled",
                            confidence=0.8, evidence=(Evidence("rule", "test"),)))
    return DocumentResult(doc, sentences, actors, events)


@pytest.fixture
def batch():
    return [make_result(f"article number {n} about shelling") for n in range(3)]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "es.duckdb") as s:
        yield s


def test_schema_is_created_idempotently(tmp_path):
    path = tmp_path / "es.duckdb"
    Store(path).close()
    with Store(path) as again:
        assert set(again.counts()) == {"documents", "sentences", "actors", "events", "rejections", "runs"}
        assert all(n == 0 for n in again.counts().values())


def test_memory_store_works():
    with Store(":memory:") as s:
        assert s.write_results([make_result("in memory")]) == 1


def test_write_results_stores_every_table(store, batch):
    assert store.write_results(batch, run_id="r1") == 3
    assert store.counts() == {"documents": 3, "sentences": 6, "actors": 18, "events": 6,
                              "rejections": 0, "runs": 0}


def test_writing_the_same_batch_twice_adds_nothing(store, batch):
    store.write_results(batch)
    before = store.counts()
    assert store.write_results(batch) == 0
    assert store.counts() == before
    # a batch mixing old and new documents stores only the new ones
    assert store.write_results(batch + [make_result("a fresh article")]) == 1
    assert store.counts()["documents"] == before["documents"] + 1


def test_repeats_within_a_batch_are_written_once(store):
    result = make_result("repeated article")
    result.events.append(result.events[0])
    assert store.write_results([result, result]) == 1
    assert store.counts()["events"] == 2


def test_failure_mid_write_rolls_back_the_whole_batch(store, batch, monkeypatch):
    store.write_results(batch[:1])
    before = store.counts()
    real_insert = Store._insert

    def fail_on_events(self, table, columns):
        if table == "events":  # documents, sentences and actors are already inserted
            raise RuntimeError("simulated crash")
        return real_insert(self, table, columns)

    monkeypatch.setattr(Store, "_insert", fail_on_events)
    with pytest.raises(RuntimeError):
        store.write_results(batch)
    assert store.counts() == before
    monkeypatch.undo()
    assert store.write_results(batch) == 2  # the store is usable and the batch can be retried


def test_constraint_violation_rolls_back(store):
    bad = make_result("duplicate sentence index")
    bad.sentences.append(bad.sentences[0])  # (doc_id, idx) is a primary key
    with pytest.raises(Exception):
        store.write_results([make_result("innocent bystander"), bad])
    assert store.counts()["documents"] == 0


def test_known_document_ids(store, batch):
    store.write_results(batch[:2])
    ids = [r.document.id for r in batch]
    assert store.known_document_ids(ids + ["nope"]) == set(ids[:2])
    assert store.known_document_ids([]) == set()


def test_event_columns_flatten_first_actor_and_keep_all_in_json(store):
    result = make_result("actor columns")
    store.write_results([result])
    row = store.events(limit=1)[0]
    assert (row["source_name"], row["source_country"], row["source_sector"], row["source_code"]) == \
        ("Russia", "RUS", "GOV", "RUSGOV")
    assert [a["name"] for a in row["source_actors"]] == ["Russia", "Belarus"]
    assert row["target_country"] == "UKR" and len(row["target_actors"]) == 1
    assert row["sentence_text"] == result.sentences[0].text
    assert (row["cameo"], row["quad_class"], row["goldstein"]) == ("190", 4, -10.0)


def test_events_without_actors_have_null_flat_columns(store):
    result = make_result("no actors", events_per_doc=1)
    result.events[0].source, result.events[0].target = [], []
    store.write_results([result])
    row = store.events()[0]
    assert row["source_name"] is None and row["source_actors"] == [] and row["target_code"] is None


def test_events_filters_order_and_limit(store):
    late, early, undated = make_result("late", "2024-06-01"), make_result("early", "2023-01-01"), \
        make_result("undated", None)
    store.write_results([late, undated, early])
    rows = store.events()
    assert [r["doc_id"] for r in rows][::2] == [early.document.id, late.document.id, undated.document.id]
    assert [r["sentence"] for r in rows[:2]] == [0, 1]
    assert len(store.events(limit=3)) == 3
    assert {r["doc_id"] for r in store.events(doc_id=late.document.id)} == {late.document.id}
    assert store.events(plover="PROTEST") == []
    with pytest.raises(ValueError):
        store.events(no_such_column=1)


def test_runs_and_rejections_are_recorded(store, batch):
    run = store.start_run(["a.jsonl", "b.html"])
    store.write_results(batch, run_id=run)
    store.record_rejections([Rejection("a.jsonl:3", "no text"), Rejection("b.html", "empty")], run)
    store.finish_run(run, documents_skipped=4)
    row = store.con.execute("SELECT * FROM runs WHERE run_id = ?", [run]).fetchone()
    names = [d[0] for d in store.con.description]
    rec = dict(zip(names, row))
    assert json.loads(rec["inputs"]) == ["a.jsonl", "b.html"]
    assert rec["status"] == "ok" and rec["finished_at"] is not None
    assert (rec["documents_added"], rec["documents_skipped"], rec["events_added"], rec["rejected"]) == (3, 4, 6, 2)
    reasons = store.con.execute("SELECT origin, reason FROM rejections WHERE run_id = ? ORDER BY origin", [run]).fetchall()
    assert reasons == [("a.jsonl:3", "no text"), ("b.html", "empty")]
    with pytest.raises(ValueError):
        store.finish_run(run, bogus=1)
    with pytest.raises(KeyError):
        store.finish_run("no-such-run")


def test_unfinished_run_stays_running(store):
    run = store.start_run([])
    status, finished = store.con.execute("SELECT status, finished_at FROM runs WHERE run_id = ?", [run]).fetchone()
    assert status == "running" and finished is None


@pytest.mark.parametrize("table,expected", [("events", 6), ("documents", 3), ("actors", 18)])
def test_export_each_format_reads_back(store, batch, tmp_path, table, expected):
    store.write_results(batch)
    parquet, csv_path, jsonl = tmp_path / "o.parquet", tmp_path / "o.csv", tmp_path / "o.jsonl"
    assert export(store.con, parquet, "parquet", table=table) == expected
    assert pq.read_table(parquet).num_rows == expected
    assert export(store.con, csv_path, "csv", table=table) == expected
    with csv_path.open(newline="", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == expected
    assert export(store.con, jsonl, "jsonl", table=table) == expected
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(records) == expected
    if table == "events":
        assert records[0]["source_actors"][0]["name"] == "Russia"  # JSON stays structured


def test_export_rejects_unknown_format_and_table(store, tmp_path):
    with pytest.raises(ValueError):
        export(store.con, tmp_path / "x.xml", "xml")
    with pytest.raises(ValueError):
        export(store.con, tmp_path / "x.csv", "csv", table="events; DROP TABLE documents")


def test_export_of_an_empty_table(store, tmp_path):
    assert export(store.con, tmp_path / "e.parquet", "parquet") == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


def test_read_only_store(tmp_path, batch):
    path = tmp_path / "es.duckdb"
    with Store(path) as s:
        s.write_results(batch)
    with Store(path, read_only=True) as ro:
        assert ro.counts()["documents"] == 3
        with pytest.raises(Exception):
            ro.write_results([make_result("not allowed")])
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.duckdb", read_only=True)


# -- `eventscope export` --------------------------------------------------------------

def run_cli(*args):
    from eventscope.cli import app  # registers every command module
    return CliRunner().invoke(app, ["export", *args])


def test_cli_export_writes_and_reports_rows(tmp_path, batch):
    db = tmp_path / "es.duckdb"
    with Store(db) as s:
        s.write_results(batch)
    out = tmp_path / "out" / "events.parquet"
    result = run_cli("--db", str(db), "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "6" in result.output and pq.read_table(out).num_rows == 6
    result = run_cli("--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "d.jsonl"), "--table", "documents")
    assert result.exit_code == 0 and len((tmp_path / "d.jsonl").read_text().splitlines()) == 3


@pytest.mark.parametrize("args, code", [(["--db", "{tmp}/missing.duckdb"], 2),
                                        (["--db", "{tmp}/es.duckdb", "--format", "xml"], 2),
                                        (["--db", "{tmp}/es.duckdb", "--table", "nope"], 2),
                                        (["--db", "{tmp}/junk.duckdb"], 5)])  # not a database: as `run` says it
def test_cli_export_errors_exit_with_a_reason(tmp_path, args, code):
    Store(tmp_path / "es.duckdb").close()
    (tmp_path / "junk.duckdb").write_text("not a database")
    result = run_cli(*[a.format(tmp=tmp_path) for a in args], "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == code
    assert "error" in result.output
