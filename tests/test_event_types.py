"""Event types on the constructions real news uses: courts, investigations, criticism,
wishes asked of others, known non-events. Every sentence here is invented."""

from __future__ import annotations

from conftest import coded_events


def _story_events(code_text, text, title="Regional news"):
    """coded_events of `text` as a story (it has a headline), not a sentence of a coded set;
    without the event the story model may add for the story's main type (here: what the clause
    and the sentence model make of it)."""
    return [(e.cameo, e.plover, tuple(a.country for a in e.source), tuple(a.country for a in e.target))
            for e in code_text(text, title=title).events
            if any(x.kind == "pattern" or x.value.startswith("class5 model") for x in e.evidence)]


def _plovers(code_text, text):
    return {plover for _, plover, _, _ in coded_events(code_text, text)}


def test_the_lexicon_can_name_a_known_non_event():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["face"], {"charge"}) is None  # CAMEO.2.0's "face -> 040" is overridden
    assert lex.match(["face"], {"coup"}).cameo == "012"  # a more specific derived pattern still codes
    assert lex.match(["demonstrate"], {"willingness"}) is None
    assert lex.match(["demonstrate"], set()).cameo == "141"


def test_a_court_sentence_is_a_conviction_not_an_arrest(code_text):
    events = coded_events(code_text, "A Kenyan court sentenced the Ugandan smuggler Okello Mutebi to ten years on Tuesday.")
    assert any(cameo == "116" and plover == "SANCTION" for cameo, plover, _, _ in events), events
    jailed = coded_events(code_text, "A Peruvian court jailed the Bolivian trader Evo Quispe for six years on Friday.")
    assert any(cameo == "116" for cameo, _, _, _ in jailed), jailed


def test_a_plea_in_court_is_no_appeal(code_text):
    events = coded_events(code_text, "The Chilean activist Rosa Pinto pleaded guilty to arson on Monday.")
    assert not any(plover == "REQUEST" for _, plover, _, _ in events), events
    from eventscope.knowledge.verb_lexicon import default_lexicon

    assert default_lexicon().match(["plead"], {"guilty", "not"}).cameo == "016"


def test_attacking_a_policy_is_criticism(lexicon_text, code_text):
    events = coded_events(lexicon_text, "Kenyan opposition leaders attacked the Ugandan government's border policy on Sunday.")
    assert any(plover == "ACCUSE" for _, plover, _, _ in events), events
    assert not any(plover == "ASSAULT" for _, plover, _, _ in events), events
    force = coded_events(code_text, "Somali militants attacked a Kenyan army base near Mandera.")
    assert any(plover == "ASSAULT" for _, plover, _, _ in force), force


def test_ordering_or_reopening_an_investigation_is_investigating(code_text):
    for text in ("The Peruvian attorney general ordered an investigation into the Bolivian consul.",
                 "Swedish prosecutors reopened their investigation into the Danish banker."):
        assert "ACCUSE" in _plovers(code_text, text), text
    dropped = coded_events(code_text, "Swedish prosecutors dropped the charges against the Danish banker Lars Holm.")
    assert any(plover == "CONCEDE" for _, plover, _, _ in dropped), dropped


def test_a_wish_that_another_act_is_an_appeal_to_it(code_text):
    events = coded_events(code_text, "Kenya wants Uganda to withdraw its troops from the border.")
    assert ("KEN",) in {src for _, plover, src, _ in events if plover == "REQUEST"}, events
    assert any(plover == "REQUEST" and "UGA" in tgt for _, plover, _, tgt in events), events
    assert not any(src == ("UGA",) for _, _, src, _ in events), events  # Uganda withdrew nothing
    own = coded_events(code_text, "Kenya wants to withdraw its troops from Somalia.")
    assert not any(plover == "REQUEST" for _, plover, _, _ in own), own


def test_balking_at_an_act_rejects_it(lexicon_text):
    events = coded_events(lexicon_text, "Bolivia balked at signing the trade agreement with Peru.")
    assert any(plover == "REJECT" for _, plover, _, _ in events), events
    assert not any(plover == "AGREE" for _, plover, _, _ in events), events


def test_withholding_aid_is_a_sanction(code_text):
    events = coded_events(code_text, "The Danish government withheld development aid from Tanzania last year.")
    assert any(cameo == "162" and plover == "SANCTION" for cameo, plover, _, _ in events), events


def test_launching_marches_is_a_protest_not_an_attack(code_text):
    events = coded_events(code_text, "Kenyan teachers launched marches against the Nairobi government on Monday.")
    assert "PROTEST" in {plover for _, plover, _, _ in events}, events
    assert "ASSAULT" not in {plover for _, plover, _, _ in events}, events


def test_event_nouns_with_a_named_doer_arecoded_events(code_text):
    visit = coded_events(code_text, "Ghana's president Nana Mensah's visit to Abuja ended on Friday with a dinner.")
    assert any(plover == "CONSULT" and src == ("GHA",) and tgt == ("NGA",) for _, plover, src, tgt in visit), visit
    talks = coded_events(code_text, "The talks between Peru and Bolivia ended without a statement on Friday.")
    assert any(plover == "CONSULT" and src == ("PER",) and tgt == ("BOL",) for _, plover, src, tgt in talks), talks
    strikes = coded_events(code_text, "Turkish air strikes on Syrian villages destroyed two bridges on Monday.")
    assert any(plover == "ASSAULT" and src == ("TUR",) for _, plover, src, _ in strikes), strikes
    occupied = coded_events(code_text, "The occupation by Morocco of the disputed towns continues.")
    assert any(cameo == "192" and src == ("MAR",) for cameo, _, src, _ in occupied), occupied


def test_a_possessive_of_an_arrest_is_its_target_not_its_doer(code_text):
    events = coded_events(code_text, "The arrest of the Kenyan activist by Ugandan police angered Nairobi.")
    assert any(plover == "COERCE" and src == ("UGA",) and tgt == ("KEN",) for _, plover, src, tgt in events), events
    own = coded_events(code_text, "Lopez's arrest in Caracas surprised his Peruvian friends.")
    assert not any(plover == "COERCE" for _, plover, _, _ in own), own  # no one named arrested him


def test_event_nouns_asked_for_threatened_or_planned_are_not_done(code_text):
    for text in ("Kenya called for talks with Uganda on the border.",
                 "Bolivia welcomed the prospect of talks with Chile.",
                 "Chile's planned visit to Lima was discussed in the cabinet.",
                 "Peru said Chile's visit to Lima would help the talks."):
        events = coded_events(code_text, text)
        assert not any(plover == "CONSULT" and src and src[0] in {"BOL", "CHL"} for _, plover, src, _ in events), (text, events)
    nameless = coded_events(code_text, "The talks ended on Friday in Lima.")
    assert not any(plover == "CONSULT" for _, plover, _, _ in nameless), nameless


def test_saying_another_should_act_is_a_demand_of_it(code_text):
    events = coded_events(code_text, "Kenya's foreign minister said Uganda should withdraw its troops from the border.")
    assert any(plover == "REQUEST" and src == ("KEN",) and "UGA" in tgt for _, plover, src, tgt in events), events
    assert not any(plover == "RETREAT" for _, plover, _, _ in events), events  # not done
    own = coded_events(code_text, "Kenya's foreign minister said we must defend the border.")
    assert not any(plover == "REQUEST" for _, plover, _, _ in own), own


def test_throwing_stones_is_a_violent_protest(code_text):
    events = coded_events(code_text, "Chilean students threw stones at police in Santiago on Monday.")
    assert any(cameo == "145" and plover == "PROTEST" for cameo, plover, _, _ in events), events



def test_publishing_a_report_frees_no_one_and_a_legal_battle_is_no_fight():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["release"], {"report", "public"}) is None
    assert lex.match(["release"], {"prisoner"}).cameo.startswith("084")
    assert lex.match(["battle"], {"extradition"}) is None
    assert lex.match(["fail"], {"answer"}) is None
    assert lex.match(["return"], {"home"}) is None


def test_a_conjoined_verb_shares_its_heads_modal(code_text):
    events = coded_events(code_text, "Peru's president said Bolivia should close the border and expel the Chilean envoy.")
    assert not any(plover == "COERCE" and src == ("BOL",) for _, plover, src, _ in events), events
    done = coded_events(code_text, "Bolivian police closed the border and expelled the Chilean envoy on Monday.")
    assert any(cameo.startswith("166") or cameo.startswith("174") for cameo, _, _, _ in done), done


def test_speaking_to_an_audience_is_no_consultation(code_text):
    events = coded_events(code_text, "Speaking in Lima on Monday, the Bolivian president Luis Arce praised Peru.")
    assert not any(plover == "CONSULT" for _, plover, _, _ in events), events


def test_an_allegation_is_the_event_and_its_content_is_not_done(code_text):
    events = coded_events(code_text, "Peruvian prosecutors alleged that the Bolivian consul Juan Mamani attacked a guard.")
    assert any(plover == "ACCUSE" and src == ("PER",) for _, plover, src, _ in events), events
    assert not any(plover == "ASSAULT" for _, plover, _, _ in events), events


def test_being_in_talks_with_someone_is_consulting_them(code_text):
    events = coded_events(code_text, "The Kenyan president is in talks with Ugandan officials about the border.")
    assert any(plover == "CONSULT" and src == ("KEN",) and tgt == ("UGA",) for _, plover, src, tgt in events), events


def test_being_on_a_visit_somewhere_is_visiting_its_host(code_text):
    events = coded_events(code_text, "The Kenyan president is on a three-day visit to Uganda.")
    assert any(plover == "CONSULT" and src == ("KEN",) and tgt == ("UGA",) for _, plover, src, tgt in events), events


def test_dragged_out_by_police_is_a_detention(code_text):
    events = coded_events(code_text, "The Bolivian activist Evo Quispe was dragged out of the consulate by Peruvian police on Monday.")
    assert any(plover == "COERCE" and src == ("PER",) for _, plover, src, _ in events), events


def test_no_verb_has_two_codes_for_the_same_objects():
    """Two rows for one (verb, objects) leave the second dead: the first in the file wins
    (Lexicon.match keeps the first of equally ranked patterns)."""
    from eventscope.knowledge.tsv import CODING_DATA, read_tsv

    seen: dict[tuple, str] = {}
    twice = []
    for lineno, row in read_tsv(CODING_DATA / "verbs.tsv"):
        objects = frozenset(frozenset(group.split("|")) for group in row["objects"].split("+"))
        key = (" ".join(row["verb"].split()), objects)
        if key in seen:
            twice.append(f"verbs.tsv:{lineno} {row['verb']} {row['objects']}: {seen[key]} and {row['cameo']}")
        seen.setdefault(key, row["cameo"])
    assert not twice, twice


def test_the_bare_verbs_call_strike_charge_protest_insist_have_one_reading(lexicon_text):
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["call"], set()).cameo == "041"  # a phone call; appeals are "call on/for"
    assert lex.match(["strike"], set()).cameo == "190"  # labour strikes are "go on strike"
    assert lex.match(["charge"], set()).cameo == "112"  # a charge accuses; it detains no one
    assert lex.match(["protest"], set()).cameo == "141"
    assert lex.match(["insist"], set()).cameo == "010" and lex.match(["insist on", "insist"], set()).cameo == "100"
    called = coded_events(lexicon_text, "The Kenyan president called his Ugandan counterpart Yoweri Museveni on Monday.")
    assert any(plover == "CONSULT" and src == ("KEN",) and tgt == ("UGA",) for _, plover, src, tgt in called), called
    struck = coded_events(lexicon_text, "Ethiopian forces struck Eritrean army positions near the border on Sunday.")
    assert any(plover == "ASSAULT" for _, plover, _, _ in struck), struck


def test_the_sentence_model_keeps_a_reading_the_lexicon_chose_by_its_words(code_text):
    """The model's lexicon features stand for a verb's default ("attack" 19, "warn" 13): in a
    story, an event coded by an object or particle pattern keeps its code."""
    policy = _story_events(code_text, "Kenyan opposition leaders attacked the Ugandan government's border policy on Sunday.")
    assert any(plover == "ACCUSE" for _, plover, _, _ in policy), policy
    assert not any(plover == "ASSAULT" for _, plover, _, _ in policy), policy
    warned = _story_events(code_text, "Bolivia's president warned Peru against raising tariffs.")
    assert any(plover == "REQUEST" and src == ("BOL",) for _, plover, src, _ in warned), warned
    assert not any(plover == "THREATEN" for _, plover, _, _ in warned), warned


def test_a_passive_or_participle_reads_its_subject_as_the_object(code_text):
    """"a report was released", "a report released on Monday": publishing frees no one."""
    for text in ("A report was released by the Rwandan government on Tuesday.",
                 "A long report released on Monday in Kigali blamed France for the massacres.",
                 "Kenya released a report on Tuesday."):
        events = _story_events(code_text, text)
        assert not any(plover in {"RETREAT", "CONCEDE"} for _, plover, _, _ in events), (text, events)
    freed = coded_events(code_text, "Two Ugandan prisoners were released by Kenya on Tuesday.")
    assert any(plover == "RETREAT" for _, plover, _, _ in freed), freed
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.rules_out(["release"], {"report"}) and not lex.rules_out(["release"], {"prisoner"})
    assert not lex.rules_out(["release"], set()) and not lex.rules_out(["zzz"], set())


def test_verb_readings_where_cameo_2_0_defaults_mislead():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["reach"], {"agreement"}).cameo == "030"  # the parties agree; signing is 057
    assert lex.match(["sign"], {"agreement"}).cameo == "057"
    assert lex.match(["invite"], set()).cameo == "036"  # PLOVER: an invitation is AGREE
    assert lex.match(["oppose"], {"talk", "peace"}).cameo == "125"
    assert lex.match(["oppose"], {"proposal"}).cameo == "120"
    assert lex.match(["oppose"], {"policy"}).cameo == "110"
    assert lex.match(["head to", "head"], set()).cameo == "042"
    assert lex.match(["give in", "give"], set()).cameo == "080"
    assert lex.match(["mend"], {"tie", "damaged"}).cameo == "050"
    assert lex.match(["tend"], set()) is None and lex.rules_out(["tend"], set())


def test_reaching_a_deal_is_agreeing_and_giving_in_concedes(code_text):
    deal = coded_events(code_text, "Kenya and Uganda reached a trade agreement on Friday after long talks in Arusha.")
    assert any(plover == "AGREE" for _, plover, _, _ in deal), deal
    assert not any(plover == "SUPPORT" for _, plover, _, _ in deal), deal
    gave = coded_events(code_text, "After weeks of pressure from Washington, the Peruvian president gave in.")
    assert any(plover == "CONCEDE" and src == ("PER",) for _, plover, src, _ in gave), gave
    habit = _story_events(code_text, "Bolivia has tended to pay a price for defying Brazil.")
    assert not any(plover in {"AID", "REJECT"} for _, plover, _, _ in habit), habit


def test_taking_is_no_seizure_by_itself_and_resisting_rejects(code_text):
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["take"], {"line", "hard"}) is None  # CAMEO.2.0's bare "take" is 171
    assert lex.match(["take"], {"street"}).cameo.startswith("14")  # what is taken still decides
    assert lex.match(["embroil in", "embroil"], {"row"}) is None  # no derived "embroil in" rejection
    assert lex.match(["resist"], {"pressure"}).cameo == "120"
    assert lex.match(["resist"], {"offensive"}).cameo == "190"
    assert lex.match(["conduct"], {"test", "missile"}).cameo == "150"  # CAMEO.2.0: conduct -> 060
    line = coded_events(code_text, "Peru has taken a softer line on Bolivia since March.")
    assert not any(plover == "COERCE" for _, plover, _, _ in line), line
    test = coded_events(code_text, "Iran conducted a ballistic missile test on Friday.")
    assert any(plover == "MOBILIZE" and src == ("IRN",) for _, plover, src, _ in test), test
    resisted = coded_events(code_text, "Kenya resisted pressure from Uganda to close the border.")
    assert any(plover == "REJECT" and src == ("KEN",) for _, plover, src, _ in resisted), resisted
