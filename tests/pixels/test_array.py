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
from dicomkit.pixels.info import PixelDataError
from tests.samples import samples

pydicom = pytest.importorskip("pydicom")
from pydicom.pixels import apply_color_lut  # noqa: E402


def _reference(path: str) -> np.ndarray[Any, Any] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ref = pydicom.dcmread(path)
            if not any(t in ref for t in (0x7FE00010, 0x7FE00008, 0x7FE00009)):
                return None
            array: np.ndarray[Any, Any] = ref.pixel_array
            if str(ref.get("PhotometricInterpretation", "")) == "PALETTE COLOR":
                array = apply_color_lut(array, ref)
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


@pytest.mark.parametrize("path", SAMPLES, ids=[Path(p).name for p in SAMPLES])
def test_rgb_array_equals_pydicom(path: str) -> None:
    expected = _reference(path)
    assert expected is not None
    got = pixel_array(dicomkit.read(path), as_rgb=True)
    assert got.shape == expected.shape
    if _lossy(path):
        assert np.abs(got.astype(np.int64) - expected.astype(np.int64)).max() <= 4
    else:
        assert got.dtype == expected.dtype.newbyteorder("=")
        np.testing.assert_array_equal(got, expected)


MULTI = [p for p in SAMPLES if int(dicomkit.read(p, stop_before_pixels=True).get("NumberOfFrames").value
                                   if dicomkit.read(p, stop_before_pixels=True).get("NumberOfFrames")
                                   else 1) > 1]


@pytest.mark.parametrize("path", MULTI, ids=[Path(p).name for p in MULTI])
def test_one_frame_equals_that_frame_of_all(path: str) -> None:
    ds = dicomkit.read(path)
    every = pixel_array(ds, as_rgb=True)
    last = every.shape[0] - 1
    for frame in (0, last):
        np.testing.assert_array_equal(pixel_array(ds, frame, as_rgb=True), every[frame])
    frames = list(iter_frames(ds, as_rgb=True))
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
