"""Scoring on the real-news dev set: gold records name their article, the scorer ingests and
codes it. Invented articles in a shared-like folder; the real file when ../shared is there."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventscope.cli import app
from eventscope.evaluation.realnews import RealNewsScore, event_triples, score_article
from eventscope.evaluation.realnews_run import load_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def actor(country, text=""):
    return {"text": text or country, "country": country, "sector": None}


def event(src, tgt, plover, cameo="040", start=0):
    return {"source": [actor(c) for c in src], "target": [actor(c) for c in tgt], "plover": plover,
            "cameo": cameo, "span": [start, start + 5]}


def test_triples_cover_every_source_target_pair():
    assert event_triples(event(["AAA", "BBB"], ["CCC"], "CONSULT")) == {
        ("AAA", "CCC", "CONSULT"), ("BBB", "CCC", "CONSULT")}
    assert event_triples(event(["AAA"], [], "PROTEST")) == {("AAA", "-", "PROTEST")}


def test_article_score_counts_sets_statements_furniture_and_not_done():
    gold = {"id": "a", "events": [event(["AAA"], ["BBB"], "CONSULT"), event(["AAA"], ["BBB"], "ACCUSE")],
            "not_done": [event(["BBB"], ["AAA"], "ASSAULT")], "furniture": ["GREYTOWN (Wire) -"]}
    predicted = [event(["AAA"], ["BBB"], "CONSULT"), event(["AAA"], ["BBB"], "CONSULT"),  # repeated: one triple
                 event(["BBB"], ["AAA"], "ASSAULT"),  # an act not done, coded as done
                 {**event(["AAA"], [], None, cameo="010")},  # a bare statement
                 {**event(["CCC"], [], "PROTEST"), "source": [{**actor("CCC", "Greytown"), "start": 0}]},
                 {**event(["CCC"], [], "PROTEST"), "source": [{**actor("CCC", "Greytown"), "start": 40}]}]
    score = RealNewsScore()
    text = "GREYTOWN (Wire) - Officials met. Later, Greytown's council protested."
    score_article(gold, predicted, score, text=text)
    assert (score.gold, score.predicted, score.matched_gold) == (2, 4, 1)
    assert score.precision == 0.25 and score.recall == 0.5
    assert score.statement_events == 1 and score.furniture_events == 1 and score.not_done_as_done == 1
    assert score.errors["FN: dyad found, other type"] == 1


def test_the_contract_writes_eu_bodies_as_igo_and_regions_as_no_country():
    # CAMEO gives the EU the region code EUR; the contract (FORMAT.md) wants an organisation
    # class, and a region such as "the West" (WST) names no country
    from eventscope.knowledge.actor_files import contract_country
    from eventscope.models import Actor, Event

    assert [contract_country(c) for c in ("EUR", "WST", "WAF", "DEU", "IGO", None)] == [
        "IGO", None, None, "DEU", "IGO", None]
    coded = Event(doc_id="d", sentence=0, span=(0, 9), source=[Actor("Germany", "DEU")],
                  target=[Actor("European Commission", "EUR", "GOV")], cameo="020", cameo_root="02",
                  goldstein=3.0, quad_class=1, plover="REQUEST")
    record = coded.to_contract(contract_country)
    assert record["target"][0]["country"] == "IGO" and coded.target[0].country == "EUR"


def test_the_scorer_maps_no_codes():
    gold = {"id": "a", "events": [event(["DEU"], ["IGO"], "REQUEST")]}
    score = RealNewsScore()
    score_article(gold, [event(["DEU"], ["EUR"], "REQUEST")], score)
    assert score.precision == 0.0
    assert event_triples(event(["WAF"], ["AAA"], "PROTEST")) == {("WAF", "AAA", "PROTEST")}


def test_type_given_dyad_scores_the_type_only_where_the_dyad_is_right():
    gold = {"id": "a", "events": [event(["AAA"], ["BBB"], "CONSULT"), event(["AAA"], ["BBB"], "ACCUSE"),
                                  event(["CCC"], [], "PROTEST")]}
    predicted = [event(["AAA"], ["BBB"], "ACCUSE"), event(["AAA"], ["BBB"], "ASSAULT"),  # right dyad: 1 of 2 typed
                 event(["CCC"], [], "ASSAULT"), event(["CCC"], [], "PROTEST"),  # 1 of 2 again
                 event(["DDD"], ["BBB"], "ACCUSE")]  # a dyad the gold does not have: not counted
    score = RealNewsScore()
    score_article(gold, predicted, score)
    assert (score.on_gold_dyad, score.on_gold_dyad_typed) == (4, 2) and score.type_given_dyad == 0.5
    assert "type_given_dyad=0.500" in score.summary_line("f")
    assert RealNewsScore().type_given_dyad == 0.0


def test_predictions_after_the_coded_scope_are_ignored():
    text = "First sentence here. Second sentence here. Third one, out of scope."
    gold = {"id": "a", "scope_end_quote": "Second sentence here", "events": [event(["AAA"], [], "PROTEST")]}
    late = event(["DDD"], [], "ASSAULT", start=text.index("Third"))
    score = RealNewsScore()
    score_article(gold, [event(["AAA"], [], "PROTEST"), late], score, text=text)
    assert score.precision == 1.0 and score.predicted_events == 1


def test_eval_command_ingests_named_articles(tmp_path):
    shared = tmp_path / "shared"
    pages = shared / "data" / "dev" / "pages"
    pages.mkdir(parents=True)
    (pages / "one.txt").write_text(
        "Northland and Southmark sign water accord\n\n"
        "GREYTOWN (Harbour Wire) - Northland's foreign minister met Southmark's president in "
        "Greytown on Tuesday to discuss the shared river, officials said.\n")
    gold = tmp_path / "project" / "eval" / "gold.jsonl"
    gold.parent.mkdir(parents=True)
    gold.write_text(json.dumps({"id": "one", "origin": "data/dev/pages/one.txt", "events": [],
                                "furniture": ["GREYTOWN (Harbour Wire) -"]}) + "\n"
                    + json.dumps({"id": "gone", "origin": "data/dev/pages/missing.txt", "events": []}) + "\n")
    result = CliRunner().invoke(app, ["eval", str(gold)])
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("SUMMARY file=gold.jsonl n=1 ") and "missing=1" in summary
    assert "furniture_events=0" in summary  # the dateline left the text before coding


def test_gigaword_story_is_read_from_the_sample(tmp_path):
    xml = tmp_path / "reference" / "sample.xml"
    xml.parent.mkdir()
    xml.write_text('<Sentences>\n<Sentence date = "20080804" id ="AFP1_1" source = "AFP" sentence = "True">\n'
                   '<Text>\nNorthland troops\n crossed the border.\n</Text>\n</Sentence>\n</Sentences>\n')
    doc = load_document("reference/sample.xml#AFP1", tmp_path)
    assert doc.text == "Northland troops crossed the border." and doc.date == "2008-08-04"
    assert "no such story" in load_document("reference/sample.xml#AFP9", tmp_path)


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "data" / "dev" / "realnews_pages").is_dir(), reason="needs ../shared")
def test_every_dev_article_is_found_and_its_quotes_are_in_it():
    from eventscope.evaluation.realnews import _normal

    records = [json.loads(line) for line in (ROOT / "eval/realnews/realnews_dev.jsonl").open()]
    assert len(records) >= 60 and {r["split"] for r in records} == {"train", "heldout"}
    unmatched = 0
    for record in records:
        doc = load_document(record["origin"], SHARED)
        assert not isinstance(doc, str), doc
        text = _normal((doc.title or "") + " " + doc.text)
        unmatched += sum(_normal(e["quote"]) not in text for e in record["events"])
    # quotes were taken from our ingest's text; a later ingest change may move a few
    assert unmatched <= 0.05 * sum(len(r["events"]) for r in records)


def test_quote_sentence_finds_the_sentence_holding_a_quote():
    from eventscope.evaluation.realnews import quote_sentence

    text = "Talks failed. Northland’s army \u201cshelled\u201d   the town on Monday. Aid came later."
    start, end = quote_sentence(text, "northland's army shelled the town")
    assert text[start:end].strip() == "Northland’s army \u201cshelled\u201d   the town on Monday"
    assert quote_sentence(text, "Southmark retreated") is None


def test_not_done_and_withheld_counts_look_at_the_acts_own_sentence():
    text = "Northland shelled Southmark. Southmark did not attack Northland. Eastland may aid Westland."
    at = {word: text.index(word) for word in ("shelled", "attack", "aid")}
    gold = {"id": "a", "events": [{**event(["NNN"], ["SSS"], "ASSAULT"), "quote": "Northland shelled Southmark"},
                                  {**event(["EEE"], ["WWW"], "AID"), "quote": "Eastland may aid Westland"}],
            "not_done": [{**event(["SSS"], ["NNN"], "ASSAULT"), "quote": "Southmark did not attack Northland"},
                         {**event(["EEE"], ["WWW"], "PROTEST"), "quote": "Eastland may aid Westland"}]}
    predicted = [event(["SSS"], ["NNN"], "ASSAULT", start=at["attack"]),  # the negated act, coded as done
                 event(["EEE"], ["WWW"], "PROTEST", start=at["shelled"])]  # a not-done triple, read elsewhere
    withheld = [event(["NNN"], ["SSS"], "ASSAULT", start=at["aid"]),  # the triple, but not in its sentence
                event(["EEE"], ["WWW"], "AID", start=at["aid"])]  # a done act read and withheld
    score = RealNewsScore()
    score_article(gold, predicted, score, text=text, withheld_events=withheld)
    assert (score.not_done_as_done, score.not_done_in_sentence, score.done_withheld) == (2, 1, 1)
    assert [e for e in score.examples if e.get("withheld")] == [
        {"id": "a", "error": "FN: dyad found, other type", "triple": ["EEE", "WWW", "AID"], "withheld": True}]
    assert "not_done_in_sentence=1 done_withheld=1" in score.summary_line("f")
