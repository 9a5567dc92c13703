"""Exports on the hand-built database (tests/webdb.py): every table, every profile, every format,
read back by pandas, polars and duckdb as README "Reading exports" says, with CAMEO codes kept as
strings (leading zeros) and dates typed; and by R's readr where Rscript and readr are
installed (.ci/run installs Debian's r-cran-readr when it can)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventscope.export import PROFILES, TABLES, ExportError, ExportFilters, export, to_arrow
from eventscope.export.profiles import GDELT, ICEWS, POLECAT

import webdb

ROOT = Path(__file__).resolve().parents[1]
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

CODES = {"eventscope": ["cameo", "cameo_root"], "gdelt": list(GDELT.code_columns), "icews": list(ICEWS.code_columns),
         "polecat": []}
DATES = {"eventscope": ["date_start", "date_end"], "gdelt": [], "icews": list(ICEWS.date_columns),
         "polecat": list(POLECAT.date_columns)}
EXPECTED_CODES = {"eventscope": {"cameo": {"130", "0312", "111", "190", "040"}},
                  "gdelt": {"EventCode": {"130", "0312", "111", "190"}, "EventBaseCode": {"130", "031", "111", "190"},
                            "EventRootCode": {"13", "03", "11", "19"}},
                  "icews": {"CAMEO Code": {"130", "0312", "111", "190", "040"}}, "polecat": {}}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return webdb.build(tmp_path_factory.mktemp("export") / "export.duckdb")


@pytest.fixture(scope="module")
def con(db):
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


# The recipes of README "Reading exports", one per tool and format.
def read_pandas(path: Path, fmt: str, codes: list[str], dates: list[str]):
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "csv":
        return pd.read_csv(path, dtype={c: str for c in codes}, parse_dates=dates)
    frame = pd.read_json(path, lines=True, dtype={c: str for c in codes})
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def read_polars(path: Path, fmt: str, codes: list[str], dates: list[str]):
    if fmt == "parquet":
        return pl.read_parquet(path)
    if fmt == "csv":
        return pl.read_csv(path, schema_overrides={c: pl.String for c in codes}, try_parse_dates=True)
    return pl.read_ndjson(path).with_columns(pl.col(dates).str.to_date())


def read_duckdb(path: Path, fmt: str, codes: list[str], dates: list[str]):
    reader = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}[fmt]
    return duckdb.sql(f"SELECT * FROM {reader}('{path}')").df()


@pytest.mark.parametrize("profile", ["eventscope", *PROFILES])
@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
@pytest.mark.parametrize("reader", [read_pandas, read_polars, read_duckdb])
def test_round_trip_keeps_codes_and_dates_typed(con, tmp_path, profile, fmt, reader):
    path = tmp_path / f"events.{fmt}"
    n = export(con, path, fmt, profile=profile)
    frame = reader(path, fmt, CODES[profile], DATES[profile])
    if isinstance(frame, pl.DataFrame):
        frame = frame.to_pandas()
    assert len(frame) == n == (4 if profile == "gdelt" else 5)
    for column, codes in EXPECTED_CODES[profile].items():
        assert set(frame[column]) == codes, column  # strings, leading zeros kept
    for column in DATES[profile]:
        values = [v for v in frame[column] if not pd.isna(v)]
        assert values and all(isinstance(v, (dt.date, pd.Timestamp)) for v in values), (column, values[:2])
    if profile == "eventscope":
        row = frame.set_index("id").loc["e3"]
        assert (pd.Timestamp(row["date_start"]), pd.Timestamp(row["date_end"])) == (
            pd.Timestamp("2023-01-01"), pd.Timestamp("2023-12-31"))  # a year-only date is the whole year
        assert row["date_precision"] == "year"


def test_parquet_actor_lists_are_lists_of_structs(con, tmp_path):
    export(con, tmp_path / "e.parquet", "parquet")
    frame = pl.read_parquet(tmp_path / "e.parquet")
    assert frame.schema["source_actors"] == pl.List(pl.Struct({
        "name": pl.String, "country": pl.String, "sector": pl.String, "text": pl.String,
        "start": pl.Int32, "end": pl.Int32, "entity": pl.String}))
    e5 = frame.filter(pl.col("id") == "e5").row(0, named=True)
    assert e5["source_actors"] == [{"name": "Russian troops", "country": "RUS", "sector": "MIL",
                                    "text": "Russian troops", "start": 31, "end": 45, "entity": "RUS:Russian troops"}]
    export(con, tmp_path / "e.jsonl", "jsonl")
    first = json.loads((tmp_path / "e.jsonl").read_text().splitlines()[0])
    assert isinstance(first["source_actors"], list) and first["source_actors"][0]["name"] == "Moscow"
    export(con, tmp_path / "e.csv", "csv")  # CSV has no nesting: JSON text
    assert json.loads(pd.read_csv(tmp_path / "e.csv")["source_actors"][0])[0]["name"] == "Moscow"


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_every_table_exports_in_every_format(con, tmp_path, table, fmt):
    expected = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    path = tmp_path / f"{table}.{fmt}"
    assert export(con, path, fmt, table=table) == expected
    assert len(read_duckdb(path, fmt, [], [])) == expected or (expected == 0 and path.exists())


@pytest.mark.parametrize("filters, ids", [
    (ExportFilters(start="2024-03-05"), ["e2", "e5"]),
    (ExportFilters(start="2023", end="2023-12-31"), ["e3"]),
    (ExportFilters(end="2024-03"), ["e3", "e1", "e2"]),
    (ExportFilters(code="19"), ["e5"]),
    (ExportFilters(code="031"), ["e2"]),
    (ExportFilters(country="irn", code="04"), ["e4"]),
    (ExportFilters(country="RUS", start="2024-03-10", end="2024-05"), ["e2", "e5"]),
])
def test_filters(con, filters, ids):
    assert to_arrow(con, filters=filters).column("id").to_pylist() == ids


@pytest.mark.parametrize("kwargs, message", [
    ({"filters": ExportFilters(code="999")}, "code: '999' is not a CAMEO code"),
    ({"filters": ExportFilters(country="XQZ")}, "country: unknown country/class code 'XQZ'"),
    ({"filters": ExportFilters(country="RUSGOV")}, "country: a 3-letter country or class code"),
    ({"filters": ExportFilters(start="2024-13")}, "start: '2024-13' is not a calendar date"),
    ({"profile": "acled"}, "unknown profile 'acled'"),
    ({"table": "stories", "profile": "gdelt"}, "apply to the events table"),
    ({"table": "events; DROP TABLE documents"}, "unknown table"),
])
def test_bad_exports_are_refused_with_a_reason(con, tmp_path, kwargs, message):
    with pytest.raises(ExportError, match=re.escape(message)):
        export(con, tmp_path / "x.csv", "csv", **kwargs)


def test_gdelt_profile_is_one_row_per_real_world_event_with_its_counts(con):
    rows = {r["GLOBALEVENTID"]: r for r in to_arrow(con, profile="gdelt").to_pylist()}
    assert sorted(rows) == ["e1", "e2", "e3", "e5"]  # e4 is another mention of e2's linked event L1
    assert [(rows["e2"][k], rows["e1"][k]) for k in ("NumMentions", "NumSources", "NumArticles")] == [
        (2, 1), (2, 2), (3, 2)]  # L1: 2 mentions, outlets Wire and <i>Mirror</i>, 3 articles (doc-a, copy, doc-c)
    assert (rows["e2"]["SQLDATE"], rows["e2"]["MonthYear"], rows["e2"]["Year"]) == (20240311, 202403, 2024)
    assert rows["e3"]["SQLDATE"] == 20240521  # a year-only event date: the publication day, as GDELT does
    assert (rows["e2"]["EventBaseCode"], rows["e2"]["IsRootEvent"], rows["e1"]["IsRootEvent"]) == ("031", 0, 1)
    assert len(GDELT.columns) == 61 and len(ICEWS.columns) == 20


def test_api_and_export_agree_on_dates_and_sources(con, db):
    from fastapi.testclient import TestClient

    from eventscope.web import create_app

    with TestClient(create_app(db)) as client:
        api = {e["id"]: e for e in client.get("/api/events", params={"limit": 500}).json()["events"]}
    exported = {r["id"]: r for r in to_arrow(con).to_pylist()}
    assert set(api) == set(exported)
    for event_id, event in api.items():
        assert (event["event_date"], event["n_sources"]) == (
            exported[event_id]["event_date"], exported[event_id]["n_sources"]), event_id


def test_docs_map_every_profile_column():
    doc = (ROOT / "docs" / "export_profiles.md").read_text(encoding="utf-8")
    for profile in PROFILES.values():
        section = doc.split(f"## {profile.name}", 1)[1].split("\n## ", 1)[0]
        for name, _ in profile.columns:
            assert f"| `{name}` |" in section, (profile.name, name)


def test_cli_export_to_stdout_with_profile_and_filters(db):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "eventscope"), "export", "--db", str(db), "-o", "-", "-f", "csv",
         "--profile", "icews", "--code", "19"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Event ID,Event Date,Source Name") and len(lines) == 2
    assert ',"190",' in lines[1] and "wrote 1 events rows to standard output" in result.stderr


def test_cli_export_refuses_a_bad_filter(db, tmp_path):
    from eventscope.cli import app

    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(tmp_path / "x.csv"), "--code", "99"])
    assert result.exit_code == 2 and "code: '99' is not a CAMEO code" in result.output


def test_profiles_place_a_located_event(con):
    gdelt = {r["GLOBALEVENTID"]: r for r in to_arrow(con, profile="gdelt").to_pylist()}["e5"]
    assert {k: gdelt[f"ActionGeo_{k}"] for k in ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long",
                                                   "FeatureID")} == {
        "Type": 4, "FullName": "Tabriz", "CountryCode": "IRN", "ADM1Code": "IR.33", "Lat": 38.08, "Long": 46.2919,
        "FeatureID": 113646}
    icews = {r["Event ID"]: r for r in to_arrow(con, profile="icews").to_pylist()}["e5"]
    assert (icews["City"], icews["Province"], icews["Country"], icews["Latitude"]) == ("Tabriz", "IR.33", "Iran", 38.08)
    polecat = {r["Event ID"]: r for r in to_arrow(con, profile="polecat").to_pylist()}["e5"]
    assert (polecat["Placename"], polecat["City"], polecat["GeoNames ID"], polecat["Feature Type"]) == (
        "Tabriz", "Tabriz", 113646, "city")
    assert gdelt["Actor1Geo_FullName"] is None  # we place the event, not each actor


def test_share_of_each_profile_filled(con):
    """Every column the mapping fills has a value on the hand-built store, except those its events
    lack (no actor has a second sector, no event a PLOVER context)."""
    lacking = {"gdelt": {"Actor1Type2Code", "Actor1Type3Code", "Actor2Type2Code", "Actor2Type3Code"},
               "icews": set(), "polecat": {"Contexts"}}
    for profile, (columns, filled) in {"gdelt": (61, 35), "icews": (20, 19), "polecat": (39, 30)}.items():
        table, mapping = to_arrow(con, profile=profile), dict(PROFILES[profile].columns)
        assert (table.num_columns, PROFILES[profile].filled()) == (columns, filled)
        empty = {n for n in table.column_names if mapping[n] and table.column(n).null_count == table.num_rows}
        assert empty == lacking[profile]


def test_every_sector_of_an_actor_is_listed(tmp_path):
    path = webdb.build(tmp_path / "sectors.duckdb")
    with duckdb.connect(str(path)) as writable:
        writable.execute("UPDATE events SET source_code = 'RUSMILGOV' WHERE id = 'e5'")
    with duckdb.connect(str(path), read_only=True) as c:
        icews = {r["Event ID"]: r for r in to_arrow(c, profile="icews").to_pylist()}
        polecat = {r["Event ID"]: r for r in to_arrow(c, profile="polecat").to_pylist()}
        gdelt = {r["GLOBALEVENTID"]: r for r in to_arrow(c, profile="gdelt").to_pylist()}
    assert icews["e5"]["Source Sectors"] == "Military,Government" and icews["e2"]["Source Sectors"] is None
    assert (polecat["e5"]["Primary Actor Sector"], polecat["e5"]["Actor Sectors"]) == ("Military", "Military,Government")
    assert (gdelt["e5"]["Actor1Type1Code"], gdelt["e5"]["Actor1Type2Code"]) == ("MIL", "GOV")


def _readr_available() -> bool:
    if shutil.which("Rscript") is None:
        return False
    return subprocess.run(["Rscript", "-e", "library(readr)"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _readr_available(), reason="R's readr is not installed (Debian: r-cran-readr)")
@pytest.mark.parametrize("profile", ["eventscope", *PROFILES])
def test_readr_round_trip_keeps_codes_and_dates_typed(con, tmp_path, profile):
    """The README's readr recipe: codes as character columns, ISO dates read as Date."""
    path = tmp_path / "events.csv"
    export(con, path, "csv", profile=profile)
    codes = CODES[profile]
    col_types = ", ".join(f"`{c}` = 'c'" for c in codes)
    script = (f"library(readr); d <- read_csv('{path}', col_types = cols({col_types}), progress = FALSE, "
              "show_col_types = FALSE); for (n in names(d)) cat(n, class(d[[n]])[1], "
              "paste(sort(unique(na.omit(as.character(d[[n]])))), collapse='|'), sep='\\t', fill=TRUE)")
    out = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, check=True).stdout
    columns = {line.split("\t")[0]: line.split("\t")[1:] for line in out.splitlines() if line}
    for column, expected in EXPECTED_CODES[profile].items():
        kind, values = columns[column][0], columns[column][1] if len(columns[column]) > 1 else ""
        assert kind == "character" and set(values.split("|")) == expected, (column, columns[column])
    for column in DATES[profile]:
        assert columns[column][0] == "Date", (column, columns[column])
