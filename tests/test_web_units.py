"""Pieces of the web app that need no server: highlighting, the chart, periods, filters, `serve`."""

from __future__ import annotations

import re

import duckdb
import pytest
from typer.testing import CliRunner

from eventscope.web.charts import dyad_chart, nice_ceiling
from eventscope.web.filters import FilterError, build_filters, last_day
from eventscope.web.highlight import Mark, highlighted_sentence, render, trigger_spans
from eventscope.web.queries import fill_periods


def test_render_escapes_text_and_nests_overlapping_marks():
    html = render("A <b>x</b> & B", [Mark(0, 10, "clause"), Mark(2, 10, "source"), Mark(13, 14, "target")])
    assert html == ('<span class="hl-clause">A </span><span class="hl-clause hl-source">&lt;b&gt;x&lt;/b&gt;</span>'
                    ' &amp; <span class="hl-target">B</span>')


def test_trigger_parts_are_found_in_order_inside_the_clause():
    text = "He agreed. Then he agreed to sell arms, not agreed to buy."
    lo = text.index("Then")
    spans = trigger_spans(text, "agreed .. sell", lo, len(text))
    assert [text[s:e] for s, e in spans] == ["agreed", "sell"] and spans[0][0] > lo
    assert trigger_spans(text, "agreement", 0, len(text)) == []  # whole words only


def test_highlighted_sentence_uses_document_offsets():
    text = "First one. Russia met Iran."
    base = text.index("Russia")
    event = {"sent_text": text[base:], "sent_start": base, "span_start": base, "span_end": len(text),
             "trigger": "met", "source_actors": [{"start": base, "end": base + 6}],
             "target_actors": [{"start": text.index("Iran"), "end": text.index("Iran") + 4},
                               {"start": 0, "end": 5}]}  # a mention outside the sentence is left out
    html = highlighted_sentence(event)
    assert re.sub(r"<[^>]+>", "", html) == "Russia met Iran."
    assert '<span class="hl-clause hl-source">Russia</span>' in html
    assert '<span class="hl-clause hl-trigger">met</span>' in html
    assert '<span class="hl-clause hl-target">Iran</span>' in html
    fallback = highlighted_sentence({"sentence_text": "<i>copied</i>", "sent_text": None, "sent_start": None})
    assert fallback == "&lt;i&gt;copied&lt;/i&gt;"


def _period(label, q1=0, q2=0, q3=0, q4=0, gold=None):
    return {"period": label, "total": q1 + q2 + q3 + q4, "goldstein_mean": gold,
            "counts": {"verbal_cooperation": q1, "material_cooperation": q2,
                       "verbal_conflict": q3, "material_conflict": q4}}


def test_chart_bars_are_proportional_and_stacked_on_the_zero_line():
    svg = dyad_chart([_period("2001-01", q1=2, q2=2, gold=3.0), _period("2001-02"),
                      _period("2001-03", q4=1, gold=-9.0)], "A <and> B")
    bars = {m[0]: (float(m[1]), float(m[2])) for m in re.findall(r'<rect class="(q\d)" x="[\d.]+" y="([\d.]+)" '
                                                                   r'width="[\d.]+" height="([\d.]+)"', svg)}
    assert set(bars) == {"q1", "q2", "q4"}
    zero = bars["q1"][0] + bars["q1"][1]  # verbal cooperation sits on the zero line ...
    assert bars["q2"][0] + bars["q2"][1] == pytest.approx(bars["q1"][0])  # ... material cooperation on it
    assert bars["q4"][0] == pytest.approx(zero)  # conflict hangs below the line
    assert bars["q1"][1] == pytest.approx(2 * bars["q4"][1])
    assert svg.count('<circle class="goldstein"') == 2 and "<polyline" not in svg  # the empty month breaks the line
    assert "A &lt;and&gt; B" in svg and "<and>" not in svg
    assert dyad_chart([], "x") == ""


def test_nice_ceiling():
    assert [nice_ceiling(v) for v in (0, 1, 3, 7, 11, 40, 51)] == [1, 1, 5, 10, 20, 50, 100]


def test_fill_periods():
    assert fill_periods(["2000-11", "2001-02"], "month") == ["2000-11", "2000-12", "2001-01", "2001-02"]
    assert fill_periods(["2001-10-01", "2001-10-22"], "week") == ["2001-10-01", "2001-10-08", "2001-10-15",
                                                                   "2001-10-22"]
    far = ["1800-01", "2000-01"]  # more periods than a chart can hold: only those with events
    assert fill_periods(far, "month") == far


def test_filters_normalise_and_reject():
    f = build_filters(None, actor=" rusmil ", cameo_root="4", plover="consult", start="2001", end="2001-10")
    assert (f.actor, f.cameo_root, f.plover) == ("RUSMIL", "04", "CONSULT")
    assert f.as_query() == {"actor": "RUSMIL", "cameo_root": "04", "plover": "CONSULT",
                            "start": "2001", "end": "2001-10"}
    assert last_day("2001-02") == "2001-02-28" and last_day("2000-02") == "2000-02-29"
    with pytest.raises(FilterError, match="b:"):
        build_filters(None, a="RUS", b="RUSMIL")  # a pair is of countries
    with pytest.raises(FilterError, match="quad_class"):
        build_filters(None, quad_class="x")


def test_serve_refuses_what_it_cannot_serve(tmp_path):
    from eventscope.cli import app
    from eventscope.cli.serve_cmd import check_store

    runner = CliRunner()
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2 and "no database" in result.output
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    assert "cannot open" in check_store(junk)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    assert "not an eventscope database" in check_store(other)
