"""Shared builders for the TID 1500 tests: one report of each group kind over pydicom's CT_small."""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.sr import Code
from dicomkit.sr.tid1500 import (
    DeviceObserver,
    ImageRegion,
    ImageRegion3D,
    Measurement,
    MeasurementGroup,
    MeasurementReport,
    PersonObserver,
    QualitativeEvaluation,
    image_reference,
)
from tests.sr.samples import pydicom_sample

# Codes the user passes (not template rows): UCUM units, SCT findings and sites, LOINC procedure.
MM = Code("mm", "UCUM", "millimeter")
MM2 = Code("mm2", "UCUM", "square millimeter")
HU = Code("[hnsf'U]", "UCUM", "Hounsfield unit")
LONG_AXIS = Code("103339001", "SCT", "Long Axis")
AREA = Code("42798000", "SCT", "Area")
MEAN = Code("373098007", "SCT", "Mean")
VOLUME = Code("118565006", "SCT", "Volume")
MM3 = Code("mm3", "UCUM", "cubic millimeter")
NODULE = Code("27925004", "SCT", "Nodule")
LUNG = Code("39607008", "SCT", "Lung")
LIVER = Code("10200004", "SCT", "Liver")
CT_CHEST = Code("25045-6", "LN", "CT unspecified body region")
MANUAL = Code("102", "99TEST", "manual tracing")
CALCIFICATION = Code("246501002", "SCT", "Calcification")
PRESENT = Code("52101004", "SCT", "Present")
FOR_UID = "1.2.826.0.1.3680043.8.498.1"


def ct_small() -> Dataset:
    """pydicom's CT_small.dcm read by dicomkit (skips when the sample is absent)."""
    return _ct_small(str(ct_small_path()))


@functools.cache
def _ct_small(path: str) -> Dataset:
    return dicomkit.read(path)  # read once: the tests only read from it


def ct_small_path() -> Path:
    return Path(pydicom_sample("CT_small.dcm"))


def build_report(ct: Dataset, *, with_3d: bool = False) -> MeasurementReport:
    """A report with a TID 1501 group, a TID 1410 SCOORD group, a TID 1411 group (and a SCOORD3D one)."""
    ref = image_reference(ct)
    report = MeasurementReport(
        procedure_reported=CT_CHEST,
        language=Code("en-US", "RFC5646", "English (United States)"),
        observers=[PersonObserver("Doe^Jane", organization="Test Hospital"),
                   DeviceObserver("1.2.826.0.1.3680043.8.498.2", name="measurer")],
    )
    report.add_group(MeasurementGroup(
        tracking_id="whole image", tracking_uid="1.2.826.0.1.3680043.8.498.10",
        source_images=[ref], finding_type=NODULE, finding_sites=[LUNG],
        measurements=[Measurement(MEAN, Decimal("-12.5"), HU)],
        qualitative=[QualitativeEvaluation(CALCIFICATION, PRESENT)]))
    report.add_group(MeasurementGroup(
        tracking_id="lesion 1", tracking_uid="1.2.826.0.1.3680043.8.498.11", finding_type=NODULE,
        roi=ImageRegion("POLYLINE", (10.0, 10.0, 20.0, 10.0, 20.0, 20.0, 10.0, 10.0), ref),
        measurements=[Measurement(AREA, Decimal("100"), MM2, finding_sites=[LUNG]),
                      Measurement(LONG_AXIS, Decimal("14.1421356237"), MM)]))
    report.add_group(MeasurementGroup(
        tracking_id="lesion 2", tracking_uid="1.2.826.0.1.3680043.8.498.12", finding_type=NODULE,
        roi=[ImageRegion("CIRCLE", (30.0, 30.0, 35.0, 30.0), ref),
             ImageRegion("CIRCLE", (31.0, 30.0, 35.0, 30.0), ref)], volumetric=True,
        measurements=[Measurement(VOLUME, Decimal("523.6"), MM3)]))
    if with_3d:
        report.add_group(MeasurementGroup(
            tracking_id="lesion 3", tracking_uid="1.2.826.0.1.3680043.8.498.13", finding_type=NODULE,
            finding_sites=[LIVER],
            roi=ImageRegion3D("POLYGON", (0.0, 0.0, 1.0, 5.0, 0.0, 1.0, 5.0, 5.0, 1.0, 0.0, 0.0, 1.0),
                              FOR_UID),
            measurements=[Measurement(AREA, Decimal("12.5"), MM2)]))
    return report
