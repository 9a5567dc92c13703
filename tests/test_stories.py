"""Stories: streaming clustering, the seed story with its timeline and brief, and the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, SHARED, needs_shared
from eventscope.cli import app
from eventscope.linking.brief import Candidate, build_brief
from eventscope.linking.stories import MemoryStoryIndex, StoryInput, assign_stories, cluster_records
from eventscope.store import Store

SEEDS = sorted(EXAMPLES.glob("*.txt"))
PIRATES = ["The Indian navy captured 23 Somali pirates who attacked a merchant vessel in the Gulf of Aden.",
           "Indian navy commandos arrested 23 pirates trying to hijack a merchant ship in the Gulf of Aden.",
           "An Indian warship foiled a piracy attempt in the Gulf of Aden and detained 23 Somali pirates."]
QUAKE = ["A magnitude 6.1 earthquake struck northern Chile, killing two people and damaging homes in Arica.",
         "The earthquake in northern Chile near Arica killed two and damaged hundreds of homes, officials said.",
         "Chile's government sent aid to Arica after the magnitude 6.1 earthquake damaged homes."]


def inputs(texts, prefix):
    return [StoryInput(f"{prefix}{i}", t) for i, t in enumerate(texts)]


def test_a_later_batch_joins_existing_stories_or_starts_new_ones():
    index = MemoryStoryIndex()
    first = assign_stories(inputs(PIRATES[:2], "p") + inputs(QUAKE[:2], "q"), index)
    index.apply(first)
    assert first.assignments["p0"] == first.assignments["p1"] != first.assignments["q0"]
    assert first.assignments["q0"] == first.assignments["q1"]
    second = assign_stories(inputs(PIRATES[2:], "p2-") + inputs(QUAKE[2:], "q2-")
                            + [StoryInput("x", "Lindsay Lohan checked into the Betty Ford rehab clinic.")], index)
    index.apply(second)
    assert second.assignments["p2-0"] == first.assignments["p0"]
    assert second.assignments["q2-0"] == first.assignments["q0"]
    assert second.assignments["x"] not in first.assignments.values()
    assert index.all_stories[first.assignments["p0"]].n == 3  # story state was updated, not rebuilt


def test_cluster_records_gives_every_record_a_story_and_respects_the_threshold():
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(PIRATES + QUAKE)]
    together = cluster_records(records, batch_size=2)
    assert set(together) == {r["id"] for r in records}
    assert len(set(together.values())) == 2
    assert len(set(cluster_records(records, threshold=0.99).values())) == len(records)


def test_brief_cites_every_sentence_skips_repeats_and_resolves_days():
    terms = {"pirate": 1.0, "navy": 1.0, "aden": 1.0}
    candidates = [
        Candidate("d1", 0, "The Indian navy captured 23 pirates in the Gulf of Aden on Saturday.", "2008-12-13", True, True),
        Candidate("d2", 0, "The Indian navy captured 23 pirates in the Gulf of Aden on Saturday!", "2008-12-13", True, True),
        Candidate("d2", 3, "Navy commandos boarded the pirate skiff near Aden and seized rifles.", "2008-12-14", False, True),
    ]
    brief = build_brief(candidates, terms)
    assert [(r.doc_id, r.sentence) for r in brief] == [("d1", 0), ("d2", 3)]
    assert "Saturday [2008-12-13]" in brief[0].text
    assert all(r.doc_id and r.date for r in brief)


def test_relative_days_are_resolved_only_when_the_date_fits_the_word():
    from eventscope.linking.brief import resolve_days

    assert resolve_days("Talks opened Thursday.", "2000-12-28", True) == "Talks opened Thursday [2000-12-28]."
    assert resolve_days("Talks opened Saturday.", "2000-12-28", True) == "Talks opened Saturday."  # a Thursday
    assert resolve_days("Talks opened yesterday.", "2000-12-27", True, "2000-12-28") == \
        "Talks opened yesterday [2000-12-27]."
    assert resolve_days("Talks opened yesterday.", "2000-12-27", True) == "Talks opened yesterday."
    assert resolve_days("Talks opened Thursday.", "2000-12", False) == "Talks opened Thursday."


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from eventscope import pipeline

    path = tmp_path_factory.mktemp("seeds") / "es.duckdb"
    with Store(path) as store:
        pipeline.run([EXAMPLES], store)
    return path


def test_seed_articles_form_one_story_with_a_dated_timeline(seed_db):
    with Store(seed_db, read_only=True) as store:
        stories = store.list_stories()
        assert len(stories) == 1 and stories[0]["n_documents"] == 2
        story = store.story(stories[0]["id"])
    months = {e["date"][:7] for e in story["timeline"] if e["date"]}
    # examples/000_*.meta.json gives the archive copy its publication date (2000-12-29).
    assert {"2000-12", "2001-03", "2001-10"} <= months
    assert stories[0]["first_date"].startswith("2000-12") and stories[0]["last_date"] == "2001-10-02"
    assert story["brief"] and len({r["doc_id"] for r in story["brief"]}) == 2
    assert len({r["text"] for r in story["brief"]}) == len(story["brief"])


def test_seed_story_reaches_back_to_2000_12_given_the_first_articles_date(tmp_path):
    """The archive copy of seed 000 carries no publication date (the coder cannot date
    'Thursday'); with its date (2000-12-28) the timeline starts in 2000-12."""
    from eventscope import pipeline

    records = [{"id": p.stem, "text": p.read_text("utf-8"), "date": "2000-12-28" if p.name.startswith("000") else
                "2001-10-02"} for p in SEEDS]
    path = tmp_path / "seeds.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(tmp_path / "es.duckdb") as store:
        pipeline.run([path], store, batch_size=1)  # ten months apart, in separate batches
        (story,) = store.list_stories()
        timeline = store.story(story["id"])["timeline"]
    months = {e["date"][:7] for e in timeline if e["date"]}
    assert {"2000-12", "2001-03", "2001-10"} <= months
    assert story["first_date"] == "2000-12-28" and story["last_date"] == "2001-10-02"


def test_story_and_stories_commands_read_the_store(seed_db):
    runner = CliRunner()
    listing = runner.invoke(app, ["stories", "--db", str(seed_db)])
    assert listing.exit_code == 0, listing.output
    with Store(seed_db, read_only=True) as store:
        story_id = store.list_stories()[0]["id"]
    assert story_id in listing.output
    shown = runner.invoke(app, ["story", story_id, "--db", str(seed_db)])
    assert shown.exit_code == 0, shown.output
    assert "Brief" in shown.output and "Timeline" in shown.output and "2001-03" in shown.output
    missing = runner.invoke(app, ["story", "nope", "--db", str(seed_db)])
    assert missing.exit_code == 2


def test_stories_command_writes_one_line_per_input_and_eval_scores_it(tmp_path):
    gold = [{"id": f"p{i}", "text": t, "story": "pirates"} for i, t in enumerate(PIRATES)] + \
           [{"id": f"q{i}", "text": t, "story": "quake"} for i, t in enumerate(QUAKE)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in gold) + "not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["stories", str(source), "-o", str(out)])
    assert result.exit_code == 3  # the bad line is named and skipped
    assert "in.jsonl:7" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in lines] == [r["id"] for r in gold]
    scored = CliRunner().invoke(app, ["eval", str(source), "--predictions", str(out)])
    assert scored.exit_code == 0, scored.output
    assert "bcubed_F1=1.000" in scored.output.strip().splitlines()[-1]


def test_stories_command_skips_repeated_ids_and_gives_textless_records_their_own_story(tmp_path):
    source = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": PIRATES[0]}, {"id": "a", "text": PIRATES[1]}, {"id": 7, "text": None},
            {"id": "b", "text": PIRATES[2]}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["stories", str(source), "-o", str(out)])
    assert result.exit_code == 3 and "repeats an earlier line" in result.output
    lines = {r["id"]: r["story"] for r in map(json.loads, out.read_text().splitlines())}
    assert list(lines) == ["a", "7", "b"]
    assert lines["a"] == lines["b"] != lines["7"]


@needs_shared
def test_ecbplus_dev_target():
    path = SHARED / "data" / "dev" / "ecbplus_stories_dev.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    from eventscope.evaluation.story_eval import evaluate_stories

    assert evaluate_stories(records).f1 >= 0.90  # 0.907 (0.897 before story merges, 0.861 before the names check)


def test_an_undated_story_spans_the_dates_its_events_carry(tmp_path):
    """Documents with no publication date form a story dated by their events' own dates
    (written in full, so they need no publication date), not an empty range."""
    from eventscope import pipeline

    texts = ["Indian navy commandos arrested 23 Somali pirates in the Gulf of Aden on March 3, 2015, "
             "after they attacked a merchant vessel.",
             "Indian police arrested 23 more Somali pirates in the Gulf of Aden on March 9, 2015, after "
             "they attacked a merchant vessel, the Indian navy said."]
    path = tmp_path / "undated.jsonl"
    path.write_text("".join(json.dumps({"id": f"p{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    with Store(tmp_path / "es.duckdb") as store:
        pipeline.run([path], store)
        stories = store.list_stories()
    assert len(stories) == 1 and stories[0]["n_documents"] == 2
    assert (stories[0]["first_date"], stories[0]["last_date"]) == ("2015-03-03", "2015-03-09")


@needs_shared
def test_ecbplus_dev_two_events_of_one_topic_mostly_stay_apart():
    """Each ECB+ topic tells two events of one kind (two rehab check-ins, two quakes on one
    island years apart); the texts carry no dates, so only words, names and places can part
    them. A story holding both events of a topic is a merge of the kind issue 18 forbids:
    14 of the 68 predicted stories do so at 5236e61 (all of them among the dateless ECB+
    texts); no more."""
    path = SHARED / "data" / "dev" / "ecbplus_stories_dev.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    predicted = cluster_records(records)
    gold = {r["id"]: (r["topic"], r["story"]) for r in records}
    members: dict[str, set[str]] = {}
    for doc_id, story in predicted.items():
        members.setdefault(story, set()).add(doc_id)
    mixed = [s for s, ids in members.items()
             if any(len({gold[i][1] for i in ids if gold[i][0] == topic}) > 1 for topic in {gold[i][0] for i in ids})]
    assert len(members) >= 60 and len(mixed) <= 14
