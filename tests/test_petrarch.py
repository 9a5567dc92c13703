"""PETRARCH dictionaries: the verbs importer, pattern matching and the PETRARCH coding mode.

The dictionaries here are invented (fictional countries Valdoria, Kestria, Morvane) so the
tests check the format's rules, not the dev set's sentences.
"""

from __future__ import annotations

import pytest

from conftest import SHARED, needs_shared
from eventscope.knowledge.petrarch_verbs import VerbDictionary

ACTORS = """\
VALDORIA [VLD]
+VALDORIAN
KESTRIA [KES]
+KESTRIAN
MORVANE [MRV]
TWIN_CITIES [TWC/TWD]
OSKAR_BRENN [VLD]
\t[VLDREB >20000101]
"""

AGENTS = """\
GOVERNMENT [~GOV]
SOLDIER [~MIL]
FOREIGN_MINISTER [~GOVFRM]
MINISTER [~GOV]
"""

VERBS = """\
&MONEY
+CROWNS
+GOLD MARKS
+SILVER_PIECES

&NEGAUX
+DID N'T
+WILL NOT

--- GIVE [070] ---
GIVE {GAVE GIVEN}
- * &MONEY [071]
- &NEGAUX * [081]
- * MONEY_FOR_ARMS [074]

--- VISIT [042:043] ---
VISIT

--- DISCUSS [040] ---
DISCUSS
- % * [046:046]
- * WITH % [041]

--- FREE [066] ---
FREE
- + * FROM $ [067]

--- PRAISE [051] ---
PRAISE
- SAID * [---]

--- PROPOSE [100] ---
PROPOSE
--- CORDON [---] ---
+CORDON_OFF {+CORDONED_OFF}
- * ROADS [172]
"""

DISCARDS = "+FOOTBALL\nCHESS_\n"


@pytest.fixture(scope="module")
def verbs(tmp_path_factory):
    path = tmp_path_factory.mktemp("verbs") / "Test.verbs.txt"
    path.write_text(VERBS)
    return VerbDictionary.read(path)


def _patterns(verbs, verb):
    return [p for p in verbs.patterns if p.verb == verb]


class _Every(set):
    """A sentence that has every word: each synset spelled out in full."""

    def __contains__(self, word) -> bool:
        return True


def _spelled(patterns):
    return [v for p in patterns for v in p.variants(_Every())]


def test_blocks_synsets_and_forms(verbs):
    assert verbs.warnings == []
    give = _patterns(verbs, "GIVE")
    assert {"give", "gives", "gave", "given", "giving"} <= give[0].forms
    codes = [p.code for p in give]
    assert codes[0] == "070"  # the block default comes first
    assert codes.count("071") == 1  # a synset is one element of one pattern ...
    assert [p.code for p in _spelled(give)].count("071") == 3  # ... standing for each of its phrases
    assert [p.reverse for p in _patterns(verbs, "VISIT")] == ["043"]
    assert _patterns(verbs, "PRAISE")[1].code == ""  # [---]: no event
    cordon = _patterns(verbs, "+CORDON_OFF")[0]
    assert cordon.words == ("cordon", "off") and "cordoned" in cordon.forms


def test_adjacency_and_gaps(verbs):
    pattern = next(p for p in _patterns(verbs, "GIVE") if p.code == "074")
    assert [(e.kind, e.word, e.adjacent) for e in pattern.elements] == [
        ("verb", "", False), ("word", "money", False), ("word", "for", True), ("word", "arms", True)]
    gold = next(p for p in _spelled(_patterns(verbs, "GIVE")) if any(e.word == "gold" for e in p.elements))
    assert [e.adjacent for e in gold.elements] == [False, False, False]  # a blank allows a gap


def test_bad_lines_are_warnings(tmp_path):
    path = tmp_path / "x.verbs.txt"
    path.write_text("STRAY\n--- ASK [090] ---\nASK\n- no star here [091]\n- * &NOPE [092]\n- * &NOPE AGAIN [093]\n"
                    "- * (WITH &NOPE) [094]\n- * no code\n")
    found = VerbDictionary.read(path)
    assert any("x.verbs.txt:1" in w for w in found.warnings)
    assert [w for w in found.warnings if "&NOPE" in w] == ["x.verbs.txt:5: unknown synset &NOPE; its patterns never match"]
    assert any("x.verbs.txt:8" in w and "cannot read pattern" in w for w in found.warnings)
    # as PETRARCH2 reads it: a pattern without "*" names words before the verb
    assert [p.code for p in found.patterns] == ["090", "091"]
    assert [e.kind for e in found.patterns[1].elements] == ["word", "word", "word", "verb"]


@pytest.fixture(scope="module")
def coder(tmp_path_factory):
    from eventscope.pipeline import Processor

    folder = tmp_path_factory.mktemp("petr")
    for name, text in [("Test.actors.txt", ACTORS), ("Test.agents.txt", AGENTS),
                       ("Test.verbs.txt", VERBS), ("Test.discards.txt", DISCARDS)]:
        (folder / name).write_text(text)
    return Processor(folder)


def triples(coder, text, date="2001-05-01"):
    from eventscope.models import Document, content_id

    doc = Document(id=content_id(text), text=text, date=date, origin="test")
    result = next(iter(coder.process([doc])))
    for event in result.events:
        assert event.evidence_text.startswith("petrarch pattern ")
    return {(s.country or "---") + (s.sector or "") + ">" + (t.country or "---") + (t.sector or "")
            + " " + e.cameo for e in result.events for s in e.source for t in e.target}


def test_default_code_and_agents(coder):
    assert triples(coder, "The Valdorian government gave a warning to Kestria.") == {"VLDGOV>KES 070"}


def test_synset_and_phrase_patterns(coder):
    assert triples(coder, "Valdoria gave ten thousand crowns to Kestria.") == {"VLD>KES 071"}
    assert triples(coder, "Valdoria gave gold and silver marks to Kestria.") == {"VLD>KES 071"}  # gap
    assert triples(coder, "Valdoria gave silver coins and pieces to Kestria.") == {"VLD>KES 070"}  # "_" needs adjacency


def test_negation_is_what_the_pattern_says(coder):
    assert triples(coder, "Valdoria didn't give weapons to Kestria.") == {"VLD>KES 081"}


def test_paired_codes_go_both_ways(coder):
    assert triples(coder, "Kestrian soldiers visit Morvane.") == {"KESMIL>MRV 042", "MRV>KESMIL 043"}


def test_compound_subject_and_object(coder):
    assert triples(coder, "Valdoria and Kestria discuss the border.") == {"VLD>KES 046", "KES>VLD 046"}
    assert triples(coder, "Morvane will discuss the border with Valdoria and Kestria.") == {
        "MRV>VLD 041", "MRV>KES 041"}


def test_source_and_target_slots(coder):
    assert triples(coder, "Kestrian soldiers were freed from Valdoria.") == {"VLD>KESMIL 067"}


def test_null_pattern_and_multiword_verb(coder):
    assert triples(coder, "Oskar Brenn said he would praise Kestria.") == set()
    assert triples(coder, "Valdorian soldiers cordoned off the roads to Kestria.") == {"VLDMIL>KES 172"}
    assert triples(coder, "Valdorian soldiers cordoned the town of Kestria.") == set()  # needs "off"


def test_dated_roles_and_slash_codes(coder):
    assert triples(coder, "Oskar Brenn gave crowns to Kestria.", date="1999-01-01") == {"VLD>KES 071"}
    assert triples(coder, "Oskar Brenn gave crowns to Kestria.", date="2003-01-01") == {"VLDREB>KES 071"}
    assert triples(coder, "The Twin Cities gave crowns to Kestria.") == {"TWC>KES 071", "TWD>KES 071"}


def test_agents_take_the_country_of_their_phrase(coder):
    assert triples(coder, "Soldiers from Kestria visited Morvane.") == {"KESMIL>MRV 042", "MRV>KESMIL 043"}
    assert triples(coder, "The foreign minister of Valdoria gave crowns to Kestria.") == {"VLDGOVFRM>KES 071"}


def test_discards(coder):
    assert triples(coder, "Valdoria gave crowns to Kestria after the football final.") == set()
    assert triples(coder, "Valdoria gave crowns to Kestria. The chess club closed.") == {"VLD>KES 071"}
    assert triples(coder, "Valdoria gave crowns to Kestria at the chess final.") == set()


def test_no_target_from_an_infinitive_the_dictionary_cannot_code(coder):
    # "take up" is no verb of the file: Kestria is the target of that clause, not of "proposed"
    assert triples(coder, "The Valdorian government proposed to take up the matter with Kestria.") == set()
    assert triples(coder, "The Valdorian government proposed a meeting with Kestria.") == {"VLDGOV>KES 100"}
    assert "VLDGOV>KES 042" in triples(coder, "The Valdorian government proposed to visit Kestria.")


def test_builtin_verbs_are_not_used(coder):
    # "attack" is in the built-in lexicon but not in this verbs file
    assert triples(coder, "Valdorian soldiers attacked Kestria.") == set()


def test_petrarch2_constructs_are_read_as_petrarch2_reads_them(tmp_path):
    from eventscope.knowledge.dictionaries import ActorDictionary

    (tmp_path / "PETR_config.ini").write_text(
        "[Dictionaries]\nverbfile_name = Main.txt\nactorfile_list = A.txt, B.txt\n"
        "agentfile_name = Ag.txt\ndiscardfile_name = Missing.txt\n")
    (tmp_path / "Main.txt").write_text("--- SEIZE [172] ---\nSEIZE\n- * {&ARMS} [173]\n&ARMS\n+RIFLES\n")
    (tmp_path / "A.txt").write_text("GONDOR_ [GON]\nDENETHOR_\n [GONGOV 19820101]\n [GONELI <19811231]\n")
    (tmp_path / "B.txt").write_text("ROHAN_ [ROH 1920050709-20110709]\n")
    (tmp_path / "Ag.txt").write_text("DEPARMENT_OF_ENVIRONMENT [~ENV}\nSTRAY_AGENT\n")
    (tmp_path / "Unnamed.verbs.txt").write_text("--- NOPE [999] ---\nNOPE\n")  # not in the config: unused
    book = ActorDictionary.load(tmp_path)
    assert [p.code for p in book.verbs.patterns] == ["172", "173"]  # the config's verbs file only
    assert book.code("Denethor", "1990-01-01") == "GONGOV" and book.code("Denethor", "1980-01-01") == "GONELI"
    assert book.code("Rohan", "1950-01-01") == "ROH"  # PETRARCH2 reads 1920050709 as 1920-05-07
    assert book.agent_lookup("the deparment of environment") == "ENV"  # the file's own spelling
    assert sorted(w.split(":")[0] for w in book.warnings) == ["Ag.txt", "PETR_config.ini"]


@needs_shared
def test_standard_dictionaries_code_the_gigaword_sample_and_the_seeds():
    """PETRARCH2's own dictionaries and config, as a PETRARCH2 user has them."""
    import re

    from eventscope.knowledge.dictionaries import ActorDictionary
    from eventscope.models import Document, content_id
    from eventscope.pipeline import Processor

    folder = SHARED / "reference" / "petrarch2"
    book = ActorDictionary.load(folder)
    assert len(book.verbs.patterns) > 40_000 and len(book.agents) > 5_000
    assert all(re.match(r"[\w.]+:\d+: ", w) for w in book.warnings), book.warnings  # file:line, once each
    assert len(book.warnings) == len(set(book.warnings)) <= 10
    xml = (folder / "GigaWord.sample.PETR.xml").read_text(encoding="utf-8")
    texts = [" ".join(t.split()) for t in re.findall(r"<Text>(.*?)</Text>", xml, re.S)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    docs = [Document(id=content_id(t), text=t, date="2008-06-01", origin="test") for t in texts]
    results = list(Processor(folder).process(docs))
    assert len(results) == len(texts) == 78
    events = [e for r in results for e in r.events]
    assert len(events) > 40 and all(e.evidence_text.startswith("petrarch pattern ") for e in events)
