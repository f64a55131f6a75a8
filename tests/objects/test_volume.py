"""Volumes from a series of single-frame files and from one enhanced instance, against
highdicom's ``get_volume_from_series`` and ``Image.get_volume`` on the same data."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.objects.frames_errors import VolumeError
from dicomkit.objects.volume import volume_from_frames, volume_from_series, volumes_by_dimension
from tests.objects.enhanced import ORIGIN, SPACING, enhanced_ct, slice_pixels, to_bytes
from tests.samples import samples

hd = pytest.importorskip("highdicom")
pydicom = pytest.importorskip("pydicom")


def _series(folder: str) -> list[Path]:
    found = [p for p in samples("*", "test_files", recursive=True)
             if p.parent.name == folder and "dicomdirtests" in p.parts]
    assert found, folder
    return found


def _hd_series(paths: list[Path]) -> Any:
    return hd.get_volume_from_series([pydicom.dcmread(p) for p in paths])


@pytest.mark.parametrize("order", ["as listed", "reversed", "shuffled"])
def test_ct_series_matches_highdicom(order: str) -> None:
    paths = _series("CT5N")  # five 16 x 16 axial slices, 2.5 mm apart
    if order == "reversed":
        paths = paths[::-1]
    elif order == "shuffled":
        paths = [paths[i] for i in (2, 0, 4, 1, 3)]
    ours = volume_from_series([dicomkit.read(p) for p in paths])
    theirs = _hd_series(_series("CT5N"))
    assert ours.array.shape == (5, 16, 16)
    assert np.array_equal(ours.array, theirs.array)
    assert np.allclose(ours.affine, theirs.affine)
    assert ours.spacing == pytest.approx((2.5, 0.488281, 0.488281))
    # right-handed, as highdicom: head first for an axial series
    assert ours.affine[2, 0] == pytest.approx(-2.5)
    z = [float(dicomkit.read(s).ImagePositionPatient[2]) for s in ours.sources]
    assert z == sorted(z, reverse=True)
    assert np.allclose(ours.position((4, 0, 0)), [-72.199997, -143.0, -1.2375])


def test_left_handed_order_reverses_the_slices() -> None:
    datasets = [dicomkit.read(p) for p in _series("CT5N")]
    right = volume_from_series(datasets)
    left = volume_from_series(datasets, handedness="left")
    assert np.array_equal(left.array, right.array[::-1])
    assert np.allclose(left.affine[:3, 0], -right.affine[:3, 0])
    assert np.allclose(left.position((0, 0, 0)), right.position((4, 0, 0)))
    with pytest.raises(VolumeError, match="handedness must be"):
        volume_from_series(datasets, handedness="up")


def test_stored_values_and_dtype() -> None:
    datasets = [dicomkit.read(p) for p in _series("CT5N")]
    stored = volume_from_series(datasets, values="stored", dtype=None)
    modality = volume_from_series(datasets)
    slope = float(datasets[0].RescaleSlope)
    intercept = float(datasets[0].RescaleIntercept)
    assert stored.array.dtype.kind in "iu"
    assert np.array_equal(stored.array * slope + intercept, modality.array)


def test_uneven_spacing_names_the_file_and_the_gap() -> None:
    paths = _series("CT2")  # z = -99.48, 103.02, 104.27, 105.52: a slice missing far away
    with pytest.raises(VolumeError) as caught:
        volume_from_series([dicomkit.read(p) for p in paths])
    error = caught.value
    assert "not equally spaced" in str(error)
    assert error.deviation == pytest.approx(201.25, abs=1e-3)
    assert error.source.endswith(("17106", "17136"))
    assert error.tag_path == "(0020,0032)"
    with pytest.raises(ValueError, match="not a regularly-spaced"):  # highdicom refuses it too
        _hd_series(paths)


def test_differing_orientation_names_the_file() -> None:
    paths = _series("MR700")  # a radial series: every slice at another angle
    with pytest.raises(VolumeError, match="not parallel") as caught:
        volume_from_series([dicomkit.read(p) for p in paths])
    assert caught.value.tag_path == "(0020,0037)"
    assert caught.value.deviation is not None and caught.value.deviation > 0.1


def test_duplicates_missing_attributes_and_sizes() -> None:
    datasets = [dicomkit.read(p) for p in _series("CT5N")]
    with pytest.raises(VolumeError, match="duplicate positions"):
        volume_from_series([*datasets, dicomkit.read(_series("CT5N")[0])])
    broken = [dicomkit.read(p) for p in _series("CT5N")]
    del broken[3].ImagePositionPatient
    with pytest.raises(VolumeError, match="no Image Position") as caught:
        volume_from_series(broken)
    assert caught.value.source.endswith(_series("CT5N")[3].name)
    with pytest.raises(VolumeError, match="no slices"):
        volume_from_series([])
    spacing = [dicomkit.read(p) for p in _series("CT5N")]
    spacing[1].PixelSpacing = [0.6, 0.6]
    with pytest.raises(VolumeError, match="Pixel Spacing"):
        volume_from_series(spacing)
    with pytest.raises(VolumeError, match="single-frame"):
        volume_from_series([enhanced_ct(slices=2, times=1)])


def test_shifted_slice_is_reported() -> None:
    datasets = [dicomkit.read(p) for p in _series("CT5N")]
    position = [float(v) for v in datasets[2].ImagePositionPatient]
    datasets[2].ImagePositionPatient = [position[0] + 3.0, position[1], position[2]]
    with pytest.raises(VolumeError, match="shifted 3 mm") as caught:
        volume_from_series(datasets)
    assert caught.value.deviation == pytest.approx(3.0)


def _hd_image(ds: Dataset) -> Any:
    return hd.Image.from_dataset(pydicom.dcmread(io.BytesIO(to_bytes(ds))))


@pytest.mark.parametrize("orientation", [
    (0.0, 1.0, 0.0, 0.0, 0.0, -1.0),                       # sagittal
    (1.0, 0.0, 0.0, 0.0, 1.0, 0.0),                        # axial
    (0.8660254, 0.5, 0.0, 0.0, 0.0, -1.0),                 # oblique
])
def test_enhanced_instance_matches_highdicom(orientation: tuple[float, ...]) -> None:
    ds = enhanced_ct(slices=5, times=1, orientation=orientation)
    ours = volume_from_frames(ds)
    theirs = _hd_image(ds).get_volume()
    assert ours.array.shape == (5, 128, 128)
    assert np.array_equal(ours.array, theirs.array)
    assert np.allclose(ours.affine, theirs.affine)
    # each slice holds the frame at its place, with that frame's own rescale
    for slot, frame in enumerate(ours.frames):
        k, _t = ds.frame_order[frame]
        assert np.array_equal(ours.array[slot], slice_pixels(k).astype(np.float64) - 1024 + k)
    assert ours.spacing[0] == pytest.approx(SPACING)


def test_temporal_positions_are_selected_or_split() -> None:
    ds = enhanced_ct(slices=4, times=2)
    with pytest.raises(VolumeError, match="duplicate positions.*select one"):
        volume_from_frames(ds)
    second = volume_from_frames(ds, temporal_position=2)
    assert len(second.frames) == 4
    assert all(ds.frame_order[f][1] == 1 for f in second.frames)
    normal = np.cross([0.0, 1.0, 0.0], [0.0, 0.0, -1.0])
    assert np.allclose(second.position((0, 0, 0)), np.asarray(ORIGIN) + 3 * SPACING * normal)
    for slot, frame in enumerate(second.frames):
        k, _ = ds.frame_order[frame]
        assert np.array_equal(second.array[slot],
                              slice_pixels(k, 1).astype(np.float64) * 2 - 1024 + k)
    split = volumes_by_dimension(ds)
    assert sorted(split) == [("1", 1), ("1", 2)]
    assert np.array_equal(split[("1", 2)].array, second.array)
    with pytest.raises(VolumeError, match=r"stacks \['1'\] and temporal positions \[1, 2\]"):
        volume_from_frames(ds, temporal_position=3)
    with pytest.raises(VolumeError, match="no frame"):
        volume_from_frames(ds, stack_id="2")


def test_enhanced_frame_errors_name_the_frame() -> None:
    ds = enhanced_ct(slices=3, times=1)
    ds.PerFrameFunctionalGroupsSequence[1].PlanePositionSequence[0].ImagePositionPatient = [
        0.0, 0.0, 0.0]
    with pytest.raises(VolumeError) as caught:
        volume_from_frames(ds)
    assert "#frame" in caught.value.source
    assert caught.value.frame in (0, 1, 2)


def _rotation(a: float, b: float, c: float) -> np.ndarray:
    ca, sa, cb, sb, cc, sc = np.cos(a), np.sin(a), np.cos(b), np.sin(b), np.cos(c), np.sin(c)
    rz = np.array([[ca, -sa, 0], [sa, ca, 0], [0, 0, 1]])
    ry = np.array([[cb, 0, sb], [0, 1, 0], [-sb, 0, cb]])
    rx = np.array([[1, 0, 0], [0, cc, -sc], [0, sc, cc]])
    result: np.ndarray = rz @ ry @ rx
    return result


def test_property_any_orientation_and_order_gives_the_frames_back() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    angle = st.floats(-3.1, 3.1)

    @settings(max_examples=25, deadline=None)
    @given(angle, angle, angle, st.integers(2, 5), st.sampled_from(["right", "left"]))
    def check(a: float, b: float, c: float, slices: int, handedness: str) -> None:
        r = _rotation(a, b, c)
        orientation = tuple(float(v) for v in (*r[:, 0], *r[:, 1]))
        ds = enhanced_ct(slices=slices, times=1, orientation=orientation)
        volume = volume_from_frames(ds, values="stored", dtype=None, handedness=handedness)
        for slot, frame in enumerate(volume.frames):
            info_position = [float(v) for v in ds.PerFrameFunctionalGroupsSequence[frame]
                             .PlanePositionSequence[0].ImagePositionPatient]
            assert np.allclose(volume.position((slot, 0, 0)), info_position, atol=1e-6)
            k, _ = ds.frame_order[frame]
            assert np.array_equal(volume.array[slot], slice_pixels(k))
        # a voxel step along a row goes along the row cosines by the column spacing
        step = volume.position((0, 0, 1)) - volume.position((0, 0, 0))
        assert np.allclose(step, r[:, 0] * 0.75)
        assert volume.spacing == pytest.approx((SPACING, 0.5, 0.75))
        sign = 1 if handedness == "right" else -1
        assert sign * np.linalg.det(volume.affine[:3, :3]) > 0

    check()


def test_mutated_enhanced_files_raise_only_dicom_errors() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from dicomkit.errors import DicomError

    raw = to_bytes(enhanced_ct(slices=3, times=1))

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)), max_size=8))
    def check(edits: list[tuple[int, int]]) -> None:
        data = bytearray(raw)
        for offset, byte in edits:
            data[offset] = byte
        try:
            volume = volume_from_frames(dicomkit.read(bytes(data)))
            assert volume.array.ndim == 3
        except DicomError:
            pass

    check()


def test_dimension_index_splits_by_every_non_spatial_dimension() -> None:
    from dicomkit.objects.frames import dimension_values, dimensions
    from dicomkit.objects.volume import volumes_by_dimension_index

    ds = enhanced_ct(slices=3, times=2)
    assert [d.pointer for d in dimensions(ds)] == [0x00209056, 0x00209057, 0x00209128]
    assert [d.label for d in dimensions(ds)] == ["Stack ID", "In-Stack Position",
                                                 "Temporal Position"]
    k, t = ds.frame_order[0]
    assert dimension_values(ds, 0) == {0x00209056: 1, 0x00209057: k + 1, 0x00209128: t + 1}
    split = volumes_by_dimension_index(ds)
    assert sorted(split) == [((0x00209056, 1), (0x00209128, 1)),
                             ((0x00209056, 1), (0x00209128, 2))]
    by_time = volumes_by_dimension(ds)
    assert np.array_equal(split[((0x00209056, 1), (0x00209128, 2))].array,
                          by_time[("1", 2)].array)
    ds.PerFrameFunctionalGroupsSequence[2].FrameContentSequence[0].DimensionIndexValues = [1, 2]
    with pytest.raises(Exception, match="2 value.*for 3 dimension"):
        volumes_by_dimension_index(ds)
    del ds.DimensionIndexSequence
    with pytest.raises(VolumeError, match="no Dimension Index Sequence"):
        volumes_by_dimension_index(ds)


@pytest.mark.parametrize("name", ["rtdose.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm"])
def test_rt_dose_frames_are_placed_by_the_grid_frame_offset_vector(name: str) -> None:
    # PS3.3 C.8.8.3.2 (a): offsets along row x column from Image Position (Patient).
    # highdicom 0.28 cannot make a volume of an RT Dose (it looks for per-frame positions).
    from tests.samples import sample

    ds = dicomkit.read(sample(name))
    volume = volume_from_frames(ds, values="stored", dtype=None, handedness="left")
    offsets = [float(v) for v in ds.GridFrameOffsetVector]
    origin = np.asarray([float(v) for v in ds.ImagePositionPatient])
    assert volume.array.shape == (len(offsets), int(ds.Rows), int(ds.Columns))
    assert np.allclose(volume.position((0, 0, 0)), origin)
    assert np.allclose(volume.position((len(offsets) - 1, 0, 0)),
                       origin + [0, 0, offsets[-1]])
    assert np.array_equal(volume.array, ds.pixel_array)
    assert volume.spacing == pytest.approx((5.0, 10.0, 10.0))


def test_rt_dose_absolute_offsets_and_bad_vectors() -> None:
    from dicomkit.objects.frames import frame_info
    from dicomkit.objects.frames_errors import FrameError
    from tests.samples import sample

    ds = dicomkit.read(sample("rtdose.dcm"))
    z = float(ds.ImagePositionPatient[2])
    ds.GridFrameOffsetVector = [z + 5.0 * i for i in range(15)]  # form (b): patient z
    assert frame_info(ds, 3).image_position[2] == pytest.approx(z + 15.0)
    ds.GridFrameOffsetVector = [7.0 + i for i in range(15)]
    with pytest.raises(FrameError, match="neither 0"):
        frame_info(ds, 1)
    ds.GridFrameOffsetVector = [0.0, 5.0]
    with pytest.raises(FrameError, match="2 value.*for 15 frames"):
        frame_info(ds, 0)


def test_real_world_values_volume_matches_highdicom() -> None:
    ds = enhanced_ct(slices=4, times=1, rwv=True, rwv_lut=True)
    ours = volume_from_frames(ds, values="real-world")
    theirs = _hd_image(ds).get_volume(apply_real_world_transform=True)
    assert np.allclose(ours.array, theirs.array, equal_nan=True)
    assert np.allclose(ours.affine, theirs.affine)
    squares = volume_from_frames(ds, values="real-world", mapping="SQ")
    stored = volume_from_frames(ds, values="stored", dtype=None)
    small = (stored.array >= 0) & (stored.array <= 9)
    assert np.array_equal(squares.array[small], stored.array[small].astype(float) ** 2)
    assert np.isnan(squares.array[~small]).all()
    from dicomkit.objects.frames_errors import FrameError

    with pytest.raises(FrameError, match="values must be one of"):
        volume_from_frames(ds, values="dose")


def test_a_one_frame_rt_dose_keeping_the_whole_vector_is_at_its_image_position() -> None:
    from dicomkit.objects.frames import frame_info
    from tests.samples import sample

    ds = dicomkit.read(sample("rtdose_1frame.dcm"))  # 15 offsets kept for its 1 frame
    assert len(ds.GridFrameOffsetVector) > 1
    assert frame_info(ds, 0).image_position == tuple(float(v) for v in ds.ImagePositionPatient)


def test_ras_affine_negates_x_and_y() -> None:
    volume = volume_from_series([dicomkit.read(p) for p in _series("CT5N")])
    for index in ((0, 0, 0), (4, 15, 3)):
        lps = volume.position(index)
        ras = (volume.ras_affine @ np.array([*index, 1.0]))[:3]
        assert np.allclose(ras, [-lps[0], -lps[1], lps[2]])


def test_a_dimension_pointer_that_is_not_a_tag_is_named() -> None:
    from dicomkit.objects.frames import dimensions
    from dicomkit.objects.frames_errors import FrameError

    ds = enhanced_ct(slices=2, times=1)
    ds.DimensionIndexSequence[1].add_new(0x00209165, "UN", b"\\x01", validation_mode="ignore")
    with pytest.raises(FrameError, match=r"item 1: pointers b"):
        dimensions(ds)
