"""The web app on hand-written stores: hostile text, linking tables, an empty and a locked store."""

from __future__ import annotations

import json
import re
from importlib import resources

import duckdb
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventscope.store import Store  # noqa: E402
from eventscope.web import create_app  # noqa: E402

SCRIPT = '<script>alert("x")</script>'
TEXT_A = (f"Russian officials warned {SCRIPT} Iran on Monday.\n\n"
          "Iran & Russia agreed to expand trade, officials said.")
TEXT_B = "Moscow rebuked Tehran in 2023. Russian troops attacked Iranian positions."
TEXT_C = "Russian and Iranian envoys met."
# The linking contract (common to the linking stage and the web app); Store may create these itself.
LINKING_DDL = """
CREATE TABLE IF NOT EXISTS document_sources (doc_id VARCHAR, source VARCHAR, url VARCHAR, title VARCHAR, date VARCHAR,
    origin VARCHAR, similarity DOUBLE, copy_id VARCHAR);
CREATE TABLE IF NOT EXISTS event_links (event_id VARCHAR PRIMARY KEY, linked_event_id VARCHAR);
CREATE TABLE IF NOT EXISTS linked_events (id VARCHAR PRIMARY KEY, cameo VARCHAR, cameo_root VARCHAR, quad_class TINYINT,
    goldstein DOUBLE, plover VARCHAR, source_code VARCHAR, target_code VARCHAR, date VARCHAR,
    first_reported VARCHAR, first_doc_id VARCHAR, n_mentions INTEGER, n_sources INTEGER, n_documents INTEGER);
CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, title VARCHAR, first_date VARCHAR, last_date VARCHAR,
    n_documents INTEGER, n_events INTEGER, updated_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS story_documents (story_id VARCHAR, doc_id VARCHAR);
CREATE TABLE IF NOT EXISTS story_brief (story_id VARCHAR, idx INTEGER, text VARCHAR, doc_id VARCHAR, sentence INTEGER, date VARCHAR);
"""


def _actor(text: str, doc: str, country: str, sector: str | None, occurrence: int = 0) -> dict:
    start = [m.start() for m in re.finditer(re.escape(doc), text)][occurrence]
    return {"name": doc, "country": country, "sector": sector, "text": doc, "start": start,
            "end": start + len(doc), "entity": f"{country}:{doc}"}


def _event(con, id, doc_id, text, sentence, sent_span, source, target, cameo, quad, gold, plover, date, trigger):
    con.execute(
        "INSERT INTO events (id, doc_id, sentence, span_start, span_end, source_name, source_code, source_country,"
        " source_actors, target_name, target_code, target_country, target_actors, cameo, cameo_root, goldstein,"
        " quad_class, plover, date, date_precision, trigger, confidence, evidence, sentence_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.8, 'test', ?)",
        [id, doc_id, sentence, *sent_span, source["name"], source["country"] + (source["sector"] or ""),
         source["country"], json.dumps([source]), target["name"], target["country"] + (target["sector"] or ""),
         target["country"], json.dumps([target]), cameo, cameo[:2], gold, quad, plover, date,
         {10: "day", 7: "month", 4: "year"}.get(len(date or ""), None), trigger, text[sent_span[0]:sent_span[1]]])


@pytest.fixture(scope="module")
def edge_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("edge") / "edge.duckdb"
    Store(path).close()  # the schema
    con = duckdb.connect(str(path))
    docs = [("doc-a", f"{SCRIPT} Talks", "2024-03-04", TEXT_A), ("doc-b", "Second report", "2024-05-21", TEXT_B),
            ("doc-c", "Undated report", None, TEXT_C)]
    for doc_id, title, date, text in docs:
        con.execute("INSERT INTO documents (id, title, date, source, url, origin, text, ingested_at, run_id) "
                    "VALUES (?, ?, ?, 'Wire', 'javascript:alert(1)', ?, ?, now(), 'run-1')",
                    [doc_id, title, date, f"in/{doc_id}.txt", text])
    first = TEXT_A.index("\n\n")
    con.execute("INSERT INTO sentences VALUES ('doc-a', 0, 0, ?, ?), ('doc-a', 1, ?, ?, ?)",
                [first, TEXT_A[:first], first + 2, len(TEXT_A), TEXT_A[first + 2:]])
    b_first = TEXT_B.index(" Russian") + 1
    _event(con, "e1", "doc-a", TEXT_A, 0, (0, first), _actor(TEXT_A, "Russian officials", "RUS", "GOV"),
           _actor(TEXT_A, "Iran", "IRN", None), "130", 3, -4.4, "THREATEN", "2024-03-04", "warned")
    _event(con, "e2", "doc-a", TEXT_A, 1, (first + 2, len(TEXT_A)), _actor(TEXT_A, "Iran", "IRN", None, 1),
           _actor(TEXT_A, "Russia", "RUS", None, 1), "0312", 1, 5.2, "AGREE", "2024-03-11", "agreed .. expand")
    _event(con, "e3", "doc-b", TEXT_B, 0, (0, b_first - 1), _actor(TEXT_B, "Moscow", "RUS", "GOV"),
           _actor(TEXT_B, "Tehran", "IRN", "GOV"), "111", 3, -2.0, "ACCUSE", "2023", "rebuked")
    _event(con, "e5", "doc-b", TEXT_B, 1, (b_first, len(TEXT_B)), _actor(TEXT_B, "Russian troops", "RUS", "MIL"),
           _actor(TEXT_B, "Iranian positions", "IRN", "MIL"), "190", 4, -10.0, "ASSAULT", "2024-05-20", "attacked")
    _event(con, "e4", "doc-c", TEXT_C, 0, (0, len(TEXT_C)), _actor(TEXT_C, "Russian", "RUS", None),
           _actor(TEXT_C, "Iranian envoys", "IRN", "GOV"), "040", 1, 1.0, "CONSULT", None, "met")
    con.execute(LINKING_DDL)
    con.execute("INSERT INTO document_sources (doc_id, source, url, title, date, origin, similarity, copy_id) VALUES ('doc-a', '<i>Mirror</i>', 'javascript:alert(2)', "
                "'<script>copy</script>', '2024-03-05', 'in/copy.txt', 0.93, 'copy-1')")
    con.execute("INSERT INTO linked_events (id, cameo, cameo_root, quad_class, goldstein, plover, source_code, "
                "target_code, date, first_reported, first_doc_id, n_mentions, n_sources, n_documents) VALUES ('L1', '0312', '03', 1, 5.2, 'AGREE', 'IRN', 'RUS', "
                "'2024-03-11', '2024-03-11', 'doc-a', 2, 2, 2)")
    con.execute("INSERT INTO event_links (event_id, linked_event_id) VALUES ('e2', 'L1'), ('e4', 'L1')")
    con.execute("INSERT INTO stories (id, title, first_date, last_date, n_documents, n_events, updated_at) VALUES ('S1', ?, '2024-03-04', '2024-03-11', 2, 3, now())",
                [f"{SCRIPT} Russia and Iran"])
    con.execute("INSERT INTO story_documents (story_id, doc_id) VALUES ('S1', 'doc-a'), ('S1', 'doc-c')")
    con.execute("INSERT INTO story_brief (story_id, idx, text, doc_id, sentence, date) VALUES ('S1', 0, ?, 'doc-a', 0, '2024-03-04'), "
                "('S1', 1, 'They agreed to expand trade.', 'doc-a', 1, '2024-03-11')", [f"Russia warned Iran {SCRIPT}"])
    con.execute("INSERT INTO runs VALUES ('run-1', now(), now(), '[\"in\"]', 3, 0, 5, 1, 'ok')")
    con.execute("INSERT INTO rejections VALUES ('run-1', 'in/bad.bin', '<b>binary</b> file', now())")
    con.close()
    return path


@pytest.fixture(scope="module")
def client(edge_store):
    with TestClient(create_app(edge_store)) as c:
        yield c


@pytest.fixture(params=["empty", "before-linking"])
def empty_client(request, tmp_path):
    """A store with no rows; or one written before linking existed (no linking tables at all)."""
    path = tmp_path / "empty.duckdb"
    if request.param == "empty":
        Store(path).close()
    else:
        con = duckdb.connect(str(path))
        con.execute((resources.files("eventscope.store") / "schema.sql").read_text("utf-8"))
        con.close()
    with TestClient(create_app(path)) as c:
        yield c


def _no_raw_script(html: str) -> None:
    assert "<script>alert" not in html and "<script>copy" not in html
    assert 'href="javascript:' not in html


@pytest.mark.parametrize("url", ["/events", "/events/e1", "/documents/doc-a", "/stories", "/stories/S1",
                                 "/status", "/actors/RUS", "/events?q=alert"])
def test_article_text_is_escaped_on_every_page(client, url):
    page = client.get(url)
    assert page.status_code == 200
    _no_raw_script(page.text)
    if url not in ("/stories", "/actors/RUS"):
        assert "&lt;script&gt;" in page.text  # shown as text, not dropped


def test_pages_forbid_inline_scripts(client):
    headers = client.get("/documents/doc-a").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_highlight_marks_actors_and_trigger_around_escaped_text(client):
    html = client.get("/events/e1").text
    assert '<span class="hl-clause hl-source">Russian officials</span>' in html
    assert '<span class="hl-clause hl-trigger">warned</span>' in html
    assert '<span class="hl-clause hl-target">Iran</span>' in html
    html = client.get("/events/e2").text  # a two-part trigger, both parts marked
    assert '<span class="hl-clause hl-trigger">agreed</span>' in html
    assert '<span class="hl-clause hl-trigger">expand</span>' in html


def test_event_shows_copies_and_linked_mentions(client):
    event = client.get("/api/events/e2").json()
    assert event["n_sources"] == 2  # the document and its near-duplicate copy
    assert [c["copy_id"] for c in event["copies"]] == ["copy-1"]
    assert event["linked_event"]["id"] == "L1"
    assert [m["id"] for m in event["other_mentions"]] == ["e4"]
    html = client.get("/events/e2").text
    assert "Other reports of the same event" in html and "/events/e4" in html


def test_story_timeline_collapses_linked_mentions(client):
    story = client.get("/api/stories/S1").json()
    assert [e["id"] for e in story["timeline"]] == ["e1", "e2"]
    assert story["timeline"][1]["n_mentions"] == 2 and story["timeline"][1]["n_documents"] == 2
    assert [b["idx"] for b in story["brief"]] == [0, 1]
    assert {d["id"] for d in story["documents"]} == {"doc-a", "doc-c"}
    html = client.get("/stories/S1").text
    assert html.count('class="tl q') == 2 and 'href="/documents/doc-a"' in html
    assert client.get("/api/stories").json()["total"] == 1
    assert client.get("/api/stories/nope").status_code == 404


def test_dyad_series_fills_gaps_and_counts_what_it_cannot_place(client):
    data = client.get("/api/dyads", params={"a": "IRN", "b": "RUS", "by": "month"}).json()
    assert [p["period"] for p in data["series"]] == ["2024-03", "2024-04", "2024-05"]
    march = data["series"][0]
    assert march["counts"] == {"verbal_cooperation": 1, "material_cooperation": 0,
                               "verbal_conflict": 1, "material_conflict": 0}
    assert march["goldstein_mean"] == pytest.approx((5.2 - 4.4) / 2)
    assert data["series"][1]["total"] == 0 and data["series"][1]["goldstein_mean"] is None
    assert (data["undated"], data["too_coarse"], data["total"]) == (1, 1, 5)
    weeks = client.get("/api/dyads", params={"a": "RUS", "b": "IRN", "by": "week"}).json()["series"]
    assert weeks[0]["period"] == "2024-03-04" and weeks[1]["period"] == "2024-03-11"  # Mondays
    assert len(weeks) == 12 and sum(w["total"] for w in weeks) == 3


def test_filters_on_hand_written_store(client):
    def ids(**params):
        return sorted(e["id"] for e in client.get("/api/events", params=params).json()["events"])

    assert ids(start="2024-03-05") == ["e2", "e5"]
    assert ids(start="2023", end="2023-12-31") == ["e3"]  # a year-only date overlaps the range
    assert ids(end="2024-03") == ["e1", "e2", "e3"]
    assert ids(actor="RUSMIL") == ["e5"]
    assert ids(q="TRADE") == ["e2"]
    assert ids(quad_class=4) == ["e5"]
    assert ids(doc_id="doc-b") == ["e3", "e5"]


def test_status_page_lists_runs_and_rejections(client):
    html = client.get("/status").text
    assert "run-1" in html and "in/bad.bin" in html and "&lt;b&gt;binary&lt;/b&gt; file" in html


def test_empty_store_serves_every_page(empty_client):
    for url in ("/events", "/pairs", "/pairs?a=RUS&b=IRN", "/stories", "/actors", "/status"):
        assert empty_client.get(url).status_code == 200, url
    assert empty_client.get("/api/events").json()["total"] == 0
    stories = empty_client.get("/api/stories").json()
    assert (stories["total"], stories["stories"]) == (0, [])
    assert empty_client.get("/api/dyads", params={"a": "RUS", "b": "IRN"}).json()["series"] == []
    expected = "No stories in this database" if stories["available"] else "the linking stage has not run"
    assert expected in empty_client.get("/stories").text
    assert empty_client.get("/api/stories/S1").status_code == 404


def test_store_locked_by_a_writer_gives_503(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    app = create_app(path)
    writer = duckdb.connect(str(path))  # what `eventscope run` holds while it writes
    try:
        with TestClient(app) as c:
            response = c.get("/api/events")
            assert response.status_code == 503 and "eventscope run" in response.json()["detail"]
            assert c.get("/events").status_code == 503
    finally:
        writer.close()
    with TestClient(app) as c:
        assert c.get("/api/events").status_code == 200  # the run is over: served again
