"""The event encoder's runtime (onnxruntime + tokenizers) and the coder hook (coding/judge.py).

Sentences here are our own inventions. The model tests use the shipped model under
coding/data/models/; they skip when it is absent (a checkout before the first training)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from eventscope.coding import encoder as E
from eventscope.coding import judge
from eventscope.models import Event, Evidence

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


# --- the hook ------------------------------------------------------------------------------
def _event(cameo="190", plover="ASSAULT", trigger="shelled", span=(0, 40)):
    return Event(doc_id="d", sentence=0, span=span, source=[], target=[], cameo=cameo, cameo_root=cameo[:2],
                 goldstein=-10.0, quad_class=4, plover=plover, trigger=trigger,
                 evidence=(Evidence("pattern", "verb 'shell'"),))


def _judgement(class5: str, cameo: str, plover: str, modality: str = "done") -> E.Judgement:
    def one_hot(labels, best):
        return {k: (0.9 if k == best else 0.1 / (len(labels) - 1)) for k in labels}
    roots = [f"{n:02d}" for n in range(1, 21)]
    return E.Judgement({"class5": one_hot(list("01234"), class5), "cameo": one_hot(roots, cameo),
                        "plover": one_hot(["ASSAULT", "PROTEST", "CONSULT", "NONE"], plover),
                        "mode": one_hot(["PROTEST/", "PROTEST/strike", "ASSAULT/"], "PROTEST/strike"),
                        "modality": one_hot(["done", "negated"], modality)})


def test_clause_input_finds_the_trigger_in_its_clause():
    sentence = "Crowds shelled? No: the army shelled the town."
    event = _event(span=(100 + 20, 100 + 46))
    text, span = judge.clause_input(event, sentence, 100)
    assert text[span[0]:span[1]] == "shelled" and span[0] > 20
    assert judge.clause_input(_event(trigger=""), sentence, 100)[1] is None
    assert judge.clause_input(_event(trigger="bombed"), sentence, 100)[1] is None


def test_decide_keeps_a_code_of_the_models_class_and_recodes_another():
    kept = judge.decide(_event(), _judgement("4", "14", "PROTEST"), "m@1")
    assert kept.cameo == "190" and kept.plover == "ASSAULT"  # the type follows the code
    assert kept.evidence[0] == Evidence("pattern", "verb 'shell'")  # the rule that proposed it stays first
    assert "m@1 class5 4" in kept.evidence_text and kept.evidence[1].kind == "model"
    assert kept.evidence[1].weight == 0.9
    assert "modality done" in kept.evidence_text
    recoded = judge.decide(_event(), _judgement("1", "04", "CONSULT"), "m@1")
    assert recoded.cameo_root == "04" and recoded.quad_class == 1 and recoded.plover == "CONSULT"
    assert "CAMEO 190 -> 04" in recoded.evidence_text
    # the most probable root *of the chosen class*, even when another class's root is likelier
    odd = judge.decide(_event(), _judgement("1", "19", "CONSULT"), "m@1")
    assert odd.cameo_root in ("03", "04", "05")


def test_settle_vetoes_acts_not_done_in_stories_only_when_configured():
    veto = judge.JudgeSettings(veto=0.8)
    story = judge.settle(_event(), _judgement("4", "19", "ASSAULT", "negated"), "m", veto)
    assert story is None
    sentence_set = judge.settle(_event(), _judgement("4", "19", "ASSAULT", "negated"), "m", veto, sentence_set=True)
    assert sentence_set is not None and sentence_set.cameo == "190"
    # a verbal act whose code says what was not done (a threat, an accusation) is done when said
    threat = _event(cameo="138", plover="THREATEN")
    assert judge.settle(threat, _judgement("3", "13", "THREATEN", "negated"), "m", veto) is threat
    below = judge.JudgeSettings(veto=0.95)
    assert judge.settle(_event(), _judgement("4", "19", "ASSAULT", "negated"), "m", below) is not None
    assert judge.settle(_event(), _judgement("4", "19", "ASSAULT", "negated"), "m") is not None  # the default


def test_settle_recodes_only_when_sure_and_never_a_statement_or_a_threat():
    unsure = judge.JudgeSettings(recode=0.95)
    assert judge.settle(_event(), _judgement("1", "04", "CONSULT"), "m", unsure, sentence_set=True).cameo == "190"
    assert judge.settle(_event(), _judgement("1", "04", "CONSULT"), "m", sentence_set=True).cameo_root == "04"
    statement = _event(cameo="010", plover=None)
    assert judge.settle(statement, _judgement("4", "19", "ASSAULT"), "m", sentence_set=True).cameo == "010"
    no_statement = judge.settle(_event(), _judgement("0", "01", "NONE"), "m", sentence_set=True)
    assert no_statement.cameo == "190"  # no act is made a statement
    threat = _event(cameo="138", plover="THREATEN")
    assert judge.settle(threat, _judgement("4", "19", "ASSAULT"), "m", sentence_set=True).cameo == "138"


def test_a_story_is_recoded_only_when_configured_and_only_in_allowed_pairs():
    assert judge.settle(_event(), _judgement("1", "04", "CONSULT"), "m").cameo == "190"  # the default: never
    unsure = judge.JudgeSettings(story_recode=0.95)
    assert judge.settle(_event(), _judgement("1", "04", "CONSULT"), "m", unsure).cameo == "190"
    on = judge.JudgeSettings(story_recode=0.8)
    assert judge.settle(_event(), _judgement("1", "04", "CONSULT"), "m", on).cameo_root == "04"
    other_pair = judge.JudgeSettings(story_recode=0.8, recode_pairs=frozenset({(3, 4)}))
    assert judge.settle(_event(), _judgement("1", "04", "CONSULT"), "m", other_pair).cameo == "190"
    this_pair = judge.JudgeSettings(story_recode=0.8, recode_pairs=frozenset({(4, 1)}))
    assert judge.settle(_event(), _judgement("1", "04", "CONSULT"), "m", this_pair).cameo_root == "04"


def test_settle_all_drops_vetoed_events_and_leaves_unjudged_ones():
    kept, vetoed, unjudged = _event(trigger="a"), _event(trigger="b"), _event(trigger="c")
    judged = {0: _judgement("4", "19", "ASSAULT"), 1: _judgement("4", "19", "ASSAULT", "negated")}
    out = judge.settle_all([kept, vetoed, unjudged], judged, "m", judge.JudgeSettings(veto=0.5), sentence_set=False)
    assert [e.trigger for e in out] == ["a", "c"]
    assert "m class5 4" in out[0].evidence_text and "m class5" not in out[1].evidence_text


def test_settle_blends_confidence_in_sentence_sets():
    event = _event()
    event.confidence = 0.5
    judge.settle(event, _judgement("4", "19", "ASSAULT"), "m", sentence_set=True)
    assert event.confidence == 0.7  # (0.5 + 0.9) / 2
    other = _event()
    other.confidence = 0.5
    judge.settle(other, _judgement("4", "19", "ASSAULT"), "m")
    assert other.confidence == 0.5  # a story's confidences stay the coder's


class _FixedEncoder:
    name = "fixed@1"

    def __init__(self, judgement):
        self.judgement, self.inputs = judgement, []

    def predict(self, items):
        self.inputs += items
        return [self.judgement for _ in items]


def _parsed(text, title=None):
    from eventscope.actors.mentions import DocActors
    from eventscope.analyze import load_nlp
    from eventscope.models import Document

    document = Document(id="d", text=text, title=title)
    doc = load_nlp()(text)
    return document, doc, DocActors(doc, document)


def test_revise_adds_an_event_to_an_uncoded_actor_clause_of_a_sentence_set():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    text = "Kenya's government however has frowned upon the fishing rules of Uganda."
    document, doc, actors = _parsed(text)
    fixed = _FixedEncoder(_judgement("3", "11", "ACCUSE"))
    (event,) = judge.revise(document, doc, actors, [], fixed, default_lexicon())
    assert event.cameo_root == "11" and event.trigger == "frowned"
    assert [a.country for a in event.source] == ["KEN"] and [a.country for a in event.target] == ["UGA"]
    assert "fixed@1 class5 3: event added" in event.evidence_text
    assert fixed.inputs[0][0][slice(*fixed.inputs[0][1])] == "frowned"  # the clause's verb is marked
    unsure = judge.JudgeSettings(create=0.95)
    assert judge.revise(document, doc, actors, [], fixed, default_lexicon(), unsure) == []
    # a story gets no event from the model, and a sentence without an actor none either
    story = _parsed(text, title="Kenya and Uganda")
    assert judge.revise(*story, [], fixed, default_lexicon()) == []
    assert judge.revise(*_parsed("It rained all day over the hills."), [], fixed, default_lexicon()) == []


def test_a_sentence_whose_only_event_an_analyst_would_drop_gets_the_models_event():
    """Aid the coder found no recipient for is dropped after the judge (selection.analyst_events):
    the sentence counts as uncoded, and the model's event takes its actors from the root clause."""
    from eventscope.coding.selection import analyst_events
    from eventscope.knowledge.verb_lexicon import default_lexicon
    from eventscope.models import Actor

    text = "Norway gave two million dollars for schools in Peru."
    document, doc, actors = _parsed(text)
    no_recipient = _event(cameo="070", plover="AID", trigger="gave", span=(0, len(text)))
    no_recipient.source = [Actor(name="Norway", country="NOR", text="Norway")]
    assert analyst_events([no_recipient]) == []
    fixed = _FixedEncoder(_judgement("2", "07", "AID"))
    out = judge.revise(document, doc, actors, [no_recipient], fixed, default_lexicon())
    (filed,) = analyst_events(out)
    assert filed.cameo_root == "07" and "event added" in filed.evidence_text
    assert [a.country for a in filed.source] == ["NOR"] and [a.country for a in filed.target] == ["PER"]
    # an event an analyst files leaves its sentence to the coder
    filed_already = _event(cameo="070", plover="AID", trigger="gave", span=(0, len(text)))
    filed_already.source, filed_already.target = no_recipient.source, [Actor(name="Peru", country="PER", text="Peru")]
    assert judge.revise(document, doc, actors, [filed_already], fixed, default_lexicon()) == [filed_already]


def test_a_story_is_not_read_by_the_encoder_unless_a_reading_could_change_it():
    from eventscope.knowledge.verb_lexicon import default_lexicon
    from eventscope.models import Actor

    text = "Kenyan troops shelled rebel positions near the Ugandan border on Monday."
    story = _parsed(text, title="Kenya shells rebels")

    def shelling():
        event = _event(span=(0, len(text)))
        event.source = [Actor(name="Kenya", country="KEN", sector="MIL", text="Kenyan troops")]
        return event

    unread, fixed = shelling(), _FixedEncoder(_judgement("3", "11", "ACCUSE", "negated"))
    assert judge.revise(*story, [unread], fixed, default_lexicon()) == [unread]  # the default settings
    assert fixed.inputs == [] and "model" not in unread.evidence_text
    assert judge.revise(*story, [shelling()], fixed, default_lexicon(), judge.JudgeSettings(veto=0.5)) == []
    assert len(fixed.inputs) == 1  # with a veto set the story's event is read (and vetoed)
    (read,) = judge.revise(*_parsed(text), [shelling()], fixed, default_lexicon())
    assert len(fixed.inputs) == 2 and "fixed@1 class5 3" in read.evidence_text  # a sentence set is read


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


def test_a_vetoed_act_is_withheld_with_the_models_name_and_probabilities():
    from eventscope.coding.modality_codes import withheld_reason

    kept, vetoed, unjudged = _event(trigger="a"), _event(trigger="b"), _event(trigger="c")
    judged = {0: _judgement("4", "19", "ASSAULT"), 1: _judgement("4", "19", "ASSAULT", "negated")}
    withheld = []
    out = judge.settle_all([kept, vetoed, unjudged], judged, "m@2", judge.JudgeSettings(veto=0.85),
                           sentence_set=False, withheld=withheld)
    assert [e.trigger for e in out] == ["a", "c"] and withheld == [vetoed]
    reason = withheld_reason(vetoed)
    assert reason is not None and "m@2" in reason and "negated" in reason and "0.90" in reason
    weights = {e.value: e.weight for e in vetoed.evidence if e.kind == "model"}
    assert weights == {"m@2 modality negated": 0.9, "m@2 modality done": 0.1}
    assert withheld_reason(kept) is None


def test_the_veto_reads_the_probability_of_not_done_summed_over_its_modalities():
    # done 0.4, each of three not-done modalities 0.2: p(not done) 0.6, though "done" is likeliest
    spread = E.Judgement({"class5": {"4": 1.0}, "cameo": {"19": 1.0}, "plover": {"ASSAULT": 1.0}, "mode": {"ASSAULT/": 1.0},
                          "modality": {"done": 0.4, "negated": 0.2, "intended": 0.2, "hypothetical": 0.2}})
    assert judge.not_done_reading(spread) == ("negated", pytest.approx(0.6))
    assert judge.settle(_event(), spread, "m", judge.JudgeSettings(veto=0.55)) is None
    assert judge.settle(_event(), spread, "m", judge.JudgeSettings(veto=0.7)) is not None


def test_with_only_a_veto_a_storys_verbal_acts_are_not_read():
    veto, recode = judge.JudgeSettings(veto=0.9), judge.JudgeSettings(veto=0.9, story_recode=0.8)
    threat, shelling = _event(cameo="138", plover="THREATEN"), _event()
    assert not judge.needs_reading(threat, veto, sentence_set=False)  # a threat is done when said
    assert judge.needs_reading(shelling, veto, sentence_set=False)
    assert judge.needs_reading(threat, recode, sentence_set=False)  # a recode could change it
    assert judge.needs_reading(threat, veto, sentence_set=True)
    assert not judge.needs_reading(shelling, judge.JudgeSettings(), sentence_set=False)


def test_revise_hands_a_storys_vetoed_acts_to_the_withheld_list():
    from eventscope.knowledge.verb_lexicon import default_lexicon
    from eventscope.models import Actor

    text = "Kenyan troops shelled rebel positions near the Ugandan border on Monday."
    story = _parsed(text, title="Kenya shells rebels")
    event = _event(span=(0, len(text)))
    event.source = [Actor(name="Kenya", country="KEN", sector="MIL", text="Kenyan troops")]
    fixed, withheld = _FixedEncoder(_judgement("4", "19", "ASSAULT", "negated")), []
    kept = judge.revise(*story, [event], fixed, default_lexicon(), judge.JudgeSettings(veto=0.8), withheld=withheld)
    assert kept == [] and withheld == [event] and "withheld as not done: fixed@1" in event.evidence_text
