"""Cross-attribute rules: file meta (PS3.10 7.1), UID reuse (PS3.5 9), SR evidence (C.17.2.3)."""

from __future__ import annotations

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.validate import validate
from dicomkit.validate.consistency import check_consistency
from dicomkit.validate.report import Report
from tests.samples import sample


def rules(ds: Dataset) -> list[tuple[str, str]]:
    report = Report()
    check_consistency(ds, report)
    return [(f.rule, f.path) for f in report.findings]


def test_a_consistent_file_has_no_finding() -> None:
    assert rules(dicomkit.read(sample("CT_small.dcm"))) == []


def test_media_storage_instance_uid_differing_from_the_data_set() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    ds.SOPInstanceUID = "1.2.3.4"
    assert rules(ds) == [("file-meta", "(0002,0003)")]
    assert ("file-meta", "(0002,0003)") in [(f.rule, f.path) for f in
                                            validate(sample("rtplan.dcm")).findings]


def test_one_uid_for_study_and_frame_of_reference() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    ds.FrameOfReferenceUID = ds.StudyInstanceUID
    assert rules(ds) == [("uid-reuse", "(0020,0052)")]


def _sr(listed: bool) -> Dataset:
    ds = dicomkit.read(sample("reportsi.dcm"))
    refs: list[Dataset] = []

    def walk(items: Sequence) -> None:
        for item in items:
            if "ReferencedSOPSequence" in item:
                refs.extend(item.ReferencedSOPSequence)
            if "ContentSequence" in item:
                walk(item.ContentSequence)

    walk(ds.ContentSequence)
    assert refs
    if listed:
        series = Dataset()
        series.SeriesInstanceUID = "1.2.3.4.5"
        series.ReferencedSOPSequence = Sequence(
            [_ref(r.ReferencedSOPClassUID, r.ReferencedSOPInstanceUID) for r in refs])
        study = Dataset()
        study.StudyInstanceUID = "1.2.3.4"
        study.ReferencedSeriesSequence = Sequence([series])
        ds.PertinentOtherEvidenceSequence = Sequence([study])
    return ds


def _ref(sop_class: str, instance: str) -> Dataset:
    ref = Dataset()
    ref.ReferencedSOPClassUID = sop_class
    ref.ReferencedSOPInstanceUID = instance
    return ref


def test_sr_content_references_must_be_in_an_evidence_sequence() -> None:
    found = rules(_sr(listed=False))
    assert found and {r for r, _ in found} == {"sr-evidence"}
    assert all(p.startswith("(0040,A730)[") and p.endswith("(0008,1155)") for _, p in found)
    assert rules(_sr(listed=True)) == []
