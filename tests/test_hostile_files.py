"""One bad file never stops the run: odd names, links, special files and encodings.

Each hostile input is named with its reason (one line), everything good next to it still
comes through, and nothing good is changed on the way.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventscope.ingest import iter_inputs
from eventscope.models import Document, Rejection

ARTICLE = ("The Russian defence minister met his Iranian counterpart in Moscow on {day} to discuss military "
           "cooperation, and both sides promised to meet again next year.")
EVENTSCOPE = Path(sys.executable).parent / "eventscope"


OTHERS = {  # distinct articles for end-to-end runs (near-copies would be stored as extra sources)
    "Monday": "Police in Nairobi arrested dozens of protesters on Monday after demonstrators blocked the main road.",
    "Sunday": "Japan and South Korea resumed talks on trade on Sunday after a two year pause in Tokyo.",
    "Friday": "Rebels attacked an army base in northern Mali on Friday, and the government condemned the attack.",
}


def article(day: str) -> str:
    return "Ministers meet in Moscow\n\n" + OTHERS.get(day, ARTICLE.format(day=day)) + "\n"


def read(path: Path) -> tuple[list[Document], dict[str, str]]:
    documents, rejections = [], {}
    for item in iter_inputs([path]):
        if isinstance(item, Rejection):
            rejections[item.origin] = item.reason
        else:
            documents.append(item)
    return documents, rejections


def only_line(reason: str) -> bool:
    return "\n" not in reason and reason.strip() == reason and reason


# -- names and special files ---------------------------------------------------------
def special_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(article("Monday"), encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")  # points at itself
    os.symlink("nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "z_good.txt").write_text(article("Sunday"), encoding="utf-8")
    return folder


def test_a_link_loop_a_dangling_link_and_a_fifo_are_named_and_the_rest_is_read(tmp_path):
    folder = special_folder(tmp_path)
    documents, rejections = read(folder)
    assert sorted(Path(d.origin).name for d in documents) == ["a_good.txt", "z_good.txt"]
    reasons = {Path(origin).name: reason for origin, reason in rejections.items()}
    assert set(reasons) == {"loop.txt", "dangling.txt", "pipe.txt"}, reasons
    assert "loop" in reasons["loop.txt"] and "dangling" in reasons["dangling.txt"]
    assert "FIFO" in reasons["pipe.txt"] or "fifo" in reasons["pipe.txt"]
    assert all(only_line(r) for r in reasons.values())


def test_a_named_link_loop_is_not_called_missing(tmp_path):
    os.symlink("me.txt", tmp_path / "me.txt")
    _, rejections = read(tmp_path / "me.txt")
    assert "loop" in rejections[str(tmp_path / "me.txt")]


def test_an_unreadable_folder_is_named(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(article("Monday"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # as chmod 000 does for anyone but root (the tests may run as root)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    documents, rejections = read(folder)
    assert [Path(d.origin).name for d in documents] == ["good.txt"]
    assert rejections == {str(folder / "locked"): "unreadable folder (Permission denied)"}


def test_a_file_name_with_a_non_utf8_byte_is_read_and_named_printably(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = Path(os.fsdecode(str(folder).encode() + b"/caf\xe9.txt"))
    odd.write_text(article("Friday"), encoding="utf-8")
    documents, _ = read(folder)
    assert len(documents) == 1
    origin = documents[0].origin
    origin.encode("utf-8")  # storable: Arrow, Parquet and DuckDB need valid UTF-8
    assert origin.endswith("caf\\xe9.txt")


def test_a_run_over_hostile_files_stores_the_good_ones(tmp_path):
    folder = special_folder(tmp_path)
    odd = Path(os.fsdecode(str(folder).encode() + b"/caf\xe9.txt"))
    odd.write_text(article("Friday"), encoding="utf-8")
    db = tmp_path / "es.duckdb"
    done = subprocess.run([str(EVENTSCOPE), "run", str(folder), "--db", str(db), "--show", "0"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr  # some inputs rejected, the rest stored
    assert "Traceback" not in done.stderr
    rejected = [line for line in done.stderr.splitlines() if line.startswith("rejected ")]
    assert len(rejected) == 3, done.stderr
    from eventscope.store import Store

    with Store(db, read_only=True) as store:
        origins = sorted(r[0] for r in store.con.execute("SELECT origin FROM documents").fetchall())
        files = store.con.execute("SELECT count(*) FROM input_files").fetchone()[0]
    assert [Path(o).name for o in origins] == ["a_good.txt", "caf\\xe9.txt", "z_good.txt"]
    assert files >= 3


# -- records ---------------------------------------------------------------------------
def test_a_csv_row_with_an_unclosed_quote_does_not_swallow_the_next_rows(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,title,text\n'
                    f'c1,First,"{ARTICLE.format(day="Monday")}"\n'
                    'c2,Broken,"this quote is never closed\n'
                    f'c3,Third,"{ARTICLE.format(day="Wednesday")}"\n'
                    f'c4,Fourth,{ARTICLE.format(day="Thursday").replace(",", "")}\n'
                    f'c5,Fifth,"a field\nover two lines: {ARTICLE.format(day="Friday")}"\n', encoding="utf-8")
    documents, rejections = read(path)
    assert [d.external_id for d in documents] == ["c1", "c3", "c4", "c5"]
    assert list(rejections) == [f"{path}:3"] and "quote" in rejections[f"{path}:3"]
    assert documents[1].text == ARTICLE.format(day="Wednesday")


def test_a_csv_row_whose_quote_runs_to_the_end_of_the_file_is_named(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,title,text\nc1,Broken,"never closed\n'
                    f'c2,Plain,{ARTICLE.format(day="Monday").replace(",", "")}\n', encoding="utf-8")
    documents, rejections = read(path)
    assert [d.external_id for d in documents] == ["c2"]
    assert list(rejections) == [f"{path}:2"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_latin1_byte_after_the_first_8kb_is_read_not_mangled(tmp_path, suffix):
    filler = [ARTICLE.format(day=f"day {i}") for i in range(80)]  # well over 8 KB of plain ASCII
    late = ARTICLE.format(day="Tuesday").replace("Moscow", "Mosc\u00f4w")
    texts = filler + [late]
    path = tmp_path / f"rows{suffix}"
    if suffix == ".csv":
        body = "id,text\n" + "".join(f'r{i},"{t}"\n' for i, t in enumerate(texts))
    else:
        body = "".join(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    data = body.encode("latin-1")
    assert data.index("\u00f4".encode("latin-1")) > 8192
    path.write_bytes(data)
    documents, rejections = read(path)
    assert not rejections and len(documents) == len(texts)
    assert documents[-1].text == late  # not "Mosc\ufffdw"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])  # with and without a byte-order mark
@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".txt"])
def test_utf16_files_are_read(tmp_path, suffix, encoding):
    texts = [ARTICLE.format(day="Monday"), ARTICLE.format(day="Tuesday").replace("Moscow", "Z\u00fcrich")]
    if suffix == ".csv":
        body = "id,text\n" + "".join(f'r{i},"{t}"\n' for i, t in enumerate(texts))
    elif suffix == ".jsonl":
        body = "".join(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    else:
        body, texts = "Ministers meet\n\n" + texts[1] + "\n", texts[1:]
    path = tmp_path / f"in{suffix}"
    path.write_bytes(body.encode(encoding))
    if encoding == "utf-16":
        assert path.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    documents, rejections = read(path)
    assert not rejections, rejections
    assert [d.text for d in documents] == texts


def test_a_non_utf8_file_name_survives_the_dask_parquet_partition(tmp_path):
    from eventscope.models import DocumentResult
    from eventscope.store.parquet import read_partition, write_partition

    folder = tmp_path / "in"
    folder.mkdir()
    Path(os.fsdecode(str(folder).encode() + b"/caf\xe9.txt")).write_text(article("Friday"), encoding="utf-8")
    documents, _ = read(folder)
    assert write_partition([DocumentResult(documents[0])], tmp_path / "part", "run") == 1
    assert read_partition(tmp_path / "part")[0].document.origin == documents[0].origin


# -- what was rejected can be retried ----------------------------------------------------
GERMAN = ("Der russische Verteidigungsminister traf am Donnerstag in Moskau seinen iranischen Amtskollegen. "
          "Die beiden Minister sprachen über die militärische Zusammenarbeit und wollen sich im nächsten "
          "Jahr wieder treffen, wie die Beamten nach dem Gespräch sagten.")


def test_a_file_rejected_as_not_english_is_read_when_all_languages_is_asked_for(tmp_path):
    from eventscope import pipeline
    from eventscope.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "german.txt").write_text("Minister treffen sich\n\n" + GERMAN + "\n", encoding="utf-8")
    (folder / "good.txt").write_text(article("Monday"), encoding="utf-8")
    with Store(tmp_path / "es.duckdb") as store:
        first = pipeline.run([folder], store)
        assert first.documents_added == 1 and [Path(r.origin).name for r in first.rejected] == ["german.txt"]
        again = pipeline.run([folder], store)  # the same options: nothing is read again
        assert again.files_unchanged == 2 and not again.rejected
        wider = pipeline.run([folder], store, english_only=False)
        assert wider.documents_added == 1 and wider.files_unchanged == 1
        assert store.con.execute("SELECT count(*) FROM documents WHERE origin LIKE '%german.txt'").fetchone()[0] == 1
        last = pipeline.run([folder], store, english_only=False)  # read without rejections: never again
        assert last.files_unchanged == 2 and last.documents_added == 0


# -- giant documents -------------------------------------------------------------------
def test_split_for_parsing_cuts_at_paragraphs_and_gives_the_text_back():
    from eventscope.analyze import split_for_parsing

    text = "\n\n".join(f"Paragraph {i}. " + "word " * (i % 7 * 20) for i in range(300))
    pieces = split_for_parsing(text, 2000)
    assert "".join(pieces) == text and len(pieces) > 5
    assert all(len(p) <= 2000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    assert split_for_parsing("x" * 5000, 2000) == ["x" * 2000, "x" * 2000, "x" * 1000]  # no break at all


def test_a_long_document_parsed_in_pieces_is_coded_as_when_parsed_whole(monkeypatch):
    import eventscope.analyze as analyze
    from eventscope.models import content_id
    from eventscope.pipeline import Processor

    text = "\n\n".join(Path(p).read_text(encoding="utf-8").strip()
                       for p in sorted((Path(__file__).parents[1] / "examples").glob("*.txt")))
    document = Document(id=content_id(text), text=text, origin="long")
    processor = Processor()
    whole = next(processor.process([document]))
    monkeypatch.setattr(analyze, "PARSE_PIECE_CHARS", len(text) // 4)
    pieces = next(processor.process([document]))
    assert len(analyze.split_for_parsing(text, len(text) // 4)) >= 4
    assert [(s.start, s.end) for s in pieces.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert [e.to_contract() for e in pieces.events] == [e.to_contract() for e in whole.events]


def test_a_stretch_without_full_stops_is_cut_into_sentences():
    from eventscope.analyze import MAX_SENTENCE_TOKENS, load_nlp

    table = " ".join(["Moscow Tehran Kyiv minister army police"] * 100)  # 600 tokens, no punctuation
    doc = load_nlp()(table)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    prose = load_nlp()("The minister met his counterpart in Moscow. They agreed to meet again.")
    assert len(list(prose.sents)) == 2
