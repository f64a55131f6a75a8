"""Segmentations: created from masks, read back, against highdicom (the anchor) both ways, our
validator and dciodvfy; bad input refused; random masks round trip; mutated files give only our
errors."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.objects.codes import find_code
from dicomkit.objects.errors import ObjectError
from dicomkit.objects.seg import Segmentation, SegmentDescription, create_segmentation
from tests.objects.series import ct_series, dciodvfy_errors, our_errors

hd = pytest.importorskip("highdicom")
pydicom = pytest.importorskip("pydicom")

ROWS = COLS = 32


def _segments(n: int = 2) -> list[SegmentDescription]:
    tissue = find_code(7150, "Tissue")
    kinds = ["Fat", "Bone", "Blood", "Cartilage", "Artery"]
    out = [SegmentDescription(f"seg {i + 1}", tissue, find_code(7151, kinds[i % len(kinds)]),
                              description=f"segment number {i + 1}")
           for i in range(n)]
    if n > 1:
        out[1] = SegmentDescription("auto", tissue, find_code(7151, "Bone"),
                                    algorithm_type="AUTOMATIC", algorithm_name="net",
                                    algorithm_family=find_code(7162, "Artificial Intelligence"),
                                    algorithm_version="1.0", tracking_id="bone 1",
                                    tracking_uid="2.25.1234", cielab=(30000, 40000, 50000))
    return out


def _label_map(n: int) -> np.ndarray[Any, Any]:
    lm = np.zeros((n, ROWS, COLS), np.uint8)
    lm[1:3, 4:12, 5:20] = 1
    lm[2:, 20:30, 10:28] = 2
    return lm


@pytest.fixture
def series() -> list[Dataset]:
    return ct_series(4, rows=ROWS, columns=COLS, reverse=True)


def _save(ds: Dataset, path: Path) -> Path:
    dicomkit.write(path, ds)
    return path


def _pydicom_sources(series: list[Dataset], folder: Path) -> list[Any]:
    out = []
    for i, ds in enumerate(series):
        p = folder / f"ct{i}.dcm"
        dicomkit.write(p, ds)
        out.append(pydicom.dcmread(p))
    return out


def _uids(series: list[Dataset]) -> list[str]:
    return [str(s.SOPInstanceUID) for s in series]


# ------------------------------------------------------------------------------------------------
# ours -> ours, highdicom, validators
# ------------------------------------------------------------------------------------------------

def test_binary_label_map_reads_back_in_the_order_of_the_sources(series: list[Dataset],
                                                                tmp_path: Path) -> None:
    lm = _label_map(len(series))
    path = _save(create_segmentation(series, lm, _segments()), tmp_path / "seg.dcm")
    seg = Segmentation.read(path)
    assert seg.segmentation_type == "BINARY"
    assert (seg.label_map(series) == lm).all()
    # another order of the sources gives the frames in that order
    assert (seg.label_map(series[::-1]) == lm[::-1]).all()
    masks = seg.segment_masks(_uids(series), segment_numbers=[2])
    assert masks.shape == (4, ROWS, COLS, 1) and (masks[..., 0] == (lm == 2)).all()
    # empty frames are left out: segment 1 on 2 slices, segment 2 on 2 slices
    assert seg.number_of_frames == 4
    # dimension organisation (PS3.3 C.7.6.17): segment number, then position along the normal
    dims = seg.dataset.DimensionIndexSequence
    assert [int(d.DimensionIndexPointer) for d in dims] == [tags.ReferencedSegmentNumber,
                                                            tags.ImagePositionPatient]
    values = [list(f.FrameContentSequence[0].DimensionIndexValues)
              for f in seg.dataset.PerFrameFunctionalGroupsSequence]
    # the series is given in decreasing z: slice i is at position rank 4 - i, frames go up z
    assert values == [[1, 2], [1, 3], [2, 1], [2, 2]]
    assert seg.frame_segments == [1, 1, 2, 2]
    assert seg.segments[2] == SegmentDescription(**{**_segments()[1].__dict__, "number": 2})


def test_binary_segmentation_reads_in_highdicom_with_equal_masks(series: list[Dataset],
                                                                tmp_path: Path) -> None:
    lm = _label_map(len(series))
    path = _save(create_segmentation(series, lm, _segments()), tmp_path / "seg.dcm")
    h = hd.seg.segread(path)
    assert h.number_of_segments == 2
    got = h.get_pixels_by_source_instance(source_sop_instance_uids=_uids(series),
                                          combine_segments=True)
    assert (got == lm).all()
    desc = h.get_segment_description(2)
    assert desc.segment_label == "auto" and desc.algorithm_type.value == "AUTOMATIC"
    assert desc.tracking_uid == "2.25.1234"


def test_overlapping_masks_are_kept_per_segment_in_ours_and_highdicom(
        series: list[Dataset], tmp_path: Path) -> None:
    masks = np.zeros((4, ROWS, COLS, 3), bool)
    masks[0:2, 0:10, 0:10, 0] = True
    masks[1:3, 5:15, 5:15, 1] = True      # overlaps segment 1 on slice 1
    masks[3, :, :, 2] = True
    path = _save(create_segmentation(series, masks, _segments(3)), tmp_path / "seg.dcm")
    seg = Segmentation.read(path)
    assert str(seg.dataset.SegmentsOverlap) == "YES"
    assert (seg.segment_masks(series) == masks).all()
    with pytest.raises(ObjectError, match="overlap"):
        seg.label_map(series)
    got = hd.seg.segread(path).get_pixels_by_source_instance(
        source_sop_instance_uids=_uids(series))
    assert (got.astype(bool) == masks).all()


@pytest.mark.parametrize("fractional_type", ["PROBABILITY", "OCCUPANCY"])
def test_fractional_masks_read_back_in_ours_and_highdicom(series: list[Dataset], tmp_path: Path,
                                                         fractional_type: str) -> None:
    rng = np.random.default_rng(5)
    masks = rng.random((4, ROWS, COLS, 2)).astype(np.float32)
    masks[0] = 0
    path = _save(create_segmentation(series, masks, _segments(), segmentation_type="FRACTIONAL",
                                     fractional_type=fractional_type), tmp_path / "seg.dcm")
    seg = Segmentation.read(path)
    got = seg.segment_masks(series)
    assert np.abs(got - masks).max() <= 0.5 / 255 + 1e-6
    h = hd.seg.segread(path)
    assert h.segmentation_fractional_type.value == fractional_type
    theirs = h.get_pixels_by_source_instance(source_sop_instance_uids=_uids(series),
                                             dtype=np.float32)
    assert np.allclose(theirs, got)


def test_multi_frame_source_frames_are_referenced_by_number(tmp_path: Path) -> None:
    path_src = tmp_path / "enhanced.dcm"
    lm = _label_map(3)
    src_hd = hd.legacy.LegacyConvertedEnhancedCTImage(
        legacy_datasets=_pydicom_sources(ct_series(3, rows=ROWS, columns=COLS), tmp_path),
        series_instance_uid=hd.UID(), series_number=9, sop_instance_uid=hd.UID(),
        instance_number=1)
    src_hd.save_as(path_src)
    source = dicomkit.read(path_src)
    path = _save(create_segmentation([source], lm, _segments()), tmp_path / "seg.dcm")
    seg = Segmentation.read(path)
    assert {ref[1] for ref in seg.frame_sources if ref} <= {1, 2, 3}
    assert (seg.label_map([source]) == lm).all()
    got = hd.seg.segread(path).get_pixels_by_source_frame(
        source_sop_instance_uid=str(source.SOPInstanceUID), source_frame_numbers=[1, 2, 3],
        combine_segments=True)
    assert (got == lm).all()
    assert our_errors(path) == []
    assert dciodvfy_errors(path) == []


@pytest.mark.parametrize("kind", ["BINARY", "FRACTIONAL"])
def test_created_segmentations_pass_our_validator_and_dciodvfy(series: list[Dataset],
                                                               tmp_path: Path, kind: str) -> None:
    if kind == "BINARY":
        masks: np.ndarray[Any, Any] = _label_map(len(series))
    else:
        masks = np.random.default_rng(1).random((4, ROWS, COLS, 2))
    path = _save(create_segmentation(series, masks, _segments(), segmentation_type=kind),
                 tmp_path / "seg.dcm")
    assert our_errors(path) == []
    assert dciodvfy_errors(path) == []


# ------------------------------------------------------------------------------------------------
# highdicom -> ours
# ------------------------------------------------------------------------------------------------

def _hd_description(number: int) -> Any:
    from highdicom.sr.coding import CodedConcept

    fat = find_code(7151, "Fat")
    return hd.seg.SegmentDescription(
        segment_number=number, segment_label=f"hd {number}",
        segmented_property_category=CodedConcept("85756007", "SCT", "Tissue"),
        segmented_property_type=CodedConcept(fat.value, fat.scheme, fat.meaning),
        algorithm_type=hd.seg.SegmentAlgorithmTypeValues.MANUAL)


@pytest.mark.parametrize("kind", ["BINARY", "FRACTIONAL"])
def test_highdicom_segmentations_read_in_ours_with_equal_masks(series: list[Dataset],
                                                               tmp_path: Path, kind: str) -> None:
    sources = _pydicom_sources(series, tmp_path)
    rng = np.random.default_rng(3)
    if kind == "BINARY":
        pixels: np.ndarray[Any, Any] = _label_map(len(series))
    else:
        pixels = (rng.integers(0, 256, (4, ROWS, COLS, 2)) / 255).astype(np.float32)
    h = hd.seg.Segmentation(
        source_images=sources, pixel_array=pixels, segmentation_type=kind,
        segment_descriptions=[_hd_description(1), _hd_description(2)],
        series_instance_uid=hd.UID(), series_number=3, sop_instance_uid=hd.UID(),
        instance_number=1, manufacturer="x", manufacturer_model_name="y",
        software_versions="1", device_serial_number="2", max_fractional_value=255)
    path = tmp_path / "hd.dcm"
    h.save_as(path)
    seg = Segmentation.read(path)
    assert seg.segments[1].label == "hd 1"
    assert seg.segments[2].property_type == find_code(7151, "Fat")
    if kind == "BINARY":
        assert (seg.label_map(series) == pixels).all()
    else:
        assert np.allclose(seg.segment_masks(series), pixels, atol=1e-6)


# ------------------------------------------------------------------------------------------------
# bad input
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kwargs", "masks", "match"), [
    ({}, np.zeros((3, ROWS, COLS), np.uint8), "3 frames, the sources 4"),
    ({}, np.full((4, ROWS, COLS), 3, np.uint8), "segments are 1..2"),
    ({}, np.zeros((4, ROWS, COLS), np.float32), "integers"),
    ({}, np.zeros((4, 8, 8), np.uint8), "8x8"),
    ({}, np.full((4, ROWS, COLS, 2), 2, np.uint8), "booleans"),
    ({"segmentation_type": "FRACTIONAL"}, np.full((4, ROWS, COLS, 2), 1.5), r"\[0, 1\]"),
    ({"segmentation_type": "FRACTIONAL"}, np.zeros((4, ROWS, COLS), np.uint8), "label map"),
    ({"segmentation_type": "LABELMAP"}, np.zeros((4, ROWS, COLS), np.uint8), "on hand"),
    ({"segmentation_type": "FRACTIONAL", "fractional_type": "GUESS"},
     np.zeros((4, ROWS, COLS, 2)), "Fractional Type"),
])
def test_masks_that_do_not_fit_are_refused(series: list[Dataset], kwargs: dict[str, Any],
                                           masks: np.ndarray[Any, Any], match: str) -> None:
    with pytest.raises(ObjectError, match=match):
        create_segmentation(series, masks, _segments(), **kwargs)


def test_segment_descriptions_the_macro_refuses(series: list[Dataset]) -> None:
    tissue, fat = find_code(7150, "Tissue"), find_code(7151, "Fat")
    lm = np.zeros((4, ROWS, COLS), np.uint8)
    for desc, match in [
        (SegmentDescription("a", tissue, fat, algorithm_type="AUTOMATIC"), "algorithm name"),
        (SegmentDescription("a", tissue, fat, algorithm_type="GUESSED"), "Algorithm Type"),
        (SegmentDescription("a", tissue, fat, tracking_id="x"), "Tracking"),
    ]:
        with pytest.raises(ObjectError, match=match):
            create_segmentation(series, lm, [desc])
    with pytest.raises(ObjectError, match="at least one segment"):
        create_segmentation(series, lm, [])
    with pytest.raises(ObjectError, match="neither a code value"):
        find_code(7150, "Not a category")


def test_sources_of_two_studies_are_refused(series: list[Dataset]) -> None:
    series[1].StudyInstanceUID = "2.25.99"
    with pytest.raises(ObjectError, match="2 studies"):
        create_segmentation(series, _label_map(4), _segments())


def test_reading_what_is_not_a_segmentation_is_refused(series: list[Dataset]) -> None:
    with pytest.raises(ObjectError, match="not Segmentation Storage"):
        Segmentation(series[0])


# ------------------------------------------------------------------------------------------------
# properties and mutations
# ------------------------------------------------------------------------------------------------

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_masks_round_trip(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 3))
    rows = data.draw(st.integers(1, 9))
    cols = data.draw(st.integers(1, 9))
    nseg = data.draw(st.integers(1, 3))
    seed = data.draw(st.integers(0, 2**32 - 1))
    series = ct_series(n, rows=rows, columns=cols)
    masks = np.random.default_rng(seed).random((n, rows, cols, nseg)) < 0.3
    ds = create_segmentation(series, masks, _segments(nseg), omit_empty_frames=data.draw(
        st.booleans()))
    buf = io.BytesIO()
    dicomkit.write(buf, ds)
    seg = Segmentation(dicomkit.read(buf.getvalue()))
    assert (seg.segment_masks(series) == masks).all()


_SEG_BYTES: list[bytes] = []


def _seg_bytes() -> bytes:
    if not _SEG_BYTES:
        series = ct_series(2, rows=8, columns=8)
        masks = np.zeros((2, 8, 8), np.uint8)
        masks[0, 1:4, 1:4] = 1
        buf = io.BytesIO()
        dicomkit.write(buf, create_segmentation(series, masks, _segments(1)))
        _SEG_BYTES.append(buf.getvalue())
    return _SEG_BYTES[0]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_segmentations_give_only_our_errors(changes: list[tuple[int, int]]) -> None:
    data = bytearray(_seg_bytes())
    for pos, value in changes:
        data[132 + pos % (len(data) - 132)] = value
    try:
        seg = Segmentation(dicomkit.read(bytes(data)))
        seg.segment_masks([str(u) for u in (seg.frame_sources[0] or ("x",))[:1]])
    except DicomError:
        pass


def test_per_frame_items_that_do_not_match_the_frames_are_refused(series: list[Dataset]) -> None:
    ds = create_segmentation(series, _label_map(4), _segments())
    ds[tags.NumberOfFrames].value = 7
    with pytest.raises(ObjectError, match="per-frame functional group items for 7 frames"):
        Segmentation(ds)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_label_maps_round_trip_through_every_packing_path(data: st.DataObject) -> None:
    # frame sizes: 64-pixel multiples (read word by word), 8-pixel multiples (byte by byte),
    # others (frames not byte aligned: packed and unpacked whole)
    rows, cols = data.draw(st.sampled_from([(8, 8), (16, 12), (4, 2), (3, 5), (7, 9)]))
    n = data.draw(st.integers(1, 4))
    nseg = data.draw(st.integers(1, 4))
    seed = data.draw(st.integers(0, 2**32 - 1))
    series = ct_series(n, rows=rows, columns=cols)
    lm = np.random.default_rng(seed).integers(0, nseg + 1, (n, rows, cols)).astype(np.uint8)
    buf = io.BytesIO()
    dicomkit.write(buf, create_segmentation(series, lm, _segments(nseg)))
    seg = Segmentation(dicomkit.read(buf.getvalue()))
    assert (seg.label_map(series) == lm).all()
    assert (seg.segment_masks(series) == (lm[..., None] == np.arange(1, nseg + 1))).all()


# ------------------------------------------------------------------------------------------------
# per-frame values read from the encoded items (lazy sequences, dicomkit.io.reader.item_values)
# ------------------------------------------------------------------------------------------------

def _frames_of(seg: Segmentation) -> tuple[Any, ...]:
    return seg.frame_segments, seg.frame_sources, seg.frame_positions


@pytest.mark.parametrize("maker", ["ours", "highdicom"])
def test_per_frame_values_read_from_the_encoded_items_equal_the_parsed_items(
        series: list[Dataset], tmp_path: Path, maker: str) -> None:
    lm = _label_map(len(series))
    path = tmp_path / "seg.dcm"
    if maker == "ours":
        _save(create_segmentation(series, lm, _segments()), path)
    else:  # pydicom writes sequences and items of undefined length
        hd.seg.Segmentation(
            source_images=_pydicom_sources(series, tmp_path), pixel_array=lm,
            segmentation_type="BINARY", segment_descriptions=[_hd_description(1),
                                                               _hd_description(2)],
            series_instance_uid=hd.UID(), series_number=3, sop_instance_uid=hd.UID(),
            instance_number=1, manufacturer="x", manufacturer_model_name="y",
            software_versions="1", device_serial_number="2").save_as(path)
    ds = dicomkit.read(path, lazy_sequences=0)  # every sequence lazy, however short
    lazy = Segmentation(ds)
    # the per-frame items were not parsed into data sets
    assert not ds[tags.PerFrameFunctionalGroupsSequence].is_parsed
    eager = Segmentation(dicomkit.read(path, lazy_sequences=False))
    assert _frames_of(lazy) == _frames_of(eager)
    assert (lazy.label_map(series) == lm).all()


def test_a_frame_whose_values_are_in_the_shared_groups_is_read_from_the_items(
        series: list[Dataset]) -> None:
    ds = create_segmentation(series, _label_map(4), _segments())
    # frame 1's position moves to the shared groups: its per-frame item lacks it
    first = ds.PerFrameFunctionalGroupsSequence[0]
    position = first[tags.PlanePositionSequence]
    del first[tags.PlanePositionSequence]
    ds.SharedFunctionalGroupsSequence[0][tags.PlanePositionSequence] = position
    buf = io.BytesIO()
    dicomkit.write(buf, ds)
    lazy = Segmentation(dicomkit.read(buf.getvalue(), lazy_sequences=0))
    eager = Segmentation(dicomkit.read(buf.getvalue(), lazy_sequences=False))
    assert _frames_of(lazy) == _frames_of(eager)
    assert lazy.frame_positions[0] == tuple(position.value[0].ImagePositionPatient)
    assert lazy.frame_positions[1] != lazy.frame_positions[0]


def _outcome(data: bytes, lazy: bool) -> Any:
    try:
        seg = Segmentation(dicomkit.read(data, lazy_sequences=0 if lazy else False))
        return _frames_of(seg)
    except DicomError as exc:
        return type(exc), str(exc)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_segmentations_read_alike_lazily_and_eagerly(
        changes: list[tuple[int, int]]) -> None:
    data = bytearray(_seg_bytes())
    for pos, value in changes:
        data[132 + pos % (len(data) - 132)] = value
    assert _outcome(bytes(data), True) == _outcome(bytes(data), False)
