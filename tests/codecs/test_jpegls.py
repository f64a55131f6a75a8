"""JPEG-LS (PS3.5 A.4.3): lossless round trips, near-lossless within NEAR, damaged frames."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.codecs import decode_frame, encode_frame
from dicomkit.generated import uids
from dicomkit.pixels.info import PixelDataError
from tests.codecs.helpers import images, layout, need_imagecodecs, random_image


@pytest.fixture(autouse=True)
def _library() -> None:
    need_imagecodecs()


@settings(max_examples=40, deadline=None)
@given(images)
def test_jpegls_lossless_round_trip_is_identical(params: tuple) -> None:
    rows, cols, samples, (bits, stored, signed), seed = params
    ts = uids.JPEGLSLossless
    info = layout(rows, cols, samples=samples, bits=bits, stored=stored, signed=signed, ts=ts)
    image = random_image(info, seed)
    encoded = encode_frame(image, info, ts)
    assert not encoded.lossy
    decoded = decode_frame(encoded.data, info, frame=0)
    assert decoded.array.dtype == info.dtype and decoded.photometric == info.photometric_interpretation
    np.testing.assert_array_equal(decoded.array, image)


@settings(max_examples=30, deadline=None)
@given(images, st.integers(1, 6))
def test_jpegls_near_lossless_stays_within_near(params: tuple, near: int) -> None:
    rows, cols, samples, (bits, stored, signed), seed = params
    ts = uids.JPEGLSNearLossless
    info = layout(rows, cols, samples=samples, bits=bits, stored=stored, signed=signed, ts=ts)
    image = random_image(info, seed)
    encoded = encode_frame(image, info, ts, near=near)
    assert encoded.lossy and encoded.method == "ISO_14495_1" and encoded.ratio
    decoded = decode_frame(encoded.data, info, frame=0).array
    error = np.abs(decoded.astype(np.int64) - image.astype(np.int64))
    if signed:  # errors wrap around the two's complement range of Bits Stored
        error = np.minimum(error, (1 << stored) - error)
    assert error.max() <= near


def test_near_is_refused_for_the_lossless_syntax() -> None:
    info = layout(4, 4, ts=uids.JPEGLSLossless)
    with pytest.raises(PixelDataError, match="near must be 0"):
        encode_frame(np.zeros((4, 4), np.uint8), info, uids.JPEGLSLossless, near=2)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "no SOI"])
def test_damaged_jpegls_raises_pixel_data_error_with_frame(damage: str) -> None:
    ts = uids.JPEGLSLossless
    info = layout(16, 16, bits=16, stored=12, ts=ts)
    good = encode_frame(random_image(info, 2), info, ts).data
    data = {"truncated": good[:len(good) // 2], "garbage": b"\xff\xd8" + bytes(range(256)),
            "no SOI": good[2:]}[damage]
    with pytest.raises(PixelDataError) as err:
        decode_frame(data, info, frame=1)
    assert err.value.frame == 1
