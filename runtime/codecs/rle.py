"""RLE Lossless (PS3.5 Annex G): decode and encode.

A frame is a 64-byte header of 16 little-endian 32-bit values (the number of segments, then
each segment's offset from the start of the frame) followed by the segments (PS3.5 G.5).
Each segment holds one byte plane: for each sample in turn (colour-by-plane, PS3.5 G.2), its
most significant byte first, down to the least significant byte (PS3.5 G.2).  Each segment is
PackBits-like runs (PS3.5 G.3.1), each row encoded separately and segments padded to even
length.

Library: imagecodecs (C), measured against pylibjpeg-rle in ``bench/README.md``: its
``dicomrle`` decoder, into a buffer of exactly the frame's size (it fails when a segment
decodes long and returns less when one decodes short); when that does not give the whole
frame, its ``packbits`` decoder segment by segment, to tolerate or name the segment at fault.
Encoding: ``packbits`` (the same run scheme as G.3.1) for each byte plane, row by row.  The frame is
returned colour-by-pixel in the declared Photometric Interpretation (RLE applies no colour
transform; a YBR frame is converted to RGB by the pixel layer).

What is checked before and while decoding (PS3.5 G.5, G.3): the header is 64 bytes; its
segment count is Samples per Pixel x Bits Allocated / 8 (1 to 15); the offsets start at 64,
increase and lie inside the frame.  Each segment must decode to Rows x Columns bytes: one too
short to hold them (2 bytes code at most 128) is refused before anything is allocated, so the
memory used is bounded by the frame's size in bytes (at most 64 x, plus 1/8), whatever Rows
and Columns claim; and the output of each is bounded (a segment decoding to more than Rows x
Columns + 1/8 is refused without decoding the rest).  Tolerated as
other decoders do: a segment of odd length (G.5 pads segments to even length; the pad is not
needed to decode), and a segment that decodes to a few bytes more than Rows x Columns (the
extra bytes are dropped, as pydicom does).
"""

from __future__ import annotations

import struct
from typing import Any

import numpy as np

from dicomkit.codecs.base import (
    DecodedFrame,
    EncodedFrame,
    as_declared_dtype,
    damaged,
    load_library,
    syntax_label,
)
from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["decode", "encode", "segment_offsets"]

_HEADER = struct.Struct("<16L")
#: Segments in one frame at most: the header has 15 offsets (PS3.5 G.5).
MAX_SEGMENTS = 15


def segment_offsets(data: bytes, info: PixelInfo, frame: int) -> list[int]:
    """The segment offsets of an RLE frame's header, checked against the data set (PS3.5 G.5).

    Raises
    ------
    PixelDataError
        When the header is short, names a wrong number of segments, or offsets that do not
        increase within the frame.
    """
    if len(data) < _HEADER.size:
        raise damaged(info, frame, f"the RLE header needs 64 bytes, the frame has {len(data)}")
    header = _HEADER.unpack_from(data)
    count = header[0]
    expected = info.samples_per_pixel * max(info.bits_allocated // 8, 1)
    if expected > MAX_SEGMENTS:
        raise damaged(info, frame, f"Samples per Pixel {info.samples_per_pixel} x Bits "
                                   f"Allocated {info.bits_allocated} need {expected} segments, "
                                   f"an RLE frame holds at most {MAX_SEGMENTS} (PS3.5 G.5)")
    if count != expected:
        raise damaged(info, frame, f"the RLE header names {count} segments, Samples per Pixel "
                                   f"{info.samples_per_pixel} x Bits Allocated "
                                   f"{info.bits_allocated} need {expected}")
    offsets = list(header[1:count + 1])
    bounds = [*offsets, len(data)]
    if offsets[0] != _HEADER.size or any(b <= a for a, b in zip(bounds, bounds[1:])):
        raise damaged(info, frame, f"RLE segment offsets {offsets} do not increase from 64 "
                                   f"within the {len(data)}-byte frame")
    return offsets


def decode(data: bytes, info: PixelInfo, frame: int, *, as_rgb: bool = False) -> DecodedFrame:
    """Decode one RLE frame to ``info.shape``, colour-by-pixel (``as_rgb`` changes nothing).

    Raises
    ------
    PixelDataError
        For Bits Allocated other than 8, 16, 32, 64, a damaged header, or a segment that
        does not decode to Rows x Columns bytes, naming the frame and the segment.
    """
    ic = load_library("imagecodecs", info.transfer_syntax, "rle")
    if info.bits_allocated % 8:
        raise PixelDataError(f"{syntax_label(info.transfer_syntax)} holds whole bytes per sample; "
                             f"the data set declares BitsAllocated (0028,0100) "
                             f"{info.bits_allocated} (PS3.5 G.2)", source=info.source,
                             frame=frame, tag_path="(0028,0100)")
    offsets = segment_offsets(data, info, frame)
    size = info.bits_allocated // 8
    pixels = info.pixels_per_frame
    bounds = [*offsets, len(data)]
    shortest = 2 * -(-pixels // 128)  # a replicate run codes at most 128 bytes in 2 (G.3.1)
    for number, (start, end) in enumerate(zip(bounds, bounds[1:])):
        if end - start < shortest:
            raise damaged(info, frame, f"RLE segment {number} of {len(offsets)} has {end - start} "
                                       f"bytes; Rows x Columns = {pixels} bytes need at least "
                                       f"{shortest} (PS3.5 G.3.1)")
    native = _decode_exact(ic, data, info, pixels, size)
    if native is None:
        native = _decode_by_segment(ic, data, info, frame, bounds, pixels, size)
    if info.pixel_representation:
        native = native.view(info.dtype)
    return DecodedFrame(as_declared_dtype(native, info, frame), info.photometric_interpretation)


def _decode_exact(ic: Any, data: bytes, info: PixelInfo, pixels: int, size: int
                  ) -> np.ndarray[Any, Any] | None:
    """The frame when every segment decodes to exactly Rows x Columns bytes (one library
    call into a buffer of exactly the frame's size), else None.  The library fails when a
    segment decodes long and returns fewer bytes when one decodes short."""
    dtype = np.dtype(f">u{size}") if size > 1 else np.dtype(np.uint8)
    expected = pixels * info.samples_per_pixel * size
    try:
        raw = ic.dicomrle_decode(data, dtype=dtype, out=bytearray(expected))
    except Exception:  # noqa: BLE001 - the segment by segment decoder says what is wrong
        return None
    if len(raw) != expected:
        return None
    planes = np.frombuffer(raw, dtype).reshape(info.samples_per_pixel, info.rows, info.columns)
    array = planes[0] if info.samples_per_pixel == 1 else planes.transpose(1, 2, 0)
    native: np.ndarray[Any, Any] = array.astype(dtype.newbyteorder("="), copy=True)
    return native


def _decode_by_segment(ic: Any, data: bytes, info: PixelInfo, frame: int, bounds: list[int],
                       pixels: int, size: int) -> np.ndarray[Any, Any]:
    """Each segment decoded on its own: a segment decoding a little long is cut (as pydicom
    does), one decoding short or far too long is refused, naming it."""
    offsets = bounds[:-1]
    # every segment decoded into one planar buffer, segment k at k x pixels; the slack after
    # each (a segment may decode a little long) is overwritten by the next segment
    count = len(offsets)
    buffer = bytearray(count * pixels + pixels // 8 + 64)
    view = memoryview(buffer)
    for number, (start, end) in enumerate(zip(bounds, bounds[1:])):
        try:
            decoded = ic.packbits_decode(data[start:end], out=view[number * pixels:])
        except MemoryError:
            raise damaged(info, frame, "out of memory decoding RLE segment") from None
        except Exception as exc:
            raise damaged(info, frame, f"RLE segment {number} of {count} (bytes {start} to "
                                       f"{end}) does not decode to {pixels} bytes", exc) from None
        length = len(decoded)
        del decoded
        if length < pixels:
            raise damaged(info, frame, f"RLE segment {number} of {count} decodes to "
                                       f"{length} bytes, Rows x Columns need {pixels}")
        if length > pixels + pixels // 8 + 64:
            raise damaged(info, frame, f"RLE segment {number} of {count} decodes to more than "
                                       f"{pixels} bytes")
    view.release()
    # segments run sample by sample, most significant byte first (PS3.5 G.2): combine the
    # byte planes of each sample (whole-plane operations), then go colour-by-pixel
    planes = np.frombuffer(buffer, np.uint8, count=count * pixels).reshape(
        info.samples_per_pixel, size, info.rows, info.columns)
    values = planes[:, 0].astype(np.dtype(f"u{size}"))
    for byte in range(1, size):
        values <<= 8
        values |= planes[:, byte]
    # a view of the fresh array, samples last (colour-by-pixel indexing; the memory stays
    # by plane, as the old transpose-and-copy left it)
    native: np.ndarray[Any, Any] = values[0] if info.samples_per_pixel == 1 else \
        values.transpose(1, 2, 0)
    return native


def encode(array: Any, info: PixelInfo, transfer_syntax: str, **options: Any) -> EncodedFrame:
    """Encode one frame as RLE Lossless (PS3.5 G.3, G.4, G.5); no options.

    Raises
    ------
    PixelDataError
        When the frame needs more than 15 segments (e.g. 3 samples of 64 bits), or does not
        have ``info.shape``.
    """
    ic = load_library("imagecodecs", transfer_syntax, "rle", action="encode")
    pixels = np.asarray(array)
    if pixels.shape != info.shape:
        raise PixelDataError(f"the frame has shape {pixels.shape}, the data set declares "
                             f"{info.shape}", source=info.source)
    size = max(info.bits_allocated // 8, 1)
    if info.samples_per_pixel * size > MAX_SEGMENTS:
        raise PixelDataError(f"RLE Lossless holds at most {MAX_SEGMENTS} segments; "
                             f"{info.samples_per_pixel} samples of {info.bits_allocated} bits "
                             "need more (PS3.5 G.2)", source=info.source, tag_path="(0028,0100)")
    big = pixels.astype(pixels.dtype.newbyteorder(">"), copy=False)
    as_bytes = big.reshape(info.rows, info.columns, info.samples_per_pixel).view(np.uint8)
    # byte planes in segment order: sample by sample, most significant byte first (PS3.5 G.2)
    planes = np.empty((info.samples_per_pixel, size, info.rows, info.columns), np.uint8)
    planes[...] = as_bytes.reshape(info.rows, info.columns, info.samples_per_pixel,
                                   size).transpose(2, 3, 0, 1)
    segments: list[bytes] = []
    for sample in range(info.samples_per_pixel):
        for byte in range(size):
            segment = bytes(ic.packbits_encode(planes[sample, byte]))
            segments.append(segment + b"\x00" if len(segment) % 2 else segment)
    offsets = []
    position = _HEADER.size
    for segment in segments:
        offsets.append(position)
        position += len(segment)
    header = _HEADER.pack(len(segments), *offsets, *([0] * (15 - len(offsets))))
    return EncodedFrame(header + b"".join(segments), info.photometric_interpretation)
