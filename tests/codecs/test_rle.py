"""RLE Lossless (PS3.5 Annex G): round trips, the header layout, damaged frames."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from hypothesis import given, settings

from dicomkit.codecs import decode_frame, encode_frame
from dicomkit.codecs.rle import segment_offsets
from dicomkit.generated import uids
from dicomkit.pixels.info import PixelDataError
from tests.codecs.helpers import images, layout, need_imagecodecs, random_image

TS = uids.RLELossless


@pytest.fixture(autouse=True)
def _library() -> None:
    need_imagecodecs()


@settings(max_examples=60, deadline=None)
@given(images)
def test_rle_round_trip_is_identical_for_any_image(params: tuple) -> None:
    rows, cols, samples, (bits, stored, signed), seed = params
    info = layout(rows, cols, samples=samples, bits=bits, stored=stored, signed=signed, ts=TS)
    image = random_image(info, seed)
    encoded = encode_frame(image, info, TS)
    assert not encoded.lossy and encoded.photometric == info.photometric_interpretation
    decoded = decode_frame(encoded.data, info, frame=0)
    assert decoded.array.dtype == info.dtype and decoded.array.shape == info.shape
    np.testing.assert_array_equal(decoded.array, image)


def test_rle_32_bit_colour_round_trips_in_twelve_segments() -> None:
    info = layout(5, 7, samples=3, bits=32, ts=TS)
    image = np.random.default_rng(1).integers(0, 2**32 - 1, info.shape, dtype=np.uint32)
    data = encode_frame(image, info, TS).data
    assert struct.unpack_from("<L", data)[0] == 12
    np.testing.assert_array_equal(decode_frame(data, info, frame=0).array, image)


def test_rle_segments_are_most_significant_byte_first_and_even_length() -> None:
    info = layout(1, 4, bits=16, ts=TS)
    data = encode_frame(np.array([[0x0102, 0x0102, 0x0102, 0x0102]], np.uint16), info, TS).data
    count, first, second = struct.unpack_from("<3L", data)
    assert (count, first) == (2, 64)
    assert data[first:second] == b"\xfd\x01"  # run of 4 x 0x01: the high bytes come first
    assert data[second:] == b"\xfd\x02"
    assert all(offset % 2 == 0 for offset in (first, second))


def test_rle_header_with_wrong_segment_count_names_the_frame() -> None:
    info = layout(4, 4, bits=16, ts=TS)
    data = bytearray(encode_frame(np.zeros((4, 4), np.uint16), info, TS).data)
    data[0] = 3
    with pytest.raises(PixelDataError, match="frame 5.*3 segments") as err:
        decode_frame(bytes(data), info, frame=5)
    assert err.value.frame == 5


@pytest.mark.parametrize("damage", ["truncated", "garbage", "short header", "offsets beyond"])
def test_damaged_rle_frame_raises_pixel_data_error_with_frame(damage: str) -> None:
    info = layout(8, 8, samples=3, ts=TS)
    good = encode_frame(random_image(info, 3), info, TS).data
    data = {"truncated": good[:len(good) // 2], "garbage": bytes(range(256)) * 2,
            "short header": good[:40],
            "offsets beyond": good[:4] + struct.pack("<L", 64) + struct.pack("<L", 10**6) + good[12:]}[damage]
    with pytest.raises(PixelDataError) as err:
        decode_frame(data, info, frame=2)
    assert err.value.frame == 2 and "frame 2" in str(err.value)


def test_segment_offsets_read_the_header() -> None:
    info = layout(2, 2, samples=3, ts=TS)
    data = encode_frame(np.zeros((2, 2, 3), np.uint8), info, TS).data
    offsets = segment_offsets(data, info, 0)
    assert offsets[0] == 64 and len(offsets) == 3 and offsets == sorted(offsets)


def test_rle_refuses_more_than_fifteen_segments() -> None:
    info = layout(2, 2, samples=3, bits=64, ts=TS)
    with pytest.raises(PixelDataError, match="15 segments"):
        encode_frame(np.zeros((2, 2, 3), np.uint64), info, TS)


@settings(max_examples=60, deadline=None)
@given(images)
def test_whole_frame_and_segment_by_segment_decoders_agree(params: tuple) -> None:
    """Frames whose segments all decode exactly take one library call; the others go segment
    by segment: both give the same array."""
    import imagecodecs

    from dicomkit.codecs.rle import _decode_by_segment, _decode_exact

    rows, cols, samples, (bits, stored, signed), seed = params
    info = layout(rows, cols, samples=samples, bits=bits, stored=stored, ts=TS)
    image = random_image(info, seed)
    data = encode_frame(image, info, TS).data
    bounds = [*segment_offsets(data, info, 0), len(data)]
    size = bits // 8
    whole = _decode_exact(imagecodecs, data, info, rows * cols, size)
    assert whole is not None
    by_segment = _decode_by_segment(imagecodecs, data, info, 0, bounds, rows * cols, size)
    np.testing.assert_array_equal(whole, image)
    np.testing.assert_array_equal(by_segment, image)
