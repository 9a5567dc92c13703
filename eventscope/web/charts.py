"""The cooperation/conflict chart of a country pair, drawn as inline SVG on the server.

Cooperation (quad classes 1-2) stacks up from the zero line and conflict (3-4) down from it;
mean Goldstein per period is a line on a right-hand -10..10 axis whose zero is the same line,
so "above the axis" means cooperative for both. No script is needed to read it; each period
carries a <title> tooltip. Every label is escaped.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from eventscope.web.codes import QUAD_CLASSES, QUAD_KEYS

WIDTH, HEIGHT = 900, 380
LEFT, RIGHT, TOP, BOTTOM = 56, 60, 20, 64
COLOURS = {1: "#7cc28b", 2: "#1f7a45", 3: "#f0a45d", 4: "#c2362b"}
LINE = "#2b4c8c"
MAX_LABELS = 12


def nice_ceiling(value: float) -> int:
    """A round axis maximum >= value: 1, 2, 5, 10, 20, 50, ..."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return int(step * magnitude)
    return int(10 * magnitude)


def dyad_chart(series: list[dict], title: str) -> Markup:
    if not series:
        return Markup("")
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    zero_y = TOP + plot_h / 2
    coop = [p["counts"][QUAD_KEYS[1]] + p["counts"][QUAD_KEYS[2]] for p in series]
    conflict = [p["counts"][QUAD_KEYS[3]] + p["counts"][QUAD_KEYS[4]] for p in series]
    top = nice_ceiling(max(coop + conflict + [1]))
    per_event = (plot_h / 2) / top
    band = plot_w / len(series)
    bar = max(1.0, min(band * 0.7, 48.0))
    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
           f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
           f'<title>{escape(title)}</title>']
    out += _axes(top, zero_y, plot_w, plot_h)
    for i, period in enumerate(series):
        x = LEFT + i * band + (band - bar) / 2
        tip = _tooltip(period)
        out.append(f'<g class="period"><title>{escape(tip)}</title>')
        up = down = 0.0
        for q in (1, 2, 3, 4):
            n = period["counts"][QUAD_KEYS[q]]
            if not n:
                continue
            h = n * per_event
            if q <= 2:
                y, up = zero_y - up - h, up + h
            else:
                y, down = zero_y + down, down + h
            out.append(f'<rect class="q{q}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{COLOURS[q]}"/>')
        # an invisible full-height target so the tooltip works on empty periods too
        out.append(f'<rect x="{LEFT + i * band:.1f}" y="{TOP}" width="{band:.1f}" height="{plot_h}" '
                   f'fill="transparent"/></g>')
    out += _goldstein_line(series, band, zero_y, plot_h)
    out += _x_labels(series, band, plot_h)
    out.append("</svg>")
    return Markup("".join(out))


def _axes(top: int, zero_y: float, plot_w: float, plot_h: float) -> list[str]:
    out = []
    right = LEFT + plot_w
    for frac in (-1, -0.5, 0, 0.5, 1):
        y = zero_y - frac * plot_h / 2
        count = abs(frac) * top
        label = f"{count:g}"
        stroke = "#555" if frac == 0 else "#e3e3e3"
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="{stroke}"/>')
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
        out.append(f'<text class="tick gold" x="{right + 6:.1f}" y="{y + 4:.1f}">{frac * 10:+g}</text>')
    mid = TOP + plot_h / 2
    out.append(f'<text class="axis-label" transform="translate(14,{mid:.0f}) rotate(-90)" text-anchor="middle">'
               'events (cooperation up, conflict down)</text>')
    out.append(f'<text class="axis-label gold" transform="translate({WIDTH - 12},{mid:.0f}) rotate(90)" '
               'text-anchor="middle">mean Goldstein</text>')
    return out


def _goldstein_line(series: list[dict], band: float, zero_y: float, plot_h: float) -> list[str]:
    points = [(LEFT + (i + 0.5) * band, zero_y - p["goldstein_mean"] / 10 * plot_h / 2)
              if p["goldstein_mean"] is not None else None for i, p in enumerate(series)]
    out, run = [], []
    for point in points + [None]:  # consecutive periods with events are joined; gaps stay gaps
        if point is not None:
            run.append(point)
            continue
        if len(run) > 1:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            out.append(f'<polyline class="goldstein" points="{coords}" fill="none" stroke="{LINE}" stroke-width="2"/>')
        run = []
    out += [f'<circle class="goldstein" cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{LINE}"/>'
            for x, y in (p for p in points if p is not None)]
    return out


def _x_labels(series: list[dict], band: float, plot_h: float) -> list[str]:
    step = max(1, math.ceil(len(series) / MAX_LABELS))
    y = TOP + plot_h + 16
    out = []
    for i in range(0, len(series), step):
        x = LEFT + (i + 0.5) * band
        out.append(f'<text class="tick" x="{x:.1f}" y="{y}" text-anchor="end" '
                   f'transform="rotate(-35 {x:.1f} {y})">{escape(series[i]["period"])}</text>')
    return out


def _tooltip(period: dict) -> str:
    parts = [f"{period['counts'][QUAD_KEYS[q]]} {QUAD_CLASSES[q]}" for q in QUAD_CLASSES]
    gold = period["goldstein_mean"]
    mean = f"mean Goldstein {gold:+.2f}" if gold is not None else "no events"
    return f"{period['period']}: " + ", ".join(parts) + f"; {mean}"
