"""Tests for eventscope.ingest. Fixtures in tests/fixtures/ingest/ are invented articles."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest

from eventscope.ingest import (document_from_html, document_from_record, document_from_text,
                               iter_inputs, read_numbered_records, read_records)
from eventscope.ingest.boilerplate import default_patterns, is_boilerplate, strip_glued_trailer
from eventscope.ingest.dates import find_date, normalise_date
from eventscope.ingest.lang import english_stopwords, foreign_function_words, non_english_reason
from eventscope.models import Document, Rejection, content_id

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
needs_shared = pytest.mark.skipif(not SEEDS.exists(), reason="../shared not present")

ENGLISH_BODY = ("Officials from the two invented countries met on Monday to discuss trade, and they "
                "said that the talks had been useful for both sides.")


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


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


# --- records ------------------------------------------------------------------------------

def test_jsonl_malformed_line_is_rejected_and_the_rest_comes_through():
    path = FIXTURES / "invented_records.jsonl"
    results = list(iter_inputs([path]))
    docs = [r for r in results if isinstance(r, Document)]
    rejections = {r.origin: r.reason for r in results if isinstance(r, Rejection)}
    assert [d.external_id for d in docs] == ["invented-1", "invented-2", "invented-4", "7"]
    assert rejections[f"{path}:3"].startswith("malformed JSON")
    assert rejections[f"{path}:5"] == "not a JSON object (got list)"
    assert rejections[f"{path}:6"] == "missing 'text' field"
    first, second, fourth, seventh = docs
    assert (first.title, first.date, first.source, first.url) == (
        "Eastvale and Westmarch resume talks", "2022-07-01", "Harbour Wire", "https://wire.invalid/1")
    assert first.origin == f"{path}:1" and seventh.origin == f"{path}:8"
    assert second.date == "2022-07-02"
    assert fourth.date is None  # unparsable date: record kept, date dropped
    assert seventh.date == "2022-08"


def test_read_records_gives_user_dicts_and_rejections():
    items = list(read_records(FIXTURES / "invented_records.jsonl"))
    assert items[0]["id"] == "invented-1" and isinstance(items[2], Rejection)
    numbered = [i for i in read_numbered_records(FIXTURES / "invented_records.jsonl") if not isinstance(i, Rejection)]
    assert [origin.rsplit(":", 1)[1] for origin, _ in numbered] == ["1", "2", "4", "6", "8"]


def test_csv_rows_line_numbers_and_bad_rows():
    path = FIXTURES / "invented_records.csv"
    results = list(iter_inputs([path]))
    docs = [r for r in results if isinstance(r, Document)]
    rejections = {r.origin: r.reason for r in results if isinstance(r, Rejection)}
    assert [(d.external_id, d.origin) for d in docs] == [("csv-1", f"{path}:2"), ("csv-2", f"{path}:3")]
    assert docs[0].date == "2021-11-30" and docs[1].date == "2021-03-03"
    assert docs[1].title is None and "\n\nShe promised" in docs[1].text
    assert rejections == {f"{path}:6": "empty 'text' field", f"{path}:7": "row has 5 fields, header has 4"}


def test_csv_field_longer_than_csv_default_limit(tmp_path):
    long_text = (ENGLISH_BODY + " ") * 2000  # ~270 kB, over csv's 128 kB default
    path = write(tmp_path, "long.csv", f'id,text\nlong-1,"{long_text}"\n')
    doc = only(iter_inputs([path]))
    assert isinstance(doc, Document) and len(doc.text) > 200_000


def test_table_without_text_column_is_one_rejection_not_one_per_row(tmp_path):
    # a folder of articles often carries a table of their sources: it is not a records file
    path = write(tmp_path, "SOURCES.tsv", "file\turl\na.html\thttp://x.invalid/a\nb.html\thttp://x.invalid/b\n")
    results = list(iter_inputs([path]))
    assert [(r.origin, r.reason) for r in results] == [(str(path), "no text column (columns: file, url)")]
    # a header naming the text under a synonym is still a records file
    body = write(tmp_path, "bodies.csv", f'id,Body\nb-1,"{ENGLISH_BODY}"\n')
    assert isinstance(only(iter_inputs([body])), Document)


def test_record_field_synonyms_and_bad_types():
    doc = document_from_record({"ID": 5, "Body": ENGLISH_BODY, "headline": "Invented"}, "r:1")
    assert (doc.external_id, doc.title, doc.text) == ("5", "Invented", ENGLISH_BODY)
    assert document_from_record({"text": 42}, "r:2").reason == "'text' is not a string (got int)"
    assert document_from_record({"text": "   "}, "r:3").reason == "empty 'text' field"
    assert document_from_record(["text"], "r:4").reason == "not a record (got list)"


# --- bad files ----------------------------------------------------------------------------

def test_binary_empty_and_undecodable_files_are_rejected(tmp_path):
    binary = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = write(tmp_path, "empty.txt", b"")
    blank = write(tmp_path, "blank.txt", b" \n\n\t ")
    garbage = write(tmp_path, "garbage.txt", b"\x81\x8d\x8f\x90\x9d" * 20 + b"abc")
    binary_jsonl = write(tmp_path, "data.jsonl", b"\x00\x01\x02" * 100)
    reasons = {Path(r.origin).name: r.reason for r in iter_inputs([binary, empty, blank, garbage, binary_jsonl])}
    assert reasons == {"image.txt": "binary file", "empty.txt": "empty file", "blank.txt": "empty file",
                       "garbage.txt": "not decodable text (neither UTF-8 nor cp1252)",
                       "data.jsonl": "binary file"}


def test_invalid_utf8_falls_back(tmp_path):
    cp1252 = write(tmp_path, "cp1252.txt", f"{ENGLISH_BODY} The café said “no”.".encode("cp1252"))
    assert "The café said “no”." in only(iter_inputs([cp1252])).text
    mostly_utf8 = f"{ENGLISH_BODY} Señor Müller spoke.".encode() + b" Broken \xff byte."
    doc = only(iter_inputs([write(tmp_path, "utf8ish.txt", mostly_utf8)]))
    assert "Señor Müller" in doc.text
    utf16 = codecs.BOM_UTF16_LE + ENGLISH_BODY.encode("utf-16-le")
    assert only(iter_inputs([write(tmp_path, "utf16.txt", utf16)])).text == ENGLISH_BODY


def test_unsupported_missing_and_hidden_files(tmp_path):
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, ".DS_Store", b"\x00\x01")
    write(tmp_path, ".hidden/secret.txt", ENGLISH_BODY)
    results = list(iter_inputs([tmp_path, tmp_path / "missing.txt"]))
    assert [(Path(r.origin).name, r.reason) for r in results] == [
        ("notes.pdf", "unsupported file type .pdf"),
        ("missing.txt", "no such file or directory"),
    ]


def test_folder_recursion_order_is_deterministic(tmp_path):
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "c/a.txt", "A.txt"]:
        write(tmp_path, name, f"{ENGLISH_BODY} File {name}.")
    origins = [Path(d.origin).relative_to(tmp_path).as_posix() for d in iter_inputs([tmp_path])]
    assert origins == ["A.txt", "a/b/c.txt", "a/z.txt", "b.txt", "c/a.txt"]
    assert origins == [Path(d.origin).relative_to(tmp_path).as_posix() for d in iter_inputs([tmp_path])]


# --- language, ids, size -------------------------------------------------------------------

def test_non_english_is_rejected_unless_allowed():
    path = FIXTURES / "invented_german_article.txt"
    rejection = only(iter_inputs([path]))
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("not English (detected German")
    doc = only(iter_inputs([path], english_only=False))
    assert isinstance(doc, Document) and doc.lang is None


def test_language_check_cases():
    cyrillic = "Министры обороны встретились во вторник в Москве, чтобы обсудить военное сотрудничество."
    assert non_english_reason(cyrillic) == "Cyrillic script"
    spanish = ("Los ministros se reunieron el martes para hablar de una mayor cooperación, y el gobierno "
               "dijo que la reunión fue muy útil para las dos partes, pero que no hay acuerdo todavía.")
    assert non_english_reason(spanish).startswith("Spanish")
    # names-heavy English sentence with few function words is not rejected
    names = "US President Donald Trump on Tuesday lifted a travel ban imposed on Chadian citizens following a six-month government review."
    assert non_english_reason(names) is None
    assert non_english_reason("Kurz: Nein.") is None  # too short to judge


def test_language_word_lists_do_not_overlap():
    english = english_stopwords()
    for language, words in foreign_function_words().items():
        assert not english & words, language


def test_id_is_stable_and_content_based(tmp_path):
    a = write(tmp_path, "a.txt", f"Advertisement\n\nA headline\n\n{ENGLISH_BODY}")
    b = write(tmp_path, "b.txt", f"A headline\n\n  {ENGLISH_BODY}  \n")
    c = write(tmp_path, "c.txt", f"Another headline\n\n{ENGLISH_BODY}")
    da, db, dc = iter_inputs([a, b, c])
    assert da.id == db.id == content_id(da.text, da.title)
    assert dc.id != da.id
    assert only(iter_inputs([a])).id == da.id


def test_very_large_inputs_are_rejected_quickly(tmp_path):
    big = write(tmp_path, "big.txt", "word " * 2_000_000)  # 10 MB on one line
    big_record = write(tmp_path, "big.jsonl", '{"id": "x", "text": "' + "word " * 300_000 + '"}\n')
    start = time.perf_counter()
    reasons = [r.reason for r in iter_inputs([big, big_record])]
    assert time.perf_counter() - start < 2
    assert all(r.startswith("document too large") for r in reasons), reasons
    small_limit = document_from_text(ENGLISH_BODY, "t", max_chars=50)
    assert small_limit.reason == f"document too large ({len(ENGLISH_BODY)} chars > 50)"
