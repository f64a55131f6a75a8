"""Replacement values: zero-length (Z) and dummy (D) values for each VR, and date shifting.

Table E.1-1a: Z is "replace with a zero length value", D "replace with a non-zero length value
that may be a dummy value and consistent with the VR"; PS3.15 E.1.1 leaves the dummy values
to the de-identifier.  Ours are constant per VR (so they are consistent across instances, as
E.1.1 asks of entities above the instance level) and valid for the VR (PS3.5 6.2).
"""

from __future__ import annotations

import datetime
from typing import Any, Final

from dicomkit.core.sequence import Sequence

__all__ = ["DUMMY_TEXT", "dummy_value", "empty_value", "shift_date", "shift_datetime"]

#: The dummy text of the string VRs.
DUMMY_TEXT: Final = "ANONYMIZED"
_TEXT_VRS: Final = frozenset({"AE", "CS", "LO", "LT", "SH", "ST", "UC", "UT", "PN"})
_NUMBER_VRS: Final = frozenset({"US", "SS", "UL", "SL", "UV", "SV", "FL", "FD"})
_BYTES_VRS: Final = frozenset({"OB", "OD", "OF", "OL", "OV", "OW", "UN"})
_DUMMIES: Final[dict[str, Any]] = {
    "AS": "000D", "DA": "19000101", "DT": "19000101000000", "TM": "000000", "DS": "0",
    "IS": "0", "UR": "urn:anonymized", "AT": 0,
}


def empty_value(vr: str) -> Any:
    """The zero-length value of ``vr`` (an empty sequence for SQ)."""
    if vr == "SQ":
        return Sequence()
    if vr in _BYTES_VRS:
        return b""
    if vr in _NUMBER_VRS or vr == "AT":
        return None
    return ""


def dummy_value(vr: str) -> Any:
    """A non-zero-length dummy value valid for ``vr`` (not for SQ or UI: a sequence keeps its
    items, cleaned, and a UID is replaced by its mapping)."""
    if vr in _TEXT_VRS:
        return DUMMY_TEXT
    if vr in _NUMBER_VRS:
        return 0
    if vr in _BYTES_VRS:
        return b"\x00" * 8  # a whole number of values of every OB/OD/OF/OL/OV/OW width
    if vr in _DUMMIES:
        return _DUMMIES[vr]
    return DUMMY_TEXT


def shift_date(value: str, days: int) -> str | None:
    """A DA value ``YYYYMMDD`` moved by ``days``; None when it is not such a date."""
    text = value.strip()
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        day = datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return (day + datetime.timedelta(days=days)).strftime("%Y%m%d")
    except (ValueError, OverflowError):
        return None


def shift_datetime(value: str, days: int) -> str | None:
    """A DT value with at least its date (``YYYYMMDD...``) moved by ``days``, the time of day,
    fraction and offset kept; None when it holds less than a full date."""
    text = value.strip()
    date = shift_date(text[:8], days) if len(text) >= 8 else None
    return None if date is None else date + text[8:]
