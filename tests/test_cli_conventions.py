"""The habits every command shares: -h, --version, -o - (stdout), --dictionaries repeated,
--json and --quiet summaries, exit code 3 when something was rejected, clean help types."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

import eventscope
from eventscope.cli import app

COMMANDS = ["run", "code", "eval", "export", "actors", "serve", "stories", "story"]


def invoke(*args):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "160"})


def test_version_and_short_help():
    assert invoke("--version").output.strip() == f"eventscope {eventscope.__version__}"
    assert "Usage: eventscope [OPTIONS] COMMAND" in invoke("-h").output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_clean_types(command):
    result = invoke(command, "-h")
    assert result.exit_code == 0, result.output
    assert not re.search(r"<bool>|<list\[|\{\w+\}|<path>|<int", result.output), result.output


@pytest.mark.parametrize("command", ["run", "code", "eval", "actors"])
def test_dictionaries_is_repeatable_everywhere(command):
    assert re.search(r"--dictionaries\s+PATH\s.*repeatable", invoke(command, "-h").output)


@pytest.fixture
def actor_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "the Russian defence ministry"}) + "\n"
                    + "not json\n" + json.dumps({"id": 3, "text": "Iranian police"}) + "\n")
    return path


def test_output_dash_writes_stdout_and_a_rejection_exits_3(actor_lines):
    result = invoke("actors", str(actor_lines), "-o", "-")
    assert result.exit_code == 3  # the same code as `eventscope run` for "something was rejected"
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["country"]) for r in rows] == [(1, "RUS"), (3, "IRN")]
    assert "in.jsonl:2: rejected: not JSON" in result.stderr
    assert "actors: 2 resolved, 1 rejected -> -" in result.stderr


def test_json_summary_and_quiet(actor_lines, tmp_path):
    out = tmp_path / "out.jsonl"
    result = invoke("actors", str(actor_lines), "-o", str(out), "--json")
    assert json.loads(result.stdout) == {"command": "actors", "resolved": 2, "rejected": 1, "output": str(out)}
    result = invoke("actors", str(actor_lines), "-o", "-", "--json")  # data on stdout: the summary goes to stderr
    assert json.loads(result.stderr.splitlines()[-1])["resolved"] == 2 and len(result.stdout.splitlines()) == 2
    result = invoke("actors", str(actor_lines), "-o", str(out), "--quiet")
    assert result.stdout == "" and "resolved" not in result.stderr and result.exit_code == 3


def test_a_missing_dictionary_is_a_one_line_usage_error(actor_lines, tmp_path):
    result = invoke("actors", str(actor_lines), "-o", "-", "--dictionaries", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "no such dictionary file or folder" in result.stderr


def test_code_writes_stdout_and_exits_3_on_a_rejected_record(tmp_path, processor):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Iranian troops attacked rebel positions on Monday."}) + "\n"
                      + "{broken\n")
    result = invoke("code", str(source), "-o", "-", "--quiet")
    assert result.exit_code == 3
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a"]
    assert "rejected" in result.stderr and "records," not in result.stderr  # --quiet: no summary


def test_code_reads_articles_from_a_folder_as_run_does(tmp_path, processor):
    """A folder of .txt/.html articles is coded one line per article, named by its file, with
    what ingest found (headline, date), and an unreadable file is named and skipped."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Rebels seize border town\n\nMarch 3, 2015\n\n"
                                  "Iranian troops attacked rebel positions near the border on Monday.\n",
                                  encoding="utf-8")
    (folder / "b.html").write_text("<html><head><title>Talks in Oslo</title></head><body><article><h1>Talks in Oslo"
                                   "</h1><p>Norway's foreign minister met the Colombian president in Oslo on "
                                   "Tuesday to discuss the peace process.</p></article></body></html>", encoding="utf-8")
    (folder / "c.pdf").write_bytes(b"%PDF-1.4")
    result = invoke("code", str(folder), "-o", "-", "--quiet")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"].rsplit("/", 1)[-1] for line in lines] == ["a.txt", "b.html"]
    assert lines[0]["title"] == "Rebels seize border town" and lines[0]["date"] == "2015-03-03"
    assert lines[0]["events"] and lines[0]["events"][0]["source"][0]["country"] == "IRN"
    assert result.exit_code == 3 and "c.pdf" in result.stderr


@pytest.fixture(scope="module")
def held_db(tmp_path_factory):
    """A database another process holds open for writing, as `eventscope run` does."""
    import subprocess
    import sys

    from eventscope.store import Store

    db = tmp_path_factory.mktemp("held") / "held.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(120)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    yield db
    holder.kill()
    holder.wait(10)


@pytest.mark.parametrize("args", [["export", "-o", "-"], ["story", "S1"], ["stories"]])
def test_reading_a_database_another_process_holds_is_one_line_and_exit_4(held_db, args):
    result = invoke(*args, "--db", str(held_db))
    assert result.exit_code == 4 and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and f"{held_db} is in use by" in result.stderr


def test_a_quiet_run_in_its_own_process_writes_nothing_to_stderr(tmp_path):
    """A whole `eventscope run -q` as a user starts it: no warning, no native library's exit
    report (a gc.freeze of the coder once made DuckDB's bindings list ~40 'leaked' objects)."""
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "a.txt").write_text("Iranian troops attacked rebel positions near Herat on Monday.\n")
    eventscope_bin = Path(sys.executable).parent / "eventscope"
    done = subprocess.run([str(eventscope_bin), "run", str(tmp_path / "a.txt"), "--db", str(tmp_path / "es.duckdb"), "-q"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stderr == "", done.stderr[-2000:]
