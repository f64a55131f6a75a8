"""Locating frames in encapsulated Pixel Data (PS3.5 A.4): tables, fragments, codestream starts."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from dicomkit.codecs import decode_frame, encode_frame, frame_data
from dicomkit.codecs.frames import starts_codestream
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.generated import uids
from dicomkit.io.encapsulation import EncapsulatedPixelData
from dicomkit.pixels.info import PixelDataError
from tests.codecs.helpers import layout, need_imagecodecs, random_image

JPEG = [b"\xff\xd8frame-zero-a", b"-zero-b\xff\xd9", b"\xff\xd8frame-one\xff\xd9", b"\xff\xd8two", b"\xff\xd9"]
FRAMES = [b"\xff\xd8frame-zero-a-zero-b\xff\xd9", b"\xff\xd8frame-one\xff\xd9", b"\xff\xd8two\xff\xd9"]


def _dataset(fragments: list[bytes], offsets: list[int] | None = None,
             extended: tuple[list[int], list[int]] | None = None) -> Dataset:
    ds = Dataset()
    ds[0x7FE00010] = DataElement(0x7FE00010, "OB", EncapsulatedPixelData(fragments, offsets or []),
                                 undefined_length=True)
    if extended is not None:
        ds[0x7FE00001] = DataElement(0x7FE00001, "OV", struct.pack(f"<{len(extended[0])}Q", *extended[0]))
        ds[0x7FE00002] = DataElement(0x7FE00002, "OV", struct.pack(f"<{len(extended[1])}Q", *extended[1]))
    return ds


def _starts(fragments: list[bytes], first_of_frames: list[int]) -> list[int]:
    positions, pos = [], 0
    for f in fragments:
        positions.append(pos)
        pos += 8 + len(f)
    return [positions[i] for i in first_of_frames]


def test_basic_offset_table_joins_the_fragments_of_each_frame() -> None:
    ds = _dataset(JPEG, _starts(JPEG, [0, 2, 3]))
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit, frames=3)
    assert [frame_data(ds, info, i) for i in range(3)] == FRAMES


def test_frames_without_offset_table_are_found_by_their_soi_marker() -> None:
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit, frames=3)
    assert [frame_data(_dataset(JPEG), info, i) for i in range(3)] == FRAMES


def test_jpeg2000_frames_without_offset_table_are_found_by_soc_or_jp2_box() -> None:
    soc = b"\xff\x4f\xff\x51"
    jp2 = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
    fragments = [soc + b"a", b"b", jp2 + b"c", soc + b"d", b"e"]
    info = layout(2, 2, ts=uids.JPEG2000Lossless, frames=3)
    got = [frame_data(_dataset(fragments), info, i) for i in range(3)]
    assert got == [soc + b"ab", jp2 + b"c", soc + b"de"]


def test_one_fragment_per_frame_without_table() -> None:
    fragments = [b"rle0", b"rle1"]
    info = layout(2, 2, ts=uids.RLELossless, frames=2)
    assert frame_data(_dataset(fragments), info, 1) == b"rle1"


def test_single_frame_joins_all_fragments() -> None:
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit)
    assert frame_data(_dataset(JPEG[:2]), info, 0) == FRAMES[0]


def test_extended_offset_table_locates_frames_and_trims_to_lengths() -> None:
    padded = [JPEG[0], JPEG[1] + b"\x00", JPEG[2], JPEG[3], JPEG[4] + b"\x00"]
    lengths = [len(FRAMES[0]), len(FRAMES[1]), len(FRAMES[2])]
    ds = _dataset(padded, extended=(_starts(padded, [0, 2, 3]), lengths))
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit, frames=3)
    assert [frame_data(ds, info, i) for i in range(3)] == FRAMES


def test_offset_between_items_names_frame_and_tag() -> None:
    ds = _dataset(JPEG, [0, 5, 40])
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit, frames=3)
    with pytest.raises(PixelDataError, match="frame 1") as err:
        frame_data(ds, info, 0)
    assert err.value.frame == 1 and err.value.tag_path == "(7FE0,0010)"


def test_extended_table_with_wrong_entry_count_names_its_tag() -> None:
    ds = _dataset(JPEG, extended=([0], [10]))
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit, frames=3)
    with pytest.raises(PixelDataError) as err:
        frame_data(ds, info, 2)
    assert err.value.tag_path == "(7FE0,0001)"


def test_extended_length_beyond_fragments_names_the_lengths_tag() -> None:
    ds = _dataset(JPEG, extended=(_starts(JPEG, [0, 2, 3]), [10, 10, 999]))
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit, frames=3)
    with pytest.raises(PixelDataError, match="frame 2") as err:
        frame_data(ds, info, 0)
    assert err.value.tag_path == "(7FE0,0002)"


def test_unlocatable_frames_raise_instead_of_guessing() -> None:
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit, frames=2)
    with pytest.raises(PixelDataError, match="cannot tell"):
        frame_data(_dataset(JPEG), info, 0)


def test_basic_table_with_wrong_entry_count_is_an_error() -> None:
    info = layout(2, 2, ts=uids.JPEGBaseline8Bit, frames=3)
    with pytest.raises(PixelDataError, match="Basic Offset Table has 2 entries"):
        frame_data(_dataset(JPEG, _starts(JPEG, [0, 2])), info, 0)


def test_frame_number_out_of_range_is_an_error() -> None:
    info = layout(2, 2, ts=uids.RLELossless, frames=2)
    with pytest.raises(PixelDataError, match="no frame 2") as err:
        frame_data(_dataset([b"a", b"b"]), info, 2)
    assert err.value.frame == 2


def test_native_pixel_data_is_not_encapsulated() -> None:
    ds = Dataset()
    ds[0x7FE00010] = DataElement(0x7FE00010, "OW", b"\x00" * 8)
    with pytest.raises(PixelDataError, match="is not encapsulated"):
        frame_data(ds, layout(2, 2, bits=16), 0)


def test_codestream_starts_by_syntax() -> None:
    assert starts_codestream(b"\xff\xd8\xff", uids.JPEGLSLossless)
    assert not starts_codestream(b"\x00\xd8", uids.JPEGLossless)
    assert starts_codestream(b"\xff\x4f\xff\x51", uids.HTJ2KLossless)
    assert not starts_codestream(b"\xff\xd8", uids.JPEG2000)


def test_codestreams_split_over_fragments_decode_without_offset_table() -> None:
    need_imagecodecs()
    ts = uids.JPEGLSLossless
    info = layout(12, 10, bits=16, stored=12, ts=ts, frames=2)
    images = [random_image(info, seed) for seed in (1, 2)]
    fragments: list[bytes] = []
    for image in images:
        data = encode_frame(image, info, ts).data
        thirds = [data[:len(data) // 3], data[len(data) // 3:2 * len(data) // 3], data[2 * len(data) // 3:]]
        assert not any(t.startswith(b"\xff\xd8") for t in thirds[1:])
        fragments += thirds
    ds = _dataset(fragments)
    for i, image in enumerate(images):
        decoded = decode_frame(frame_data(ds, info, i), info, frame=i)
        np.testing.assert_array_equal(decoded.array, image)
