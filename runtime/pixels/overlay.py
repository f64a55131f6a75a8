"""Overlay planes (PS3.3 C.9.2): the bit-mapped graphics of groups 6000-601E as arrays.

An overlay has Overlay Rows (60xx,0010), Overlay Columns (60xx,0011), Overlay Bits Allocated
(60xx,0100), Overlay Bit Position (60xx,0102), Overlay Origin (60xx,0050) and its bits in
Overlay Data (60xx,3000), one bit per pixel, least significant bit first, frames one after the
other without padding (Number of Frames in Overlay (60xx,0015), the first one applying to Image
Frame Origin (60xx,0051)).  Older files embed the overlay in the unused high bits of Pixel Data
instead (Overlay Bits Allocated equal to Bits Allocated, Overlay Bit Position the bit; retired
since 2004 but still found), which is read here too.
"""

from __future__ import annotations

import struct
from typing import Any

import numpy as np

from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["overlay_array", "overlay_groups"]

_ROWS, _COLUMNS, _FRAMES, _FRAME_ORIGIN = 0x0010, 0x0011, 0x0015, 0x0051
_BITS_ALLOCATED, _BIT_POSITION, _DATA = 0x0100, 0x0102, 0x3000


def _int(ds: Any, group: int, element: int, default: int | None = None) -> int | None:
    elem = ds.get((group << 16) | element)
    if elem is None:
        return default
    value = elem.value
    if isinstance(value, bytes | bytearray):  # read as UN (implicit VR, repeating group)
        little = elem.context.little_endian if elem.context is not None else True
        return int(struct.unpack("<H" if little else ">H", bytes(value[:2]))[0]) if value else default
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return default if value in (None, "") else int(value)


def overlay_groups(ds: Any) -> list[int]:
    """The overlay groups (0x6000, 0x6002, ... 0x601E) the data set has."""
    return [g for g in range(0x6000, 0x6020, 2)
            if ((g << 16) | _ROWS) in ds or ((g << 16) | _DATA) in ds]


def overlay_array(ds: Any, group: int = 0x6000, frame: int | None = None) -> np.ndarray[Any, Any]:
    """Overlay ``group`` as 0/1 uint8: ``(rows, cols)``, or ``(frames, rows, cols)`` for a
    multi-frame overlay when ``frame`` is None; ``frame`` is an image frame number (0-based),
    mapped to the overlay's frames through Image Frame Origin.

    Raises
    ------
    PixelDataError
        No such overlay, a frame it does not cover, or data shorter than declared.
    """
    where = f"({group:04X},0010)"
    if not (0x6000 <= group <= 0x601E and group % 2 == 0):
        raise PixelDataError(f"0x{group:04X} is not an overlay group (6000-601E, even)")
    rows = _int(ds, group, _ROWS)
    columns = _int(ds, group, _COLUMNS)
    if not rows or not columns:
        raise PixelDataError(f"no overlay in group {group:04X}: Overlay Rows/Columns missing",
                             tag_path=where)
    count = _int(ds, group, _FRAMES, 1) or 1
    origin = (_int(ds, group, _FRAME_ORIGIN, 1) or 1) - 1
    if frame is None:
        frames = list(range(count))
    else:
        index = frame - origin
        if not 0 <= index < count:
            raise PixelDataError(f"overlay {group:04X} covers image frames {origin} to "
                                 f"{origin + count - 1}, not {frame}", frame=frame,
                                 tag_path=f"({group:04X},0051)")
        frames = [index]
    data_elem = ds.get((group << 16) | _DATA)
    per_frame = rows * columns
    if data_elem is not None:
        raw = bytes(data_elem.raw if data_elem.raw is not None else data_elem.value)
        if data_elem.vr == "OW" and data_elem.context is not None \
                and not data_elem.context.little_endian:
            raw = np.frombuffer(raw[:len(raw) // 2 * 2], ">u2").astype("<u2").tobytes()
        bits = np.unpackbits(np.frombuffer(raw, np.uint8), bitorder="little")
        if len(bits) < per_frame * (frames[-1] + 1):
            raise PixelDataError(f"Overlay Data holds {len(bits)} bits; {rows} x {columns} x "
                                 f"{frames[-1] + 1} frame(s) need {per_frame * (frames[-1] + 1)}",
                                 tag_path=f"({group:04X},3000)")
        planes = [bits[i * per_frame:(i + 1) * per_frame].reshape(rows, columns) for i in frames]
    else:
        planes = _embedded(ds, group, frames, origin, rows, columns)
    return planes[0] if frame is not None or len(planes) == 1 else np.stack(planes)


def _embedded(ds: Any, group: int, frames: list[int], origin: int, rows: int,
              columns: int) -> list[np.ndarray[Any, Any]]:
    """Overlay bits kept in the high bits of Pixel Data (the retired form of PS3.3 C.9.2)."""
    from dicomkit.pixels import native

    position = _int(ds, group, _BIT_POSITION, 0) or 0
    info = PixelInfo.of(ds)
    if position == 0 or info.samples_per_pixel != 1 or position >= info.bits_allocated:
        raise PixelDataError(f"overlay {group:04X} has no Overlay Data (60xx,3000) and no bit "
                             f"of Pixel Data to come from (Overlay Bit Position {position})",
                             tag_path=f"({group:04X},3000)")
    raw = info.with_(bits_stored=info.bits_allocated, high_bit=info.bits_allocated - 1,
                     pixel_representation=0)
    out = []
    for index in frames:
        values = native.unpack_frame(ds, raw, index + origin)
        plane = ((values >> position) & 1).astype(np.uint8)
        out.append(plane[:rows, :columns])
    return out
