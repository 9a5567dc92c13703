"""Page furniture of real wire copy: datelines, captions, credits, bylines, menus and the
headline printed twice. Every text here is invented, in the shapes outlets use."""

import pytest

from eventscope.ingest import document_from_text
from eventscope.ingest.furniture import drop_captions, is_caption, is_credit_line, read_dateline

BODY = ("Officials of Northland and Southmark met on Tuesday to discuss the shared river, and "
        "both sides said the talks would continue next month in the border town of Ellis.")


@pytest.mark.parametrize("line, place, outlet", [
    ("PORT ELLIS (Harbour Wire) - " + BODY, "Port Ellis", "Harbour Wire"),
    ("GREYTOWN, Northland, Sept 7 (Harbour Wire) - " + BODY, "Greytown, Northland", "Harbour Wire"),
    ("GREYTOWN, Aug 29 (NWA) -- " + BODY, "Greytown", "NWA"),
    ("KESTRA, Southmark (AP) \u2014 " + BODY, "Kestra, Southmark", "AP"),
    ("Kestra, 3 May 2021 (dpa) - " + BODY, "Kestra", "dpa"),
    ("GREYTOWN \u2014 " + BODY, "Greytown", None),
    ("GREYTOWN // " + BODY, "Greytown", None),
    ("(Harbour Wire) - " + BODY, None, "Harbour Wire"),
    ("PORT ELLIS: " + BODY, "Port Ellis", None),
])
def test_datelines_are_read(line, place, outlet):
    dateline = read_dateline(line)
    assert dateline is not None
    assert (dateline.place, dateline.outlet) == (place, outlet)
    assert line[dateline.end:].startswith("Officials")


@pytest.mark.parametrize("line", [
    "Soldiers in Southmark - the army's elite unit - detained the minister on Monday.",
    "RT: clashes in Greytown as police fire tear gas",
    "Officials said the talks - the first in years - went well.",
    "NATO said on Friday it would send more ships to the region.",
])
def test_prose_is_no_dateline(line):
    assert read_dateline(line) is None


@pytest.mark.parametrize("paragraph", [
    "Riot police stand guard in Greytown, Northland, May 2, 2019. REUTERS/Jan Example",
    "Rescuers search the rubble in Kestra. Photograph: Ana Example/AFP/Getty",
    "Protesters gather outside parliament Credit: AP",
    "FILE - In this March 3, 2019 photo, soldiers parade in Greytown.",
    "Ongoing clashes in Greytown have left dozens injured, according to witnesses [Harbour Wire]",
    "A view of warships in Port Ellis, February 23, 2016.Jan Example",
])
def test_captions_are_recognised(paragraph):
    assert is_caption(paragraph)


def test_prose_with_agency_is_no_caption():
    assert not is_caption("The minister told Reuters that the talks would resume in Greytown.")
    assert not is_caption(BODY)


def test_credit_line_takes_its_caption_along():
    paragraphs = ["Headline words here", "People watch a news programme about the launch in Greytown.",
                  "Jan Example | AFP | Getty Images", BODY]
    assert is_credit_line("Jan Example | AFP | Getty Images")
    assert is_credit_line("REUTERS/Jan Example")
    assert drop_captions(paragraphs) == ["Headline words here", BODY]


WIRE_PAGE = """FinancialGovernment SolutionsLegalNews AgencyRisk Management
Northland says new sanctions on Southmark needed soon
#World News
May 31, 2016 / 10:27 AM / a year ago

Northland says new sanctions on Southmark needed soon

Riot police stand guard in Greytown, Northland, May 2, 2016. REUTERS/Jan Example

Reuters Staff

1 Min Read

GREYTOWN (Reuters) - {body}

The ministry said it would publish its proposal on Friday.

Reporting by Jan Example; Editing by Ana Example

Our Standards:The Thomson Reuters Trust Principles.
"""


def test_wire_page_furniture_leaves_the_text():
    doc = document_from_text(WIRE_PAGE.format(body=BODY), "wire.txt")
    assert doc.title == "Northland says new sanctions on Southmark needed soon"
    assert doc.date == "2016-05-31"
    assert doc.source == "Reuters"
    assert doc.dateline == "Greytown"
    assert doc.text.startswith("Officials of Northland")
    for furniture in ("REUTERS/", "Reuters Staff", "Min Read", "#World", "Reporting by",
                      "Our Standards", "GREYTOWN (Reuters)", "Riot police stand guard"):
        assert furniture not in doc.text


def test_pipe_metadata_gives_outlet_and_day_first_date():
    raw = ("Left Menu\n\nNorthland official calls for more sanctions\n\n"
           "NWA | Greytown | Updated: 31-03-2022 21:09 IST | Created: 31-03-2022 21:09 IST\n"
           "Northland official calls for more sanctions\n" + BODY + "\n")
    doc = document_from_text(raw, "pipe.txt")
    assert doc.title == "Northland official calls for more sanctions"
    assert doc.date == "2022-03-31"
    assert doc.source == "NWA"
    assert doc.text.startswith("Officials of Northland")


def test_section_labels_and_modified_line_around_a_standfirst():
    raw = ("[QODLink]\nMiddle East\nStreet clashes rock Greytown\n"
           "Security forces use tear gas and rubber bullets while battling protesters in Northland's "
           "second largest city.\n"
           "Last Modified: 23 Nov 2011 03:03\n\n" + BODY + "\n")
    doc = document_from_text(raw, "labels.txt")
    assert doc.title == "Street clashes rock Greytown"
    assert doc.date == "2011-11-23"
    assert doc.text.startswith("Security forces use tear gas")
    assert "Middle East" not in doc.text and "Last Modified" not in doc.text


def test_byline_with_agency_and_date():
    raw = ("City\nEpaper\n\nNorthland minister embarks on 3-day visit\n\n"
           "By NWA | Updated: January 15, 2020 14:55 IST\n\n" + BODY + "\n")
    doc = document_from_text(raw, "byline.txt")
    assert (doc.title, doc.date, doc.source) == ("Northland minister embarks on 3-day visit",
                                                 "2020-01-15", "NWA")


def test_headline_glued_to_menu_and_agency_sign_off():
    raw = ("Home World NewsNorthland and World NewsNorthland says talks will go on\n\n"
           "Northland says talks will go on\n\n" + BODY + " \u2013 (Reuters)\n")
    doc = document_from_text(raw, "glued.txt")
    assert doc.title == "Northland says talks will go on"
    assert doc.source == "Reuters"
    assert doc.text.endswith("town of Ellis.")


@pytest.mark.parametrize("line", [
    "Jan Example contributed reporting from Greytown.",
    "Ana Example and Jan Example contributed to this report.",
    "Rep. Jan Example (@JanExample) November 19, 2019",
    "\u2014 Jan Example, Greytown, TX, April 15, 2019",
    "[Read: Northland sends most volunteers to the border war]",
])
def test_sign_offs_and_embedded_post_credits_are_furniture(line):
    from eventscope.ingest.boilerplate import is_boilerplate

    assert is_boilerplate(line)


def test_prose_naming_a_contribution_stays():
    from eventscope.ingest.boilerplate import is_boilerplate

    assert not is_boilerplate("Northland contributed troops to the peacekeeping force in 2019, officials said.")


def test_a_list_of_other_stories_headlines_is_dropped():
    from eventscope.ingest.furniture import drop_captions

    teasers = ("Greytown council moves motion | Senators call for port review | Kestra hit by floods | "
               "Northland oppose funding bill")
    assert drop_captions([BODY, teasers]) == [BODY]
    assert drop_captions(["Officials said the plan | the real one | was fine."]) != []
