"""Verb knowledge derived from PETRARCH2's CAMEO.2.0 (tools/build_verb_knowledge.py) and its
place under our own lexicon. Sentences and dictionary lines here are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SHARED, coded_events, load_tool

PETRARCH = SHARED / "reference" / "petrarch2"
DATA = ROOT / "eventscope" / "coding" / "data"


def _tool():
    return load_tool("build_verb_knowledge")


MINI = """\
&DRILL
+DRILL
+MANOEUVRE

---  ORGANISE   [---]  ---
ORGANISE
MOUNT
- * WALKOUT                                           [143]         # ORGANISE
- * JOINT &DRILL                                      [062]         # ORGANISE
- * {MOCK RAID}                                       [150]         # ORGANISE
- * NOT WALKOUT                                       [120]         # ORGANISE
- COMMANDOS * RAID                                    [190]         # ORGANISE
- * AMBUSH                                            [190]         # MOUNT

---  HALT   [160]  ---
HALT
+CALL_OFF [161]
- * WALKOUT                                           [082]         # CALL_OFF
- * (WITH)                                            [040]         # HALT
- * VISIT                                             [?60]         # HALT
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    path = tmp_path_factory.mktemp("dict") / "CAMEO.mini.txt"
    path.write_text(MINI, encoding="utf-8")
    rows, forms = _tool().derive(path)
    return {(verb, objects): code for verb, objects, code, _ in rows}, forms


def test_light_verb_and_event_noun_keeps_the_fine_code(mini):
    rows, _ = mini
    assert rows[("organise", "walkout|walkouts")] == "143"


def test_a_synset_gives_alternatives_and_a_phrase_needs_all_its_words(mini):
    rows, _ = mini
    assert rows[("organise", "joint|joints+drill|drills|manoeuvre|manoeuvres")] == "062"
    assert rows[("organise", "mock|mocks+raid|raids")] == "150"


def test_phrasal_verb_gets_its_own_code_and_patterns(mini):
    rows, _ = mini
    assert rows[("call off", "-")] == "161"
    assert rows[("call off", "walkout|walkouts")] == "082"
    assert rows[("halt with", "-")] == "040"  # only a preposition: a verb key


def test_patterns_inherited_from_a_block_synonym_are_left_out(mini):
    rows, _ = mini
    assert ("mount", "walkout|walkouts") not in rows  # written for "organise" only
    assert rows[("mount", "ambush|ambushes")] == "190"
    assert ("halt", "walkout|walkouts") not in rows  # written for "call off"


def test_no_event_blocks_negations_subject_words_and_doubtful_codes_give_nothing(mini):
    rows, _ = mini
    assert ("organise", "-") not in rows and ("mount", "-") not in rows  # block [---]
    assert rows[("halt", "-")] == "160"
    assert not any(verb == "organise" and code == "120" for (verb, _), code in rows.items())
    assert not any(code == "190" and verb == "organise" for (verb, _), code in rows.items())
    assert not any(verb == "halt" and "visit" in objects for verb, objects in rows)


def test_verb_forms_include_irregular_and_regular_forms(mini):
    _, forms = mini
    assert {"organise", "organised", "organises", "organising"} <= set(forms["organise"])
    assert {"called", "calling"} <= set(forms["call"])


@pytest.mark.shared
@pytest.mark.skipif(not (PETRARCH / "CAMEO.2.0.txt").exists(), reason="../shared PETRARCH2 dictionaries absent")
def test_committed_files_are_the_tools_output():
    tool = _tool()
    patterns, forms = tool.render(*tool.derive(PETRARCH / "CAMEO.2.0.txt"))
    assert (DATA / "cameo_verbs.tsv").read_text(encoding="utf-8") == patterns
    assert (DATA / "cameo_verb_forms.tsv").read_text(encoding="utf-8") == forms
    assert (DATA / "cameo_verbs.NOTICE").read_text(encoding="utf-8") == tool.notice(PETRARCH)


def test_mit_notice_travels_with_the_data():
    assert "MIT License" in (DATA / "cameo_verbs.tsv").read_text(encoding="utf-8").splitlines()[1]
    notice = (DATA / "cameo_verbs.NOTICE").read_text(encoding="utf-8")
    assert "Permission is hereby granted" in notice and "Open Event Data" in notice


# --- the merged lexicon ---------------------------------------------------------------

def test_our_patterns_stay_on_top_and_derived_ones_add_coverage():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    meet = lex.match(["meet"], {"talk", "talks"})
    assert (meet.cameo, meet.derived) == ("040", False)  # CAMEO.2.0 says 036: another category
    assert not lex.match(["say"], set()).derived
    captured = lex.match(["capture"], set())
    assert captured.derived and captured.cameo == "171"  # a verb we lacked


def test_a_multi_word_object_needs_every_word():
    from eventscope.knowledge.verb_lexicon import Lexicon

    lex = Lexicon()
    lex.add_verb("stage", "mock+raid|raids", "150")
    lex.add_verb("stage", "raid", "190")
    assert lex.match(["stage"], {"mock", "raid"}).cameo == "150"
    assert lex.match(["stage"], {"raid"}).cameo == "190"
    assert lex.match(["stage"], {"mock"}) is None


def test_word_forms_find_the_lexicon_verb_whatever_the_tagger_lemma():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    assert default_lexicon().lemma_of("staged") == "stage"
    assert default_lexicon().lemma_of("captured") == "capture"


def test_staged_is_not_a_stag(code_text):
    events = coded_events(code_text, "Chilean teachers staged a walkout in Santiago on Monday.")
    assert any(plover == "PROTEST" and src == ("CHL",) for _, plover, src, _ in events), events


def test_bare_agree_is_an_agreement(code_text):
    events = coded_events(code_text, "Peruvian and Bolivian negotiators agreed late on Friday.")
    assert any(plover == "AGREE" for _, plover, _, _ in events), events
    assert not any(cameo == "019" for cameo, _, _, _ in events)


def test_calling_off_a_protest_is_a_concession_and_calling_off_talks_reduces_relations(code_text):
    protest = coded_events(code_text, "The Zambian miners' union called off its protest on Sunday.")
    assert any(plover == "CONCEDE" for _, plover, _, _ in protest), protest
    from eventscope.knowledge.verb_lexicon import default_lexicon

    assert default_lexicon().match(["call off", "call"], {"talks", "talk"}).cameo == "160"


def test_sanctions_are_sanction(code_text):
    events = coded_events(code_text, "Canada imposed sanctions on Myanmar's generals.")
    assert any(cameo == "163" and plover == "SANCTION" for cameo, plover, _, _ in events), events


def test_a_derived_verb_without_object_evidence_needs_both_actors(code_text):
    dyad = coded_events(code_text, "Kenyan police captured Somali smugglers near Garissa.")
    assert any(cameo == "171" and tgt == ("SOM",) for cameo, _, _, tgt in dyad), dyad
    alone = coded_events(code_text, "Kenyan police captured the hill.")
    assert not any(cameo == "171" for cameo, _, _, _ in alone), alone


def test_a_statement_verb_whose_object_names_an_act_codes_the_act():
    from eventscope.knowledge.verb_lexicon import default_lexicon

    lex = default_lexicon()
    # our "announce - 010" is a statement; CAMEO.2.0's "announce sanction" names the act
    assert lex.match(["announce"], {"new", "sanction", "sanctions"}).cameo == "163"
    assert lex.match(["announce"], {"weather"}).cameo == "010"  # no act named: the statement


def test_a_second_act_announced_beside_a_condemnation_is_kept(code_text):
    events = coded_events(code_text, "Lithuania condemned the shelling and announced new sanctions on Minsk.")
    assert any(plover == "ACCUSE" and src == ("LTU",) for _, plover, src, _ in events), events
    assert any(cameo == "163" and src == ("LTU",) and tgt == ("BLR",) for cameo, _, src, tgt in events), events
