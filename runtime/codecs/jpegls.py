"""JPEG-LS (ISO/IEC 14495-1) lossless and near-lossless (PS3.5 A.4.3).

Library: imagecodecs' ``jpegls`` codec (CharLS 2.4), which decodes and encodes; measured
against pylibjpeg (which only decodes JPEG-LS through pyjpegls) in ``bench/README.md``.
Before CharLS is called, the SOF55 frame header is read by
:func:`dicomkit.codecs.headers.jpeg_header` and compared with Rows, Columns, Samples per Pixel
and Bits Allocated: the library allocates what the header declares.
No colour transform is applied: the declared Photometric Interpretation is returned (a YBR
frame is converted to RGB by the pixel layer, :func:`dicomkit.pixels.array.pixel_array`).  Signed
data is encoded as its two's complement bit pattern of Bits Stored and decoded to signed
values (PS3.5 A.4.3).
"""

from __future__ import annotations

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
from dicomkit.codecs.headers import read_checked
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["decode", "encode"]


def decode(data: bytes, info: PixelInfo, frame: int, *, as_rgb: bool = False) -> DecodedFrame:
    """Decode one JPEG-LS frame (``as_rgb`` changes nothing: CharLS applies no colour
    transform).

    Raises
    ------
    PixelDataError
        When the frame header disagrees with the data set, or CharLS refuses the
        codestream, naming the frame.
    """
    ic = load_library("imagecodecs", info.transfer_syntax, "jpegls")
    if info.bits_allocated not in (8, 16):
        raise PixelDataError(f"{syntax_label(info.transfer_syntax)} holds samples in Bits "
                             f"Allocated 8 or 16, the data set declares BitsAllocated "
                             f"(0028,0100) {info.bits_allocated} (PS3.5 8.2.3)",
                             source=info.source, frame=frame, tag_path="(0028,0100)")
    read_checked(data, info, frame, family="jpegls")
    try:
        array = ic.jpegls_decode(data)
    except MemoryError:
        raise damaged(info, frame, "CharLS ran out of memory") from None
    except Exception as exc:
        raise damaged(info, frame, "CharLS", exc) from None
    return DecodedFrame(as_declared_dtype(array, info, frame), info.photometric_interpretation)


def encode(array: Any, info: PixelInfo, transfer_syntax: str, **options: Any) -> EncodedFrame:
    """Encode one frame as JPEG-LS; option ``near`` (NEAR, 0 = lossless; only for the
    near-lossless syntax, default 0 there too).

    Raises
    ------
    PixelDataError
        When ``near`` is given for the lossless syntax, or CharLS refuses the data.
    """
    ic = load_library("imagecodecs", transfer_syntax, "jpegls", action="encode")
    near = int(options.get("near", 0))
    if near and TRANSFER_SYNTAXES[transfer_syntax].keyword == "JPEGLSLossless":
        raise PixelDataError(f"{syntax_label(transfer_syntax)} is lossless: near must be 0, "
                             f"not {near}", source=info.source)
    pixels = np.ascontiguousarray(array)
    if info.pixel_representation:
        mask = (1 << info.bits_stored) - 1
        pixels = (pixels.view(f"u{pixels.dtype.itemsize}") & mask).astype(
            pixels.dtype.str.replace("i", "u"), copy=False)
    try:
        data = bytes(ic.jpegls_encode(pixels, level=near))
    except Exception as exc:
        raise PixelDataError(f"CharLS could not encode {syntax_label(transfer_syntax)}: {exc}",
                             source=info.source) from None
    if not near:
        return EncodedFrame(data, info.photometric_interpretation)
    native = info.pixels_per_frame * info.samples_per_pixel * (info.bits_allocated // 8)
    return EncodedFrame(data, info.photometric_interpretation, lossy=True,
                        ratio=native / len(data), method="ISO_14495_1")
