"""Element-level checks (PS3.5 6.2, 6.4, 7.1.1, 7.8.1) on synthetic data sets, one rule per test."""

from __future__ import annotations

from datetime import date as _date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.validate.report import Report
from dicomkit.validate.values import check_elements, parse_vm, vm_allows


def _tag(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    assert tag is not None
    return tag


def _check(*elements: tuple[int, str, bytes], explicit: bool = True) -> Report:
    ds = Dataset()
    for tag, vr, raw in elements:
        ds[tag] = DataElement(tag, vr, raw=raw)
    report = Report()
    check_elements(ds, report, explicit=explicit)
    return report


def _rules(report: Report) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in report.findings}


def _path(keyword: str) -> str:
    t = _tag(keyword)
    return f"({t >> 16:04X},{t & 0xFFFF:04X})"


@pytest.mark.parametrize(("vr", "raw"), [
    ("DA", b"20240229"), ("TM", b"235960.123456 "), ("TM", b"07"), ("DT", b"20240101120000.5+0100 "),
    ("AS", b"045Y"), ("DS", b"-1.5e3"), ("DS", b".5"), ("IS", b"+2147483647 "),
    ("UI", b"1.2.840.10008.1.2\x00"), ("CS", b"ORIGINAL\\PRIMARY"), ("AE", b"STORE-SCP "),
    ("PN", b"Doe^John^^Dr=^^ "), ("LO", b"caf\xe9"), ("LT", b"line\r\nnext\t "),
])
def test_valid_values_give_no_finding(vr: str, raw: bytes) -> None:
    # an unknown-to-the-dictionary tag would add unknown-public: use a private data element
    report = _check((0x00090010, "LO", b"CREATOR "), (0x00091001, vr, raw))
    assert report.findings == []


@pytest.mark.parametrize(("vr", "raw", "rule"), [
    ("DA", b"20230229", "value-format"), ("DA", b"1997.04.24", "value-format"),
    ("TM", b"14:04:38", "value-format"), ("TM", b"246000", "value-format"),
    ("DT", b"20241301", "value-format"), ("AS", b"45Y ", "value-format"),
    ("DS", b"1,5 ", "value-format"), ("DS", b"12345678901234567", "value-length"),
    ("IS", b"2147483648", "value-format"), ("IS", b"1.0 ", "value-format"),
    ("UI", b"1.2.03\x00", "value-format"), ("UI", b"1." + b"2" * 64 + b"\x00", "value-length"),
    ("CS", b"original", "repertoire"), ("CS", b"A-B ", "repertoire"),
    ("AE", b"AE\x01 ", "repertoire"), ("LO", b"a\x07b ", "repertoire"),
    ("ST", b"bell\x07 ", "repertoire"), ("SH", b"x" * 17 + b" ", "value-length"),
    ("PN", b"a=b=c=d ", "value-format"), ("DA", b"2024010\xe9", "repertoire"),
    ("UR", b" http://x", "value-format"), ("US", b"\x01\x00\x02", "value-length"),
])
def test_bad_values_are_reported_with_their_rule(vr: str, raw: bytes, rule: str) -> None:
    report = _check((0x00090010, "LO", b"CREATOR "), (0x00091001, vr, raw))
    assert (rule, "(0009,1001)") in _rules(report)
    assert not report.ok or rule == "value-format" and vr == "UI"


def test_odd_value_length_is_an_error() -> None:
    report = _check((_tag("PatientID"), "LO", b"ABC"))
    assert ("value-length", _path("PatientID")) in _rules(report)


def test_null_padding_of_a_space_padded_vr_is_a_warning() -> None:
    report = _check((_tag("PatientID"), "LO", b"AB\x00\x00"))
    found = report.by_rule("value-format")
    assert [f.severity for f in found] == ["warning"]


def test_vr_differing_from_the_dictionary_is_an_error_in_explicit_vr() -> None:
    report = _check((_tag("PatientID"), "SH", b"ABCD"))
    assert ("vr", _path("PatientID")) in _rules(report)
    assert not report.ok


def test_vr_is_not_checked_for_implicit_vr_data_sets() -> None:
    report = _check((_tag("PatientID"), "SH", b"ABCD"), explicit=False)
    assert report.by_rule("vr") == []


def test_un_for_a_known_tag_is_a_warning() -> None:
    report = _check((_tag("PatientID"), "UN", b"ABCD"))
    assert [(f.rule, f.severity) for f in report.findings] == [("vr", "warning")]


def test_ambiguous_dictionary_vrs_accept_each_choice() -> None:
    for vr in ("US", "SS"):
        report = _check((_tag("SmallestImagePixelValue"), vr, b"\x01\x00"))
        assert report.by_rule("vr") == []


def test_vm_outside_the_dictionary_vm_is_an_error() -> None:
    # Pixel Spacing is 2; Image Position (Patient) 3; Image Type 2-n
    report = _check((_tag("PixelSpacing"), "DS", b"0.5 "),
                    (_tag("ImagePositionPatient"), "DS", b"1\\2\\3\\4 "),
                    (_tag("ImageType"), "CS", b"ORIGINAL\\PRIMARY "))
    assert {f.path for f in report.by_rule("vm")} == {_path("PixelSpacing"),
                                                     _path("ImagePositionPatient")}


def test_vm_of_binary_numbers_counts_values() -> None:
    report = _check((_tag("Rows"), "US", b"\x01\x00\x02\x00"))
    assert [f.path for f in report.by_rule("vm")] == [_path("Rows")]


def test_empty_values_are_not_counted_for_vm() -> None:
    assert _check((_tag("PixelSpacing"), "DS", b"")).findings == []


def test_retired_attribute_is_a_warning() -> None:
    report = _check((_tag("DataSetSubtype"), "LO", b"AB"))  # retired in PS3.6
    found = report.by_rule("retired")
    assert [f.severity for f in found] == ["warning"]


def test_unknown_public_tag_is_a_warning() -> None:
    report = _check((0x00082FFF, "LO", b"ABCD"))  # not in PS3.6
    assert [(f.rule, f.severity) for f in report.findings] == [("unknown-public", "warning")]


def test_private_element_without_creator_is_an_error() -> None:
    report = _check((0x00091001, "LO", b"ABCD"))
    assert [(f.rule, f.path) for f in report.findings] == [("private-no-creator", "(0009,1001)")]


def test_private_creator_with_another_vr_is_an_error() -> None:
    report = _check((0x00090010, "SH", b"ABCD"), (0x00091001, "LO", b"ABCD"))
    assert [(f.rule, f.severity) for f in report.findings] == [("vr", "error")]


def test_findings_inside_sequences_carry_the_item_path() -> None:
    ds = Dataset()
    item0, item1 = Dataset(), Dataset()
    item1[0x00081150] = DataElement(0x00081150, "UI", raw=b"1.02\x00\x00")
    ds[0x00081115] = DataElement(0x00081115, "SQ", Sequence([item0, item1]))
    report = Report()
    check_elements(ds, report, explicit=True)
    assert [f.path for f in report.findings] == ["(0008,1115)[1].(0008,1150)"]


def test_program_set_values_are_checked_through_their_encoding() -> None:
    ds = Dataset()
    ds.PatientSex = "x"  # CS: lowercase is outside the repertoire
    report = Report()
    check_elements(ds, report)
    assert [f.rule for f in report.findings] == ["repertoire"]


@pytest.mark.parametrize(("text", "count", "ok"), [
    ("1", 1, True), ("1", 2, False), ("1-n", 5, True), ("2-2n", 4, True), ("2-2n", 3, False),
    ("3-3n", 6, True), ("3-3n", 7, False), ("1-3", 4, False), ("1-n or 1", 1, True),
])
def test_vm_ranges(text: str, count: int, ok: bool) -> None:
    assert vm_allows(parse_vm(text), count) is ok


@given(st.dates(min_value=_date(1, 1, 1)), st.lists(st.integers(0, 10**12), min_size=2, max_size=6))
def test_values_written_by_dicomkit_pass_the_value_checks(day: _date, parts: list[int]) -> None:
    # what the value encoders write for valid values must be valid by the checks (PS3.5 6.2)
    ds = Dataset()
    ds.StudyDate = day
    # under the root iso (1) member-body (2): an OID root of PS3.5 9.1
    ds.SOPInstanceUID = ".".join(["1", "2", *map(str, parts)])[:64].rstrip(".")
    report = Report()
    check_elements(ds, report)
    assert report.findings == []


@pytest.mark.parametrize(("uid", "rule"), [
    ("1.2.840.10008.5.1.4.1.1.2", ""), ("2.25.329800735698586629295641978511506172918", ""),
    ("0.4.0", ""), ("2.22.222.2", ""),  # arcs below joint-iso-itu-t are not checked
    ("9.8.7.6", "uid-root"), ("1234567890.1998.310", "uid-root"),
    ("1.9.999.999", "uid-root"), ("1.22.333.4", "uid-root"), ("0.7.1", "uid-root"),
])
def test_uid_root_is_an_arc_of_the_oid_tree(uid: str, rule: str) -> None:
    """PS3.5 9.1: UIDs are OIDs registered per ISO/IEC 9834-1; roots 0, 1, 2 and the arcs
    X.660 assigns below 0 and 1 (dciodvfy's "Illegal root for UID")."""
    ds = Dataset()
    ds.SOPInstanceUID = uid
    report = Report()
    check_elements(ds, report)
    assert [f.rule for f in report.findings] == ([rule] if rule else [])


def test_uid_root_of_a_known_tag_encoded_as_un_is_checked() -> None:
    """A UN value of a known tag is checked as its dictionary VR (PS3.5 6.2.2)."""
    ds = Dataset()
    ds.add_new(0x00080018, "UN", b"9.8.7.6\x00")
    report = Report()
    check_elements(ds, report)
    assert sorted(f.rule for f in report.findings) == ["uid-root", "vr"]


def _coded_item(scheme: bytes) -> Dataset:
    item = Dataset()
    item[_tag("CodeValue")] = DataElement(_tag("CodeValue"), "SH", raw=b"T-D1100 ")
    item[_tag("CodingSchemeDesignator")] = DataElement(_tag("CodingSchemeDesignator"), "SH",
                                                       raw=scheme)
    item[_tag("CodeMeaning")] = DataElement(_tag("CodeMeaning"), "LO", raw=b"Breast")
    return item


@pytest.mark.parametrize(("scheme", "status"), [
    (b"SRT ", "deprecated"), (b"SNM3", "deprecated"), (b"99SDM ", "retired"),
    (b"SCT ", None), (b"DCM ", None),
])
def test_retired_and_deprecated_coding_schemes_are_warnings(scheme: bytes, status: str | None) -> None:
    """PS3.16 Table 8-1 (read into generated.context_groups.RETIRED_CODING_SCHEMES), at any
    depth of sequences."""
    ds = Dataset()
    seq = _tag("AnatomicRegionSequence")
    ds[seq] = DataElement(seq, "SQ", Sequence([_coded_item(b"SCT "), _coded_item(scheme)]))
    report = Report()
    check_elements(ds, report, explicit=True)
    found = report.by_rule("coding-scheme-retired")
    if status is None:
        assert found == []
    else:
        assert [(f.severity, f.path) for f in found] == [
            ("warning", f"{_path('AnatomicRegionSequence')}[1].{_path('CodingSchemeDesignator')}")]
        assert status in found[0].message and found[0].reference == "PS3.16 8.1"
        assert report.ok  # a warning, not an error


def test_a_remembered_value_is_reported_at_the_path_of_each_element_that_holds_it() -> None:
    """Short ASCII values are checked once per (VR, bytes) and their findings replayed with the
    path of every element that holds them (PS3.5 6.2: a DA value is YYYYMMDD)."""
    bad = b"1997.04.24"
    item = Dataset()
    item[_tag("StudyDate")] = DataElement(_tag("StudyDate"), "DA", raw=bad)
    ds = Dataset()
    ds[_tag("StudyDate")] = DataElement(_tag("StudyDate"), "DA", raw=bad)
    seq = _tag("ReferencedStudySequence")
    ds[seq] = DataElement(seq, "SQ", Sequence([item]))
    for _ in range(2):  # the second pass reads what the first remembered
        report = Report()
        check_elements(ds, report, explicit=True)
        paths = [f.path for f in report.findings if f.rule == "value-format"]
        assert paths == [_path("StudyDate"), f"{_path('ReferencedStudySequence')}[0].{_path('StudyDate')}"]


def test_a_remembered_value_gives_the_same_findings_and_vm_as_a_first_check() -> None:
    """The VM counted for a remembered value is the same (PS3.5 6.4: Modality is VM 1)."""
    first = _check((_tag("Modality"), "CS", b"CT\\MR "))
    again = _check((_tag("Modality"), "CS", b"CT\\MR "))
    assert [f.rule for f in first.findings] == ["vm"] and first.findings == again.findings
