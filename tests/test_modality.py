"""Whether a clause is reported as done (coding.modality, coding/data/modality.tsv): acts the
text does not report as done are withheld, with their reason, and done acts are not. Our own
invented sentences."""

import pytest

from eventscope.coding.modality_codes import withheld_reason


def roots(result) -> list[str]:
    return [e.cameo_root for e in result.events]


@pytest.mark.parametrize("text, root, reason", [
    ("Russia did not attack Ukraine's border posts.", "19", "negated"),
    ("If Kenya expels the Ugandan ambassador, Uganda will retaliate.", "16", "conditional"),
    ("Diplomats expect that Kenya will expel the Ugandan ambassador.", "16", "speculative"),
    ("Western analysts say Egypt will send troops to Sudan.", "15", "forecast by another"),
])
def test_an_act_not_done_is_withheld_with_its_reason(code_text, text, root, reason):
    result = code_text(text)
    assert root not in roots(result)
    withheld = [(e.cameo_root, withheld_reason(e)) for e in result.withheld]
    assert (root, reason) in withheld, withheld


def test_a_done_act_is_not_withheld(code_text):
    result = code_text("Kenya expelled the Ugandan ambassador on Monday.")
    assert "16" in roots(result) and result.withheld == []
    assert all(withheld_reason(e) is None for e in result.events)


def coded(result) -> list[tuple]:
    return [(e.cameo_root, e.plover, tuple(a.country for a in e.source), tuple(a.country for a in e.target))
            for e in result.events]


@pytest.mark.parametrize("text, expected", [
    # a relative clause set off by commas tells a fact about its noun, whatever the clause says
    ("Norway, which sends millions of dollars of aid to Sudan, would host the donor conference.",
     ("07", "AID", ("NOR",), ("SDN",))),
    # a presupposed adverbial clause: the main clause's negation does not reach it ...
    ("Japan sees no hope for talks while South Korea orders a missile drill.", ("KOR",)),
    ("While Russia lifted its sanctions on Turkey, it made no mention of the gas deal.",
     ("08", "RETREAT", ("RUS",), ("TUR",))),
    # ... and in the past nothing above it does
    ("Sweden decided to reopen the case after British police arrested the Australian activist.",
     ("17", "COERCE", ("GBR",), ("AUS",))),
    # saying "I can confirm" confirms
    ("\"I can confirm that the police arrested the opposition leader,\" the Ugandan minister said.",
     ("17", "COERCE")),
])
def test_done_acts_inside_doubtful_clauses_are_coded(code_text, text, expected):
    events = coded(code_text(text))
    assert any(e[:len(expected)] == expected or e[2] == expected for e in events), events


@pytest.mark.parametrize("text", [
    "Any country that attacks Israel would face retaliation.",  # a restrictive relative clause
    "Israel will retaliate after Hamas attacks its towns.",  # a present-tense clause under a future one
    "Saudi Arabia seemingly sent weapons to the Syrian rebels.",  # "seemingly": no more than it seems
])
def test_acts_under_a_future_or_a_doubt_stay_not_done(code_text, text):
    result = code_text(text)
    assert not any(e.cameo_root in {"07", "19"} for e in result.events), coded(result)


@pytest.mark.parametrize("text, root", [
    ("Russia will not attend the peace talks with Ukraine in Geneva.", "12"),
    ("The European Union won't send aid to Syria.", "12"),
    ("Russia said it would not attend the peace talks with Ukraine.", "12"),
])
def test_a_cooperative_act_its_doer_will_not_do_is_a_rejection(code_text, text, root):
    assert root in roots(code_text(text)), coded(code_text(text))


@pytest.mark.parametrize("text", [
    "Russia will not attack Ukraine.",  # not attacking rejects nothing
    "Analysts say Russia will not attend the peace talks with Ukraine.",  # someone else's forecast
    "Russia would not have attended the peace talks with Ukraine.",  # a counterfactual
    "Russia did not attend the peace talks with Ukraine.",  # nothing said about a refusal
])
def test_other_negated_acts_are_no_rejection(code_text, text):
    assert "12" not in roots(code_text(text)), coded(code_text(text))


@pytest.mark.parametrize("text, root", [
    ("Kenya said Uganda must not close the border.", "10"),
    ("France urged Mali not to expel the UN mission.", "02"),
])
def test_asking_that_an_act_not_be_done_is_an_appeal_or_demand(code_text, text, root):
    result = code_text(text)
    assert root in roots(result), coded(result)
    assert not any(e.cameo_root in {"16", "17"} for e in result.events)


@pytest.mark.parametrize("text, reason", [
    # a meeting still to come that an outlet or an unnamed statement relays is a schedule
    ("The Kenyan foreign minister will meet the Ugandan president on Friday, a statement said.", "planned"),
    ("Kenya will host talks with Uganda next week, a Nairobi radio station reported.", "planned"),
    # a timetable is nobody's intent (modality.tsv `scheduling`)
    ("The Kenyan president is scheduled to visit Kampala next month.", "scheduled"),
    ("The Kenyan president is due to meet his Ugandan counterpart in Kampala on Friday.", "scheduled"),
])
def test_a_meeting_still_to_come_is_withheld_not_an_intent(code_text, text, reason):
    result = code_text(text)
    assert not any(e.plover in {"CONSULT", "AGREE"} and [a.country for a in e.source] == ["KEN"]
                   for e in result.events), coded(result)
    assert ("CONSULT", reason) in [(e.plover, withheld_reason(e)) for e in result.withheld]


@pytest.mark.parametrize("text, expected", [
    ("The Kenyan president said he will meet his Ugandan counterpart next week.", ("036", "AGREE")),  # said by its doer
    ("Kenya agreed to meet Uganda next week.", ("036", "AGREE")),  # a commitment frame
    ("The Kenyan president praised the deal before he travelled to Kampala.", ("042", "CONSULT")),  # it came
    # a present-tense clause of "before" is still to come (modality.tsv `anticipating`): an intent
    ("The Kenyan president praised the deal before he travels to Kampala next week.", ("036", "AGREE")),
])
def test_a_meeting_its_doer_commits_to_or_held_stays_coded(code_text, text, expected):
    result = code_text(text)
    assert expected in [(e.cameo, e.plover) for e in result.events], coded(result)
    assert expected[0] != "036" or "CONSULT" not in [e.plover for e in result.events]


def test_a_statement_is_not_recoded_into_the_act_withheld_in_its_sentence(code_text):
    # the meeting is withheld as planned; the model must not make the relaying verb a meeting
    result = code_text("Kenya will host talks with Uganda next week, a Nairobi radio station reported.")
    assert not any(e.plover in {"CONSULT", "AGREE"} for e in result.events), coded(result)


def test_an_attempt_in_the_future_is_a_forecast_when_someone_else_says_it(code_text):
    result = code_text("Western diplomats say Kenya will try to expel the Ugandan ambassador.")
    assert not any(e.cameo_root == "16" for e in result.events), coded(result)


@pytest.mark.parametrize("text, expected", [
    # an intent not to do a cooperative act is a refusal (frame_codes.tsv `refuse`) ...
    ("Kenya decided not to attend the summit in Uganda.", ("125", "REJECT", ("KEN",))),
    # ... not to do a hostile one, a promise to de-escalate (`restraint`), never the hostile act
    ("Kenya pledged not to attack Ugandan border posts.", ("0356", "AGREE", ("KEN",))),
])
def test_an_intent_not_to_act_is_a_refusal_or_a_promise(code_text, text, expected):
    result = code_text(text)
    assert expected in [(e.cameo, e.plover, tuple(a.country for a in e.source)) for e in result.events], coded(result)
    assert not any(e.cameo_root in {"04", "19"} for e in result.events)


def test_an_act_not_to_be_done_under_a_frame_without_a_restraint_code_is_withheld(code_text):
    # neither a refusal nor a promise: the act keeps its code and is withheld (it once had no code
    # left and the coder raised on it)
    result = code_text("Uganda threatened not to attend the summit in Kenya.")
    assert not any(e.cameo_root in {"04", "19"} for e in result.events), coded(result)
    assert any(withheld_reason(e) == "negated act" for e in result.withheld), coded(result)


def test_an_act_its_doer_failed_to_do_is_withheld(code_text):
    result = code_text("Uganda failed to release the Kenyan prisoners.")
    assert not any(e.cameo_root == "08" for e in result.events), coded(result)
    assert ("08", "negated") in [(e.cameo_root, withheld_reason(e)) for e in result.withheld]


def test_modality_data_files_are_well_formed():
    """modality.tsv kinds the coder reads exist and are lower-case words; every code the frame
    table makes of an act is a CAMEO code (or keep / drop)."""
    from eventscope.knowledge import taxonomy
    from eventscope.knowledge.verb_lexicon import default_lexicon, frame_rules

    lexicon = default_lexicon()
    for kind in ("negator", "conditional", "future", "prospective", "scheduling", "anticipating", "negating"):
        words = lexicon.modality.get(kind)
        assert words and all(w == w.lower().strip() for w in words), kind
    rules = frame_rules()
    assert rules["future"]["04"] == "-" and rules["future"]["*"] == "="
    for frame, table in rules.items():
        for prefix, result in table.items():
            assert prefix == "*" or prefix.isdigit(), (frame, prefix)
            assert result in {"=", "-"} or taxonomy.cameo(result).code == result, (frame, prefix, result)


def test_a_forecast_by_a_number_of_others_is_theirs(code_text):
    # "a number of analysts": the analysts say it, not the doers
    result = code_text("A number of analysts say that Kenya and Uganda will seek to restore diplomatic ties.")
    assert not any(e.cameo_root in {"03", "05"} for e in result.events), coded(result)
    assert "forecast by another" in [withheld_reason(e) for e in result.withheld]


@pytest.mark.parametrize("text, root", [
    ("Kenya did not attend the summit or expel the Ugandan ambassador.", "16"),  # a bare verb sharing "did not"
    ("Uganda never attacked or raided the Kenyan border posts.", "19"),  # "or" carries the negation
])
def test_a_negation_covers_the_verbs_it_is_shared_with(code_text, text, root):
    result = code_text(text)
    assert root not in roots(result), coded(result)
    assert (root, "negated") in [(e.cameo_root, withheld_reason(e)) for e in result.withheld]


@pytest.mark.parametrize("text", [
    "Kenya did not attend the summit but expelled the Ugandan ambassador.",  # "but": a clause of its own
    "Kenya said it had not attended the summit but had expelled the Ugandan ambassador.",
])
def test_a_negation_in_one_clause_does_not_withhold_another(code_text, text):
    assert "16" in roots(code_text(text)), coded(code_text(text))


@pytest.mark.parametrize("text", [
    "Kenya threatened not to attend the summit in Uganda.",  # no restraint frame: the negated act is withheld
    "Kenya pledged not to criticize the Ugandan government.",  # not accusing is neither refusal nor yielding
])
def test_other_frames_over_a_negated_act_withhold_it(code_text, text):
    result = code_text(text)
    assert "negated act" in [withheld_reason(e) for e in result.withheld], coded(result)


def _model_event(plover: str, cameo: str, decides: str | None = None):
    from eventscope.models import Actor, Event, Evidence

    note = Evidence("model", f"PLOVER model {plover} p=0.9", decides=decides)
    return Event(doc_id="d", sentence=2, span=(0, 10), source=[Actor(name="Ruritania", country="RUR")], target=[],
                 cameo=cameo, cameo_root=cameo[:2], goldstein=1.0, quad_class=1, plover=plover, evidence=(note,))


def test_a_model_reading_of_a_withheld_act_is_withheld_but_not_the_story_main_event():
    # the sentence's act "will meet" was withheld as planned; a model that reads the sentence as a
    # meeting reads that act again, the story model read the whole story
    from eventscope.coding.modality_codes import withhold_model_readings
    from eventscope.coding.selection import MAIN_EVENT
    from eventscope.models import Evidence

    planned = _model_event("CONSULT", "040")
    planned.evidence = (Evidence("pattern", "meet - -> 040"), Evidence("rule", "withheld as not done: planned"))
    sentence_model, story_main = _model_event("CONSULT", "040"), _model_event("CONSULT", "040", decides=MAIN_EVENT)
    kept, withheld = withhold_model_readings([sentence_model, story_main], [planned])
    assert kept == [story_main]
    assert withheld[-1] is sentence_model and withheld_reason(sentence_model) == "planned"


@pytest.mark.parametrize("text, root, reason", [
    # "unable to", "yet to": the act did not happen (modality.tsv `negating`, `pending`)
    ("Argentina was unable to reach an agreement with Chile on the border.", "03", "negated"),
    ("Ecuador has yet to release the Colombian prisoners.", "08", "negated"),
    ("Mexico is yet to sign the trade deal with Peru.", "05", "negated"),
    # "needs to": an obligation, not an act done
    ("Nigeria needs to impose sanctions on the militia leaders.", "16", "speculative"),
    # "called for X to": the act asked for (an adverbial "for" clause of an appeal)
    ("Thailand called for Cambodia to withdraw its troops from the temple.", "08", "speculative"),
])
def test_an_act_still_to_be_done_is_withheld(code_text, text, root, reason):
    result = code_text(text)
    assert root not in roots(result), coded(result)
    withheld = [(e.cameo_root, withheld_reason(e)) for e in result.withheld]
    assert (root, reason) in withheld, withheld


def test_done_acts_beside_those_words_stay_done(code_text):
    # "yet" as a conjunction, "needed" as a plain verb, a "for" phrase of a done act
    for text, root in [("Ecuador released the Colombian prisoners, yet it kept their leader.", "08"),
                       ("Chile sent Peru the food aid it needed.", "07"),
                       ("Thailand called on Cambodia to withdraw its troops.", "02")]:
        assert root in roots(code_text(text)), (text, coded(code_text(text)))


def test_the_class5_model_codes_no_act_from_an_option_weighed(code_text):
    # "mulling a ban": the sentence model reads a ban, but nothing is banned (`deliberating`)
    result = code_text("Denmark is mulling a ban on Russian fishing ships.")
    assert not any(e.cameo_root in {"16", "17", "19"} for e in result.events), coded(result)


def test_an_event_noun_planned_or_called_off_is_not_held(code_text):
    # the noun is the subject of a verb that plans or cancels it (modality.tsv `unrealising`)
    for text in ("Talks between Iran and Iraq are planned for next week.",
                 "The Kenyan president's visit to Uganda was postponed."):
        assert not any(e.cameo_root == "04" for e in code_text(text).events), (text, coded(code_text(text)))
    held = code_text("Talks between Iran and Iraq took place in Baghdad on Monday.")
    assert any(e.cameo_root == "04" for e in held.events), coded(held)


def test_a_mistagged_lemma_still_governs_as_its_verb(code_text):
    # the tagger lemmatises "hoped" as "hop"; the lexicon knows the form is "hope" (speculative)
    result = code_text("Chad hoped Sudan would release the prisoners.")
    assert "08" not in roots(result) and not any(e.cameo == "0353" for e in result.events), coded(result)


def test_an_act_said_to_be_imminent_is_not_done(code_text):
    result = code_text("Officials in Khartoum say an attack by Chad is imminent.")
    assert "19" not in roots(result), coded(result)


def test_the_class5_model_does_not_recode_an_option_weighed_into_an_act(code_text):
    result = code_text("Chad is weighing sanctions on Sudan.")
    assert not any(e.cameo_root in {"16", "17"} for e in result.events), coded(result)


@pytest.mark.parametrize("text, root", [
    ("Nigerian police prevented opposition supporters from marching to the parliament in Abuja.", "14"),
    ("The Kenyan navy prevented Somali pirates from attacking a cargo ship off Mombasa.", "19"),
])
def test_an_act_someone_prevented_is_not_done(code_text, text, root):
    # the act is stopped before it happens; nor is the one who stopped it its doer
    assert root not in roots(code_text(text))


def test_an_act_kept_up_is_done(code_text):
    assert "19" in roots(code_text("Syrian rebels kept attacking army posts near Idlib on Sunday."))


def test_an_act_warned_against_is_not_done(code_text):
    # "against joining": the act is opposed; Kenya does not join, nor is it said that Uganda did
    result = code_text("Kenya warned Uganda against joining NATO on Monday.")
    assert not [e for e in result.events if e.trigger == "joining"], [(e.trigger, e.cameo) for e in result.events]
    assert [e.trigger for e in result.withheld] == ["joining"]
