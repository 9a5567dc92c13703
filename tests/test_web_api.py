"""The JSON API and the pages over the hand-built database of tests/webdb.py: whole responses,
error shapes included. No NLP runs here (a coder change cannot break these tests)."""

from __future__ import annotations

import json

import duckdb
import pytest

pytest.importorskip("fastapi")

import webdb  # noqa: E402


@pytest.fixture(scope="module")
def stored(web_db):
    """The events table as written, actor lists decoded: what every event response repeats."""
    con = duckdb.connect(str(web_db), read_only=True)
    cursor = con.execute("SELECT * FROM events")
    names = [d[0] for d in cursor.description]
    rows = {}
    for row in cursor.fetchall():
        event = dict(zip(names, row))
        event["source_actors"] = json.loads(event["source_actors"])
        event["target_actors"] = json.loads(event["target_actors"])
        event["evidence_text"] = event["evidence"]  # untyped (pre-typed-evidence) text is shown as it is
        rows[event["id"]] = event
    con.close()
    return rows


DOCS = {"doc-a": {"doc_title": f"{webdb.SCRIPT} Talks", "doc_date": "2024-03-04", "doc_source": "Wire",
                  "doc_url": "https://www.wire.example/a"},
        "doc-b": {"doc_title": "Second report", "doc_date": "2024-05-21", "doc_source": "Wire",
                  "doc_url": "javascript:alert(1)"},
        "doc-c": {"doc_title": "Undated report", "doc_date": None, "doc_source": "Wire", "doc_url": None}}
# Articles reporting each event: e2 and e4 are mentions of linked event L1 (doc-a, its copy, doc-c);
# e1 is in doc-a (and its copy); the others have one article each.
N_SOURCES = {"e1": 2, "e2": 3, "e4": 3, "e3": 1, "e5": 1}


def listed(stored, event_id: str, event_date: str | None) -> dict:
    event = stored[event_id]
    return {**event, "event_date": event_date, **DOCS[event["doc_id"]], "n_sources": N_SOURCES[event_id]}


def test_event_list_is_newest_first_with_documents(web_client, stored):
    response = web_client.get("/api/events", params={"limit": 2})
    assert response.status_code == 200
    one_each = [{"value": v, "count": 1} for v in ("03", "04", "11", "13", "19")]
    assert response.json() == {
        "total": 5, "limit": 2, "offset": 0, "sort": "-date", "filters": {},
        "next": "http://testserver/api/events?offset=2&limit=2",
        "facets": {"plover": [{"value": p, "count": 1} for p in ("ACCUSE", "AGREE", "ASSAULT", "CONSULT", "THREATEN")],
                   "quad_class": [{"value": 1, "count": 2}, {"value": 3, "count": 2}, {"value": 4, "count": 1}],
                   "cameo_root": one_each,
                   "source_country": [{"value": "RUS", "count": 4}, {"value": "IRN", "count": 1}],
                   "target_country": [{"value": "IRN", "count": 4}, {"value": "RUS", "count": 1}]},
        "events": [listed(stored, "e5", "2024-05-20"), listed(stored, "e2", "2024-03-11")]}


def test_events_without_a_date_come_last_placed_at_their_document_date(web_client, stored):
    data = web_client.get("/api/events", params={"offset": 2}).json()
    assert data["events"] == [listed(stored, "e1", "2024-03-04"), listed(stored, "e3", "2023"),
                              listed(stored, "e4", None)]


def test_event_detail_with_copies_and_linked_mentions(web_client, stored):
    assert web_client.get("/api/events/e2").json() == {
        **listed(stored, "e2", "2024-03-11"),
        "copies": [{"source": "<i>Mirror</i>", "url": "javascript:alert(2)", "title": "<script>copy</script>",
                    "date": "2024-03-05", "origin": "in/copy.txt", "similarity": 0.93, "copy_id": "copy-1"}],
        "linked_event": {"id": "L1", "cameo": "0312", "cameo_root": "03", "quad_class": 1, "goldstein": 5.2,
                         "plover": "AGREE", "source_code": "IRN", "target_code": "RUS", "date": "2024-03-11",
                         "first_reported": "2024-03-04", "first_doc_id": "doc-a", "n_mentions": 2,
                         "n_sources": 3, "n_documents": 2, "text": webdb.TEXT_A[webdb.SPLIT_A + 2:],
                         "source_name": None, "target_name": None, "location_country": None,
                         "location_geonames_id": None, "location_precision": None, "link_reason": None},
        "other_mentions": [{**listed(stored, "e4", None), "link_reason": None}]}
    assert web_client.get("/api/events/e3").json() == {
        **listed(stored, "e3", "2023"), "copies": [], "linked_event": None, "other_mentions": []}


def test_stories_list_and_story(web_client, stored):
    story = {"id": "S1", "title": f"{webdb.SCRIPT} Russia and Iran", "first_date": "2024-03-04",
             "last_date": "2024-03-11", "n_documents": 2, "n_events": 3, "updated_at": "2024-06-01T12:00:00"}
    assert web_client.get("/api/stories").json() == {"total": 1, "limit": 50, "offset": 0, "available": True,
                                                  "next": None, "stories": [story]}
    detail = web_client.get("/api/stories/S1").json()
    timeline = detail.pop("timeline")
    assert detail == {**story, "documents": [
        {"id": "doc-a", "title": f"{webdb.SCRIPT} Talks", "date": "2024-03-04", "source": "Wire",
         "url": "https://www.wire.example/a", "n_sources": 2},
        {"id": "doc-c", "title": "Undated report", "date": None, "source": "Wire", "url": None, "n_sources": 1}],
        "brief": [{"idx": 0, "text": f"Russia warned Iran {webdb.SCRIPT}", "doc_id": "doc-a", "sentence": 0,
                   "date": "2024-03-04", "doc_title": f"{webdb.SCRIPT} Talks"},
                  {"idx": 1, "text": "They agreed to expand trade.", "doc_id": "doc-a", "sentence": 1,
                   "date": "2024-03-11", "doc_title": f"{webdb.SCRIPT} Talks"}]}
    assert [(e["id"], e.get("n_mentions"), e.get("n_documents")) for e in timeline] == [
        ("e1", 1, 1), ("e2", 2, 2)]  # e4 is a mention of e2's linked event: shown once


def test_actors_whole_list(web_client):
    assert web_client.get("/api/actors", params={"q": "iran"}).json() == {
        "total": 3, "limit": 50, "offset": 0, "next": None, "actors": [
            {"code": "IRN", "country": "IRN", "sector": None, "n_events": 2, "n_as_source": 1, "names": ["Iran"],
             "n_as_target": 1},
            {"code": "IRNGOV", "country": "IRN", "sector": "GOV", "n_events": 2, "n_as_source": 0,
             "names": ["Iranian envoys", "Tehran"], "n_as_target": 2},
            {"code": "IRNMIL", "country": "IRN", "sector": "MIL", "n_events": 1, "n_as_source": 0,
             "names": ["Iranian positions"], "n_as_target": 1}]}


def test_dyad_series_whole_response(web_client):
    zero = {"verbal_cooperation": 0, "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": 0}
    assert web_client.get("/api/dyads", params={"a": "RUS", "b": "IRN", "start": "2024"}).json() == {
        "a": "RUS", "b": "IRN", "by": "month", "undated": 0, "too_coarse": 0, "total": 3, "series": [
            {"period": "2024-03", "total": 2, "goldstein_mean": 0.4,
             "counts": {**zero, "verbal_cooperation": 1, "verbal_conflict": 1}},
            {"period": "2024-04", "total": 0, "goldstein_mean": None, "counts": zero},
            {"period": "2024-05", "total": 1, "goldstein_mean": -10.0, "counts": {**zero, "material_conflict": 1}}]}


@pytest.mark.parametrize("params, detail", [
    ({"start": "2001-02-30"}, "start: '2001-02-30' is not a calendar date (day is out of range for month)"),
    ({"end": "yesterday"}, "end: 'yesterday' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"start": "2002", "end": "2001"}, "start 2002 is after end 2001"),
    ({"actor": "XYZ"}, "actor: unknown country/class code 'XYZ' in 'XYZ' (not in the reference lists nor in this database)"),
    ({"a": "RUS"}, "a country pair needs both a and b (e.g. a=RUS&b=IRN)"),
    ({"cameo_root": "21"}, "cameo_root: '21' is not a CAMEO root (01 to 20)"),
])
def test_bad_filter_is_400_with_a_detail(web_client, params, detail):
    response = web_client.get("/api/events", params=params)
    assert (response.status_code, response.json()) == (400, {"detail": detail})


@pytest.mark.parametrize("url, detail", [
    ("/api/events?cameo_rot=19", "unknown parameter cameo_rot; this endpoint takes a, actor, b, cameo, cameo_root, "
     "doc_id, end, limit, min_confidence, offset, plover, plover_mode, q, quad_class, sort, source, start, target"),
    ("/api/stories?x=1&y=2", "unknown parameters x, y; this endpoint takes limit, offset"),
    ("/api/events/e1?full=1", "unknown parameter full; this endpoint takes none"),
])
def test_unknown_parameters_are_a_400_not_ignored(web_client, url, detail):
    response = web_client.get(url)
    assert (response.status_code, response.json()) == (400, {"detail": detail})


@pytest.mark.parametrize("params, ids", [
    ({"cameo": "0312"}, ["e2"]), ({"cameo": "03"}, ["e2"]), ({"cameo": "19"}, ["e5"]),
    ({"plover": "CONSULT", "plover_mode": "visit"}, ["e4"]), ({"plover_mode": "VISIT"}, ["e4"]),
    ({"source": "RUS", "target": "IRN"}, ["e1", "e3", "e4", "e5"]), ({"source": "IRN", "target": "RUS"}, ["e2"]),
    ({"source": "RUSMIL"}, ["e5"]), ({"min_confidence": 0.8}, ["e1", "e2", "e3", "e4", "e5"]),
    ({"min_confidence": 0.81}, []),
])
def test_code_mode_confidence_and_directed_dyad_filters(web_client, params, ids):
    data = web_client.get("/api/events", params={**params, "limit": 500}).json()
    assert sorted(e["id"] for e in data["events"]) == ids and data["total"] == len(ids)


@pytest.mark.parametrize("params, detail", [
    ({"cameo": "999"}, "cameo: '999' is not a CAMEO code (2 to 4 digits, e.g. 04, 042, 0311)"),
    ({"plover": "CONSULT", "plover_mode": "tank"}, "plover_mode: 'tank' is not a mode of CONSULT; one of "
     "multilateral, phone, third-party, visit"),
    ({"plover": "AGREE", "plover_mode": "visit"}, "plover_mode: AGREE has no modes"),
])
def test_bad_new_filters_name_the_problem(web_client, params, detail):
    response = web_client.get("/api/events", params=params)
    assert response.status_code == 400 and response.json()["detail"].startswith(detail)


def test_sorting(web_client):
    def ids(sort):
        return [e["id"] for e in web_client.get("/api/events", params={"sort": sort}).json()["events"]]

    assert ids("date") == ["e3", "e1", "e2", "e5", "e4"]  # undated last either way
    assert ids("-date") == ["e5", "e2", "e1", "e3", "e4"]
    assert ids("goldstein") == ["e5", "e1", "e3", "e4", "e2"]
    assert ids("-goldstein") == ["e2", "e4", "e3", "e1", "e5"]
    assert web_client.get("/api/events", params={"sort": "trigger"}).status_code == 422


def test_next_links_walk_every_page(web_client):
    url, seen = "/api/events?limit=2&sort=date", []
    while url:
        data = web_client.get(url).json()
        seen += [e["id"] for e in data["events"]]
        url = data["next"]
    assert seen == ["e3", "e1", "e2", "e5", "e4"]


def test_csv_of_a_list_is_the_same_rows(web_client):
    response = web_client.get("/api/events.csv", params={"a": "RUS", "b": "IRN", "sort": "date", "limit": 3})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == ["e3", "e1", "e2"]
    assert rows[2]["cameo"] == "0312" and json.loads(rows[2]["source_actors"])[0]["name"] == "Iran"
    assert web_client.get("/api/actors.csv").text.splitlines()[0] == "code,country,sector,n_events,n_as_source,names,n_as_target"
    assert web_client.get("/api/stories.csv").text.startswith("id,title,first_date")
    assert web_client.get("/api/dyads.csv", params={"a": "RUS", "b": "IRN", "start": "2024"}).text.splitlines() == [
        "period,total,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,goldstein_mean",
        "2024-03,2,1,0,1,0,0.4", "2024-04,0,0,0,0,0,", "2024-05,1,0,0,0,1,-10.0"]
    assert web_client.get("/api/events.csv", params={"cameo": "x"}).json() == {
        "detail": "cameo: 'x' is not a CAMEO code (2 to 4 digits, e.g. 04, 042, 0311)"}


def test_invalid_parameter_is_422_with_the_errors(web_client):
    response = web_client.get("/api/events", params={"limit": 501})
    assert response.status_code == 422
    assert response.json() == {"detail": "limit: Input should be less than or equal to 500", "errors": [
        {"loc": ["query", "limit"], "msg": "Input should be less than or equal to 500", "type": "less_than_equal"}]}


def test_missing_things_are_404_with_a_detail(web_client):
    assert web_client.get("/api/events/nope").json() == {"detail": "no event 'nope'"}
    assert web_client.get("/api/stories/nope").status_code == 404
    assert web_client.get("/api/nothing").json() == {"detail": "Not Found"}


def test_paging_covers_every_event_once(web_client):
    seen = []
    for offset in range(0, 5, 2):
        seen += [e["id"] for e in web_client.get("/api/events", params={"limit": 2, "offset": offset}).json()["events"]]
    assert seen == ["e5", "e2", "e1", "e3", "e4"]


def test_openapi_documents_the_api(web_client):
    schema = web_client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/stories", "/api/stories/{story_id}",
                 "/api/actors", "/api/dyads"):
        assert path in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "a", "b", "cameo_root", "cameo", "plover", "plover_mode", "min_confidence", "source", "target",
            "sort", "start", "end", "q", "limit", "offset"} <= names
    ok = schema["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/EventPage"}
    event = schema["components"]["schemas"]["Event"]["properties"]
    assert event["cameo"]["type"] == "string" and event["n_sources"]["anyOf"][0]["type"] == "integer"
    assert "text/csv" in schema["paths"]["/api/events.csv"]["get"]["responses"]["200"]["content"]
    assert not any(p.startswith("/events") for p in schema["paths"])  # pages stay out of the API
