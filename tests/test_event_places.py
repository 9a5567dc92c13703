"""Event places: resolved by document context, from clause, sentence or dateline, with
GeoNames fields; stored, exported in the `code` contract and served by the API."""

from __future__ import annotations

from collections import Counter

import pytest

from eventscope.coding.places import PlaceContext, resolve


@pytest.mark.parametrize("name,countries,country,precision", [
    ("Georgia", {}, "GEO", "country"),
    ("Georgia", {"USA": 5}, "USA", "region"),  # the US state in an American story
    ("Georgia", {"RUS": 3, "GEO": 1}, "GEO", "country"),
    ("Hyderabad", {}, "IND", "city"),
    ("Hyderabad", {"PAK": 4}, "PAK", "city"),  # Hyderabad, Sindh
    ("Santa Cruz", {}, "BOL", "city"),
    ("Santa Cruz", {"USA": 2}, "USA", "city"),
])
def test_a_shared_name_resolves_by_the_documents_countries(name, countries, country, precision):
    where = resolve(name, PlaceContext(Counter(countries)))
    assert (where.country, where.precision) == (country, precision)
    assert where.geonames_id and where.lat is not None and where.lon is not None


def test_a_town_has_its_geonames_fields():
    where = resolve("Moscow")
    assert (where.name, where.country, where.admin1, where.geonames_id) == ("Moscow", "RUS", "RU.48", 524901)
    assert abs(where.lat - 55.75) < 0.01 and abs(where.lon - 37.62) < 0.01


def test_the_clause_place_of_a_meeting(code_text):
    r = code_text("The foreign ministers of Iran and Turkey met in Ankara on Monday.")
    placed = [e for e in r.events if e.location]
    assert placed and placed[0].location == "Ankara" and placed[0].location_precision == "city"
    assert placed[0].location_country == "TUR" and placed[0].location_geonames_id


def test_a_place_in_the_sentence_but_not_in_another_noun(code_text):
    r = code_text("In Nairobi, police arrested twelve opposition activists on Friday.")
    assert [e.location for e in r.events if e.cameo.startswith("17")] == ["Nairobi"]
    other = code_text("The senator criticized the government over the wars in Somalia and Yemen.")
    assert all(e.location is None for e in other.events)


def test_the_state_of_a_town_phrase(code_text):
    r = code_text("A gunman killed three people at a shopping mall in the US state of Ohio.")
    assert [(e.location, e.location_precision) for e in r.events if e.location] == [("Ohio", "region")]


def test_a_local_story_takes_its_datelines_place(code_text):
    r = code_text("KABUL (Reuters) - Afghan police arrested four suspected militants on Tuesday.")
    placed = [e for e in r.events if e.location]
    assert placed and placed[0].location == "Kabul" and placed[0].location_country == "AFG"
    far = code_text("KABUL (Reuters) - The presidents of Brazil and Argentina signed a trade pact in March.")
    assert all(e.location is None for e in far.events)  # not a local story: no place taken


def test_a_hyderabad_story_about_pakistan(code_text):
    text = ("Pakistani police arrested five protesters in Hyderabad on Sunday. Pakistan's "
            "government said Pakistani officers would question them.")
    placed = [e for e in code_text(text).events if e.location]
    assert placed and placed[0].location_country == "PAK"


def test_location_fields_are_stored_and_in_the_contract(code_text, tmp_path):
    from eventscope.store import Store

    r = code_text("Police arrested protesters in Lyon on Monday.")
    contract = r.events[0].to_contract()
    assert contract["location"] == "Lyon" and contract["location_country"] == "FRA"
    assert contract["location_precision"] == "city" and contract["location_geonames_id"]
    with Store(tmp_path / "s.duckdb") as store:
        store.write_results([r])
        row = store.con.execute("SELECT location, location_country, location_admin1, location_geonames_id, "
                                "location_lat, location_precision FROM events").fetchone()
    assert row[0] == "Lyon" and row[1] == "FRA" and row[2].startswith("FR.") and row[3] and row[5] == "city"


def test_an_old_store_gains_the_location_columns(tmp_path):
    import duckdb

    from eventscope.store import Store

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, sentence INTEGER NOT NULL,"
                " cameo VARCHAR NOT NULL, location VARCHAR, location_country VARCHAR)")
    con.close()
    with Store(path) as store:
        names = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
    assert {"location_geonames_id", "location_lat", "location_lon", "location_precision"} <= names


def test_a_place_inside_a_locative_phrase(code_text):
    r = code_text("Rebels killed four soldiers at a checkpoint outside a mosque in the town of Mosul.")
    assert {e.location for e in r.events if e.cameo.startswith("19")} == {"Mosul"}


def test_a_gerund_under_a_preposition_shares_its_verbs_place(code_text):
    r = code_text("In Lagos, a gunman wounded a policeman before shooting two bystanders.")
    assert all(e.location == "Lagos" for e in r.events) and r.events


def test_the_capital_a_demonym_names(code_text):
    r = code_text("Protesters rallied in the Kenyan capital on Monday against new taxes.")
    assert [e.location for e in r.events if e.location] and \
        all(e.location == "Nairobi" for e in r.events if e.location)


def test_an_attack_happens_where_it_strikes(code_text):
    r = code_text("Government aircraft shelled the city of Homs on Sunday.")
    assert any(e.location == "Homs" for e in r.events if e.cameo_root in {"18", "19", "20"})
    r = code_text("Syrian rebels launched an attack on Aleppo on Sunday.")
    assert any(e.location == "Aleppo" for e in r.events if e.cameo_root in {"18", "19", "20"})


def test_the_verbs_place_before_an_actors_modifier(code_text):
    r = code_text("The British ambassador in Kenya held talks with the Ugandan president "
                  "during a visit to Kampala on Friday.")
    assert [e.location for e in r.events if e.cameo.startswith("04")][:1] == ["Kampala"]


def test_a_story_filed_from_elsewhere_is_placed_in_the_country_it_covers(code_text):
    text = ("CAIRO (AP) - Tunisian police arrested six suspects on Thursday. Tunisian officials said "
            "the Tunisian army would guard the Tunisian border, and Tunisian lawmakers backed the "
            "plan. Tunisian police detained two more men on Friday.")
    r = code_text(text)
    arrests = [e for e in r.events if e.cameo.startswith("17")]
    assert arrests and all((e.location_country, e.location_precision) == ("TUN", "country") for e in arrests)
    assert all(e.location_country != "EGY" for e in r.events)


def test_the_place_share_counts_events_whose_sentence_names_a_place(processor):
    from eventscope.evaluation.place_eval import measure_documents
    from eventscope.models import Document

    texts = ["Police arrested five protesters in Nairobi on Monday.",
             "The senator criticized the president over the wars in Somalia and Yemen.",
             "The minister praised the new budget on Tuesday."]
    docs = [Document(id=f"p{i}", text=t, date="2020-03-02") for i, t in enumerate(texts)]
    coverage = measure_documents(processor, docs)
    by_doc = {e.doc_id: e for e in coverage.events}
    assert by_doc["p0"].place_named and by_doc["p0"].location == "Nairobi" and by_doc["p0"].evidence
    assert by_doc["p1"].place_named and by_doc["p1"].location is None  # named, rightly not placed
    assert not by_doc["p2"].place_named
    assert coverage.placed_of_named == 1 and len(coverage.named) == 2
    assert "share=0.500" in coverage.summary_line()


def test_a_town_and_its_region_after_a_comma(code_text):
    r = code_text("Prosecutors filed charges against the contractor in federal court in Alexandria, Virginia.")
    placed = [e for e in r.events if e.location]
    assert placed and all((e.location, e.location_country, e.location_admin1) == ("Alexandria", "USA", "US.VA")
                          for e in placed)
