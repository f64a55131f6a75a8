"""The decoded values mean what pydicom's do (pydicom 3 is the reference users know)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pydicom
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydicom import valuerep
from pydicom.dataelem import RawDataElement, convert_raw_data_element
from pydicom.multival import MultiValue as PydicomMultiValue

from dicomkit.core.values import (
    MultiValue,
    PersonName,
    decode_value,
    format_ds,
)

#: (VR, tag pydicom knows with that VR, raw little endian value)
SAMPLES: list[tuple[str, int, bytes]] = [
    ("AE", 0x00020016, b" STORESCP "),
    ("AS", 0x00101010, b"018M"),
    ("AT", 0x00209165, b"\x10\x00\x10\x00\x28\x00\x10\x00"),
    ("CS", 0x00080008, b"ORIGINAL\\PRIMARY\\AXIAL "),
    ("DA", 0x00080020, b"20240131"),
    ("DS", 0x00280030, b"0.5\\1.25"),
    ("DS", 0x00180050, b" 1.5E+3 "),
    ("DT", 0x0008002A, b"20240131070907.123456+0100 "),
    ("FD", 0x00189087, b"\x00\x00\x00\x00\x00\x00\xf8\x3f"),
    ("FL", 0x00189306, b"\x00\x00\xc0\x3f"),
    ("IS", 0x00200013, b"+12 "),
    ("IS", 0x00280008, b"7 "),
    ("LO", 0x00081030, b"Study with trailing  "),
    ("LT", 0x00204000, b" text with \\ backslash "),
    ("OB", 0x00020001, b"\x00\x01"),
    ("OW", 0x7FE00010, b"\x01\x02\x03\x04"),
    ("PN", 0x00100010, b"Yamada^Tarou "),
    ("PN", 0x00081070, b"A^B\\C^D "),
    ("SH", 0x00080050, b"ACC123"),
    ("SL", 0x00186020, b"\xff\xff\xff\xff"),
    ("SS", 0x00280106, b"\xfe\xff"),
    ("ST", 0x00080081, b"Street 1 "),
    ("TM", 0x00080030, b"070907.123 "),
    ("UI", 0x00080016, b"1.2.840.10008.5.1.4.1.1.2\x00"),
    ("UL", 0x00081161, b"\x10\x00\x00\x00\x20\x00\x00\x00"),
    ("UR", 0x00081190, b"http://example.org/a "),
    ("US", 0x00280010, b"\x00\x02"),
    ("UT", 0x00700006, b"unlimited text "),
]


def _pydicom_value(vr: str, tag: int, raw: bytes) -> Any:
    pydicom.config.datetime_conversion = True
    try:
        element = convert_raw_data_element(
            RawDataElement(tag, vr, len(raw), raw, 0, False, True))
        return element.value
    finally:
        pydicom.config.datetime_conversion = False


def _meaning(value: Any) -> Any:
    """A plain form of a value for comparing across libraries."""
    if isinstance(value, list | PydicomMultiValue):
        return [_meaning(v) for v in value]
    if isinstance(value, valuerep.PersonName):
        return str(value)
    if isinstance(value, datetime):
        return (datetime(value.year, value.month, value.day, value.hour, value.minute,
                         value.second, value.microsecond), value.utcoffset())
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if isinstance(value, time):
        return time(value.hour, value.minute, value.second, value.microsecond)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str(value)
    return value


@pytest.mark.parametrize(("vr", "tag", "raw"), SAMPLES, ids=[f"{s[0]}-{s[2]!r}" for s in SAMPLES])
def test_decoded_value_means_what_pydicom_reads(vr: str, tag: int, raw: bytes) -> None:
    ours = decode_value(vr, raw, True, None)
    theirs = _pydicom_value(vr, tag, raw)
    assert _meaning(ours) == _meaning(theirs)
    assert isinstance(ours, MultiValue) == isinstance(theirs, list | PydicomMultiValue)


@pytest.mark.parametrize("text", ["1.50", "-0.0", "1e-5", "+12.5", "  3.25 ", "007"])
def test_dsfloat_agrees_with_pydicom_dsfloat(text: str) -> None:
    ours = decode_value("DS", text.encode().ljust(len(text) + len(text) % 2), True, None)
    theirs = valuerep.DSfloat(text.strip(), auto_format=False)
    assert float(ours) == float(theirs)
    assert str(ours) == str(theirs)


@pytest.mark.parametrize("text", ["Adams^John Robert Quincy^^Rev.^B.A. M.Div.",
                                  "Yamada^Tarou=山田^太郎=やまだ^たろう", "Wang^XiaoDong=王^小东=",
                                  "=^=", "Smith"])
def test_person_name_components_agree_with_pydicom(text: str) -> None:
    ours = PersonName(text)
    theirs = valuerep.PersonName(text)
    for name in ("family_name", "given_name", "middle_name", "name_prefix", "name_suffix",
                 "alphabetic", "ideographic", "phonetic"):
        assert getattr(ours, name) == getattr(theirs, name), name
    # pydicom drops empty trailing component groups from str(); we keep the text as given so
    # that it is written back unchanged
    assert str(ours).rstrip("=") == str(theirs)
    assert PersonName.from_named_components(
        ours.family_name, ours.given_name, ours.middle_name, ours.name_prefix, ours.name_suffix
    ) == valuerep.PersonName.from_named_components(
        family_name=ours.family_name, given_name=ours.given_name,
        middle_name=ours.middle_name, name_prefix=ours.name_prefix,
        name_suffix=ours.name_suffix)


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_ds_formatting_of_floats_is_as_precise_as_pydicoms(value: float) -> None:
    ours = format_ds(value)
    theirs = valuerep.format_number_as_ds(value)
    assert len(ours) <= 16
    if len(repr(value)) <= 16:
        assert ours == theirs == repr(value)
    else:  # both round; ours may keep more digits by writing the exponent compactly
        assert abs(float(ours) - value) <= abs(float(theirs) - value)
