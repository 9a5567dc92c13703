"""Export profiles: each system's column names and conventions, filled from our events as far as our
data has them. A column is (name, SQL over the events relation `b`, or None when we have nothing
for it). `{name}` in SQL is an optional column of `events` (location details): it reads NULL on a
store without it. docs/export_profiles.md documents every mapping; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

import eventscope


@dataclass(frozen=True)
class Profile:
    name: str
    columns: tuple[tuple[str, str | None], ...]
    one_row_per: str  # "mention" or "linked event"
    code_columns: tuple[str, ...]  # strings with leading zeros a type-guessing reader would break
    date_columns: tuple[str, ...]  # typed DATE columns

    def filled(self) -> int:
        """How many of the system's columns we can fill (the others are written empty)."""
        return sum(sql is not None for _, sql in self.columns)


def _name(table: str, code: str) -> str:
    return f"(SELECT name FROM {table} WHERE code = {code})"


def _sector(sector: str) -> str:
    return f"coalesce({_name('_x_sector', sector)}, {sector})"


def _sectors(side: str) -> str:
    """Every sector of the actor's code, by name, comma-separated as ICEWS and POLECAT list them."""
    parts = [f"b.{side}_sector"] + [f"nullif(substring(b.{side}_code, {i}, 3), '')" for i in (7, 10)]
    return "nullif(concat_ws(',', " + ", ".join(_sector(p) for p in parts) + "), '')"


SQLDATE_DAY = ("coalesce(CASE WHEN length(b.event_date) = 10 THEN b.date_start END, "
               "try_cast(CASE WHEN length(b.doc_date) = 10 THEN b.doc_date END AS DATE), b.date_start)")


def _actor(n: int, side: str) -> list[tuple[str, str | None]]:
    return [
        (f"Actor{n}Code", f"b.{side}_code"),
        (f"Actor{n}Name", f"upper(b.{side}_name)"),
        (f"Actor{n}CountryCode", f"b.{side}_country"),
        (f"Actor{n}KnownGroupCode", None), (f"Actor{n}EthnicCode", None),
        (f"Actor{n}Religion1Code", None), (f"Actor{n}Religion2Code", None),
        (f"Actor{n}Type1Code", f"b.{side}_sector"),
        (f"Actor{n}Type2Code", f"nullif(substring(b.{side}_code, 7, 3), '')"),
        (f"Actor{n}Type3Code", f"nullif(substring(b.{side}_code, 10, 3), '')"),
    ]


def _geo(prefix: str, placed: bool) -> list[tuple[str, str | None]]:
    if not placed:  # we place the event, not each actor
        return [(f"{prefix}_{c}", None) for c in
                ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    return [
        (f"{prefix}_Type", "CASE WHEN b.location IS NULL THEN NULL WHEN {location_precision} = 'country' THEN 1 "
                           "WHEN {location_precision} IN ('region', 'admin1') THEN 5 ELSE 4 END"),
        (f"{prefix}_FullName", "b.location"),
        (f"{prefix}_CountryCode", "b.location_country"),
        (f"{prefix}_ADM1Code", "{location_admin1}"),
        (f"{prefix}_ADM2Code", None),
        (f"{prefix}_Lat", "{location_lat}"),
        (f"{prefix}_Long", "{location_lon}"),
        (f"{prefix}_FeatureID", "{location_geonames_id}"),
    ]


GDELT = Profile(
    name="gdelt", one_row_per="linked event",
    code_columns=("EventCode", "EventBaseCode", "EventRootCode"), date_columns=(),
    columns=tuple([
        ("GLOBALEVENTID", "b.id"),
        ("SQLDATE", f"CAST(strftime({SQLDATE_DAY}, '%Y%m%d') AS INTEGER)"),
        ("MonthYear", f"CAST(strftime({SQLDATE_DAY}, '%Y%m') AS INTEGER)"),
        ("Year", f"year({SQLDATE_DAY})"),
        ("FractionDate", f"round(year({SQLDATE_DAY}) + (month({SQLDATE_DAY}) * 30 + day({SQLDATE_DAY})) / 365, 4)"),
        *_actor(1, "source"), *_actor(2, "target"),
        ("IsRootEvent", "CASE WHEN b.sentence = 0 THEN 1 ELSE 0 END"),
        ("EventCode", "b.cameo"),
        ("EventBaseCode", "left(b.cameo, 3)"),
        ("EventRootCode", "b.cameo_root"),
        ("QuadClass", "b.quad_class"),
        ("GoldsteinScale", "b.goldstein"),
        ("NumMentions", "b.n_mentions"),
        ("NumSources", "b.n_outlets"),
        ("NumArticles", "b.n_sources"),
        ("AvgTone", None),
        *_geo("Actor1Geo", False), *_geo("Actor2Geo", False), *_geo("ActionGeo", True),
        ("DATEADDED", "CAST(strftime(b.doc_ingested_at, '%Y%m%d%H%M%S') AS BIGINT)"),
        ("SOURCEURL", "b.doc_url"),
    ]))

ICEWS = Profile(
    name="icews", one_row_per="mention",
    code_columns=("CAMEO Code",), date_columns=("Event Date",),
    columns=(
        ("Event ID", "b.id"),
        ("Event Date", "b.date_start"),
        ("Source Name", "b.source_name"),
        ("Source Sectors", _sectors("source")),
        ("Source Country", f"coalesce({_name('_x_country', 'b.source_country')}, b.source_country)"),
        ("Event Text", _name("_x_cameo", "b.cameo")),
        ("CAMEO Code", "b.cameo"),
        ("Intensity", "b.goldstein"),
        ("Target Name", "b.target_name"),
        ("Target Sectors", _sectors("target")),
        ("Target Country", f"coalesce({_name('_x_country', 'b.target_country')}, b.target_country)"),
        ("Story ID", "b.doc_id"),
        ("Sentence Number", "b.sentence + 1"),
        ("Publisher", "b.doc_source"),
        ("City", "CASE WHEN coalesce({location_precision}, 'city') = 'city' "
                 f"AND b.location IS DISTINCT FROM {_name('_x_country', 'b.location_country')} THEN b.location END"),
        ("District", None),
        ("Province", "{location_admin1}"),
        ("Country", _name("_x_country", "b.location_country")),
        ("Latitude", "{location_lat}"),
        ("Longitude", "{location_lon}"),
    ))

POLECAT = Profile(
    name="polecat", one_row_per="mention",
    code_columns=(), date_columns=("Event Date", "Publication Date"),
    columns=(
        ("Event ID", "b.id"),
        ("Event Date", "b.date_start"),
        ("Event Type", "nullif(b.plover, '')"),
        ("Event Mode", "b.plover_mode"),
        ("Event Intensity", "(SELECT score FROM _x_plover WHERE event = b.plover)"),
        ("Quad Code", "b.quad_class"),
        ("Contexts", "b.plover_context"),
        ("Actor Name", "b.source_name"),
        ("Actor Country", "b.source_country"),
        ("Actor COW", None),
        ("Primary Actor Sector", _sector("b.source_sector")),
        ("Actor Sectors", _sectors("source")),
        ("Actor Title", None),
        ("Actor Name Raw", "json_extract_string(b.source_actors, '$[0].text')"),
        ("Wikipedia Actor ID", None),
        ("Recipient Name", "b.target_name"),
        ("Recipient Country", "b.target_country"),
        ("Recipient COW", None),
        ("Primary Recipient Sector", _sector("b.target_sector")),
        ("Recipient Sectors", _sectors("target")),
        ("Recipient Title", None),
        ("Recipient Name Raw", "json_extract_string(b.target_actors, '$[0].text')"),
        ("Wikipedia Recipient ID", None),
        ("Placename", "b.location"),
        ("City", "CASE WHEN {location_precision} = 'city' THEN b.location END"),
        ("State", "{location_admin1}"),
        ("Country", "b.location_country"),
        ("Latitude", "{location_lat}"),
        ("Longitude", "{location_lon}"),
        ("GeoNames ID", "{location_geonames_id}"),
        ("Raw Placename", "b.location"),
        ("Feature Type", "{location_precision}"),
        ("Source", "b.doc_source"),
        ("Publication Date", "try_cast(CASE WHEN length(b.doc_date) = 10 THEN b.doc_date END AS DATE)"),
        ("Story People", None),
        ("Story Organizations", None),
        ("Story Locations", None),
        ("Language", "b.doc_lang"),
        ("Version", f"'eventscope {eventscope.__version__}'"),
    ))

PROFILES = {p.name: p for p in (GDELT, ICEWS, POLECAT)}
OPTIONAL_COLUMNS = ("location_precision", "location_admin1", "location_lat", "location_lon", "location_geonames_id")


def select_list(profile: Profile, event_columns: set[str]) -> str:
    """The profile's SELECT list over `b`; optional columns the store lacks read NULL."""
    values = {name: (f"b.{name}" if name in event_columns else "NULL") for name in OPTIONAL_COLUMNS}
    parts = []
    for name, sql in profile.columns:
        parts.append(f'{sql.format(**values) if sql else "NULL"} AS "{name}"')
    return ",\n       ".join(parts)
