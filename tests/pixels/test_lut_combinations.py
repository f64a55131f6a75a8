"""Modality LUT and VOI LUT in every combination (PS3.4 N.2: stored -> Modality LUT (C.11.1:
rescale or LUT Sequence) -> VOI (C.11.2: window or VOI LUT Sequence)), each against pydicom's
``apply_modality_lut`` then ``apply_voi_lut`` on the same bytes, and the Supplemental Palette
Color LUT (C.7.6.19) of a grayscale image."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.pixels import lut
from dicomkit.pixels.array import pixel_array
from dicomkit.pixels.info import PixelDataError
from tests.pixels.test_lut import _lut_item, _to_pydicom

pydicom = pytest.importorskip("pydicom")
pytestmark = pytest.mark.filterwarnings("ignore:Applying a VOI LUT on a float")
from pydicom.pixels import apply_modality_lut, apply_voi_lut  # noqa: E402

SIGNED = np.concatenate([np.arange(-2048, 2048, 5), [-2048, -1, 0, 2047]]).astype(np.int16)\
    .reshape(1, -1)
UNSIGNED = np.concatenate([np.arange(0, 4096, 7), [0, 4095]]).astype(np.uint16).reshape(1, -1)


def _image(signed: bool, **attributes: Any) -> dicomkit.Dataset:
    values = SIGNED if signed else UNSIGNED
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns = values.shape
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 12, 11
    ds.PixelRepresentation = 1 if signed else 0
    for keyword, value in attributes.items():
        setattr(ds, keyword, value)
    ds.add_new(0x7FE00010, "OW", values.astype("<i2" if signed else "<u2").tobytes())
    return ds


def _signed_lut_item(first: int, bits: int, data: list[int]) -> dicomkit.Dataset:
    item = dicomkit.Dataset()
    item.add_new(0x00283002, "SS", [len(data), first, bits])  # LUT Descriptor, US or SS
    item.add_new(0x00283006, "US", data)
    return item


def _modality(kind: str, ds: dicomkit.Dataset, signed: bool) -> None:
    if kind == "rescale":
        ds.RescaleSlope, ds.RescaleIntercept = "1.5", "-100"
    elif kind == "lut":
        first = -2048 if signed else 0
        table = [int(v) for v in np.linspace(0, 4000, 4096).round()]
        ds.ModalityLUTSequence = [_signed_lut_item(first, 16, table) if signed
                                  else _lut_item(first, 16, table)]


def _voi(kind: str, ds: dicomkit.Dataset, low: float, high: float) -> None:
    if kind == "window":
        ds.WindowCenter, ds.WindowWidth = str((low + high) / 2), str(high - low)
    elif kind == "lut":
        start = int(np.floor(low))
        table = [int(v) for v in np.linspace(0, 1023, int(high - low)).round()]
        ds.VOILUTSequence = [_signed_lut_item(start, 10, table) if start < 0
                             else _lut_item(start, 10, table)]


@pytest.mark.parametrize("signed", [False, True])
@pytest.mark.parametrize("modality", ["none", "rescale", "lut"])
@pytest.mark.parametrize("voi", ["none", "window", "lut"])
def test_modality_then_voi_equals_pydicom(signed: bool, modality: str, voi: str) -> None:
    ds = _image(signed)
    _modality(modality, ds, signed)
    stored = pixel_array(ds)
    ref = _to_pydicom(ds)
    ours_m = lut.apply_modality_lut(stored, ds)
    theirs_m = apply_modality_lut(stored.copy(), ref)
    np.testing.assert_allclose(ours_m, theirs_m, atol=1e-9)
    low, high = float(np.min(ours_m)) + 100, float(np.max(ours_m)) - 100
    _voi(voi, ds, low, high)
    ref = _to_pydicom(ds)
    ours = lut.apply_voi_lut(ours_m, ds)
    theirs = apply_voi_lut(theirs_m.copy(), ref)
    if voi == "window":
        # pydicom maps a window onto the (rescaled) stored range, dicomkit onto 0..255 (C.11.2
        # leaves the output range to the implementation; the shape is C.11.2.1.2.1's); the
        # window lies inside the values, so both ends of each output are reached
        span = float(theirs.max() - theirs.min())
        np.testing.assert_allclose(ours / 255.0, (theirs - theirs.min()) / span, atol=1e-9)
    else:
        np.testing.assert_allclose(ours, theirs, atol=1e-9)
    if voi == "lut":  # values below the first mapped take the first entry (C.11.2.1.1)
        assert ours[ours_m < low].max(initial=0) == 0


def test_eight_bit_voi_lut_longer_than_256_entries() -> None:
    # PS3.3 C.11.2.1.1: input values map to successive entries up to number of entries +
    # first value mapped - 1, whatever the bits per entry.  pydicom 3.0 computes the index in
    # the entries' own type (uint8 for 8 bits), so past 256 entries its index wraps around
    ds = _image(False)
    table = [int(v) for v in np.linspace(0, 255, 4096).round()]
    ds.VOILUTSequence = [_lut_item(0, 8, table)]
    stored = pixel_array(ds)
    ours = lut.apply_voi_lut(stored, ds)
    np.testing.assert_array_equal(ours, np.asarray(table)[stored])
    theirs = apply_voi_lut(stored.copy(), _to_pydicom(ds))
    np.testing.assert_array_equal(theirs, np.asarray(table)[stored % 256])


def test_signed_first_value_read_as_unsigned_is_taken_as_signed() -> None:
    # a Modality LUT Descriptor written US although the stored values are signed: -2048
    # reads back as 63488 (PS3.3 C.11.1.1.1 says US or SS by Pixel Representation)
    ds = _image(True)
    table = list(range(4096))
    ds.ModalityLUTSequence = [_lut_item(63488, 16, table)]
    out = lut.apply_modality_lut(pixel_array(ds), ds)
    np.testing.assert_array_equal(out, SIGNED.astype(np.int64) + 2048)
    assert lut.signed_first(63488, ds) == -2048
    assert lut.signed_first(63488, _image(False)) == 63488


def _palette(ds: dicomkit.Dataset, first: int, entries: int) -> None:
    ramp = np.linspace(0, 65535, entries).round().astype(int)
    for colour, data in (("Red", ramp), ("Green", ramp[::-1]), ("Blue", np.zeros(entries, int))):
        ds.add_new(f"{colour}PaletteColorLookupTableDescriptor", "US", [entries, first, 16])
        ds.add_new(f"{colour}PaletteColorLookupTableData", "OW",
                   data.astype("<u2").tobytes())


def test_supplemental_palette_colours_the_indexed_range_only() -> None:
    ds = _image(False)
    _palette(ds, 3000, 1096)
    stored = pixel_array(ds)
    gray = (stored >> 4).astype(np.uint8)
    rgb = lut.apply_supplemental_palette(stored, gray, ds)
    assert rgb.shape == (*stored.shape, 3) and rgb.dtype == np.uint8
    below = stored < 3000
    assert np.array_equal(rgb[below], np.repeat(gray[below][:, None], 3, axis=1))
    top = stored == 4095
    assert rgb[top].tolist() == [[255, 0, 0]] * int(top.sum())
    at = stored == 3003  # the fourth entry, 3 steps up the ramp
    step = 65535 / 1095
    assert rgb[at][0].tolist() == [round(round(3 * step) / 257), round(
        round(65535 - 3 * step) / 257), 0] if at.any() else True
    with pytest.raises(PixelDataError, match="grayscale output of shape"):
        lut.apply_supplemental_palette(stored, gray[:, :3], ds)
    assert lut.has_palette(ds)
    assert not lut.has_palette(_image(False))
