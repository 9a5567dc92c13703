"""Linked events are one real event: counts in actor names (linking/events.py), and the hand-check
tool that draws linked events and scores verdicts (tools/linked_sample.py). Invented sentences."""

from __future__ import annotations

import pytest

from conftest import load_tool
from eventscope.linking.events import link_events, names_agree


def capture(event_id, doc_id, target_name, **fields):
    row = {"id": event_id, "doc_id": doc_id, "sentence": 0, "doc_date": None, "date": None, "story_id": "s1",
           "cameo": "171", "cameo_root": "17", "quad_class": 4, "goldstein": -9.0, "plover": "COERCE",
           "trigger": "captured", "sentence_text": f"The navy captured {target_name} in the gulf.",
           "source_code": "INDMIL", "target_code": "SOMCRM", "source_name": "The Indian navy",
           "target_name": target_name}
    row.update(fields)
    return row


def test_counts_that_differ_name_two_groups():
    assert not names_agree("23 Somali pirates", "26 Somali pirates")
    assert not names_agree("a 61-year-old man", "a 62-year-old man")
    assert names_agree("23 Somali pirates", "23 pirates") and names_agree("23 pirates", "Somali pirates")


def test_two_captures_of_different_numbers_of_pirates_stay_two_linked_events():
    rows = [capture("a", "d1", "23 Somali pirates"), capture("b", "d2", "23 pirates"),
            capture("c", "d3", "26 Somali pirates")]
    groups = sorted(sorted(m.event_id for m in le.mentions) for le in link_events(rows, lambda s, t: []))
    assert groups == [["a", "b"], ["c"]]


@pytest.fixture(scope="module")
def tool():
    return load_tool("linked_sample")


def test_verdicts_are_read_and_a_bad_row_names_its_line(tool, tmp_path):
    good = tmp_path / "v.tsv"
    good.write_text("linked_event_id\tverdict\tnote\nabc\tsame\tone attack\ndef\tmixed\ttwo years\n")
    assert tool.read_verdicts(good) == {"abc": "same", "def": "mixed"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("linked_event_id\tverdict\tnote\nabc\tmaybe\t\n")
    with pytest.raises(SystemExit, match=r"bad\.tsv:2: want linked_event_id and a verdict"):
        tool.read_verdicts(bad)


def test_the_draw_and_the_score_read_a_store(tool, tmp_path, capsys):
    import duckdb

    db = tmp_path / "s.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE linked_events (id VARCHAR, n_mentions INTEGER)")
    con.execute("INSERT INTO linked_events VALUES ('one', 1), ('two', 2), ('three', 3)")
    con.close()
    verdicts = tmp_path / "v.tsv"
    verdicts.write_text("linked_event_id\tverdict\tnote\ntwo\tsame\t\nthree\tmixed\t\n")
    assert tool.main(["--db", str(db), "--verdicts", str(verdicts)]) == 0
    assert "PURITY linked_events=2 checked=2 same=1 purity=0.500" in capsys.readouterr().out
    verdicts.write_text("linked_event_id\tverdict\tnote\none\tsame\t\n")  # a single mention: never drawn
    assert tool.main(["--db", str(db), "--verdicts", str(verdicts)]) == 2


def test_within_one_document_the_same_verb_alone_links_nothing():
    thursday = capture("t", "d1", "Kizza Besigye", trigger="arrested", source_code="UGACOP", target_code="UGAGOV",
                       date="2016-02-18",
                       sentence_text="Police arrested the opposition candidate Kizza Besigye at his party office "
                                     "during the elections on Thursday, his aides said.")
    earlier = dict(thursday, id="e", sentence=3, sentence_text="Besigye, who has been arrested many times, "
                   "was briefly held on Monday, which triggered riots.")
    repeat = dict(thursday, id="r", sentence=9, sentence_text="Police arrested the opposition candidate at his "
                  "party office during the elections.")
    groups = sorted(sorted(m.event_id for m in le.mentions) for le in link_events([thursday, earlier, repeat],
                                                                                  lambda s, t: []))
    assert groups == [["e"], ["r", "t"]]
    other_outlet = dict(earlier, id="o", doc_id="d2")  # another document: the same verb still counts
    assert len(link_events([thursday, other_outlet], lambda s, t: [])) == 1
