"""Scoring coder output against gold: hand-made gold/prediction pairs with known answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_records import GOLD, actor, event, gold_event, perfect

from eventscope.evaluate import detect_kind, read_gold, score
from eventscope.evaluation import labels as L
from eventscope.evaluation.report import SUMMARY_KEYS

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "data" / "dev"
CLASS5_CAMEO = {0: "010", 1: "040", 2: "070", 3: "111", 4: "190"}


def test_perfect_predictions_score_one_everywhere():
    report = score(GOLD, perfect(GOLD))
    for name in ("class5_macro_f1", "class5_accuracy", "plover_accuracy", "plover_mode_accuracy",
                 "cameo_root_accuracy", "cameo_accuracy", "source_country_accuracy",
                 "target_country_accuracy", "triple_precision", "triple_recall", "triple_f1",
                 "quiet_share"):
        assert report.value(name) == pytest.approx(1.0), name
    assert report.metrics["quiet_share"].n == 2
    assert report.metrics["triple_recall"].n == 3
    # "---GOV" carries no country: only 2 target countries are scored (GON, DAG)
    assert report.metrics["target_country_accuracy"].n == 2
    assert report.value("events_per_record_gold") == report.value("events_per_record_predicted")


def test_empty_predictions_score_zero_but_are_quiet():
    report = score(GOLD, [{"id": r["id"], "events": []} for r in GOLD])
    for name in ("class5_macro_f1", "class5_accuracy", "plover_accuracy", "cameo_accuracy",
                 "source_country_accuracy", "triple_recall", "triple_f1", "any_event_predicted"):
        assert report.value(name) == 0.0, name
    assert report.value("quiet_share") == 1.0
    assert report.confusions["class5"].counts[(4, L.NONE)] == 1


def test_class5_macro_f1_by_hand():
    gold_classes = [0, 0, 1, 2, 3, 4]
    guesses = [0, 1, 1, "plover:AID", None, 4]  # class 2 via PLOVER only; None = no event
    gold = [{"id": str(i), "text": "t", "events": [{"class5": c, "source": [], "target": []}]}
            for i, c in enumerate(gold_classes)]
    predicted = []
    for i, guess in enumerate(guesses):
        if guess is None:
            events = []
        elif isinstance(guess, str):
            events = [event(plover=guess.split(":")[1])]
        else:
            events = [event(cameo=CLASS5_CAMEO[guess])]
        predicted.append({"id": str(i), "events": events})
    report = score(gold, predicted)
    # F1 per class: 0 -> 2/3 (P 1, R 1/2), 1 -> 2/3 (P 1/2, R 1), 2 -> 1, 3 -> 0, 4 -> 1
    assert report.value("class5_macro_f1") == pytest.approx((2 / 3 + 2 / 3 + 1 + 0 + 1) / 5)
    assert report.value("class5_accuracy") == pytest.approx(4 / 6)
    counts = report.confusions["class5"].counts
    assert counts[(0, 1)] == 1 and counts[(3, L.NONE)] == 1 and counts[(2, 2)] == 1


def test_main_event_is_the_most_confident():
    gold = [{"id": "x", "text": "t", "events": [gold_event(cameo="190", plover="ASSAULT")]}]
    predicted = [{"id": "x", "events": [event(cameo="040", plover="CONSULT", confidence=0.4),
                                        event(cameo="193", plover="ASSAULT", confidence=0.9)]}]
    report = score(gold, predicted)
    assert report.value("plover_accuracy") == 1.0
    assert report.value("cameo_root_accuracy") == 1.0
    assert report.value("cameo_accuracy") == 0.0  # 193 is not 190


def test_actors_align_with_the_event_of_the_same_root():
    gold = [{"id": "x", "text": "t", "events": [gold_event(["ARN"], ["GON"], cameo="190")]}]
    predicted = [{"id": "x", "events": [event(["GON"], ["ARN"], cameo="040", confidence=0.9),
                                        event(["ARNMIL"], ["HOB"], cameo="193", confidence=0.2)]}]
    report = score(gold, predicted)
    assert report.value("source_country_accuracy") == 1.0  # the 19x event, not the main one
    assert report.value("target_country_accuracy") == 0.0


@pytest.mark.parametrize("code, country", [
    ("DAGGOV", "DAG"), ("ARN", "ARN"), ("IGOEEU", "IGO"), ("---GOV", None), ("###", None),
    (None, None)])
def test_petrarch_codes_split_into_country(code, country):
    assert L.gold_actor_country({"code": code}) == country


def test_gold_country_field_wins_over_code():
    assert L.gold_actor_country({"country": "irn", "sector": "GOV"}) == "IRN"
    assert L.gold_actor_code({"country": "IRN", "sector": "GOV"}) == "IRNGOV"
    assert L.gold_actor_code({"text": "the minister"}) is None  # never coded: no triple
    assert L.gold_actor_code({"code": None}) == "---"  # PETRARCH: left uncoded on purpose
    assert L.predicted_actor_code({"name": "Boromir", "country": None, "sector": None}) == "---"


@pytest.mark.parametrize("gold_code, predicted, same", [
    ("ARN", actor("ARN"), True), ("ARN", actor("ARNGOV"), False),
    ("DAGGOV", actor("DAGGOV"), True), ("DAGGOV", actor("DAG"), False),
    ("---GOV", actor("---GOV"), True), ("ARNGOVFRM", actor("ARNGOV"), False)])
def test_actor_codes_compare_by_exact_country_plus_sector(gold_code, predicted, same):
    assert (L.gold_actor_code({"code": gold_code}) == L.predicted_actor_code(predicted)) is same


def test_triples_precision_recall_by_hand():
    gold = [GOLD[0]]  # (DAGGOV, GON, 032), (GON, DAGGOV, 033)
    predicted = [{"id": "a", "events": [event(["DAGGOV"], ["GON"], cameo="032"),
                                        event(["GON"], ["DAG"], cameo="033"),  # sector missing
                                        event(["ARN"], ["GON"], cameo="064")]}]
    report = score(gold, predicted)
    assert report.value("triple_precision") == pytest.approx(1 / 3)
    assert report.value("triple_recall") == pytest.approx(1 / 2)
    assert report.value("triple_f1") == pytest.approx(0.4)


def test_label_only_records_without_codes_do_not_score_triples():
    gold = [{"id": "x", "text": "t", "label_only": True,
             "events": [{"source": [{"text": "Iraqi troops"}], "target": [], "class5": 4}]}]
    report = score(gold, [{"id": "x", "events": [event(["IRQMIL"], ["SYR"], cameo="190")]}])
    assert "triple_f1" not in report.metrics
    assert "source_country_accuracy" not in report.metrics  # gold actor has text only
    assert report.value("class5_accuracy") == 1.0
    # mixed with coded gold, the label-only record's predicted triple is not a false positive
    coded = [{"id": "x", "events": [event(["IRQMIL"], ["SYR"], cameo="190")]}]
    mixed = score(gold + [GOLD[0]], coded + perfect([GOLD[0]]))
    assert mixed.value("triple_precision") == 1.0
    # but on a fully coded no-event record it is
    quiet = {"id": "q", "text": "t", "events": []}
    noisy = score([quiet, GOLD[0]], [{"id": "q", "events": [event(["ARN"], ["GON"], cameo="190")]}]
                  + perfect([GOLD[0]]))
    assert noisy.value("triple_precision") == pytest.approx(2 / 3)


def test_missing_and_unknown_prediction_ids():
    predicted = [{"id": "b", "events": perfect(GOLD)[1]["events"]}, {"id": "zzz", "events": []}]
    report = score(GOLD, predicted)
    assert report.missing_predictions == 3
    assert report.unmatched_predictions == 1
    assert report.value("cameo_accuracy") == pytest.approx(1 / 2)  # "a" missing = wrong
    assert report.value("quiet_share") == 1.0  # missing "c", "d" = no events


def test_repeated_and_null_ids_match_in_order():
    gold = [{"id": None, "text": "t", "events": [gold_event(cameo="040")]},
            {"id": None, "text": "t", "events": [gold_event(cameo="190")]}]
    predicted = [{"id": None, "events": [event(cameo="040")]},
                 {"id": None, "events": [event(cameo="190")]}]
    assert score(gold, predicted).value("cameo_accuracy") == 1.0


def test_summary_line_has_fixed_keys_and_dashes_for_unlabelled_metrics():
    gold = [{"id": "x", "text": "t", "events": [{"class5": 1, "source": [], "target": []}]}]
    line = score(gold, [{"id": "x", "events": [event(cameo="040")]}], name="f.jsonl").summary_line()
    assert line.startswith("SUMMARY file=f.jsonl n=1 class5_macroF1=1.000 ")
    keys = [field.split("=")[0] for field in line.split()[3:]]
    assert keys == list(SUMMARY_KEYS.values())
    assert "plover_acc=-" in line and "\n" not in line


def test_plover_class5_fallback_table_covers_every_type(monkeypatch):
    monkeypatch.setattr(L, "_taxonomy", lambda: None)
    table = L._fallback_table()
    roots = {code for kind, code in table if kind == "cameo_root"}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert L.class5_of_plover("consult") == 1 and L.class5_of_plover("SANCTION") == 3
    assert L.class5_of_cameo("1711") == 4 and L.class5_of_cameo("345") is None
    assert L.predicted_class5(event(plover="NOT-A-TYPE")) == L.NONE


def test_fallback_table_agrees_with_taxonomy_when_present():
    taxonomy = L._taxonomy()
    if taxonomy is None:
        pytest.skip("eventscope.knowledge.taxonomy not importable")
    for (kind, code), cls in L._fallback_table().items():
        if kind == "plover":
            assert taxonomy.class5(taxonomy.plover_to_cameo(code)) == cls, code
        else:
            assert taxonomy.class5(code) == cls, code


def test_read_gold_reports_bad_lines_and_keeps_going(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "1", "text": "t", "events": []}\n{not json\n[1]\n'
                    '{"id": "4", "text": "t"}\n{"id": "5", "text": "t", "events": ["x"]}\n'
                    '{"id": "6", "text": "t", "events": [{"source": "ARN"}]}\n')
    records, problems = read_gold(path)
    assert [r["id"] for r in records] == ["1"]
    assert [p.line for p in problems] == [2, 3, 4, 5, 6]
    assert "events" in problems[2].reason and "source" in problems[4].reason


def test_detect_kind():
    assert detect_kind([{"id": "1", "text": "t", "events": []}]) == "events"
    assert detect_kind([{"test": "t", "method": "m", "query": "q", "expected": []}]) == "actors"
    assert detect_kind([{"id": "1", "text": "t", "story": "1ecb"}]) == "stories"
    assert detect_kind([{"id": "1"}]) == "unknown"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared not present")
@pytest.mark.parametrize("name, kind", [
    ("multicoped_train.jsonl", "events"), ("petrarch_unittest.jsonl", "events"),
    ("synthetic_plover_silver.jsonl", "events"), ("actor_resolution_dev.jsonl", "actors"),
    ("ecbplus_stories_dev.jsonl", "stories")])
def test_dev_files_read_cleanly(name, kind):
    from eventscope.evaluation.records import read_jsonl
    rows, problems = read_jsonl(DEV / name)
    assert not problems and detect_kind([r for _, r in rows]) == kind
    if kind == "events":
        records, problems = read_gold(DEV / name)
        assert not problems and len(records) == len(rows)


def test_alignment_prefers_the_event_sharing_the_gold_actors():
    gold = [{"id": "x", "text": "t", "events": [gold_event(["GON"], ["DAGGOV"], cameo="033")]}]
    predicted = [{"id": "x", "events": [event(["DAGGOV"], ["GON"], cameo="033", confidence=0.9),
                                        event(["GON"], ["DAG"], cameo="033", confidence=0.8)]}]
    report = score(gold, predicted)
    assert report.value("source_country_accuracy") == 1.0
    assert report.value("target_country_accuracy") == 1.0


def test_mode_accuracy_reads_the_gold_files_misspellings():
    gold = [{"id": "m", "text": "t", "events": [gold_event(["ARN"], [], plover="COERCE", plover_mode="SIEZE")]}]
    right = [{"id": "m", "events": [event(["ARN"], [], plover="COERCE", mode="seize")]}]
    wrong = [{"id": "m", "events": [event(["ARN"], [], plover="COERCE", mode="arrest")]}]
    assert score(gold, right).value("plover_mode_accuracy") == pytest.approx(1.0)
    assert score(gold, wrong).value("plover_mode_accuracy") == pytest.approx(0.0)


@pytest.mark.parametrize("events, reason", [
    ([{"cameo": "190"}, "attack"], "events[1] is not an object"),
    ([{"cameo": "190", "source": {"country": "RUS"}}], "events[0]: event 'source' must be a list of objects"),
    ([{"cameo": "190", "target": [{"country": "RUS"}, "IRN"]}], "events[0]: event 'target' must be a list of objects"),
    ([{"cameo": "190", "source": [{"country": "RUS"}]}], None)])
def test_gold_and_predicted_records_name_their_first_bad_event(events, reason):
    from eventscope.evaluation.records import gold_problem, prediction_problem

    assert gold_problem({"text": "Troops attacked.", "events": events}) == reason
    assert prediction_problem({"events": events}) == reason
