"""The web app on hand-written stores: hostile text, linking tables, an empty and a locked store."""

from __future__ import annotations

from importlib import resources

import duckdb
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventscope.store import Store  # noqa: E402
from eventscope.web import create_app  # noqa: E402



@pytest.fixture(scope="module")
def client(web_client):
    """The app over tests/webdb.py's store (conftest's web_db, web_client)."""
    return web_client


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
    assert event["n_sources"] == 3  # its linked event's: the document, its near-duplicate copy, doc-c
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
