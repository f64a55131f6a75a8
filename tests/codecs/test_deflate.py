"""Deflated Image Frame Compression (PS3.5 A.4.13) and Encapsulated Uncompressed frames."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from hypothesis import given, settings

from dicomkit.codecs import decode_frame, encode_frame
from dicomkit.pixels.info import PixelDataError
from tests.codecs.helpers import DEFLATED_FRAMES, ENCAPSULATED_UNCOMPRESSED, images, layout, random_image


@settings(max_examples=40, deadline=None)
@given(images)
def test_deflated_frame_round_trip_is_identical(params: tuple) -> None:
    rows, cols, samples, (bits, stored, signed), seed = params
    for ts in (DEFLATED_FRAMES, ENCAPSULATED_UNCOMPRESSED):
        info = layout(rows, cols, samples=samples, bits=bits, stored=stored, signed=signed, ts=ts)
        image = random_image(info, seed)
        encoded = encode_frame(image, info, ts)
        assert not encoded.lossy
        np.testing.assert_array_equal(decode_frame(encoded.data, info, frame=0).array, image)


def test_deflated_frame_is_raw_deflate_of_the_native_little_endian_bytes() -> None:
    info = layout(2, 3, bits=16, ts=DEFLATED_FRAMES)
    image = np.arange(6, dtype=np.uint16).reshape(2, 3) * 257
    data = encode_frame(image, info, DEFLATED_FRAMES).data
    assert zlib.decompress(data, -zlib.MAX_WBITS) == image.astype("<u2").tobytes()


def test_bilevel_segmentation_frame_packs_eight_pixels_a_byte() -> None:
    info = layout(3, 5, bits=1, ts=DEFLATED_FRAMES)
    image = (np.arange(15).reshape(3, 5) % 3 == 0).astype(np.uint8)
    data = encode_frame(image, info, DEFLATED_FRAMES).data
    assert len(zlib.decompress(data, -zlib.MAX_WBITS)) == 2
    np.testing.assert_array_equal(decode_frame(data + b"\x00", info, frame=0).array, image)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "too short"])
def test_damaged_deflated_frame_raises_with_frame(damage: str) -> None:
    info = layout(16, 16, bits=16, ts=DEFLATED_FRAMES)
    good = encode_frame(random_image(info, 1), info, DEFLATED_FRAMES).data
    short = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = {"truncated": good[:len(good) // 2], "garbage": b"\xff" * 40,
            "too short": short.compress(b"\x00" * 10) + short.flush()}[damage]
    with pytest.raises(PixelDataError) as err:
        decode_frame(data, info, frame=6)
    assert err.value.frame == 6
