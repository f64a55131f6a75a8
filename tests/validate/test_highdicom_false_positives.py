"""Objects made by highdicom (a real producer of enhanced multi-frame IODs) validate without error.

highdicom builds Segmentations with shared and per-frame functional groups (PS3.3 A.51,
C.7.6.16) from source images; here from three slices made of pydicom's ``CT_small.dcm`` (new
SOP Instance UIDs, positions 5 mm apart), as BINARY and FRACTIONAL segmentations of two
segments, and the same with one defect that must give exactly that finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dicomkit.validate import validate
from tests.conftest import missing
from tests.samples import sample


def _highdicom() -> Any:
    try:
        import highdicom
    except ImportError:
        missing("highdicom")
    return highdicom


def _slices(count: int) -> list[Any]:
    import pydicom
    from pydicom.uid import generate_uid

    out = []
    series = generate_uid()
    for index in range(count):
        ds = pydicom.dcmread(sample("CT_small.dcm"))
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.SeriesInstanceUID = series
        ds.InstanceNumber = index + 1
        x, y, z = (float(v) for v in ds.ImagePositionPatient)
        ds.ImagePositionPatient = [x, y, z + 5.0 * index]
        out.append(ds)
    return out


@pytest.fixture(scope="module")
def segmentations(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    hd = _highdicom()
    import numpy as np
    from highdicom.seg import (
        SegmentAlgorithmTypeValues,
        Segmentation,
        SegmentationTypeValues,
        SegmentDescription,
    )
    from pydicom.sr.codedict import codes

    sources = _slices(3)
    rows, columns = sources[0].Rows, sources[0].Columns
    labels = np.zeros((3, rows, columns), dtype=np.uint8)
    labels[:, 10:20, 10:30] = 1
    labels[1:, 30:40, 30:40] = 2
    segments = [SegmentDescription(segment_number=n, segment_label=f"segment {n}",
                                   segmented_property_category=codes.SCT.Organ,
                                   segmented_property_type=codes.SCT.Liver,
                                   algorithm_type=SegmentAlgorithmTypeValues.MANUAL)
                for n in (1, 2)]
    folder = tmp_path_factory.mktemp("highdicom")
    out = {}
    for kind in (SegmentationTypeValues.BINARY, SegmentationTypeValues.FRACTIONAL):
        pixels = np.stack([labels == 1, labels == 2], axis=-1).astype(
            np.float32 if kind == SegmentationTypeValues.FRACTIONAL else np.uint8)
        seg = Segmentation(source_images=sources, pixel_array=pixels, segmentation_type=kind,
                           segment_descriptions=segments, series_instance_uid=hd.UID(),
                           series_number=2, sop_instance_uid=hd.UID(), instance_number=1,
                           manufacturer="dicomkit tests", manufacturer_model_name="tests",
                           software_versions="1", device_serial_number="1")
        path = folder / f"seg_{kind.value.lower()}.dcm"
        seg.save_as(path)
        out[kind.value] = path
    return out


@pytest.mark.parametrize("kind", ["BINARY", "FRACTIONAL"])
def test_highdicom_segmentation_validates_without_error(kind: str,
                                                        segmentations: dict[str, Path]) -> None:
    report = validate(segmentations[kind])
    assert report.iod == "Segmentation"
    import dicomkit

    ds = dicomkit.read(segmentations[kind])
    assert len(ds.PerFrameFunctionalGroupsSequence) == int(ds.NumberOfFrames) > 1
    assert report.errors == 0, report.text()


def _high_bit(ds: Any) -> None:
    ds.HighBit = 7  # Bits Stored is 1 in a BINARY segmentation (PS3.3 C.8.20.2)


def _empty_position_in_frame_1(ds: Any) -> None:
    ds.PerFrameFunctionalGroupsSequence[1].PlanePositionSequence[0].ImagePositionPatient = None


@pytest.mark.parametrize(("kind", "change", "expected"), [
    ("BINARY", _high_bit, ("pixel-bits", "(0028,0102)")),
    ("FRACTIONAL", _empty_position_in_frame_1,
     ("type1-empty", "(5200,9230)[1].(0020,9113)[0].(0020,0032)")),
])
def test_highdicom_segmentation_with_one_defect_gives_exactly_that_finding(
        kind: str, change: Any, expected: tuple[str, str],
        segmentations: dict[str, Path]) -> None:
    import dicomkit

    ds = dicomkit.read(segmentations[kind])
    change(ds)
    report = validate(ds)
    assert [(f.rule, f.path) for f in report.findings if f.severity == "error"] == [expected]
