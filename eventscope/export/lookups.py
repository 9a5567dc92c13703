"""Reference names the export profiles spell out (ICEWS writes "Russia", "Government", "Make
statement" where we store RUS, GOV, 010), registered on a DuckDB connection as small tables."""

from __future__ import annotations

from functools import lru_cache

from typing import TYPE_CHECKING

import duckdb

from eventscope.knowledge.actor_files import sector_codes
from eventscope.knowledge.taxonomy import all_codes, plover_info, plover_types
from eventscope.web.codes import country_names

if TYPE_CHECKING:
    import pyarrow as pa


@lru_cache(maxsize=1)
def _tables() -> dict[str, pa.Table]:
    import pyarrow as pa  # here, not at import: every command imports the CLI's modules (~0.05 s of CPU past numpy)

    cameo = [(c.code, c.name) for c in all_codes() if c.known]
    sectors = [(code, meaning.split(":")[0].strip().capitalize()) for code, meaning in sector_codes().items()]
    plover = []
    for event in plover_types():
        info = plover_info(event)
        plover.append((event, "", info.plover_score))
    return {
        "_x_cameo": pa.table({"code": [c for c, _ in cameo], "name": [n for _, n in cameo]}),
        "_x_country": pa.table({"code": list(country_names()), "name": list(country_names().values())}),
        "_x_sector": pa.table({"code": [c for c, _ in sectors], "name": [n for _, n in sectors]}),
        "_x_plover": pa.table({"event": [e for e, _, _ in plover], "score": [s for _, _, s in plover]}),
    }


def register(con: duckdb.DuckDBPyConnection) -> None:
    for name, table in _tables().items():
        con.register(name, table)


def unregister(con: duckdb.DuckDBPyConnection) -> None:
    for name in _tables():
        con.unregister(name)
