"""frame_info and the per-frame value APIs (PS3.3 C.7.6.16), against highdicom's Image on
synthetic enhanced CT (tests/objects/enhanced.py) and pydicom's CT_small.dcm."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest

import dicomkit
import dicomkit.pixels.array
from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.objects.frames import (
    frame_info,
    group_members,
    iter_frame_info,
    modality_values,
    real_world_values,
    voi_values,
)
from dicomkit.objects.frames_errors import FrameError
from tests.objects.enhanced import ORIGIN, SPACING, enhanced_ct, to_bytes
from tests.samples import sample

hd = pytest.importorskip("highdicom")
pydicom = pytest.importorskip("pydicom")


def _highdicom_image(ds: Dataset) -> Any:
    return hd.Image.from_dataset(pydicom.dcmread(io.BytesIO(to_bytes(ds))))


def test_group_members_come_from_the_macro_tables() -> None:
    measures = group_members(tags.PixelMeasuresSequence)
    assert {tags.PixelSpacing, tags.SliceThickness, tags.SpacingBetweenSlices} <= measures
    assert tags.WindowCenter not in measures
    voi = group_members(tags.FrameVOILUTSequence)  # with and without LUT (C.7.6.16-11, -11b)
    assert {tags.WindowCenter, tags.WindowWidth, tags.VOILUTFunction, tags.VOILUTSequence} <= voi


def test_frame_info_resolves_per_frame_and_shared_groups() -> None:
    ds = enhanced_ct()
    normal = np.cross([0.0, 1.0, 0.0], [0.0, 0.0, -1.0])
    for index, (k, t) in enumerate(ds.frame_order):
        info = frame_info(ds, index)
        assert info.index == index
        assert info.pixel_spacing == (0.5, 0.75)  # shared
        assert info.slice_thickness == SPACING
        assert info.image_orientation == (0.0, 1.0, 0.0, 0.0, 0.0, -1.0)
        assert np.allclose(info.image_position, np.asarray(ORIGIN) + k * SPACING * normal)
        assert np.allclose(info.normal, normal)
        assert (info.rescale_slope, info.rescale_intercept, info.rescale_type) == (
            1.0 + t, -1024.0 + k, "HU")
        assert [(w.center, w.width, w.function) for w in info.windows] == [
            (40.0 + k, 400.0 + 10 * t, "LINEAR")]
        assert info.dimension_index_values == (1, k + 1, t + 1)
        assert (info.stack_id, info.in_stack_position_number, info.temporal_position_index) == (
            "1", k + 1, t + 1)
        assert info.item(tags.PlanePositionSequence) is not None
    assert len(list(iter_frame_info(ds))) == len(ds.frame_order)


def test_frame_info_after_a_round_trip_through_a_file() -> None:
    ds = enhanced_ct(rwv=True, rwv_lut=True)
    again = dicomkit.read(to_bytes(ds))
    assert [frame_info(again, i) for i in range(8)] == [frame_info(ds, i) for i in range(8)]
    assert frame_info(again, 3).real_world_value_mappings[0].units == ("mm2/s", "UCUM", "mm2/s")


def test_a_per_frame_group_wins_over_the_shared_one() -> None:
    # C.7.6.16.1.1 forbids both; when a writer puts both, the frame's own value is the one
    # that describes the frame (highdicom does the same)
    ds = enhanced_ct(slices=2, times=1)
    item = Dataset()
    item.PixelSpacing = [0.9, 0.9]
    ds.PerFrameFunctionalGroupsSequence[1].PixelMeasuresSequence = [item]
    assert frame_info(ds, 1).pixel_spacing == (0.9, 0.9)
    assert frame_info(ds, 0).pixel_spacing == (0.5, 0.75)


def test_classic_image_uses_the_top_level() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    info = frame_info(ds, 0)
    assert info.image_position == tuple(float(v) for v in ds.ImagePositionPatient)
    assert info.pixel_spacing == tuple(float(v) for v in ds.PixelSpacing)
    assert (info.rescale_slope, info.rescale_intercept) == (float(ds.RescaleSlope),
                                                            float(ds.RescaleIntercept))
    p = pydicom.dcmread(sample("CT_small.dcm"))
    expected = pydicom.pixels.apply_modality_lut(p.pixel_array, p)
    assert np.array_equal(modality_values(ds, 0), expected)


def test_modality_and_voi_values_per_frame_match_highdicom() -> None:
    ds = enhanced_ct()
    image = _highdicom_image(ds)
    for index, (k, t) in enumerate(ds.frame_order):
        ours = modality_values(ds, index)
        theirs = image.get_frame(index + 1)
        assert np.array_equal(ours, theirs), index
        windowed = voi_values(ds, index)
        hd_windowed = image.get_frame(index + 1, apply_voi_transform=True)
        center, width, slope = 40.0 + k, 400.0 + 10 * t, 1.0 + t
        # PS3.3 C.11.2.1.2.1: the window applies to the Modality LUT output x,
        # y = ((x - (c - 0.5)) / (w - 1) + 0.5) clipped to [0, 1]
        standard = np.clip((ours - (center - 0.5)) / (width - 1) + 0.5, 0, 1)
        assert np.allclose(windowed, standard), index
        if slope == 1.0:
            assert np.allclose(windowed, hd_windowed), index
        else:
            # highdicom 0.28 folds the rescale into the window (c' = (c - b) / m, w' = w / m)
            # and applies LINEAR to stored values, so its "w - 1" becomes w - m: it differs
            # from the clause by a fraction of a grey level when the slope is not 1
            folded = np.clip((ours - center + width / 2) / (width - slope), 0, 1)
            assert np.allclose(hd_windowed, folded), index
            assert not np.allclose(windowed, hd_windowed)


def test_values_differ_by_frame_as_the_groups_say() -> None:
    ds = enhanced_ct()
    stored = ds.pixel_array
    for index, (k, t) in enumerate(ds.frame_order):
        assert np.array_equal(modality_values(ds, index),
                              stored[index].astype(np.float64) * (1 + t) + (-1024 + k))


def test_real_world_values_linear_and_lut_match_highdicom() -> None:
    ds = enhanced_ct(times=1, rwv=True, rwv_lut=True)
    image = _highdicom_image(ds)
    values, units = real_world_values(ds, 0)
    assert units == ("mm2/s", "UCUM", "mm2/s")
    assert np.allclose(values, image.get_frame(1, apply_real_world_transform=True),
                       equal_nan=True)
    stored = ds.pixel_array[0].astype(np.float64)
    inside = (stored >= 0) & (stored <= 4095)
    assert np.allclose(values[inside], stored[inside] * 0.5 - 10.0)
    assert np.isnan(values[~inside]).all()
    squares, units = real_world_values(ds, 0, mapping="SQ")
    assert units[0] == "1"
    small = (stored >= 0) & (stored <= 9)
    assert np.array_equal(squares[small], stored[small] ** 2)
    assert np.isnan(squares[~small]).all()
    same, _ = real_world_values(ds, 0, mapping=1)
    assert np.array_equal(same, squares, equal_nan=True)
    # highdicom refuses a frame with stored values beyond the LUT (ValueError); the mapping
    # covers only First to Last Value Mapped (PS3.3 C.7.6.16.2.11.1), so ours says NaN there
    with pytest.raises(ValueError, match="outside the range of the LUT"):
        image.get_frame(1, apply_real_world_transform=True, real_world_value_map_selector=1)


def test_real_world_value_errors() -> None:
    with pytest.raises(FrameError, match="no Real World Value Mapping Sequence"):
        real_world_values(enhanced_ct(slices=1, times=1), 0)
    ds = enhanced_ct(slices=1, times=1, rwv=True)
    with pytest.raises(FrameError, match="labelled or in units 'NOPE'.*'HALF'"):
        real_world_values(ds, 0, mapping="NOPE")
    with pytest.raises(FrameError, match="1 Real World Value Mapping"):
        real_world_values(ds, 0, mapping=3)
    del ds.SharedFunctionalGroupsSequence[0].RealWorldValueMappingSequence[0].RealWorldValueSlope
    with pytest.raises(FrameError, match="neither LUT Data nor slope"):
        frame_info(ds, 0)
    lut_ds = enhanced_ct(slices=1, times=1, rwv_lut=True)
    lut_ds.SharedFunctionalGroupsSequence[0].RealWorldValueMappingSequence[0]\
        .RealWorldValueLastValueMapped = 20
    with pytest.raises(FrameError, match="10 entries.*needs 21"):
        frame_info(lut_ds, 0)


def test_frame_errors_name_the_frame_and_the_attribute() -> None:
    ds = enhanced_ct(slices=2, times=1)
    with pytest.raises(FrameError, match="frame 2 does not exist: the image has 2"):
        frame_info(ds, 2)
    with pytest.raises(FrameError, match="must be an int"):
        frame_info(ds, 1.0)  # type: ignore[arg-type]
    ds.PerFrameFunctionalGroupsSequence[1].PlanePositionSequence[0].ImagePositionPatient = [1, 2]
    with pytest.raises(FrameError) as caught:
        frame_info(ds, 1)
    assert caught.value.frame == 1
    assert caught.value.tag_path == "(0020,9113)[0].(0020,0032)"
    assert "2 value(s), 3 are required" in str(caught.value)
    del ds.PerFrameFunctionalGroupsSequence[1]
    with pytest.raises(FrameError, match="1 item.*for 2 frames"):
        frame_info(ds, 0)


def test_voi_lut_in_frame_voi_group() -> None:
    ds = enhanced_ct(slices=1, times=1)
    group = ds.PerFrameFunctionalGroupsSequence[0].FrameVOILUTSequence[0]
    lut_item = Dataset()
    lut_item.add_new("LUTDescriptor", "US", [4096, 0, 12])
    lut_item.add_new("LUTData", "OW", np.arange(4095, -1, -1, dtype="<u2").tobytes())
    group.VOILUTSequence = [lut_item]
    modality = modality_values(ds, 0)
    out = voi_values(ds, 0)
    expected = (4095 - np.clip(modality, 0, 4095)) / 4095.0
    assert np.allclose(out, expected)
    with pytest.raises(FrameError, match="1 VOI LUT"):
        voi_values(ds, 0, window=1)


def test_mutated_enhanced_files_raise_only_dicom_errors() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    raw = to_bytes(enhanced_ct(slices=2, times=1))

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)), max_size=8))
    def check(edits: list[tuple[int, int]]) -> None:
        data = bytearray(raw)
        for offset, byte in edits:
            data[offset] = byte
        try:
            ds = dicomkit.read(bytes(data))
            for info in iter_frame_info(ds):
                assert info.index >= 0
            modality_values(ds, 0)
        except DicomError:
            pass

    check()


def test_display_values_with_a_supplemental_palette() -> None:
    # PS3.3 C.8.16.2.1.1.1: stored values from the palette's first value mapped upwards are
    # shown in colour, those below go through the frame's own grayscale pipeline
    from dicomkit.objects.frames import display_values

    ds = enhanced_ct(slices=2, times=1)
    stored = ds.pixel_array
    first = int(np.percentile(stored, 90))
    entries = int(stored.max()) - first + 1
    for colour, data in (("Red", np.full(entries, 65535)), ("Green", np.zeros(entries)),
                         ("Blue", np.zeros(entries))):
        ds.add_new(f"{colour}PaletteColorLookupTableDescriptor", "US", [entries, first, 16])
        ds.add_new(f"{colour}PaletteColorLookupTableData", "OW",
                   data.astype("<u2").tobytes())
    ds.PixelPresentation = "COLOR"
    for index in range(2):
        gray = display_values(ds, index, supplemental_palette=False)
        shown = display_values(ds, index)
        expected_gray = np.clip(np.rint(voi_values(ds, index, y_range=(0.0, 255.0))), 0, 255)
        assert np.array_equal(gray, expected_gray.astype(np.uint8))
        indexed = stored[index] >= first
        assert indexed.any() and (~indexed).any()
        assert (shown[indexed] == [255, 0, 0]).all()
        assert np.array_equal(shown[~indexed], np.repeat(gray[~indexed][:, None], 3, axis=1))


@pytest.mark.parametrize("name", ["CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm",
                                  "JPEG2000.dcm"])
def test_display_values_of_a_classic_image_equal_render(name: str) -> None:
    from dicomkit.objects.frames import display_values
    from dicomkit.pixels.render import render

    ds = dicomkit.read(sample(name))
    assert np.array_equal(display_values(ds, 0), render(ds))
    assert np.array_equal(display_values(ds, 0, center_width=(100.0, 400.0)),
                          render(ds, window=(100.0, 400.0)))


def test_display_values_of_an_enhanced_frame_use_its_own_rescale_and_window() -> None:
    from dicomkit.objects.frames import display_values

    ds = enhanced_ct(slices=2, times=2)
    for index in range(4):
        expected = np.clip(np.rint(voi_values(ds, index, y_range=(0.0, 255.0))), 0, 255)
        assert np.array_equal(display_values(ds, index), expected.astype(np.uint8))
    ds.PresentationLUTShape = "INVERSE"
    assert np.array_equal(display_values(ds, 0),
                          255 - np.clip(np.rint(voi_values(ds, 0, y_range=(0.0, 255.0))), 0,
                                        255).astype(np.uint8))


def test_a_real_file_with_too_many_per_frame_items_is_named() -> None:
    # pydicom's liver_1frame.dcm keeps 3 per-frame items for its 1 frame: which one is the
    # frame's cannot be known (PS3.3 C.7.6.16: one item per frame)
    ds = dicomkit.read(sample("liver_1frame.dcm"))
    with pytest.raises(FrameError, match="3 item.*for 1 frames") as caught:
        frame_info(ds, 0)
    assert caught.value.source.endswith("liver_1frame.dcm")


def test_per_frame_values_equal_pydicom_given_the_frames_own_group_items() -> None:
    # pydicom's apply_modality_lut / apply_voi_lut read the top level only, where an enhanced
    # image has no rescale or window (so they leave its values unchanged); given the frame's
    # own functional group items, they agree with ours frame by frame
    from pydicom.pixels import apply_modality_lut, apply_voi_lut

    ds = enhanced_ct()
    ref = pydicom.dcmread(io.BytesIO(to_bytes(ds)))
    stored = ref.pixel_array
    assert np.array_equal(apply_modality_lut(stored, ref), stored)
    for index in range(len(ds.frame_order)):
        item = ref.PerFrameFunctionalGroupsSequence[index]
        theirs = apply_modality_lut(stored[index], item.PixelValueTransformationSequence[0])
        assert np.array_equal(modality_values(ds, index), theirs)
        window = item.FrameVOILUTSequence[0]
        window.BitsStored = 8  # pydicom maps a window onto the stored range: 0..255 here
        window.PhotometricInterpretation = "MONOCHROME2"
        window.PixelRepresentation = 0
        windowed = apply_voi_lut(theirs.copy(), window)
        ours = voi_values(ds, index, y_range=(0.0, 255.0))
        assert np.allclose(ours, windowed)


#: pydicom samples that are damaged on purpose (their own tests say so): a truncated file, a
#: JPEG 2000 stream broken by a sequence delimiter, Number of Frames '1A'; and the liver SEG
#: frames with surplus per-frame items (tested above)
_DAMAGED = {"MR_truncated.dcm", "JPEG2000-embedded-sequence-delimiter.dcm", "badVR.dcm",
            "liver_1frame.dcm", "liver_expb_1frame.dcm"}


def _pydicom_samples() -> list[str]:
    from tests.samples import samples

    names = []
    for path in samples("*.dcm"):
        ds = dicomkit.read(path, stop_before_pixels=True)
        if tags.SamplesPerPixel in ds and int(ds.SamplesPerPixel) == 1 \
                and path.name not in _DAMAGED:
            names.append(path.name)
    assert len(names) > 20
    return names


@pytest.mark.parametrize("name", _pydicom_samples())
def test_values_of_pydicoms_samples_equal_pydicom(name: str) -> None:
    # the LUT steps alone: pydicom's functions get the frame we decoded (decoders of some
    # JPEG processes differ by one grey level, which is the codecs' business)
    from pydicom.pixels import apply_modality_lut, apply_voi_lut

    ds = dicomkit.read(sample(name))
    stored = dicomkit.pixels.array.pixel_array(ds, frame=0, as_rgb=False)
    ref = pydicom.dcmread(sample(name))
    theirs = apply_modality_lut(stored, ref)
    assert np.allclose(modality_values(ds, 0), theirs)
    info = frame_info(ds, 0)
    if info.windows or info.voi_lut_sequence:
        windowed = apply_voi_lut(np.asarray(theirs, dtype=np.float64).copy(), ref)
        ours = voi_values(ds, 0)
        if info.voi_lut_sequence:
            bits = lut_bits(info.voi_lut_sequence[0])
            assert np.allclose(ours, windowed / ((1 << bits) - 1))
        else:  # pydicom maps a window onto the stored range (C.11.2 leaves it open)
            b = int(ref.BitsStored)
            low = -(1 << (b - 1)) if int(ref.PixelRepresentation) else 0
            if "RescaleSlope" in ref:
                low = low * float(ref.RescaleSlope) + float(ref.RescaleIntercept)
                high = ((1 << b) - 1 + (-(1 << (b - 1)) if int(ref.PixelRepresentation)
                                         else 0)) * float(ref.RescaleSlope) \
                    + float(ref.RescaleIntercept)
            else:
                high = low + (1 << b) - 1
            assert np.allclose(ours, (windowed - low) / (high - low))


def lut_bits(item: Any) -> int:
    from dicomkit.pixels import lut

    return lut.lut_from(item)[1]


def test_text_where_integers_belong_is_a_frame_error() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    ds.add_new(tags.TemporalPositionIndex, "UN", "x1", validation_mode="ignore")
    with pytest.raises(FrameError, match="temporal position index is .x1., not integers"):
        frame_info(ds, 0)
