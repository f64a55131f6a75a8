"""IOD-level rules on synthetic data sets, against small synthetic IOD/module/macro tables.

The tables have the shape of the generated ones (``dicomkit.generated.iods/modules/macros/
sop_classes``, see the contract in their docstrings) but are written here so that each rule is
pinned independently of what the readers extract from a given edition of PS3.3.  The real
tables are exercised by ``test_dciodvfy.py`` and the end-to-end test at the bottom.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.validate import iod as iod_module
from dicomkit.validate import validate
from dicomkit.validate.report import Report
from tests.samples import sample_str

SOP = "1.2.3.4.5.6.7.8.9"


def t(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    assert tag is not None
    return tag


def p(keyword: str) -> str:
    tag = t(keyword)
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


def attr(depth: int, kw: str, type_: str, *, cond: str = "", expr: Any = None,
         otherwise: str = "", kind: str = "", values: tuple[str, ...] = ()) -> tuple[Any, ...]:
    return ("attr", depth, t(kw), type_, kw, cond, expr, otherwise, kind, values)


def include(depth: int, label: str) -> tuple[Any, ...]:
    return ("include", depth, None, "", label, "", None, "", "", ())


TABLES: dict[str, tuple[str, str, str, tuple[tuple[Any, ...], ...]]] = {
    "T-1": ("Test Patient", "T-1", "C.99.1", (
        attr(0, "PatientName", "2"),
        attr(0, "PatientID", "1"),
        attr(0, "PatientSex", "1", kind="enumerated", values=("M", "F", "O")),
        attr(0, "OtherPatientIDsSequence", "1C",
             cond="Required if Patient's Age (0010,1010) is present. Only a single Item shall be "
                  "included in this Sequence. Shall not be present otherwise.",
             expr=("present", (t("PatientAge"),)), otherwise="shall_not"),
        attr(1, "PatientID", "1"),
        include(1, "M-1"),
        attr(0, "EthnicGroup", "3", kind="defined", values=("A", "B")),
    )),
    "M-1": ("Test Macro", "M-1", "C.99.2", (
        attr(0, "TypeOfPatientID", "1", kind="enumerated", values=("TEXT", "RFID")),
        include(0, "M-1"),  # a cycle: cut, not followed
    )),
    "T-2": ("Test Series", "T-2", "C.99.3", (
        attr(0, "Modality", "1"),
        attr(0, "SeriesNumber", "2"),
        attr(0, "Laterality", "2C", cond="Required if Modality (0008,0060) is MR.",
             expr=("equals", (t("Modality"),), ("MR",), None)),
        attr(0, "BitsAllocated", "3", kind="enumerated", values=("0008H", "16")),
    )),
    "T-3": ("Test Contrast", "T-3", "C.99.4", (
        attr(0, "ContrastBolusAgent", "2"),
        attr(0, "ContrastBolusRoute", "3"),
    )),
    "T-4": ("Test Acquisition", "T-4", "C.99.6", (  # only type 3 attributes
        attr(0, "AcquisitionNumber", "3"),
        attr(0, "PixelSpacing", "3"),
    )),
    "T-5": ("Test Equipment", "T-5", "C.99.7", (
        attr(0, "Manufacturer", "2"),
        attr(0, "InstitutionName", "3"),
    )),
    "T-6": ("Test Enhanced Equipment", "T-6", "C.99.8", (
        attr(0, "Manufacturer", "1"),
        attr(0, "ManufacturerModelName", "1"),
    )),
    "T-7": ("Test Plane", "T-7", "C.99.9", (
        attr(0, "ImageOrientationPatient", "1"),
        attr(0, "PixelSpacing", "3"),
        attr(0, "SliceThickness", "3"),
    )),
    "FG-2": ("Test Frame Content Macro", "FG-2", "C.99.10", (
        attr(0, "FrameContentSequence", "1"),
        attr(1, "FrameAcquisitionNumber", "1"),
    )),
    "FG-1": ("Test Pixel Measures Macro", "FG-1", "C.99.5", (
        attr(0, "PixelMeasuresSequence", "1"),
        attr(1, "PixelSpacing", "1"),
    )),
}

IODS = {
    "A.99-1": ("Test Image", "A.99-1", "A.99", (
        ("Patient", "Test Patient", "C.99.1", "T-1", "M", "", None, ""),
        ("Series", "Test Series", "C.99.3", "T-2", "M", "", None, ""),
        ("Image", "Test Contrast", "C.99.4", "T-3", "C",
         "C - Required if Modality (0008,0060) is CT", ("equals", (t("Modality"),), ("CT",), None), ""),
        ("Acquisition", "Test Acquisition", "C.99.6", "T-4", "M", "", None, ""),
        ("Equipment", "Test Equipment", "C.99.7", "T-5", "M", "", None, ""),
        ("Equipment", "Test Enhanced Equipment", "C.99.8", "T-6", "M", "", None, ""),
        ("Image", "Test Plane", "C.99.9", "T-7", "U", "", None, ""),
    ), (
        ("Test Pixel Measures", "C.99.5", "FG-1", "M", "", None, ""),
        ("Test Frame Content", "C.99.10", "FG-2", "U", "", None, ""),
    )),
}


@pytest.fixture
def tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(iod_module, "modules",
                        SimpleNamespace(attribute_table=TABLES.get))
    monkeypatch.setattr(iod_module, "iods", SimpleNamespace(IODS=IODS))
    monkeypatch.setattr(iod_module, "sop_classes", SimpleNamespace(
        SOP_CLASSES={SOP: ("Test Image Storage", "A.99", "A.99-1", "B.5")},
        iod_for_sop_class=lambda uid: "A.99-1" if uid == SOP else None))
    iod_module.module_nodes.cache_clear()
    yield
    iod_module.module_nodes.cache_clear()


def good() -> Dataset:
    ds = Dataset()
    ds.SOPClassUID = SOP
    ds.PatientName = "Doe^John"
    ds.PatientID = "1"
    ds.PatientSex = "M"
    ds.Modality = "OT"
    ds.SeriesNumber = None
    ds.Manufacturer = "ACME"
    ds.ManufacturerModelName = "X1"
    fg = Dataset()
    pm = Dataset()
    pm.PixelSpacing = [1, 1]
    fg.PixelMeasuresSequence = Sequence([pm])
    ds.SharedFunctionalGroupsSequence = Sequence([fg])
    return ds


def check(ds: Dataset) -> Report:
    report = Report()
    iod_module.check_iod(ds, report)
    return report


def found(report: Report) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in report.findings}


@pytest.mark.usefixtures("tables")
class TestRules:
    def test_a_conforming_data_set_has_no_finding(self) -> None:
        report = check(good())
        assert report.findings == [] and report.iod == "Test Image" and report.sop_class == SOP

    def test_missing_type_1_and_type_2(self) -> None:
        ds = good()
        del ds.PatientID
        del ds.SeriesNumber
        report = check(ds)
        assert found(report) == {("type1-missing", p("PatientID")),
                                 ("type2-missing", p("SeriesNumber"))}
        f = report.by_rule("type1-missing")[0]
        assert (f.reference, f.module) == ("PS3.3 C.99.1", "Test Patient")

    def test_empty_type_1_is_an_error_and_empty_type_2_is_fine(self) -> None:
        ds = good()
        ds.PatientID = ""
        ds.PatientName = ""
        assert found(check(ds)) == {("type1-empty", p("PatientID"))}

    def test_mandatory_module_absent_is_reported_once_plus_its_attributes(self) -> None:
        ds = good()
        del ds.Modality
        del ds.SeriesNumber
        report = check(ds)
        assert [f.module for f in report.by_rule("module-missing")] == ["Test Series"]
        assert ("type1-missing", p("Modality")) in found(report)

    def test_conditional_attribute_required_when_condition_holds(self) -> None:
        ds = good()
        ds.Modality = "MR"
        assert found(check(ds)) == {("condition-required", p("Laterality"))}

    def test_conditional_attribute_forbidden_when_shall_not_be_present_otherwise(self) -> None:
        ds = good()
        item = Dataset()
        item.PatientID = "2"
        item.TypeOfPatientID = "TEXT"
        ds.OtherPatientIDsSequence = Sequence([item])
        assert found(check(ds)) == {("condition-forbidden", p("OtherPatientIDsSequence"))}

    def test_sequence_items_nested_rows_and_included_macro(self) -> None:
        ds = good()
        ds.PatientAge = "030Y"
        one, two = Dataset(), Dataset()
        one.TypeOfPatientID = "BARCODE"  # enumerated values of the included macro: TEXT, RFID
        two.PatientID = "3"
        two.TypeOfPatientID = "TEXT"
        ds.OtherPatientIDsSequence = Sequence([one, two])
        report = check(ds)
        seq = p("OtherPatientIDsSequence")
        assert found(report) == {
            ("sequence-items", seq),
            ("type1-missing", f"{seq}[0].{p('PatientID')}"),
            ("enumerated-value", f"{seq}[0].{p('TypeOfPatientID')}"),
        }
        macro = report.by_rule("enumerated-value")[0]
        assert (macro.module, macro.reference) == ("Test Macro", "PS3.3 C.99.2")

    def test_condition_required_when_condition_holds_and_absent(self) -> None:
        ds = good()
        ds.PatientAge = "030Y"
        assert ("condition-required", p("OtherPatientIDsSequence")) in found(check(ds))

    def test_enumerated_value_error_and_defined_term_info(self) -> None:
        ds = good()
        ds.PatientSex = "X"
        ds.EthnicGroup = "C"
        report = check(ds)
        assert [(f.rule, f.severity) for f in report.findings] == [
            ("enumerated-value", "error"), ("defined-term", "info")]

    def test_numeric_enumerated_values_written_in_hex_compare_by_number(self) -> None:
        ds = good()
        ds.BitsAllocated = 8
        assert check(ds).findings == []
        ds.BitsAllocated = 12
        assert found(check(ds)) == {("enumerated-value", p("BitsAllocated"))}

    def test_conditional_module_required_when_its_condition_holds(self) -> None:
        ds = good()
        ds.Modality = "CT"
        report = check(ds)
        assert [f.module for f in report.by_rule("module-missing")] == ["Test Contrast"]
        assert ("type2-missing", p("ContrastBolusAgent")) in found(report)

    def test_conditional_module_present_by_a_type_3_attribute_needs_its_type_2(self) -> None:
        """PS3.3 A.1.3.2/A.1.3.3: a module with any of its attributes present is supported, and
        then its Type 1 and 2 attributes are required."""
        ds = good()
        ds.ContrastBolusRoute = "IV"
        assert found(check(ds)) == {("type2-missing", p("ContrastBolusAgent"))}
        ds.ContrastBolusAgent = None
        assert check(ds).findings == []

    def test_mandatory_module_of_only_type_3_attributes_is_never_missing(self) -> None:
        ds = good()
        assert "AcquisitionNumber" not in ds and "PixelSpacing" not in ds
        assert check(ds).findings == []

    def test_an_attribute_two_modules_define_makes_both_present(self) -> None:
        """Manufacturer is in Test Equipment (type 2) and Test Enhanced Equipment (type 1): its
        presence shows both, so neither is reported missing (the Segmentation case)."""
        ds = good()
        assert check(ds).by_rule("module-missing") == []
        del ds.Manufacturer, ds.ManufacturerModelName
        report = check(ds)
        assert sorted(f.module for f in report.by_rule("module-missing")) == [
            "Test Enhanced Equipment", "Test Equipment"]

    def test_a_shared_attribute_does_not_make_a_user_optional_module_present(self) -> None:
        """Pixel Spacing of the (mandatory) Test Acquisition does not show Test Plane (U); its
        own Slice Thickness does, and then its Type 1 Image Orientation is required."""
        ds = good()
        ds.PixelSpacing = [1, 1]
        assert check(ds).findings == []
        ds.SliceThickness = 1
        assert found(check(ds)) == {("type1-missing", p("ImageOrientationPatient"))}

    def test_functional_group_missing_everywhere(self) -> None:
        ds = good()
        del ds.SharedFunctionalGroupsSequence
        frames = [Dataset(), Dataset()]
        ds.PerFrameFunctionalGroupsSequence = Sequence(frames)
        ds.NumberOfFrames = 2
        report = check(ds)
        assert [f.module for f in report.by_rule("module-missing")] == ["Test Pixel Measures"]

    def test_functional_group_per_frame_is_checked_per_item_and_counted(self) -> None:
        ds = good()
        del ds.SharedFunctionalGroupsSequence
        frames = []
        for spacing in ([1, 1], None):
            pm = Dataset()
            if spacing:
                pm.PixelSpacing = spacing
            fg = Dataset()
            fg.PixelMeasuresSequence = Sequence([pm])
            frames.append(fg)
        ds.PerFrameFunctionalGroupsSequence = Sequence(frames)
        ds.NumberOfFrames = 3
        report = check(ds)
        per = p("PerFrameFunctionalGroupsSequence")
        assert found(report) == {
            ("sequence-items", per),
            ("type1-missing", f"{per}[1].{p('PixelMeasuresSequence')}[0].{p('PixelSpacing')}"),
        }

    def test_functional_group_in_shared_and_per_frame_is_an_error(self) -> None:
        """PS3.3 C.7.6.16.1.1: a functional group shall not be in both sequences."""
        ds = good()
        pm = Dataset()
        pm.PixelSpacing = [1, 1]
        fg = Dataset()
        fg.PixelMeasuresSequence = Sequence([pm])
        ds.PerFrameFunctionalGroupsSequence = Sequence([fg])
        ds.NumberOfFrames = 1
        report = check(ds)
        assert found(report) == {("functional-group-both", p("PerFrameFunctionalGroupsSequence"))}

    def test_optional_functional_group_may_be_absent_from_some_frames(self) -> None:
        """C.7.6.16.1.1: an optional group not used for a frame is left out of its item; the
        frames that have it are checked."""
        ds = good()
        frames = []
        for number in (1, None, 3):
            item = Dataset()
            if number is not None:
                content = Dataset()
                if number != 3:
                    content.FrameAcquisitionNumber = number
                item.FrameContentSequence = Sequence([content])
            frames.append(item)
        ds.PerFrameFunctionalGroupsSequence = Sequence(frames)
        ds.NumberOfFrames = 3
        per = p("PerFrameFunctionalGroupsSequence")
        assert found(check(ds)) == {
            ("type1-missing", f"{per}[2].{p('FrameContentSequence')}[0].{p('FrameAcquisitionNumber')}")}

    def test_unknown_sop_class_is_a_warning(self) -> None:
        ds = good()
        ds.SOPClassUID = "1.2.3"
        report = check(ds)
        assert [(f.rule, f.severity) for f in report.findings] == [("unknown-sop-class", "warning")]

    def test_sop_class_argument_overrides_the_data_set(self) -> None:
        ds = good()
        ds.SOPClassUID = "1.2.3"
        report = Report()
        iod_module.check_iod(ds, report, sop_class=SOP)
        assert report.iod == "Test Image" and report.findings == []


def test_validate_reports_unreadable_files_and_recoveries_of_the_reader(tmp_path: Any) -> None:
    report = validate(tmp_path / "absent.dcm")
    assert [f.rule for f in report.findings] == ["unreadable"] and not report.ok
    bad = tmp_path / "x.dcm"
    bad.write_bytes(b"not dicom at all")
    report = validate(bad, iod=False)  # refused by the reader (PS3.10 7.1): not DICOM
    assert [f.rule for f in report.findings] == ["unreadable"] and not report.ok
    assert "not DICOM" in report.findings[0].message
    damaged = tmp_path / "damaged.dcm"  # a real file with 3 trailing bytes: the reader recovers
    damaged.write_bytes(Path(sample_str("CT_small.dcm")).read_bytes() + b"\x01\x02\x03")
    report = validate(damaged, iod=False)
    assert "encoding" in report.rules() and not report.ok


def test_real_tables_ct_small_is_checked_against_the_ct_image_iod() -> None:
    name = sample_str("CT_small.dcm")
    report = validate(name)
    assert report.iod == "CT Image"
    ds = dicomkit.read(name)
    del ds.PatientID
    dropped = validate(ds)
    assert ("type2-missing", p("PatientID")) in found(dropped)


def test_real_tables_item_counts_stated_for_non_conditional_sequences_are_checked() -> None:
    """Breed Registry Code Sequence (Patient Module, type 1 inside Breed Registration Sequence)
    says "Only a single Item shall be included": two items are an error, one is not."""
    name = sample_str("CT_small.dcm")

    def with_codes(n: int) -> Report:
        ds = dicomkit.read(name)
        code = Dataset()
        code.CodeValue, code.CodingSchemeDesignator, code.CodeMeaning = "109200", "DCM", "x"
        registration = Dataset()
        registration.BreedRegistrationNumber = "123"
        registration.BreedRegistryCodeSequence = Sequence([code.copy() for _ in range(n)])
        ds.BreedRegistrationSequence = Sequence([registration])
        return validate(ds)

    rule = "sequence-items"
    assert any(f.rule == rule and "BreedRegistryCodeSequence" not in f.path
               and f.path.endswith("(0010,2296)") for f in with_codes(2).findings)
    assert not any(f.rule == rule and f.path.endswith("(0010,2296)")
                   for f in with_codes(1).findings)


def test_values_listed_for_one_value_index_are_checked_at_that_index() -> None:
    """PS3.3 C.8.20-2 (Segmentation Image Module): "Value 1 shall be DERIVED. Value 2 shall be
    PRIMARY." read per value index from the generated table; pydicom's liver_1frame.dcm has
    DERIVED\\PRIMARY."""
    import dicomkit
    from dicomkit.validate import validate
    from tests.samples import sample

    def image_type_findings(value: list[str]) -> list[tuple[str, str]]:
        ds = dicomkit.read(sample("liver_1frame.dcm"))
        ds.ImageType = value
        return [(f.rule, f.message) for f in validate(ds).findings if f.path == "(0008,0008)"
                and f.rule in ("enumerated-value", "defined-term")]

    assert image_type_findings(["DERIVED", "PRIMARY"]) == []
    found = image_type_findings(["ORIGINAL", "PRIMARY"])
    assert [rule for rule, _ in found] == ["enumerated-value"]
    assert "Value 1 'ORIGINAL'" in found[0][1] and "DERIVED" in found[0][1]
    assert [rule for rule, _ in image_type_findings(["DERIVED", "SECONDARY"])] == \
        ["enumerated-value"]
    assert image_type_findings(["DERIVED"]) == []  # a missing Value 2 is the VM's business
