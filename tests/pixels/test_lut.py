"""Modality, VOI and palette lookup tables (PS3.3 C.11.1, C.11.2, C.7.6.3.1.5, C.7.9) against
pydicom's implementations, on data sets built here and written/read so both readers see the
same bytes."""

from __future__ import annotations

import io
import warnings
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.generated import uids
from dicomkit.pixels import lut
from dicomkit.pixels.array import pixel_array
from dicomkit.pixels.info import PixelDataError
from tests.samples import sample_str

pydicom = pytest.importorskip("pydicom")
from pydicom.pixels import apply_color_lut, apply_modality_lut, apply_voi_lut  # noqa: E402

#: Every stored value of a 16-bit unsigned image with Bits Stored 12, in a few odd spots too.
VALUES = np.concatenate([np.arange(0, 4096, 7), [0, 1, 4094, 4095]]).astype(np.uint16).reshape(1, -1)


def _image(**attributes: Any) -> dicomkit.Dataset:
    """A 1-row, 16-bit (12 stored) unsigned MONOCHROME2 image holding VALUES, plus attributes."""
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns = VALUES.shape
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    for keyword, value in attributes.items():
        setattr(ds, keyword, value)
    ds.add_new(0x7FE00010, "OW", VALUES.astype("<u2").tobytes())
    return ds


def _lut_item(first: int, bits: int, data: list[int]) -> dicomkit.Dataset:
    item = dicomkit.Dataset()
    item.add_new(0x00283002, "US", [len(data), first, bits])  # LUT Descriptor
    item.add_new(0x00283006, "US", data)  # LUT Data
    return item


def _to_pydicom(ds: dicomkit.Dataset) -> Any:
    """The same data set as pydicom reads it from the file dicomkit writes."""
    ds.file_meta = dicomkit.Dataset()
    ds.SOPClassUID, ds.SOPInstanceUID = uids.SecondaryCaptureImageStorage, "1.2.826.0.1.3680043.2.1"
    stream = io.BytesIO()
    dicomkit.write(stream, ds, transfer_syntax=uids.ExplicitVRLittleEndian)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pydicom.dcmread(io.BytesIO(stream.getvalue()))


@pytest.mark.parametrize("slope,intercept", [("1", "-1024"), ("0.5", "10"), ("2.25", "-3.5")])
def test_rescale_slope_and_intercept_equal_pydicom(slope: str, intercept: str) -> None:
    ds = _image(RescaleSlope=slope, RescaleIntercept=intercept)
    ours = lut.apply_modality_lut(pixel_array(ds), ds)
    theirs = apply_modality_lut(pixel_array(ds), _to_pydicom(ds))
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-9)
    assert ours[0, 1] == pytest.approx(7 * float(slope) + float(intercept))


def test_identity_rescale_leaves_the_array_unchanged() -> None:
    ds = _image(RescaleSlope="1", RescaleIntercept="0")
    array = pixel_array(ds)
    assert lut.apply_modality_lut(array, ds) is array


def test_modality_lut_sequence_equals_pydicom_and_clamps_outside_the_table() -> None:
    table = [int(v) for v in (np.arange(1000) * 3 + 5) % 65536]
    ds = _image()
    ds.ModalityLUTSequence = [_lut_item(100, 16, table)]
    ours = lut.apply_modality_lut(pixel_array(ds), ds)
    theirs = apply_modality_lut(pixel_array(ds), _to_pydicom(ds))
    np.testing.assert_array_equal(ours, theirs)
    assert ours[0, 0] == table[0]  # stored 0 is below the first mapped value 100
    assert ours[0, -1] == table[-1]  # 4095 is beyond the last entry


def test_modality_lut_sequence_wins_over_rescale() -> None:
    ds = _image(RescaleSlope="2", RescaleIntercept="7")
    ds.ModalityLUTSequence = [_lut_item(0, 16, list(range(4096)))]
    np.testing.assert_array_equal(lut.apply_modality_lut(pixel_array(ds), ds), VALUES)


def _pydicom_window_range(ds: Any) -> tuple[float, float]:
    """The output range pydicom maps a window onto: the stored range (PS3.3 C.11.2 leaves it
    to the implementation; dicomkit maps onto 0..255)."""
    bits = int(ds.BitsStored)
    return 0.0, float((1 << bits) - 1)


@pytest.mark.parametrize("function", ["LINEAR", "LINEAR_EXACT", "SIGMOID"])
@pytest.mark.parametrize("center,width", [(2048, 4096), (1000.5, 301), (40, 1), (3000, 2)])
def test_window_equals_pydicom_after_normalising_the_output_range(function: str, center: float,
                                                                  width: float) -> None:
    if function == "LINEAR" and width < 1:
        return
    ds = _image(WindowCenter=str(center), WindowWidth=str(width), VOILUTFunction=function)
    ours = lut.apply_voi_lut(pixel_array(ds), ds)
    ref = _to_pydicom(ds)
    theirs = apply_voi_lut(pixel_array(ds).copy(), ref)
    low, high = _pydicom_window_range(ref)
    np.testing.assert_allclose(ours / 255.0, (theirs - low) / (high - low), rtol=0, atol=1e-9)
    assert lut.voi_output_range(ds) == (0.0, 255.0)


def test_linear_window_follows_the_ps33_formula() -> None:
    # C.11.2.1.2.1: x <= c - 0.5 - (w-1)/2 -> ymin; x > c - 0.5 + (w-1)/2 -> ymax; else
    # ((x - (c - 0.5)) / (w - 1) + 0.5) * (ymax - ymin) + ymin
    c, w = 100.0, 51.0
    x = np.arange(60, 141, dtype=np.int32)
    got = lut.apply_windowing(x, c, w, "LINEAR", 0.0, 255.0)
    inside = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255.0
    expected = np.where(x <= c - 0.5 - (w - 1) / 2, 0.0,
                        np.where(x > c - 0.5 + (w - 1) / 2, 255.0, inside))
    np.testing.assert_allclose(got, expected, atol=1e-9)


def test_sigmoid_window_follows_the_ps33_formula() -> None:
    # C.11.2.1.3.1: y = (ymax - ymin) / (1 + exp(-4 (x - c) / w)) + ymin
    x = np.linspace(-500, 500, 41)
    got = lut.apply_windowing(x, 10.0, 200.0, "SIGMOID", -10.0, 90.0)
    np.testing.assert_allclose(got, 100.0 / (1 + np.exp(-4 * (x - 10.0) / 200.0)) - 10.0)


@pytest.mark.parametrize("function,width", [("LINEAR", 0.5), ("LINEAR_EXACT", 0), ("SIGMOID", -1)])
def test_window_width_out_of_range_raises(function: str, width: float) -> None:
    with pytest.raises(PixelDataError, match="Window Width"):
        lut.apply_windowing(VALUES, 100, width, function)


def test_second_window_is_chosen_by_index_and_a_missing_one_raises() -> None:
    ds = _image(WindowCenter=["100", "2000"], WindowWidth=["50", "400"])
    ref = _to_pydicom(ds)
    ours = lut.apply_voi_lut(pixel_array(ds), ds, index=1)
    theirs = apply_voi_lut(pixel_array(ds).copy(), ref, index=1)
    np.testing.assert_allclose(ours / 255.0, theirs / 4095.0, atol=1e-9)
    with pytest.raises(PixelDataError, match="2 window"):
        lut.apply_voi_lut(pixel_array(ds), ds, index=2)


def test_voi_lut_sequence_equals_pydicom_and_reports_its_output_range() -> None:
    table = [int(v) for v in np.linspace(0, 1023, 600).round()]
    ds = _image(WindowCenter="10", WindowWidth="20")  # the LUT is preferred, as in pydicom
    ds.VOILUTSequence = [_lut_item(1500, 10, table)]
    ours = lut.apply_voi_lut(pixel_array(ds), ds)
    theirs = apply_voi_lut(pixel_array(ds).copy(), _to_pydicom(ds), prefer_lut=True)
    np.testing.assert_array_equal(ours, theirs)
    assert lut.voi_output_range(ds) == (0.0, 1023.0)
    assert lut.has_voi(ds)


def test_no_voi_leaves_the_array_unchanged() -> None:
    ds = _image()
    array = pixel_array(ds)
    assert not lut.has_voi(ds)
    assert lut.apply_voi_lut(array, ds) is array


def test_palette_sample_equals_pydicom_apply_color_lut() -> None:
    path = sample_str("examples_palette.dcm")
    ds = dicomkit.read(path)
    indices = pixel_array(ds)
    ours = lut.palette_to_rgb(indices, ds)
    theirs = apply_color_lut(indices, pydicom.dcmread(path))
    assert ours.shape == (*indices.shape, 3)
    assert ours.dtype == theirs.dtype
    np.testing.assert_array_equal(ours, theirs)


#: A segmented LUT of 16-bit entries (PS3.3 C.7.9.2): discrete 3 values, linear to 1000 over
#: 5 steps, indirect copy of the first two segments (word offset 0, as pydicom and GDCM read
#: the offset), discrete 1 value, linear down to 0 over 4 steps.
SEGMENTED = [0, 3, 10, 20, 30,
             1, 5, 1000,
             2, 2, 0, 0,
             0, 1, 65535,
             1, 4, 0]
EXPANDED = [10, 20, 30, 224, 418, 612, 806, 1000,
            10, 20, 30, 224, 418, 612, 806, 1000,
            65535, 49151, 32768, 16384, 0]


def test_segmented_lut_expands_discrete_linear_and_indirect_segments() -> None:
    got = lut.segmented_lut(np.array(SEGMENTED, dtype=np.uint16))
    np.testing.assert_array_equal(got, EXPANDED)


def test_indirect_segment_offset_counts_bytes_as_ps33_c7923_says() -> None:
    """The offset of an indirect segment is a byte offset (PS3.3 C.7.9.2.3): 10 bytes is the
    linear segment at word 5, copied after the discrete one that ends at 30."""
    data = [0, 3, 10, 20, 30,
            1, 2, 50,
            2, 1, 10, 0]
    got = lut.segmented_lut(np.array(data, dtype=np.uint16))
    np.testing.assert_array_equal(got, [10, 20, 30, 40, 50, 50, 50])


@pytest.mark.parametrize("data,message", [([5, 1, 0], "unknown segment opcode 5"),
                                          ([1, 3, 100], "no previous value"),
                                          ([0], "ends inside a segment header")])
def test_malformed_segmented_lut_raises(data: list[int], message: str) -> None:
    with pytest.raises(PixelDataError, match=message):
        lut.segmented_lut(np.array(data, dtype=np.uint16))


def test_segmented_palette_equals_pydicom_apply_color_lut() -> None:
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns, ds.SamplesPerPixel = 1, 30, 1
    ds.PhotometricInterpretation = "PALETTE COLOR"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    segments = {"Red": SEGMENTED, "Green": [0, 2, 7, 9, 1, 19, 40000],
                "Blue": [0, 1, 500, 2, 1, 0, 0, 1, 19, 60000]}
    for n, data in enumerate(segments.values()):
        ds.add_new(0x00281101 + n, "US", [len(EXPANDED), 2, 16])  # descriptor
        ds.add_new(0x00281221 + n, "OW", np.array(data, "<u2").tobytes())  # segmented data
    indices = np.arange(30, dtype=np.uint8).reshape(1, 30)
    ds.add_new(0x7FE00010, "OB", indices.tobytes())
    np.testing.assert_array_equal(pixel_array(ds), indices)  # indices, as pydicom 3 gives
    ours = lut.palette_to_rgb(pixel_array(ds), ds)
    theirs = apply_color_lut(indices, _to_pydicom(ds))
    np.testing.assert_array_equal(ours, theirs)
    np.testing.assert_array_equal(ours[0, 2:23, 0], EXPANDED)  # first mapped value 2


def test_palette_without_descriptor_raises() -> None:
    ds = _image()
    with pytest.raises(PixelDataError, match="PaletteColorLookupTableDescriptor"):
        lut.palette_to_rgb(pixel_array(ds), ds)
