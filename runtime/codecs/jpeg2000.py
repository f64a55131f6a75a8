"""JPEG 2000 (ISO/IEC 15444-1) and High-Throughput JPEG 2000 (ISO/IEC 15444-15) (PS3.5 A.4.4,
A.4.11).

Libraries: imagecodecs' ``jpeg2k`` codec (OpenJPEG 2.5) for JPEG 2000 and its ``htj2k`` codec
(OpenJPH) for HTJ2K, both decoding and encoding; measured against pylibjpeg-openjpeg in
``bench/README.md``.  Codestreams may be raw (SOC FF4F) or wrapped in a JP2 file.

Before the library is called, the SIZ marker segment is read by
:func:`dicomkit.codecs.headers.j2k_header` and compared with Rows, Columns, Samples per Pixel
and Bits Allocated: the library allocates what SIZ declares.

Colour (PS3.5 8.2.4): when the codestream's COD marker says a multiple component transform
was used (YBR_RCT / YBR_ICT declarations), the decoder inverts it and the frame is returned as
``RGB``, whether or not RGB was asked for: the transform is a step of JPEG 2000 decoding
(ISO/IEC 15444-1 G.2, G.3), OpenJPEG and OpenJPH always invert it and imagecodecs has no
option to stop them, so the YBR_RCT / YBR_ICT components exist only inside the codec (pydicom
with pylibjpeg-openjpeg returns RGB too, with ``raw=True`` as well).  Otherwise the declared
Photometric Interpretation is returned (e.g. YBR_FULL components as stored).  Encoding colour with
the transform gives YBR_RCT (reversible) or YBR_ICT (irreversible).  Signed samples are
signalled in the SIZ marker and decoded as signed values.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
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

__all__ = ["decode", "encode", "uses_mct"]

_HT = frozenset({"HTJ2KLossless", "HTJ2KLosslessRPCL", "HTJ2K"})
_SOC_SIZ = b"\xff\x4f\xff\x51"
#: Threads OpenJPEG encodes with by default: the CPUs this process may use.
_THREADS = len(os.sched_getaffinity(0)) or 1


def uses_mct(data: bytes) -> bool | None:
    """Whether the main header's COD marker (ISO/IEC 15444-1 A.6.1) sets the multiple
    component transformation; None when no COD marker is found before the first tile."""
    pos = data.find(_SOC_SIZ)
    if pos < 0:
        return None
    pos += 2
    end = len(data)
    while pos + 4 <= end:
        marker, length = struct.unpack_from(">HH", data, pos)
        if marker == 0xFF52:
            return pos + 8 < end and data[pos + 8] == 1
        if marker == 0xFF90 or marker >> 8 != 0xFF:
            return None
        pos += 2 + length
    return None


def decode(data: bytes, info: PixelInfo, frame: int, *, as_rgb: bool = False) -> DecodedFrame:
    """Decode one JPEG 2000 or HTJ2K frame (see the module docstring for the colour returned;
    ``as_rgb`` changes nothing).

    Raises
    ------
    PixelDataError
        When the SIZ marker disagrees with the data set, or the library refuses the
        codestream, naming the frame.
    """
    ic = load_library("imagecodecs", info.transfer_syntax, "jpeg2000")
    keyword = TRANSFER_SYNTAXES[info.transfer_syntax].keyword
    if info.bits_allocated not in (8, 16, 32):
        raise PixelDataError(f"{syntax_label(info.transfer_syntax)}: dicomkit decodes samples "
                             f"in Bits Allocated 8, 16 or 32, the data set declares "
                             f"BitsAllocated (0028,0100) {info.bits_allocated} (PS3.5 8.2.4)",
                             source=info.source, frame=frame, tag_path="(0028,0100)")
    read_checked(data, info, frame, family="jpeg2000")
    if keyword in _HT and data.rfind(b"\xff\xd9", max(len(data) - 16, 0)) < 0:
        # OpenJPH decodes a truncated codestream without complaint: refuse it here
        raise damaged(info, frame, "no EOC marker FFD9 at the end: the codestream is truncated")
    library = "OpenJPH" if keyword in _HT else "OpenJPEG"
    try:
        # one thread: for frames of the usual sizes OpenJPEG's threads cost more than they give
        array = ic.htj2k_decode(data) if keyword in _HT else ic.jpeg2k_decode(data)
    except MemoryError:
        raise damaged(info, frame, f"{library} ran out of memory") from None
    except Exception as exc:
        raise damaged(info, frame, library, exc) from None
    photometric = info.photometric_interpretation
    if info.samples_per_pixel == 3 and uses_mct(data):
        photometric = "RGB"
    return DecodedFrame(as_declared_dtype(array, info, frame), photometric)


def encode(array: Any, info: PixelInfo, transfer_syntax: str, **options: Any) -> EncodedFrame:
    """Encode one frame as JPEG 2000 or HTJ2K.

    Lossless syntaxes are always reversible.  For JPEG 2000 (.91) and HTJ2K (.203) the
    frame is lossless unless ``quality`` is given (OpenJPEG: a target PSNR in dB, e.g. 50;
    OpenJPH: 0-100, used as the quantisation step 10**(-quality/25), e.g. 50 -> 0.01) or
    ``ratio`` (a minimum compression ratio: the best quality reaching it is chosen).
    Option ``mct`` (default True) applies the colour transform to RGB data (PS3.5 8.2.4);
    ``threads`` (default: the CPUs available) is how many threads OpenJPEG encodes with.

    Raises
    ------
    PixelDataError
        When the library refuses the data.
    """
    ic = load_library("imagecodecs", transfer_syntax, "jpeg2000", action="encode")
    ts = TRANSFER_SYNTAXES[transfer_syntax]
    lossy = ts.lossless is not True and ("quality" in options or "ratio" in options)
    pixels = np.ascontiguousarray(array)
    colour = info.samples_per_pixel == 3
    mct = colour and bool(options.get("mct", True)) and info.photometric_interpretation == "RGB"
    ht = ts.keyword in _HT
    threads = int(options.get("threads") or _THREADS)

    def run(quality: float | None) -> bytes:
        if ht:
            # OpenJPH takes a quantisation step; quality q (0-100) maps to 10**(-q/25)
            step = 10 ** (-quality / 25) if quality is not None else None
            return bytes(ic.htj2k_encode(pixels, step, rgb=mct, reversible=not lossy,
                                         tlm=ts.keyword == "HTJ2KLosslessRPCL"))
        return bytes(ic.jpeg2k_encode(pixels, int(quality or 0), codecformat="J2K",
                                      reversible=not lossy, mct=mct,
                                      bitspersample=info.bits_stored, numthreads=threads))

    try:
        if lossy and "quality" not in options:
            data = _by_ratio(run, pixels.nbytes, float(options["ratio"]))
        else:
            data = run(float(options["quality"]) if lossy else None)
    except Exception as exc:
        raise PixelDataError(f"could not encode {syntax_label(transfer_syntax)}: {exc}",
                             source=info.source) from None
    photometric = ("YBR_ICT" if lossy else "YBR_RCT") if mct else info.photometric_interpretation
    if not lossy:
        return EncodedFrame(data, photometric)
    native = info.pixels_per_frame * info.samples_per_pixel * (info.bits_allocated // 8)
    return EncodedFrame(data, photometric, lossy=True, ratio=native / len(data),
                        method="ISO_15444_15" if ts.keyword in _HT else "ISO_15444_1")


def _by_ratio(run: Callable[[float | None], bytes], native: int, ratio: float) -> bytes:
    """The best-quality irreversible codestream that reaches a compression ratio (the
    libraries' Python bindings take a quality, not a rate, so the quality is bisected)."""
    low, high = 1, 100
    best: bytes | None = None
    while low <= high:
        mid = (low + high) // 2
        data = run(float(mid))
        if native / len(data) >= ratio:
            best, low = data, mid + 1
        else:
            high = mid - 1
    return best if best is not None else run(1.0)
