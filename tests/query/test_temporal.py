"""Dates and times as normal forms (PS3.4 C.2.2.2.1.3: matched by meaning; C.2.2.2.5 ranges)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from dicomkit.query import temporal

aware = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30),
                     timezones=st.builds(timezone, st.integers(-12 * 60, 14 * 60).map(
                         lambda m: timedelta(minutes=m))))


def dt_text(moment: datetime) -> str:
    off = moment.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return moment.strftime("%Y%m%d%H%M%S.%f") + f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


@given(aware)
def test_a_dt_with_offset_becomes_its_utc_moment(moment: datetime) -> None:
    bounds = temporal.datetime_bounds(dt_text(moment))
    assert bounds is not None
    low, high, offset = bounds
    assert low == high[:15] + low[15:] and offset == moment.utcoffset()
    assert temporal.dt_to_utc(low, offset) == moment.astimezone(UTC).strftime("%Y%m%d%H%M%S.%f")


@given(aware, aware)
def test_normal_forms_sort_as_the_moments_do(a: datetime, b: datetime) -> None:
    na = temporal.dt_to_utc(*_low(dt_text(a)))
    nb = temporal.dt_to_utc(*_low(dt_text(b)))
    assert (na < nb) == (a < b) and (na == nb) == (a == b)


def _low(text: str) -> tuple[str, timedelta]:
    bounds = temporal.datetime_bounds(text)
    assert bounds is not None
    return bounds[0], bounds[2] or timedelta(0)


@given(st.times(), st.integers(-12 * 60, 14 * 60))
def test_times_move_to_utc_modulo_a_day(t: object, minutes: int) -> None:
    from datetime import time

    assert isinstance(t, time)
    text = t.strftime("%H%M%S.%f")
    moved = temporal.time_to_utc(text, timedelta(minutes=minutes))
    expected = (datetime.combine(datetime(2000, 1, 1), t) - timedelta(minutes=minutes)).time()
    assert moved == expected.strftime("%H%M%S.%f")


def test_precision_gives_the_first_and_last_moment() -> None:
    # PS3.5 6.2: a DT of "2006" is the year; a TM of "10" the hour
    assert temporal.datetime_bounds("2006") == ("20060101000000.000000",
                                                "20061231235959.999999", None)
    assert temporal.datetime_bounds("200602")[1] == "20060228235959.999999"
    assert temporal.datetime_bounds("200402")[1] == "20040229235959.999999"
    assert temporal.time_bounds("10") == ("100000.000000", "105959.999999")
    assert temporal.time_bounds("103015.5") == ("103015.500000", "103015.599999")
    assert temporal.time_bounds("10:30:15") == ("103015.000000", "103015.999999")
    assert temporal.time_bounds("235960")[0] == "235959.000000"  # leap second


def test_values_that_are_not_dates_or_times() -> None:
    for text in ("2006", "20061301", "20060230", "2006-01-01", "", "２００６０１０１"):
        assert temporal.date_text(text) is None
    for text in ("24", "1060", "106", "103015.", "103015.1234567", "abc"):
        assert temporal.time_bounds(text) is None
    for text in ("200613", "20060101250000", "2006+2500", "20060101.5", "x"):
        assert temporal.datetime_bounds(text) is None
    assert temporal.parse_offset("+1500") is None and temporal.parse_offset("-0130") == \
        -timedelta(hours=1, minutes=30)


def test_range_cuts() -> None:
    assert temporal.split_range("20060101-20060131", "DA") == ("20060101", "20060131")
    assert temporal.split_range("-1000", "TM") == ("", "1000")
    assert temporal.split_range("20060101", "DA") is None
    assert temporal.split_range("2006-0100-2007", "DT") == ("2006-0100", "2007")
