"""Modality across sentences (tests/data/modality_passages.tsv): invented passages of 2-4
sentences where an act is set up as not done in one sentence (weighed, proposed, drafted,
planned, conditioned, requested, expected, denied, or a headline's "X to <verb>") and told in
another, and the matching done controls (a plan announced, then carried out). Each passage
goes through the whole pipeline, headline included."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventscope.knowledge.tsv import read_tsv

PASSAGES = Path(__file__).parent / "data" / "modality_passages.tsv"

# what the coder still gets wrong (a ceiling, so a change that adds errors fails); at main
# 4412d95: 20 not done coded as done (7 of them headline futures), 4 done withheld (of 109);
# with the 60 rows of stop 24 (noun events under a frame, headlines that repeat or govern the
# act, speculation, and their done controls) and "ahead of" / "to be freed" rows, at main
# 2a84ae1: 21 and 5 of 179
MAX_NOT_DONE_AS_DONE = 10
MAX_DONE_WITHHELD = 5


@dataclass(frozen=True)
class Passage:
    kind: str
    done: bool
    acts: frozenset[str]
    title: str | None
    text: str


def passages() -> list[Passage]:
    return [Passage(r["class"], r["expect"] == "done", frozenset(r["act"].split("|")),
                    None if r["title"] == "-" else r["title"], r["passage"])
            for _, r in read_tsv(PASSAGES)]


def test_the_passages_are_well_formed():
    from eventscope.knowledge import taxonomy

    rows = passages()
    types = set(taxonomy.plover_types())
    assert len(rows) >= 80 and len({(r.title, r.text) for r in rows}) == len(rows)
    for row in rows:
        assert row.acts <= types and row.done == row.kind.startswith("done"), row
        assert 2 <= row.text.count(". ") + 1 <= 4, row


def test_the_coder_on_the_modality_passages(code_text):
    totals, failures = Counter(), []
    for row in passages():
        types = {e.plover for e in code_text(row.text, title=row.title).events}
        if row.done != bool(types & row.acts):
            outcome = "done withheld" if row.done else "not done coded as done"
            totals[outcome] += 1
            failures.append(f"{outcome}: [{row.kind}] {row.title or ''} | {row.text} -> {sorted(types)}")
    report = "\n".join(failures)
    print(f"\nmodality passages: {dict(totals)}\n{report}")
    assert totals["not done coded as done"] <= MAX_NOT_DONE_AS_DONE, report
    assert totals["done withheld"] <= MAX_DONE_WITHHELD, report


@pytest.mark.parametrize("title, text, act", [
    # a headline's bare infinitive announces the act; the story model names no event by it
    ("Chad to expel French diplomats", "The government in N'Djamena announced the decision on Monday. "
     "The diplomats have 72 hours to leave.", "SANCTION"),
    ("Egypt set to free jailed activists", "Cairo announced the pardon on Sunday. "
     "The activists are due to leave prison this week.", "RETREAT"),
])
def test_a_headline_future_is_no_act_done(code_text, title, text, act):
    assert act not in {e.plover for e in code_text(text, title=title).events}


@pytest.mark.parametrize("title, text, act", [
    # a modal, a hedge, a deliberating or planning word before the headline's act leaves it undone
    ("Deal would free 40 Somali fishermen", "Mediators said the text was not final. Both sides are studying it.", "RETREAT"),
    ("Peru may lift ban on Bolivian beef", "Officials said a decision would come after talks in Lima. La Paz welcomed the signal.",
     "CONCEDE"),
    ("Ghana expected to free detained journalists", "Their lawyers said a court would rule on Friday. "
     "The two have been held since March.", "RETREAT"),
    ("Norway weighs expulsion of Russian diplomats", "Ministers met on Monday to discuss a response. "
     "A decision is expected this week.", "SANCTION"),
    ("Senegal mulls sending police to Haiti", "The cabinet will decide next week. Haiti's government has asked for help.",
     "AID"),
])
def test_a_headline_act_after_a_modal_or_hedge_is_no_act_done(code_text, title, text, act):
    assert act not in {e.plover for e in code_text(text, title=title).events}, title


def test_a_headline_in_the_present_still_names_the_act(code_text):
    text = "The government in N'Djamena expelled two French diplomats on Monday. They left on Tuesday."
    assert "SANCTION" in {e.plover for e in code_text(text, title="Chad expels French diplomats").events}


@pytest.mark.parametrize("text, act", [
    # a present-tense clause under a plan, draft or deal tells its terms, no act done
    ("Under the plan, Ethiopian troops withdraw from the border town of Humera.", "RETREAT"),
    ("According to the draft, Ghana expels the Nigerian traders.", "SANCTION"),
    ("Donors unveiled a two-stage plan. In the first stage, Japan gives Sudan 90 million dollars.", "AID"),
    # a pronoun after the sentence that names a bill or package tells what it provides
    ("Kenya's parliament debated the bill on Monday. It bans Somali traders from Nairobi markets.", "COERCE"),
    # "X is to free": a plan, like "will free"
    ("Washington reached a deal with Tehran. Iran is to free five Americans in exchange.", "RETREAT"),
    # a plan, draft or deal as the subject of a verb of providing tells its terms, in any tense
    ("Negotiators agreed a framework. The deal provides for the release of 60 prisoners by Egypt.", "RETREAT"),
    ("The accord stipulates that Sudanese troops withdraw from Abyei. The African Union brokered it.", "RETREAT"),
    # an act under "discussed", "debated" is weighed, not done
    ("Kenya has discussed closing its border with Somalia.", "COERCE"),
])
def test_an_act_provided_or_discussed_is_not_done(code_text, text, act):
    assert act not in {e.plover for e in code_text(text).events}, text


@pytest.mark.parametrize("text, act", [
    # an event noun after "ahead of", "until" is still to come
    ("Security was tightened in Oslo ahead of a meeting between Ruto and Museveni. Hotels were closed.", "CONSULT"),
    ("Relatives gathered outside Evin prison ahead of the release of 20 detainees by Iran. Guards watched.", "RETREAT"),
    # a passive to-infinitive names what is still to be done to its noun
    ("Detainees to be released under the amnesty include six journalists. Egypt holds thousands.", "RETREAT"),
    ("Kyiv published a list of 90 soldiers to be freed by Russia in the swap. Families waited.", "RETREAT"),
])
def test_an_act_ahead_or_to_be_done_is_not_done(code_text, text, act):
    assert act not in {e.plover for e in code_text(text).events}, text


def test_the_first_ones_to_be_freed_were_freed(code_text):
    text = "The first detainees to be released by Iran were two students. They flew to Paris on Friday."
    assert "RETREAT" in {e.plover for e in code_text(text).events}


def test_an_act_done_under_a_deal_is_done(code_text):
    text = "Under the deal, Ethiopian troops withdrew from the border town of Humera on Monday."
    assert "RETREAT" in {e.plover for e in code_text(text).events}
