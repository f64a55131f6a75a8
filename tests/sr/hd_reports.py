"""highdicom 0.28 TID 1500 reports (Comprehensive3DSR + MeasurementReport): the independent peer."""

from __future__ import annotations

import functools
import io

import pytest

import dicomkit
from dicomkit.sr.content import ContentItem, read_content_tree
from tests.samples import sample


@functools.cache
def report_bytes(n: int) -> bytes:
    """A highdicom Comprehensive 3D SR with *n* TID 1410 planar ROI groups over CT_small."""
    hd = pytest.importorskip("highdicom")
    import numpy as np
    import pydicom
    from pydicom.sr.codedict import codes

    src = pydicom.dcmread(sample("CT_small.dcm"))
    obs = hd.sr.ObserverContext(
        observer_type=codes.DCM.Person,
        observer_identifying_attributes=hd.sr.PersonObserverIdentifyingAttributes(name="Foo^Bar"))
    ctx = hd.sr.ObservationContext(observer_person_context=obs)
    ref = hd.sr.SourceImageForRegion.from_source_image(src)
    groups = []
    for i in range(n):
        region = hd.sr.ImageRegion(graphic_type=hd.sr.GraphicTypeValues.POINT,
                                   graphic_data=np.array([[10.0, 10.0]]), source_image=ref)
        tracking = hd.sr.TrackingIdentifier(identifier=f"lesion {i}", uid=hd.UID())
        m = hd.sr.Measurement(name=codes.SCT.Area, value=1.0 + i, unit=codes.UCUM.SquareMillimeter)
        groups.append(hd.sr.PlanarROIMeasurementsAndQualitativeEvaluations(
            tracking_identifier=tracking, referenced_region=region, measurements=[m],
            finding_type=codes.SCT.Nodule, finding_sites=[hd.sr.FindingSite(codes.SCT.Lung)]))
    report = hd.sr.MeasurementReport(observation_context=ctx,
                                     procedure_reported=codes.LN.CTUnspecifiedBodyRegion,
                                     imaging_measurements=groups)
    sr = hd.sr.Comprehensive3DSR(evidence=[src], content=report[0], series_number=1,
                                 series_instance_uid=hd.UID(), sop_instance_uid=hd.UID(),
                                 instance_number=1, manufacturer="dicomkit tests")
    out = io.BytesIO()
    sr.save_as(out)
    return out.getvalue()


def report_tree(n: int = 2) -> ContentItem:
    """A fresh dicomkit content tree of :func:`report_bytes` (tests may mutate it)."""
    return read_content_tree(dicomkit.read(report_bytes(n)))
