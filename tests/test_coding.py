"""Behaviour of the coder on invented sentences (not from any dev set)."""

from __future__ import annotations

import pytest

from conftest import assert_types, coded_events


def codes(result):
    return [(e.cameo, [a.country for a in e.source], [a.country for a in e.target]) for e in result.events]


def test_plain_action_is_coded(code_text):
    r = code_text("Egypt condemned the Israeli air strikes on Gaza.")
    assert any(c.startswith("11") and "EGY" in s for c, s, t in codes(r))


def test_negated_action_is_not_coded(code_text):
    r = code_text("Germany did not sign the agreement with France.")
    assert not any(c.startswith("05") for c, s, t in codes(r))


def test_neither_subject_negates(code_text):
    r = code_text("Neither country imposed sanctions on Venezuela.")
    assert not any(c.startswith("16") for c, s, t in codes(r))


def test_conditional_clause_is_not_coded_as_done(code_text):
    r = code_text("China warned Japan that it would impose sanctions if Tokyo sends troops to the islands.")
    assert not any(c.startswith("15") for c, s, t in codes(r))


def test_expected_action_is_not_coded(code_text):
    r = code_text("The two presidents are expected to sign a trade agreement next week.")
    assert not any(c.startswith("05") for c, s, t in codes(r))


def test_agree_to_sell_weapons_is_intent(code_text):
    r = code_text("Russia agreed to sell Syria advanced missiles.")
    found = [c for c, s, t in codes(r) if "RUS" in s]
    assert found and all(c.startswith("03") for c in found)
    assert any("SYR" in t for c, s, t in codes(r))


def test_future_aid_is_intent_not_aid(code_text):
    r = code_text("Japan said it would provide humanitarian aid to Nepal.")
    found = codes(r)
    assert any(c.startswith("033") and "JPN" in s for c, s, t in found), found
    assert not any(c.startswith("07") for c, s, t in found)


def test_refusal_frame(code_text):
    r = code_text("Turkey refused to withdraw its troops from Syria.")
    assert any(c.startswith("12") and "TUR" in s for c, s, t in codes(r))


def test_passive_with_agent(code_text):
    r = code_text("Iraqi soldiers were attacked by Turkish warplanes.")
    assert any(c.startswith("19") and "TUR" in s and "IRQ" in t for c, s, t in codes(r))


@pytest.mark.parametrize("text, verb, source, target", [
    ("Criticised by Germany, France withdrew its proposal on Monday.", "Criticised", "DEU", "FRA"),
    ("Attacked by rebels, the Malian army retreated from the town.", "Attacked", "REB", "MIL"),
    ("Iranian police freed students detained by the army last week.", "detained", "MIL", "EDU"),
])
def test_a_passive_participle_clause_has_its_agent_as_source(code_text, text, verb, source, target):
    """ "Attacked by rebels, the army ...": the army is attacked, it does not attack; with no
    "by" phrase the attacker is unknown (not the police of the main clause)."""
    events = [e for e in code_text(text).events if text[e.span[0]:e.span[1]].startswith(verb)]
    assert events
    event = events[0]
    assert ([source] if source else []) == [a.country if a.country == source else a.sector for a in event.source]
    assert [target] == [a.country if a.country == target else a.sector for a in event.target]


def test_a_participle_clause_without_by_never_takes_the_main_clauses_agent(code_text):
    """ "Arrested last week, X was freed by Belarusian police": the arrester is not the police
    of the main clause; at most the implicit police of the story (coding/agents.py)."""
    text = "Arrested last week, the Russian activist was freed by Belarusian police."
    arrest = [e for e in code_text(text).events if e.trigger == "Arrested"]
    assert arrest and [a.country for a in arrest[0].target] == ["RUS"]
    assert all(a.country != "BLR" and "(implicit)" in a.name for a in arrest[0].source)


def test_conjoined_adjectives_make_two_actors_that_meet(code_text):
    r = code_text("French and German foreign ministers met in Paris on Monday.")
    consult = [e for e in r.events if e.plover == "CONSULT"]
    assert consult
    countries = {a.country for e in consult for a in e.source + e.target}
    assert countries == {"FRA", "DEU"}
    assert consult[0].location == "Paris"


def test_surname_coreference_keeps_role(code_text):
    text = ("Indian Defence Minister Rajan Kumar arrived in Tokyo on Monday.\n\n"
            "Kumar later criticized Pakistan over the border clashes.")
    r = code_text(text)
    crit = [e for e in r.events if e.cameo.startswith("11")]
    first = [a for a in r.actors if "Kumar" in a.text and a.start < 60][0]
    assert first.sector in {"GOV", "MIL"}
    assert crit and crit[0].source[0].country == "IND" and crit[0].source[0].sector == first.sector


def test_relative_date_resolved_against_publication(code_text):
    r = code_text("Brazil criticized Argentina on Thursday.", date="2001-10-02")  # a Tuesday
    e = [e for e in r.events if e.cameo.startswith("11")][0]
    assert e.date == "2001-09-27" and e.date_precision == "day"


def test_bare_statement_is_attribution_not_an_event(code_text):
    # "X said" beside an act is attribution; a statement alone is the news; a comment on a
    # named actor is a CAMEO 01 event
    r = code_text("Kenya's foreign minister said the talks were useful. Kenyan troops attacked "
                  "the rebel camp on Monday.")
    assert [e.cameo[:2] for e in r.events if e.sentence == 0] == []
    r = code_text("Kenya's foreign minister said the talks were useful.")
    assert [e.cameo[:2] for e in r.events] == ["01"]
    r = code_text("Kenya's foreign minister praised Uganda for its patience.")
    assert r.events and {a.country for a in r.events[0].target} == {"UGA"}
    r = code_text("Kenya said it had attacked the rebel camp in Uganda.")
    assert r.events and all(not e.cameo.startswith("01") for e in r.events)  # the act, not "said"


def test_reported_speech_codes_the_reported_act(code_text):
    r = code_text("Kenya's foreign minister said Uganda had attacked the border post.")
    assert not [e for e in r.events if e.cameo.startswith("01")]  # "said" alone: attribution
    acts = [e for e in r.events if not e.cameo.startswith("01")]
    assert acts and {a.country for a in acts[0].source} == {"UGA"}


def test_reporters_are_no_target(code_text):
    r = code_text("Kenya's foreign minister told reporters that Kenya would send aid to Uganda.")
    assert r.events
    assert all(a.sector not in {"JRN", "MED"} for e in r.events for a in e.target)


def test_infinitive_on_an_object_takes_the_deciding_subject(code_text):
    r = code_text("Germany took steps to improve relations with Turkey.")
    assert any(e.cameo.startswith("05") and {a.country for a in e.source} == {"DEU"}
               and {a.country for a in e.target} == {"TUR"} for e in r.events)


def test_agreeing_to_resume_talks_is_intent_to_negotiate(code_text):
    r = code_text("China and India agreed to resume border talks.")
    found = [e for e in r.events if e.cameo.startswith("03")]
    assert found and "frame intent" in found[0].evidence_text
    assert {a.country for e in found for a in e.source + e.target} == {"CHN", "IND"}


def test_country_named_by_an_adjective_on_the_object_is_the_target(code_text):
    r = code_text("Egypt and Jordan condemned the Israeli raid.")
    found = [e for e in r.events if e.cameo.startswith("11")]
    assert found and {a.country for a in found[0].target} == {"ISR"}
    assert {a.country for e in found for a in e.source} == {"EGY", "JOR"}
    assert "who did the act it reacts to, named by the object" in found[0].evidence_text  # (reaction_targets.reacted_act_doers)


def test_own_plan_reported_to_someone_targets_the_listener(code_text):
    r = code_text("Russia notified the United States that it plans to back out of the 1995 agreement.")
    found = [e for e in r.events if e.cameo.startswith("12")]
    assert found and {a.country for a in found[0].target} == {"USA"}
    assert "addressee" in found[0].evidence_text
    # someone else's act told to reporters is not aimed at the reporters
    r = code_text("Pakistan told reporters that India had shelled the border post.")
    assert all("addressee" not in e.evidence_text for e in r.events)


def test_hearsay_and_expectation_are_not_coded_as_done(code_text):
    r = code_text("Syrian rebels are said to have seized the airport from government forces.")
    assert not any(e.cameo.startswith(("17", "18", "19", "20")) for e in r.events)
    r = code_text("Israeli officials believe Hezbollah attacked the border post.")
    assert not any(e.cameo.startswith(("18", "19")) for e in r.events)
    r = code_text("Syrian rebels seized the airport from government forces.")  # the same act, asserted
    assert any(e.cameo.startswith(("17", "18", "19", "20")) for e in r.events)


@pytest.mark.parametrize("text, root", [
    ("Japan is about to restore full diplomatic ties with North Korea.", "03"),
    # ("is due to meet his Greek counterpart": a timetable, withheld as scheduled: tests/test_modality.py)
    ("Brazil is on the verge of signing a defence pact with Argentina.", "05"),  # 057 is its own intent
    ("Egypt is poised to send troops to Sudan.", "13"),
    ("Russia is about to attack Ukraine.", "13"),
    ("Russia said it is about to attack Ukraine.", "13"),  # its doer says so
    ("\"Russia is about to attack Ukraine,\" the Russian defence minister said.", "13"),  # its government speaks
])
def test_an_imminent_act_is_an_intent_or_threat_not_done(code_text, text, root):
    events = code_text(text).events
    assert [e.cameo_root for e in events] == [root], [e.cameo for e in events]
    assert events[0].source  # "Egypt is poised to ...": the passive's subject acts


@pytest.mark.parametrize("text", [
    "Analysts say that Russia will attack Ukraine.",
    "Peruvian opposition leaders said Bolivia would close the border with Chile.",
    "Western diplomats said Egypt is about to send troops to Sudan.",
])
def test_someone_elses_forecast_of_an_act_is_no_intent_and_not_done(code_text, text):
    events = code_text(text).events
    assert not any(e.cameo_root in {"03", "13", "15", "16", "17", "19"} for e in events), [e.cameo for e in events]


@pytest.mark.parametrize("text", [
    "Without the ceasefire, Chile would have condemned the Peruvian raid.",
    "Norway would have expelled the Russian diplomats, a Norwegian official said.",
])
def test_a_counterfactual_act_is_never_coded(code_text, text):
    assert not any(e.cameo_root in {"11", "12", "16", "17"} for e in code_text(text).events), \
        [e.cameo for e in code_text(text).events]


@pytest.mark.parametrize("text, framed_root, nested_root", [
    ("Israel pledged to punish the Palestinian militants by arresting their leaders.", None, "17"),
    ("Kenya threatened to retaliate against Uganda by expelling its ambassador.", "13", "17"),
    ("France urged Mali to end the crisis by releasing the detained journalists.", "02", "08"),
])
def test_an_act_inside_a_frame_complement_is_not_done(code_text, text, framed_root, nested_root):
    roots = [e.cameo_root for e in code_text(text).events]
    assert nested_root not in roots, roots  # the means of a pledge, threat or appeal is not done
    if framed_root:
        assert framed_root in roots, roots  # the frame itself is the event


def test_an_imminent_act_that_is_denied_is_not_coded(code_text):
    assert code_text("Japan is not about to restore full diplomatic ties with North Korea.").events == []


@pytest.mark.parametrize("text, source, target", [
    ("Chinese leaders held talks with Japanese officials in Paris.", ("CHN", None), ("JPN", "GOV")),
    ("The head of the Iraqi army met the Iranian defence minister.", ("IRQ", "MIL"), ("IRN", "GOV")),
])
def test_role_words_without_a_sector_head_actor_phrases(code_text, text, source, target):
    events = code_text(text).events
    assert [e.cameo_root for e in events] == ["04"]
    assert [(a.country, a.sector) for a in events[0].source] == [source]
    assert [(a.country, a.sector) for a in events[0].target] == [target]


@pytest.mark.parametrize("text, source", [
    ("Opposition supporters clashed with Kenyan police in Nairobi.", ("KEN", "OPP")),
    ("Members of the Iranian parliament condemned the US sanctions.", ("IRN", "LEG")),
])
def test_people_of_unknown_kind_are_actors_when_a_modifier_says_whose(code_text, text, source):
    events = code_text(text).events
    assert events and [(a.country, a.sector) for a in events[0].source] == [source]


@pytest.mark.parametrize("text", [
    "His supporters clashed with Kenyan police in Nairobi.",
    # "A group of men attacked ..." is a crowd's act since issue 16: civilians of the country
    # the text gives (tests/test_actor_places_and_crowds.py)
])
def test_people_of_unknown_kind_alone_are_no_actors(code_text, text):
    assert code_text(text).events == []


def test_welcoming_a_ceasefire_is_support_not_hosting_a_visit(code_text):
    assert [e.cameo for e in code_text("Turkey welcomed the ceasefire in Gaza.").events] == ["051"]
    assert [e.cameo_root for e in code_text("Turkey welcomed the Iraqi prime minister in Ankara.").events] == ["04"]


def test_a_fallback_target_of_the_source_country_counts_when_the_sectors_differ(code_text):
    """Rebels and their country's army are two sides; "Russian officials ... Russian
    weapons" is still no target of its own."""
    events = code_text("Rebel leaders rejected the Sudanese army's offer of a truce.").events
    assert [(a.country, a.sector) for a in events[0].target] == [("SDN", "MIL")]
    events = code_text("Russian officials discussed the sale of Russian weapons.").events
    assert all(not e.target for e in events)


def test_role_without_country_takes_the_story_country_not_a_place_in_its_sentence(code_text):
    text = ("Kenya's president met Ugandan officials in Nairobi on Monday. Kenya and Uganda agreed "
            "to reopen the border.\n\nKenya will send more police to the border. A government "
            "spokeswoman criticised Tanzania over the crisis in Burundi.")
    r = code_text(text, title="Kenya reopens border with Uganda")
    spoke = [e for e in r.events if any("spokeswoman" in a.text for a in e.source)]
    assert spoke and {a.country for a in spoke[0].source} == {"KEN"}
    assert "country of the story" in spoke[0].source[0].evidence_text


def test_agentless_arrest_in_a_domestic_story_is_the_country_police(code_text):
    text = ("Kenyan opposition leader Amos Odera was arrested in Nairobi on Friday.\n\n"
            "Kenya's government said the opposition had planned an illegal rally in Kenya.")
    r = code_text(text, title="Kenyan opposition leader arrested")
    arrests = [e for e in r.events if e.cameo.startswith("173")]
    assert arrests and [(a.country, a.sector) for a in arrests[0].source] == [("KEN", "COP")]
    assert "implicit agent of a passive" in arrests[0].evidence_text
    # who killed him the text does not say: someone of the place where it happened, of no
    # sector (anyone could kill: coding/data/implicit_agent_country.tsv)
    r = code_text("A Kenyan opposition leader was killed in Nairobi on Friday.", title="Kenyan killed")
    killings = [e for e in r.events if e.cameo.startswith("19")]
    assert killings and all([(a.country, a.sector) for a in e.source] == [("KEN", None)] for e in killings)


def test_a_count_before_a_group_is_no_comparison():
    from eventscope.actors.phrase import resolve_phrase

    assert resolve_phrase("More than 300 Indians").country == "IND"
    assert resolve_phrase("at least 74 Syrian civilians").country == "SYR"


def test_a_sanction_aimed_at_no_one_is_no_sanction_event(code_text):
    # PLOVER: sanctions, aid and cooperation require a recipient; "sanctions expire" is the word
    r = code_text("The sanctions imposed over the border dispute expire in July, officials said. "
                  "Kenyan troops attacked the rebel camp.")
    assert not [e for e in r.events if e.plover == "SANCTION" and not e.target]
    r = code_text("Kenya imposed sanctions on Uganda on Monday.")  # CAMEO 163, aimed at Uganda
    assert [[a.country for a in e.target] for e in r.events if e.cameo == "163"] == [["UGA"]]


def test_a_reaction_is_aimed_at_whoever_did_the_act_it_names(code_text):
    r = code_text("Uganda launched two missiles across the border on Wednesday. "
                  "Kenya's foreign minister condemned the missile launch as reckless.")
    condemn = [e for e in r.events if e.cameo.startswith("11")]
    assert condemn and [a.country for a in condemn[0].target] == ["UGA"]
    assert "target: who did the launched it reacts to" in condemn[0].evidence_text
    # a reaction to one's own act, or to an act the story never reported, gets no such target
    r = code_text("Kenya's foreign minister condemned the missile launch as reckless.")
    assert all(not e.target for e in r.events if e.cameo.startswith("11"))


def test_a_demanded_act_is_a_request_of_the_clause_subject_not_a_done_act(code_text):
    r = code_text("Kenya demanded that Uganda withdraw its troops from the border.")
    assert [e.plover for e in r.events] == ["REQUEST"]
    assert "UGA" in {a.country for a in r.events[0].target}
    assert not [e for e in r.events if e.plover == "RETREAT"]  # asked for, not done


def test_what_someone_is_accused_of_is_not_coded_as_done(code_text):
    r = code_text("Kenya accused Uganda of attacking the border post on Monday.")
    assert [e.plover for e in r.events] == ["ACCUSE"]
    r = code_text("A Kenyan court charged the governor with bribing election officials.")
    assert all(e.plover != "AID" and not e.cameo.startswith("07") for e in r.events)


def test_an_act_someone_reports_is_coded_and_hearsay_is_not(code_text):
    r = code_text("Uganda attacked the border post on Monday, Kenya reported.")
    assert [e.plover for e in r.events if e.plover] == ["ASSAULT"]
    r = code_text("Ugandan troops were reported to have attacked the border post.")
    assert not [e for e in r.events if e.plover == "ASSAULT"]  # "are reported to": hearsay


def test_telling_an_audience_is_attribution_beside_the_act(code_text):
    r = code_text("Kenya's foreign minister told Ugandan officials that Kenyan troops had attacked the "
                  "rebel camp.")
    assert not [e for e in r.events if e.cameo == "010"]
    assert [e for e in r.events if e.cameo.startswith("19")]


def test_a_weapon_is_used_not_aimed_at(code_text):
    r = code_text("Kenya launched two ballistic missiles off its east coast on Wednesday.")
    assert [(e.plover, e.cameo, e.target) for e in r.events] == [("MOBILIZE", "150", [])]  # a test
    r = code_text("Rebels fired rockets at the Kenyan army base on Monday.")
    attacks = [e for e in r.events if e.plover == "ASSAULT"]
    assert attacks and all("rocket" not in a.text for e in attacks for a in e.target)  # aimed: an attack


def test_a_weapon_struck_with_is_aimed_at_the_object(lexicon_text):
    # "with rockets": the weapon is the instrument of an act on the object, named actor or not
    assert_types(lexicon_text, ("Rebels struck three Kenyan towns with rockets on Monday.",
                                "Kenyan troops pounded the hills near the border with artillery."),
                 {"ASSAULT"}, {"MOBILIZE"})


def test_a_weapon_fired_into_the_sea_is_aimed_at_no_one(lexicon_text):
    events = coded_events(lexicon_text, "Kenya fired two ballistic missiles into the sea off its coast on Sunday.")
    assert [(cameo, plover) for cameo, plover, _, _ in events] == [("150", "MOBILIZE")], events  # a test


def test_getting_someone_to_act_is_a_request_not_the_act(code_text):
    r = code_text("Kenya's president made efforts to get Uganda to investigate the opposition.")
    assert [e.plover for e in r.events] == ["REQUEST"]
    assert "UGA" in {a.country for a in r.events[0].target}
