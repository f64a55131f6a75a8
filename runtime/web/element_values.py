"""Data element values as the DICOMweb models carry them, and back (PS3.18 F.2, PS3.19 A.1).

Both the DICOM JSON Model and the Native DICOM Model send a value field one of three ways: as
a list of values (strings, numbers, person names, tags), as the base64 of its bytes
(InlineBinary), or as a reference (bulk data).  This module holds what both need: which VRs take
which form (from the JSON data types of PS3.18 Table F.2.3-1), the little endian bytes of a
binary value (PS3.18 F.2.7: "All rules (e.g., byte ordering and swapping) in DICOM PS3.5
apply"), the person name component groups (PS3.5 6.2.1), and the data elements made from the
values read.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Any

from dicomkit.core.charset import Charset
from dicomkit.core.dataset import dictionary_vr
from dicomkit.core.element import DataElement, EncodingContext, known_vr_of_un
from dicomkit.core.tag import Tag
from dicomkit.core.values import (
    CHARSET_VRS,
    DSfloat,
    MultiValue,
    decode_value,
    encode_un_or_value,
    format_ds,
    swap_bytes,
)
from dicomkit.generated import tags
from dicomkit.generated.web import JSON_TYPES

__all__ = ["BINARY_VRS", "DECIMAL_VRS", "NUMBER_VRS", "PN_GROUPS", "binary_form",
           "element_from_bytes", "element_from_values", "is_encapsulated", "known_form_of_un",
           "number_of",
           "person_name_groups", "person_name_text", "value_bytes", "values_of"]

#: VRs whose value field goes as InlineBinary or bulk data only (F.2.3: "Base64 encoded").
BINARY_VRS: frozenset[str] = frozenset(vr for vr, k in JSON_TYPES.items() if k == "base64")
#: VRs whose values are JSON numbers ("Number", and "Number or String" of IS, DS, SV, UV).
NUMBER_VRS: frozenset[str] = frozenset(
    vr for vr, k in JSON_TYPES.items() if k in ("number", "number_or_string"))
#: VRs whose values may also be strings, to keep their text or precision (F.2.3).
DECIMAL_VRS: frozenset[str] = frozenset(
    vr for vr, k in JSON_TYPES.items() if k == "number_or_string")
#: The component groups of a person name, in order (PS3.5 6.2.1, PS3.18 F.2.2).
PN_GROUPS = ("Alphabetic", "Ideographic", "Phonetic")

_TEXT_NUMBER_VRS = frozenset(("DS", "IS"))  # the number VRs encoded as text in DICOM
_ITEM_LE = (tags.Item >> 16).to_bytes(2, "little") + (tags.Item & 0xFFFF).to_bytes(2, "little")
_UTF8 = Charset.from_value(["ISO_IR 192"])
_SAFE_INTEGER = 2 ** 53  # the integers a JSON number (an IEEE double) holds exactly


def known_form_of_un(el: DataElement) -> tuple[str, Any] | None:
    """(VR, value) of a UN element whose VR is known, or None.

    PS3.5 6.2.2 lets an application that knows the VR of a UN element read its value in that
    VR: a public tag whose dictionary entry has one VR (:func:`known_vr_of_un`) and a Private
    Creator element (gggg,0010-00FF), whose VR PS3.5 7.8.1 gives (LO).  The models send such an
    element in its VR (as pydicom does), since its readers expect, say, a date as a string;
    a value that does not decode in that VR stays UN.
    """
    if el.vr != "UN" or el.undefined_length:
        return None
    tag = el.tag
    known = known_vr_of_un(tag)
    if known is not None:
        value = el.value
        return None if isinstance(value, bytes | bytearray | memoryview) else (known, value)
    if (tag >> 16) & 1 and (tag & 0xFFFF) <= 0x00FF:
        vr = dictionary_vr(tag)
        raw = el.raw
        if vr == "UN" or raw is None:
            return None
        ctx = el.context
        try:
            return vr, decode_value(vr, raw, True, ctx.charset if ctx else None)
        except (ValueError, UnicodeError):
            return None
    return None


def is_encapsulated(el: DataElement) -> bool:
    """True for an encapsulated value (Pixel Data of undefined length, PS3.5 A.4)."""
    return el.undefined_length and el.vr != "SQ"


def binary_form(el: DataElement) -> bool:
    """True when the element's value field is sent as bytes (InlineBinary or bulk data).

    That is: the byte VRs of Table F.2.3-1, encapsulated values, and values kept as the bytes
    they were read as because they do not decode in their VR (a cut number or AT value), for
    which bytes are the only lossless form.
    """
    if el.vr in BINARY_VRS or el.undefined_length:
        return True
    return el.is_raw and el.vr != "SQ" and isinstance(el.value, bytes | bytearray)


def value_bytes(el: DataElement) -> bytes:
    """The value field of ``el`` in little endian byte order (PS3.18 F.2.7, PS3.5 7.3).

    Encapsulated values are the bytes of their items (offset table and fragments), as pydicom
    sends them.  Values read big endian are swapped per their VR.
    """
    raw = el.raw
    if raw is None:
        ctx = el.context
        return encode_un_or_value(el, True, ctx.charset if ctx else None)
    ctx = el.context
    if not el.undefined_length and ctx is not None and not ctx.little_endian:
        return swap_bytes(el.vr, raw)
    return bytes(raw)


def values_of(value: Any) -> list[Any]:
    """The values of an element value: ``[]`` when empty, a list for several, ``[v]`` else."""
    if value is None or value == "" or value == b"":
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def number_of(vr: str, v: Any) -> int | float | str | None:
    """A number value as JSON carries it (PS3.18 F.2.3).

    Integers stay integers and other numbers floats; an IS or DS that does not parse (kept as
    its text when read) stays a string, as do infinite and NaN floats (JSON has no such
    numbers) and SV/UV integers beyond 2**53, which a JSON number cannot hold exactly.  ``None``
    for an empty value of a multi-valued element (F.2.5).
    """
    if v is None or v == "":
        return None
    if isinstance(v, str):
        text = v.strip()
        if not text:
            return None
        try:
            f = float(text)
        except ValueError:
            return text
        if not math.isfinite(f):
            return text
        return int(f) if vr == "IS" and f.is_integer() else f
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        if vr in DECIMAL_VRS and abs(v) >= _SAFE_INTEGER:
            return str(v)
        return int(v)
    f = float(v)
    if not math.isfinite(f):
        return str(f)
    if vr == "DS" and isinstance(v, DSfloat):
        # a decimal string with more digits than a double holds ("avoid losing precision of
        # a decimal string", F.2.3) goes as its text
        text = v.original_string
        try:
            if Decimal(text) != Decimal(repr(f)):
                return text
        except InvalidOperation:
            return text
    return f


def person_name_groups(text: str) -> dict[str, str]:
    """``"Yamada^Tarou=山田^太郎"`` -> ``{"Alphabetic": "Yamada^Tarou", "Ideographic": ...}``;
    empty groups are left out (PS3.18 F.2.2)."""
    out: dict[str, str] = {}
    for name, group in zip(PN_GROUPS, str(text).split("=")):
        if group:
            out[name] = group
    return out


def person_name_text(groups: dict[str, str]) -> str:
    """The inverse of :func:`person_name_groups`: groups joined by ``=``, trailing empty groups
    left out (PS3.5 6.2.1)."""
    parts = [groups.get(k) or "" for k in PN_GROUPS]
    while parts and not parts[-1]:
        parts.pop()
    return "=".join(parts)


def element_from_bytes(tag: int, vr: str, raw: bytes) -> DataElement:
    """The element of a value field sent as bytes (InlineBinary, bulk data): little endian,
    as if read from an explicit VR little endian stream.  Pixel Data whose bytes start with an
    Item tag is taken as encapsulated (PS3.5 A.4), as pydicom's ``to_json`` sends it."""
    encapsulated = tag == tags.PixelData and raw[:4] == _ITEM_LE
    if vr in CHARSET_VRS:
        # text sent as bytes (bulk data of an LT, UT, UC, ...): UTF-8 (PS3.18 F.2)
        return DataElement(tag, vr, decode_value(vr, raw, True, _UTF8))
    return DataElement(tag, vr, raw=raw, context=EncodingContext(True),
                       undefined_length=encapsulated)


def _decimal_text(vr: str, v: Any) -> Any:
    """The DS or IS text of a JSON number: a float as the shortest DS text of at most 16
    characters (:func:`~dicomkit.core.values.format_ds`; PS3.5 6.2), a whole float of an IS as
    an integer."""
    if isinstance(v, float) and math.isfinite(v):
        if vr == "IS" and v.is_integer():
            return str(int(v))
        if vr == "DS":
            return format_ds(v)
    return v


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def element_from_values(tag: int, vr: str, values: list[Any]) -> DataElement:
    """The element of a list of values read from JSON or XML.

    ``values`` holds, per VR: numbers (or their text) for the binary number VRs; numbers or
    strings for IS and DS; :class:`~dicomkit.core.tag.Tag` ints for AT; person name text for
    PN; strings for the others; ``None`` for an empty value.  Text values become program-set
    values, decoded as a read of the same text would decode them (typed DA, DS, PN ... values),
    and are encoded in the data set's Specific Character Set when written.

    Raises
    ------
    ValueError
        When a number value is not a number of the VR.
    """
    if not values:
        if vr in BINARY_VRS:
            return element_from_bytes(tag, vr, b"")
        return DataElement(tag, vr, None if vr in NUMBER_VRS or vr == "AT" else "")
    if vr in BINARY_VRS:
        raise ValueError(f"{vr} values are sent as bytes (InlineBinary, bulk data), not as "
                         "a list of values")
    if vr == "AT":
        ats = [Tag(int(v)) for v in values]
        return DataElement(tag, vr, ats[0] if len(ats) == 1 else MultiValue(ats))
    if vr in NUMBER_VRS and vr not in _TEXT_NUMBER_VRS:
        floats = vr in ("FL", "FD")
        nums: list[Any] = []
        for v in values:
            if isinstance(v, str):
                v = float(v) if floats else int(v)
            elif isinstance(v, float) and not floats:
                if not v.is_integer():
                    raise ValueError(f"{v!r} is not an integer")
                v = int(v)
            elif isinstance(v, bool) or not isinstance(v, int | float):
                raise ValueError(f"{v!r} is not a number")
            nums.append(float(v) if floats else v)
        return DataElement(tag, vr, nums[0] if len(nums) == 1 else MultiValue(nums))
    if vr in _TEXT_NUMBER_VRS:
        values = [_decimal_text(vr, v) for v in values]
    text = "\\".join(_text(v) for v in values)
    if not text:
        return DataElement(tag, vr, None if vr in NUMBER_VRS else "")
    if vr in CHARSET_VRS:
        return DataElement(tag, vr, decode_value(vr, text.encode("utf-8"), True, _UTF8))
    # the default repertoire VRs decode their bytes as Latin-1 (dicomkit.core.values)
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    return DataElement(tag, vr, decode_value(vr, raw, True, None))
