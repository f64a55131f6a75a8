"""Dates and times as the matcher compares them: fixed-width text in UTC, and ranges of it.

PS3.4 C.2.2.2.1.3 asks that DA, TM and DT values be matched by their meaning, not as literal
strings ("the TM "2230" matches "223000""), and C.2.2.2.5 that ranges be inclusive.  Every value
is therefore turned into a fixed-width text whose order is the order in time, the same text for
the pure matcher and for the index columns of :mod:`dicomkit.query.storage`:

======  =========================  =======================================================
VR      normal form                notes
======  =========================  =======================================================
DA      ``YYYYMMDD``               ACR-NEMA ``YYYY.MM.DD`` read too; dates are not shifted
TM      ``HHMMSS.ffffff`` (UTC)    missing components are their lowest value; shifted by the
                                   UTC offset of the data set (modulo one day)
DT      ``YYYYMMDDHHMMSS.ffffff``  in UTC: the value's own offset ``&ZZXX``, else the data
        (UTC)                      set's Timezone Offset From UTC (0008,0201), else the
                                   default time zone
DA+TM   as DT                      a date and its time (Study Date, Study Time) as one
                                   moment, for combined date-time matching (C.2.2.2.5.4)
======  =========================  =======================================================

A key value stands for every moment its precision covers (PS3.5 6.2: a DT of ``2006`` is the
year 2006): :func:`time_bounds` and :func:`datetime_bounds` give the first and the last moment,
and a single value matches an entity value that falls between them (so ``"2230"`` matches
``"223000"`` and ``"223059"``).  A value that is not a date or time of its VR gives None.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

#: The first and last moment of a day in the TM normal form.
MIN_TIME = "000000.000000"
MAX_TIME = "235959.999999"
_MIN_DT = "00010101000000.000000"
_MAX_DT = "99991231235959.999999"
_DAY_US = 86_400_000_000


def parse_offset(text: str) -> timedelta | None:
    """The UTC offset of ``"+HHMM"`` / ``"-HHMM"`` (PS3.3 C.12.1.1.8, PS3.5 6.2 DT), or None."""
    s = text.strip(" ")
    if len(s) != 5 or s[0] not in "+-" or not s[1:].isdigit() or not s[1:].isascii():
        return None
    hours, minutes = int(s[1:3]), int(s[3:])
    if minutes >= 60 or hours > 14:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return -delta if s[0] == "-" else delta


def date_text(text: str) -> str | None:
    """``YYYYMMDD`` of a DA value (``YYYY.MM.DD`` accepted), or None when it is not a date."""
    s = text.strip(" ")
    if len(s) == 10 and s[4] == "." and s[7] == ".":
        s = s[:4] + s[5:7] + s[8:]
    if len(s) != 8 or not s.isdigit() or not s.isascii():
        return None
    year, month, day = int(s[:4]), int(s[4:6]), int(s[6:])
    if year < 1 or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return s


def _fraction(body: str) -> tuple[str, str] | None:
    """Low and high six-digit fractions of ``"F{1,6}"`` (``"5"`` -> 500000, 599999)."""
    if not 1 <= len(body) <= 6 or not body.isdigit() or not body.isascii():
        return None
    return body.ljust(6, "0"), body.ljust(6, "9")


def time_bounds(text: str) -> tuple[str, str] | None:
    """First and last moment (``HHMMSS.ffffff``) of a TM value, or None when it is not one.

    ``HH``, ``HHMM``, ``HHMMSS`` and ``HHMMSS.F{1,6}`` (PS3.5 6.2), and the ACR-NEMA form
    with colons.  A leap second reads as second 59.
    """
    s = text.strip(" ").replace(":", "")
    frac_low, frac_high = "000000", "999999"
    if "." in s:
        s, _, frac = s.partition(".")
        parts = _fraction(frac)
        if parts is None or len(s) != 6:
            return None
        frac_low, frac_high = parts
    n = len(s)
    if n not in (2, 4, 6) or not s.isdigit() or not s.isascii():
        return None
    hour = int(s[:2])
    minute = int(s[2:4]) if n >= 4 else None
    second = min(int(s[4:6]), 59) if n == 6 else None
    if hour > 23 or (minute is not None and minute > 59) or (n == 6 and int(s[4:6]) > 60):
        return None
    low = f"{hour:02d}{minute or 0:02d}{second or 0:02d}.{frac_low}"
    high = (f"{hour:02d}{59 if minute is None else minute:02d}"
            f"{59 if second is None else second:02d}.{frac_high}")
    return low, high


def _split_dt(text: str) -> tuple[str, timedelta | None] | None:
    """The body of a DT value and its own UTC offset (None when it has none)."""
    s = text.strip(" ")
    if len(s) > 5 and s[-5] in "+-":
        offset = parse_offset(s[-5:])
        if offset is None:
            return None
        return s[:-5], offset
    return s, None


def datetime_bounds(text: str) -> tuple[str, str, timedelta | None] | None:
    """First and last moment (``YYYYMMDDHHMMSS.ffffff``, local) of a DT value and its own UTC
    offset, or None when it is not a DT (PS3.5 6.2: ``YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]]``
    ``[&ZZXX]``)."""
    split = _split_dt(text)
    if split is None:
        return None
    body, offset = split
    frac_low, frac_high = "000000", "999999"
    if "." in body:
        body, _, frac = body.partition(".")
        parts = _fraction(frac)
        if parts is None or len(body) != 14:
            return None
        frac_low, frac_high = parts
    n = len(body)
    if n not in (4, 6, 8, 10, 12, 14) or not body.isdigit() or not body.isascii():
        return None
    year = int(body[:4])
    month = int(body[4:6]) if n >= 6 else None
    day = int(body[6:8]) if n >= 8 else None
    hour = int(body[8:10]) if n >= 10 else None
    minute = int(body[10:12]) if n >= 12 else None
    second = int(body[12:14]) if n >= 14 else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return None
    last_day = calendar.monthrange(year, month or 12)[1]
    if day is not None and not 1 <= day <= last_day:
        return None
    if (hour is not None and hour > 23) or (minute is not None and minute > 59) \
            or (second is not None and second > 60):
        return None
    sec = None if second is None else min(second, 59)
    low = (f"{year:04d}{month or 1:02d}{day or 1:02d}{hour or 0:02d}{minute or 0:02d}"
           f"{sec or 0:02d}.{frac_low}")
    high = (f"{year:04d}{12 if month is None else month:02d}{last_day if day is None else day:02d}"
            f"{23 if hour is None else hour:02d}{59 if minute is None else minute:02d}"
            f"{59 if sec is None else sec:02d}.{frac_high}")
    return low, high, offset


def dt_to_utc(local: str, offset: timedelta) -> str:
    """A DT normal form in the time zone ``offset`` moved to UTC (clamped to years 1-9999)."""
    if not offset:
        return local
    moment = datetime(int(local[:4]), int(local[4:6]), int(local[6:8]), int(local[8:10]),
                      int(local[10:12]), int(local[12:14]), int(local[15:21]))
    try:
        moved = moment - offset
    except OverflowError:
        return _MIN_DT if offset > timedelta(0) else _MAX_DT
    return moved.strftime("%Y%m%d%H%M%S.%f").rjust(21, "0")


def time_to_utc(local: str, offset: timedelta) -> str:
    """A TM normal form in the time zone ``offset`` moved to UTC, modulo one day."""
    if not offset:
        return local
    us = ((int(local[:2]) * 60 + int(local[2:4])) * 60 + int(local[4:6])) * 1_000_000 \
        + int(local[7:13])
    us = (us - offset // timedelta(microseconds=1)) % _DAY_US
    seconds, micro = divmod(us, 1_000_000)
    minutes, sec = divmod(seconds, 60)
    return f"{minutes // 60:02d}{minutes % 60:02d}{sec:02d}.{micro:06d}"


def combine(date: str, time: str) -> str:
    """The DT normal form of a DA normal form and a TM normal form."""
    return date + time


def split_range(text: str, vr: str) -> tuple[str, str] | None:
    """The two ends of a range key (``"<a>-<b>"``, ``"-<b>"``, ``"<a>-"``; PS3.4 C.2.2.2.5),
    either possibly ``""``, or None when ``text`` is not a range.

    A DT may hold ``-`` in a UTC offset too: of the places the text could be cut, the first
    whose ends both read as DT (or are empty) and are in order is taken.
    """
    s = text.strip(" ")
    if "-" not in s:
        return None
    if vr != "DT":
        left, _, right = s.partition("-")
        return left.strip(" "), right.strip(" ")
    cuts = [i for i, ch in enumerate(s) if ch == "-"]
    found: tuple[str, str] | None = None
    for i in cuts:
        left, right = s[:i].strip(" "), s[i + 1:].strip(" ")
        lb = datetime_bounds(left) if left else None
        rb = datetime_bounds(right) if right else None
        if (left and lb is None) or (right and rb is None) or (not left and not right):
            continue
        if lb is not None and rb is not None:
            low = dt_to_utc(lb[0], lb[2] or timedelta(0))
            high = dt_to_utc(rb[1], rb[2] or timedelta(0))
            if low > high:
                continue
        found = (left, right)
        break
    if found is None:
        left, _, right = s.partition("-")
        return left.strip(" "), right.strip(" ")
    return found
