"""The coder hook of the event encoder (coding/judge.py): which clauses it reads, and how its
judgements keep, recode, veto or add events. A fixed stand-in encoder gives the judgements, so
these tests need no model.

Sentences here are our own inventions."""

from __future__ import annotations

import pytest

from eventscope.coding import encoder as E
from eventscope.coding import judge
from eventscope.models import Event, Evidence


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
