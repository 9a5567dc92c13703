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


def test_future_reading():
    assert resolve("Thursday", PUB, future=True).value == "2001-10-04"
    assert resolve("next week", PUB).value == "2001-10-08"


@pytest.mark.parametrize("text", ["three days", "a few weeks", "the next few years", "several months"])
def test_durations_are_not_dates(text):
    assert resolve(text, PUB) is None
