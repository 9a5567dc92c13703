"""Who did it, and of which country and sector (issue 16, sources and actor resolution): a
craft of a nationality is an actor, roles of no one country take none, common nouns and name
words are not read as organisations or sectors, a titled person's family name stands for them,
PETRARCH's media code is our JRN and health workers' own acts are no event. Invented sentences
only."""

from __future__ import annotations

import pytest

from eventscope.actors.phrase import resolve_phrase


def mentions(processor, text, title=None):
    from eventscope.actors.mentions import DocActors
    from eventscope.models import Document

    doc = processor.nlp(text)
    return doc, DocActors(doc, Document(id="t", text=text, title=title, date="2021-03-01", origin="test"))


def actors_of(doc, actors, word: str, nth: int = 0):
    token = [t for t in doc if t.text == word][nth]
    return [(a.country, a.sector) for a in actors.actors_for(token)]


# --- a craft of a nationality ("a Chinese navy vessel") is an actor -----------------------

@pytest.mark.parametrize("text,word,expected", [
    ("A Chinese navy vessel chased a Vietnamese trawler near the Paracel Islands.", "vessel", ("CHN", "MIL")),
    ("An Indian naval ship escorted two tankers out of the strait.", "ship", ("IND", "MIL")),
    ("A Turkish ship carried the aid to the port of Tripoli.", "ship", ("TUR", None)),
])
def test_a_craft_given_a_nationality_is_an_actor(processor, text, word, expected):
    doc, actors = mentions(processor, text)
    assert actors_of(doc, actors, word) == [expected]


@pytest.mark.parametrize("text,word", [
    ("Chinese assistance reached the flooded province on Friday.", "assistance"),  # an act word
    ("Lawmakers questioned Anna Brook, a Ukraine specialist at the embassy.", "specialist"),  # a country's name
])
def test_an_act_or_a_subject_matter_is_no_actor(processor, text, word):
    doc, actors = mentions(processor, text)
    assert actors_of(doc, actors, word) == []


def test_a_navy_vessel_that_fires_is_the_source(code_text):
    events = code_text("A Chinese navy vessel fired water cannon at a Philippine fishing boat on Tuesday.").events
    assert any([a.country for a in e.source] == ["CHN"] for e in events), events


# --- a joint body is its leader's ("the Saudi-led coalition") ------------------------------

@pytest.mark.parametrize("text,word,expected", [
    ("The Kenyan-led coalition shelled two villages near the border on Sunday.", "coalition", [("KEN", None)]),
    ("An Egyptian alliance of tribes blocked the road to the mine.", "alliance", [("EGY", None)]),
    # the backer only aids ("Kenyan-backed"), and alone the word says nobody
    ("A Kenyan-backed coalition shelled two villages near the border on Sunday.", "coalition", []),
    ("The coalition shelled two villages near the border on Sunday.", "coalition", []),
])
def test_a_joint_body_is_an_actor_when_a_modifier_says_who_leads_it(processor, text, word, expected):
    doc, actors = mentions(processor, text)
    assert actors_of(doc, actors, word) == expected


def test_a_led_coalition_that_bombs_is_the_source(code_text):
    events = code_text("The Ethiopian-led coalition bombed a market in Somalia on Sunday.").events
    assert any([a.country for a in e.source] == ["ETH"] for e in events if e.plover == "ASSAULT"), events


# --- roles of no one country ------------------------------------------------------------

def test_the_international_community_takes_no_story_country(processor):
    doc, actors = mentions(processor, "Gunmen attacked a school in Kandahar on Monday. The Afghan government "
                                      "blamed the Taliban. The international community condemned the attack.")
    assert actors.story_country == "AFG"
    assert actors_of(doc, actors, "community") == [(None, "CVL")]


# --- common nouns and name words ----------------------------------------------------------

def test_the_fund_is_the_imf_only_as_written():
    assert resolve_phrase("the Fund").name == "International Monetary Fund"
    assert resolve_phrase("funds").country is None
    assert resolve_phrase("the fund").country is None


def test_a_role_word_that_is_a_persons_surname_gives_no_sector(processor):
    doc, actors = mentions(processor, "President Maria Farmer opened the new parliament in Port Louis.")
    assert ("GOV" in {s for _, s in actors_of(doc, actors, "Farmer")}), actors_of(doc, actors, "Farmer")
    assert resolve_phrase("the farmer").sector == "AGR"


def test_new_york_police_officers_are_police():
    assert (resolve_phrase("two NYPD officers").country, resolve_phrase("two NYPD officers").sector) == ("USA", "COP")


def test_a_titled_persons_family_name_stands_for_them(processor):
    doc, actors = mentions(processor, "South Korean President Moon Jae-in met Japanese officials in Tokyo on "
                                      "Monday. Japan and Japanese firms were the focus. Moon said talks with "
                                      "Tokyo would go on.")
    assert actors_of(doc, actors, "Moon", nth=1) == [("KOR", "GOV")]


def test_a_names_word_of_no_kind_does_not_read_the_name():
    """tools/build_actor_knowledge.py keeps a body whose name has a word of no kind ("national",
    UNK in sectors.tsv): the Phoenix body is in the derived file."""
    actor = resolve_phrase("the Syrian National Coalition")
    assert (actor.country, actor.sector, actor.name) == ("SYR", "OPP", "Syrian National Coalition")


# --- sector codes of PETRARCH dictionaries ------------------------------------------------

def test_petrarch_media_is_our_jrn_and_health_our_med():
    from eventscope.knowledge.petrarch import agent_sector, split_code

    assert split_code("DNKMED") == ("DNK", "JRN")
    assert split_code("GBRGOVHLH") == ("GBR", "GOV")
    assert agent_sector("HLH") == "MED"
    assert agent_sector("MED") == "JRN"


# --- health workers tell of acts; they are targets of them ----------------------------------

def test_a_shelled_hospital_is_a_target(code_text):
    events = code_text("Government troops shelled a hospital in Idlib on Sunday, killing four patients.").events
    assert any(any(a.sector == "MED" for a in e.target) for e in events), events


# --- sector-only actors take the country the text gives -------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Nebraska State Police", ("USA", "COP")),
    ("a Kentucky judge", ("USA", "JUD")),
])
def test_a_us_state_names_its_country(text, expected):
    actor = resolve_phrase(text)
    assert (actor.country, actor.sector) == expected


def test_a_known_persons_body_names_the_storys_country(processor):
    doc, actors = mentions(processor, "The Obama administration proposed new rules for coal plants on Monday, "
                                      "and Energy Department officials defended them.")
    assert actors.story_country == "USA"
    assert actors_of(doc, actors, "officials") == [("USA", "GOV")]


# --- news media: their reports are no event, their own stances are --------------------------

def _event(source, cameo, plover, target=()):
    from eventscope.models import Event

    return Event(doc_id="t", sentence=0, span=(0, 10), source=list(source), target=list(target), cameo=cameo,
                 cameo_root=cameo[:2], goldstein=0.0, quad_class=1, plover=plover)


def test_a_news_outlets_own_stance_is_an_event_its_report_is_not():
    from eventscope.coding.selection import analyst_events
    from eventscope.models import Actor

    paper = Actor(name="the Daily Courier", country="KEN", sector="JRN")
    ministry = Actor(name="the ministry", country="KEN", sector="GOV")
    doctors = Actor(name="doctors", country="KEN", sector="MED")
    praise = _event([paper], "051", "SUPPORT", [ministry])
    report = _event([paper], "012", None, [ministry])  # a comment it reports: statements are its trade
    toll = _event([doctors], "112", "ACCUSE", [ministry])  # health workers tell of acts
    other = _event([ministry], "173", "COERCE", [doctors])
    assert analyst_events([praise, report, toll, other]) == [praise, other]


def test_a_nationality_adjective_owns_the_noun_of_an_act(processor):
    from eventscope.coding import clause_roles

    doc = processor.nlp("The rights group welcomed the Norwegian move to drop the charges against the activist.")
    drop = next(t for t in doc if t.lower_ == "drop")
    assert [t.text for t in clause_roles.subject_tokens(drop)[0]] == ["Norwegian"]


# --- a conjunct of the subject the parser made a second subject is one of the sources -----

def test_a_subject_s_conjunct_parsed_as_a_second_subject_is_a_source(code_text):
    # the parse leaves "and" on "Governments" and makes "former colonial power Belgium" a
    # second subject of "condemned"
    r = code_text("Governments from the Arab League to Canada and former colonial power Belgium "
                  "condemned the coup in Burundi.")
    condemned = [e for e in r.events if e.plover == "ACCUSE"]
    assert condemned and "BEL" in {a.country for e in condemned for a in e.source}


def test_a_government_word_of_no_country_heading_named_countries_is_no_source(code_text):
    r = code_text("Governments from the Arab League to Canada and former colonial power Belgium "
                  "condemned the coup in Burundi.")
    condemned = [e for e in r.events if e.plover == "ACCUSE"]
    assert condemned and all(a.country for e in condemned for a in e.source)
    # alone it stays the source
    r = code_text("Governments condemned the coup in Burundi.")
    assert any(e.source for e in r.events if e.plover == "ACCUSE")
