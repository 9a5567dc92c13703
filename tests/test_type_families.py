"""Clauses that name no act of the type their verb's CAMEO.2.0 default gives (issue 16/21,
types on the right dyad): weighing an option, relations stated in the passive, finding,
committing a crime, voting, job offers, foiled attacks. Every sentence here is invented."""

from __future__ import annotations

import pytest

from conftest import coded_events


def plovers(code_text, text: str, title: str | None = None) -> list[str | None]:
    return [e.plover for e in code_text(text, title=title).events]


@pytest.mark.parametrize("text", [
    "Kenya is mulling sanctions against Uganda.",
    "Uganda is weighing a visit to Kenya.",
    "The Kenyan cabinet is considering a ban on Ugandan sugar.",
])
def test_weighing_an_option_is_no_consultation(code_text, text):
    # CAMEO 014 "consider policy option", not CAMEO.2.0's CONSIDER block default 040
    events = coded_events(code_text, text)
    assert not any(plover == "CONSULT" for _, plover, _, _ in events), events
    assert any(cameo == "014" for cameo, _, _, _ in events), events


@pytest.mark.parametrize("text", [
    "The militia was linked to Uganda's ruling party, officials in Kampala said.",
    "Two Kenyan officers were assigned to the Ugandan delegation.",
    "Ugandan opposition leader Joseph Okello had been found in a police cell in Kampala.",
])
def test_a_relation_or_finding_told_in_the_passive_is_no_cooperation(code_text, text):
    events = coded_events(code_text, text)
    assert not any(plover == "COOPERATE" for _, plover, _, _ in events), events


def test_an_accusation_by_linking_still_codes_by_its_object():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["link to", "link"], {"attack"}).cameo == "1123"  # "linked Iran to the attack"
    assert lex.match(["link to", "link"], {"party"}) is None
    assert lex.match(["link"], set()).cameo == "060"  # "linked their power grids"


def test_the_form_found_of_find_is_not_the_verb_found():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["find in", "find", "found"], {"cell", "in"}) is None
    assert lex.match(["found"], set()).cameo == "060"  # "founded a party": the lemma is "found"


def lexicon_plovers(lexicon_text, text: str) -> list[str | None]:
    return [e.plover for e in lexicon_text(text).events]


def test_committing_suicide_is_no_intent_but_committing_to_a_truce_is(lexicon_text):
    # CAMEO.2.0's COMMIT has no code of its own, only "(TO COOPERATION)" 030
    assert lexicon_plovers(lexicon_text, "A Kenyan minister committed suicide hours after his arrest in Nairobi.") == []
    assert "AGREE" in lexicon_plovers(lexicon_text, "Kenya committed to a ceasefire with Uganda.")


def test_voting_in_an_election_is_no_promise_of_reform(code_text):
    events = coded_events(code_text, "Kenyans voted in a presidential election on Sunday.")
    assert not any(plover == "AGREE" for _, plover, _, _ in events), events


def test_a_job_offered_is_no_intent_to_cooperate(lexicon_text):
    text = "Uganda's president offered the post of foreign minister to Joseph Okello."
    assert "AGREE" not in lexicon_plovers(lexicon_text, text)
    assert "AGREE" in lexicon_plovers(lexicon_text, "Uganda offered food aid to Kenya.")  # an offer of aid is


@pytest.mark.parametrize("text", [
    "The Kenyan navy foiled an attack by Somali pirates.",
    "Kenyan troops thwarted an attack on their base in Somalia.",
])
def test_the_foiler_of_an_attack_does_not_attack(code_text, text):
    # modality.tsv `averting`: the class5 model codes no act from the foiling clause
    events = coded_events(code_text, text)
    assert not any(plover == "ASSAULT" and "KEN" in sources for _, plover, sources, _ in events), events


def test_an_act_threatened_in_an_infinitive_the_parser_made_a_preposition_is_not_done(code_text):
    # the tagger parses "threatening to assault" as "to" [prep] + "assault" [pobj]: it is the
    # threat's complement all the same (clauses.is_misparsed_infinitive)
    result = code_text("A Kenyan man pleaded guilty to threatening to assault and murder a Ugandan official.")
    assert not any(e.plover == "ASSAULT" for e in result.events), [(e.cameo, e.plover) for e in result.events]
    assert any(e.plover == "ASSAULT" for e in result.withheld)


@pytest.mark.parametrize("text, plover", [
    ("Kenya and Uganda have been unable to reschedule a meeting between their presidents.", "CONSULT"),
    ("The Ugandan prisoner was due to be released by Kenya in September.", "AGREE"),
])
def test_the_sentence_model_reads_no_act_under_unable_or_due(code_text, text, plover):
    # modality.tsv `negating`, `scheduling` as the clause's predicate adjective: the act the
    # model reads is not done, nor anyone's intent (classify.revise._under_undone_word)
    assert plover not in plovers(code_text, text), [(e.cameo, e.plover) for e in code_text(text).events]


def test_a_market_that_declines_or_eases_by_a_percentage_is_no_actor():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    assert lex.match(["decline", "declined"], {"%"}) is None  # "the Nikkei declined 0.3%"
    assert lex.match(["ease", "eased"], {"percent", "against"}) is None  # "the shilling eased 2 percent"
    assert lex.match(["decline by", "decline"], set()) is None
    assert lex.match(["decline"], {"offer"}).cameo == "120"  # "declined the offer"
