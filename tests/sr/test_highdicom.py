"""TID 1500 interoperability with highdicom 0.28 (an independent implementation), both ways."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.sr import Code, SRDocument
from dicomkit.sr.measurements import extract_measurements, extract_qualitative
from tests.sr.tid1500_cases import build_report, ct_small, ct_small_path

hd = pytest.importorskip("highdicom")
pydicom = pytest.importorskip("pydicom")


def _hcode(c: Code) -> Any:
    return hd.sr.CodedConcept(c.value, c.scheme, c.meaning)


def _ours(c: Any) -> Code:
    return Code(str(c.value), str(c.scheme_designator), str(c.meaning))


def highdicom_report(ct: Any, n_groups: int = 1, n_measurements: int = 2) -> Any:
    """A highdicom Comprehensive 3D SR with planar, volumetric and image-level groups."""
    sr = hd.sr
    mm = sr.CodedConcept("mm", "UCUM", "millimeter")
    src = sr.SourceImageForRegion.from_source_image(ct)
    groups: list[Any] = []
    for g in range(n_groups):
        ms = [sr.Measurement(name=sr.CodedConcept(f"M{k}", "99TEST", f"measure {k}"), value=k + 0.5 * g,
                             unit=mm,
                             finding_sites=[sr.FindingSite(sr.CodedConcept("39607008", "SCT", "Lung"))]
                             if k == 0 else None,
                             method=sr.CodedConcept("102", "99TEST", "manual") if k == 1 else None)
              for k in range(n_measurements)]
        groups.append(sr.PlanarROIMeasurementsAndQualitativeEvaluations(
            tracking_identifier=sr.TrackingIdentifier(uid=hd.UID(), identifier=f"planar {g}"),
            referenced_region=sr.ImageRegion(graphic_type=sr.GraphicTypeValues.POLYLINE,
                                             graphic_data=np.array([[1.0, 1.0], [5.0, 1.0], [5.0, 5.0],
                                                                    [1.0, 1.0]]),
                                             source_image=src),
            finding_type=sr.CodedConcept("27925004", "SCT", "Nodule"),
            measurements=ms,
            qualitative_evaluations=[sr.QualitativeEvaluation(
                sr.CodedConcept("246501002", "SCT", "Calcification"),
                sr.CodedConcept("52101004", "SCT", "Present"))]))
    groups.append(sr.VolumetricROIMeasurementsAndQualitativeEvaluations(
        tracking_identifier=sr.TrackingIdentifier(uid=hd.UID(), identifier="volume"),
        referenced_regions=[sr.ImageRegion(graphic_type=sr.GraphicTypeValues.CIRCLE,
                                           graphic_data=np.array([[10.0, 10.0], [12.0, 10.0]]),
                                           source_image=src),
                           sr.ImageRegion(graphic_type=sr.GraphicTypeValues.CIRCLE,
                                          graphic_data=np.array([[11.0, 10.0], [12.0, 10.0]]),
                                          source_image=src)],
        measurements=[sr.Measurement(name=sr.CodedConcept("118565006", "SCT", "Volume"), value=33.5,
                                     unit=sr.CodedConcept("mm3", "UCUM", "cubic millimeter"))]))
    groups.append(sr.MeasurementsAndQualitativeEvaluations(
        tracking_identifier=sr.TrackingIdentifier(uid=hd.UID(), identifier="image"),
        source_images=[sr.SourceImageForMeasurementGroup.from_source_image(ct)],
        measurements=[sr.Measurement(name=sr.CodedConcept("373098007", "SCT", "Mean"), value=-7.25,
                                     unit=sr.CodedConcept("[hnsf'U]", "UCUM", "Hounsfield unit"))]))
    observer = sr.ObserverContext(observer_type=sr.CodedConcept("121006", "DCM", "Person"),
                                  observer_identifying_attributes=sr.PersonObserverIdentifyingAttributes(
                                      name="Doe^John"))
    report = sr.MeasurementReport(
        observation_context=sr.ObservationContext(observer_person_context=observer),
        procedure_reported=sr.CodedConcept("25045-6", "LN", "CT unspecified body region"),
        imaging_measurements=groups)
    return report, groups


def _hd_records(groups: list[Any]) -> list[tuple[int, str, Code, Decimal, Code]]:
    out = []
    for i, g in enumerate(groups):
        for m in g.get_measurements():
            out.append((i, str(g.tracking_identifier), _ours(m.name), Decimal(str(m.value)), _ours(m.unit)))
    return out


def test_highdicom_document_extracts_to_the_same_measurements() -> None:
    ct = pydicom.dcmread(str(ct_small_path()))
    report, groups = highdicom_report(ct, n_groups=2, n_measurements=3)
    doc = hd.sr.Comprehensive3DSR(evidence=[ct], content=report, series_instance_uid=hd.UID(),
                                  series_number=9, sop_instance_uid=hd.UID(), instance_number=1,
                                  manufacturer="test")
    buf = io.BytesIO()
    doc.save_as(buf)
    ours = SRDocument.from_dataset(dicomkit.read(buf.getvalue()))
    records = extract_measurements(ours)
    got = [(r.group_index, r.tracking_identifier, r.concept, r.value, r.units) for r in records]
    assert got == _hd_records(groups)
    assert len(records) == 2 * 3 + 2
    assert [r.template for r in records] == ["1410"] * 6 + ["1411", "1501"]
    assert records[0].finding_sites == (Code("39607008", "SCT", "Lung"),)
    assert records[1].method == Code("102", "99TEST", "manual")
    assert records[0].finding_type == Code("27925004", "SCT", "Nodule")
    uid = str(ct.SOPInstanceUID)
    assert all(r.referenced_images == ((uid, ()),) for r in records)
    assert records[0].roi_graphic_type == "POLYLINE" and records[6].roi_graphic_type == "CIRCLE"
    quals = extract_qualitative(ours)
    assert [(q.group_index, q.value) for q in quals] == [(0, Code("52101004", "SCT", "Present")),
                                                          (1, Code("52101004", "SCT", "Present"))]


def test_our_document_is_read_back_by_highdicom_with_the_same_measurements() -> None:
    ct = ct_small()
    ours = build_report(ct, with_3d=True).to_document(evidence=[ct])
    buf = io.BytesIO()
    dicomkit.write(buf, ours.to_dataset())
    ds = pydicom.dcmread(io.BytesIO(buf.getvalue()))
    theirs = hd.sr.srread(io.BytesIO(buf.getvalue())) if hasattr(hd.sr, "srread") else \
        hd.sr.Comprehensive3DSR.from_dataset(ds)
    report = theirs.content
    hd_groups = (list(report.get_image_measurement_groups())
                 + list(report.get_planar_roi_measurement_groups())
                 + list(report.get_volumetric_roi_measurement_groups()))
    hd_meas = sorted((str(g.tracking_uid), _ours(m.name).value, Decimal(str(m.value)), _ours(m.unit).value)
                     for g in hd_groups for m in g.get_measurements())
    our_meas = sorted((r.tracking_uid, r.concept.value, r.value, r.units.value if r.units else "")
                      for r in extract_measurements(ours))
    assert hd_meas == our_meas
    assert len(report.get_planar_roi_measurement_groups()) == 2
    assert len(report.get_volumetric_roi_measurement_groups()) == 1
    assert len(report.get_image_measurement_groups()) == 1
    (g,) = report.get_planar_roi_measurement_groups(tracking_uid="1.2.826.0.1.3680043.8.498.11")
    assert str(g.tracking_identifier) == "lesion 1"
    assert g.finding_type is not None and g.finding_type.value == "27925004"
