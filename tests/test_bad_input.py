"""Bad input end to end: `eventscope run` over a folder mixing every kind of broken input with
good articles names each bad one with its reason (stderr and the `rejections` table), stores
the good ones, and exits with code 3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventscope.cli import app
from eventscope.store import Store

# Distinct articles (near-copies of each other would be diverted as duplicates, not coded).
GOOD = {
    "txt": "Russian Defense Minister Igor Sergeyev met his Iranian counterpart Ali Shamkhani in Tehran "
           "on Thursday. The two ministers signed an agreement on military cooperation, officials said, "
           "and Russia promised to deliver new weapons to Iran next year.",
    "bad_byte": "Police in Nairobi arrested dozens of protesters on Monday after demonstrators blocked the "
                "main road to the airport. The opposition leader condemned the arrests and called for a "
                "general strike across Kenya",
    "html": "The European Union imposed new sanctions on Belarus over the crackdown on journalists. "
            "Foreign ministers meeting in Brussels also agreed to freeze the assets of twelve officials.",
    "jsonl": "Japan and South Korea resumed talks on trade after a two year pause. The prime minister "
             "said Tokyo wanted closer economic ties and would send a delegation to Seoul in May.",
    "csv": "Rebels attacked an army base in northern Mali overnight, killing four soldiers. The "
           "government accused the group of breaking the ceasefire signed in Algiers last year.",
}
GERMAN = ("Der russische Verteidigungsminister traf am Donnerstag in Teheran seinen iranischen "
          "Amtskollegen. Die beiden Minister unterzeichneten ein Abkommen über die militärische "
          "Zusammenarbeit, und Russland versprach, im nächsten Jahr neue Waffen an den Iran zu liefern, "
          "wie die Beamten sagten. Die Vereinigten Staaten haben mit Sanktionen gedroht, aber die "
          "beiden Länder wollen ihre Beziehungen weiter vertiefen.")
SCRIPT = "<script>document.write('stolen cookies'); alert('pwned')</script>"
TEN_MB = 10 * 1024 * 1024


def build_folder(root: Path) -> dict[str, str]:
    """Write the inputs; returns origin suffix -> a word the rejection reason must contain."""
    d = root / "in"
    d.mkdir()
    (d / "good.txt").write_text("Russia and Iran deepen military ties\n\n" + GOOD["txt"] + "\n")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (d / "empty.txt").write_bytes(b"")
    (d / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 200)
    # Mostly good UTF-8 with one broken byte: read with a replacement, not rejected.
    (d / "one_bad_byte.txt").write_bytes(("Kenya police arrest protesters\n\n" + GOOD["bad_byte"]).encode()
                                         + b" \xff today.\n")
    (d / "huge_line.txt").write_text("word " * (TEN_MB // 5))
    (d / "huge_line.jsonl").write_text(json.dumps({"id": "big", "text": "word " * (TEN_MB // 5)}) + "\n")
    (d / "german.txt").write_text("Russland und Iran\n\n" + GERMAN + "\n")
    (d / "page.html").write_text(
        f"<html><head><title>EU sanctions Belarus</title>{SCRIPT}</head><body>{SCRIPT}"
        f"<article><h1>EU sanctions Belarus</h1><p>{GOOD['html']}</p>"
        f"{SCRIPT}</article></body></html>")
    (d / "only_script.html").write_text(f"<html><body>{SCRIPT}</body></html>")
    (d / "records.jsonl").write_text(
        json.dumps({"id": "r1", "text": GOOD["jsonl"]}) + "\n"
        + '{"id": "r2", "text": "unterminated\n'
        + json.dumps({"id": "r3", "text": GERMAN}) + "\n")
    (d / "rows.csv").write_text(
        "id,title,text\n"
        + f'c1,Mali attack,"{GOOD["csv"]}"\n'
        + "c2,too,many,fields,here\n")
    return {
        "binary.txt": "binary", "empty.txt": "empty", "undecodable.txt": "decodable",
        "huge_line.txt": "too large", "huge_line.jsonl:1": "too large", "german.txt": "English",
        "only_script.html": "empty", "records.jsonl:2": "JSON", "records.jsonl:3": "English",
        "rows.csv:3": "fields",
    }


def run(*args):
    return CliRunner().invoke(app, ["run", *map(str, args), "--show", "0"])


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    expected = build_folder(root)
    db = root / "es.duckdb"
    result = run(root / "in", "--db", db)
    return root, db, expected, result


def test_every_bad_input_is_named_with_its_reason_and_exit_code_is_3(bad_run):
    root, db, expected, result = bad_run
    assert result.exit_code == 3, result.output
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT origin, reason FROM rejections").fetchall()
    reasons = {Path(origin).name: reason for origin, reason in rows}
    assert set(reasons) == set(expected), reasons
    for name, word in expected.items():
        assert word.lower() in reasons[name].lower(), (name, reasons[name])
        assert name in result.output  # the run report names it too


def test_good_documents_go_through_and_scripts_never_reach_the_text(bad_run):
    root, db, _, _ = bad_run
    with Store(db, read_only=True) as store:
        docs = store.con.execute("SELECT origin, text FROM documents").fetchall()
        n_events = store.counts()["events"]
    origins = sorted(Path(o).name for o, _ in docs)
    assert origins == ["good.txt", "one_bad_byte.txt", "page.html", "records.jsonl:1", "rows.csv:2"]
    assert n_events > 0
    for _, text in docs:
        assert "stolen cookies" not in text and "alert(" not in text


def test_all_languages_lets_non_english_through(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "german.txt").write_text("Russland und Iran\n\n" + GERMAN + "\n")
    result = run(tmp_path / "in", "--db", tmp_path / "es.duckdb", "--all-languages")
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "es.duckdb", read_only=True) as store:
        assert store.counts()["documents"] == 1 and store.counts()["rejections"] == 0
