"""Value codecs of every VR (PS3.5 6.2): decoding hand-built bytes, encoding, padding and errors."""

from __future__ import annotations

import pickle
import struct
from array import array
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from dicomkit.core.tag import Tag
from dicomkit.core.values import (
    CHARSET_VRS,
    DA,
    DT,
    IS,
    NUMBER_VRS,
    SINGLE_VALUED_VRS,
    TM,
    UID,
    UNIT_SIZES,
    AgeString,
    DSfloat,
    MultiValue,
    PersonName,
    ValueDecodingError,
    ValueEncodingError,
    decode_value,
    encode_value,
    format_ds,
    swap_bytes,
    value_multiplicity,
)
from dicomkit.errors import DicomError
from dicomkit.generated.vrs import VRS


class Utf8Charset:
    """A stand-in for dicomkit.core.charset.Charset that records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, bytes | str]] = []

    def decode(self, raw: bytes, vr: str) -> str:
        assert isinstance(raw, bytes)
        self.calls.append((vr, raw))
        return raw.decode("utf-8")

    def encode(self, text: str, vr: str) -> bytes:
        self.calls.append((vr, text))
        return text.encode("utf-8")


def dec(vr: str, raw: bytes, little: bool = True) -> Any:
    return decode_value(vr, raw, little, None)


def enc(vr: str, value: Any, little: bool = True) -> bytes:
    return encode_value(vr, value, little, None)


# -- facts derived from the VR table ----------------------------------------------------------


def test_vr_facts_are_derived_from_the_generated_table() -> None:
    assert CHARSET_VRS == {"SH", "LO", "ST", "LT", "UC", "UT", "PN"}
    assert SINGLE_VALUED_VRS == {"LT", "ST", "UT", "UR"}
    assert NUMBER_VRS == {"FL": ("f", 4), "FD": ("d", 8), "SL": ("i", 4), "SS": ("h", 2),
                          "SV": ("q", 8), "UL": ("I", 4), "US": ("H", 2), "UV": ("Q", 8)}
    assert {vr: UNIT_SIZES[vr] for vr in ("OB", "OW", "OF", "OL", "OD", "OV", "UN", "AT")} == {
        "OB": 1, "OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8, "UN": 1, "AT": 2}


def test_every_vr_of_the_table_has_a_decoder_and_an_encoder() -> None:
    for vr in VRS:
        if vr == "SQ":
            continue
        empty = decode_value(vr, b"", True, None)
        assert encode_value(vr, empty, True, None) == b""


# -- character strings ------------------------------------------------------------------------


def test_ds_strips_leading_and_trailing_spaces_and_keeps_the_exponent_text() -> None:
    value = dec("DS", b" 1.5E+3 ")
    assert isinstance(value, DSfloat)
    assert value == 1500.0
    assert str(value) == "1.5E+3"
    assert value.decimal == Decimal("1.5E+3")
    assert enc("DS", value) == b"1.5E+3"


def test_ds_multi_valued_gives_multivalue_of_dsfloat() -> None:
    value = dec("DS", b"0.5\\-2.25 ")
    assert isinstance(value, MultiValue)
    assert value == [0.5, -2.25]
    assert all(isinstance(v, DSfloat) for v in value)


def test_ds_that_is_not_a_number_is_kept_as_text_and_written_back() -> None:
    for raw in (b"abc ", b"1,5 ", b"inf ", b"nan ", b"1_0 "):
        value = dec("DS", raw)
        assert type(value) is str
        assert enc("DS", value) == raw


def test_is_with_plus_sign_keeps_its_text() -> None:
    value = dec("IS", b"+12 ")
    assert isinstance(value, IS) and value == 12
    assert str(value) == "+12"
    assert enc("IS", value) == b"+12 "
    assert str(dec("IS", b"-007")) == "-007"


def test_is_whole_decimal_is_accepted_leniently_and_fraction_is_kept_as_text() -> None:
    value = dec("IS", b"1.0 ")
    assert isinstance(value, IS) and value == 1 and str(value) == "1.0"
    assert dec("IS", b"1.5 ") == "1.5"
    assert type(dec("IS", b"1.5 ")) is str
    assert type(dec("IS", b"12a ")) is str


def test_empty_numbers_are_none_and_empty_text_is_empty_string() -> None:
    assert dec("IS", b"") is None
    assert dec("DS", b"  ") is None
    assert dec("US", b"") is None
    assert dec("AT", b"") is None
    for vr in ("AE", "CS", "LO", "PN", "UI", "DA", "TM", "DT", "AS", "LT", "UR"):
        assert dec(vr, b"") == "", vr
    assert dec("OB", b"") == b""
    assert dec("DS", b"1\\\\2") == [1.0, None, 2.0]


def test_da_reads_yyyymmdd_and_the_acr_nema_dotted_form() -> None:
    value = dec("DA", b"20240131")
    assert isinstance(value, DA) and value == date(2024, 1, 31)
    old = dec("DA", b"2024.01.31")
    assert isinstance(old, DA) and old == date(2024, 1, 31)
    assert enc("DA", old) == b"2024.01.31"


def test_invalid_date_is_kept_as_text_and_writable() -> None:
    for raw in (b"20241301", b"00000000", b"2024013 ", b"20240101-20240131 "):
        value = dec("DA", raw)
        assert type(value) is str
        assert enc("DA", value) == raw


def test_tm_precisions_and_old_colon_form() -> None:
    assert dec("TM", b"07") == time(7)
    assert dec("TM", b"0709") == time(7, 9)
    assert dec("TM", b"070907") == time(7, 9, 7)
    value = dec("TM", b"070907.123 ")
    assert value == time(7, 9, 7, 123000) and str(value) == "070907.123"
    assert dec("TM", b"07:09:07") == time(7, 9, 7)
    assert enc("TM", dec("TM", b"07:09:07")) == b"07:09:07"
    assert isinstance(dec("TM", b"0709"), TM)


def test_tm_leap_second_reads_as_59_keeping_text_and_bad_times_stay_text() -> None:
    leap = dec("TM", b"235960")
    assert leap == time(23, 59, 59) and str(leap) == "235960"
    for raw in (b"2500", b"070", b"0709.5 ", b"070907.1234567 ", b"ab"):
        assert type(dec("TM", raw)) is str


def test_dt_with_utc_offset_fraction_and_partial_precision() -> None:
    value = dec("DT", b"20240131070907.123456+0100")
    assert isinstance(value, DT)
    assert value == datetime(2024, 1, 31, 7, 9, 7, 123456, timezone(timedelta(hours=1)))
    assert value.utcoffset() == timedelta(hours=1)
    assert dec("DT", b"2024") == datetime(2024, 1, 1)
    assert dec("DT", b"202402").month == 2
    west = dec("DT", b"20240131-0530")
    assert west.utcoffset() == -timedelta(hours=5, minutes=30)
    assert str(west) == "20240131-0530"
    assert type(dec("DT", b"2024013 ")) is str
    assert type(dec("DT", b"20240131+2500")) is str


def test_as_gives_agestring_with_number_and_unit() -> None:
    value = dec("AS", b"018M")
    assert isinstance(value, AgeString)
    assert value == "018M" and value.value == 18 and value.unit == "M"
    assert value.unit_name == "months"
    assert type(dec("AS", b"18X ")) is str


def test_pn_goes_whole_through_the_charset_and_splits_component_groups() -> None:
    raw = "Yamada^Tarou=山田^太郎=やまだ^たろう".encode()
    raw += b" " * (len(raw) % 2)
    charset = Utf8Charset()
    value = decode_value("PN", raw, True, charset)
    assert charset.calls == [("PN", raw)]
    assert isinstance(value, PersonName)
    assert value.alphabetic == "Yamada^Tarou"
    assert value.ideographic == "山田^太郎"
    assert value.phonetic == "やまだ^たろう"
    assert (value.family_name, value.given_name) == ("Yamada", "Tarou")
    assert encode_value("PN", value, True, charset) == raw


def test_pn_with_iso_2022_code_extensions_through_the_real_charset() -> None:
    # PS3.5 Annex H.3.1: Japanese with ISO 2022 IR 87, escape sequences in the value
    from dicomkit.core.charset import Charset

    charset = Charset.from_value(["", "ISO 2022 IR 87"])
    raw = (b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B="
           b"\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B")
    assert len(raw) % 2 == 0
    value = decode_value("PN", raw, True, charset)
    assert value == "Yamada^Tarou=山田^太郎=やまだ^たろう"
    assert (value.ideographic, value.phonetic) == ("山田^太郎", "やまだ^たろう")
    assert encode_value("PN", value, True, charset) == raw


def test_pn_components_of_a_full_name() -> None:
    value = dec("PN", b"Adams^John Robert Quincy^^Rev.^B.A. M.Div.")
    assert value.family_name == "Adams"
    assert value.given_name == "John Robert Quincy"
    assert value.middle_name == ""
    assert value.name_prefix == "Rev."
    assert value.name_suffix == "B.A. M.Div."
    assert value.ideographic == "" and value.components == (value,)
    built = PersonName.from_named_components("Adams", "John Robert Quincy", "", "Rev.",
                                             "B.A. M.Div.")
    assert built == value
    assert PersonName.from_named_components("Doe", "Jane") == "Doe^Jane"


def test_pn_multi_valued() -> None:
    value = dec("PN", b"A^B\\C^D ")
    assert value == ["A^B", "C^D"]
    assert [v.given_name for v in value] == ["B", "D"]


def test_charset_applies_only_to_the_vrs_whose_repertoire_it_extends() -> None:
    charset = Utf8Charset()
    assert decode_value("LO", "Müller".encode(), True, charset) == "Müller"
    assert decode_value("CS", b"ORIGINAL", True, charset) == "ORIGINAL"
    assert decode_value("UI", b"1.2\x00", True, charset) == "1.2"
    assert [vr for vr, _ in charset.calls] == ["LO"]
    assert encode_value("SH", "ä", True, charset) == "ä".encode()


def test_default_repertoire_decodes_tolerantly_and_encodes_strictly() -> None:
    assert dec("LO", b"M\xfcller") == "Müller"  # latin-1 fallback, never raises
    with pytest.raises(ValueEncodingError, match="LO"):
        enc("LO", "Müller")


def test_cs_multi_valued_strips_each_value() -> None:
    value = dec("CS", b"A\\B")
    assert isinstance(value, MultiValue) and value == ["A", "B"]
    assert dec("CS", b" ORIGINAL \\ PRIMARY ") == ["ORIGINAL", "PRIMARY"]
    assert dec("AE", b"  STORESCP  ") == "STORESCP"


def test_text_vrs_are_single_valued_keep_backslash_and_leading_spaces() -> None:
    for vr in ("LT", "ST", "UT", "UR"):
        value = dec(vr, b"  a\\b  ")
        assert value == "  a\\b", vr
        assert enc(vr, value) == b"  a\\b "


def test_lo_keeps_leading_spaces_strips_trailing_spaces_and_nul() -> None:
    assert dec("LO", b" ab \x00") == " ab"
    assert dec("SH", b"ab \\cd ") == ["ab", "cd"]


def test_ui_strips_nul_padding_and_knows_the_registry() -> None:
    value = dec("UI", b"1.2.840.10008.1.2.1\x00")
    assert isinstance(value, UID)
    assert value == "1.2.840.10008.1.2.1"
    assert value.name == "Explicit VR Little Endian"
    assert value.keyword == "ExplicitVRLittleEndian"
    assert value.type == "Transfer Syntax"
    assert value.is_transfer_syntax and value.is_little_endian and not value.is_implicit_VR
    assert enc("UI", value) == b"1.2.840.10008.1.2.1\x00"
    ct = UID("1.2.840.10008.5.1.4.1.1.2")
    assert ct.keyword == "CTImageStorage" and not ct.is_transfer_syntax
    private = UID("1.2.3.4")
    assert private.name == "1.2.3.4" and private.keyword == "" and private.is_valid
    assert not UID("1.02.3").is_valid
    with pytest.raises(ValueError):
        _ = ct.is_little_endian


# -- binary -----------------------------------------------------------------------------------


@pytest.mark.parametrize("little", [True, False])
def test_binary_numbers_decode_in_both_byte_orders(little: bool) -> None:
    order = "<" if little else ">"
    for vr, (letter, _size) in NUMBER_VRS.items():
        values = [1.5, -2.25] if letter in "fd" else ([3, 65535 // 2] if letter.isupper()
                                                      else [-3, 7])
        one = struct.pack(order + letter, values[0])
        assert dec(vr, one, little) == values[0], vr
        assert type(dec(vr, one, little)) is type(values[0])
        many = struct.pack(f"{order}{len(values)}{letter}", *values)
        got = dec(vr, many, little)
        assert isinstance(got, MultiValue) and got == values, vr
        assert enc(vr, got, little) == many
        assert enc(vr, values[0], little) == one


def test_long_binary_values_decode_from_memoryview() -> None:
    data = struct.pack(">1000H", *range(1000))
    got = decode_value("US", memoryview(data), False, None)
    assert got == list(range(1000))


def test_binary_value_of_broken_length_is_kept_as_bytes() -> None:
    assert dec("UL", b"\x01\x02\x03") == b"\x01\x02\x03"
    assert enc("UL", b"\x01\x02\x03") == b"\x01\x02\x03"


@pytest.mark.parametrize("little", [True, False])
def test_at_multi_valued_gives_tags(little: bool) -> None:
    order = "<" if little else ">"
    raw = struct.pack(order + "4H", 0x0010, 0x0010, 0x7FE0, 0x0010)
    value = dec("AT", raw, little)
    assert value == [Tag(0x00100010), Tag(0x7FE00010)]
    assert all(isinstance(t, Tag) for t in value)
    assert enc("AT", value, little) == raw
    assert enc("AT", ["PatientName", (0x7FE0, 0x0010)], little) == raw
    assert dec("AT", raw[:4], little) == Tag("PatientName")


@pytest.mark.parametrize("vr", ["OB", "OD", "OF", "OL", "OV", "OW", "UN"])
def test_byte_vrs_give_the_raw_bytes(vr: str) -> None:
    raw = bytes(range(16))
    assert dec(vr, raw) == raw and type(dec(vr, raw)) is bytes
    assert decode_value(vr, memoryview(raw), False, None) == raw
    assert enc(vr, raw) == raw


def test_ob_odd_length_pads_with_nul_and_ow_odd_length_is_an_error() -> None:
    assert enc("OB", b"\x01\x02\x03") == b"\x01\x02\x03\x00"
    with pytest.raises(ValueEncodingError, match="OW"):
        enc("OW", b"\x01\x02\x03")
    with pytest.raises(ValueEncodingError, match="multiple of 4"):
        enc("OF", b"\x01\x02")


def test_typed_buffers_for_byte_vrs_are_written_in_the_streams_byte_order() -> None:
    words = array("H", [1, 0x0203])
    assert enc("OW", words, True) == struct.pack("<2H", 1, 0x0203)
    assert enc("OW", words, False) == struct.pack(">2H", 1, 0x0203)


def test_swap_bytes_uses_the_unit_size_of_the_vr() -> None:
    raw = bytes(range(8))
    assert swap_bytes("OW", raw) == bytes([1, 0, 3, 2, 5, 4, 7, 6])
    assert swap_bytes("OF", raw) == bytes([3, 2, 1, 0, 7, 6, 5, 4])
    assert swap_bytes("OD", raw) == bytes(reversed(raw))
    assert swap_bytes("AT", raw) == bytes([1, 0, 3, 2, 5, 4, 7, 6])
    assert swap_bytes("OB", raw) == raw
    assert swap_bytes("US", struct.pack("<H", 258)) == struct.pack(">H", 258)
    with pytest.raises(ValueEncodingError):
        swap_bytes("OF", raw[:6])


def test_sq_and_unknown_vrs_raise_clear_errors() -> None:
    with pytest.raises(ValueDecodingError, match="SQ"):
        dec("SQ", b"")
    with pytest.raises(ValueDecodingError, match="XX"):
        dec("XX", b"")
    with pytest.raises(ValueEncodingError, match="SQ"):
        enc("SQ", [])
    assert issubclass(ValueEncodingError, DicomError) and issubclass(ValueEncodingError,
                                                                      ValueError)


# -- encoding ---------------------------------------------------------------------------------


def test_encode_pads_strings_with_space_and_ui_with_nul() -> None:
    assert enc("CS", "ABC") == b"ABC "
    assert enc("CS", ["A", "BC"]) == b"A\\BC"
    assert enc("UI", "1.2.3") == b"1.2.3\x00"
    assert enc("LO", "") == b"" and enc("LO", None) == b""
    assert enc("CS", ["A", None, "BC"]) == b"A\\\\BC "


def test_encode_plain_python_values() -> None:
    assert enc("DA", date(2024, 1, 31)) == b"20240131"
    assert enc("TM", time(7, 9, 7, 123000)) == b"070907.123000 "
    assert enc("TM", time(7, 9)) == b"070900"
    tz = timezone(timedelta(hours=-5, minutes=-30))
    assert enc("DT", datetime(2024, 1, 31, 7, 9, 7, tzinfo=tz)) == b"20240131070907-0530 "
    assert enc("DT", date(2024, 1, 31)) == b"20240131"
    assert enc("IS", 12) == b"12" and enc("IS", [1, -23]) == b"1\\-23 "
    assert enc("IS", 3.0) == b"3 "
    assert enc("DS", 0.5) == b"0.5 "
    assert enc("DS", Decimal("1.50")) == b"1.50"
    assert enc("DS", [1, 2.5]) == b"1\\2.5 "
    assert enc("US", [1, 2]) == b"\x01\x00\x02\x00"
    assert enc("FD", 1.5, False) == struct.pack(">d", 1.5)


def test_encode_refuses_values_it_would_have_to_change() -> None:
    cases: list[tuple[str, Any, str]] = [
        ("US", "abc", "US"), ("US", -1, "US"), ("US", 70000, "US"), ("US", 1.5, "US"),
        ("SS", ["1"], "SS"), ("FL", 1e300, "FL"),
        ("CS", ["A\\B", "C"], "backslash"), ("CS", "A\\B", "backslash"),
        ("DS", float("nan"), "finite"), ("DS", Decimal("1.00000000000000001"), "16"),
        ("DS", 12345678901234567, "16"), ("DS", "x" and object(), "number"),
        ("IS", 1.5, "whole"), ("IS", 10**13, "12"), ("LT", ["a", "b"], "one value"),
        ("DA", datetime(2024, 1, 1), "datetime"), ("TM", time(1, tzinfo=UTC), "DT"),
        ("AT", "NotAKeyword", "AT"), ("OB", "text", "bytes"), ("LO", 5, "str"),
    ]
    for vr, value, words in cases:
        with pytest.raises(ValueEncodingError, match=words) as info:
            enc(vr, value)
        assert info.value.vr == vr


def test_ds_formats_floats_shortest_within_16_chars() -> None:
    assert format_ds(0.1) == "0.1"
    assert format_ds(1 / 3) == "0.33333333333333"
    assert format_ds(-1 / 3) == "-0.3333333333333"
    assert format_ds(1.23456789012e20) == "1.23456789012e20"  # compact exponent, still exact
    assert format_ds(1e-20) == "1e-20"
    for value in (1 / 3, 2 / 3 * 1e20, -7 / 9 * 1e-9, 123456.78901234567):
        assert len(format_ds(value)) <= 16
        assert float(format_ds(value)) == pytest.approx(value, rel=1e-9)


def test_value_multiplicity() -> None:
    assert value_multiplicity(None) == 0
    assert value_multiplicity("") == 0
    assert value_multiplicity(b"") == 0
    assert value_multiplicity("A") == 1
    assert value_multiplicity(b"\x00\x01") == 1
    assert value_multiplicity(MultiValue(["A", "B"])) == 2
    assert value_multiplicity([1, 2, 3]) == 3
    assert value_multiplicity(1.5) == 1
    assert value_multiplicity(dec("CS", b"A\\B\\C ")) == 3


# -- typed values -----------------------------------------------------------------------------


def test_typed_values_built_by_programs_write_dicom_text() -> None:
    assert str(DA(date(2024, 1, 31))) == "20240131"
    assert str(DA(2024, 1, 31)) == "20240131"
    assert str(TM(time(7, 9))) == "070900"
    assert str(DT(datetime(2024, 1, 31, 7, 9))) == "20240131070900"
    assert str(DSfloat(0.5)) == "0.5"
    assert str(IS(12)) == "12"
    assert DA("20240131") == date(2024, 1, 31)
    with pytest.raises(ValueError):
        DA("2024-01-31")
    with pytest.raises(ValueError):
        DSfloat("abc")
    with pytest.raises(ValueError):
        IS("1.5")
    with pytest.raises(ValueError):
        AgeString("18")


def test_typed_values_pickle_with_their_text() -> None:
    for value in (dec("DA", b"2024.01.31"), dec("TM", b"0709"), dec("DT", b"2024+0100"),
                  dec("DS", b"1.50"), dec("IS", b"+12 "), dec("PN", b"A^B "),
                  dec("UI", b"1.2\x00"), dec("AS", b"018M")):
        again = pickle.loads(pickle.dumps(value))
        assert again == value and str(again) == str(value) and type(again) is type(value)


def test_date_arithmetic_results_still_print() -> None:
    later = dec("DA", b"20240131") + timedelta(days=1)
    assert later == date(2024, 2, 1)
    assert str(DA(later)) == "20240201"


@pytest.mark.parametrize(("vr", "text"), [("LO", "ab\x85c"), ("SH", "\x9f"), ("PN", "A\x80B"),
                                          ("LT", "line\x8dbreak"), ("UT", "\x90")])
def test_c1_control_characters_are_refused_like_c0_ones(vr: str, text: str) -> None:
    """PS3.5 6.1 and 6.2: control characters are not part of any character repertoire but ESC
    (and TAB LF FF CR in text VRs); U+0080-U+009F are the C1 controls."""
    from dicomkit.core.rules import value_problem

    problem = value_problem(vr, text)
    assert problem is not None and problem.rule == "repertoire"
    assert value_problem(vr, text.translate({c: "x" for c in range(0x80, 0xA0)})) is None
