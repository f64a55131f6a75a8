"""RLE Lossless (PS3.5 Annex G): decode and encode.

A frame is a 64-byte header of 16 little-endian 32-bit values (the number of segments, then
each segment's offset from the start of the frame) followed by the segments (PS3.5 G.5).
Each segment holds one byte plane: for each sample in turn (colour-by-plane, PS3.5 G.2), its
most significant byte first, down to the least significant byte (PS3.5 G.2).  Each segment is
PackBits-like runs (PS3.5 G.3.1), each row encoded separately and segments padded to even
length.

Library: imagecodecs (its ``dicomrle`` decoder, C; and its ``packbits`` encoder, the same run
scheme as G.3.1, for each byte plane, row by row), measured against pylibjpeg-rle in
``bench/README.md``.  The frame is returned colour-by-pixel in the declared Photometric
Interpretation (RLE applies no colour transform).
"""

from __future__ import annotations

import struct
from typing import Any

import numpy as np

from dicomkit.codecs.base import DecodedFrame, EncodedFrame, as_declared_dtype, damaged, load_library
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


def decode(data: bytes, info: PixelInfo, frame: int) -> DecodedFrame:
    """Decode one RLE frame to ``info.shape``, colour-by-pixel.

    Raises
    ------
    PixelDataError
        For a damaged header or segments that do not decode to Rows x Columns bytes.
    """
    ic = load_library("imagecodecs", info.transfer_syntax, "rle")
    segment_offsets(data, info, frame)
    size = max(info.bits_allocated // 8, 1)
    dtype = np.dtype(f">u{size}") if size > 1 else np.dtype(np.uint8)
    try:
        raw = ic.dicomrle_decode(data, dtype=dtype)
    except Exception as exc:
        raise damaged(info, frame, "RLE segments", exc) from None
    planes = np.frombuffer(raw, dtype)
    if planes.size != info.pixels_per_frame * info.samples_per_pixel:
        raise damaged(info, frame, f"segments decode to {planes.size} samples, not "
                                   f"{info.pixels_per_frame * info.samples_per_pixel}")
    planes = planes.reshape(info.samples_per_pixel, info.rows, info.columns)
    array = planes[0] if info.samples_per_pixel == 1 else planes.transpose(1, 2, 0)
    native = array.astype(dtype.newbyteorder("="), copy=True)
    if info.pixel_representation:
        native = native.view(info.dtype)
    return DecodedFrame(as_declared_dtype(native, info, frame), info.photometric_interpretation)


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
