"""The map: events per place (API and page), filtered like the event list; a country's page
shows where its events happened; the bundled outlines are well formed."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventscope.models import Document, content_id  # noqa: E402
from eventscope.web import create_app  # noqa: E402

TEXTS = [
    ("Russian police arrested dozens of protesters in Moscow on Saturday.", "2021-01-23"),
    ("Police in Moscow detained an opposition activist outside a court on Monday.", "2021-01-25"),
    ("Ukrainian troops shelled separatist positions near Donetsk on Tuesday.", "2021-02-02"),
    ("Kenyan police fired tear gas at protesters in Nairobi on Friday.", "2021-03-05"),
]


@pytest.fixture(scope="module")
def map_db(processor, tmp_path_factory):
    from eventscope.store import Store

    path = tmp_path_factory.mktemp("map") / "map.duckdb"
    docs = [Document(id=content_id(t), text=t, date=d, origin="test") for t, d in TEXTS]
    with Store(path) as store:
        store.write_results(list(processor.process(docs)))
    return path


@pytest.fixture(scope="module")
def client(map_db):
    with TestClient(create_app(map_db)) as c:
        yield c


def test_the_map_endpoint_counts_events_per_place(client):
    body = client.get("/api/map").json()
    places = {p["name"]: p for p in body["places"]}
    assert places["Moscow"]["n"] == 2 and places["Moscow"]["country"] == "RUS"
    assert abs(places["Moscow"]["lat"] - 55.75) < 0.1 and places["Moscow"]["precision"] == "city"
    assert "Nairobi" in places and body["placed"] >= 4 and body["total"] >= body["placed"]
    assert {"country": "RUS", "n": 2} in body["countries"]


def test_the_map_is_filtered_like_the_event_list(client):
    body = client.get("/api/map", params={"actor": "KEN"}).json()
    assert [p["name"] for p in body["places"]] == ["Nairobi"] and body["filters"] == {"actor": "KEN"}
    assert client.get("/api/map", params={"quad_class": 9}).status_code == 422


def test_the_map_page_draws_outlines_and_places_without_any_network(client):
    html = client.get("/map").text
    assert "<svg" in html and 'viewBox="0 0 360 180"' in html
    assert re.search(r'<path class="country shade\d[^"]*" d="M[\d.,\sMZ]+"', html)
    assert "<title>Moscow (Russia): 2 events, city</title>" in html
    assert "http://" not in html.split("<svg")[1].split("</svg>")[0]  # no tiles, nothing fetched
    filtered = client.get("/map", params={"actor": "KEN"}).text
    assert "Nairobi" in filtered and "<title>Moscow" not in filtered
    bad = client.get("/map", params={"a": "RUS"})
    assert bad.status_code == 400 and "needs both" in bad.text


def test_a_countrys_page_shows_where_its_events_happened(client):
    html = client.get("/actors/RUS").text
    assert 'id="country-places"' in html and "Moscow (2)" in html
    assert "<title>Nairobi" not in html  # only places in Russia


def test_world_outlines_are_well_formed():
    from eventscope.web.maps import world

    data = world()
    assert "Natural Earth" in data["licence"]
    codes = {c["iso3"] for c in data["countries"]}
    assert len(codes) > 150 and {"RUS", "USA", "FRA", "NOR", "KEN"} <= codes
    for country in data["countries"]:
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", country["d"])]
        assert numbers and all(-1 <= v <= 361 for v in numbers), country["iso3"]
