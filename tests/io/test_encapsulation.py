"""Encapsulated pixel data: fragments, Basic and Extended Offset Tables, frames."""

from __future__ import annotations

import struct

import pytest
from pydicom.encaps import generate_frames

import dicomkit
from dicomkit.errors import InvalidDicomError
from dicomkit.io.encapsulation import (
    EncapsulatedPixelData,
    parse_fragments,
    pixel_data_fragments,
)
from tests.samples import sample_str


def _items(*values: bytes) -> bytes:
    return b"".join(struct.pack("<HHL", 0xFFFE, 0xE000, len(v)) + v for v in values)


def test_basic_offset_table_groups_fragments_into_frames() -> None:
    frags = [b"AAAA", b"BB", b"CCCCCC", b"DD"]
    # frame 0: fragments 0-1, frame 1: fragments 2-3
    table = struct.pack("<2L", 0, (8 + 4) + (8 + 2))
    value = parse_fragments(_items(table, *frags))
    assert value.fragments == frags and value.offsets == [0, 22]
    assert list(value.frames(2)) == [b"AAAABB", b"CCCCCCDD"]
    assert parse_fragments(value.encode()) == value


def test_without_offset_table_one_frame_per_fragment_or_all_in_one() -> None:
    value = EncapsulatedPixelData([b"AA", b"BB"], [])
    assert list(value.frames(2)) == [b"AA", b"BB"]
    assert list(value.frames(1)) == [b"AABB"]
    with pytest.raises(InvalidDicomError, match="3 frames in 2 fragments"):
        list(value.frames(3))


def test_extended_offset_table_locates_frames_and_trims_to_their_lengths() -> None:
    ds = dicomkit.Dataset()
    frags = [b"AAAA", b"BBBB", b"CCCC"]
    ds.add_new(0x7FE00001, "OV", struct.pack("<2Q", 0, 24))
    ds.add_new(0x7FE00002, "OV", struct.pack("<2Q", 7, 4))
    px = ds.add_new(0x7FE00010, "OB", EncapsulatedPixelData(frags, []))
    px.undefined_length = True
    value = pixel_data_fragments(ds)
    assert list(value.frames(2)) == [b"AAAABBB", b"CCCC"]


def test_an_offset_pointing_between_items_is_an_error() -> None:
    value = EncapsulatedPixelData([b"AAAA", b"BB"], [0, 5])
    with pytest.raises(InvalidDicomError, match="points between fragment items"):
        list(value.frames(2))


@pytest.mark.parametrize("name", ["rtdose_rle.dcm", "SC_rgb_rle_2frame.dcm", "examples_ybr_color.dcm",
                                  "JPEG2000.dcm"])
def test_frames_of_sample_files_equal_pydicoms(name: str) -> None:
    path = sample_str(name)
    ds = dicomkit.read(path)
    frames = int(ds.get("NumberOfFrames").value) if "NumberOfFrames" in ds else 1
    ours = list(pixel_data_fragments(ds).frames(frames))
    raw = ds[0x7FE00010].raw
    theirs = list(generate_frames(raw, number_of_frames=frames))
    assert len(ours) == frames
    assert [f.rstrip(b"\x00") for f in ours] == [f.rstrip(b"\x00") for f in theirs]
