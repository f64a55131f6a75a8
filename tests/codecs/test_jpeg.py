"""JPEG (PS3.5 A.4.1): lossless round trips, lossy within tolerance, colour, damaged frames."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.codecs import decode_frame, encode_frame
from dicomkit.codecs.jpeg import codestream_colour
from dicomkit.generated import uids
from dicomkit.pixels.color import convert_color
from dicomkit.pixels.info import PixelDataError
from tests.codecs.helpers import images, layout, need_imagecodecs, random_image, smooth_image


@pytest.fixture(autouse=True)
def _library() -> None:
    need_imagecodecs()


@settings(max_examples=40, deadline=None)
@given(images, st.sampled_from([uids.JPEGLossless, uids.JPEGLosslessSV1]))
def test_jpeg_lossless_round_trip_is_identical(params: tuple, ts: str) -> None:
    rows, cols, samples, (bits, stored, signed), seed = params
    info = layout(rows, cols, samples=samples, bits=bits, stored=stored, signed=signed, ts=ts)
    image = random_image(info, seed)
    encoded = encode_frame(image, info, ts)
    assert not encoded.lossy and encoded.photometric == info.photometric_interpretation
    decoded = decode_frame(encoded.data, info, frame=0)
    assert decoded.photometric == info.photometric_interpretation
    assert decoded.array.dtype == info.dtype
    np.testing.assert_array_equal(decoded.array, image)


@settings(max_examples=20, deadline=None)
@given(st.integers(8, 40), st.integers(8, 40), st.sampled_from([1, 3]), st.integers(0, 2**32 - 1))
def test_jpeg_baseline_is_within_tolerance_and_colour_declared_ybr_full_422(
        rows: int, cols: int, samples: int, seed: int) -> None:
    ts = uids.JPEGBaseline8Bit
    info = layout(rows, cols, samples=samples, ts=ts)
    image = smooth_image(info, seed)
    encoded = encode_frame(image, info, ts, quality=95)
    assert encoded.lossy and encoded.method == "ISO_10918_1" and encoded.ratio and encoded.ratio > 0
    assert encoded.photometric == ("YBR_FULL_422" if samples == 3 else "MONOCHROME2")
    declared = info.with_(photometric_interpretation=encoded.photometric)
    decoded = decode_frame(encoded.data, declared, frame=0, as_rgb=True)
    assert decoded.photometric == ("RGB" if samples == 3 else "MONOCHROME2")
    error = np.abs(decoded.array.astype(int) - image.astype(int))
    assert error.mean() < 3 and error.max() <= 24  # quality 95, 4:2:2 chroma on smooth images
    # not asked for RGB: the stored YCbCr, chrominance upsampled (YBR_FULL), for the caller to
    # convert with the equations of PS3.3 C.7.6.3.1.2
    stored = decode_frame(encoded.data, declared, frame=0)
    assert stored.photometric == ("YBR_FULL" if samples == 3 else "MONOCHROME2")
    if samples == 3:
        assert np.abs(stored.array.astype(int) - image.astype(int)).max() > 24
        rgb = convert_color(stored.array, "YBR_FULL", "RGB", bits=8)
        assert np.abs(rgb.astype(int) - decoded.array.astype(int)).max() <= 2


def test_jpeg_extended_holds_12_bits_within_tolerance() -> None:
    ts = uids.JPEGExtended12Bit
    info = layout(32, 32, bits=16, stored=12, ts=ts)
    image = smooth_image(info, 7)
    encoded = encode_frame(image, info, ts, quality=95)
    decoded = decode_frame(encoded.data, info, frame=0)
    assert decoded.array.dtype == np.uint16
    assert np.abs(decoded.array.astype(int) - image).max() <= 4095 * 0.02


@pytest.mark.parametrize("ts", [uids.JPEGBaseline8Bit, uids.JPEGExtended12Bit])
def test_lossy_jpeg_refuses_signed_or_too_deep_data(ts: str) -> None:
    info = layout(4, 4, bits=16, stored=16, ts=ts)
    with pytest.raises(PixelDataError, match="Bits Stored 16"):
        encode_frame(np.zeros((4, 4), np.uint16), info, ts)


def test_declared_rgb_without_colour_markers_is_not_converted() -> None:
    ts = uids.JPEGBaseline8Bit
    info = layout(16, 16, samples=3, ts=ts)
    # encode RGB without a colour transform (no JFIF: libjpeg-turbo writes Adobe transform 0)
    import imagecodecs

    image = smooth_image(info, 3)
    data = imagecodecs.jpeg8_encode(image, 100, colorspace="RGB", outcolorspace="RGB")
    assert codestream_colour(data) != "YCbCr"
    decoded = decode_frame(bytes(data), info, frame=0)
    assert decoded.photometric == "RGB"
    assert np.abs(decoded.array.astype(int) - image).max() <= 8


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_damaged_jpeg_raises_pixel_data_error_with_frame(damage: str) -> None:
    ts = uids.JPEGLossless
    info = layout(16, 16, bits=16, stored=12, ts=ts)
    good = encode_frame(random_image(info, 1), info, ts).data
    data = {"truncated": good[:len(good) // 3], "garbage": b"\xff\xd8" + bytes(range(256)),
            "empty": b""}[damage]
    with pytest.raises(PixelDataError) as err:
        decode_frame(data, info, frame=4)
    assert err.value.frame == 4 and err.value.tag_path == "(7FE0,0010)"


def test_codestream_colour_reads_jfif_and_adobe_markers() -> None:
    jfif = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(7) + b"\xff\xda"
    adobe0 = b"\xff\xd8\xff\xee\x00\x0eAdobe" + bytes(6) + b"\x00\xff\xda"
    adobe1 = b"\xff\xd8\xff\xee\x00\x0eAdobe" + bytes(6) + b"\x01\xff\xda"
    assert codestream_colour(jfif) == "YCbCr"
    assert codestream_colour(adobe0) == "RGB"
    assert codestream_colour(adobe1) == "YCbCr"
    assert codestream_colour(b"\xff\xd8\xff\xda") is None
