"""The example user dictionary (dictionaries/example_actors.tsv): loads cleanly, and a
date-bounded role applies only inside its term."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.knowledge.dictionaries import ActorDictionary
from eventscope.actors.phrase import resolve_phrase

EXAMPLE = Path(__file__).resolve().parents[1] / "dictionaries" / "example_actors.tsv"


@pytest.fixture(scope="module")
def book():
    loaded = ActorDictionary.load(EXAMPLE)
    assert loaded.warnings == []
    return loaded


@pytest.mark.parametrize("date,sector", [
    ("2010-06-01", "LEG"),  # an MP in this term
    ("2016-05-08", "LEG"),  # last day of the first term (end is inclusive)
    ("2016-05-09", "GOV"),  # mayor from this day on
    ("2023-01-01", "GOV"),  # open-ended term
    ("1999-01-01", "CVL"),  # before any term: the undated row, not the nearest term
])
def test_a_dated_role_applies_only_in_its_term(book, date, sector):
    actor = resolve_phrase("Sadiq Khan", date=date, dictionaries=book)
    assert (actor.name, actor.country, actor.sector) == ("Sadiq Khan", "GBR", sector)


def test_aliases_and_bodies(book):
    assert resolve_phrase("Mayor Khan", date="2020-01-01", dictionaries=book).sector == "GOV"
    assert resolve_phrase("the GLA", dictionaries=book).code == "GBRGOV"


def test_without_the_dictionary_the_name_is_unknown():
    assert resolve_phrase("Sadiq Khan", date="2020-01-01").country is None
