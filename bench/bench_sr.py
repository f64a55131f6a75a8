"""Benchmark: building and writing a TID 1500 Measurement Report, dicomkit against highdicom.

Run: ``python bench/bench_sr.py [--groups N] [--per-group N] [--repeat N] [--profile]``.

The report has ``--groups`` planar ROI groups (TID 1410, one SCOORD polyline on pydicom's CT_small
each) of ``--per-group`` TID 300 measurements: 100 x 10 = 1,000 measurements by default. Timed, in
the same process and run: dicomkit building the report, the SR document and its encoded bytes
(``MeasurementReport`` -> ``to_document`` -> ``dicomkit.write``); highdicom 0.28 building the same
report (``MeasurementReport`` of ``PlanarROIMeasurementsAndQualitativeEvaluations``,
``ComprehensiveSR``) and ``save_as`` to bytes. Also timed alone: dicomkit's TID 1500 template
validation and measurement extraction of the built document. Printed: median seconds and the ratio
highdicom/dicomkit (higher is better; target >= 5).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import dicomkit
from dicomkit.sr import Code
from dicomkit.sr.measurements import extract_measurements
from dicomkit.sr.tid1500 import (
    ImageRegion,
    Measurement,
    MeasurementGroup,
    MeasurementReport,
    PersonObserver,
    image_reference,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.samples
import tests.samples  # noqa: E402 - pydicom's bundled files, checked against their pins

_POLY = (1.0, 1.0, 5.0, 1.0, 5.0, 5.0, 1.0, 1.0)


def ct_path() -> str:
    """pydicom's CT_small.dcm, the source image of every region."""
    return tests.samples.sample_str("CT_small.dcm")


def build_dicomkit(ct: dicomkit.Dataset, groups: int, per_group: int) -> bytes:
    """Build the report with dicomkit and encode it."""
    mm = Code("mm", "UCUM", "millimeter")
    nodule = Code("27925004", "SCT", "Nodule")
    ref = image_reference(ct)
    report = MeasurementReport(procedure_reported=Code("25045-6", "LN", "CT unspecified body region"),
                               observers=[PersonObserver("Doe^Jane")])
    for g in range(groups):
        report.add_group(MeasurementGroup(
            f"lesion {g}", finding_type=nodule, roi=ImageRegion("POLYLINE", _POLY, ref),
            measurements=[Measurement(Code(f"M{k}", "99TEST", f"measure {k}"), Decimal(k) + g, mm)
                          for k in range(per_group)]))
    doc = report.to_document(evidence=[ct])
    buf = io.BytesIO()
    dicomkit.write(buf, doc.to_dataset())
    return buf.getvalue()


def build_highdicom(ct: Any, groups: int, per_group: int) -> bytes:
    """Build the same report with highdicom and serialize it with pydicom."""
    import highdicom as hd
    import numpy as np

    sr = hd.sr
    mm = sr.CodedConcept("mm", "UCUM", "millimeter")
    nodule = sr.CodedConcept("27925004", "SCT", "Nodule")
    src = sr.SourceImageForRegion.from_source_image(ct)
    poly = np.array(_POLY).reshape(-1, 2)
    items = []
    for g in range(groups):
        items.append(sr.PlanarROIMeasurementsAndQualitativeEvaluations(
            tracking_identifier=sr.TrackingIdentifier(uid=hd.UID(), identifier=f"lesion {g}"),
            referenced_region=sr.ImageRegion(graphic_type=sr.GraphicTypeValues.POLYLINE,
                                             graphic_data=poly, source_image=src),
            finding_type=nodule,
            measurements=[sr.Measurement(name=sr.CodedConcept(f"M{k}", "99TEST", f"measure {k}"),
                                         value=float(k + g), unit=mm) for k in range(per_group)]))
    observer = sr.ObserverContext(observer_type=sr.CodedConcept("121006", "DCM", "Person"),
                                  observer_identifying_attributes=sr.PersonObserverIdentifyingAttributes(
                                      name="Doe^Jane"))
    report = sr.MeasurementReport(
        observation_context=sr.ObservationContext(observer_person_context=observer),
        procedure_reported=sr.CodedConcept("25045-6", "LN", "CT unspecified body region"),
        imaging_measurements=items)
    doc = sr.ComprehensiveSR(evidence=[ct], content=report, series_instance_uid=hd.UID(),
                             series_number=9, sop_instance_uid=hd.UID(), instance_number=1,
                             manufacturer="bench")
    buf = io.BytesIO()
    doc.save_as(buf)
    return buf.getvalue()


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median seconds of ``repeat`` calls and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--per-group", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    n = args.groups * args.per_group
    ct = dicomkit.read(ct_path())
    build_dicomkit(ct, 1, 1)  # import and build the lookup tables once, as a long-running program would
    ours, data = timed(lambda: build_dicomkit(ct, args.groups, args.per_group), args.repeat)
    print(f"report: {args.groups} planar ROI groups x {args.per_group} measurements = {n} measurements, "
          f"{len(data):,} bytes")
    print(f"dicomkit build + to_document + write: {ours * 1000:.1f} ms ({n / ours:,.0f} measurements/s)")
    doc = dicomkit.sr.SRDocument.from_dataset(dicomkit.read(data))
    t_extract, records = timed(lambda: extract_measurements(doc), args.repeat)
    print(f"dicomkit extract_measurements (document read from the bytes): {t_extract * 1000:.1f} ms "
          f"({len(records)} records)")
    try:
        from dicomkit.sr.validate import validate_template
    except ImportError:
        print("dicomkit.sr.validate not available: template validation not timed")
    else:
        t_val, findings = timed(lambda: validate_template(doc, "1500"), args.repeat)
        errors = sum(1 for f in findings if f.severity == "error")
        print(f"dicomkit validate_template TID 1500: {t_val * 1000:.1f} ms ({errors} errors, "
              f"{len(findings) - errors} warnings)")
    try:
        import pydicom
    except ImportError:
        print("pydicom/highdicom not installed: no comparison")
        return 0
    ct_pd = pydicom.dcmread(ct_path())
    build_highdicom(ct_pd, 1, 1)
    theirs, _ = timed(lambda: build_highdicom(ct_pd, args.groups, args.per_group),
                      max(1, args.repeat // 2))
    print(f"highdicom build + Comprehensive SR + save_as: {theirs * 1000:.1f} ms "
          f"({n / theirs:,.0f} measurements/s)")
    print(f"ratio highdicom/dicomkit (speed): {theirs / ours:.1f}x (target >= 5)")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        build_dicomkit(ct, args.groups, args.per_group)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
