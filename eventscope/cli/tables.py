"""Rich tables for printing stored rows."""

from __future__ import annotations

from rich.table import Table


def events_table(rows: list[dict], title: str = "Events") -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for name, style in [("date", "cyan"), ("source", "green"), ("cameo", "bold"), ("plover", ""),
                        ("target", "magenta"), ("conf", ""), ("trigger", "dim")]:
        table.add_column(name, style=style, overflow="fold")
    for row in rows:
        table.add_row(
            str(row.get("date") or ""),
            _actor(row, "source"),
            f"{row.get('cameo')} {row.get('cameo_name') or ''}".strip(),
            f"{row.get('plover') or ''}{'/' + row['plover_mode'] if row.get('plover_mode') else ''}",
            _actor(row, "target"),
            f"{row.get('confidence', 0):.2f}",
            str(row.get("trigger") or ""),
        )
    return table


def _actor(row: dict, side: str) -> str:
    code = f"{row.get(side + '_country') or ''}{row.get(side + '_sector') or ''}"
    name = row.get(side + "_name") or ""
    return f"{code} {name}".strip() or "-"
