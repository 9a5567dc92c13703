"""The event encoder's runtime (onnxruntime + tokenizers) and how the coder is configured to use
it; its hook in the coder (coding/judge.py) is tested in test_encoder_judge.py.

Sentences here are our own inventions. The model tests use the shipped model under
coding/data/models/; they skip when it is absent (a checkout before the first training)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from eventscope.coding import encoder as E

needs_model = pytest.mark.skipif(
    not E.EventEncoder.available() or any(E.find_spec(name) is None for name in E.RUNTIME),
    reason="no shipped event encoder, or its runtime (the `encoder` extra) is not installed")


@pytest.fixture(scope="module")
def encoder():
    return E.EventEncoder.load()


@pytest.fixture(scope="module")
def tokenizer():
    return E.load_tokenizer(E.model_dir() / E.TOKENIZER)


# --- marking and tokenisation ----------------------------------------------------------------
def test_marked_wraps_the_span_and_ignores_bad_spans():
    s = "Militias looted the depot."
    assert E.marked(s, (9, 15)) == f"Militias {E.OPEN} looted {E.CLOSE} the depot."
    assert E.marked(s, None) == s
    assert E.marked(s, (20, 99)) == s and E.marked(s, (5, 5)) == s


@needs_model
def test_markers_are_single_tokens_and_marker_points_at_the_opening_one(tokenizer):
    texts = [E.marked("Militias looted the depot.", (9, 15)), "No mark in this one at all."]
    feeds = E.encode(tokenizer, texts)
    assert feeds["input_ids"].shape == feeds["attention_mask"].shape
    assert feeds["input_ids"].shape[0] == 2
    row = feeds["input_ids"][0]
    assert row[feeds["marker"][0]] == tokenizer.token_to_id(E.OPEN)
    assert tokenizer.token_to_id(E.CLOSE) in row.tolist()
    assert feeds["marker"][1] == 0  # no mark: the [CLS] vector stands in
    # padding: the shorter row ends in zeros that the mask leaves out
    short = int(feeds["attention_mask"].sum(1).min())
    assert short < feeds["input_ids"].shape[1] or feeds["attention_mask"].all()


@needs_model
def test_long_sentences_are_truncated(tokenizer):
    feeds = E.encode(tokenizer, ["word " * 500])
    assert feeds["input_ids"].shape[1] == E.MAX_TOKENS


# --- the model ---------------------------------------------------------------------------------
def test_import_and_load_are_lazy():
    code = ("import sys; from eventscope.coding.encoder import EventEncoder; "
            "e = EventEncoder.load() if EventEncoder.available() else None; "
            "assert 'onnxruntime' not in sys.modules and 'torch' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)


@needs_model
def test_shapes_and_probabilities(encoder):
    items = [("Soldiers fired on the crowd outside the ministry.", (9, 14)),
             ("The envoy thanked her hosts.", None),
             ("", None)]
    out = encoder.predict(items)
    assert len(out) == 3
    for judgement in out:
        assert set(judgement.heads) == set(encoder.heads)
        for head, probs in judgement.heads.items():
            assert list(probs) == encoder.heads[head]
            assert abs(sum(probs.values()) - 1.0) < 1e-4
    assert encoder.predict([]) == []


@needs_model
def test_outputs_are_deterministic_and_in_input_order(encoder):
    items = [("Guerrillas ambushed an army convoy in the hills.", None),
             ("The two premiers agreed to reopen their embassies.", None),
             ("Dockworkers walked out over unpaid wages.", None)]
    first = encoder.logits([E.marked(s, sp) for s, sp in items])
    again = encoder.logits([E.marked(s, sp) for s, sp in items])
    for head in first:
        assert np.array_equal(first[head], again[head])
    # alone or among others, in any order, each sentence reads exactly the same
    for k, item in enumerate(items):
        single = encoder.logits([E.marked(*item)])
        for head in first:
            assert np.array_equal(single[head][0], first[head][k])
    reordered = encoder.logits([E.marked(s, sp) for s, sp in reversed(items)])
    for head in first:
        assert np.array_equal(reordered[head][::-1], first[head])


@needs_model
@pytest.mark.parametrize("sentence, span, head, expected", [
    ("Artillery units shelled the rebel stronghold for a third night, killing nine fighters.", (16, 23), "class5", "4"),
    ("Artillery units shelled the rebel stronghold for a third night, killing nine fighters.", (16, 23), "plover", "ASSAULT"),
    ("The foreign ministers of both countries met in the capital to discuss fishing rights.", (40, 43), "class5", "1"),
    ("Thousands of nurses marched through the city centre to protest against pay cuts.", (20, 27), "plover", "PROTEST"),
    ("The premier accused the opposition of stirring up unrest before the vote.", (12, 20), "class5", "3"),
])
def test_obvious_sentences(encoder, sentence, span, head, expected):
    judgement = encoder.predict([(sentence, span)])[0]
    assert judgement.best(head)[0] == expected, judgement[head]


@needs_model
def test_judge_clauses_shares_one_encoder():
    a = E.judge_clauses([("Police detained dozens of protesters.", None)])
    b = E.judge_clauses([("Police detained dozens of protesters.", None)])
    assert a[0].heads == b[0].heads and len(E._shared) == 1


@needs_model
def test_the_coder_can_let_the_encoder_judge_its_clauses():
    """On, every clause with an actor carries the model's judgement in its evidence."""
    from eventscope.models import Document
    from eventscope.pipeline import Processor, pipeline_config

    processor = Processor(config=pipeline_config(encoder=True))
    text = "Kenyan troops shelled rebel positions near the Ugandan border on Monday."
    (result,) = processor.process([Document(id="enc", text=text, date="2021-09-15")])
    judged = [e for e in result.events if e.source or e.target]
    assert judged and all(any(ev.kind == "model" and "class5" in ev.value for ev in e.evidence) for e in judged)
    assert pipeline_config()["components"]["eventscope_coding"]["encoder"] is False


def test_turning_the_encoder_on_without_its_runtime_says_so_in_one_line(monkeypatch):
    from eventscope.pipeline import build_pipeline, pipeline_config

    real = E.find_spec
    monkeypatch.setattr(E, "find_spec", lambda name: None if name == "onnxruntime" else real(name))
    with pytest.raises(E.EncoderUnavailable) as raised:
        build_pipeline(pipeline_config(encoder=True))
    message = str(raised.value)
    assert "\n" not in message and "onnxruntime" in message and "tokenizers" not in message
    assert "eventscope[encoder]" in message
    build_pipeline(pipeline_config())  # off (the default): nothing is asked of the runtime



def test_the_environment_switches_the_encoder_on_only_where_the_configuration_is_silent(monkeypatch):
    from eventscope.pipeline import pipeline_config

    def coding(config):
        return config["components"]["eventscope_coding"]["encoder"]

    monkeypatch.delenv(E.ENCODER_SWITCH, raising=False)
    assert coding(pipeline_config()) is False
    monkeypatch.setenv(E.ENCODER_SWITCH, "1")
    assert coding(pipeline_config()) is True and coding(pipeline_config(encoder=False)) is False
    monkeypatch.setenv(E.ENCODER_SWITCH, "0")
    assert coding(pipeline_config()) is False
