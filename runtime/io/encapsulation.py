"""Encapsulated pixel data (PS3.5 A.4): the offset table and fragments, kept as they are.

Decoding the frames is the pixel layer's job; this module only splits the value into its
Basic Offset Table and fragments, finds the frames (from the Basic or the Extended Offset Table,
or one frame per fragment when there is neither), and encodes them back.
"""

from __future__ import annotations

import itertools
import struct
from collections.abc import Iterator
from typing import Any

from dicomkit.errors import InvalidDicomError
from dicomkit.generated import tags

_ITEM = tags.Item
_PIXEL_DATA = tags.PixelData
_SEQ_DELIM = tags.SequenceDelimitationItem


class EncapsulatedPixelData:
    """The fragments of an encapsulated Pixel Data value.

    Attributes
    ----------
    offsets
        The Basic Offset Table: byte offset of each frame's first fragment item, counted from
        the first fragment item (empty when the table is empty).
    fragments
        The fragments' bytes, in order.
    extended_offsets, extended_lengths
        The Extended Offset Table (7FE0,0001) and its lengths (7FE0,0002), when given.
    """

    __slots__ = ("offsets", "fragments", "extended_offsets", "extended_lengths")

    def __init__(self, fragments: list[bytes], offsets: list[int] | None = None,
                 extended_offsets: list[int] | None = None,
                 extended_lengths: list[int] | None = None) -> None:
        self.fragments = fragments
        self.offsets = offsets or []
        self.extended_offsets = extended_offsets
        self.extended_lengths = extended_lengths

    def __len__(self) -> int:
        return len(self.fragments)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EncapsulatedPixelData):
            return NotImplemented
        return self.fragments == other.fragments and self.offsets == other.offsets

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"<EncapsulatedPixelData: {len(self.fragments)} fragment(s), "
                f"{len(self.offsets)} offset(s)>")

    def frames(self, number_of_frames: int | None = None) -> Iterator[bytes]:
        """Each frame's bytes, joining the fragments of a frame (PS3.5 A.4).

        Frames are located by the Extended Offset Table when present, else by the Basic
        Offset Table; with neither, a single-frame image is all fragments joined, and a
        multi-frame one has one frame per fragment.
        """
        if self.extended_offsets:
            yield from self._by_offsets(self.extended_offsets, self.extended_lengths,
                                        "(7FE0,0001)")
            return
        if self.offsets:
            yield from self._by_offsets(self.offsets, None, "(7FE0,0010)")
            return
        if number_of_frames in (None, 1):
            yield b"".join(self.fragments)
            return
        if number_of_frames == len(self.fragments):
            yield from self.fragments
            return
        raise InvalidDicomError(
            f"{number_of_frames} frames in {len(self.fragments)} fragments and no offset "
            "table: cannot tell which fragments belong to which frame", tag_path="(7FE0,0010)")

    def _by_offsets(self, offsets: list[int], lengths: list[int] | None,
                    where: str) -> Iterator[bytes]:
        """Frames located by an offset table: each offset is the position of the frame's
        first fragment item, counted from the first fragment item (PS3.5 A.4)."""
        positions: dict[int, int] = {}
        pos = 0
        for i, f in enumerate(self.fragments):
            positions[pos] = i
            pos += 8 + len(f)
        starts = []
        for off in offsets:
            if off not in positions:
                raise InvalidDicomError(f"an offset table entry ({off}) points between fragment "
                                        "items", tag_path=where)
            starts.append(positions[off])
        bounds = [*starts, len(self.fragments)]
        for n, (a, b) in enumerate(itertools.pairwise(bounds)):
            frame = b"".join(self.fragments[a:b])
            if lengths is not None and n < len(lengths):
                frame = frame[:lengths[n]]
            yield frame

    def encode(self, little_endian: bool = True) -> bytes:
        """The items of the value (offset table, then fragments), without the delimiter."""
        fmt = "<" if little_endian else ">"
        table = struct.pack(f"{fmt}{len(self.offsets)}L", *self.offsets)
        out = [struct.pack(f"{fmt}HHL", 0xFFFE, 0xE000, len(table)), table]
        for f in self.fragments:
            pad = b"\x00" if len(f) % 2 else b""
            out.append(struct.pack(f"{fmt}HHL", 0xFFFE, 0xE000, len(f) + len(pad)))
            out.append(f)
            out.append(pad)
        return b"".join(out)


def parse_fragments(raw: bytes, little_endian: bool = True) -> EncapsulatedPixelData:
    """Split the items of an encapsulated value (as the reader keeps it) into table and fragments.

    Raises
    ------
    InvalidDicomError
        When an item tag is missing or a length runs past the value.
    """
    fmt = struct.Struct("<HHL" if little_endian else ">HHL")
    pos = 0
    end = len(raw)
    items: list[bytes] = []
    while pos + 8 <= end:
        group, element, length = fmt.unpack_from(raw, pos)
        tag = (group << 16) | element
        if tag == _SEQ_DELIM:
            break
        if tag != _ITEM:
            raise InvalidDicomError(f"expected an item tag (FFFE,E000) in encapsulated pixel "
                                    f"data, found ({group:04X},{element:04X})",
                                    offset=pos, tag_path="(7FE0,0010)")
        if pos + 8 + length > end:
            raise InvalidDicomError(f"fragment of {length} bytes runs past the value "
                                    f"({end - pos - 8} bytes left)", offset=pos,
                                    tag_path="(7FE0,0010)")
        items.append(raw[pos + 8:pos + 8 + length])
        pos += 8 + length
    if not items:
        return EncapsulatedPixelData([], [])
    table = items[0]
    n = len(table) // 4
    offsets = list(struct.unpack(("<" if little_endian else ">") + f"{n}L", table[:n * 4]))
    return EncapsulatedPixelData(items[1:], offsets)


_EXTENDED_OFFSET_TABLE = tags.ExtendedOffsetTable
_EXTENDED_OFFSET_TABLE_LENGTHS = tags.ExtendedOffsetTableLengths


def pixel_data_fragments(ds: Any) -> EncapsulatedPixelData:
    """The encapsulated Pixel Data of a data set, with its Extended Offset Table attached.

    The Extended Offset Table (7FE0,0001) and its lengths (7FE0,0002) (PS3.3 C.7.6.3, PS3.5
    A.4) are 64-bit values beside Pixel Data; when present they locate the frames.

    Raises
    ------
    InvalidDicomError
        When the data set has no encapsulated Pixel Data, or the tables do not match.
    """
    elem = ds.get(_PIXEL_DATA)
    if elem is None or not elem.undefined_length:
        raise InvalidDicomError("the data set has no encapsulated Pixel Data (7FE0,0010)")
    value = elem.value
    assert isinstance(value, EncapsulatedPixelData)
    little = elem.context.little_endian if elem.context is not None else True
    tables: list[list[int] | None] = []
    for tag in (_EXTENDED_OFFSET_TABLE, _EXTENDED_OFFSET_TABLE_LENGTHS):
        e = ds.get(tag)
        raw = e.raw if e is not None else None
        if raw is None and e is not None and isinstance(e.value, bytes | bytearray):
            raw = bytes(e.value)
        if raw is None:
            tables.append(None)
            continue
        if len(raw) % 8:
            raise InvalidDicomError(f"the {'Extended Offset Table' if tag & 1 else 'lengths'} "
                                    f"is {len(raw)} bytes, not a multiple of 8",
                                    tag_path=f"({tag >> 16:04X},{tag & 0xFFFF:04X})")
        n = len(raw) // 8
        tables.append(list(struct.unpack(("<" if little else ">") + f"{n}Q", raw)))
    offsets, lengths = tables
    if offsets is not None and lengths is not None and len(offsets) != len(lengths):
        raise InvalidDicomError(f"the Extended Offset Table has {len(offsets)} entries and its "
                                f"lengths {len(lengths)}", tag_path="(7FE0,0002)")
    value.extended_offsets = offsets
    value.extended_lengths = lengths
    return value
