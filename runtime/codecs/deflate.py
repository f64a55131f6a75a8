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

from dicomkit.codecs.base import DecodedFrame, EncodedFrame, damaged
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.info import PixelDataError, PixelInfo
from dicomkit.pixels.native import apply_bits_stored, check_native, frame_from_bytes, pack

__all__ = ["decode", "encode"]


def _deflated(uid: str) -> bool:
    return TRANSFER_SYNTAXES[uid].name == "Deflated Image Frame Compression"


def decode(data: bytes, info: PixelInfo, frame: int, *, as_rgb: bool = False) -> DecodedFrame:
    """Inflate (when deflated) and unpack one frame (``as_rgb`` changes nothing).

    The inflated output is bounded by what one frame needs (Rows x Columns x Samples x Bits
    Allocated): a stream that inflates to more is refused without inflating the rest.

    Raises
    ------
    PixelDataError
        When the deflate stream is damaged, too short or too long, naming the frame.
    """
    check_native(info)
    if _deflated(info.transfer_syntax):
        need = info.frame_length
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            data = inflater.decompress(data, need + 2)
        except zlib.error as exc:
            raise damaged(info, frame, "deflate stream", exc) from None
        if len(data) > need + 1:  # one byte more is the even-length pad (PS3.5 8.1.1)
            raise damaged(info, frame, f"the deflate stream inflates to more than the {need} "
                                       "bytes one frame holds")
        if not inflater.eof:
            raise damaged(info, frame, "the deflate stream ends before its last block")
    # signed samples come back as signed values, as from every codec (the pixel layer's
    # masking after it is idempotent)
    return DecodedFrame(apply_bits_stored(frame_from_bytes(data, info, frame), info),
                        info.photometric_interpretation)


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
    raw = pack(array, info)
    if not _deflated(transfer_syntax):
        return EncodedFrame(raw, info.photometric_interpretation)
    deflater = zlib.compressobj(int(options.get("level", 6)), zlib.DEFLATED, -zlib.MAX_WBITS)
    return EncodedFrame(deflater.compress(raw) + deflater.flush(), info.photometric_interpretation)
