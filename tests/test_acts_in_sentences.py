"""Acts a sentence holds besides its first one, and acts inside what was said (issue 16,
recall inside sentences). Every sentence here is invented for the test."""

from __future__ import annotations

from conftest import coded_events


def _plovers(events, plover):
    return [(src, tgt) for _, p, src, tgt in events if p == plover]


def test_a_wish_that_another_act_stands_beside_what_its_clause_mentions(code_text):
    # the wish codes its clause itself: a relative clause or participle inside that clause
    # ("the man who attacked", "his alleged role") does not make it a bare frame to drop
    for text in ("Kenya wants Uganda to extradite the man who attacked the Kenyan embassy.",
                 "Kenya wants Britain to extradite Smith, 47, over his alleged role in the leak of files."):
        events = coded_events(code_text, text)
        assert any(tgt in {("UGA",), ("GBR",)} for _, tgt in _plovers(events, "REQUEST")), (text, events)


def test_a_thought_is_no_demand(lexicon_text):
    # CAMEO.2.0 lists "calculate" among statements; an obligation thought of is no one's demand
    events = coded_events(lexicon_text, "Kenyan officials have calculated that the border with Uganda "
                                        "should be closed.")
    assert not _plovers(events, "REQUEST"), events
    said = coded_events(lexicon_text, "Kenyan officials said that Uganda should close the border.")
    assert (("KEN",), ("UGA",)) in _plovers(said, "REQUEST"), said


def test_a_name_the_parser_made_the_root_is_the_subject_of_the_sentence_verb(code_text):
    # "X, Kenya's prime minister, called on ...": the verb is parsed as a modifier of the name
    events = coded_events(code_text, "Raila Odinga, Kenya's prime minister, called on Uganda to withdraw its "
                                     "troops after the projectile fell near Lake Victoria.")
    assert any(src == ("KEN",) for src, _ in _plovers(events, "REQUEST")), events


def test_a_cooperative_act_said_to_be_impossible_is_rejected(lexicon_text):
    # (the lexicon's reading: on a lone sentence the class5 model may recode it to the act)
    events = coded_events(lexicon_text, "Kenya said holding talks with Uganda is impossible.")
    assert (("KEN",), ("UGA",)) in _plovers(events, "REJECT"), events
    assert not _plovers(events, "CONSULT"), events


def test_a_party_move_judged_is_criticized_or_endorsed(code_text):
    against = coded_events(code_text, "Kenya told reporters that Uganda's decision to close the border was unacceptable.")
    assert (("KEN",), ("UGA",)) in _plovers(against, "ACCUSE"), against
    welcome = coded_events(code_text, "Kenya said Uganda's decision to reopen the border was welcome.")
    assert (("KEN",), ("UGA",)) in _plovers(welcome, "SUPPORT"), welcome
    # judging no one's move is no act
    assert coded_events(code_text, "Kenya said the weather in the capital was unacceptable.") in (
        [], [("010", None, ("KEN",), ())])


def test_renewing_a_call_is_an_appeal(lexicon_text):
    events = coded_events(lexicon_text, "Kenya renewed its call for a ceasefire between Uganda and the rebels.")
    assert any(src == ("KEN",) for src, _ in _plovers(events, "REQUEST")), events


def test_a_death_with_no_attacker_is_no_event(lexicon_text):
    # dying, being found dead, hanging oneself, committing suicide: no one attacked, no one
    # agreed (verbs.tsv; the story models' own reading of a whole story is theirs)
    for text in ("The Ugandan opposition leader was found dead in his cell on Monday.",
                 "The Ugandan opposition leader died in a Kampala hospital on Monday.",
                 "A Kenyan soldier hanged himself in the barracks, the army said.",
                 "The Kenyan minister committed suicide at his home in Nairobi."):
        events = coded_events(lexicon_text, text)
        assert not [e for e in events if e[1] in {"ASSAULT", "AGREE", "CONCEDE"}], (text, events)
    killed = coded_events(lexicon_text, "Kenyan police killed two Ugandan smugglers near the border.")
    assert any(p == "ASSAULT" for _, p, _, _ in killed), killed


def test_a_verb_of_one_reading_keeps_its_act_beside_another_clause(code_text):
    # the sentence model reads the whole sentence: the statement of the second clause is no
    # reason to recode the first clause's accusation
    for text in ("Kenya accused Uganda of making unacceptable claims.",
                 "Kenya on Monday accused Uganda of spreading false claims, but said it still wanted better "
                 "ties with Kampala."):
        result = code_text(text, title="Kenya and Uganda trade claims")  # a story: its lexicon readings stand
        events = [(e.cameo, e.plover, tuple(a.country for a in e.source), tuple(a.country for a in e.target))
                  for e in result.events]
        assert (("KEN",), ("UGA",)) in _plovers(events, "ACCUSE"), (text, events)


def test_judging_words_are_well_formed():
    from eventscope.coding.said_acts import AGAINST, FOR, judging_words

    words = judging_words()
    assert words and set(words.values()) <= {AGAINST, FOR}
    assert all(w == w.lower().strip() and " " not in w for w in words)


def test_a_demand_conjoined_to_a_judgement_is_coded_too(lexicon_text):
    # "said [A is impossible] and [B should ...]": each said clause is read, not only the first
    events = coded_events(lexicon_text, "Kenya said holding talks with Uganda is impossible and Britain "
                                        "should impose sanctions on Kampala.")
    assert (("KEN",), ("UGA",)) in _plovers(events, "REJECT"), events
    assert any(src == ("KEN",) for src, _ in _plovers(events, "REQUEST")), events


def test_another_party_act_named_as_a_verb_object_is_its_own_event(lexicon_text):
    # the verb codes the speaker's act; the noun's possessive names another doer's act
    events = coded_events(lexicon_text, "Kenya condemned Uganda's invasion of Rwanda.")
    assert (("UGA",), ("RWA",)) in _plovers(events, "ASSAULT"), events
    assert any(src == ("KEN",) for src, _ in _plovers(events, "ACCUSE")), events
    # the subject's own act named again by its object is the verb's one event
    own = coded_events(lexicon_text, "Kenya imposed its sanctions on Uganda.")
    assert [e for e in own if e[1] == "SANCTION"] == [("163", "SANCTION", ("KEN",), ("UGA",))], own


def test_the_subject_of_a_clause_during_a_meeting_took_part_in_it(lexicon_text):
    events = coded_events(lexicon_text, "The Kenyan foreign minister announced a trade deal during a meeting "
                                        "in Nairobi with his Ugandan counterpart.")
    assert (("KEN",), ("UGA",)) in _plovers(events, "CONSULT"), events
    # a passive subject did not take part by the clause: "was arrested after a meeting with"
    passive = coded_events(lexicon_text, "The Kenyan minister was arrested after a meeting with Ugandan rebels.")
    assert not _plovers(passive, "CONSULT"), passive


def test_a_possessed_frame_noun_frames_its_infinitive_act(lexicon_text):
    # "Uganda's refusal to attend": the noun takes its verb's frame, the possessive acts
    refusal = coded_events(lexicon_text, "Uganda's refusal to attend the summit with Kenya angered Nairobi.")
    assert any(src == ("UGA",) for src, _ in _plovers(refusal, "REJECT")), refusal
    threat = coded_events(lexicon_text, "Uganda's threat to impose sanctions on Kenya alarmed investors.")
    assert any(src == ("UGA",) for src, _ in _plovers(threat, "THREATEN")), threat
    assert not _plovers(threat, "SANCTION"), threat  # threatened, not imposed
    request = coded_events(lexicon_text, "Kenya's request to investigate the Ugandan company was refused.")
    assert any(src == ("KEN",) for src, _ in _plovers(request, "REQUEST")), request
    assert not _plovers(request, "ACCUSE"), request  # asked for, no investigation done


def test_frame_nouns_name_frames_of_the_lexicon():
    from eventscope.coding.frame_nouns import frame_nouns
    from eventscope.knowledge.verb_lexicon import default_lexicon

    frames = default_lexicon().frames
    assert frame_nouns() and all(verb in frames for verb in frame_nouns().values())
