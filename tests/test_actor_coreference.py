"""Who a mention stands for across a document (actors.resolution): the story's country, pronouns,
definite roles and namesakes. Invented sentences, not from any dev set."""

from __future__ import annotations

import pytest

from eventscope.actors.phrase import resolve_phrase


@pytest.fixture(scope="module")
def resolved(processor):
    from eventscope.actors.mentions import DocActors
    from eventscope.models import Document

    def _resolve(text: str, title: str | None = None):
        doc = processor.nlp(text)
        return doc, DocActors(doc, Document(id="t", text=text, title=title, date="2019-10-02", origin="test"))

    return _resolve


def countries_of(doc, actors, word: str, nth: int = 0) -> list[str | None]:
    token = [t for t in doc if t.text == word][nth]
    return [a.country for a in actors.actors_for(token)]


def test_known_people_count_for_the_story_country_as_much_as_place_names(resolved):
    # Ukraine is named three times, but the story is about what France's president does
    doc, actors = resolved("Emmanuel Macron spoke about Ukraine on Monday. Macron said Ukraine needed "
                           "more help. Macron later met Ukrainian students. A government spokesman "
                           "called the talks useful.")
    assert actors.story_country == "FRA"
    assert countries_of(doc, actors, "spokesman") == ["FRA"]


def test_a_known_surname_after_another_given_name_is_another_person():
    assert resolve_phrase("Igor Lavrov").country is None
    assert resolve_phrase("Sergei Lavrov").country == "RUS"
    assert resolve_phrase("Mr Lavrov").country == "RUS"
    assert resolve_phrase("Sergei V. Lavrov").country == "RUS"  # an initial is no other name


def test_a_pronoun_prefers_the_person_the_last_sentences_are_about(resolved):
    doc, actors = resolved("Angela Merkel spoke with Emmanuel Macron on Tuesday. She said Europe "
                           "must act together.")
    assert countries_of(doc, actors, "She") == ["DEU"]


def test_a_definite_role_is_the_last_one_named_with_that_role(resolved):
    doc, actors = resolved("Kenyan Foreign Minister Raychelle Omamo arrived in Washington on Monday. "
                           "The United States and Canada hosted the talks. The foreign minister "
                           "criticised the delays.", title="Talks open in Washington")
    assert countries_of(doc, actors, "minister") == ["KEN"]
    assert "coref:role foreign minister" in actors.actors_for([t for t in doc if t.text == "minister"][0])[0].evidence_text


def test_a_person_of_no_known_country_is_guessed_of_the_story_country(resolved):
    doc, actors = resolved("Kenyan prosecutors charged Otieno Mbarak with fraud on Monday. Mbarak denied "
                           "the charges.", title="Kenyan court hears fraud case")
    for nth in (0, 1):
        assert countries_of(doc, actors, "Mbarak", nth) == ["KEN"]
    mbarak = actors.actors_for([t for t in doc if t.text == "Mbarak"][0])[0]
    assert "country of the story (a person of no known country)" in mbarak.evidence_text
    # what the text says of the person wins over the guess
    doc, actors = resolved("Lars Fenwick, a Danish engineer, met Kenyan officials in Nairobi. Kenyan "
                           "police later questioned Fenwick.", title="Kenya questions engineer")
    assert countries_of(doc, actors, "Fenwick", 0) == ["DNK"]
    assert countries_of(doc, actors, "Fenwick", 1) == ["DNK"]


def test_a_role_of_no_country_belongs_to_whom_its_phrase_says(resolved):
    # the story is about Portugal's reaction; the soldiers and the president are Guinea-Bissau's
    doc, actors = resolved("Soldiers in Guinea-Bissau detained the country's interim president on "
                           "Thursday. Portugal condemned the coup. Portugal said it would act.",
                           title="Portugal condemns coup")
    assert countries_of(doc, actors, "Soldiers") == ["GNB"]
    assert countries_of(doc, actors, "president") == ["GNB"]
    doc, actors = resolved("Japan protested on Monday. South Korea's president ordered his military "
                           "to hold a drill.", title="Japan protests drill")
    assert countries_of(doc, actors, "military") == ["KOR"]


def test_a_conjoined_role_of_no_country_shares_its_first_conjuncts(resolved):
    doc, actors = resolved("Soldiers in Guinea-Bissau detained the country's interim president and the "
                           "former prime minister. Portugal condemned the coup. Portugal said it would act.",
                           title="Portugal condemns coup")
    assert countries_of(doc, actors, "minister") == ["GNB"]


def test_a_region_is_never_the_story_country(resolved):
    # "West Africa" (region code WAF) is named most, but no police force is a region's
    doc, actors = resolved("Rebels in Sierra Leone attacked a border town. West African leaders condemned "
                           "the attack. Police arrested ten men.", title="West Africa condemns attack")
    assert actors.story_country == "SLE"
    assert countries_of(doc, actors, "Police") == ["SLE"]


def test_he_never_stands_for_a_body_named_by_a_role_noun(resolved):
    # "the embassy" is the last subject before "He", but an embassy is "it", never "he"
    doc, actors = resolved("Karl Osterholm visited the Peruvian embassy in Oslo on Monday. The embassy "
                           "said the visit was private. He left after an hour.", title="Norwegian visits embassy")
    he = actors.actors_for([t for t in doc if t.text == "He"][0])
    assert [a.name for a in he] == ["Karl Osterholm"]


def test_a_description_gives_an_unknown_person_a_nationality_in_every_mention(resolved):
    doc, actors = resolved("Kenyan police arrested Rune Halvorsen in Nairobi on Friday. The 52-year-old "
                           "Norwegian had arrived in Kenya last month. Kenyan officials said Halvorsen "
                           "would be deported.", title="Kenya arrests visitor")
    assert actors.story_country == "KEN"
    for nth in (0, 1):
        assert countries_of(doc, actors, "Halvorsen", nth) == ["NOR"]
    assert "described as The 52-year-old Norwegian" in actors.actors_for(
        [t for t in doc if t.text == "Halvorsen"][0])[0].evidence_text
    # a description of someone else's nationality than a known one changes nothing
    doc, actors = resolved("Kenyan police arrested Lars Fenwick, a Danish engineer, on Friday. The "
                           "Norwegian ambassador visited the prison.", title="Kenya arrests engineer")
    assert countries_of(doc, actors, "Fenwick") == ["DNK"]


def test_every_body_word_is_a_role_word_of_the_lexicon():
    # only role nouns with a sector are ever taken for persons: a body word without one is dead
    from eventscope.knowledge.coreference_words import coreference_words

    assert not [w for w in coreference_words()["body"] if not resolve_phrase(w).sector]


def test_a_headline_naming_one_country_alone_says_where_the_story_is(resolved):
    # the sovereign is named more often, but the headline (beside its outlet) names Macau alone
    doc, actors = resolved("Macau is tense. Beijing warned the protesters. Beijing said China would not "
                           "yield. China's leaders met on Sunday. Police fired tear gas at protesters.",
                           title="The Guardian view on Macau: a tense week")
    assert actors.story_country == "MAC"
    assert countries_of(doc, actors, "Police") == ["MAC"]


def test_a_place_saying_whose_the_subject_is_counts_as_an_agents_and_a_tie_goes_to_the_first(resolved):
    doc, actors = resolved("Soldiers in Lesotho detained the prime minister on Friday. South Africa "
                           "condemned the coup. Police sealed the capital.")
    assert actors.story_country == "LSO"
    assert countries_of(doc, actors, "Police") == ["LSO"]


def test_they_and_them_stand_for_the_last_plural_actors(resolved):
    doc, actors = resolved("Brazil has quarrelled with its neighbours, including Peru, Chile and Bolivia, "
                           "publicly warning them about the dam.")
    assert countries_of(doc, actors, "them") == ["PER", "CHL", "BOL"]
    doc, actors = resolved("Farmers in Ghana blocked the main road on Monday. They demanded higher prices.")
    assert countries_of(doc, actors, "They") == ["GHA"]
    assert "coref:pronoun they" in actors.actors_for([t for t in doc if t.text == "They"][0])[0].evidence_text


def test_places_passed_through_are_not_who_they_are(resolved):
    doc, actors = resolved("The agent sent me to Peru via Madrid and Lisbon. They caught me at the border.")
    assert countries_of(doc, actors, "They") == []


def test_governments_in_the_plural_are_not_the_story_countrys(resolved):
    # a country has one government: "governments" are several countries', not Lesotho's
    doc, actors = resolved("Soldiers in Lesotho seized the palace on Monday. Governments and the African "
                           "Union condemned the coup. Police in Lesotho closed the roads.")
    assert actors.story_country == "LSO"
    assert countries_of(doc, actors, "Governments") == [None]
    assert countries_of(doc, actors, "Police") == ["LSO"]


def test_a_pronoun_stands_for_the_main_clause_subject_before_an_embedded_one(resolved):
    doc, actors = resolved("Ghana's foreign minister Ama Boateng told the committee that the Togolese "
                           "president was not corrupt. However, she said the call changed her view.")
    assert countries_of(doc, actors, "she") == ["GHA"]


def test_a_passive_main_clause_subject_is_what_it_stands_for(resolved):
    doc, actors = resolved("Kenya has pledged to punish Uganda. Tanzania, which trades with both, "
                           "would be caught in the middle. It has tried to calm both sides.")
    assert countries_of(doc, actors, "It") == ["TZA"]


def test_a_leader_is_a_person_never_what_it_stands_for(resolved):
    doc, actors = resolved("Ghana's leader orders a review. Leaders condemned Uganda after it closed "
                           "the border.")
    assert countries_of(doc, actors, "it") == ["UGA"]


def test_congress_alone_is_the_us_congress_unless_the_story_country_has_one(resolved):
    # a story about Poland: "Congress" and "congressional" are the US's, the ministry Poland's
    doc, actors = resolved("The Polish foreign minister flew to Warsaw after he addressed Congress. "
                           "Polish officials said congressional aides had praised the speech. "
                           "A ministry spokeswoman declined to comment.")
    assert actors.story_country == "POL"
    assert countries_of(doc, actors, "Congress") == ["USA"]
    assert countries_of(doc, actors, "aides") == ["USA"]
    assert countries_of(doc, actors, "spokeswoman") == ["POL"]
    # a story about Peru, whose legislature is a Congress too: its own
    doc, actors = resolved("Peruvian police clashed with protesters in Lima. Peruvian officials said "
                           "Congress would vote on the budget on Friday.")
    assert actors.story_country == "PER"
    assert countries_of(doc, actors, "Congress") == ["PER"]
    # a party congress, written small, is the story's
    doc, actors = resolved("Polish officials met in Warsaw. The party congress elected a new leader.")
    assert countries_of(doc, actors, "congress") == ["POL"]


def test_a_person_in_apposition_to_a_kin_word_is_of_the_story_country(resolved):
    # "the widow" is no actor, the unknown person beside it is, of the story's country
    doc, actors = resolved("The widow, Amina Wekesa, was arrested in Nairobi, Kenyan police said.")
    assert actors.story_country == "KEN"
    assert countries_of(doc, actors, "widow") == ["KEN"]


@pytest.mark.parametrize("text, word, nth, country", [
    # a verb whose object causes the subject's act: the reason clause's "it" is the object
    ("Norway condemned Kenya after it expelled two diplomats.", "it", 0, "KEN"),
    ("Norway praised Kenya because it released the prisoners.", "it", 0, "KEN"),
    # a reporting clause's "it" stays its subject
    ("Norway told Kenya that it would expel two diplomats.", "it", 0, "NOR"),
    # a possessive of the clause whose subject is the same pronoun is that subject's
    ("Norway condemned Kenya after it expelled its ambassador.", "its", 0, "KEN"),
])
def test_a_pronoun_in_a_reason_clause_of_a_reaction_is_its_object(resolved, text, word, nth, country):
    doc, actors = resolved(text)
    assert countries_of(doc, actors, word, nth) == [country]
