"""The normal form of one value of each VR: what keys and entity values are compared as.

Both the pure matcher (:mod:`dicomkit.query.match`) and the index columns
(:mod:`dicomkit.query.storage`) compare these texts, so that they agree by construction:

==================  ===============================================================
VR                  normal form of one value
==================  ===============================================================
AE AS CS UI         the text, leading and trailing spaces (and UI's NUL) dropped
SH LO UC            the text, leading and trailing spaces dropped (insignificant,
                    PS3.5 6.2)
PN                  :func:`dicomkit.query.names.normal_name`
ST LT UT UR         the text, trailing spaces dropped
DS                  the number in plain decimal notation without trailing zeros
                    (``"+1.50"`` and ``"1.5E0"`` -> ``"1.5"``; PS3.4 C.2.2.2.1.4 leaves
                    the choice to the SCP); text that is not a number stays as written
IS                  the integer (``"+007"`` -> ``"7"``)
US SS UL SL UV SV   the integer
FL FD               the number as ``repr`` of the float (FL rounded to 32 bits first)
AT                  eight upper-case hex digits ``GGGGEEEE``
DA TM DT            :mod:`dicomkit.query.temporal` (done by the caller, which knows the
                    time zone)
others (OB, UN...)  the bytes read as Latin-1, trailing NUL and spaces dropped
==================  ===============================================================

An attribute whose data dictionary VM is ``1`` has one value: several values in the data (an
invalid data set) are one value, their normal forms joined by ``\\``.  Empty values are dropped.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from dicomkit.core import dictionary
from dicomkit.query.names import normal_name

_BOTH = frozenset({"AE", "AS", "CS", "SH", "LO", "UC"})
_TRAILING = frozenset({"ST", "LT", "UT", "UR"})
_INTEGERS = frozenset({"US", "SS", "UL", "SL", "UV", "SV"})
_FLOATS = frozenset({"FL", "FD"})
#: VRs whose normal form is made by :mod:`dicomkit.query.temporal`.
TEMPORAL_VRS = frozenset({"DA", "TM", "DT"})


@lru_cache(maxsize=8192)
def is_multi_valued(tag: int) -> bool:
    """True unless the data dictionary gives ``tag`` a VM of exactly 1 (unknown tags: True)."""
    entry = dictionary.lookup(tag) if not (tag >> 16) & 1 else None
    return entry is None or entry[1] != "1"


def _decimal(text: str) -> str:
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    if number.is_zero():
        return "0"
    plain = format(number.normalize(), "f")
    return plain


def _integer(text: str) -> str:
    try:
        return str(int(text))
    except ValueError:
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text
        if number.is_finite() and number == number.to_integral_value():
            return str(int(number))
        return text


def _float(vr: str, value: Any) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value).strip(" ")
    if vr == "FL" and math.isfinite(number):
        try:
            number = struct.unpack("<f", struct.pack("<f", number))[0]
        except OverflowError:
            return repr(number)
    return repr(number)


def canonical(vr: str, value: Any) -> str:
    """The normal form of one value of VR ``vr`` (not DA, TM, DT), ``""`` when empty."""
    if value is None:
        return ""
    if vr == "PN":
        return normal_name(str(value))
    if vr in _BOTH:
        return str(value).strip(" ")
    if vr == "UI":
        return str(value).strip(" \x00")
    if vr in _TRAILING:
        return str(value).rstrip(" ")
    if vr == "DS":
        return _decimal(str(value).strip(" ")) if value != "" else ""
    if vr == "IS":
        return _integer(str(value).strip(" ")) if value != "" else ""
    if vr in _INTEGERS:
        if isinstance(value, int):
            return str(value)
        return _integer(str(value).strip(" "))
    if vr in _FLOATS:
        return _float(vr, value) if value != "" else ""
    if vr == "AT":
        if isinstance(value, int):
            return f"{value:08X}"
        text = str(value).strip(" ").replace("(", "").replace(")", "").replace(",", "")
        return text.upper()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("latin-1").rstrip("\x00 ")
    return str(value).strip(" ")


def split_values(value: Any) -> list[Any]:
    """The values of an element value (a list, one value, or none)."""
    if value is None:
        return []
    if isinstance(value, str | bytes | bytearray | memoryview):
        return [value] if len(value) else []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def joined(parts: Iterable[str]) -> str:
    """Several normal forms of an attribute with VM 1, as the one value they are."""
    return "\\".join(parts)
