"""Type decisions where the actors are right: which reading of a clause the coder keeps
(issue 16, real news). Every sentence here is invented."""

from __future__ import annotations

from conftest import coded_events


def _types_by_sentence(result) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for event in result.events:
        found.setdefault(event.sentence, set()).add(event.plover)
    return found


def test_the_story_model_adds_no_second_type_to_an_act_the_lexicon_read(code_text):
    # the headline speaks for an arrest story; the lead's act is a criticism, read by its verb
    result = code_text("Kenya criticized Uganda over the arrests of its fishermen on Lake Victoria.",
                       title="Regional news")
    assert _types_by_sentence(result) == {0: {"ACCUSE"}}, [(e.cameo, e.evidence) for e in result.events]
    result = code_text("Somali militants launched an attack on a Kenyan army base near Mandera.",
                       title="Regional news")
    assert _types_by_sentence(result) == {0: {"ASSAULT"}}, [(e.cameo, e.evidence) for e in result.events]


def test_the_story_model_still_names_the_act_of_a_bare_statement(code_text):
    # where the lexicon read only "said", the story's main event may stand in that sentence
    result = code_text("Kenyan troops shelled rebel positions near the Ugandan border on Sunday, "
                       "the army said.\n\nThe rebels said they would fight on.",
                       title="Kenyan army shells rebel positions near Uganda")
    assert any(e.plover == "ASSAULT" for e in result.events), [(e.cameo, e.plover) for e in result.events]
