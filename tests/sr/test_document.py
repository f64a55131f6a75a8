"""SRDocument: SR instances around a content tree (PS3.3 A.35, C.17.1, C.17.2)."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.generated import uids
from dicomkit.sr import Code, ContentItem, NumValue, Reference, SRDocument, SRError
from tests.sr.samples import pydicom_sample

TITLE = Code("126000", "DCM", "Imaging Measurement Report")


def _ct() -> Dataset:
    return dicomkit.read(pydicom_sample("CT_small.dcm"))


def _tree(ct: Dataset) -> ContentItem:
    root = ContentItem("CONTAINER", concept=TITLE, template="")
    root.add(ContentItem("TEXT", "CONTAINS", Code("121071", "DCM", "Finding"), "Ünïcode text"))
    root.add(ContentItem("NUM", "CONTAINS", Code("410668003", "SCT", "Length"),
                         NumValue(Decimal("12.5"), Code("mm", "UCUM", "millimeter"))))
    root.add(ContentItem("IMAGE", "CONTAINS", Code("121112", "DCM", "Source of Measurement"),
                         Reference(str(ct.SOPClassUID), str(ct.SOPInstanceUID))))
    return root


@pytest.mark.parametrize("sop", ["ComprehensiveSRStorage", "Comprehensive3DSRStorage",
                                 "EnhancedSRStorage"])
def test_created_documents_pass_our_validator_and_dciodvfy(sop: str, tmp_path: Path) -> None:
    from dicomkit.validate import validate

    ct = _ct()
    doc = SRDocument.create(_tree(ct), sop_class_uid=getattr(uids, sop), evidence=[ct])
    path = tmp_path / "sr.dcm"
    doc.save(path)
    report = validate(path)
    assert [f for f in report.findings if f.severity == "error"] == []
    exe = shutil.which("dciodvfy")
    if exe is None:
        from tests.conftest import missing
        missing("dciodvfy (dicom3tools)")
    out = subprocess.run([str(exe), str(path)], capture_output=True, text=True, check=False)
    assert [ln for ln in (out.stdout + out.stderr).splitlines() if ln.startswith("Error")] == []


def test_created_documents_read_back_with_the_same_tree_and_patient_and_study_of_the_source(
        tmp_path: Path) -> None:
    ct = _ct()
    when = datetime.datetime(2026, 11, 28, 9, 30, 5)
    doc = SRDocument.create(_tree(ct), evidence=[ct], content_datetime=when, instance_number=7)
    doc.save(tmp_path / "sr.dcm")
    back = SRDocument.read(tmp_path / "sr.dcm")
    assert back.root == doc.root
    ds = back.dataset
    assert str(ds.PatientID) == str(ct.PatientID)
    assert str(ds.StudyInstanceUID) == str(ct.StudyInstanceUID)
    assert str(ds.SeriesInstanceUID) != str(ct.SeriesInstanceUID)
    assert (str(ds.ContentDate), str(ds.ContentTime)) == ("20261128", "093005")
    assert ds.Modality == "SR" and ds.InstanceNumber == 7
    ev = ds.CurrentRequestedProcedureEvidenceSequence
    assert len(ev) == 1 and str(ev[0].StudyInstanceUID) == str(ct.StudyInstanceUID)
    refs = ev[0].ReferencedSeriesSequence[0].ReferencedSOPSequence
    assert [str(r.ReferencedSOPInstanceUID) for r in refs] == [str(ct.SOPInstanceUID)]


def test_evidence_is_grouped_by_study_and_series_without_duplicates() -> None:
    ct = _ct()
    other = _ct()
    other.SOPInstanceUID = "1.2.3.4.5.6"
    other.SeriesInstanceUID = "1.2.3.4.5"
    ds = SRDocument.create(_tree(ct), evidence=[ct, other, ct]).to_dataset()
    series = ds.CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence
    assert sorted(len(s.ReferencedSOPSequence) for s in series) == [1, 1]


def test_without_source_or_evidence_patient_and_study_are_empty_type_2_and_a_new_study() -> None:
    ds = SRDocument.create(ContentItem("CONTAINER", concept=TITLE)).to_dataset()
    assert ds.PatientName in ("", None) and ds.PatientID in ("", None)
    assert str(ds.StudyInstanceUID).startswith("2.25.")
    assert "CurrentRequestedProcedureEvidenceSequence" not in [e.keyword for e in ds.elements()]


def test_create_refuses_what_cannot_be_an_sr_document() -> None:
    with pytest.raises(SRError, match="not an SR Storage SOP Class"):
        SRDocument.create(ContentItem("CONTAINER", concept=TITLE), sop_class_uid=uids.CTImageStorage)
    with pytest.raises(SRError, match="CONTAINER with a concept name"):
        SRDocument.create(ContentItem("TEXT", concept=TITLE, value="x"))
    with pytest.raises(SRError, match="Completion Flag"):
        SRDocument.create(ContentItem("CONTAINER", concept=TITLE), completion_flag="DONE")
    with pytest.raises(SRError, match="Verifying Observer"):
        SRDocument.create(ContentItem("CONTAINER", concept=TITLE), verification_flag="VERIFIED")


def test_evidence_without_uids_names_the_instance() -> None:
    with pytest.raises(SRError, match="evidence instance 0"):
        SRDocument.create(ContentItem("CONTAINER", concept=TITLE), evidence=[Dataset()])


def test_to_dataset_twice_gives_the_same_content() -> None:
    doc = SRDocument.create(_tree(_ct()))
    first = doc.to_dataset().ContentSequence
    assert len(first) == 3
    doc.root.add(ContentItem("TEXT", "CONTAINS", Code("121071", "DCM", "Finding"), "more"))
    assert len(doc.to_dataset().ContentSequence) == 4
