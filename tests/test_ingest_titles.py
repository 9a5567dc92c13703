"""Time, outlet and headline of plain-text and HTML pages (issue 16): the date forms pages
show, the outlet a dateline or sign-off names, and headlines freed of the page's labels.
Every text here is invented, in the shapes outlets use."""

import pytest

from eventscope.ingest import document_from_html, document_from_text
from eventscope.ingest.titles import clean_outlet, clean_title

BODY = ("Officials of Northland and Southmark met on Tuesday to discuss the shared river, and "
        "both sides said the talks would continue next month in the border town of Ellis.")
HEADLINE = "Northland and Southmark agree to share river"


@pytest.mark.parametrize("date_line, iso", [
    ("March 3, 2015 / 9:41 AM / 3 years ago", "2015-03-03"),
    ("Last Modified: 12 Jun 2013 12:15 GMT", "2013-06-12"),
    ("Updated: April 2, 2018", "2018-04-02"),
    ("Published 07:41 GMT 14 Feb 2019", "2019-02-14"),
])
def test_date_lines_under_the_headline(date_line, iso):
    doc = document_from_text(f"{HEADLINE}\n{date_line}\n\n{BODY}\n", "page.txt")
    assert (doc.title, doc.date) == (HEADLINE, iso)
    assert doc.text.startswith("Officials")


@pytest.mark.parametrize("dateline, place, outlet, iso", [
    ("Kestra, 3 May 2021 (dpa) - ", "Kestra", "dpa", "2021-05-03"),
    ("GREYTOWN (Reuters) - ", "Greytown", "Reuters", None),
    ("KESTRA, Southmark (AP) \u2014 ", "Kestra, Southmark", "AP", None),
    ("GREYTOWN, Aug 29 (NWA) -- ", "Greytown", "NWA", None),  # no year: no date
])
def test_a_dateline_names_place_outlet_and_maybe_the_date(dateline, place, outlet, iso):
    doc = document_from_text(f"{HEADLINE}\n\n{dateline}{BODY}\n", "wire.txt")
    assert (doc.dateline, doc.source, doc.date) == (place, outlet, iso)
    assert doc.text.startswith("Officials")


def test_a_closing_source_line_names_the_outlet():
    doc = document_from_text(f"{HEADLINE}\n\n{BODY}\n\nSOURCE: Harbour Wire\n", "page.txt")
    assert doc.source == "Harbour Wire" and "SOURCE" not in doc.text
    quoted = document_from_text(f"{HEADLINE}\n\n{BODY} The source: officials.\n", "page.txt")
    assert quoted.source is None


@pytest.mark.parametrize("furniture", [
    "Left Menu\nA+ A-\n",
    "Home | World | Politics\nShare this article\nA+ A-\n",
    "A- A+\n\n",
])
def test_page_controls_are_no_headline(furniture):
    doc = document_from_text(f"{furniture}{HEADLINE}\nBy Jane Example, Staff Writer\n\n{BODY}\n", "page.txt")
    assert doc.title == HEADLINE
    assert doc.text.startswith("Officials") and "A+" not in doc.text and "Menu" not in doc.text


@pytest.mark.parametrize("title, outlet, clean", [
    ("BREAKING: Greytown council moves motion - The Harbour Paper", "The Harbour Paper", "Greytown council moves motion"),
    ("Northland drops its investigation | Harbour Bawaba", "Harbour Bawaba", "Northland drops its investigation"),
    ("Court files expose the security team -- Harbour.net", "Harbour.net", "Court files expose the security team"),
    ("The Harbour view on Greytown: a city on the brink | Editorial", "The Harbour", "The Harbour view on Greytown: a city on the brink"),
    ("HT: clashes in Greytown as police fire tear gas", "HarbourTimes", "Clashes in Greytown as police fire tear gas"),
    # the news's own labels stay
    ("UN: Northland must open its border", "Reuters", "UN: Northland must open its border"),
    ("Northland and Southmark: the river talks go on", "Reuters", "Northland and Southmark: the river talks go on"),
    ("Rebel attack kills five - report", "AP", "Rebel attack kills five - report"),
])
def test_headline_labels_and_the_outlets_name_come_off(title, outlet, clean):
    assert clean_title(title, outlet) == clean


def test_a_site_name_with_its_sections_is_its_first_part():
    assert clean_outlet("The Harbour Times | Northland News | Travel | Real Estate") == "The Harbour Times"
    assert clean_outlet("Reuters") == "Reuters"


def test_an_html_headline_loses_the_site_name_the_page_gives():
    raw = ("<html><head><title>BREAKING: Greytown council moves motion - The Harbour Paper</title>"
           "<meta property='og:site_name' content='The Harbour Paper'></head><body><article>"
           f"<h1>BREAKING: Greytown council moves motion - The Harbour Paper</h1><p>{BODY}</p>"
           f"<p>{BODY.replace('Tuesday', 'Wednesday')}</p></article></body></html>")
    doc = document_from_html(raw, "page.html")
    assert doc.source == "The Harbour Paper"
    assert doc.title == "Greytown council moves motion"



def test_an_undated_documents_events_take_no_date_from_the_day_of_the_run(code_text):
    r = code_text("Police arrested the opposition leader on March 3 outside his home. On Thursday, soldiers "
                  "detained twelve of his supporters.", date=None)
    assert len(r.events) >= 2 and all(e.date is None for e in r.events)
    dated = code_text("Police arrested the opposition leader on March 3 outside his home.", date="2015-03-10")
    assert dated.events[0].date == "2015-03-03"
