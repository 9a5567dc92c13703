import datetime as dt

import pytest

from eventscope.coding.when import resolve

PUB = dt.date(2001, 10, 2)  # a Tuesday


@pytest.mark.parametrize("text,value,precision", [
    ("Thursday", "2001-09-27", "day"),
    ("Tuesday", "2001-10-02", "day"),
    ("last week", "2001-09-24", "week"),
    ("in March", "2001-03", "month"),
    ("December", "2000-12", "month"),
    ("September 11", "2001-09-11", "day"),
    ("yesterday", "2001-10-01", "day"),
    ("two days ago", "2001-09-30", "day"),
    ("1995", "1995", "year"),
    ("last month", "2001-09", "month"),
])
def test_past_expressions(text, value, precision):
    r = resolve(text, PUB)
    assert r is not None and (r.value, r.precision) == (value, precision)


@pytest.mark.parametrize("text,future,value", [
    ("on the 11th", False, "2001-09-11"),  # after the publication day: last month
    ("the 1st", False, "2001-10-01"),
    ("on the 11th", True, "2001-10-11"),
    ("the 1st", True, "2001-11-01"),
])
def test_a_bare_ordinal_day_is_a_day_of_this_or_the_next_or_last_month(text, future, value):
    r = resolve(text, PUB, future=future)
    assert r is not None and (r.value, r.precision) == (value, "day")


def test_future_reading():
    assert resolve("Thursday", PUB, future=True).value == "2001-10-04"
    assert resolve("next week", PUB).value == "2001-10-08"


@pytest.mark.parametrize("text", ["three days", "a few weeks", "the next few years", "several months"])
def test_durations_are_not_dates(text):
    assert resolve(text, PUB) is None


@pytest.mark.parametrize("text,value,precision", [
    ("on September 11", "2001-09-11", "day"),
    ("Sept. 11", "2001-09-11", "day"),
    ("on Thursday", "2001-09-27", "day"),
    ("last Friday", "2001-09-28", "day"),
    ("the past week", "2001-09-24", "week"),
    ("this week", "2001-10-01", "week"),
    ("last year", "2000", "year"),
    ("late last year", "2000", "year"),
    ("mid-March", "2001-03", "month"),
    ("in early March", "2001-03", "month"),
    ("March 2000", "2000-03", "month"),
    ("2 October 2001", "2001-10-02", "day"),
])
def test_more_past_expressions(text, value, precision):
    r = resolve(text, PUB)
    assert r is not None and (r.value, r.precision) == (value, precision)


@pytest.mark.parametrize("text,value,precision", [
    ("in March", "2002-03", "month"),  # "will meet in March": the next March
    ("on Thursday", "2001-10-04", "day"),
    ("next month", "2001-11", "month"),
    ("Oct. 5", "2001-10-05", "day"),
])
def test_future_tense_reads_forward(text, value, precision):
    r = resolve(text, PUB, future=True)
    assert r is not None and (r.value, r.precision) == (value, precision)


@pytest.mark.parametrize("text", ["for three days", "three weeks", "in the coming days", "the day",
                                  "the 1950s", "in the 1990s", "the '90s", "the mid-1980s",
                                  "after Sept. 11", "before Thursday", "ahead of the elections"])
def test_more_non_dates(text):
    assert resolve(text, PUB) is None


def test_relative_expressions_need_a_publication_date():
    assert resolve("Thursday", None) is None
    assert resolve("1995", None).value == "1995"  # absolute expressions do not


def test_events_take_dates_from_the_text_or_the_publication_date(code_text):
    dated = code_text("Russian and Iranian officials met in Moscow on Thursday.")
    assert [(e.date, e.date_precision) for e in dated.events][:1] == [("2001-09-27", "day")]
    future = code_text("The Iranian foreign minister will visit Moscow on Thursday.")
    assert future.events and future.events[0].date == "2001-10-04"
    month = code_text("In March, the Kremlin agreed to sell Iran air defense systems.")
    assert month.events and (month.events[0].date, month.events[0].date_precision) == ("2001-03", "month")
    undated = code_text("Egypt condemned the Israeli air strikes on Gaza.")
    assert undated.events and undated.events[0].date == "2001-10-02"  # the publication date
    lasting = code_text("Russian officials held talks with Iran for three days.")
    assert all(e.date == "2001-10-02" for e in lasting.events)  # a duration is not a date


def test_a_time_adverb_hung_on_the_object_still_dates_the_event(code_text):
    # The small parser attaches "Friday" to "accord" here; the date belongs to the signing.
    result = code_text("Egyptian and Jordanian officials signed a new trade accord Friday in Cairo.")
    signed = [e for e in result.events if e.cameo_root in {"03", "05", "06"}]
    assert signed and signed[0].date == "2001-09-28"
    result = code_text("Turkish and Greek diplomats announced a new partnership Thursday.")
    assert result.events and result.events[0].date == "2001-09-27"


@pytest.mark.parametrize("text,future,value", [
    ("21 November", False, "2000-11-21"),  # after the publication day in the year: last year's
    ("May 2, 2010", False, "2010-05-02"),
    ("Sunday, July 8", False, "2001-07-08"),
    ("April 12 and", True, "2002-04-12"),
    ("the 3rd of May", False, "2001-05-03"),
    ("Sept. 11, 2001", False, "2001-09-11"),
])
def test_explicit_days_with_or_without_a_year(text, future, value):
    r = resolve(text, PUB, future=future)
    assert r is not None and (r.value, r.precision) == (value, "day")


def test_explicit_days_do_not_need_dateparser(monkeypatch):
    import eventscope.coding.when as when

    def fail(*_):
        raise AssertionError("dateparser was asked")
    monkeypatch.setattr(when, "_dateparser_day", fail)
    assert resolve("on 21 November", PUB).value == "2000-11-21"
    assert resolve("February 30, 2001", PUB) is None  # an impossible day is no date


def test_undated_document_leaves_relative_days_unresolved():
    # Without a publication date there is nothing to count from: never the day of the run.
    for expression in ("on March 3", "March 3rd", "the 3rd of March", "Thursday", "last week"):
        assert resolve(expression, None) is None, expression
    assert resolve("March 3, 2015", None).value == "2015-03-03"
