"""CAMEO / PLOVER taxonomy tables and their lookup API."""

import csv
from pathlib import Path

import pytest

from conftest import load_tool

from eventscope.knowledge import taxonomy as tx

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared not present")
ROOTS = [f"{i:02d}" for i in range(1, 21)]


def test_every_root_present_with_its_own_root():
    for root in ROOTS:
        entry = tx.cameo(root)
        assert entry.known and entry.root == root


def test_table_is_internally_consistent():
    codes = tx.all_codes()
    assert len(codes) > 250
    for c in codes:
        assert -10 <= c.goldstein <= 10, c
        assert c.quad_class in (1, 2, 3, 4), c
        assert c.code.startswith(c.root) and c.root in ROOTS, c
        assert c.plover == "" or c.plover in tx.plover_types(), c
        if c.plover_mode:
            assert c.plover_mode in tx.plover_modes(c.plover), c


def test_quad_classes_follow_gdelt_convention():
    # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    assert tx.cameo("04").quad_class == 1
    assert tx.cameo("07").quad_class == 2
    assert tx.cameo("11").quad_class == 3
    assert tx.cameo("19").quad_class == 4


@pytest.mark.parametrize("code,name,root,quad,plover", [
    ("042", "Make a visit", "04", 1, "CONSULT"),
    ("190", "Use conventional military force", "19", 4, "ASSAULT"),
    ("036", "Express intent to meet or negotiate", "03", 1, "AGREE"),
    ("070", "Provide aid", "07", 2, "AID"),
    ("145", None, "14", 4, "PROTEST"),
])
def test_known_facts(code, name, root, quad, plover):
    entry = tx.cameo(code)
    assert (entry.root, entry.quad_class, entry.plover) == (root, quad, plover)
    if name:
        assert entry.name == name


def test_goldstein_extremes():
    assert tx.cameo("190").goldstein == -10
    assert tx.cameo("042").goldstein > 0


def test_appeals_mirror_demands_and_statements_have_no_plover():
    assert tx.cameo("0233").plover == "REQUEST"
    assert tx.cameo("0233").plover_mode == tx.cameo("1033").plover_mode
    assert tx.cameo("0233").plover_context == tx.cameo("1033").plover_context
    assert all(tx.cameo(c).plover == "" for c in ("01", "010", "016"))


def test_root_normalisation_and_cameo_root():
    assert tx.cameo("4") == tx.cameo("04")
    assert tx.cameo(" 042 ").code == "042"
    assert tx.cameo_root("0421") == "04"
    assert tx.cameo_root("193") == "19"
    assert tx.is_cameo("042") and tx.is_cameo("4")
    assert not tx.is_cameo("42") and not tx.is_cameo("903")


@pytest.mark.parametrize("code,parent", [("1717", "171"), ("174K", "174"), ("1010", "101"),
                                         ("0499", "04")])
def test_unknown_codes_borrow_their_nearest_parent(code, parent):
    entry = tx.cameo(code)
    base = tx.cameo(parent)
    assert entry.code == code and entry.derived_from == parent and not entry.known
    assert (entry.root, entry.goldstein, entry.plover) == (base.root, base.goldstein, base.plover)


@pytest.mark.parametrize("code", ["903", "905", "212", "345", "802"])
def test_codes_without_known_prefix_get_a_neutral_placeholder(code):
    entry = tx.cameo(code)
    assert entry.code == code and entry.root == "" and entry.quad_class == 0
    assert entry.goldstein == 0 and entry.plover == "" and entry.derived_from == ""
    with pytest.raises(KeyError):
        tx.class5(code)


@pytest.mark.parametrize("bad", ["", "  ", "ABC", "x04"])
def test_non_codes_raise_key_error(bad):
    with pytest.raises(KeyError):
        tx.cameo(bad)


def test_class5_covers_every_root_as_documented():
    expected = {0: {"01", "02"}, 1: {"03", "04", "05"}, 2: {"06", "07", "08"},
                3: {"09", "10", "11", "12", "13", "16"}, 4: {"14", "15", "17", "18", "19", "20"}}
    for cls, roots in expected.items():
        for root in roots:
            assert tx.class5(root) == cls
            assert tx.class5(root + "0") == cls
    assert tx.class5("0421") == 1


def test_plover_types_and_modes():
    types = tx.plover_types()
    assert len(types) == 16 and types[0] == "AGREE" and types[-1] == "ASSAULT"
    assert "visit" in tx.plover_modes("CONSULT")
    assert tx.plover_modes("consult") == tx.plover_modes("CONSULT")
    assert tx.plover_modes("AGREE") == []
    with pytest.raises(KeyError):
        tx.plover_modes("HUG")
    assert tx.plover_info("ASSAULT").quad_class == 4
    assert tx.plover_info("CONSULT", "visit").mode_score is not None


def test_plover_to_cameo_examples():
    assert tx.plover_to_cameo("CONSULT") == "040"
    assert tx.plover_to_cameo("AID") == "070"
    assert tx.plover_to_cameo("CONSULT", "visit") in ("042", "043")
    # a mode with no CAMEO code of its own falls back to the event's code
    assert tx.plover_to_cameo("PROTEST", "strike") == tx.plover_to_cameo("PROTEST")
    assert tx.plover_to_cameo("PROTEST", "no-such-mode") == tx.plover_to_cameo("PROTEST")
    with pytest.raises(KeyError):
        tx.plover_to_cameo("HUG")


@pytest.mark.parametrize("event", tx.plover_types())
def test_plover_to_cameo_round_trip(event):
    code = tx.plover_to_cameo(event)
    assert tx.cameo(code).plover == event
    assert len(code) == 3  # a specific code, not a bare root
    for mode in tx.plover_modes(event):
        entry = tx.cameo(tx.plover_to_cameo(event, mode))
        assert entry.plover == event
        assert entry.plover_mode in (mode, None) or tx.plover_to_cameo(event, mode) == code


@pytest.mark.shared
@needs_shared
def test_generated_files_match_the_reference():
    build = load_tool("build_taxonomy")
    ref = SHARED / "reference"
    data = PROJECT / "eventscope" / "coding" / "data"

    def tsv(name):
        with (data / name).open(encoding="utf-8") as f:
            return list(csv.DictReader(f, delimiter="\t"))

    cameo = build.cameo_rows(ref)
    assert cameo == tsv("cameo.tsv"), "run tools/build_taxonomy.py"
    assert build.plover_rows(ref, cameo) == tsv("plover.tsv"), "run tools/build_taxonomy.py"


def test_canonical_mode_reads_case_and_known_misspellings():
    assert tx.canonical_mode("CONSULT", "Visit") == "visit"
    assert tx.canonical_mode("coerce", "SIEZE") == "seize"
    assert tx.canonical_mode("ASSAULT", "PRIMATIVE") == "primitive"
    assert tx.canonical_mode("SANCTION", "sieze") is None  # a spelling is known per event type
    assert tx.canonical_mode("AGREE", "visit") is None
    assert tx.canonical_mode("AGREE", "") is None and tx.canonical_mode("AGREE", None) is None
