"""Encapsulated pixel data (PS3.5 A.4): the offset table and fragments, kept as they are.

Decoding the frames is the pixel layer's job; this module only splits the value into its
Basic Offset Table and fragments, finds the frames (from the Basic or the Extended Offset Table,
or one frame per fragment when there is neither), and encodes them back.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from dicomkit.errors import InvalidDicomError

_ITEM = 0xFFFEE000
_SEQ_DELIM = 0xFFFEE0DD


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
            blob = b"".join(_item_bytes(f) for f in self.fragments)
            lengths = self.extended_lengths or []
            for i, off in enumerate(self.extended_offsets):
                start = off + 8  # the offset points at the item tag
                length = lengths[i] if i < len(lengths) else None
                yield from _frame_from(blob, start, length)
            return
        if self.offsets:
            positions = []
            pos = 0
            for f in self.fragments:
                positions.append(pos)
                pos += 8 + len(f)
            starts = [positions.index(o) if o in positions else -1 for o in self.offsets]
            if -1 in starts:
                raise InvalidDicomError("the Basic Offset Table points between fragment items",
                                        tag_path="(7FE0,0010)")
            bounds = starts + [len(self.fragments)]
            for a, b in zip(bounds, bounds[1:]):
                yield b"".join(self.fragments[a:b])
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


def _item_bytes(fragment: bytes) -> bytes:
    return struct.pack("<HHL", 0xFFFE, 0xE000, len(fragment)) + fragment


def _frame_from(blob: bytes, start: int, length: int | None) -> Iterator[bytes]:
    if length is None:
        yield blob[start:]
    else:
        # a frame may span several fragments: gather item values until length is reached
        out = bytearray()
        pos = start - 8
        while len(out) < length and pos + 8 <= len(blob):
            (n,) = struct.unpack_from("<L", blob, pos + 4)
            out += blob[pos + 8:pos + 8 + n]
            pos += 8 + n
        yield bytes(out[:length])


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
