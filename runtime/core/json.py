"""The DICOM JSON Model (PS3.18 F.2): data sets to and from JSON-ready dicts.

Each element is ``"GGGGEEEE": {"vr": VR, "Value": [...]}`` (PS3.18 F.2.2); an empty value has
no ``"Value"`` (F.2.5).  Person names are objects with ``Alphabetic`` / ``Ideographic`` /
``Phonetic`` groups (F.2.2), DS, IS and the binary numbers are JSON numbers (F.2.3), AT values are
``"GGGGEEEE"`` strings, sequences hold item objects (F.2.2), and the byte VRs (OB OD OF OL OV OW UN)
are ``InlineBinary`` base64 of their little endian bytes (F.2.7; big endian values are swapped).
Encapsulated pixel data is the base64 of its items (offset table and fragments), as pydicom
writes it.  ``BulkDataURI`` cannot be resolved here and is refused.

The full model (bulk data references, SV/UV and long DS as strings, UN of known VRs, JSON
paths in errors, streaming arrays, the XML model beside it) is :mod:`dicomkit.web.json_model`;
use it wherever the web layer can be imported.  This module stays for the layers below
``web/`` that encode data sets as JSON today (the archive); the house plan would rather they
take the encoder as a parameter, after which this module can go.
"""

from __future__ import annotations

import base64
import math
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement, EncodingContext
from dicomkit.core.sequence import Sequence
from dicomkit.core.tag import Tag
from dicomkit.core.values import CHARSET_VRS, decode_value, swap_bytes
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.vrs import VRS

__all__ = ["from_json_dict", "to_json_dict"]

_PIXEL_DATA = tags.PixelData
_ITEM_LE = b"\xfe\xff\x00\xe0"


def _kind(vr: str) -> str:
    entry = VRS.get(vr)
    return entry.kind if entry is not None else "binary"


#: VRs whose JSON values are numbers (PS3.18 F.2.3): DS, IS and the binary numbers
_NUMBER_VRS = frozenset(
    code for code, v in VRS.items()
    if code in ("DS", "IS") or (v.kind == "binary" and v.fixed and code != "AT"))
#: VRs sent as InlineBinary (PS3.18 F.2.7): the "other" byte/word VRs and UN
_BINARY_VRS = frozenset(code for code, v in VRS.items()
                        if v.kind in ("binary", "unknown") and not v.fixed and code != "SQ")


def _number(v: Any) -> int | float | None:
    if v is None or v == "":
        return None
    if isinstance(v, int):
        return int(v)
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    if math.isfinite(f) and f == int(f) and not isinstance(v, float):
        return int(f)
    return f


def _values(value: Any) -> list[Any]:
    if value is None or value == "" or value == b"":
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _pn(text: str) -> dict[str, str]:
    groups = str(text).split("=")
    out: dict[str, str] = {}
    for name, group in zip(("Alphabetic", "Ideographic", "Phonetic"), groups):
        if group:
            out[name] = group
    return out


def _element_json(el: DataElement) -> dict[str, Any]:
    vr = el.vr
    out: dict[str, Any] = {"vr": vr}
    if vr == "SQ":
        items = el.value or []
        if items:
            out["Value"] = [to_json_dict(item) for item in items]
        return out
    if vr in _BINARY_VRS or el.undefined_length:
        raw = el.raw
        if raw is None:
            from dicomkit.core.values import encode_un_or_value

            ctx = el.context
            raw = encode_un_or_value(el, True, ctx.charset if ctx else None)
        elif not el.undefined_length and el.context is not None \
                and not el.context.little_endian:
            raw = swap_bytes(vr, raw)
        if raw:
            out["InlineBinary"] = base64.b64encode(raw).decode("ascii")
        return out
    value = el.value
    if isinstance(value, bytes | bytearray) and el.raw is not None:
        # a damaged number or AT value kept as its bytes when read (see dicomkit.core.values):
        # JSON has no form for it but InlineBinary, which keeps it unchanged (PS3.18 F.2.7)
        if el.raw:
            out["InlineBinary"] = base64.b64encode(el.raw).decode("ascii")
        return out
    values = _values(value)
    if not values:
        return out
    if vr == "PN":
        out["Value"] = [_pn(v) for v in values]
    elif vr == "AT":
        out["Value"] = [f"{int(v):08X}" for v in values]
    elif vr in _NUMBER_VRS:
        # a DS/IS value that does not parse (kept as its text when read) stays a string
        nums: list[Any] = []
        for v in values:
            n = _number(v) if not isinstance(v, str) or v.strip() else None
            if n is None and isinstance(v, str) and v.strip():
                nums.append(v)
            elif isinstance(n, float) and not math.isfinite(n):
                nums.append(str(n))
            else:
                nums.append(n)
        out["Value"] = nums
    else:
        out["Value"] = [None if v == "" else str(v) for v in values]
    return out


def to_json_dict(ds: Dataset) -> dict[str, Any]:
    """The DICOM JSON Model object of ``ds`` (PS3.18 F.2), ready for :func:`json.dumps`.

    Deferred values are read (JSON carries the bytes inline).  File meta information is not
    included, as in PS3.18 F.2 (the model is of the data set).
    """
    return {f"{el.tag:08X}": _element_json(el) for el in ds.elements()}


_UTF8: Any = None


def _utf8() -> Any:
    global _UTF8
    if _UTF8 is None:
        from dicomkit.core.charset import Charset

        _UTF8 = Charset.from_value(["ISO_IR 192"])
    return _UTF8


def _value_from_json(tag: int, vr: str, obj: dict[str, Any]) -> tuple[Any, bool]:
    """The Python value of one JSON element, and whether it is encapsulated (undefined length)."""
    if "BulkDataURI" in obj:
        raise DicomError(f"{Tag(tag)}: BulkDataURI values cannot be resolved (PS3.18 F.2.6)")
    if vr == "SQ":
        return Sequence(from_json_dict(item or {}) for item in obj.get("Value", [])), False
    if "InlineBinary" in obj:
        raw = base64.b64decode(obj["InlineBinary"])
        encapsulated = tag == _PIXEL_DATA and raw[:4] == _ITEM_LE
        return raw, encapsulated
    values = obj.get("Value", [])
    if vr in _BINARY_VRS:
        return b"", False
    if not values:
        return (None if vr in _NUMBER_VRS or vr == "AT" else ""), False
    if vr == "PN":
        texts = []
        for v in values:
            if isinstance(v, dict):
                groups = [v.get(k, "") for k in ("Alphabetic", "Ideographic", "Phonetic")]
                while groups and not groups[-1]:
                    groups.pop()
                texts.append("=".join(groups))
            else:
                texts.append(str(v or ""))
        text = "\\".join(texts)
    elif vr == "AT":
        out = [Tag(int(str(v), 16)) for v in values]
        return (out[0] if len(out) == 1 else out), False
    elif vr in _NUMBER_VRS and vr not in ("DS", "IS"):
        nums = [v for v in values]
        return (nums[0] if len(nums) == 1 else nums), False
    else:
        text = "\\".join("" if v is None else (repr(v) if isinstance(v, float) else str(v))
                         for v in values)
    if not text:
        return (None if vr in _NUMBER_VRS else ""), False
    if vr in CHARSET_VRS:
        return decode_value(vr, text.encode("utf-8"), True, _utf8()), False
    # default repertoire VRs decode bytes as Latin-1 (values.py), so encode them the same way
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    return decode_value(vr, raw, True, None), False


def from_json_dict(d: dict[str, Any]) -> Dataset:
    """A :class:`Dataset` from a DICOM JSON Model object (PS3.18 F.2).

    Values become program-set values (they are encoded with the data set's Specific Character
    Set when written).  Byte values are taken as little endian.

    Raises
    ------
    DicomError
        For a malformed key, a missing VR, or a ``BulkDataURI``.
    """
    ds = Dataset()
    for key, obj in d.items():
        try:
            tag = int(key, 16)
        except ValueError:
            raise DicomError(f"{key!r} is not a DICOM JSON tag key (8 hex digits, "
                             "PS3.18 F.2.1.1)") from None
        if not isinstance(obj, dict) or "vr" not in obj:
            raise DicomError(f"{key}: element has no 'vr' (PS3.18 F.2.2)")
        vr = str(obj["vr"])
        if vr not in VRS:
            raise DicomError(f"{key}: {vr!r} is not a VR of PS3.5 Table 6.2-1")
        value, encapsulated = _value_from_json(tag, vr, obj)
        if vr in _BINARY_VRS or encapsulated or "InlineBinary" in obj:
            # bytes as they would be read from an explicit VR little endian stream
            el = DataElement(tag, vr, raw=value, context=EncodingContext(True),
                             undefined_length=encapsulated)
        else:
            el = DataElement(tag, vr, value)
        ds._put(el)
    return ds
