"""pixel_array against pydicom on every pydicom sample with pixel data (native and encapsulated)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.array import iter_frames, pixel_array
from dicomkit.pixels.color import convert_color
from dicomkit.pixels.info import YBR, PixelDataError
from dicomkit.pixels.lut import palette_to_rgb
from tests.samples import sample, samples

pydicom = pytest.importorskip("pydicom")
from pydicom.pixels import apply_color_lut  # noqa: E402


def _reference(path: str, raw: bool = False) -> np.ndarray[Any, Any] | None:
    """pydicom's pixel_array: its default (YBR as RGB, palette indices), or ``raw=True``
    (the stored values)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ref = pydicom.dcmread(path)
            if not any(t in ref for t in (0x7FE00010, 0x7FE00008, 0x7FE00009)):
                return None
            array: np.ndarray[Any, Any] = (pydicom.pixels.pixel_array(ref, raw=True) if raw
                                           else ref.pixel_array)
            return array
        except Exception:
            return None


with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    SAMPLES = sorted(p for p in map(str, samples(recursive=True)) if _reference(p) is not None)


def _lossy(path: str) -> bool:
    ds = dicomkit.read(path, stop_before_pixels=True)
    uid = str(ds.file_meta["TransferSyntaxUID"].value).strip("\x00 ")
    return TRANSFER_SYNTAXES[uid].lossless is not True


def test_there_are_samples_of_each_kind() -> None:
    assert len(SAMPLES) >= 80


def _assert_same(got: np.ndarray[Any, Any], expected: np.ndarray[Any, Any], path: str) -> None:
    assert got.shape == expected.shape
    if _lossy(path):
        assert np.abs(got.astype(np.int64) - expected.astype(np.int64)).max() <= 4
    else:
        assert got.dtype == expected.dtype.newbyteorder("=")
        np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("path", SAMPLES, ids=[Path(p).name for p in SAMPLES])
def test_default_array_equals_pydicoms_default(path: str) -> None:
    """One colour convention for every transfer syntax, pydicom 3's: YBR as RGB, palette
    indices, the rest as stored; the Dataset property gives the same."""
    expected = _reference(path)
    assert expected is not None
    ds = dicomkit.read(path)
    got = pixel_array(ds)
    _assert_same(got, expected, path)
    np.testing.assert_array_equal(ds.pixel_array, got)
    photometric = str(ds.get("PhotometricInterpretation").value)
    if photometric in YBR:
        np.testing.assert_array_equal(pixel_array(ds, as_rgb=True), got)


@pytest.mark.parametrize("path", SAMPLES, ids=[Path(p).name for p in SAMPLES])
def test_stored_array_equals_pydicoms_raw(path: str) -> None:
    expected = _reference(path, raw=True)
    assert expected is not None
    _assert_same(pixel_array(dicomkit.read(path), as_rgb=False), expected, path)


def test_samples_cover_ybr_in_native_jpeg_and_jpeg2000_and_palette() -> None:
    kinds = set()
    for path in SAMPLES:
        ds = dicomkit.read(path, stop_before_pixels=True)
        uid = str(ds.file_meta["TransferSyntaxUID"].value).strip("\x00 ")
        family = TRANSFER_SYNTAXES[uid].keyword[:4] if TRANSFER_SYNTAXES[uid].encapsulated else "native"
        kinds.add((family, str(ds.get("PhotometricInterpretation").value)))
    for kind in [("native", "YBR_FULL_422"), ("JPEG", "YBR_FULL"), ("JPEG", "YBR_FULL_422"),
                 ("JPEG", "YBR_RCT"), ("native", "PALETTE COLOR")]:
        assert kind in kinds


def test_palette_colour_gives_indices_and_palette_to_rgb_gives_pydicoms_colours() -> None:
    path = str(sample("examples_palette.dcm"))
    ds = dicomkit.read(path)
    indices = pixel_array(ds)
    np.testing.assert_array_equal(indices, pixel_array(ds, as_rgb=False))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = pydicom.dcmread(path)
        np.testing.assert_array_equal(indices, ref.pixel_array)
        np.testing.assert_array_equal(palette_to_rgb(indices, ds),
                                      apply_color_lut(ref.pixel_array, ref))


def test_native_ybr_is_rgb_by_default_and_ybr_with_as_rgb_false() -> None:
    ds = dicomkit.read(sample("SC_ybr_full_422_uncompressed.dcm"))
    stored = pixel_array(ds, as_rgb=False)
    np.testing.assert_array_equal(pixel_array(ds), convert_color(stored, "YBR_FULL", "RGB"))
    assert not np.array_equal(pixel_array(ds), stored)
    for frame in iter_frames(ds):
        np.testing.assert_array_equal(frame, pixel_array(ds))
    for frame in iter_frames(ds, as_rgb=False):
        np.testing.assert_array_equal(frame, stored)


MULTI = [p for p in SAMPLES if int(dicomkit.read(p, stop_before_pixels=True).get("NumberOfFrames").value
                                   if dicomkit.read(p, stop_before_pixels=True).get("NumberOfFrames")
                                   else 1) > 1]


@pytest.mark.parametrize("as_rgb", [True, False])
@pytest.mark.parametrize("path", MULTI, ids=[Path(p).name for p in MULTI])
def test_one_frame_equals_that_frame_of_all(path: str, as_rgb: bool) -> None:
    ds = dicomkit.read(path)
    every = pixel_array(ds, as_rgb=as_rgb)
    last = every.shape[0] - 1
    for frame in (0, last):
        np.testing.assert_array_equal(pixel_array(ds, frame, as_rgb=as_rgb), every[frame])
    frames = list(iter_frames(ds, as_rgb=as_rgb))
    assert len(frames) == every.shape[0]
    np.testing.assert_array_equal(frames[last], every[last])


def test_dataset_pixel_array_property_gives_the_same_array() -> None:
    path = next(p for p in SAMPLES if Path(p).name == "CT_small.dcm")
    ds = dicomkit.read(path)
    np.testing.assert_array_equal(ds.pixel_array, pixel_array(ds))


def test_frame_out_of_range_raises_for_native_and_encapsulated() -> None:
    for name in ("CT_small.dcm", "MR_small_RLE.dcm"):
        ds = dicomkit.read(next(p for p in SAMPLES if Path(p).name == name))
        with pytest.raises(PixelDataError, match="frame 1 does not exist"):
            pixel_array(ds, 1)
        with pytest.raises(PixelDataError, match="frame -1 does not exist"):
            pixel_array(ds, -1)


def test_dataset_without_pixel_data_raises() -> None:
    path = next(p for p in SAMPLES if Path(p).name == "CT_small.dcm")
    ds = dicomkit.read(path, stop_before_pixels=True)
    with pytest.raises(PixelDataError, match="no Pixel Data"):
        pixel_array(ds)
