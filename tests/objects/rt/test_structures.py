"""RT Structure Set: reading ROIs against pydicom, ROI masks on an image grid, and structure
sets made from masks that give the same masks back and validate (PS3.3 A.19, C.8.8.5-8)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pydicom
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import uids
from dicomkit.objects import rt
from dicomkit.objects.rt import terms
from tests.samples import sample


def ct_series(n: int = 4, spacing: float = 2.5) -> list[Dataset]:
    """``n`` slices made from CT_small.dcm: one series and frame of reference, positions
    ``spacing`` mm apart along the normal."""
    series, frame = generate_uid(), generate_uid()
    out = []
    for k in range(n):
        ds = dicomkit.read(sample("CT_small.dcm"))
        uid = generate_uid()
        ds.SOPInstanceUID = uid
        ds.file_meta.MediaStorageSOPInstanceUID = uid
        ds.SeriesInstanceUID = series
        ds.FrameOfReferenceUID = frame
        origin = np.array([float(v) for v in ds.ImagePositionPatient])
        normal = np.cross([float(v) for v in ds.ImageOrientationPatient[:3]],
                          [float(v) for v in ds.ImageOrientationPatient[3:]])
        ds.ImagePositionPatient = [float(v) for v in origin + k * spacing * normal]
        ds.InstanceNumber = k + 1
        out.append(ds)
    return out


def _bytes(ds: Dataset) -> bytes:
    buf = io.BytesIO()
    dicomkit.write(buf, ds)
    return buf.getvalue()


def test_rois_and_contours_of_pydicoms_sample_are_those_pydicom_reads() -> None:
    path = sample("rtstruct.dcm")
    ours = rt.read_structure_set(dicomkit.read(path))
    theirs = pydicom.dcmread(path, force=True)
    assert ours.label == theirs.StructureSetLabel
    assert sorted(ours.rois) == sorted(int(r.ROINumber) for r in theirs.StructureSetROISequence)
    for item in theirs.ROIContourSequence:
        roi = ours.rois[int(item.ReferencedROINumber)]
        assert roi.color == tuple(int(v) for v in item.ROIDisplayColor)
        assert len(roi.contours) == len(item.ContourSequence)
        for c, t in zip(roi.contours, item.ContourSequence, strict=True):
            assert c.geometric_type == t.ContourGeometricType
            assert np.allclose(c.points, np.array(t.ContourData, dtype=float).reshape(-1, 3))
    for obs in theirs.RTROIObservationsSequence:
        assert ours.rois[int(obs.ReferencedROINumber)].interpreted_type == obs.RTROIInterpretedType
    assert ours.roi("patient").number == 1
    with pytest.raises(rt.RTError, match="no ROI 'liver'"):
        ours.roi("liver")


def _blobs(shape: tuple[int, int, int], seed: int) -> np.ndarray[Any, Any]:
    rng = np.random.default_rng(seed)
    z, y, x = np.indices(shape)
    mask = np.zeros(shape, dtype=bool)
    for _ in range(3):
        cz, cy, cx = rng.integers(0, shape[0]), rng.integers(8, 56), rng.integers(8, 56)
        r = rng.integers(4, 14)
        mask |= (y - cy) ** 2 + (x - cx) ** 2 <= r * r
        mask[cz] ^= (y[0] - cy) ** 2 + (x[0] - cx) ** 2 <= (r // 3) ** 2  # a hole in one slice
    return mask


def test_masks_round_trip_through_a_created_structure_set_read_by_us_and_by_pydicom() -> None:
    images = ct_series()
    shape = (len(images), int(images[0].Rows), int(images[0].Columns))
    body = np.zeros(shape, dtype=bool)
    body[:, 10:50, 12:40] = True
    lesion = _blobs(shape, 3)
    created = rt.create_structure_set(images, {"body": body, "lesion": lesion},
                                      interpreted_types={"body": "EXTERNAL", "lesion": "GTV"})
    data = _bytes(created)
    back = dicomkit.read(io.BytesIO(data))
    assert np.array_equal(rt.roi_mask(back, "body", images), body)
    assert np.array_equal(rt.roi_mask(back, "lesion", images), lesion)
    ss = rt.read_structure_set(back)
    # a mask without holes is written as CLOSED_PLANAR, one with holes as CLOSEDPLANAR_XOR
    assert {c.geometric_type for c in ss.roi("body").contours} == {terms.CLOSED_PLANAR}
    assert {c.geometric_type for c in ss.roi("lesion").contours} == {terms.CLOSEDPLANAR_XOR}
    assert ss.roi("lesion").interpreted_type == "GTV"
    # pydicom reads the same contours: points on the images' planes, their UIDs referenced
    theirs = pydicom.dcmread(io.BytesIO(data))
    assert theirs.Modality == "RTSTRUCT" and theirs.StudyInstanceUID == images[0].StudyInstanceUID
    uids_by_plane = [str(im.SOPInstanceUID) for im in images]
    for item in theirs.ROIContourSequence:
        for c in item.ContourSequence:
            ref = c.ContourImageSequence[0].ReferencedSOPInstanceUID
            plane = rt.Plane.of(images[uids_by_plane.index(ref)])
            points = np.array(c.ContourData, dtype=float).reshape(-1, 3)
            assert plane.distance(points) < 1e-3  # written with 0.1 um precision
            assert int(c.NumberOfContourPoints) == len(points)


_box = st.tuples(st.integers(0, 1), st.integers(0, 127), st.integers(0, 127),
                 st.integers(1, 60), st.integers(1, 60))


@settings(max_examples=30, deadline=None)
@given(st.lists(_box, min_size=0, max_size=8))
def test_masks_of_overlapping_boxes_round_trip_exactly(boxes: list[tuple[int, ...]]) -> None:
    """Boxes combined by exclusive or: holes, islands in holes, pieces touching at a corner."""
    images = ct_series(2)
    mask = np.zeros((2, int(images[0].Rows), int(images[0].Columns)), dtype=bool)
    for k, r, c, h, w in boxes:
        mask[k, r:r + h, c:c + w] ^= True
    back = dicomkit.read(io.BytesIO(_bytes(rt.create_structure_set(images, {"r": mask}))))
    assert np.array_equal(rt.roi_mask(back, "r", images), mask)


def test_a_noise_mask_round_trips_exactly_in_implicit_vr_for_its_long_contours() -> None:
    """Noise: thousands of contours, some longer than explicit VR can carry (PS3.3 C.8.8.6
    note: Contour Data over 65534 bytes), so the data set is meant for Implicit VR."""
    images = ct_series(2)
    mask = np.random.default_rng(0).random((2, int(images[0].Rows), int(images[0].Columns))) < 0.59
    created = rt.create_structure_set(images, {"r": mask})
    assert created.file_meta.TransferSyntaxUID == uids.ImplicitVRLittleEndian
    back = dicomkit.read(io.BytesIO(_bytes(created)))
    assert np.array_equal(rt.roi_mask(back, "r", images), mask)


def test_created_structure_set_passes_our_validator_and_dciodvfy(tmp_path: Path) -> None:
    from dicomkit.validate import validate

    images = ct_series(3)
    mask = np.zeros((3, int(images[0].Rows), int(images[0].Columns)), dtype=bool)
    mask[1, 20:30, 20:30] = True
    path = tmp_path / "rtss.dcm"
    dicomkit.write(path, rt.create_structure_set(images, {"target": mask}))
    report = validate(path)
    assert [f for f in report.findings if f.severity == "error"] == []
    exe = shutil.which("dciodvfy")
    if exe is None:
        from tests.conftest import missing
        missing("dciodvfy (dicom3tools)")
    out = subprocess.run([str(exe), str(path)], capture_output=True, text=True, check=False)
    assert [ln for ln in (out.stdout + out.stderr).splitlines() if ln.startswith("Error")] == []
    assert dicomkit.read(path).SOPClassUID == uids.RTStructureSetStorage


def _structure_set(images: list[Dataset], contours: list[tuple[str, list[float], str | None]]
                   ) -> Dataset:
    ds = Dataset()
    roi = Dataset()
    roi.ROINumber = 7
    roi.ROIName = "drawn"
    roi.ReferencedFrameOfReferenceUID = str(images[0].FrameOfReferenceUID)
    ds.StructureSetROISequence = [roi]
    items = []
    for kind, points, image in contours:
        c = Dataset()
        c.ContourGeometricType = kind
        c.NumberOfContourPoints = len(points) // 3
        c.ContourData = points
        if image is not None:
            ref = Dataset()
            ref.ReferencedSOPInstanceUID = image
            c.ContourImageSequence = [ref]
        items.append(c)
    rc = Dataset()
    rc.ReferencedROINumber = 7
    rc.ContourSequence = items
    ds.ROIContourSequence = [rc]
    return ds


def _square(image: Dataset, r0: float, c0: float, r1: float, c1: float) -> list[float]:
    plane = rt.Plane.of(image)
    pts = plane.to_patient(np.array([r0, r0, r1, r1]), np.array([c0, c1, c1, c0]))
    return [float(v) for v in pts.ravel()]


def test_closed_planar_contours_add_up_and_xor_contours_cut_holes_c_8_8_6_3() -> None:
    """Two CLOSED_PLANAR contours on one plane are two parts of the ROI (holes are drawn by
    the keyhole technique); CLOSEDPLANAR_XOR contours combine by exclusive or (PS3.3
    C.8.8.6.1, C.8.8.6.3).  Pixel centres on a contour's path are inside it ("points in space
    lying along the path defined by the contour are considered to be part of the ROI",
    C.8.8.6.3), so the path of an inner XOR contour, inside both, is left out by the XOR."""
    images = ct_series(2)
    outer, inner = _square(images[0], 10, 10, 30, 30), _square(images[0], 15, 15, 25, 25)
    both = rt.roi_mask(_structure_set(images, [(terms.CLOSED_PLANAR, outer, None),
                                               (terms.CLOSED_PLANAR, inner, None)]), 7, images)
    assert both[0, 10:31, 10:31].all() and both[0].sum() == 21 * 21 and not both[1].any()
    ring = rt.roi_mask(_structure_set(images, [(terms.CLOSEDPLANAR_XOR, outer, None),
                                               (terms.CLOSEDPLANAR_XOR, inner, None)]), 7, images)
    assert not ring[0, 15:26, 15:26].any() and ring[0, 14, 14:27].all()
    assert ring[0].sum() == 21 * 21 - 11 * 11
    # POINT and OPEN contours enclose nothing
    point = rt.roi_mask(_structure_set(images, [(terms.POINT, outer[:3], None)]), 7, images)
    assert not point.any()


def test_contours_go_to_the_image_they_name_or_lie_in_and_errors_say_which() -> None:
    images = ct_series(3, spacing=5.0)
    square = _square(images[2], 5, 5, 9, 9)
    assert rt.roi_mask(_structure_set(images, [(terms.CLOSED_PLANAR, square, None)]), 7,
                       images)[2].sum() == 25
    named = str(images[2].SOPInstanceUID)
    assert rt.roi_mask(_structure_set(images, [(terms.CLOSED_PLANAR, square, named)]), 7,
                       images)[2].sum() == 25
    with pytest.raises(rt.RTError, match="not among the images given"):
        rt.roi_mask(_structure_set(images, [(terms.CLOSED_PLANAR, square, "1.2.3")]), 7, images)
    off = np.array(square).reshape(-1, 3) + 2.4 * rt.Plane.of(images[2]).normal * 1.5
    with pytest.raises(rt.RTError, match="in none of the images' planes"):
        rt.roi_mask(_structure_set(images, [(terms.CLOSED_PLANAR, off.ravel().tolist(), None)]),
                    7, images)
    tilted = np.array(square).reshape(-1, 3)
    tilted[0] += 2.0 * rt.Plane.of(images[2]).normal
    with pytest.raises(rt.RTError, match="not in the plane of its image"):
        rt.roi_mask(_structure_set(images, [(terms.CLOSED_PLANAR, tilted.ravel().tolist(), named)]),
                    7, images)


@pytest.mark.parametrize(("change", "message"), [
    (lambda ds: setattr(ds.ROIContourSequence[0].ContourSequence[0], "ContourGeometricType", "CURVE"),
     "Contour Geometric Type 'CURVE'"),
    (lambda ds: setattr(ds.ROIContourSequence[0].ContourSequence[0], "ContourData", [1.0, 2.0]),
     "not finite"),
    (lambda ds: setattr(ds.ROIContourSequence[0].ContourSequence[0], "NumberOfContourPoints", 99),
     "Number of Contour Points is 99"),
    (lambda ds: setattr(ds.ROIContourSequence[0], "ReferencedROINumber", 8),
     "ROI 8 has contours but no Structure Set ROI Sequence item"),
    (lambda ds: delattr(ds, "StructureSetROISequence"), "no Structure Set ROI Sequence items"),
])
def test_bad_structure_sets_are_refused_naming_the_item(change: Any, message: str) -> None:
    images = ct_series(1)
    ds = _structure_set(images, [(terms.CLOSED_PLANAR, _square(images[0], 1, 1, 4, 4), None)])
    change(ds)
    with pytest.raises(rt.RTError, match=message) as info:
        rt.read_structure_set(ds)
    assert isinstance(info.value, DicomError)


def test_creating_refuses_what_the_standard_does_not_allow() -> None:
    images = ct_series(2)
    mask = np.zeros((2, int(images[0].Rows), int(images[0].Columns)), dtype=bool)
    with pytest.raises(rt.RTError, match="Interpreted Type 'TUMOUR'"):
        rt.create_structure_set(images, {"a": mask}, interpreted_types={"a": "TUMOUR"})
    with pytest.raises(rt.RTError, match="is \\(1, 128, 128\\), the images"):
        rt.create_structure_set(images, {"a": mask[:1]})
    other = ct_series(1)
    with pytest.raises(rt.RTError, match="one series"):
        rt.create_structure_set(images + other, {"a": np.zeros((3, 128, 128), dtype=bool)})
    with pytest.raises(rt.RTError, match="needs the images"):
        rt.create_structure_set([], {})


def test_mutated_structure_sets_raise_only_dicomkit_errors() -> None:
    path = sample("rtstruct.dcm")
    data = bytearray(Path(path).read_bytes())
    rng = np.random.default_rng(5)
    images = ct_series(1)
    for _ in range(150):
        mutated = bytearray(data)
        for pos in rng.integers(132, len(data), 4):
            mutated[int(pos)] = int(rng.integers(0, 256))
        try:
            ds = dicomkit.read(io.BytesIO(bytes(mutated)))
            ss = rt.read_structure_set(ds)
            for number in ss.rois:
                rt.roi_mask(ss, number, images, tolerance=1e9)
        except DicomError:
            pass
