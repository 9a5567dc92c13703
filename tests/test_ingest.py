"""Tests for eventscope.ingest on articles: boilerplate, plain text and HTML (records and hostile
files: test_ingest_records.py). Fixtures in tests/fixtures/ingest/ are invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_files import ENGLISH_BODY, FIXTURES, only, write

from eventscope.ingest import document_from_html, document_from_text, iter_inputs
from eventscope.ingest.boilerplate import default_patterns, is_boilerplate, strip_glued_trailer
from eventscope.ingest.dates import find_date, normalise_date
from eventscope.models import Document, Rejection

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
needs_shared = pytest.mark.skipif(not SEEDS.exists(), reason="../shared not present")


# --- the two seed articles in ../shared ------------------------------------------------

@pytest.mark.shared
@needs_shared
def test_seed_articles_titles_dates_and_no_chrome():
    docs = {Path(d.origin).name: d for d in iter_inputs([SEEDS])}
    assert all(isinstance(d, Document) for d in docs.values())
    archive = docs["000_866081da7399336b.txt"]
    moscow = docs["004_c6d7ac5b4f9a9bd9.txt"]
    assert archive.title == "Russia, Iran take on deeper military ties"
    assert moscow.title == "Russian, Iranian Defense Ministers Meet in Moscow"
    assert moscow.date == "2001-10-02"
    assert archive.date is None  # nothing in the text dates it; the file's mtime must not
    for doc in (archive, moscow):
        assert doc.lang == "en"
        for chrome in ("Accessibility links", "Breaking News", "1. Archive", "Archive"):
            assert chrome not in doc.text
        assert doc.title not in doc.text
        assert doc.text.startswith(("Senior Russian", "Russian and Iranian"))
        assert "\n\n" in doc.text and "\n\n\n" not in doc.text


# --- boilerplate ------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Accessibility links", "Breaking News", "1. Archive", "Skip to main content",
    "Share this article", "Advertisement", "Sign up for our newsletter",
    "Sign up to our daily briefing newsletter", "We use cookies to give you the best experience.",
    "Related articles", "Follow us on Twitter", "Image caption: Delegates at the summit",
    "Copyright 2001 The Invented Times", "© 2023 Example Media Ltd. All rights reserved.",
    "  advertisement  ", "Home > World > Middle East",
    "(Reporting by Jane Doe; Editing by John Roe)",
])
def test_chrome_lines_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Copyright law changes anger artists",
    "Writing by hand is said to help memory, the study found.",
    "The minister shared the article with reporters.",
    "Russia, Iran take on deeper military ties",
    "Iran said on Tuesday it would not cooperate with any U.S.-led military action in Afghanistan.",
])
def test_prose_is_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_pattern_file_parses_and_every_regex_compiles():
    patterns = default_patterns()
    assert "accessibility links" in patterns.literals
    assert len(patterns.regexes) >= 10
    assert not any(p.startswith("#") for p in patterns.literals)


def test_glued_trailer_is_stripped_only_after_a_sentence_end():
    assert strip_glued_trailer("...for U.S. interests.Accessibility links") == "...for U.S. interests."
    assert strip_glued_trailer('he said."Share this article') == 'he said."'
    assert strip_glued_trailer("the crowd watched Breaking News") == "the crowd watched Breaking News"


def test_boilerplate_glued_to_last_line_of_article_is_removed():
    raw = f"Invented headline about trade talks\n\n{ENGLISH_BODY}\n\nTalks resume next week.Accessibility links"
    doc = document_from_text(raw, "t")
    assert doc.text.endswith("Talks resume next week.")


# --- plain text: headline, date, outlet, paragraphs --------------------------------------

def test_plain_fixture_metadata_and_body():
    doc = only(iter_inputs([FIXTURES / "invented_plain_article.txt"]))
    assert doc.title == "Northland and Southmark sign border water accord"
    assert doc.date == "2023-03-14"
    assert doc.source == "The Harbour Gazette"
    # the dateline names a place and an outlet, never an actor: it leaves the text
    assert doc.text.startswith("The governments")
    assert doc.dateline == "Port Ellis"
    for chrome in ("Skip to main content", "Advertisement", "Share this article", "Image caption",
                   "Related articles", "By Mara Quill", "Published"):
        assert chrome not in doc.text
    # hard-wrapped lines become one paragraph each; paragraphs stay apart
    assert doc.text.count("\n\n") == 2
    assert "on\nTuesday" not in doc.text and "on Tuesday that shares" in doc.text
    assert doc.text.endswith("during dry summers.")


@pytest.mark.parametrize("text, iso", [
    ("Meeting - 2001-10-02", "2001-10-02"),
    ("Published October 2, 2001", "2001-10-02"),
    ("Tuesday, Oct. 2, 2001", "2001-10-02"),
    ("2 Oct 2001", "2001-10-02"),
    ("2nd of October, 2001", "2001-10-02"),
    ("Sept 30 2001", "2001-09-30"),
    ("2001-02-30", None),  # no such day
    ("October 2001", None),  # no day: not a day-precision date
    ("in 2001 there were 12 talks", None),
])
def test_find_date(text, iso):
    found = find_date(text)
    assert (found.iso if found else None) == iso


@pytest.mark.parametrize("value, iso", [
    ("2001-10-02", "2001-10-02"), ("2001-10-02T12:00:00Z", "2001-10-02"),
    ("Oct 2, 2001", "2001-10-02"), ("2001-10", "2001-10"), ("2001", "2001"),
    ("October 2001", "2001-10"), ("not a date", None), ("yesterday", None), ("", None),
    (None, None), (20011002, None), ("2001-13", None),
])
def test_normalise_record_date(value, iso):
    assert normalise_date(value) == iso


def test_headline_date_suffix_moves_to_date():
    doc = document_from_text(f"Talks open in Ellis - 2019-05-06\n\n{ENGLISH_BODY}", "t")
    assert (doc.title, doc.date) == ("Talks open in Ellis", "2019-05-06")


def test_dateline_gives_outlet_and_date():
    doc = document_from_text(f"MOSCOW, October 2, 2001 (Reuters) - {ENGLISH_BODY}", "t")
    assert (doc.source, doc.date, doc.title) == ("Reuters", "2001-10-02", None)
    doc = document_from_text(f"WASHINGTON, May 3, 2004 - {ENGLISH_BODY}", "t")
    assert (doc.source, doc.date) == (None, "2004-05-03")


def test_no_date_means_none():
    doc = document_from_text(f"A headline without a date\n\n{ENGLISH_BODY}", "t")
    assert doc.date is None and doc.source is None


def test_headline_rules():
    # a first line that is a sentence stays in the body
    doc = document_from_text(f"{ENGLISH_BODY}\n\nMore talks are planned.", "t")
    assert doc.title is None and doc.text.startswith("Officials")
    # an abbreviation may end a headline
    doc = document_from_text(f"Eastvale warns U.S.\n\n{ENGLISH_BODY}", "t")
    assert doc.title == "Eastvale warns U.S."
    # the first line of a hard-wrapped paragraph is not a headline
    wrapped = "Officials from the two invented countries met\non Monday to discuss trade and said the talks helped."
    doc = document_from_text(wrapped, "t")
    assert doc.title is None and doc.text.startswith("Officials from the two invented countries met on Monday")
    # a lone short line with no body after it is the body
    doc = document_from_text("Officials met on Monday", "t")
    assert doc.title is None and doc.text == "Officials met on Monday"


def test_headline_outlet_suffix_only_when_it_names_an_outlet():
    doc = document_from_text(f"Talks collapse - Harbour Daily News\n\n{ENGLISH_BODY}", "t")
    assert (doc.title, doc.source) == ("Talks collapse", "Harbour Daily News")
    doc = document_from_text(f"Talks collapse - again\n\n{ENGLISH_BODY}", "t")
    assert (doc.title, doc.source) == ("Talks collapse - again", None)


def test_whitespace_normalised_inside_paragraphs():
    doc = document_from_text(f"  {ENGLISH_BODY}   \n\n\n\n  Second\t paragraph   here.  \r\n", "t")
    assert doc.text.endswith("\n\nSecond paragraph here.")
    assert "  " not in doc.text and "\t" not in doc.text


def test_empty_after_cleaning_is_rejected():
    rejection = document_from_text("Advertisement\n\nShare this article\n", "chrome.txt")
    assert rejection == Rejection("chrome.txt", "empty document")


# --- HTML ---------------------------------------------------------------------------------

def test_html_fixture_drops_scripts_and_reads_metadata():
    doc = only(iter_inputs([FIXTURES / "invented_page_with_script.html"]))
    assert isinstance(doc, Document)
    assert "SCRIPT_SECRET_PAYLOAD" not in doc.text + (doc.title or "")
    assert "STYLE_SECRET_PAYLOAD" not in doc.text
    assert doc.title == "Eastvale recalls envoy after fishing dispute"
    assert doc.date == "2022-06-09"
    assert doc.source == "The Harbour Gazette"
    assert doc.url == "https://gazette.invalid/world/eastvale-envoy"
    assert doc.text.startswith("The government of Eastvale recalled")
    assert "Advertisement" not in doc.text and "cookies" not in doc.text
    assert doc.text.count("\n\n") == 3


def test_tiny_html_fragment_uses_fallback_and_still_drops_script():
    raw = ("<html><head><title>Short invented page</title><script>var x='SCRIPT_PAYLOAD';</script></head>"
           f"<body><p>{ENGLISH_BODY}</p><script>alert('SCRIPT_PAYLOAD')</script><embed src=x>"
           "<p>Second paragraph of the invented story.</p></body></html>")
    doc = document_from_html(raw, "page.html")
    assert isinstance(doc, Document)
    assert "SCRIPT_PAYLOAD" not in doc.text
    assert doc.title == "Short invented page"
    assert doc.text.endswith("Second paragraph of the invented story.")


def test_txt_file_holding_a_web_page_is_read_as_html(tmp_path):
    path = write(tmp_path, "saved.txt", f"<!DOCTYPE html><html><body><script>SCRIPT_PAYLOAD</script><p>{ENGLISH_BODY}</p></body></html>")
    doc = only(iter_inputs([path]))
    assert doc.text == ENGLISH_BODY
