"""The story model's own event: added only to a story of the size it learnt from.

Every sentence here is invented for the test (none comes from the dev sets).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventscope.coding.classify.thresholds import Thresholds, fits_story_model
from eventscope.coding.selection import MAIN_EVENT
from eventscope.models import Document

TITLE = "Teachers strike over unpaid wages"
STORY = ("Teachers in the northern provinces stayed away from classrooms on Monday, leaving schools empty.\n\n"
         "The union said its members had not been paid for three months and would not return until they were.\n\n"
         "Parents gathered outside several schools, unsure when lessons would resume.")
BACKGROUND = " ".join([  # an article's background: places, people, weather, no acts between actors
    "The region has long been one of the poorest in the country, with few roads and little industry.",
    "Many families rely on small farms that grow maize, beans and cassava for local markets.",
    "Rainfall this year was below average, and prices for staple foods have risen in recent weeks.",
    "Most of the schools were built in the 1970s and several have leaking roofs and no electricity.",
    "Classes are often crowded, with more than sixty pupils sharing a single room and a handful of books.",
    "The school year normally runs until the end of November, when the harvest season begins.",
    "Local radio stations broadcast lessons for older pupils during a closure two years ago.",
    "Travel between villages is difficult in the rainy season, when rivers flood the dirt tracks.",
    "The provincial capital has about two hundred thousand inhabitants and one hospital.",
    "Mobile phone coverage reaches most towns, though many villages still have no signal at all.",
    "A new highway to the coast was planned a decade ago, but only the first stretch has been paved.",
    "Fishing on the lake provides work for several thousand people during the dry months.",
    "Cattle markets are held every Thursday in the larger towns, drawing traders from far away.",
    "The population is young: almost half of the inhabitants are under fifteen years of age.",
    "Most houses are built of mud bricks and roofed with iron sheets or grass.",
    "Tea and coffee grown on the hills are sold to buyers who truck them to the port.",
    "The nearest university is a day's journey away by bus, along a road that washes out each year.",
    "Electricity reached the main towns only in the last ten years, and outages are frequent.",
    "Bananas, sweet potatoes and groundnuts are grown in small plots behind most homesteads.",
    "The dry season lasts from June to September, when dust covers the roads and the fields.",
    "Football is the favourite pastime, and almost every village has a pitch of bare earth.",
    "Weekly newspapers arrive from the capital several days late, carried on the morning bus.",
])


def _created(events) -> list:
    """Events the story model added (its note first, no pattern of the lexicon)."""
    return [e for e in events if e.evidence and e.evidence[0].decides == MAIN_EVENT]


def test_a_story_longer_than_the_model_learnt_from_fits_it_not():
    short, long = Document(id="a", text=STORY), Document(id="b", text=STORY + "\n\n" + BACKGROUND)
    assert len(STORY) < Thresholds().story_chars < len(long.text)
    assert fits_story_model(short, Thresholds())
    assert not fits_story_model(long, Thresholds())
    assert fits_story_model(long, Thresholds(story_chars=len(long.text)))


@pytest.mark.parametrize("text,added", [(STORY, True), (STORY + "\n\n" + BACKGROUND, False)])
def test_the_story_model_adds_its_event_only_to_a_story_of_its_size(code_text, processor, text, added):
    events = code_text(text, title=TITLE).events
    assert bool(_created(events)) == added, [(e.plover, e.evidence_text) for e in events]
    classifier = processor.coder.classifier
    default = classifier.thresholds
    classifier.thresholds = replace(default, story_chars=10 ** 6)  # the same article, no size limit
    try:
        unlimited = code_text(text + " ", title=TITLE).events  # another id: not a cached result
    finally:
        classifier.thresholds = default
    assert [e.plover for e in _created(unlimited)] == ["PROTEST"]
