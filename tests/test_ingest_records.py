"""eventscope.ingest on records and hostile files: JSONL and CSV rows, bad and undecodable files,
folders, languages, ids and sizes. Inputs are invented."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

from ingest_files import ENGLISH_BODY, FIXTURES, only, write

from eventscope.ingest import (document_from_record, document_from_text, iter_inputs,
                               read_numbered_records, read_records)
from eventscope.ingest.lang import english_stopwords, foreign_function_words, non_english_reason
from eventscope.models import Document, Rejection, content_id


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
