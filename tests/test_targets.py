"""Whom an act is aimed at (coding.targets), on invented sentences (not from any dev set)."""

from __future__ import annotations

import pytest

from eventscope.actors.phrase import resolve_phrase
from eventscope.coding.targets import _two_sides
from eventscope.knowledge.implicit_agents import implicit_target, unnamed_people


def events_of(result, plover: str):
    return [e for e in result.events if e.plover == plover]


def targets(event) -> list[tuple[str | None, str | None]]:
    return [(a.country, a.sector) for a in event.target]


def test_an_unnamed_person_as_object_is_the_target(code_text):
    r = code_text("Kenyan police arrested a 40-year-old man in Nakuru on Monday.")
    arrests = events_of(r, "COERCE")
    assert arrests and targets(arrests[0]) == [("KEN", "CVL")]
    assert "target: unnamed person (a 40-year-old man)" in arrests[0].evidence_text


def test_an_unnamed_person_takes_the_country_of_the_place_before_the_story(code_text):
    r = code_text("Kenyan police said soldiers shot two men in Kampala.")
    shootings = events_of(r, "ASSAULT")
    assert shootings and ("UGA", "CVL") in targets(shootings[0])


def test_an_unnamed_passive_subject_gets_the_implicit_police_of_its_country(code_text):
    r = code_text("Two men were arrested in Nairobi on Monday.")
    arrests = events_of(r, "COERCE")
    assert arrests and targets(arrests[0]) == [("KEN", "CVL")]
    assert [(a.country, a.sector) for a in arrests[0].source] == [("KEN", "COP")]


def test_an_audience_or_an_unnamed_victim_of_no_one_is_no_target(code_text):
    r = code_text("The Ghanaian ministry released the report to the public on Monday.")
    assert all(a.sector != "CVL" for e in r.events for a in e.target)
    # killed by no one the text names (no implicit agent either): an unnamed victim alone
    # makes no event
    r = code_text("A man was killed outside the old market on Sunday.")
    assert all(a.sector != "CVL" for e in r.events for a in e.target)


def test_a_quantity_word_leads_to_the_people_it_counts(code_text):
    r = code_text("Nigerian soldiers detained dozens of villagers near the border.")
    detentions = events_of(r, "COERCE")
    assert detentions and targets(detentions[0]) == [("NGA", "CVL")]


def test_the_place_a_visit_goes_to_is_its_target(code_text):
    r = code_text("Brazil's foreign minister embarked on a four-day visit to Angola on Tuesday.")
    visits = events_of(r, "CONSULT")
    assert visits and [a.country for a in visits[0].target] == ["AGO"]


def test_the_agent_of_a_rejected_accusation_is_the_target(code_text):
    r = code_text("Peru on Friday rejected as baseless accusations by Chile that it had spied on its navy.")
    rejections = events_of(r, "REJECT")
    assert rejections and [a.country for a in rejections[0].target] == ["CHL"]


def test_a_time_phrase_is_not_searched_for_a_target(code_text):
    r = code_text("During her visit to Canada, the Chilean minister praised the new reforms.")
    praise = events_of(r, "SUPPORT")
    assert praise and all(a.country != "CAN" for a in praise[0].target)


def test_the_subject_of_an_accusing_or_threatening_that_clause_is_the_target(code_text):
    r = code_text("Iran warned that Israel would pay a heavy price for the strike.")
    threats = events_of(r, "THREATEN")
    assert threats and [a.country for a in threats[0].target] == ["ISR"]
    assert "target: subject of the that-clause" in threats[0].evidence_text
    r = code_text("Prosecutors in Oslo alleged that the former minister Nils Berg took bribes from a shipping firm.")
    accusations = events_of(r, "ACCUSE")
    assert accusations and targets(accusations[0]) == [("NOR", "ELI")]


def test_a_that_clause_about_the_speaker_gives_no_target(code_text):
    r = code_text("Iran warned that it would respond to any attack.")
    threats = events_of(r, "THREATEN")
    assert threats and not threats[0].target


def test_a_curfew_aimed_at_no_one_falls_on_the_states_own_people(code_text):
    r = code_text("The Bolivian government imposed a curfew after two nights of looting.")
    curfews = events_of(r, "COERCE")
    assert curfews and targets(curfews[0]) == [("BOL", "CVL")]
    assert "target: implied by the act" in curfews[0].evidence_text


def test_implied_targets_are_data():
    assert implicit_target("1723") == (("place", "source"), "CVL")
    assert implicit_target("175") == (("place", "source"), "CVL")
    assert implicit_target("190") is None  # an attack implies no one in particular


@pytest.mark.parametrize("word", sorted(unnamed_people()))
def test_unnamed_people_are_no_actors_of_a_known_kind(word):
    """A word the actor lexicon gives a kind ("protesters": CVL) is an actor already; the
    list holds only people of no known kind."""
    assert resolve_phrase(word).sector in (None, "UNK")


def test_the_country_as_object_is_the_country_named_before_it(code_text):
    r = code_text("About 5,000 French troops remain in Mali, nine years after Algeria invaded the country.")
    invasions = [e for e in r.events if e.cameo.startswith("19")]
    assert invasions and [a.country for a in invasions[0].target] == ["MLI"]
    assert "target: the country (Mali)" in invasions[0].evidence_text


def test_the_country_is_never_the_sources_own(code_text):
    r = code_text("Algeria invaded the country on Monday.")
    assert all(a.country != "DZA" for e in r.events for a in e.target)


def test_an_armed_force_modifying_the_object_is_the_story_countrys(code_text):
    r = code_text("Ghana and Togo condemned the military takeover on Monday.",
                  title="Burkina Faso army seizes power in Burkina Faso")
    condemnations = [e for e in r.events if e.cameo.startswith("11")]
    assert condemnations and [(a.country, a.sector) for a in condemnations[0].target] == [("BFA", "MIL")]
    # a government condemning "the military" of its own story country: no such target
    r = code_text("Ghana condemned the military takeover on Monday.", title="Ghana troops seize power")
    assert all(a.sector != "MIL" for e in r.events for a in e.target)


@pytest.mark.parametrize("text, target", [
    ("Kenya backed a UN appeal for a ceasefire in Sudan.", "IGO"),
    ("Greece rejected an EU demand for new budget cuts.", "EUR"),
])
def test_an_organisation_modifying_the_object_is_the_target(code_text, text, target):
    r = code_text(text)
    assert [a.country for e in r.events for a in e.target] == [target]
    assert "modifier of" in r.events[0].target[0].evidence_text  # the object's, or the event noun's it is


def test_the_agent_of_a_condemned_act_comes_before_its_victims(code_text):
    r = code_text("Peru condemned the kidnapping of two Chilean engineers by rebels.")
    condemnations = [e for e in r.events if e.cameo.startswith("11")]
    assert condemnations and [a.sector for a in condemnations[0].target] == ["REB"]


def test_rebels_and_their_countrys_state_are_two_sides(code_text):
    r = code_text("The rebels rejected Ethiopia's claim that they had shelled the town.")
    assert any((a.country, a.sector) == ("ETH", None) for e in r.events for a in e.target)
    # the bare country and its own troops or officials are one side; two sectors are two sides
    assert not _two_sides(None, "MIL") and not _two_sides("GOV", None) and not _two_sides(None, None)
    assert _two_sides(None, "REB") and _two_sides("OPP", None) and _two_sides("GOV", "MIL")


def test_a_request_is_aimed_at_whom_it_asks_not_at_the_target_of_the_act_asked_for(code_text):
    r = code_text("The Turkish minister said Germany should cut off support for the Syrian rebels.")
    requests = [e for e in r.events if e.plover == "REQUEST"]
    assert requests and [a.country for a in requests[0].target] == ["DEU"]
    r = code_text("Kenya urged Somalia to impose sanctions on Eritrea.")
    requests = [e for e in r.events if e.plover == "REQUEST"]
    assert requests and [a.country for a in requests[0].target] == ["SOM"]


def test_subjects_acting_on_each_other_are_each_others_target(code_text):
    r = code_text("Chile and Peru criticised each other's fishing policies on Tuesday.")
    criticism = events_of(r, "ACCUSE")
    assert criticism and [a.country for a in criticism[0].source] == ["CHL"]
    assert [a.country for a in criticism[0].target] == ["PER"]
    assert "target: each other" in criticism[0].evidence_text


def test_a_named_person_of_the_sources_country_is_someone_else(code_text):
    r = code_text("The Norwegian government dropped its inquiry into claims against Lena Berg.")
    dropped = events_of(r, "CONCEDE") or events_of(r, "RETREAT")
    assert dropped and [a.name for a in dropped[0].target] == ["Lena Berg"]


def test_a_news_outlet_in_the_object_phrase_is_passed_over_for_the_person(code_text):
    # media are never targets: the person the outlet's name qualifies is
    r = code_text("Prosecutors in Norway have dropped an inquiry into a fraud allegation made against "
                  "Wikileaks co-founder Lars Brekke in 2012.")
    dropped = events_of(r, "CONCEDE") or events_of(r, "RETREAT")
    assert dropped and [a.name for a in dropped[0].target] == ["Lars Brekke"]


def test_the_town_or_region_an_act_starts_from_is_no_target(code_text):
    r = code_text("Mexican authorities deported Luis Ortega from Texas on Monday.")
    deported = events_of(r, "COERCE")
    assert deported and [a.name for a in deported[0].target] == ["Luis Ortega"]


@pytest.mark.parametrize("text,source", [
    ("Hezbollah drone strikes on Haifa continued on Friday.", ("LBN", "REB")),
    ("NATO air strikes on Tripoli resumed overnight.", ("IGO", "MIL")),
])
def test_an_organisation_modifying_an_event_noun_does_it_with_its_sector(code_text, text, source):
    # one reading of a modifier for event nouns and for objects (implied_targets.modifier_actor)
    strikes = events_of(code_text(text), "ASSAULT")
    assert strikes and [(a.country, a.sector) for a in strikes[0].source] == [source]
    assert "modifier of an event noun" in strikes[0].source[0].evidence_text


def test_the_one_an_allegation_was_made_against_is_the_target(code_text):
    r = code_text("Swedish prosecutors dropped an investigation into an allegation made against Lena Berg.")
    dropped = events_of(r, "CONCEDE") or events_of(r, "RETREAT")
    assert dropped and [a.name for a in dropped[0].target] == ["Lena Berg"]


def test_conjoined_subjects_that_agree_are_both_sources_with_no_target(code_text):
    # PLOVER codebook (AGREE) and eval/realnews/README.md: a reciprocal agreement codes both
    # parties as sources, no recipient (coding/data/plover_recipients.tsv, conjoined_subjects)
    r = code_text("Malawi and Zambia reached an agreement on cross-border trade on Tuesday.")
    agreements = events_of(r, "AGREE")
    assert agreements, r.events
    assert {a.country for a in agreements[0].source} == {"MWI", "ZMB"}
    assert agreements[0].target == []
    assert "target: none, a joint act of its sources" in agreements[0].evidence_text


def test_conjoined_subjects_that_meet_stay_each_others_targets(code_text):
    # only the types marked "joint" change: the guide codes a meeting source -> target
    r = code_text("Malawi and Zambia held talks in Lusaka on Tuesday.")
    talks = events_of(r, "CONSULT")
    assert talks and [a.country for a in talks[0].source] == ["MWI"]
    assert [a.country for a in talks[0].target] == ["ZMB"]


def test_only_types_marked_joint_are_joint():
    from eventscope.knowledge.implicit_agents import joint_types

    assert joint_types() == frozenset({"AGREE"})


def test_an_act_told_again_without_its_target_takes_the_target_of_its_full_telling(code_text):
    r = code_text("Ghana's president condemned the decision on Tuesday. Later he condemned Togo for "
                  "closing the border.")
    condemnations = [e for e in events_of(r, "ACCUSE") if e.trigger == "condemned"]
    assert len(condemnations) == 2 and all(targets(e) == [("TGO", None)] for e in condemnations)
    assert any("target: as the same act told in sentence 1" in e.evidence_text for e in condemnations)


def test_a_joint_act_keeps_no_target_when_another_act_of_its_type_has_one():
    from eventscope.coding.retold import JOINT_NOTE, with_retold_targets
    from eventscope.models import Actor, Event, Evidence

    def event(sentence, sources, targets, note=None):
        return Event(doc_id="d", sentence=sentence, span=(0, 1), source=sources, target=targets, cameo="057",
                     cameo_root="05", goldstein=8.0, quad_class=1, plover="AGREE",
                     evidence=(Evidence("rule", note),) if note else ())
    ghana, togo, mali = Actor("Ghana", "GHA"), Actor("Togo", "TGO"), Actor("Mali", "MLI")
    joint = event(0, [ghana, togo], [], JOINT_NOTE)
    alone = event(1, [ghana], [])
    full = event(2, [ghana], [mali])
    out = with_retold_targets([joint, alone, full])
    assert out[0].target == [] and out[1].target == [mali] and out[2].target == [mali]


def test_the_target_forms_hold_inside_an_article(code_text):
    """The forms of targets (a that-clause's subject, a possessive or a modifier of an event
    noun, a reacted-to act's doer, the source's own country's people) found in one story
    where the actors are named once and then referred to, not in lone sentences."""
    r = code_text("Ethiopia and Eritrea have argued for months over the town of Badme. Eritrea's information "
                  "minister said on Monday that Ethiopia must withdraw its soldiers from the town. He accused "
                  "Addis Ababa of violating the peace deal. Ethiopian Prime Minister Abiy Ahmed rejected the "
                  "Eritrean demand. On Friday Ethiopian troops shelled Eritrean positions near Badme. Eritrea "
                  "condemned the shelling. Ethiopian police detained dozens of protesters in Addis Ababa.")
    dyads = {(e.trigger.split(" .. ")[-1], e.plover, tuple(a.country for a in e.source),
              tuple(a.country for a in e.target)) for e in r.events}
    assert ("withdraw", "REQUEST", ("ERI",), ("ETH",)) in dyads  # "said that Ethiopia must withdraw"
    assert ("accused", "ACCUSE", ("ERI",), ("ETH",)) in dyads  # "He accused Addis Ababa": he is the minister
    assert ("rejected", "REJECT", ("ETH",), ("ERI",)) in dyads  # "rejected the Eritrean demand"
    assert ("condemned", "ACCUSE", ("ERI",), ("ETH",)) in dyads  # "condemned the shelling": who shelled
    assert ("detained", "COERCE", ("ETH",), ("ETH",)) in dyads  # police and protesters of one country


def test_an_untargeted_act_takes_the_one_party_its_type_aims_at_in_the_story(code_text):
    # whoever charged him: every accusation of the story is aimed at the Danish activist
    r = code_text("The Danish activist Jon Halvorsen was accused of espionage by a Norwegian court. "
                  "Swedish prosecutors reopened their investigation on Tuesday.")
    reopened = [e for e in events_of(r, "ACCUSE") if e.trigger == "reopened"]
    assert reopened and targets(reopened[0]) == [("DNK", "CVL")]
    assert "target: the one party acts of this type aim at (sentence 0)" in reopened[0].evidence_text
    # two parties accused: no one party to take
    r = code_text("Norwegian prosecutors charged the Danish activist Jon Halvorsen with espionage on Monday. "
                  "Finland accused Russia of meddling. Swedish prosecutors reopened their investigation on Tuesday.")
    reopened = [e for e in events_of(r, "ACCUSE") if e.trigger == "reopened"]
    assert reopened and reopened[0].target == []


def test_the_one_party_is_never_the_source_s_own_country():
    from eventscope.coding.retold import with_retold_targets
    from eventscope.models import Actor, Event

    def event(sentence, sources, targets):
        return Event(doc_id="d", sentence=sentence, span=(0, 1), source=sources, target=targets, cameo="112",
                     cameo_root="11", goldstein=-2.0, quad_class=3, plover="ACCUSE")
    sweden, danes, mali = Actor("Sweden", "SWE"), Actor("the Danes", "DNK"), Actor("Mali", "MLI")
    out = with_retold_targets([event(0, [danes], [sweden]), event(1, [sweden], []), event(2, [mali], [])])
    assert out[1].target == [] and out[2].target == [sweden]


def test_a_passive_verb_conjoined_to_a_clause_happens_to_its_subject(code_text):
    r = code_text("The Ugandan activist tried to flee but was arrested by Kenyan police.")
    arrests = events_of(r, "COERCE")
    assert arrests and targets(arrests[0]) == [("UGA", "CVL")]
    assert [(a.country, a.sector) for a in arrests[0].source] == [("KEN", "COP")]


def test_the_object_of_a_praise_or_accusation_does_the_act_of_its_gerund(code_text):
    r = code_text("Kenya praised Uganda for sending troops to Somalia.")
    sendings = events_of(r, "MOBILIZE")
    assert sendings and [a.country for a in sendings[0].source] == ["UGA"]
    r = code_text("The Kenyan minister apologised for killing the protesters.")  # no object: the subject did it
    killings = events_of(r, "ASSAULT")
    assert killings and [a.country for a in killings[0].source] == ["KEN"]


def test_an_ing_clause_beside_a_statement_made_to_someone_is_aimed_at_the_one_told(code_text):
    r = code_text("Mwangi told Ruto, repeatedly calling for an explanation of the delay.")
    requests = events_of(r, "REQUEST")
    assert requests and [a.text for a in requests[0].target] == ["Ruto"]
    assert "target: whom the speaker was telling" in requests[0].evidence_text


def test_the_object_of_an_adjective_complement_is_searched_for_the_target(code_text):
    r = code_text("The Kenyan opposition remained skeptical of the Ugandan president's chances.")
    doubts = events_of(r, "ACCUSE")
    assert doubts and targets(doubts[0]) == [("UGA", "GOV")]


def test_a_refusal_aimed_at_no_one_is_aimed_at_the_other_party_of_the_story(code_text):
    r = code_text("Ugandan and Kenyan officials met in Kampala for trade talks on Monday. Uganda wants "
                  "lower tariffs on its sugar. But Kenya is balking at committing to any cut.")
    refusals = events_of(r, "REJECT")
    assert refusals and [a.country for a in refusals[0].source] == ["KEN"] and targets(refusals[0]) == [("UGA", None)]
    # a story that names no other country twice: no one to aim it at
    r = code_text("Kenya is balking at committing to any cut in tariffs.")
    assert all(not e.target for e in events_of(r, "REJECT"))


def test_a_call_on_someone_to_act_is_aimed_at_them(code_text):
    # not at what the act asked for concerns ("its troops")
    r = code_text("Kenya called on Uganda to withdraw its troops from the island.")
    requests = [e for e in r.events if e.plover == "REQUEST"]
    assert requests and [a.country for a in requests[0].target] == ["UGA"]
    r = code_text("Norway called upon Sweden to release the activist.")
    requests = [e for e in r.events if e.plover == "REQUEST"]
    assert requests and [a.country for a in requests[0].target] == ["SWE"]
