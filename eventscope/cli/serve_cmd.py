"""`eventscope serve`: the web app and JSON API over a store, read-only."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import typer

from eventscope.cli.app import app
from eventscope.cli.common import console, fail


@app.command("serve")
def serve(
    db: Path = typer.Option(Path("eventscope.duckdb"), "--db", help="The eventscope database to serve (opened read-only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; loopback by default, so only this machine can connect."),
) -> None:
    """Browse events, country pairs, stories and runs in a web browser; JSON API under /api."""
    try:
        import uvicorn

        from eventscope.web import create_app
    except ImportError as err:
        fail(f"the web app needs the serve extra ({err.name} is missing): pip install 'eventscope[serve]'")
    if not db.exists():
        fail(f"no database at {db} (run `eventscope run` first, or pass --db)")
    problem = check_store(db)
    if problem == BUSY:
        console.print(f"[yellow]warning:[/] a run is writing {db}; pages answer 503 until it is done")
    elif problem:
        fail(problem)
    if not _is_loopback(host):
        console.print(f"[yellow]warning:[/] binding {host}: other machines can read this database; there is no login")
    console.print(f"serving {db} read-only on http://{host}:{port}/  (API: /api/events, schema: /openapi.json)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


BUSY = "busy"


def check_store(db: Path) -> str | None:
    """A message when `db` cannot be served: not DuckDB, locked by a writer, or not an eventscope store."""
    import duckdb

    from eventscope.store.lock import is_lock_error

    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        if is_lock_error(err):
            return BUSY  # a run is writing it: serve anyway, the pages say so until it is done
        return f"cannot open {db} read-only (not a DuckDB file?): {str(err).splitlines()[0]}"
    try:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    finally:
        con.close()
    missing = {"documents", "events"} - tables
    return f"{db} is not an eventscope database (no {', '.join(sorted(missing))} table)" if missing else None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
