"""The JSON API and the pages over the seed corpus (examples/ run through the pipeline)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventscope.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(seed_store):
    with TestClient(create_app(seed_store)) as c:
        yield c


def events(client, **params) -> dict:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_seed_events_are_listed_with_their_documents(client):
    data = events(client, limit=500)
    assert data["total"] == len(data["events"]) > 0
    assert {e["doc_title"] for e in data["events"]} == {
        "Russia, Iran take on deeper military ties", "Russian, Iranian Defense Ministers Meet in Moscow"}
    dated = [e["event_date"] for e in data["events"] if e["event_date"]]
    assert dated == sorted(dated, reverse=True)  # newest first
    assert all("sent_text" not in e for e in data["events"])


def test_pair_filter_matches_either_direction(client):
    pair = events(client, a="RUS", b="IRN", limit=500)["events"]
    assert pair and all({e["source_country"], e["target_country"]} == {"RUS", "IRN"} for e in pair)
    assert events(client, a="irn", b="rus")["total"] == len(pair)
    everything = events(client, limit=500)["events"]
    assert len(pair) == sum({e["source_country"], e["target_country"]} == {"RUS", "IRN"} for e in everything)


@pytest.mark.parametrize("params, check", [
    ({"plover": "consult"}, lambda e: e["plover"] == "CONSULT"),
    ({"cameo_root": "4"}, lambda e: e["cameo_root"] == "04"),
    ({"quad_class": 3}, lambda e: e["quad_class"] == 3),
    ({"actor": "RUSMIL"}, lambda e: "RUSMIL" in (e["source_code"], e["target_code"])),
    ({"q": "shamkhani"}, lambda e: "shamkhani" in " ".join(
        str(e[k]) for k in ("sentence_text", "source_name", "target_name", "doc_title")).lower()),
    ({"start": "2001-10-01", "end": "2001-10-31"}, lambda e: (e["event_date"] or "")[:7] == "2001-10"),
])
def test_each_filter_keeps_only_matching_events(client, params, check):
    found = events(client, limit=500, **params)
    assert found["total"] > 0 and found["total"] == len(found["events"])
    assert all(check(e) for e in found["events"])
    assert found["total"] < events(client)["total"]


def test_paging_covers_every_event_once(client):
    total = events(client)["total"]
    seen = []
    for offset in range(0, total, 7):
        seen += [e["id"] for e in events(client, limit=7, offset=offset)["events"]]
    assert len(seen) == len(set(seen)) == total


def test_event_detail(client):
    first = events(client, a="RUS", b="IRN", limit=1)["events"][0]
    detail = client.get(f"/api/events/{first['id']}").json()
    assert detail["id"] == first["id"] and detail["doc_id"] == first["doc_id"]
    assert detail["source_actors"] and isinstance(detail["source_actors"][0], dict)
    assert detail["n_sources"] >= 1 and isinstance(detail["copies"], list)
    assert client.get("/api/events/0000000000000000").status_code == 404


@pytest.mark.parametrize("params, status, words", [
    ({"start": "2001-02-30"}, 400, "calendar date"),
    ({"end": "yesterday"}, 400, "not a date"),
    ({"start": "2002", "end": "2001"}, 400, "after"),
    ({"actor": "XYZ"}, 400, "unknown country"),
    ({"actor": "RUSXXX"}, 400, "unknown sector"),
    ({"actor": "R1S"}, 400, "not an actor code"),
    ({"a": "RUS"}, 400, "both a and b"),
    ({"cameo_root": "21"}, 400, "CAMEO root"),
    ({"plover": "HUG"}, 400, "PLOVER"),
    ({"limit": 501}, 422, "limit"),
    ({"limit": 0}, 422, "limit"),
    ({"offset": -1}, 422, "offset"),
    ({"quad_class": 7}, 422, "quad_class"),
    ({"q": "x" * 201}, 422, "q"),
])
def test_bad_input_is_a_4xx_naming_the_problem(client, params, status, words):
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert words in response.json()["detail"]


def test_dyads_by_month_and_week(client):
    month = client.get("/api/dyads", params={"a": "RUS", "b": "IRN", "by": "month"}).json()
    periods = [p["period"] for p in month["series"]]
    assert periods == sorted(periods) and len(periods) >= 2
    for left, right in zip(periods, periods[1:]):  # consecutive months, gaps filled with zeros
        y, m = map(int, left.split("-"))
        assert right == (f"{y + 1:04d}-01" if m == 12 else f"{y:04d}-{m + 1:02d}")
    placed = sum(p["total"] for p in month["series"])
    assert placed + month["undated"] + month["too_coarse"] == month["total"] == events(client, a="RUS", b="IRN")["total"]
    for p in month["series"]:
        assert sum(p["counts"].values()) == p["total"]
        assert (p["goldstein_mean"] is None) == (p["total"] == 0)
    week = client.get("/api/dyads", params={"a": "RUS", "b": "IRN", "by": "week"}).json()
    from datetime import date

    assert all(date.fromisoformat(p["period"]).weekday() == 0 for p in week["series"])
    assert client.get("/api/dyads", params={"a": "RUS", "b": "IRN", "by": "year"}).status_code == 422
    assert client.get("/api/dyads", params={"a": "RUS"}).status_code == 422
    assert client.get("/api/dyads", params={"a": "RUS", "b": "QQQ"}).status_code == 400


def test_actors(client):
    data = client.get("/api/actors").json()
    counts = [a["n_events"] for a in data["actors"]]
    assert counts == sorted(counts, reverse=True) and data["total"] == len(data["actors"])
    assert all(a["n_as_source"] + a["n_as_target"] == a["n_events"] for a in data["actors"])
    found = client.get("/api/actors", params={"q": "sergeyev"}).json()["actors"]
    assert "RUSMIL" in [a["code"] for a in found]  # the Russian defence minister
    assert len(found) < data["total"]


def test_stories_api_shape(client):
    data = client.get("/api/stories").json()
    assert set(data) == {"total", "limit", "offset", "available", "stories"}
    assert data["total"] == len(data["stories"])
    for story in data["stories"]:
        detail = client.get(f"/api/stories/{story['id']}").json()
        assert detail["id"] == story["id"] and detail["documents"]


def test_openapi_documents_the_api(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/stories", "/api/stories/{story_id}",
                 "/api/actors", "/api/dyads"):
        assert path in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "a", "b", "cameo_root", "plover", "start", "end", "q", "limit", "offset"} <= names
    assert not any(p.startswith("/events") for p in schema["paths"])  # pages stay out of the API


@pytest.mark.parametrize("url", ["/events", "/events?a=RUS&b=IRN&plover=CONSULT", "/pairs", "/pairs?a=RUS&b=IRN",
                                 "/pairs?a=RUS&b=IRN&by=week", "/stories", "/actors", "/actors?q=putin",
                                 "/actors/RUS", "/actors/IRNMIL", "/status"])
def test_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "<title>" in response.text


def test_pair_page_draws_the_chart(client):
    html = client.get("/pairs?a=RUS&b=IRN").text
    assert '<svg class="chart"' in html and "Russia" in html and "Iran" in html
    assert html.count('<rect class="q') > 0 and 'class="goldstein"' in html


def test_event_and_document_pages(client):
    event = events(client, a="RUS", b="IRN", limit=1)["events"][0]
    html = client.get(f"/events/{event['id']}").text
    assert "hl-source" in html and "hl-trigger" in html and f"/documents/{event['doc_id']}" in html
    doc = client.get(f"/documents/{event['doc_id']}").text
    assert event["doc_title"] in doc and f"/events/{event['id']}" in doc


def test_pages_report_bad_input_and_missing_things(client):
    response = client.get("/events?start=2001-99")
    assert response.status_code == 400 and "not a calendar date" in response.text and "<form" in response.text
    assert client.get("/events/nope").status_code == 404
    assert "Not found" in client.get("/documents/nope").text
    assert client.get("/actors/XYZ").status_code == 400
    assert client.get("/events?page=0").status_code == 422
    assert client.get("/").status_code == 200  # redirected to the events
