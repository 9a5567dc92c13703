"""The modality challenge set (tests/data/modality_challenge.tsv): invented news sentences, each
an act reported as done or not (requested, demanded, conditional, hypothetical, denied,
planned, uncertain, prevented) and done controls with the same verbs. Scores how many acts
not done the coder codes as done and how many done acts it withholds, per class."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventscope.knowledge.tsv import read_tsv

CHALLENGE = Path(__file__).parent / "data" / "modality_challenge.tsv"

# what the coder still gets wrong (measured at issue-21m; main 4b4fcee: 24 / 10 / 12 on these
# rows, main 4412d95: 5 / 8 / 7, main 2a84ae1: 2 / 6 / 6): a ceiling, so a change that adds errors fails
MAX_NOT_DONE_AS_DONE = 2
MAX_DONE_WITHHELD = 6
MAX_INSTEAD_MISSED = 6


@dataclass(frozen=True)
class Row:
    kind: str  # how the act is (not) done: requested, negated, ..., done_past
    done: bool
    acts: frozenset[str]  # PLOVER types of the act
    instead: str | None  # PLOVER type the sentence reports in its place (a request, a threat ...)
    text: str


def challenge_rows() -> list[Row]:
    return [Row(r["class"], r["expect"] == "done", frozenset(r["act"].split("|")),
                None if r["instead"] == "-" else r["instead"], r["sentence"])
            for _, r in read_tsv(CHALLENGE)]


def test_the_challenge_set_is_well_formed():
    from eventscope.knowledge import taxonomy

    rows = challenge_rows()
    types = set(taxonomy.plover_types())
    assert len(rows) >= 150 and len({r.text for r in rows}) == len(rows)
    for row in rows:
        assert row.acts <= types and (row.instead is None or row.instead in types), row
        assert row.done == row.kind.startswith("done") and (not row.done or row.instead is None), row
        assert row.instead not in row.acts, row


def score(code_text, rows: list[Row]) -> tuple[Counter, list[str]]:
    """Counts per (class, outcome) and a line per failure."""
    counts, failures = Counter(), []
    for row in rows:
        types = {e.plover for e in code_text(row.text).events}
        coded = bool(types & row.acts)
        if row.done != coded:
            outcome = "done withheld" if row.done else "not done coded as done"
            counts[row.kind, outcome] += 1
            failures.append(f"{outcome}: [{row.kind}] {row.text} -> {sorted(types)}")
        if row.instead is not None and row.instead not in types:
            counts[row.kind, "instead missed"] += 1
            failures.append(f"instead missed ({row.instead}): [{row.kind}] {row.text} -> {sorted(types)}")
        counts[row.kind, "rows"] += 1
    return counts, failures


def test_the_coder_on_the_modality_challenge_set(code_text):
    counts, failures = score(code_text, challenge_rows())
    totals = Counter()
    for (kind, outcome), n in counts.items():
        totals[outcome] += n
    report = "\n".join(failures)
    print(f"\nmodality challenge: {dict(totals)}\n{report}")
    assert totals["not done coded as done"] <= MAX_NOT_DONE_AS_DONE, report
    assert totals["done withheld"] <= MAX_DONE_WITHHELD, report
    assert totals["instead missed"] <= MAX_INSTEAD_MISSED, report


@pytest.mark.parametrize("text, not_done, instead", [
    # the sentence model reads the act asked for; the appeal or demand stays one
    ("Washington pressed Seoul to impose sanctions on North Korea.", "SANCTION", "REQUEST"),
    ("Washington is pushing Riyadh to open talks with the Houthis.", "CONSULT", "REQUEST"),  # push: a demand frame
    # a plan narrated codes nothing, and the model does not read its act back in
    ("Kenya plans to expel the Ugandan ambassador.", "SANCTION", None),
    # the object of a verb that stops an act, and everything under it ("a plot to ...")
    ("Turkish police foiled a plot by Kurdish militants to assassinate the president.", "ASSAULT", None),
    # the to-infinitive of a frame noun no one owns, a "for" clause of a call
    ("The United States announced plans to withdraw its troops from Niger.", "RETREAT", None),
    ("The Arab League renewed its call for Israel to withdraw from the occupied territories.", "RETREAT", "REQUEST"),
    # a phrasal frame with a gerund ("ruled out withdrawing"), a negating governor ("refrained from")
    ("Mali's junta ruled out withdrawing its troops from Kidal.", "RETREAT", "REJECT"),
    ("Australia refrained from criticizing China's human rights record.", "ACCUSE", None),
    # an act someone is kept from ("barred X from V-ing")
    ("Police barred the students from marching to the parliament in Kampala.", "PROTEST", None),
    # the that-clause of a claim or allegation
    ("Armenian officials repeated claims that Azerbaijani troops had shelled their villages.", "ASSAULT", None),
    ("The allegation that Rwanda armed the M23 rebels has strained its ties with Congo.", "AID", None),
    # "will not hesitate to strike": a threat, not a strike
    ("Israel will not hesitate to strike Hezbollah, the Israeli defence minister said.", "ASSAULT", None),
    # the that-clause of reports a verb dismisses; what an unconfirmed source says
    ("Sudan dismissed reports that its jets had bombed a camp in Chad.", "ASSAULT", None),
    ("Unconfirmed reports said Ugandan soldiers had arrested the Congolese colonel.", "COERCE", None),
    # "is set to host talks", "host" parsed as a noun: the talks are to come, an intent
    ("Kenya is set to host talks between Somalia and Ethiopia.", "CONSULT", "AGREE"),
    # a demand whose asked act the lexicon has no pattern for is still a demand
    ("The Sudanese army insisted that the rebels must leave the capital.", "ASSAULT", "REQUEST"),
])
def test_acts_under_these_words_are_not_done(code_text, text, not_done, instead):
    types = {e.plover for e in code_text(text).events}
    assert not_done not in types and (instead is None or instead in types), (text, types)


def test_an_act_its_doer_did_not_hesitate_to_do_is_done(code_text):
    assert "SANCTION" in {e.plover for e in code_text("Kenya did not hesitate to expel the Ugandan ambassador.").events}
