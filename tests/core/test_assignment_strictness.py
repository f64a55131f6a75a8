"""Values assigned by a program are checked against their VR (PS3.5 6.2, Table 6.2-1) as the
assignment mode says: warn (default), raise, ignore; read values are not checked on read."""

from __future__ import annotations

import struct
import threading
import warnings
from collections.abc import Callable, Iterator
from io import BytesIO
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.config import (
    DicomValueWarning,
    SettingError,
    assignment_mode,
    validation_mode,
    writing_mode,
)
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.rules import value_problem
from dicomkit.core.sequence import Sequence
from dicomkit.core.values import ValueEncodingError, split_multi_valued
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.validate.report import Report
from dicomkit.validate.values import check_elements


def _tag(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    assert tag is not None
    return tag


@pytest.fixture(autouse=True)
def _default_modes() -> Iterator[None]:
    """Every test starts from, and leaves, the documented process defaults."""
    before = (dicomkit.settings.assignment_validation_mode,
              dicomkit.settings.writing_validation_mode)
    assert before == ("warn", "warn")
    yield
    dicomkit.settings.assignment_validation_mode = "warn"
    dicomkit.settings.writing_validation_mode = "warn"


# keyword, VR, a valid value to start from, the bad value, the rule it breaks
BAD: list[tuple[str, str, Any, Any, str]] = [
    ("Rows", "US", 512, "abc", "type"),
    ("Rows", "US", 512, 70000, "range"),
    ("Rows", "US", 512, -1, "range"),
    ("Rows", "US", 512, 1.5, "type"),
    ("PixelRepresentation", "US", 0, [0, 1, 65536], "range"),
    ("PatientID", "LO", "ID1", "x" * 100, "value-length"),
    ("PatientID", "LO", "ID1", 12345, "type"),
    ("PatientID", "LO", "ID1", ["A", "B\\C"], "value-format"),
    ("SOPInstanceUID", "UI", "1.2.3", "1.2.abc", "value-format"),
    ("SOPInstanceUID", "UI", "1.2.3", "01.2", "value-format"),
    ("SOPInstanceUID", "UI", "1.2.3", "1." + "2" * 70, "value-length"),
    ("Modality", "CS", "CT", "ct", "repertoire"),
    ("PatientName", "PN", "Doe^Jane", "A^B^C^D^E^F", "value-format"),
    ("PatientName", "PN", "Doe^Jane", "a=b=c=d", "value-format"),
    ("StudyDate", "DA", "20240101", "2024-01-02", "value-length"),
    ("StudyDate", "DA", "20240101", "20230229", "value-format"),
    ("StudyTime", "TM", "120000", "250000", "value-format"),
    ("PatientAge", "AS", "045Y", "45 years", "value-length"),
    ("SliceThickness", "DS", "1.5", "1,5", "value-format"),
    ("InstanceNumber", "IS", "1", "2147483648", "value-format"),
    ("ImageComments", "LT", "ok", "bell\x07", "repertoire"),
    ("ImageComments", "LT", "ok", ["one", "two"], "vm"),
    ("StationAETitle", "AE", "STORE", "A\x01E", "repertoire"),
    ("StationAETitle", "AE", "STORE", "AE\x00", "repertoire"),
    ("PatientID", "LO", "ID1", "ID\x00", "repertoire"),
    ("RescaleSlope", "DS", "1", "inf", "value-format"),
    ("RedPaletteColorLookupTableData", "OW", b"\x00\x01", b"\x00\x01\x02", "value-length"),
    ("FrameIncrementPointer", "AT", 0x00181063, "not a tag", "type"),
    ("ReferencedSeriesSequence", "SQ", [], "not items", "type"),
]
_IDS = [f"{k}-{r}-{i}" for i, (k, _, _, _, r) in enumerate(BAD)]

_ASSIGN: dict[str, Callable[[Dataset, str, str, Any], None]] = {
    "attribute": lambda ds, kw, vr, v: setattr(ds, kw, v),
    "item": lambda ds, kw, vr, v: ds.__setitem__(_tag(kw), v),
    "add_new": lambda ds, kw, vr, v: ds.add_new(_tag(kw), vr, v),
    "element.value": lambda ds, kw, vr, v: setattr(ds[_tag(kw)], "value", v),
}


def _start(keyword: str, vr: str, good: Any) -> Dataset:
    ds = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds.add_new(_tag(keyword), vr, Sequence() if vr == "SQ" else good)
    return ds


def _value(ds: Dataset, keyword: str) -> Any:
    return ds[_tag(keyword)].value


@pytest.mark.parametrize("how", list(_ASSIGN))
@pytest.mark.parametrize(("keyword", "vr", "good", "bad", "rule"), BAD, ids=_IDS)
def test_a_bad_value_warns_by_default_naming_keyword_tag_vr_value_and_rule(
        how: str, keyword: str, vr: str, good: Any, bad: Any, rule: str) -> None:
    ds = _start(keyword, vr, good)
    tag = _tag(keyword)
    with pytest.warns(DicomValueWarning) as caught:
        _ASSIGN[how](ds, keyword, vr, bad)
    assert len(caught) == 1
    text = str(caught[0].message)
    assert keyword in text and f"({tag >> 16:04X},{tag & 0xFFFF:04X})" in text
    assert f" as {vr}: " in text and f"[{rule}; PS3.5 " in text
    assert repr(bad)[:20] in text or repr(split_multi_valued(vr, bad))[:20] in text
    assert caught[0].filename == __file__  # the program's line, not the library's
    assert _value(ds, keyword) == split_multi_valued(vr, bad) or _value(ds, keyword) == bad


@pytest.mark.parametrize("how", list(_ASSIGN))
@pytest.mark.parametrize(("keyword", "vr", "good", "bad", "rule"), BAD, ids=_IDS)
def test_a_bad_value_raises_under_raise_and_changes_nothing(
        how: str, keyword: str, vr: str, good: Any, bad: Any, rule: str) -> None:
    ds = _start(keyword, vr, good)
    before = _value(ds, keyword)
    dicomkit.settings.assignment_validation_mode = "raise"
    with pytest.raises(ValueEncodingError) as info:
        _ASSIGN[how](ds, keyword, vr, bad)
    error = info.value
    assert isinstance(error, dicomkit.DicomError)
    assert error.rule == rule and error.vr == vr and error.keyword == keyword
    assert error.tag_path == f"({_tag(keyword) >> 16:04X},{_tag(keyword) & 0xFFFF:04X})"
    assert error.clause.startswith("PS3.5 ")
    assert _value(ds, keyword) == before
    # a new element is not added either
    fresh = Dataset()
    with pytest.raises(ValueEncodingError):
        _ASSIGN[how if how != "element.value" else "add_new"](fresh, keyword, vr, bad)
    assert _tag(keyword) not in fresh


@pytest.mark.parametrize("how", list(_ASSIGN))
@pytest.mark.parametrize(("keyword", "vr", "good", "bad", "rule"), BAD, ids=_IDS)
def test_a_bad_value_is_kept_silently_under_ignore(
        how: str, keyword: str, vr: str, good: Any, bad: Any, rule: str) -> None:
    ds = _start(keyword, vr, good)
    dicomkit.settings.assignment_validation_mode = "ignore"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _ASSIGN[how](ds, keyword, vr, bad)
    assert _value(ds, keyword) in (bad, split_multi_valued(vr, bad))


GOOD: list[tuple[str, str, Any]] = [
    ("Rows", "US", 0), ("Rows", "US", 65535), ("Rows", "US", None), ("Rows", "US", [1, 2]),
    ("TagAngleSecondAxis", "SS", -32768), ("ReferencedFrameNumber", "IS", ["1", "+2", 3]),
    ("PatientID", "LO", "x" * 64), ("PatientID", "LO", "  leading spaces are kept  "),
    ("PatientID", "LO", "Müller"), ("PatientID", "LO", ""), ("PatientID", "LO", "\x1b$B"),
    ("SOPInstanceUID", "UI", "1.2.840.10008.5.1.4.1.1.2"), ("SOPInstanceUID", "UI", "0.0"),
    ("SOPInstanceUID", "UI", "1." + "2" * 62), ("Modality", "CS", "CT "),
    ("ImageType", "CS", "ORIGINAL\\PRIMARY"), ("ImageType", "CS", ["DERIVED", "SECONDARY"]),
    ("PatientName", "PN", "Yamada^Tarou=山田^太郎=やまだ^たろう"), ("PatientName", "PN", "A^B^C^D^E"),
    ("StudyDate", "DA", "20240229"), ("StudyTime", "TM", "235960.123456"),
    ("AcquisitionDateTime", "DT", "20240101120000.5+0100"), ("PatientAge", "AS", "045Y"),
    ("SliceThickness", "DS", 0.1 + 0.2), ("SliceThickness", "DS", "-1.5e3"),
    ("ImageComments", "LT", "line\r\nnext\ttab\\backslash"), ("StationAETitle", "AE", "STORE-SCP"),
    ("RetrieveURL", "UR", "https://example.org/a%20b"), ("ICCProfile", "OB", b"\x01\x02\x03"),
    ("RedPaletteColorLookupTableData", "OW", b"\x00\x01"),
    ("FrameIncrementPointer", "AT", 0x00181063), ("RealWorldValueLastValueMapped", "US", True),
    ("ReferencedSeriesSequence", "SQ", [Dataset()]), ("ReferencedSeriesSequence", "SQ", Sequence()),
]


@pytest.mark.parametrize(("keyword", "vr", "value"), GOOD, ids=[f"{k}-{i}" for i, (k, _, _) in
                                                             enumerate(GOOD)])
def test_valid_values_pass_even_under_raise(keyword: str, vr: str, value: Any) -> None:
    dicomkit.settings.assignment_validation_mode = "raise"
    ds = Dataset()
    ds[_tag(keyword)] = value
    ds.add_new(_tag(keyword), vr, value)
    ds[_tag(keyword)].value = split_multi_valued(vr, value)


def test_numpy_and_array_values_are_checked_as_the_encoder_sees_them() -> None:
    np = pytest.importorskip("numpy")
    from array import array

    dicomkit.settings.assignment_validation_mode = "raise"
    ds = Dataset()
    ds.add_new(0x00091001, "US", np.array([1, 2, 3], dtype=np.uint16))
    ds.add_new(0x00091002, "FL", array("f", [1.5, 2.5]))
    ds.add_new(0x00091003, "US", np.uint16(7))
    ds.PixelData = np.zeros(4, dtype=np.uint16)
    with pytest.raises(ValueEncodingError, match="70000 is outside 0..65535") as info:
        ds.add_new(0x00091004, "US", np.array([1, 70000], dtype=np.int64))
    assert info.value.rule == "range"
    with pytest.raises(ValueEncodingError) as info:
        ds.add_new(0x00091005, "US", np.float64(2.0))
    assert info.value.rule == "type"


def test_floats_too_large_for_fl_are_out_of_range_but_infinity_is_a_float() -> None:
    assert value_problem("FL", 1e300) is not None and value_problem("FL", 1e300).rule == "range"
    assert value_problem("FL", float("inf")) is None
    assert value_problem("FD", 1e300) is None
    assert value_problem("UV", 2**64) is not None and value_problem("SV", -(2**63)) is None


def test_private_blocks_and_creators_are_checked_too() -> None:
    ds = Dataset()
    with pytest.warns(DicomValueWarning, match="Private|0009,0010|more than 64"):
        ds.private_block(0x0009, "C" * 65, create=True)
    block = ds.private_block(0x0011, "ACME", create=True)
    with pytest.raises(ValueEncodingError, match=r"\(0011,1001\)"):
        block.add_new(0x01, "US", -5, validation_mode="raise")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        block.add_new(0x02, "US", -5, validation_mode="ignore")
    assert block[0x02].value == -5
    # a private tag without a VR is UN: only bytes can be written as UN
    with pytest.warns(DicomValueWarning, match="expected bytes"):
        ds[0x00111003] = "text"


def test_un_of_a_known_tag_is_checked_with_its_dictionary_vr() -> None:
    ds = Dataset()
    tag = _tag("PatientID")
    ds[tag] = DataElement(tag, "UN", raw=b"ID1 ")  # as a read gives it: not checked
    with pytest.raises(ValueEncodingError, match="more than 64") as info:
        with validation_mode("raise"):
            ds.PatientID = "x" * 65
    assert info.value.vr == "LO"
    ds.PatientID = "ID2"
    assert ds[tag].vr == "UN" and ds.PatientID == "ID2"


def test_set_value_takes_a_mode_for_one_call() -> None:
    ds = Dataset()
    ds.Rows = 1
    with pytest.raises(ValueEncodingError):
        ds["Rows"].set_value(70000, validation_mode="raise")
    assert ds.Rows == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds["Rows"].set_value(70000, validation_mode="ignore")
    assert ds.Rows == 70000
    with pytest.raises(SettingError, match="'strict'"):
        ds["Rows"].set_value(1, validation_mode="strict")  # type: ignore[arg-type]


def test_specific_character_set_is_checked_before_text_is_decoded_again() -> None:
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.PatientName = "Müller"
    with pytest.raises(ValueEncodingError, match="repertoire"), validation_mode("raise"):
        ds.SpecificCharacterSet = "iso_ir 192"
    assert ds.SpecificCharacterSet == "ISO_IR 100"


def test_data_elements_stored_whole_are_checked_unless_they_hold_read_bytes() -> None:
    ds = Dataset()
    tag = _tag("Rows")
    with pytest.warns(DicomValueWarning, match="outside 0..65535"):
        ds[tag] = DataElement(tag, "US", 70000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds[tag] = DataElement(tag, "US", raw=b"\x01\x02\x03")  # as read: the reader's business


def test_settings_refuse_unknown_modes_and_the_context_manager_restores() -> None:
    with pytest.raises(SettingError, match="'strict'"):
        dicomkit.settings.assignment_validation_mode = "strict"  # type: ignore[assignment]
    with pytest.raises(SettingError):
        dicomkit.settings.writing_validation_mode = "error"  # type: ignore[assignment]
    assert assignment_mode() == "warn" and writing_mode() == "warn"
    with validation_mode("raise", writing=False):
        assert assignment_mode() == "raise" and writing_mode() == "warn"
        with validation_mode("ignore"):
            assert assignment_mode() == writing_mode() == "ignore"
        assert assignment_mode() == "raise"
    assert assignment_mode() == "warn"
    with pytest.raises(SettingError), validation_mode("loud"):  # type: ignore[arg-type]
        pass


def test_a_validation_mode_block_is_local_to_its_thread() -> None:
    seen: list[str] = []
    inside = threading.Event()
    done = threading.Event()

    def other() -> None:
        inside.wait(5)
        ds = Dataset()
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            ds.Rows = 70000  # the process default (warn) applies here, not the block's raise
        seen.append(assignment_mode())
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    with validation_mode("raise"):
        inside.set()
        done.wait(5)
        with pytest.raises(ValueEncodingError):
            Dataset().Rows = 70000
    thread.join(5)
    assert seen == ["warn"]


def test_values_read_from_a_file_are_not_checked_on_read() -> None:
    ds = Dataset.new("CTImageStorage")
    with validation_mode("ignore"):
        ds.PatientID = "x" * 100
        ds.Rows = "abc"  # type: ignore[assignment]
        ds.Modality = "ct"
        ds.Rows = 512
    out = BytesIO()
    with validation_mode("ignore"):
        dicomkit.write(out, ds)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with validation_mode("raise"):  # the reader does not go through the setters
            back = dicomkit.read(out.getvalue())
            assert back.PatientID == "x" * 100 and back.Modality == "ct"
            back.PatientName = "Now^Checked"  # a new assignment is checked, and passes


def test_the_validator_and_assignment_apply_the_same_rules() -> None:
    # one copy of the rules: what the validator finds in bytes, assignment finds in the value
    for keyword, vr, _good, bad, _rule in BAD:
        if not isinstance(bad, str) or vr in ("US", "AT", "SQ", "OW"):
            continue
        if "\x00" in bad:  # in bytes read, a trailing NUL is taken as (wrong) padding
            continue
        ds = Dataset()
        tag = _tag(keyword)
        raw = bad.encode("latin-1")
        ds[tag] = DataElement(tag, vr, raw=raw + b" " * (len(raw) & 1))
        report = Report()
        check_elements(ds, report)
        problem = value_problem(vr, split_multi_valued(vr, bad))
        assert problem is not None
        assert problem.rule in {f.rule for f in report.findings}, (keyword, bad, report.findings)


# ------------------------------------------------------------------------------------------------
# Property: a value accepted under "raise" is written and read back equal (PS3.5 6.2 padding
# and insignificant spaces aside)
# ------------------------------------------------------------------------------------------------

_STRING_VRS = ["AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC",
               "UI", "UR", "UT"]
_NUMBER_VRS = ["US", "SS", "UL", "SL", "UV", "SV", "FL", "FD"]
_TEXT_VRS = {"LT", "ST", "UT", "UR"}  # one value; a backslash is text
_BOTH = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "TM", "UI"}  # leading spaces insignificant

_chars = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("0123456789.+-^=\\ :EeYM"),
    st.characters(blacklist_categories=("Cs",), max_codepoint=0x33FF),
)
_texts = st.text(_chars, min_size=1, max_size=70)
_number_items = st.one_of(st.integers(-(2**65), 2**65), st.floats(allow_nan=False, width=64))
_number_values = st.one_of(_number_items, st.lists(_number_items, min_size=1, max_size=4))


def _expected_string(vr: str, value: Any) -> Any:
    parts = list(value) if isinstance(value, list) else (
        [value] if vr in _TEXT_VRS else value.split("\\"))
    out = []
    for part in parts:
        pad = " \x00" if vr == "UI" else " "  # spaces, and UI's NUL padding (PS3.5 9.1)
        text = part.strip(pad) if vr in _BOTH else part.rstrip(pad)
        if not text:
            return None  # an empty value inside: decoding gives the VR's empty value
        out.append(split_multi_valued(vr, text))
    return out[0] if len(out) == 1 else out


def _expected_number(vr: str, value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    if vr == "FD":  # binary floating point: the nearest double, as any float (IEEE 754)
        items = [float(v) for v in items]
    elif vr == "FL":  # the nearest single
        items = [struct.unpack("<f", struct.pack("<f", float(v)))[0] for v in items]
    return items[0] if len(items) == 1 else items


def _round_trip(vr: str, value: Any) -> Any:
    ds = Dataset.new("SecondaryCaptureImageStorage")
    ds.SpecificCharacterSet = "ISO_IR 192"  # every str can be encoded (UTF-8)
    try:
        with validation_mode("raise"):
            ds.add_new(0x00091001, vr, value)
    except ValueEncodingError:
        return _REFUSED
    out = BytesIO()
    dicomkit.write(out, ds, transfer_syntax="1.2.840.10008.1.2.1", strict=True)
    return dicomkit.read(out.getvalue())[0x00091001].value


_REFUSED = object()


#: text shaped like valid values of the VRs with a syntax, so that these are accepted often
_SHAPED: dict[str, st.SearchStrategy[str]] = {
    "DA": st.from_regex(r"(19|20)[0-9][0-9](0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])", fullmatch=True),
    "TM": st.from_regex(r"([01][0-9]|2[0-3])([0-5][0-9]([0-5][0-9](\.[0-9]{1,6})?)?)? ?", fullmatch=True),
    "DT": st.from_regex(r"[0-9]{4}(0[1-9]|1[0-2])([0-2][0-9]([01][0-9][0-5][0-9])?)?([+-]0[0-9]00)?",
                        fullmatch=True),
    "AS": st.from_regex(r" ?[0-9]{3}[DWMY] ?", fullmatch=True),
    "DS": st.from_regex(r"[+-]?[0-9]{1,6}(\.[0-9]{0,5})?([eE][+-]?[0-9]{1,2})?", fullmatch=True),
    "IS": st.from_regex(r" ?[+-]?[0-9]{1,10}", fullmatch=True),
    "CS": st.from_regex(r"[A-Z0-9 _]{1,16}", fullmatch=True),
    "UI": st.from_regex(r"(0|[1-9][0-9]{0,5})(\.(0|[1-9][0-9]{0,5})){0,8}", fullmatch=True),
    "UR": st.from_regex(r"[!-~]{1,40} *", fullmatch=True),
}


@st.composite
def _vr_and_string_value(draw: st.DrawFn) -> tuple[str, Any]:
    vr = draw(st.sampled_from(_STRING_VRS))
    shaped = _SHAPED.get(vr)
    item = _texts if shaped is None else st.one_of(_texts, shaped, shaped)
    return vr, draw(st.one_of(item, st.lists(item, min_size=1, max_size=3)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_vr_and_string_value())
def test_accepted_strings_round_trip_through_write_and_read(case: tuple[str, Any]) -> None:
    vr, value = case
    expected = _expected_string(vr, value)
    back = _round_trip(vr, value)
    if back is _REFUSED or expected is None:
        return
    assert back == expected, (vr, value)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_NUMBER_VRS), _number_values)
def test_accepted_numbers_round_trip_through_write_and_read(vr: str, value: Any) -> None:
    back = _round_trip(vr, value)
    if back is _REFUSED:
        return
    assert back == _expected_number(vr, value), (vr, value)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["OB", "OW", "OL", "OD"]), st.binary(min_size=1, max_size=40))
def test_accepted_bytes_round_trip_through_write_and_read(vr: str, value: bytes) -> None:
    back = _round_trip(vr, value)
    if back is _REFUSED:
        assert vr != "OB" and len(value) % {"OW": 2, "OL": 4, "OD": 8}[vr]
        return
    assert back == value + b"\x00" * (len(value) & 1)  # OB: padded to even length (PS3.5 7.1.1)


def test_the_property_sees_refusals_and_acceptances() -> None:
    # the strategies reach both sides of the rules (a property over refusals only proves nothing)
    assert _round_trip("UI", "1.2.abc") is _REFUSED and _round_trip("UI", "1.2") == "1.2"
    assert _round_trip("US", 70000) is _REFUSED and _round_trip("US", [1, 2]) == [1, 2]
    assert _round_trip("LO", "é" * 64) == "é" * 64 and _round_trip("LO", "é" * 65) is _REFUSED
