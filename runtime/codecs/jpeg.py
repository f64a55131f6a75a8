"""JPEG (ISO/IEC 10918-1) for JPEG Baseline, Extended, Lossless and Lossless SV1 (PS3.5 A.4.1).

Library: imagecodecs' ``jpeg8`` codec (libjpeg-turbo 3), which decodes and encodes 8-bit and
12-bit DCT processes and the lossless process (2-16 bits, predictors 1-7) in one library;
measured against pylibjpeg-libjpeg in ``bench/README.md``.

Before libjpeg-turbo is called, the frame header (SOF) is read by
:func:`dicomkit.codecs.headers.jpeg_header` and compared with Rows, Columns, Samples per Pixel
and Bits Allocated: the library allocates what the SOF declares.

Colour (PS3.5 8.2.1, PS3.3 C.7.6.3.1.2): the lossy processes code colour as YCbCr when the
data set declares YBR_FULL or YBR_FULL_422, or when the codestream itself says so (a JFIF
APP0, or an Adobe APP14 with transform 1).  Asked for RGB (``as_rgb=True``), libjpeg-turbo
converts such frames to RGB itself (upsampling the chrominance as the JPEG decoder does) and
the frame is returned as ``RGB``: within 3 levels of pydicom with pylibjpeg.  Otherwise
(``as_rgb=False``) the library is told not to convert and the frame holds the stored YCbCr
components, chrominance upsampled to one sample per pixel, returned as ``YBR_FULL`` (what
pydicom gives with ``raw=True``, within 1 level).  Declared RGB with no YCbCr marker is never
converted.  The lossless process never transforms colour: the declared Photometric
Interpretation is returned.  Signed data (stored as two's complement bit patterns of Bits
Stored, PS3.5 A.4.1) is returned as signed values.
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

__all__ = ["decode", "encode", "codestream_colour"]

_LOSSY = frozenset({"JPEGBaseline8Bit", "JPEGExtended12Bit"})
_YBR = frozenset({"YBR_FULL", "YBR_FULL_422"})
#: Bytes after the EOI marker tolerated (padding some writers add beyond the even-length pad).
_EOI_SLACK = 16


def codestream_colour(data: bytes) -> str | None:
    """What the JPEG markers before the first SOS say about colour: ``"YCbCr"`` for a JFIF
    APP0 or an Adobe APP14 with transform 1 or 2, ``"RGB"`` for an Adobe APP14 with
    transform 0, None when no marker says (ISO/IEC 10918-6, T.872)."""
    pos = 2
    end = len(data)
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xDA or marker == 0xD9:
            return None
        length = (data[pos + 2] << 8) | data[pos + 3]
        body = data[pos + 4:pos + 2 + length]
        if marker == 0xE0 and body[:5] == b"JFIF\x00":
            return "YCbCr"
        if marker == 0xEE and body[:5] == b"Adobe" and len(body) >= 12:
            return "RGB" if body[11] == 0 else "YCbCr"
        pos += 2 + length
    return None


def decode(data: bytes, info: PixelInfo, frame: int, *, as_rgb: bool = False) -> DecodedFrame:
    """Decode one JPEG frame (see the module docstring for the colour returned).

    Raises
    ------
    PixelDataError
        When the frame header disagrees with the data set, or libjpeg-turbo refuses the
        codestream, naming the frame.
    """
    ic = load_library("imagecodecs", info.transfer_syntax, "jpeg")
    keyword = TRANSFER_SYNTAXES[info.transfer_syntax].keyword
    if info.bits_allocated not in (8, 16):
        raise PixelDataError(f"{syntax_label(info.transfer_syntax)} holds samples in Bits "
                             f"Allocated 8 or 16, the data set declares BitsAllocated "
                             f"(0028,0100) {info.bits_allocated} (PS3.5 8.2.1)",
                             source=info.source, frame=frame, tag_path="(0028,0100)")
    read_checked(data, info, frame, family="jpeg")
    if data.rfind(b"\xff\xd9", max(len(data) - _EOI_SLACK, 0)) < 0:
        # libjpeg-turbo fills a truncated scan with grey and only warns: refuse it here
        raise damaged(info, frame, "no JPEG EOI marker FFD9 at the end: the codestream is truncated")
    photometric = info.photometric_interpretation
    kwargs: dict[str, Any] = {}
    if info.samples_per_pixel == 3:
        ycbcr = keyword in _LOSSY and (photometric in _YBR or codestream_colour(data) == "YCbCr")
        if ycbcr and as_rgb:
            kwargs = {"colorspace": "YCbCr", "outcolorspace": "RGB"}
            photometric = "RGB"
        else:
            kwargs = {"colorspace": "RGB", "outcolorspace": "RGB"}  # no conversion
            if ycbcr:
                photometric = "YBR_FULL"  # chrominance upsampled by the decoder
    try:
        array = ic.jpeg8_decode(data, **kwargs)
    except MemoryError:
        raise damaged(info, frame, "libjpeg-turbo ran out of memory") from None
    except Exception as exc:  # the library raises its own error types
        raise damaged(info, frame, "libjpeg-turbo", exc) from None
    return DecodedFrame(as_declared_dtype(array, info, frame), photometric)


def encode(array: Any, info: PixelInfo, transfer_syntax: str, **options: Any) -> EncodedFrame:
    """Encode one frame as JPEG.

    Options: ``quality`` (1-100, lossy processes, default 90); ``predictor`` (1-7,
    JPEG Lossless only; SV1 is predictor 1).  Lossy colour is encoded as YCbCr 4:2:2 and
    must be declared YBR_FULL_422 (PS3.5 8.2.1); lossless colour is kept as it is.

    Raises
    ------
    PixelDataError
        For data the process cannot hold (signed or more than 8/12 bits in a lossy process).
    """
    ic = load_library("imagecodecs", transfer_syntax, "jpeg", action="encode")
    keyword = TRANSFER_SYNTAXES[transfer_syntax].keyword
    pixels = np.ascontiguousarray(array)
    photometric = info.photometric_interpretation
    colour = info.samples_per_pixel == 3
    if keyword in _LOSSY:
        limit = 8 if keyword == "JPEGBaseline8Bit" else 12
        if info.pixel_representation or info.bits_stored > limit:
            raise PixelDataError(f"{syntax_label(transfer_syntax)} holds unsigned samples of up to "
                                 f"{limit} bits; this data has Bits Stored {info.bits_stored} and "
                                 f"Pixel Representation {info.pixel_representation}",
                                 source=info.source, tag_path="(0028,0101)")
        bits = 8 if info.bits_stored <= 8 else 12
        pixels = pixels.astype(np.uint8 if bits == 8 else np.uint16, copy=False)
        kwargs: dict[str, Any] = {"level": int(options.get("quality", 90)), "bitspersample": bits}
        if colour:
            kwargs.update(colorspace="YCbCr" if photometric in _YBR else "RGB",
                          outcolorspace="YCbCr", subsampling="422")
            photometric = "YBR_FULL_422"
        try:
            data = bytes(ic.jpeg8_encode(pixels, **kwargs))
        except Exception as exc:
            raise PixelDataError(f"libjpeg-turbo could not encode {syntax_label(transfer_syntax)}: "
                                 f"{exc}", source=info.source) from None
        native = info.pixels_per_frame * info.samples_per_pixel * (info.bits_allocated // 8)
        return EncodedFrame(data, photometric, lossy=True, ratio=native / len(data),
                            method="ISO_10918_1")
    predictor = 1 if keyword == "JPEGLosslessSV1" else int(options.get("predictor", 1))
    bits = max(info.bits_stored, 2)
    if info.pixel_representation:
        unsigned = pixels.view(f"u{pixels.dtype.itemsize}") & ((1 << bits) - 1)
        pixels = unsigned.astype(pixels.dtype.str.replace("i", "u"), copy=False)
    kwargs = {"lossless": True, "predictor": predictor, "bitspersample": bits}
    if colour:
        kwargs.update(colorspace="RGB", outcolorspace="RGB")
    try:
        data = bytes(ic.jpeg8_encode(pixels, **kwargs))
    except Exception as exc:
        raise PixelDataError(f"libjpeg-turbo could not encode {syntax_label(transfer_syntax)}: {exc}",
                             source=info.source) from None
    return EncodedFrame(data, photometric)
