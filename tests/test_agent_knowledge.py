"""Role words derived from PETRARCH2's Phoenix agents dictionary (tools/build_agent_knowledge.py)
and their place under our own sectors.tsv. The fixture dictionary's words are ours, invented
or common English; the sentences are invented."""

from __future__ import annotations

import pytest

from conftest import SHARED, load_tool
from eventscope.knowledge.actor_lexicon import DERIVED_AGENTS, tokenize
from eventscope.knowledge.actor_files import load_lexicon
from eventscope.knowledge.tsv import ACTOR_DATA as DATA

PETRARCH = SHARED / "reference" / "petrarch2"

CONFIG = """\
[Dictionaries]
agentfile_name   = Mini.agents.txt
"""
AGENTS = """\
# mini agents file
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINIST! = MINISTER, MINISTRY

GROVE_WARDEN [~AGR]
SLUDGE!PERSON! [~CRM]
BOG_ROBBER {BOG_ROBBERZ} [~CRM]
SKYTHIEF {SKYTHIEVES} [~CRM]
!MINIST! OF_MARSHES [~ENV]
MARSH_KEEPER [~ENV}
QUILL_SCRIBE [~MEDGOV]
PILGRIM_OF_ZOG [~MUS]
LANTERN_TEAM {} [IGO~]
THE_MOSSFOLK [~CVL]
EMBASSY_WARDEN_IN [~GOV]
POLICE [~MIL]
FARMER [~AGR]
UPRISING [~REB]
MILITARY_PRESENCE [~MIL]
DRIFTWEED_HERDER [~XYZ]
NO_CODE_HERE
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petrarch")
    (folder / "PETR_config.ini").write_text(CONFIG, encoding="utf-8")
    (folder / "Mini.agents.txt").write_text(AGENTS, encoding="utf-8")
    (folder / "LICENSE").write_text("The MIT License (MIT)\nCopyright (c) 2014 Open Event Data Alliance\n")
    tool = load_tool("build_agent_knowledge")
    rows, counts, path, warnings = tool.build(folder)
    return {row[0]: row[1:] for row in rows}, counts, path, warnings, tool


def test_the_config_names_the_agents_file_and_bad_lines_are_reported(mini):
    _, _, path, warnings, _ = mini
    assert path.name == "Mini.agents.txt"
    assert len(warnings) == 1 and "NO_CODE_HERE" in warnings[0] and ":21:" in warnings[0]


def test_codes_map_to_our_sectors(mini):
    rows = mini[0]
    assert rows["grove warden"][:2] == ["AGR", ""]
    assert rows["quill scribe"][:2] == ["JRN", "GOV"]  # CAMEO MED (media) is our JRN
    assert rows["pilgrim of zog"][:2] == ["REL", ""]  # a religion code is REL
    assert rows["marsh keeper"][:2] == ["SOC", ""]  # "[~ENV}": the code closed by "}" as PETRARCH2 does
    assert rows["lantern team"][:2] == ["IGO", ""]  # a prefix agent [IGO~]
    assert "driftweed herder" not in rows  # no code of ours


def test_substitution_sets_and_plurals(mini):
    rows = mini[0]
    assert {"sludgeman", "sludgemen", "sludgewoman", "sludgewomen"} <= set(rows)
    assert rows["minister of marshes"][:2] == ["GOV", "SOC"]  # a government word: GOV first
    assert rows["ministry of marshes"][:2] == ["GOV", "SOC"]
    assert "bog robberz" in rows  # a listed plural our lexicon would not find
    assert "bog robbers" not in rows  # PETRARCH2's own plural: our lexicon makes it
    assert "skythieves" in rows and "skythief" in rows


def test_ours_wins_and_false_matches_are_left_out(mini):
    rows, counts = mini[0], mini[1]
    assert "police" not in rows and "farmer" not in rows  # ours has them (police: COP, not MIL)
    assert counts["ours has it: another sector (ours kept)"] >= 1
    assert counts["ours has it: same sector"] >= 1
    assert "mossfolk" not in rows and "the mossfolk" not in rows  # our keys drop a leading "the"
    assert "embassy warden" in rows  # the trailing "IN" dropped
    assert "uprising" not in rows and "military presence" not in rows  # events and states are no actors


def test_priority_follows_our_head_word(mini):
    rows = mini[0]
    ours = load_lexicon(derived=False)
    minister = max(e.priority for e in ours.table[("minister",)] if e.kind == "sector")
    assert rows["minister of marshes"][2] == str(minister)
    assert all(0 < int(r[2]) <= 8 for r in rows.values())


# --- the shipped data ---------------------------------------------------------------------

def _sector(text: str, derived: bool = True) -> str | None:
    lex = load_lexicon(derived=derived)
    toks = tokenize(text)
    matches = [m for m in lex.scan(toks) if m.best.kind == "sector"]
    return matches[-1].best.sector if matches else None


def test_shipped_agents_are_read_under_ours():
    ours, both = load_lexicon(derived=False), load_lexicon(derived=True)
    for k, entries in ours.table.items():
        assert both.table[k] == entries  # no derived role word under a phrase ours knows
    assert "MIT License" in (DATA / DERIVED_AGENTS).read_text(encoding="utf-8").splitlines()[1]
    assert "Permission is hereby granted" in (DATA / "phoenix_agents.NOTICE").read_text(encoding="utf-8")


def test_the_default_coder_knows_phoenix_agents():
    assert _sector("the sodbusters", derived=False) is None
    assert _sector("the sodbusters") == "AGR"
    assert _sector("two gendarmeries") == "COP"
    assert _sector("cattle thieves") == "CRM"
    assert _sector("riot police") == "COP"


def test_common_words_are_no_derived_actors():
    for text in ("the uprising", "freedom of religion", "a military presence", "in prison"):
        assert _sector(text) == _sector(text, derived=False), text  # nothing derived matched


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not (PETRARCH / "PETR_config.ini").exists(), reason="../shared PETRARCH2 dictionaries absent")
def test_committed_agents_are_the_tools_output():
    tool = load_tool("build_agent_knowledge")
    rows, _, path, _ = tool.build(PETRARCH)
    assert (DATA / DERIVED_AGENTS).read_text(encoding="utf-8") == tool.render(rows)
    assert (DATA / "phoenix_agents.NOTICE").read_text(encoding="utf-8") == tool.notice(path)


def test_the_tools_read_cameos_renamed_sectors_from_sector_codes(monkeypatch):
    # CAMEO's MED (media) and HLH (health) are read through sector_codes.tsv's `petrarch`
    # column, as user dictionaries are, not through a second copy of the mapping
    from eventscope.knowledge import petrarch

    for tool in ("build_agent_knowledge", "phoenix_names"):
        sectors = load_tool(tool).SECTORS
        assert {part: sectors[part] for part in petrarch.renamed_sectors()} == petrarch.renamed_sectors()
    petrarch.renamed_sectors.cache_clear()
    monkeypatch.setattr(petrarch, "read_tsv", lambda path: [(1, {"code": "JRN", "petrarch": "NWS"})])
    try:
        assert load_tool("phoenix_names").SECTORS["NWS"] == "JRN"
    finally:
        petrarch.renamed_sectors.cache_clear()
