"""Colour space conversions (PS3.3 C.7.6.3.1.2) against pydicom, and the exact YBR_RCT round trip."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.pixels.color import SUPPORTED, convert_color
from dicomkit.pixels.info import PixelDataError

pydicom_processing = pytest.importorskip("pydicom.pixels.processing")


def _random_rgb(seed: int, shape: tuple[int, ...] = (2, 17, 23, 3)) -> np.ndarray[Any, Any]:
    return np.random.default_rng(seed).integers(0, 255, size=shape, endpoint=True, dtype=np.uint8)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rgb_to_ybr_full_is_within_one_of_pydicom(seed: int) -> None:
    rgb = _random_rgb(seed)
    ours = convert_color(rgb, "RGB", "YBR_FULL")
    theirs = pydicom_processing.convert_color_space(rgb, "RGB", "YBR_FULL", per_frame=True)
    assert ours.dtype == np.uint8
    assert np.abs(ours.astype(int) - theirs.astype(int)).max() <= 1


@pytest.mark.parametrize("space", ["YBR_FULL", "YBR_FULL_422"])
@pytest.mark.parametrize("seed", [3, 4])
def test_ybr_full_to_rgb_is_within_one_of_pydicom(seed: int, space: str) -> None:
    ybr = _random_rgb(seed)
    ours = convert_color(ybr, space, "RGB")
    theirs = pydicom_processing.convert_color_space(ybr, space, "RGB", per_frame=True)
    assert ours.shape == ybr.shape and ours.dtype == np.uint8
    assert np.abs(ours.astype(int) - theirs.astype(int)).max() <= 1


def test_rgb_through_ybr_full_and_back_stays_within_two_levels() -> None:
    rgb = _random_rgb(5)
    back = convert_color(convert_color(rgb, "RGB", "YBR_FULL"), "YBR_FULL", "RGB")
    assert np.abs(back.astype(int) - rgb.astype(int)).max() <= 2


def test_grey_is_luma_only_in_ybr_full() -> None:
    grey = np.repeat(np.arange(0, 256, 5, dtype=np.uint8)[:, None], 3, axis=1)
    ybr = convert_color(grey, "RGB", "YBR_FULL")
    np.testing.assert_array_equal(ybr[:, 0], grey[:, 0])
    assert np.all(np.abs(ybr[:, 1:].astype(int) - 128) <= 1)


def test_sixteen_bit_ybr_full_uses_the_sixteen_bit_chroma_offset() -> None:
    grey = np.full((1, 1, 3), 40000, dtype=np.uint16)
    ybr = convert_color(grey, "RGB", "YBR_FULL", bits=16)
    assert ybr.dtype == np.uint16
    assert abs(int(ybr[0, 0, 0]) - 40000) <= 1
    assert abs(int(ybr[0, 0, 1]) - 32768) <= 1 and abs(int(ybr[0, 0, 2]) - 32768) <= 1


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 8), st.integers(1, 8), st.sampled_from([8, 12, 16]), st.integers(0, 2**32 - 1))
def test_ybr_rct_round_trip_is_exact(rows: int, cols: int, bits: int, seed: int) -> None:
    dtype = np.uint8 if bits == 8 else np.uint16
    rgb = np.random.default_rng(seed).integers(0, (1 << bits) - 1, size=(rows, cols, 3),
                                               endpoint=True).astype(dtype)
    rct = convert_color(rgb, "RGB", "YBR_RCT", bits=bits)
    back = convert_color(rct, "YBR_RCT", "RGB", bits=bits)
    np.testing.assert_array_equal(back, rgb)  # int64 after the signed chroma of the RCT


def test_ybr_rct_forward_transform_follows_the_jpeg2000_equations() -> None:
    rgb = np.array([[[200, 100, 50]]], dtype=np.uint8)
    # Y = floor((R + 2G + B) / 4), Cb = B - G, Cr = R - G (PS3.5 8.2.4; ISO 15444-1 G.2)
    np.testing.assert_array_equal(convert_color(rgb, "RGB", "YBR_RCT"), [[[112, -50, 100]]])


def test_same_space_returns_the_array_unchanged() -> None:
    rgb = _random_rgb(6, (4, 4, 3))
    assert convert_color(rgb, "YBR_FULL", " YBR_FULL ") is rgb


@pytest.mark.parametrize("pair", [("RGB", "CMYK"), ("HSV", "RGB"), ("MONOCHROME2", "RGB")])
def test_unsupported_colour_space_raises_listing_the_supported_ones(pair: tuple[str, str]) -> None:
    with pytest.raises(PixelDataError, match="cannot convert colour space") as err:
        convert_color(_random_rgb(7, (2, 2, 3)), *pair)
    assert all(name in str(err.value) for name in SUPPORTED)
    assert err.value.tag_path == "(0028,0004)"


def test_array_without_three_samples_raises() -> None:
    with pytest.raises(PixelDataError, match="3 samples per pixel"):
        convert_color(np.zeros((2, 2, 4), np.uint8), "RGB", "YBR_FULL")
