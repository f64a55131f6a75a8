"""Typed values and the value codecs of every value representation (PS3.5 6.2).

:func:`decode_value` turns the bytes of one data element value into the Python value users work
with, :func:`encode_value` does the inverse, and :func:`value_multiplicity` counts values
(PS3.5 6.4).  The typed values behave like pydicom's so that users find what they expect:

======================  ============================================================
VR                      decoded as
======================  ============================================================
AE CS SH LO UC          ``str`` (``MultiValue`` of ``str`` when VM > 1)
LT ST UT UR             ``str``, always one value (a backslash is an ordinary character)
AS                      :class:`AgeString` (``str``)
DA / TM / DT            :class:`DA` (``date``) / :class:`TM` (``time``) / :class:`DT` (``datetime``)
DS                      :class:`DSfloat` (``float``)
IS                      :class:`IS` (``int``)
PN                      :class:`PersonName` (``str``)
UI                      :class:`UID` (``str``)
FL FD SL SS SV UL US UV ``int`` / ``float`` (``MultiValue`` when VM > 1)
AT                      :class:`~dicomkit.core.tag.Tag`
OB OD OF OL OV OW UN    ``bytes`` as stored, in the stream's byte order
======================  ============================================================

Reading never raises on a bad value (PS3.5 says what is valid; files in the wild do not always
follow it): a DA, TM, DT, AS, DS or IS value that does not parse is kept as the ``str`` it was, and
a binary number value whose length is not a whole number of values is kept as its ``bytes``, so
the value is still shown and still written back unchanged.  Typed values remember the text they
were read from, and :func:`encode_value` writes exactly that text again, so a value read and
written is byte-identical.

Empty values (PS3.5 7.1.1, length 0) decode as ``""`` for character string VRs whose values are
text (AE AS CS DA DT LO LT PN SH ST TM UC UI UR UT), ``None`` for number VRs (DS IS and the binary
numbers, AT) and ``b""`` for the byte VRs (OB OD OF OL OV OW UN); pydicom gives the same by
default.  :func:`encode_value` writes ``None``, ``""`` and ``b""`` as an empty value.

Padding and significant spaces (PS3.5 6.2): leading and trailing spaces are stripped from every
value of AE AS CS DA DS DT IS TM UI (UI values also lose their trailing NUL padding); trailing
spaces (and NULs some writers use) only from SH LO PN UC values and from the single value of
LT ST UT UR, whose leading spaces are kept (for SH LO PN UC PS3.5 calls them insignificant, but
keeping them, like pydicom, loses nothing).

Which VRs are character strings, which are subject to the Specific Character Set (the VRs whose
repertoire "and/or as defined by (0008,0005)"), the padding byte, value sizes and number kinds
all come from the generated VR table :data:`dicomkit.generated.vrs.VRS` (PS3.5 Table 6.2-1).
"""

from __future__ import annotations

import math
import struct
import sys
from array import array
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any, Final, Protocol, SupportsIndex, TypeVar

from dicomkit.core.tag import Tag, TagError, as_tag_int
from dicomkit.core.uid import is_valid_uid
from dicomkit.errors import DicomError
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.uids import UIDS
from dicomkit.generated.vrs import CHARACTER_VRS, VRS

__all__ = [
    "DA",
    "DT",
    "IS",
    "TM",
    "UID",
    "AgeString",
    "CharsetLike",
    "DSfloat",
    "MultiValue",
    "PersonName",
    "ValueDecodingError",
    "ValueEncodingError",
    "decode_value",
    "encode_value",
    "format_ds",
    "format_value",
    "swap_bytes",
    "value_multiplicity",
]

_T = TypeVar("_T")


class CharsetLike(Protocol):
    """What the value codecs need of a Specific Character Set (PS3.5 6.1).

    Implemented by :class:`dicomkit.core.charset.Charset`.  ``vr`` lets the character set apply
    the delimiters that reset ISO 2022 code extensions (PS3.5 6.1.2.5.3): for PN the whole value,
    with its ``=`` and ``^`` delimiters, is passed in one call.
    """

    def decode(self, raw: bytes, vr: str) -> str:
        """Decode the bytes of a whole value of VR ``vr``."""
        ...

    def encode(self, text: str, vr: str) -> bytes:
        """Encode the text of a whole value of VR ``vr``."""
        ...


class ValueEncodingError(DicomError, ValueError):
    """A value that cannot be written as the given VR without changing it.

    Attributes
    ----------
    vr : str
        The value representation asked for.
    value : Any
        The offending value (one value of a multi-valued element when that one is the problem).
    reason : str
        Why it cannot be written.
    tag_path : str
        Where the element is: ``(0010,0020)``, ``(0008,1115)[0].(0008,1150)``; ``""`` unknown.
    keyword : str
        The element's keyword (PS3.6), ``""`` for private and unknown tags or when not known.
    rule : str
        The rule broken (``type``, ``range``, ``value-length``, ``value-format``,
        ``repertoire``, the rule ids of :mod:`dicomkit.validate`), ``""`` when not named.
    clause : str
        Where the standard states it (``PS3.5 6.2``), ``""`` when not named.
    """

    def __init__(self, vr: str, value: Any, reason: str, *, tag_path: str = "",
                 keyword: str = "", rule: str = "", clause: str = "") -> None:
        self.vr = vr
        self.value = value
        self.reason = reason
        self.tag_path = tag_path
        self.keyword = keyword
        self.rule = rule
        self.clause = clause
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        where = " ".join(x for x in (keyword, tag_path) if x)
        text = f"cannot encode {shown} as {vr}: {reason}"
        if where:
            text = f"{where}: {text}"
        if rule or clause:
            table = ", Table 6.2-1" if clause == "PS3.5 6.2" else ""
            text += f" [{'; '.join(x for x in (rule, clause + table) if x)}]"
        super().__init__(text)


class ValueDecodingError(DicomError, ValueError):
    """A value representation that this module does not decode (SQ, or a code not in PS3.5)."""

    def __init__(self, vr: str, reason: str) -> None:
        self.vr = vr
        self.reason = reason
        super().__init__(f"cannot decode a value of VR {vr!r}: {reason}")


# ------------------------------------------------------------------------------------------------
# Typed values
# ------------------------------------------------------------------------------------------------


class MultiValue(list[_T]):
    """The values of an element with VM > 1 (PS3.5 6.4): a plain ``list`` subclass.

    A separate type (as in pydicom) so that code can tell "several values" from "one value that
    happens to be a list".
    """

    __slots__ = ()


class DSfloat(float):
    """A Decimal String value (PS3.5 6.2, DS) as a ``float`` that keeps the text it came from.

    ``str()`` gives that text (``" 1.50"`` read from a file stays ``"1.50"`` when written), and
    :attr:`decimal` the exact decimal value of the text.  Built from a number, the text is the
    one :func:`format_ds` writes.

    Examples
    --------
    >>> DSfloat("1.5E+3")
    DSfloat('1.5E+3')
    >>> DSfloat("1.5E+3") == 1500.0
    True
    """

    __slots__ = ("_text",)
    _text: str

    def __new__(cls, value: str | float | Decimal) -> DSfloat:
        if isinstance(value, str):
            text = value.strip(" ")
            if "_" in text:
                raise ValueError(f"{value!r} is not a decimal string")
            obj = float.__new__(cls, text)
            if not math.isfinite(obj):
                raise ValueError(f"{value!r} is not a finite decimal string")
        else:
            text = value._text if isinstance(value, DSfloat) else format_ds(value)
            obj = float.__new__(cls, value)
        obj._text = text
        return obj

    @property
    def original_string(self) -> str:
        """The text of the value as read or as it will be written."""
        return self._text

    @property
    def decimal(self) -> Decimal:
        """The exact value of the text as a :class:`decimal.Decimal`."""
        return Decimal(self._text)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"DSfloat({self._text!r})"

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[type[DSfloat], tuple[str]]:
        return (DSfloat, (self._text,))


class IS(int):
    """An Integer String value (PS3.5 6.2, IS) as an ``int`` that keeps the text it came from.

    ``IS("+12")`` is 12 and writes back as ``"+12"``.  Text such as ``"1.0"`` (a whole number
    written as a decimal, not valid IS) is accepted with its value 1 and kept as written.
    """

    #: the text, set only when it differs from ``str(int(self))`` (ints have no ``__slots__``)
    _text: str

    def __new__(cls, value: str | float | Decimal) -> IS:
        if isinstance(value, str):
            text = value.strip(" ")
            if "_" in text:
                raise ValueError(f"{value!r} is not an integer string")
            try:
                obj = int.__new__(cls, text)
            except ValueError:
                number = float(text)  # ValueError for non-numbers, as int() would give
                if not number.is_integer():
                    raise ValueError(f"{value!r} is not a whole number") from None
                obj = int.__new__(cls, int(number))
            if text != str(int(obj)):
                obj._text = text
            return obj
        if isinstance(value, float | Decimal) and not (
                math.isfinite(value) and value == int(value)):
            raise ValueError(f"{value!r} is not a whole number")
        obj = int.__new__(cls, value)
        if isinstance(value, IS):
            kept: str | None = getattr(value, "_text", None)
            if kept is not None:
                obj._text = kept
        return obj

    @property
    def original_string(self) -> str:
        """The text of the value as read or as it will be written."""
        return getattr(self, "_text", None) or int.__repr__(self)

    def __str__(self) -> str:
        return self.original_string

    def __repr__(self) -> str:
        return f"IS({self.original_string!r})"

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[type[IS], tuple[str]]:
        return (IS, (self.original_string,))


class DA(date):
    """A Date value (PS3.5 6.2, DA): a ``datetime.date`` that keeps the text it came from.

    Accepts ``YYYYMMDD`` and, when reading, the ACR-NEMA form ``YYYY.MM.DD`` (kept as written).
    ``str()`` is the DICOM text.
    """

    __slots__ = ("_text",)
    _text: str

    def __new__(cls, value: str | date | int, month: int | None = None,
                day: int | None = None) -> DA:
        if isinstance(value, int):
            if month is None or day is None:
                raise TypeError("DA(year, month, day) needs all three")
            obj = date.__new__(cls, value, month, day)
            obj._text = f"{value:04d}{month:02d}{day:02d}"
            return obj
        if isinstance(value, datetime):
            raise TypeError("a datetime is not a date; use DT, or pass .date()")
        if isinstance(value, date):
            obj = date.__new__(cls, value.year, value.month, value.day)
            obj._text = (getattr(value, "_text", None)
                         or f"{value.year:04d}{value.month:02d}{value.day:02d}")
            return obj
        parsed = _parse_da(value.strip(" "))
        if not isinstance(parsed, DA):
            raise ValueError(f"{value!r} is not a DICOM date (YYYYMMDD)")
        return parsed

    @property
    def original_string(self) -> str:
        """The DICOM text of the date."""
        text: str | None = getattr(self, "_text", None)
        return text or f"{self.year:04d}{self.month:02d}{self.day:02d}"

    def __str__(self) -> str:
        return self.original_string

    def __repr__(self) -> str:
        return f"DA({self.original_string!r})"

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[type[DA], tuple[str]]:
        return (DA, (self.original_string,))


class TM(time):
    """A Time value (PS3.5 6.2, TM): a ``datetime.time`` that keeps the text it came from.

    Accepts ``HH``, ``HHMM``, ``HHMMSS`` and ``HHMMSS.F`` to ``HHMMSS.FFFFFF``, and when reading
    the ACR-NEMA form ``HH:MM:SS.FFFFFF``.  A leap second (``60``) reads as 59 s, its text kept.
    """

    __slots__ = ("_text",)
    _text: str

    def __new__(cls, value: str | time | int, minute: int = 0, second: int = 0,
                microsecond: int = 0) -> TM:
        if isinstance(value, int):
            obj = time.__new__(cls, value, minute, second, microsecond)
            obj._text = _format_tm(obj)
            return obj
        if isinstance(value, time):
            if value.tzinfo is not None:
                raise ValueError("TM values have no UTC offset (PS3.5 6.2); use DT")
            obj = time.__new__(cls, value.hour, value.minute, value.second, value.microsecond)
            obj._text = getattr(value, "_text", None) or _format_tm(value)
            return obj
        parsed = _parse_tm(value.strip(" "))
        if not isinstance(parsed, TM):
            raise ValueError(f"{value!r} is not a DICOM time (HHMMSS.FFFFFF)")
        return parsed

    @property
    def original_string(self) -> str:
        """The DICOM text of the time."""
        text: str | None = getattr(self, "_text", None)
        return text or _format_tm(self)

    def __str__(self) -> str:
        return self.original_string

    def __repr__(self) -> str:
        return f"TM({self.original_string!r})"

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[type[TM], tuple[str]]:
        return (TM, (self.original_string,))


class DT(datetime):
    """A Date Time value (PS3.5 6.2, DT): a ``datetime.datetime`` keeping the text it came from.

    ``YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]``: missing components take their lowest value
    (month and day 1, time 0), the UTC offset ``&ZZXX`` becomes ``tzinfo``.
    """

    __slots__ = ("_text",)
    _text: str

    def __new__(cls, value: str | datetime | int, month: int = 1, day: int = 1, hour: int = 0,
                minute: int = 0, second: int = 0, microsecond: int = 0,
                tzinfo: tzinfo | None = None) -> DT:
        if isinstance(value, int):
            obj = datetime.__new__(cls, value, month, day, hour, minute, second, microsecond,
                                   tzinfo)
            obj._text = _format_dt(obj)
            return obj
        if isinstance(value, datetime):
            obj = datetime.__new__(cls, value.year, value.month, value.day, value.hour,
                                   value.minute, value.second, value.microsecond, value.tzinfo)
            obj._text = getattr(value, "_text", None) or _format_dt(value)
            return obj
        parsed = _parse_dt(value.strip(" "))
        if not isinstance(parsed, DT):
            raise ValueError(f"{value!r} is not a DICOM date time (YYYYMMDDHHMMSS.FFFFFF&ZZXX)")
        return parsed

    @property
    def original_string(self) -> str:
        """The DICOM text of the date time."""
        text: str | None = getattr(self, "_text", None)
        return text or _format_dt(self)

    def __str__(self) -> str:
        return self.original_string

    def __repr__(self) -> str:
        return f"DT({self.original_string!r})"

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[type[DT], tuple[str]]:
        return (DT, (self.original_string,))


class AgeString(str):
    """An Age String value (PS3.5 6.2, AS): ``nnnD``, ``nnnW``, ``nnnM`` or ``nnnY``.

    A ``str`` (the text as written) with the parsed :attr:`value` and :attr:`unit`.  Reading also
    accepts other digit counts (``"18Y"``), kept as written.
    """

    __slots__ = ()

    #: The unit letters and their meaning (PS3.5 6.2, AS).
    UNITS: Final = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}

    def __new__(cls, value: str) -> AgeString:
        text = value.strip(" ")
        if not _is_age(text):
            raise ValueError(f"{value!r} is not a DICOM age string (nnnD, nnnW, nnnM or nnnY)")
        return str.__new__(cls, text)

    @property
    def value(self) -> int:
        """The number of units."""
        return int(self[:-1])

    @property
    def unit(self) -> str:
        """The unit letter: ``D``, ``W``, ``M`` or ``Y``."""
        return self[-1]

    @property
    def unit_name(self) -> str:
        """The unit in words: ``days``, ``weeks``, ``months`` or ``years``."""
        return self.UNITS[self[-1]]

    def __repr__(self) -> str:
        return f"AgeString({str.__repr__(self)})"


class PersonName(str):
    """A Person Name value (PS3.5 6.2.1, PN): the text with its component groups and components.

    The value is up to three component groups separated by ``=`` (alphabetic, ideographic,
    phonetic); each is up to five components separated by ``^``: family name, given name, middle
    name, name prefix, name suffix.  The component properties read the alphabetic group, as in
    pydicom.

    Examples
    --------
    >>> pn = PersonName("Yamada^Tarou=山田^太郎=やまだ^たろう")
    >>> pn.family_name, pn.ideographic
    ('Yamada', '山田^太郎')
    """

    __slots__ = ()

    def __new__(cls, value: str = "") -> PersonName:
        return str.__new__(cls, value)

    @classmethod
    def from_named_components(
            cls, family_name: str = "", given_name: str = "", middle_name: str = "",
            name_prefix: str = "", name_suffix: str = "", ideographic: str = "",
            phonetic: str = "") -> PersonName:
        """Build a name from its alphabetic components and optional other groups.

        Trailing empty components and groups are left out, as PS3.5 6.2.1 asks.

        Raises
        ------
        ValueError
            When a component contains a delimiter (``^``, ``=`` or ``\\``).
        """
        parts = (family_name, given_name, middle_name, name_prefix, name_suffix)
        for part in parts:
            if "^" in part or "=" in part or "\\" in part:
                raise ValueError(f"PN component {part!r} contains a delimiter")
        for group in (ideographic, phonetic):
            if "=" in group or "\\" in group:
                raise ValueError(f"PN component group {group!r} contains a delimiter")
        groups = ["^".join(parts).rstrip("^"), ideographic, phonetic]
        return cls("=".join(groups).rstrip("="))

    @property
    def components(self) -> tuple[str, ...]:
        """The component groups present: (alphabetic[, ideographic[, phonetic]])."""
        return tuple(self.split("="))

    def _group(self, index: int) -> str:
        groups = self.split("=")
        return groups[index] if index < len(groups) else ""

    def _component(self, index: int) -> str:
        parts = self.split("=", 1)[0].split("^")
        return parts[index] if index < len(parts) else ""

    @property
    def alphabetic(self) -> str:
        """The first (single-byte, alphabetic) component group."""
        return self._group(0)

    @property
    def ideographic(self) -> str:
        """The second (ideographic) component group, ``""`` when absent."""
        return self._group(1)

    @property
    def phonetic(self) -> str:
        """The third (phonetic) component group, ``""`` when absent."""
        return self._group(2)

    @property
    def family_name(self) -> str:
        """The family name complex of the alphabetic group."""
        return self._component(0)

    @property
    def given_name(self) -> str:
        """The given name complex of the alphabetic group."""
        return self._component(1)

    @property
    def middle_name(self) -> str:
        """The middle name of the alphabetic group."""
        return self._component(2)

    @property
    def name_prefix(self) -> str:
        """The name prefix of the alphabetic group."""
        return self._component(3)

    @property
    def name_suffix(self) -> str:
        """The name suffix of the alphabetic group."""
        return self._component(4)

    def __repr__(self) -> str:
        return f"PersonName({str.__repr__(self)})"


class UID(str):
    """A Unique Identifier (PS3.5 9, UI) with what the registry of PS3.6 Annex A says of it.

    Examples
    --------
    >>> UID("1.2.840.10008.1.2.1").name
    'Explicit VR Little Endian'
    """

    __slots__ = ()

    @property
    def name(self) -> str:
        """The registered name, or the UID itself when it is not in PS3.6 Annex A."""
        entry = UIDS.get(self)
        return entry[0] if entry else str(self)

    @property
    def keyword(self) -> str:
        """The registered keyword, ``""`` when not registered."""
        entry = UIDS.get(self)
        return entry[1] if entry else ""

    @property
    def type(self) -> str:
        """The registered type ("SOP Class", "Transfer Syntax", ...), ``""`` when not registered."""
        entry = UIDS.get(self)
        return entry[2] if entry else ""

    @property
    def is_retired(self) -> bool:
        """True when PS3.6 lists the UID as retired."""
        entry = UIDS.get(self)
        return bool(entry and entry[4])

    @property
    def is_transfer_syntax(self) -> bool:
        """True for transfer syntax UIDs (PS3.5 Annex A, PS3.6 Table A-1)."""
        return self in TRANSFER_SYNTAXES or self.type == "Transfer Syntax"

    @property
    def is_valid(self) -> bool:
        """True when the UID follows PS3.5 9.1: at most 64 characters, dot-separated numbers
        without leading zeros."""
        return is_valid_uid(self)

    def _syntax(self) -> Any:
        found = TRANSFER_SYNTAXES.get(self)
        if found is None:
            raise ValueError(f"{str(self)!r} is not a known transfer syntax UID")
        return found

    @property
    def is_little_endian(self) -> bool:
        """For a transfer syntax: True when it encodes little endian (PS3.5 Annex A)."""
        return bool(self._syntax().little_endian)

    @property
    def is_implicit_VR(self) -> bool:
        """For a transfer syntax: True when it encodes with implicit VR (PS3.5 Annex A)."""
        return bool(self._syntax().implicit_vr)

    @property
    def is_encapsulated(self) -> bool:
        """For a transfer syntax: True when pixel data is encapsulated (PS3.5 A.4)."""
        return bool(self._syntax().encapsulated)

    @property
    def is_deflated(self) -> bool:
        """For a transfer syntax: True when the data set is deflated (PS3.5 A.5)."""
        return bool(self._syntax().deflated)

    def __repr__(self) -> str:
        return f"UID({str.__repr__(self)})"


# ------------------------------------------------------------------------------------------------
# Parsers for the typed string values: fast paths by length and str methods, no regexes.
# Each returns the typed value, or the text itself when it does not parse.
# ------------------------------------------------------------------------------------------------


def _parse_da(s: str) -> DA | str:
    n = len(s)
    try:
        if n == 8 and s.isdigit():
            obj = date.__new__(DA, int(s[:4]), int(s[4:6]), int(s[6:]))
        elif n == 10 and s[4] == "." and s[7] == "." and (s[:4] + s[5:7] + s[8:]).isdigit():
            obj = date.__new__(DA, int(s[:4]), int(s[5:7]), int(s[8:]))
        else:
            return s
    except ValueError:  # month 13, year 0000, or a non-ASCII digit
        return s
    obj._text = s
    return obj


def _parse_tm(s: str) -> TM | str:
    body = s.replace(":", "") if ":" in s else s
    n = len(body)
    fraction = 0
    if n > 6:
        if body[6] != "." or not 8 <= n <= 13 or not body[7:].isdigit():
            return s
        fraction = int(body[7:].ljust(6, "0"))
        body = body[:6]
        n = 6
    if n not in (2, 4, 6) or not body.isdigit():
        return s
    second = int(body[4:6]) if n == 6 else 0
    if second == 60:  # a leap second (PS3.5 6.2, TM) has no datetime.time: keep the text
        second = 59
    try:
        obj = time.__new__(TM, int(body[:2]), int(body[2:4]) if n >= 4 else 0, second, fraction)
    except ValueError:
        return s
    obj._text = s
    return obj


def _parse_dt(s: str) -> DT | str:
    body = s
    zone: tzinfo | None = None
    n = len(s)
    if n > 5 and (s[-5] == "+" or s[-5] == "-"):
        offset = s[-4:]
        if not offset.isdigit():
            return s
        minutes = int(offset[:2]) * 60 + int(offset[2:])
        if int(offset[2:]) >= 60 or minutes >= 24 * 60:
            return s
        zone = timezone(timedelta(minutes=-minutes if s[-5] == "-" else minutes))
        body = s[:-5]
        n -= 5
    fraction = 0
    if n > 14:
        if body[14] != "." or not 16 <= n <= 21 or not body[15:].isdigit():
            return s
        fraction = int(body[15:].ljust(6, "0"))
        body = body[:14]
        n = 14
    if n not in (4, 6, 8, 10, 12, 14) or not body.isdigit():
        return s
    second = int(body[12:14]) if n == 14 else 0
    if second == 60:
        second = 59
    try:
        obj = datetime.__new__(
            DT, int(body[:4]), int(body[4:6]) if n >= 6 else 1, int(body[6:8]) if n >= 8 else 1,
            int(body[8:10]) if n >= 10 else 0, int(body[10:12]) if n >= 12 else 0, second,
            fraction, zone)
    except ValueError:
        return s
    obj._text = s
    return obj


def _is_age(s: str) -> bool:
    return len(s) >= 2 and s[-1] in "DWMY" and s[:-1].isdigit() and s.isascii()


def _parse_as(s: str) -> AgeString | str:
    return str.__new__(AgeString, s) if _is_age(s) else s


def _parse_ds(s: str) -> DSfloat | str:
    try:
        number = float.__new__(DSfloat, s)
    except ValueError:
        return s
    if "_" in s or not math.isfinite(number):  # float() accepts "1_0", "inf", "nan"
        return s
    number._text = s
    return number


def _parse_is(s: str) -> IS | str:
    try:
        number = int.__new__(IS, s)
    except ValueError:
        try:
            return IS(s)  # the lenient "1.0" form
        except ValueError:
            return s
    if "_" in s:
        return s
    if s[0] == "+" or s[0] == "0" or (s[0] == "-" and s[1:2] == "0"):
        number._text = s  # "+12", "007": keep the text, int() would drop it
    return number


def _format_tm(value: time) -> str:
    text = f"{value.hour:02d}{value.minute:02d}{value.second:02d}"
    return f"{text}.{value.microsecond:06d}" if value.microsecond else text


def _format_dt(value: date) -> str:
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}"
    if not isinstance(value, datetime):
        return text
    text += f"{value.hour:02d}{value.minute:02d}{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        text += f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    return text


def format_ds(value: float | Decimal) -> str:
    """The Decimal String (PS3.5 6.2, DS: at most 16 characters) of a number.

    Floats are written with the shortest text that reads back as the same float (``repr``),
    with a compact exponent when that helps; a float that needs more than 16 characters is
    rounded to the closest value that fits, as pydicom's ``format_number_as_ds`` does (DS
    cannot hold it exactly).  Ints and Decimals are exact: they are written as they are, never
    rounded.

    Raises
    ------
    ValueError
        For infinities and NaN, and for ints and Decimals longer than 16 characters.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"a DS value must be a number, got {type(value).__name__}")
    if isinstance(value, int):
        text = str(value)
        if len(text) > 16:
            raise ValueError(f"{value} has more than 16 characters")
        return text
    if not value.is_finite() if isinstance(value, Decimal) else not math.isfinite(value):
        raise ValueError(f"{value} is not finite: DS holds finite numbers only")
    if isinstance(value, Decimal):
        text = str(value)
        if len(text) > 16:
            raise ValueError(f"{value} has more than 16 characters; round it first")
        return text
    text = repr(float(value))
    if len(text) <= 16:
        return text
    if "e" in text:
        mantissa, exponent = text.split("e")
        compact = f"{mantissa}e{int(exponent)}"
        if len(compact) <= 16:
            return compact
    # As pydicom: scientific notation for very small and very large magnitudes.
    magnitude = math.log10(abs(value))
    sign = 1 if value < 0 else 0
    if magnitude < -4 or magnitude >= 14 - sign:
        digits = 10 - sign
        text = f"{value:.{digits}e}"
        if len(text) > 16:
            text = f"{value:.{digits - 1}e}"
        if math.isinf(float(text)):
            # rounding up passed the largest double: truncate the mantissa instead
            mantissa, exponent = text.split("e")
            step = Decimal(1).scaleb(Decimal(mantissa).as_tuple().exponent)  # type: ignore[arg-type]
            smaller = Decimal(mantissa) - step if value > 0 else Decimal(mantissa) + step
            text = f"{smaller}e{exponent}"
        return text
    digits = 14 - sign - (math.floor(magnitude) if magnitude >= 1.0 else 0)
    return f"{value:.{digits}f}"


# ------------------------------------------------------------------------------------------------
# The VR facts the codecs need, derived once from the generated VR table (PS3.5 Table 6.2-1).
# ------------------------------------------------------------------------------------------------

#: VRs whose repertoire can be extended by Specific Character Set (0008,0005) (PS3.5 6.1.2.3).
CHARSET_VRS: Final[frozenset[str]] = frozenset(
    code for code, vr in VRS.items() if "(0008,0005)" in vr.repertoire)

#: Character string VRs that are never multi-valued; a backslash is part of the text.
SINGLE_VALUED_VRS: Final[frozenset[str]] = frozenset(
    code for code, vr in VRS.items() if vr.kind == "text")

#: String VRs whose leading spaces are insignificant too (PS3.5 6.2), not only trailing ones.
_STRIP_BOTH: Final = frozenset({"AE", "AS", "CS", "DA", "DS", "DT", "IS", "TM", "UI"})
#: The same, for the value checks of :mod:`dicomkit.core.rules` and the validator.
BOTH_STRIPPED_VRS: Final = _STRIP_BOTH

#: Which Python codec implements each binary number VR: struct format letters by kind and size.
_STRUCT_LETTERS: Final = {("float", 4): "f", ("float", 8): "d", ("signed", 2): "h",
                          ("signed", 4): "i", ("signed", 8): "q", ("unsigned", 2): "H",
                          ("unsigned", 4): "I", ("unsigned", 8): "Q"}


def _number_kind(name: str) -> str:
    if name.startswith("Floating Point"):
        return "float"
    if name.startswith("Unsigned"):
        return "unsigned"
    if name.startswith("Signed"):
        return "signed"
    raise RuntimeError(f"VR table: no number kind in {name!r}")  # pragma: no cover


#: Binary number VRs (fixed-size, not AT): VR -> (struct letter, size).
NUMBER_VRS: Final[dict[str, tuple[str, int]]] = {
    code: (_STRUCT_LETTERS[_number_kind(vr.name), vr.max_length], vr.max_length)
    for code, vr in VRS.items()
    if vr.kind == "binary" and vr.fixed and vr.max_length is not None and code != "AT"
}


def _unit_size(code: str) -> int:
    """Bytes per unit that byte order applies to.

    Numbers: their fixed size.  AT: 2 (an ordered pair of 16-bit unsigned integers, PS3.5 6.2).
    The other binary VRs without a padding byte are whole units and their maximum length is
    ``2^32-unit`` bytes (OW 2, OF/OL 4, OD/OV 8); OB, UN and the character strings are bytes.
    """
    vr = VRS[code]
    if code == "AT":
        return 2
    if code in NUMBER_VRS:
        return NUMBER_VRS[code][1]
    if vr.kind == "binary" and not vr.fixed and vr.padding == "" \
            and vr.length_text.startswith("2^32-"):
        return int(vr.length_text[5:].split(" ", 1)[0])
    return 1


#: Bytes per byte-order unit of every VR.
UNIT_SIZES: Final[dict[str, int]] = {code: _unit_size(code) for code in VRS}

_ARRAY_CODES: Final[dict[tuple[str, int], str]] = {}
for _code in "bBhHiIlLqQfd":
    _kind = "float" if _code in "fd" else ("signed" if _code.islower() else "unsigned")
    _ARRAY_CODES.setdefault((_kind, array(_code).itemsize), _code)
_NATIVE_LITTLE: Final = sys.byteorder == "little"


def swap_bytes(vr: str, raw: bytes | memoryview) -> bytes:
    """Reverse the byte order of each unit of a value of VR ``vr`` (see :data:`UNIT_SIZES`).

    Used to change a value between little and big endian transfer syntaxes (PS3.5 7.3).
    Character strings, OB and UN come back unchanged.

    Raises
    ------
    ValueEncodingError
        When the length is not a whole number of units.
    """
    unit = UNIT_SIZES.get(vr)
    if unit is None:
        raise ValueEncodingError(vr, raw, "unknown VR")
    if unit == 1:
        return bytes(raw)
    if len(raw) % unit:
        raise ValueEncodingError(vr, bytes(raw[:16]),
                                 f"length {len(raw)} is not a multiple of {unit}")
    values = array(_ARRAY_CODES["unsigned", unit])
    values.frombytes(raw)
    values.byteswap()
    return values.tobytes()


# ------------------------------------------------------------------------------------------------
# Decoding
# ------------------------------------------------------------------------------------------------

_Decoder = Callable[[bytes | memoryview, bool, "CharsetLike | None"], Any]


def _string_decoder(vr: str, convert: Callable[[str], Any] | None,
                    empty: Any) -> _Decoder:
    uses_charset = vr in CHARSET_VRS
    both = vr in _STRIP_BOTH
    single = vr in SINGLE_VALUED_VRS
    strip_chars = " \x00"

    def decode(raw: bytes | memoryview, little_endian: bool,
               charset: CharsetLike | None) -> Any:
        if uses_charset and charset is not None:
            text = charset.decode(raw if isinstance(raw, bytes) else bytes(raw), vr)
        else:
            text = str(raw, "latin-1")  # ISO-IR 6 is ASCII; read other bytes rather than fail
        if single:
            return text.rstrip(strip_chars)
        if "\\" not in text:
            text = text.strip(strip_chars) if both else text.rstrip(strip_chars)
            if not text:
                return empty
            return convert(text) if convert is not None else text
        parts = text.split("\\")
        out: MultiValue[Any] = MultiValue()
        append = out.append
        for part in parts:
            part = part.strip(strip_chars) if both else part.rstrip(strip_chars)
            if not part:
                append(empty)
            else:
                append(convert(part) if convert is not None else part)
        return out

    decode.__name__ = f"decode_{vr}"
    return decode


def _number_decoder(vr: str) -> _Decoder:
    letter, size = NUMBER_VRS[vr]
    little = struct.Struct("<" + letter)
    big = struct.Struct(">" + letter)
    kind = _number_kind(VRS[vr].name)
    code = _ARRAY_CODES[kind, size]

    def decode(raw: bytes | memoryview, little_endian: bool,
               charset: CharsetLike | None) -> Any:
        n = len(raw)
        if n == size:
            return (little if little_endian else big).unpack_from(raw)[0]
        if n == 0:
            return None
        if n % size:
            return bytes(raw)  # not a whole number of values: keep what was read
        values = array(code)
        values.frombytes(raw)
        if little_endian != _NATIVE_LITTLE:
            values.byteswap()
        return MultiValue(values.tolist())

    decode.__name__ = f"decode_{vr}"
    return decode


def _decode_at(raw: bytes | memoryview, little_endian: bool, charset: CharsetLike | None) -> Any:
    n = len(raw)
    if n == 0:
        return None
    if n % 4:
        return bytes(raw)
    fmt = f"{'<' if little_endian else '>'}{n // 2}H"
    words = struct.unpack(fmt, raw)
    tags = [Tag((words[i] << 16) | words[i + 1]) for i in range(0, len(words), 2)]
    return tags[0] if len(tags) == 1 else MultiValue(tags)


def _decode_bytes(raw: bytes | memoryview, little_endian: bool,
                  charset: CharsetLike | None) -> Any:
    return raw if isinstance(raw, bytes) else bytes(raw)


def _decode_sq(raw: bytes | memoryview, little_endian: bool, charset: CharsetLike | None) -> Any:
    raise ValueDecodingError("SQ", "sequences are decoded by the data set layer "
                             "(dicomkit.core.dataset), not as values")


def _build_decoders() -> dict[str, _Decoder]:
    converters: dict[str, Callable[[str], Any] | None] = {
        "AS": _parse_as, "DA": _parse_da, "DS": _parse_ds, "DT": _parse_dt, "IS": _parse_is,
        "PN": PersonName, "TM": _parse_tm, "UI": UID,
    }
    table: dict[str, _Decoder] = {}
    for code, vr in VRS.items():
        if code in CHARACTER_VRS:
            empty = None if code in ("DS", "IS") else ""
            table[code] = _string_decoder(code, converters.get(code), empty)
        elif code in NUMBER_VRS:
            table[code] = _number_decoder(code)
        elif code == "AT":
            table[code] = _decode_at
        elif vr.kind == "sequence":
            table[code] = _decode_sq
        else:
            table[code] = _decode_bytes
    return table

_DECODERS: Final = _build_decoders()


def decode_value(vr: str, raw: bytes | memoryview, little_endian: bool,
                 charset: CharsetLike | None) -> Any:
    """The Python value of the encoded value ``raw`` of VR ``vr`` (PS3.5 6.2).

    Parameters
    ----------
    vr : str
        The two-letter VR (PS3.5 Table 6.2-1), already resolved (not ``"OB or OW"``).
    raw : bytes or memoryview
        The value bytes, padding included.
    little_endian : bool
        The byte order of the transfer syntax (binary VRs only).
    charset : CharsetLike or None
        The data set's Specific Character Set (PS3.5 6.1), used for SH LO ST LT UC UT PN;
        ``None`` for the default repertoire.

    Returns
    -------
    Any
        One value, a :class:`MultiValue` when VM > 1, or the empty value (see the module doc).
        Values that do not parse are returned as their text (or bytes); this never raises for a
        bad value.

    Raises
    ------
    ValueDecodingError
        For SQ (the data set layer reads sequences) and VRs not in PS3.5.
    """
    try:
        decoder = _DECODERS[vr]
    except KeyError:
        raise ValueDecodingError(vr, "not a value representation of PS3.5 Table 6.2-1") from None
    return decoder(raw, little_endian, charset)


# ------------------------------------------------------------------------------------------------
# Encoding
# ------------------------------------------------------------------------------------------------

_Formatter = Callable[[str, Any], str]


def _fmt_text(vr: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    raise ValueEncodingError(vr, value, f"expected str, got {type(value).__name__}")


def _fmt_ds(vr: str, value: Any) -> str:
    if isinstance(value, DSfloat):
        return value._text
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueEncodingError(vr, value, f"expected a number, got {type(value).__name__}")
    try:
        return format_ds(value)
    except ValueError as exc:
        raise ValueEncodingError(vr, value, str(exc)) from None


def _fmt_is(vr: str, value: Any) -> str:
    if isinstance(value, IS):
        return value.original_string
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueEncodingError(vr, value, f"expected an integer, got {type(value).__name__}")
    try:
        text = str(IS(value))
    except (ValueError, InvalidOperation, OverflowError):
        raise ValueEncodingError(vr, value, "not a whole number") from None
    if len(text) > VRS["IS"].max_length:  # type: ignore[operator]
        raise ValueEncodingError(vr, value, f"more than {VRS['IS'].max_length} characters")
    return text


def _fmt_da(vr: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        raise ValueEncodingError(vr, value, "a datetime is not a date; pass .date() or use DT")
    if isinstance(value, date):
        return DA(value).original_string if not isinstance(value, DA) else value.original_string
    raise ValueEncodingError(vr, value, f"expected a date or str, got {type(value).__name__}")


def _fmt_tm(vr: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise ValueEncodingError(vr, value, "TM has no UTC offset; use DT")
        return value.original_string if isinstance(value, TM) else _format_tm(value)
    raise ValueEncodingError(vr, value, f"expected a time or str, got {type(value).__name__}")


def _fmt_dt(vr: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, DT):
        return value.original_string
    if isinstance(value, date):
        return _format_dt(value)
    raise ValueEncodingError(vr, value, f"expected a datetime or str, got {type(value).__name__}")


_FORMATTERS: Final[dict[str, _Formatter]] = {
    "DA": _fmt_da, "DS": _fmt_ds, "DT": _fmt_dt, "IS": _fmt_is, "TM": _fmt_tm,
}


def format_value(vr: str, value: Any) -> str:
    """The text one value of the character string VR ``vr`` is written as (PS3.5 6.2), before
    padding: a typed value's own text, a ``date``/``time``/number formatted as DA TM DT DS IS.

    Raises
    ------
    ValueEncodingError
        When ``value`` is of a type the VR does not hold (an int for LO, a datetime for DA).
    """
    return _FORMATTERS.get(vr, _fmt_text)(vr, value)


def _string_encoder(vr: str) -> Callable[[Any, bool, CharsetLike | None], bytes]:
    uses_charset = vr in CHARSET_VRS
    single = vr in SINGLE_VALUED_VRS
    fmt = _FORMATTERS.get(vr, _fmt_text)
    pad = VRS[vr].padding.encode("ascii")

    def one(value: Any) -> str:
        if value is None:
            return ""
        text = fmt(vr, value)
        if not single and "\\" in text:
            raise ValueEncodingError(
                vr, value, "a backslash separates values (PS3.5 6.4); pass several values "
                "as a list")
        return text

    def encode(value: Any, little_endian: bool, charset: CharsetLike | None) -> bytes:
        if isinstance(value, str | None):
            text = one(value)
        elif isinstance(value, list | tuple):
            if single and len(value) > 1:
                raise ValueEncodingError(vr, value, f"{vr} holds one value (PS3.5 6.2)")
            text = "\\".join([one(v) for v in value])
        else:
            text = one(value)
        if uses_charset and charset is not None:
            data = charset.encode(text, vr)
        else:
            try:
                data = text.encode("ascii")
            except UnicodeEncodeError as exc:
                raise ValueEncodingError(
                    vr, value, f"{text[exc.start:exc.end]!r} is not in the default repertoire "
                    "(ISO-IR 6); set Specific Character Set (0008,0005)") from None
        if len(data) & 1:
            data += pad
        return data

    encode.__name__ = f"encode_{vr}"
    return encode


def _as_items(value: Any) -> list[Any] | None:
    """The items of a multi-valued number value, or None for one value."""
    if isinstance(value, list | tuple):
        return list(value)
    tolist = getattr(value, "tolist", None)  # numpy arrays and scalars, array.array
    if tolist is not None and getattr(value, "ndim", 1) != 0:
        items = tolist()
        return items if isinstance(items, list) else [items]
    return None


def _number_encoder(vr: str) -> Callable[[Any, bool, CharsetLike | None], bytes]:
    letter = NUMBER_VRS[vr][0]
    little = struct.Struct("<" + letter)
    big = struct.Struct(">" + letter)

    def encode(value: Any, little_endian: bool, charset: CharsetLike | None) -> bytes:
        if value is None:
            return b""
        if isinstance(value, bytes | bytearray | memoryview):
            return bytes(value)  # already encoded (a malformed value as read): as it is
        try:
            items = _as_items(value)
            if items is None:
                if isinstance(value, str):
                    raise TypeError("a str is not a number")
                return (little if little_endian else big).pack(value)
            for item in items:
                if isinstance(item, str):
                    raise TypeError("a str is not a number")
            prefix = "<" if little_endian else ">"
            return struct.pack(f"{prefix}{len(items)}{letter}", *items)
        except (struct.error, TypeError, OverflowError) as exc:
            raise ValueEncodingError(vr, value, str(exc)) from None

    encode.__name__ = f"encode_{vr}"
    return encode


def _encode_at(value: Any, little_endian: bool, charset: CharsetLike | None) -> bytes:
    if value is None:
        return b""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, tuple) and len(value) == 2 and all(
            isinstance(v, int) and 0 <= v <= 0xFFFF for v in value):
        items: list[Any] = [value]  # (group, element)
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        items = [value]
    words: list[int] = []
    for item in items:
        try:
            tag = as_tag_int(item)
        except TagError as exc:
            raise ValueEncodingError("AT", item, str(exc)) from None
        words.append(tag >> 16)
        words.append(tag & 0xFFFF)
    return struct.pack(f"{'<' if little_endian else '>'}{len(words)}H", *words)


def _bytes_encoder(vr: str) -> Callable[[Any, bool, CharsetLike | None], bytes]:
    pad = VRS[vr].padding.encode("ascii")
    unit = UNIT_SIZES[vr]

    def encode(value: Any, little_endian: bool, charset: CharsetLike | None) -> bytes:
        if value is None:
            return b""
        if isinstance(value, bytes):
            data = value
        elif isinstance(value, bytearray | memoryview) or hasattr(value, "__buffer__") \
                or hasattr(value, "__array_interface__") or isinstance(value, array):
            try:
                view = memoryview(value)
            except TypeError as exc:
                raise ValueEncodingError(vr, value, str(exc)) from None
            data = view.tobytes()
            fmt = view.format
            if view.itemsize > 1:  # typed buffer (array.array, numpy): its own byte order
                buffer_little = (_NATIVE_LITTLE if fmt[0] not in "<>!" else fmt[0] == "<")
                if buffer_little != little_endian:
                    swapped = array(_ARRAY_CODES["unsigned", view.itemsize])
                    swapped.frombytes(data)
                    swapped.byteswap()
                    data = swapped.tobytes()
        else:
            raise ValueEncodingError(vr, value, f"expected bytes, got {type(value).__name__}")
        if len(data) & 1:
            if not pad:
                raise ValueEncodingError(vr, data[:16], f"odd length {len(data)}; {vr} values "
                                         "are always of even length")
            data += pad
        if unit > 1 and len(data) % unit:
            raise ValueEncodingError(vr, data[:16], f"length {len(data)} is not a multiple "
                                     f"of {unit} ({VRS[vr].name})")
        return data

    encode.__name__ = f"encode_{vr}"
    return encode


def _encode_sq(value: Any, little_endian: bool, charset: CharsetLike | None) -> bytes:
    raise ValueEncodingError("SQ", value, "sequences are encoded by the data set layer")


def _build_encoders() -> dict[str, Callable[[Any, bool, CharsetLike | None], bytes]]:
    table: dict[str, Callable[[Any, bool, CharsetLike | None], bytes]] = {}
    for code, vr in VRS.items():
        if code in CHARACTER_VRS:
            table[code] = _string_encoder(code)
        elif code in NUMBER_VRS:
            table[code] = _number_encoder(code)
        elif code == "AT":
            table[code] = _encode_at
        elif vr.kind == "sequence":
            table[code] = _encode_sq
        else:
            table[code] = _bytes_encoder(code)
    return table


_ENCODERS: Final = _build_encoders()


def encode_value(vr: str, value: Any, little_endian: bool, charset: CharsetLike | None) -> bytes:
    """The encoded bytes of ``value`` as VR ``vr``, padded to even length (PS3.5 6.2, 7.1).

    Accepts the typed values of this module (written back as the text they were read from),
    ``str``, ``int``, ``float``, ``Decimal``, ``date``, ``time`` and ``datetime`` where the VR
    holds those, ``bytes`` for the byte VRs (and, as already-encoded values, for binary
    numbers), a list or tuple for several values, and ``None`` or ``""`` for an empty value.
    Character strings are written as given (no validation against PS3.5 6.2; that is the
    validator's job), padded with the VR's padding byte.

    Raises
    ------
    ValueEncodingError
        When the value cannot be written without changing it: a non-number for a number VR, a
        number out of the VR's range, a backslash inside one value of a multi-valued VR, a
        character outside the character set, a DS or IS number whose text exceeds the VR's
        length, several values for LT ST UT UR, an odd-length value of OW and kin, SQ.
    """
    try:
        encoder = _ENCODERS[vr]
    except KeyError:
        raise ValueEncodingError(vr, value, "not a value representation of PS3.5 "
                                 "Table 6.2-1") from None
    return encoder(value, little_endian, charset)


def encode_un_or_value(elem: Any, little_endian: bool, charset: CharsetLike | None) -> bytes:
    """The bytes of ``elem.value`` for a writer, as :func:`encode_value` gives them.

    A UN element holding a typed value (a UN of a known tag, read and then changed; see
    :func:`dicomkit.core.element.known_vr_of_un`) is encoded with its dictionary VR as
    implicit VR little endian (PS3.5 6.2.2) and written as UN.
    """
    value = elem.value
    if elem.vr == "UN" and not isinstance(value, bytes | bytearray | memoryview) \
            and value is not None:
        from dicomkit.core.element import known_vr_of_un

        known = known_vr_of_un(elem.tag)
        if known is not None:
            return encode_value(known, value, True, charset)
    return encode_value(elem.vr, value, little_endian, charset)


def value_multiplicity(value: Any) -> int:
    """The number of values in ``value`` (PS3.5 6.4): 0 for empty, the length of a list.

    ``bytes`` values (OB, OW, ...) count as one value, as do strings (already split on
    backslashes when decoded).
    """
    if value is None:
        return 0
    if isinstance(value, str | bytes | bytearray):
        return 1 if value else 0
    if isinstance(value, list | tuple):
        return len(value)
    if getattr(value, "ndim", 0):  # numpy arrays
        return len(value)
    return 1


def split_multi_valued(vr: str, value: Any) -> Any:
    """A string assigned to a multi-valued string VR, split at backslashes into values.

    ``ds.ImageType = "ORIGINAL\\PRIMARY"`` means two values (PS3.5 6.4), as it does in
    pydicom; text VRs (LT, ST, UT, UR) and non-strings are returned unchanged.

    Plain strings assigned to PN, AS, UI, DS, IS, DA, TM and DT (alone, split, or in a list)
    become the typed values a read of the same text gives (:class:`PersonName` with its groups
    and components, :class:`AgeString`, :class:`UID`, :class:`DSfloat` with its Decimal,
    :class:`IS`, :class:`DA`, :class:`TM`, :class:`DT` with its UTC offset), so
    ``ds.PatientName = "Doe^Jane"`` is followed by ``.family_name`` as after a read.  Each keeps
    the text it was made from (written back unchanged); text that does not parse stays a string,
    as in a read (PS3.5 6.2).
    """
    typed = _TYPED_TEXT.get(vr)
    if isinstance(value, str):
        if "\\" in value and vr in _STRING_VRS_SPLIT:
            parts = value.split("\\")
            return MultiValue(parts if typed is None else [_typed_text(typed, v) for v in parts])
        return value if typed is None else _typed_text(typed, value)
    if typed is not None and type(value) in (list, MultiValue) \
            and any(type(v) is str for v in value):
        return MultiValue(_typed_text(typed, v) if type(v) is str else v for v in value)
    return value


def _typed_text(convert: Callable[[str], Any], text: str) -> Any:
    return convert(text) if type(text) is str else text


#: the string VRs with a typed value, made from plain strings on assignment by
#: :func:`split_multi_valued` with the parsers the decoders use
_TYPED_TEXT: Final[dict[str, Callable[[str], Any]]] = {
    "PN": PersonName, "AS": _parse_as, "UI": UID,
    "DS": _parse_ds, "IS": _parse_is, "DA": _parse_da, "TM": _parse_tm, "DT": _parse_dt,
}


_STRING_VRS_SPLIT: Final[frozenset[str]] = frozenset(
    code for code, info in VRS.items()
    if info.kind == "string" and code not in SINGLE_VALUED_VRS
)
