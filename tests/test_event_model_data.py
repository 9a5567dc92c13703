"""The event encoder's training data: our written acts and frames, CV groups (no torch needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import event_model_data as D  # noqa: E402

ACTS, FRAMES = ROOT / "tools/data/written_acts.tsv", ROOT / "tools/data/written_frames.tsv"


def test_written_acts_cover_every_root_and_frames_every_modality():
    examples = D.written(ACTS, FRAMES)
    roots = {e.labels["cameo"] for e in examples if "cameo" in e.labels}
    assert roots == set(D.ROOTS)
    assert {e.labels["modality"] for e in examples} == set(D.MODALITIES)
    for e in examples:
        assert "{" not in e.text and e.text[0].isupper()
        assert e.group == f"written:{e.id.split(':')[1]}"  # all frames of an act share a fold
        if e.labels["modality"] in ("negated", "requested", "hypothetical"):
            assert set(e.labels) == {"modality"}  # an act not done has no category to learn
    assert [e.text for e in D.written(ACTS, FRAMES)] == [e.text for e in examples]  # stable


def test_each_act_gets_distinct_frames_of_each_modality():
    examples = D.written(ACTS, FRAMES)
    by_act_modality: dict[tuple[str, str], list[str]] = {}
    for e in examples:
        by_act_modality.setdefault((e.group, e.labels["modality"]), []).append(e.text)
    assert all(len(texts) == D.FRAMES_PER_MODALITY == len(set(texts)) for texts in by_act_modality.values())
    assert len({e.id for e in examples}) == len(examples)
    assert len(D.written(ACTS, FRAMES, per_modality=1)) * 2 == len(examples)


def test_a_malformed_row_names_its_line(tmp_path):
    bad = tmp_path / "acts.tsv"
    bad.write_text("# code\tbase\tpast\n180\tattack {T}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"acts.tsv:2"):
        D.written(bad, FRAMES)
    unknown = tmp_path / "acts2.tsv"
    unknown.write_text("903\tdo a thing\tdid a thing\n", encoding="utf-8")
    with pytest.raises(ValueError, match="903"):
        D.written(unknown, FRAMES)


def test_near_duplicates_share_a_group_and_others_do_not():
    texts = ["The army shelled the northern town on Monday night.",
             "The army shelled the northern town on Monday night, officials said.",
             "Farmers blocked the main highway with their tractors."]
    groups = D.near_duplicate_groups(texts, "x")
    assert groups[0] == groups[1] != groups[2]


def test_template_slots_are_filled_the_same_way_every_time():
    title = "{country_1} Expels Envoy of {country_2}"
    filled = D.fill_slots(title, "SYN-7")
    assert "{" not in filled and filled == D.fill_slots(title, "SYN-7")


def test_first_sentence_stops_at_the_first_full_stop():
    assert D.first_sentence("Troops left the city. Then it rained.\nMore.") == "Troops left the city."


def _two_article_gold(tmp_path):
    """A real-news gold file: a train article with a done act and a not-done one, a held-out one."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "a", "origin": "o1", "split": "train", "events": [{"plover": "ASSAULT", "cameo": "190", '
        '"quote": "Gunmen raided the depot"}], "not_done": [{"plover": "PROTEST", "modality": "expected", '
        '"quote": "unions may strike next week"}]}\n'
        '{"id": "b", "origin": "o2", "split": "heldout", "events": [{"plover": "AID", "cameo": "070", '
        '"quote": "Donors sent tents"}]}\n', encoding="utf-8")
    return gold


def test_realnews_reader_keeps_splits_apart(tmp_path):
    gold = _two_article_gold(tmp_path)
    train = D.realnews_train(gold)
    assert [e.text for e in train] == ["Gunmen raided the depot", "unions may strike next week"]
    assert train[0].labels == {"modality": "done", "cameo": "19", "class5": "4", "plover": "ASSAULT"}
    assert train[1].labels == {"modality": "intended"}
    assert {e.group for e in train} == {"realnews:o1"}
    assert [e.text for e in D.realnews_train(gold, "heldout")] == ["Donors sent tents"]
    assert D.realnews_train(tmp_path / "absent.jsonl") == []


def test_sentence_of_quote_finds_the_whole_sentence_and_the_quotes_span():
    sentences = ["The ministry said on Friday.", "Officials  said  gunmen\nraided the depot at dawn, police said."]
    sentence, (start, end) = D.sentence_of_quote("gunmen raided the depot", sentences)
    assert sentence == sentences[1] and sentence[start:end] == "gunmen\nraided the depot"
    assert D.sentence_of_quote("gunmen raided the bank", sentences) is None  # not in any one sentence
    assert D.sentence_of_quote("  ", sentences) is None


def test_realnews_acts_are_also_examples_of_their_whole_sentence_in_the_same_group(tmp_path):
    gold = _two_article_gold(tmp_path)
    asked = []

    def sentences_of(record):
        asked.append(record["id"])
        return ["Police said on Monday that Gunmen raided the depot before dawn.", "Nothing else happened."]

    train = D.realnews_train(gold, sentences_of=sentences_of)
    assert asked == ["a"]  # the heldout article is never read
    whole = [e for e in train if e.source == "realnews_sentence"]
    assert [e.text for e in whole] == ["Police said on Monday that Gunmen raided the depot before dawn."]
    assert whole[0].labels == train[0].labels and whole[0].group == train[0].group == "realnews:o1"
    start, end = whole[0].extra["quote_span"]
    assert whole[0].text[start:end] == "Gunmen raided the depot"


def test_a_whole_sentence_example_marks_the_quotes_main_verb_not_the_sentences():
    from eventscope.analyze import load_nlp

    text = "Police said on Monday that gunmen raided the depot before dawn."
    start = text.index("gunmen")
    example = D.Example("x", text, None, {"modality": "done"}, "g", "realnews_sentence",
                        {"quote_span": (start, start + len("gunmen raided the depot"))})
    D.mark_triggers([example], load_nlp())
    assert text[slice(*example.span)] == "raided"  # not the sentence's root, "said"
