"""Shared fixtures: the spaCy pipeline and the coder are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"

# The 193 UN member states (ISO 3166-1 alpha-3), typed independently of countries.tsv
# (tests check its UN block against them).
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE COD DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR
LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA
LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF KOR SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE""".split())

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present beside the project")


def load_tool(name: str):
    """A build tool of tools/ (not a package) as a module, registered under its name so that
    its dataclasses and pickles resolve."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session", autouse=True)
def knowledge_cache(tmp_path_factory):
    """Built knowledge tables (knowledge.table_cache) go to a folder of this session, not the
    user's cache: every session builds them once (its CLI subprocesses inherit the folder)."""
    import os

    from eventscope.knowledge.table_cache import CACHE_DIR

    os.environ[CACHE_DIR] = str(tmp_path_factory.mktemp("knowledge-cache"))


@pytest.fixture(scope="session")
def processor():
    from eventscope.api import default_processor

    return default_processor()  # the one eventscope.code uses: spaCy loads once per session


@pytest.fixture(scope="session")
def code_text(processor):
    """Code one invented article: returns its DocumentResult."""
    from eventscope.models import Document, content_id

    def _code(text: str, date: str | None = "2001-10-02", title: str | None = None):
        doc = Document(id=content_id(text, title), text=text, title=title, date=date, origin="test")
        return next(iter(processor.process([doc])))

    return _code


def coded_events(code_text, text: str) -> list[tuple]:
    """(CAMEO, PLOVER, source countries, target countries) of each event coded from `text` by
    `code_text` (the whole coder) or `lexicon_text` (the lexicon coder alone)."""
    return [(e.cameo, e.plover, tuple(a.country for a in e.source), tuple(a.country for a in e.target))
            for e in code_text(text).events]


def assert_types(code_text, texts, wanted: set[str], unwanted: set[str]) -> None:
    """Each text codes an event of a PLOVER type in `wanted` and none in `unwanted`."""
    for text in texts:
        types = {plover for _, plover, _, _ in coded_events(code_text, text)}
        assert types & wanted and not types & unwanted, (text, types)


@pytest.fixture(scope="session")
def lexicon_text():
    """The lexicon coder alone (no learned models on top): what the verb patterns decide."""
    from eventscope.models import Document, content_id
    from eventscope.pipeline import Processor, pipeline_config

    processor = Processor(config=pipeline_config(classifier=False))

    def _code(text: str):
        doc = Document(id=content_id(text, None), text=text, date="2001-10-02", origin="test")
        return next(iter(processor.process([doc])))

    return _code


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """examples/ run through the whole pipeline into a fresh store, once per session; the
    store is closed again so readers (the web app) can open it read-only."""
    from eventscope import pipeline
    from eventscope.store import Store

    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    with Store(path) as store:
        pipeline.run([EXAMPLES], store)
    return path


def placed(result, cameo_prefix: str = "") -> list[tuple[str | None, str | None, str | None]]:
    """(location, its country, its precision) of each coded event whose CAMEO code starts so."""
    return [(e.location, e.location_country, e.location_precision) for e in result.events
            if e.cameo.startswith(cameo_prefix)]


def where_of(result, cameo_prefix: str = "") -> set[str | None]:
    return {where for where, _, _ in placed(result, cameo_prefix)}


@pytest.fixture(scope="module")
def web_db(tmp_path_factory):
    """The hand-built database of tests/webdb.py, one per test module."""
    import webdb

    return webdb.build(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def web_client(web_db):
    """The web app over `web_db` (FastAPI's test client; modules using it skip without fastapi)."""
    from fastapi.testclient import TestClient

    from eventscope.web import create_app

    with TestClient(create_app(web_db)) as client:
        yield client
