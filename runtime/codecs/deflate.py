"""Deflated Image Frame Compression (PS3.5 A.4.13, 8.2.16) and Encapsulated Uncompressed
Explicit VR Little Endian (PS3.5 A.4.14): frames that are native pixel data, deflated or not.

Deflated Image Frame Compression deflates (RFC 1951, raw, no zlib header) the native byte
stream of each frame separately, one frame per fragment, with one trailing NUL when the
compressed stream has odd length (PS3.5 A.4.13).  Any Bits Allocated is allowed, including 1
(bilevel segmentations, packed eight pixels per byte, least significant bit first, PS3.5
8.1.1).  The library is Python's own zlib; no extra is needed.  The frame is returned
colour-by-pixel in the declared Photometric Interpretation.
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np

from dicomkit.codecs.base import DecodedFrame, EncodedFrame, as_declared_dtype, damaged
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["decode", "encode", "unpack_native", "pack_native"]


def _deflated(uid: str) -> bool:
    return TRANSFER_SYNTAXES[uid].name == "Deflated Image Frame Compression"


def unpack_native(data: bytes, info: PixelInfo, frame: int) -> np.ndarray[Any, Any]:
    """One frame's native little-endian bytes (PS3.5 8.1.1) as an ``info.shape`` array.

    Raises
    ------
    PixelDataError
        When the frame is shorter than Rows x Columns x Samples x Bits Allocated.
    """
    need = info.frame_length
    if len(data) < need:
        raise damaged(info, frame, f"the frame holds {len(data)} bytes, {need} are needed")
    if info.bits_allocated == 1:
        bits = np.unpackbits(np.frombuffer(data, np.uint8, count=need), bitorder="little")
        return bits[:info.pixels_per_frame * info.samples_per_pixel].reshape(info.shape)
    dtype = info.dtype.newbyteorder("<")
    flat = np.frombuffer(data, dtype, count=info.pixels_per_frame * info.samples_per_pixel)
    if info.samples_per_pixel > 1 and info.planar_configuration == 1:
        array = flat.reshape(info.samples_per_pixel, info.rows, info.columns).transpose(1, 2, 0)
    else:
        array = flat.reshape(info.shape)
    return as_declared_dtype(array.astype(info.dtype), info, frame)


def pack_native(array: Any, info: PixelInfo) -> bytes:
    """A frame (``info.shape``, colour-by-pixel) as native little-endian bytes."""
    pixels = np.asarray(array)
    if info.bits_allocated == 1:
        return np.packbits(pixels.astype(np.uint8).ravel() & 1, bitorder="little").tobytes()
    return np.ascontiguousarray(pixels.astype(info.dtype.newbyteorder("<"), copy=False)).tobytes()


def decode(data: bytes, info: PixelInfo, frame: int) -> DecodedFrame:
    """Inflate (when deflated) and unpack one frame.

    Raises
    ------
    PixelDataError
        When the deflate stream is damaged or too short, naming the frame.
    """
    if _deflated(info.transfer_syntax):
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            data = inflater.decompress(data)
        except zlib.error as exc:
            raise damaged(info, frame, "deflate stream", exc) from None
        if not inflater.eof:
            raise damaged(info, frame, "the deflate stream ends before its last block")
    return DecodedFrame(unpack_native(data, info, frame), info.photometric_interpretation)


def encode(array: Any, info: PixelInfo, transfer_syntax: str, **options: Any) -> EncodedFrame:
    """Deflate (when the syntax says so) one frame's native bytes; option ``level`` (zlib
    0-9, default 6).

    Raises
    ------
    PixelDataError
        When the frame does not have ``info.shape``.
    """
    if np.shape(array) != info.shape:
        raise PixelDataError(f"the frame has shape {np.shape(array)}, the data set declares "
                             f"{info.shape}", source=info.source)
    raw = pack_native(array, info)
    if not _deflated(transfer_syntax):
        return EncodedFrame(raw, info.photometric_interpretation)
    deflater = zlib.compressobj(int(options.get("level", 6)), zlib.DEFLATED, -zlib.MAX_WBITS)
    return EncodedFrame(deflater.compress(raw) + deflater.flush(), info.photometric_interpretation)
