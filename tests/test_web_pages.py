"""The web app's pages over the hand-built database of tests/webdb.py: every page renders, the
pair chart, links between events and documents, facets, errors shown on the page, why an event
was coded. The JSON API is in test_web_api.py."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")


@pytest.mark.parametrize("url", ["/events", "/events?a=RUS&b=IRN&plover=CONSULT", "/pairs", "/pairs?a=RUS&b=IRN",
                                 "/pairs?a=RUS&b=IRN&by=week", "/stories", "/actors", "/actors?q=iran",
                                 "/actors/RUS", "/actors/IRNMIL", "/status", "/events/e2", "/documents/doc-b"])
def test_pages_render(web_client, url):
    response = web_client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "<title>" in response.text


def test_pair_page_draws_the_chart(web_client):
    html = web_client.get("/pairs?a=RUS&b=IRN").text
    assert '<svg class="chart"' in html and "Russia" in html and "Iran" in html
    assert html.count('<rect class="q') == 3 and 'class="goldstein"' in html  # March: 2 classes, May: 1


def test_event_and_document_pages_link_each_other(web_client):
    html = web_client.get("/events/e5").text
    assert "hl-source" in html and "hl-trigger" in html and "/documents/doc-b" in html
    doc = web_client.get("/documents/doc-b").text
    assert "Second report" in doc and "/events/e3" in doc and "/events/e5" in doc


def test_pages_report_bad_input_and_missing_things(web_client):
    response = web_client.get("/events?start=2001-99")
    assert response.status_code == 400 and "not a calendar date" in response.text and "<form" in response.text
    assert web_client.get("/events/nope").status_code == 404
    assert "Not found" in web_client.get("/documents/nope").text
    assert web_client.get("/actors/XYZ").status_code == 400
    assert web_client.get("/events?page=0").status_code == 422
    assert web_client.get("/").status_code == 200  # redirected to the events


def test_event_list_page_has_facets_and_a_csv_link(web_client):
    html = web_client.get("/events?a=RUS&b=IRN&plover=ASSAULT").text
    assert 'href="/api/events.csv?a=RUS&amp;b=IRN&amp;plover=ASSAULT&amp;limit=500"' in html
    assert '<h3>PLOVER type</h3>' in html and '<h3>Source country</h3>' in html
    assert 'href="/events?a=RUS&amp;b=IRN&amp;plover=ASSAULT&amp;source=RUS"' in html  # a facet value narrows
    assert 'title="an actor uses violence: attacks, shelling, bombing, killing"' in html  # PLOVER definition
    assert 'title="190 Use conventional military force (root 19: Fight)"' in html  # CAMEO definition
    narrowed = web_client.get("/events?cameo=0312&min_confidence=0.5&plover_mode=&source=IRN").text
    assert narrowed.count('class="event"') == 1 and "/events/e2" in narrowed
    assert 'name="cameo" value="0312"' in narrowed and 'name="source" value="IRN"' in narrowed  # the form keeps them


def test_why_coded_in_words_on_the_event_page(web_client):
    html = web_client.get("/events/e5").text
    assert '<p class="why">Coded by: test.</p>' in html  # a store from before typed evidence: its text


def test_why_coded_explains_each_typed_record():
    from eventscope.web.explain import why_coded

    records = [{"kind": "pattern", "value": "pattern attack - -> 190", "entry": "verbs.tsv:88"},
               {"kind": "dictionary", "value": "person:people.tsv:12", "decides": "name", "entry": "people.tsv:12"},
               {"kind": "rule", "value": "reported speech"},
               {"kind": "model", "value": "class5 model p(4)=0.81 (w:attack)", "weight": 0.81}]
    assert why_coded(records) == [
        "The verb pattern “pattern attack - -> 190” (verbs.tsv:88) matched the clause.",
        "The user dictionary entry “person:people.tsv:12” matched, settling who the actor is.",
        "The rule “reported speech” applied.",
        "The learned classifier chose this with probability 0.81: class5 model p(4)=0.81 (w:attack)."]
    assert why_coded("") == [] and why_coded(None) == []
