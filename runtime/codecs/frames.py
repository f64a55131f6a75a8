"""Finding one frame's compressed bytes in encapsulated Pixel Data (PS3.5 A.4).

A frame is one or more consecutive fragments.  Which ones is told, in order of preference, by
the Extended Offset Table (7FE0,0001) with its lengths (7FE0,0002) (PS3.3 C.7.6.3.1.8), by the
Basic Offset Table (the first item of Pixel Data, PS3.5 A.4), by there being one fragment per
frame, or, with none of these, by scanning the fragments for the start of a codestream:
JPEG, JPEG-LS SOI (FFD8), JPEG 2000 SOC+SIZ (FF4F FF51) or a JP2 signature box; RLE and
Deflated Image Frame Compression put each frame in exactly one fragment (PS3.5 A.4.2,
A.4.13).  Every offset counts from the first byte of the first fragment's Item tag.
"""

from __future__ import annotations

from typing import Any

from dicomkit.codecs.base import PIXEL_DATA_TAG, syntax_label
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.io.encapsulation import EncapsulatedPixelData, pixel_data_fragments
from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["frame_data", "frame_bounds", "starts_codestream"]

_EXTENDED = "(7FE0,0001)"
#: Pixel Data (7FE0,0010).
PIXEL_DATA = tags.PixelData
_JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_ITEM_HEADER = 8

#: Recently located frames: id of the fragments object -> (the object, fragment count,
#: [(first fragment, end fragment, length or None)]); bounded, for multi-frame loops.
_cache: dict[int, tuple[EncapsulatedPixelData, int, list[tuple[int, int, int | None]]]] = {}
_CACHE_SIZE = 8


def starts_codestream(fragment: bytes, transfer_syntax: str) -> bool:
    """Whether a fragment begins a frame's codestream in this transfer syntax (PS3.5 A.4)."""
    keyword = TRANSFER_SYNTAXES[transfer_syntax].keyword if transfer_syntax in TRANSFER_SYNTAXES else ""
    if keyword.startswith(("JPEG2000", "HTJ2K")):
        return fragment[:4] == b"\xff\x4f\xff\x51" or fragment[:12] == _JP2_SIGNATURE
    if keyword.startswith("JPEG"):
        return fragment[:2] == b"\xff\xd8"
    return True  # RLE, deflate, uncompressed: one fragment is one frame


def _by_offsets(enc: EncapsulatedPixelData, offsets: list[int], lengths: list[int] | None,
                info: PixelInfo, tag: str) -> list[tuple[int, int, int | None]]:
    positions: dict[int, int] = {}
    pos = 0
    for number, fragment in enumerate(enc.fragments):
        positions[pos] = number
        pos += _ITEM_HEADER + len(fragment)
    starts: list[int] = []
    for frame, offset in enumerate(offsets):
        index = positions.get(offset)
        if index is None or (starts and index <= starts[-1]):
            raise PixelDataError(f"the offset table entry {offset} of frame {frame} does not point "
                                 "at a fragment item after the previous frame's (PS3.5 A.4)",
                                 source=info.source, frame=frame, tag_path=tag)
        starts.append(index)
    ends = [*starts[1:], len(enc.fragments)]
    return [(a, b, lengths[i] if lengths is not None else None)
            for i, (a, b) in enumerate(zip(starts, ends))]


def frame_bounds(enc: EncapsulatedPixelData, info: PixelInfo) -> list[tuple[int, int, int | None]]:
    """For each frame: its first fragment, the fragment after its last, and its length when
    the Extended Offset Table gives one.

    Raises
    ------
    PixelDataError
        When a table is damaged or does not match Number of Frames, or the frames cannot be
        found without one; naming the frame and the tag.
    """
    frames = info.number_of_frames
    fragments = enc.fragments
    if not fragments:
        raise PixelDataError("the encapsulated Pixel Data holds no fragments", source=info.source,
                             frame=0, tag_path=PIXEL_DATA_TAG)
    if enc.extended_offsets:
        offsets, lengths = enc.extended_offsets, enc.extended_lengths
        if len(offsets) != frames:
            raise PixelDataError(f"the Extended Offset Table has {len(offsets)} entries for "
                                 f"{frames} frames", source=info.source, frame=min(len(offsets), frames),
                                 tag_path=_EXTENDED)
        bounds = _by_offsets(enc, offsets, lengths, info, _EXTENDED)
        for frame, (a, b, length) in enumerate(bounds):
            if length is not None and length > sum(len(f) for f in fragments[a:b]):
                raise PixelDataError(f"the Extended Offset Table Lengths give {length} bytes, more "
                                     "than the frame's fragments hold", source=info.source,
                                     frame=frame, tag_path="(7FE0,0002)")
        return bounds
    if enc.offsets and not (frames == 1 and enc.offsets == [0]):
        if len(enc.offsets) != frames:
            raise PixelDataError(f"the Basic Offset Table has {len(enc.offsets)} entries for "
                                 f"{frames} frames", source=info.source,
                                 frame=min(len(enc.offsets), frames), tag_path=PIXEL_DATA_TAG)
        return _by_offsets(enc, enc.offsets, None, info, PIXEL_DATA_TAG)
    if frames == 1:
        return [(0, len(fragments), None)]
    if len(fragments) == frames:
        return [(i, i + 1, None) for i in range(frames)]
    starts = [i for i, f in enumerate(fragments) if starts_codestream(f, info.transfer_syntax)]
    if len(fragments) < frames or len(starts) != frames or starts[0] != 0:
        raise PixelDataError(f"{frames} frames in {len(fragments)} fragments, no offset table, "
                             f"and {len(starts)} fragments start a codestream: cannot tell which "
                             "fragments belong to which frame (PS3.5 A.4)", source=info.source,
                             frame=min(len(starts), frames - 1), tag_path=PIXEL_DATA_TAG)
    return [(a, b, None) for a, b in zip(starts, [*starts[1:], len(fragments)])]


def frame_data(ds: Any, info: PixelInfo, frame: int) -> bytes:
    """One frame's compressed bytes (PS3.5 A.4), its fragments joined.

    Parameters
    ----------
    ds
        The data set holding encapsulated Pixel Data (and perhaps the Extended Offset Table).
    info
        Its :class:`PixelInfo` (for Number of Frames and the transfer syntax).
    frame
        0-based frame number.

    Raises
    ------
    PixelDataError
        When the frame number is out of range, the Pixel Data is not encapsulated, or the
        offset tables are damaged; naming the frame and tag.
    """
    if not 0 <= frame < info.number_of_frames:
        raise PixelDataError(f"there is no frame {frame}: Number of Frames is "
                             f"{info.number_of_frames}", source=info.source, frame=frame,
                             tag_path="(0028,0008)")
    elem = ds.get(PIXEL_DATA)
    if elem is None:
        raise PixelDataError("the data set has no Pixel Data (7FE0,0010)", source=info.source,
                             frame=frame, tag_path=PIXEL_DATA_TAG)
    try:
        if not elem.undefined_length or not isinstance(elem.value, EncapsulatedPixelData):
            raise PixelDataError(f"Pixel Data (7FE0,0010) is not encapsulated (a defined "
                                 f"length value), but {syntax_label(info.transfer_syntax)} "
                                 "encapsulates it (PS3.5 A.4)", source=info.source, frame=frame,
                                 tag_path=PIXEL_DATA_TAG)
        enc = pixel_data_fragments(ds)
    except PixelDataError:
        raise
    except DicomError as exc:
        raise PixelDataError(str(exc), source=info.source, frame=frame,
                             tag_path=getattr(exc, "tag_path", "") or PIXEL_DATA_TAG) from None
    cached = _cache.get(id(enc))
    if cached is not None and cached[0] is enc and cached[1] == len(enc.fragments):
        bounds = cached[2]
    else:
        bounds = frame_bounds(enc, info)
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[id(enc)] = (enc, len(enc.fragments), bounds)
    first, end, length = bounds[frame]
    data = enc.fragments[first] if end == first + 1 else b"".join(enc.fragments[first:end])
    return data[:length] if length is not None else data
