"""Tests of dicomkit.sr.tid1500: TID 1500 Measurement Reports built from generated template rows."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import dicomkit
from dicomkit.generated import uids
from dicomkit.sr import Code, SRDocument, SRError
from dicomkit.sr.tid1500 import (
    ImageRegion,
    Measurement,
    MeasurementGroup,
    MeasurementReport,
    choose_sop_class,
    context_group_code,
    image_reference,
    row_concept,
)
from tests.sr.tid1500_cases import AREA, CT_CHEST, MM2, build_report, ct_small


def test_row_concept_takes_concept_and_relationship_from_the_generated_template() -> None:
    concept, rel = row_concept("1501", "112039", "TEXT")
    assert (concept.scheme, concept.value, concept.meaning) == ("DCM", "112039", "Tracking Identifier")
    assert rel == "HAS OBS CONTEXT"
    group, _ = row_concept("1501", "125007", "CONTAINER")
    assert group.meaning == "Measurement Group"


def test_row_concept_fails_loudly_for_a_row_the_template_lacks() -> None:
    with pytest.raises(SRError, match="TID 1501"):
        row_concept("1501", "999999", "TEXT")
    with pytest.raises(SRError, match="TID 1501"):
        row_concept("1501", "112039", "CODE")  # right concept, wrong value type
    with pytest.raises(SRError, match="99999"):
        row_concept("99999", "125007", "CONTAINER")


def test_default_title_is_imaging_measurement_report_from_cid_7021() -> None:
    title = context_group_code(7021, "126000")
    assert (title.scheme, title.meaning) == ("DCM", "Imaging Measurement Report")
    root = build_report(ct_small()).to_content()
    assert root.concept == title and root.template == "1500" and root.value_type == "CONTAINER"


def test_report_tree_has_language_observers_procedure_and_three_groups() -> None:
    root = build_report(ct_small()).to_content()
    kinds = [(c.relationship, c.value_type, c.concept.value if c.concept else "") for c in root.children]
    assert ("HAS CONCEPT MOD", "CODE", "121049") in kinds
    assert ("HAS OBS CONTEXT", "PNAME", "121008") in kinds
    assert ("HAS OBS CONTEXT", "UIDREF", "121012") in kinds
    assert ("HAS CONCEPT MOD", "CODE", "121058") in kinds
    imaging = [c for c in root.children if c.concept is not None and c.concept.value == "126010"]
    assert len(imaging) == 1
    groups = imaging[0].children
    assert [g.concept.value for g in groups if g.concept] == ["125007"] * 3
    planar = groups[1]
    scoord = [c for c in planar.children if c.value_type == "SCOORD"]
    assert len(scoord) == 1 and scoord[0].children[0].relationship == "SELECTED FROM"
    nums = [c for c in planar.children if c.value_type == "NUM"]
    assert [n.concept for n in nums if n.concept] == [AREA, Code("103339001", "SCT", "Long Axis")]
    assert all(n.relationship == "CONTAINS" for n in nums)


def test_sop_class_follows_the_value_types_used() -> None:
    ct = ct_small()
    assert choose_sop_class(build_report(ct).groups) == uids.ComprehensiveSRStorage
    assert choose_sop_class(build_report(ct, with_3d=True).groups) == uids.Comprehensive3DSRStorage


@pytest.mark.parametrize("sop", ["EnhancedSRStorage", "ComprehensiveSRStorage"])
def test_scoord3d_in_a_class_without_it_raises(sop: str) -> None:
    with pytest.raises(SRError, match="SCOORD3D"):
        build_report(ct_small(), with_3d=True).to_document(sop_class_uid=getattr(uids, sop))


def test_non_sr_sop_class_raises() -> None:
    with pytest.raises(SRError, match="cannot hold"):
        build_report(ct_small()).to_document(sop_class_uid=uids.CTImageStorage)


def test_planar_group_with_two_regions_raises() -> None:
    ref = image_reference(ct_small())
    report = MeasurementReport(procedure_reported=CT_CHEST)
    report.add_group(MeasurementGroup("x", roi=[ImageRegion("POINT", (1.0, 1.0), ref)] * 2,
                                      measurements=[Measurement(AREA, 1, MM2)]))
    with pytest.raises(SRError, match="TID 1410"):
        report.to_content()


def test_enhanced_sr_document_without_scoord3d_is_created() -> None:
    doc = build_report(ct_small()).to_document(sop_class_uid=uids.EnhancedSRStorage,
                                                evidence=[ct_small()])
    assert str(doc.to_dataset().SOPClassUID) == uids.EnhancedSRStorage


def _documents() -> list[tuple[str, SRDocument]]:
    ct = ct_small()
    return [("comprehensive", build_report(ct).to_document(evidence=[ct])),
            ("comprehensive3d", build_report(ct, with_3d=True).to_document(evidence=[ct])),
            ("enhanced", build_report(ct).to_document(sop_class_uid=uids.EnhancedSRStorage,
                                                      evidence=[ct]))]


def test_documents_pass_the_dicomkit_iod_validator(tmp_path: Path) -> None:
    from dicomkit.validate import validate

    for name, doc in _documents():
        path = tmp_path / f"{name}.dcm"
        dicomkit.write(path, doc.to_dataset())
        report = validate(path)
        errors = [f for f in report.findings if f.severity == "error"]
        assert errors == [], name


def test_documents_pass_dciodvfy_without_errors(tmp_path: Path) -> None:
    exe = shutil.which("dciodvfy")
    if exe is None:
        from tests.conftest import missing
        missing("dciodvfy (dicom3tools)")
    for name, doc in _documents():
        path = tmp_path / f"{name}.dcm"
        dicomkit.write(path, doc.to_dataset())
        out = subprocess.run([str(exe), str(path)], capture_output=True, text=True, check=False)
        errors = [line for line in (out.stdout + out.stderr).splitlines() if line.startswith("Error")]
        assert errors == [], (name, out.stderr)


def test_documents_validate_against_tid_1500_without_errors() -> None:
    import dicomkit.sr.validate as validate_mod
    ct = ct_small()
    report = build_report(ct, with_3d=True)
    report.language = None
    report.groups = [g for g in report.groups if g.tracking_id != "lesion 2"]
    for sop in (uids.Comprehensive3DSRStorage, uids.ExtensibleSRStorage):
        findings = validate_mod.validate_template(report.to_document(sop_class_uid=sop, evidence=[ct]),
                                                  "1500")
        errors = [f for f in findings if f.severity == "error"]
        assert errors == [], (sop, errors)


def test_documents_with_language_and_volumetric_regions_validate_against_tid_1500() -> None:
    import dicomkit.sr.validate as validate_mod
    for name, doc in _documents():
        errors = [f for f in validate_mod.validate_template(doc, "1500") if f.severity == "error"]
        assert errors == [], (name, errors)
