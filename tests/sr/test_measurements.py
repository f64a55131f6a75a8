"""Tests of dicomkit.sr.measurements: flat measurement records out of TID 1500 documents."""

from __future__ import annotations

import io
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.sr import Code, SRDocument
from dicomkit.sr.measurements import extract_measurements, extract_qualitative, measurement_groups
from dicomkit.sr.tid1500 import (
    ImageRegion,
    Measurement,
    MeasurementGroup,
    MeasurementReport,
    SegmentReference,
    image_reference,
)
from tests.sr.tid1500_cases import (
    AREA,
    CALCIFICATION,
    CT_CHEST,
    HU,
    LONG_AXIS,
    LUNG,
    MANUAL,
    MM,
    MM2,
    NODULE,
    PRESENT,
    build_report,
    ct_small,
)


def _round_trip(doc: SRDocument) -> SRDocument:
    buf = io.BytesIO()
    dicomkit.write(buf, doc.to_dataset())
    return SRDocument.from_dataset(dicomkit.read(buf.getvalue()))


def test_extract_from_built_tree_gives_each_measurement_with_its_group_context() -> None:
    ct = ct_small()
    records = extract_measurements(build_report(ct).to_content())
    assert [(r.group_index, r.tracking_identifier, r.concept, r.value, r.units) for r in records] == [
        (0, "whole image", Code("373098007", "SCT", "Mean"), Decimal("-12.5"), HU),
        (1, "lesion 1", AREA, Decimal("100"), MM2),
        (1, "lesion 1", LONG_AXIS, Decimal("14.1421356237"), MM),
        (2, "lesion 2", Code("118565006", "SCT", "Volume"), Decimal("523.6"),
         Code("mm3", "UCUM", "cubic millimeter")),
    ]
    assert [r.template for r in records] == ["1501", "1410", "1410", "1411"]
    assert records[0].finding_sites == (LUNG,) and records[1].finding_sites == (LUNG,)
    assert records[2].finding_sites == ()
    assert all(r.finding_type == NODULE for r in records)
    uid = str(ct.SOPInstanceUID)
    assert all(r.referenced_images == ((uid, ()),) for r in records)
    assert [r.roi_graphic_type for r in records] == ["", "POLYLINE", "POLYLINE", "CIRCLE"]
    assert records[1].tracking_uid == "1.2.826.0.1.3680043.8.498.11"


def test_extract_after_write_and_read_equals_extract_before() -> None:
    doc = build_report(ct_small(), with_3d=True).to_document(evidence=[ct_small()])
    assert extract_measurements(_round_trip(doc)) == extract_measurements(doc.root)
    assert extract_measurements(doc.to_dataset()) == extract_measurements(doc)


def test_extract_qualitative_gives_coded_evaluations() -> None:
    quals = extract_qualitative(build_report(ct_small()).to_content())
    assert [(q.group_index, q.tracking_identifier, q.concept, q.value) for q in quals] == [
        (0, "whole image", CALCIFICATION, PRESENT)]


def test_segment_reference_is_reported_as_referenced_segment() -> None:
    ct = ct_small()
    seg = image_reference(ct, segments=(3,))
    report = MeasurementReport(procedure_reported=CT_CHEST)
    report.add_group(MeasurementGroup("seg", roi=SegmentReference(seg, str(ct.SeriesInstanceUID)),
                                      volumetric=True, method=MANUAL,
                                      measurements=[Measurement(AREA, 2, MM2)]))
    (rec,) = extract_measurements(report.to_content())
    assert rec.referenced_segments == ((str(ct.SOPInstanceUID), (3,)),)
    assert rec.template == "1411" and rec.method == MANUAL


def test_document_without_measurement_groups_extracts_nothing() -> None:
    report = MeasurementReport(procedure_reported=CT_CHEST)
    assert measurement_groups(report.to_content()) == []
    assert extract_measurements(report.to_content()) == []


_code = st.builds(lambda v, m: Code(v, "99TEST", m), st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True),
                  st.from_regex(r"[a-z][a-z ]{0,20}[a-z]", fullmatch=True))
_value = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4, allow_nan=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# tracking identifiers without trailing spaces: TEXT values are padded, and trailing spaces are
# not significant (PS3.5 6.2, UT)
@given(groups=st.lists(st.tuples(st.from_regex(r"[a-z]([a-z0-9 ]{0,14}[a-z0-9])?", fullmatch=True),
                                 st.lists(st.tuples(_code, _value), min_size=1, max_size=4),
                                 st.booleans()),
                       min_size=1, max_size=4))
def test_build_write_read_extract_returns_what_was_put_in(
        groups: list[tuple[str, list[tuple[Code, Decimal]], bool]]) -> None:
    ct = ct_small()
    ref = image_reference(ct)
    report = MeasurementReport(procedure_reported=CT_CHEST)
    for tracking, ms, planar in groups:
        report.add_group(MeasurementGroup(
            tracking, roi=ImageRegion("POINT", (5.0, 6.0), ref) if planar else None,
            source_images=() if planar else [ref],
            measurements=[Measurement(c, v, MM) for c, v in ms]))
    doc = _round_trip(report.to_document(evidence=[ct]))
    got = [(r.group_index, r.tracking_identifier, r.concept, r.units, r.value)
           for r in extract_measurements(doc)]
    want = [(i, t, c, MM, v) for i, (t, ms, _) in enumerate(groups) for c, v in ms]
    assert [g[:4] for g in got] == [w[:4] for w in want]
    assert all(g[4] == w[4] for g, w in zip(got, want, strict=True))
    assert [r.concept.meaning for r in extract_measurements(doc)] == [c.meaning for _, ms, _ in groups
                                                                     for c, _ in ms]
