"""What every codec shares: the decoded and encoded frame records, the errors, library loading.

The codec libraries are optional dependencies (PS3.5 8.2 lists the compressed transfer
syntaxes; which Python package implements each is our choice, recorded in
:mod:`dicomkit.codecs.registry`).  They are imported on first use only, so ``import
dicomkit.codecs`` stays cheap, and a missing library gives a :class:`CodecUnavailableError`
that names the transfer syntax and the ``pip install`` command that adds it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["CodecUnavailableError", "DecodedFrame", "EncodedFrame", "load_library",
           "syntax_label", "as_declared_dtype", "damaged"]

#: The tag every codec error points at: Pixel Data (7FE0,0010).
PIXEL_DATA_TAG = "(7FE0,0010)"


def syntax_label(uid: str) -> str:
    """``'<name> (<uid>)'`` for messages, the name from the generated table (PS3.6 A)."""
    ts = TRANSFER_SYNTAXES.get(uid)
    return f"{ts.name} ({uid})" if ts is not None else f"transfer syntax {uid}"


class CodecUnavailableError(PixelDataError):
    """No installed codec decodes (or encodes) a transfer syntax.

    The message names the transfer syntax (name and UID) and either the ``pip install``
    command that adds a codec, or says that dicomkit has no codec for it at all.

    Attributes
    ----------
    transfer_syntax
        The UID concerned.
    extra
        The dicomkit extra that provides the codec, or "" when there is none.
    """

    def __init__(self, transfer_syntax: str, extra: str = "", *, action: str = "decode",
                 detail: str = "", frame: int = -1, source: str = "") -> None:
        self.transfer_syntax = transfer_syntax
        self.extra = extra
        label = syntax_label(transfer_syntax)
        if extra:
            message = (f"cannot {action} {label}: the codec library is not installed; "
                       f"install it with: pip install 'dicomkit[{extra}]'")
        else:
            message = f"cannot {action} {label}: dicomkit has no codec for this transfer syntax"
        if detail:
            message = f"{message} ({detail})"
        super().__init__(message, source=source, frame=frame, tag_path=PIXEL_DATA_TAG)


@dataclass(frozen=True, slots=True)
class DecodedFrame:
    """One decoded frame.

    Attributes
    ----------
    array
        Shape ``info.shape`` ((rows, cols) or (rows, cols, samples), colour-by-pixel), dtype
        ``info.dtype``; signed data holds signed values.
    photometric
        The colour space of ``array`` (PS3.3 C.7.6.3.1.2), e.g. ``RGB`` when the codec
        converted YCbCr itself, else the declared Photometric Interpretation.
    """

    array: np.ndarray[Any, Any]
    photometric: str


@dataclass(frozen=True, slots=True)
class EncodedFrame:
    """One encoded frame and what the data set must then declare (PS3.3 C.7.6.1.1.5).

    Attributes
    ----------
    data
        The frame's codestream (not padded to even length).
    photometric
        The Photometric Interpretation the encoded data must be declared with.
    lossy
        True when the encoding lost information (Lossy Image Compression "01").
    ratio
        The compression ratio (native size / encoded size) when lossy, else None.
    method
        The Lossy Image Compression Method defined term (PS3.3 C.7.6.1.1.5.1), when lossy.
    """

    data: bytes
    photometric: str
    lossy: bool = False
    ratio: float | None = None
    method: str | None = None


def load_library(name: str, uid: str, extra: str, *, action: str = "decode") -> ModuleType:
    """Import a codec library, or raise :class:`CodecUnavailableError` naming the extra."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise CodecUnavailableError(uid, extra, action=action,
                                    detail=f"import {name} failed: {exc}") from None


def damaged(info: PixelInfo, frame: int, what: str, exc: BaseException | None = None) -> PixelDataError:
    """A :class:`PixelDataError` for a codestream the library refused, naming the frame."""
    detail = f": {type(exc).__name__}: {exc}" if exc is not None else ""
    return PixelDataError(f"{syntax_label(info.transfer_syntax)} frame data is damaged or not "
                          f"decodable ({what}{detail})", source=info.source, frame=frame,
                          tag_path=PIXEL_DATA_TAG)


def as_declared_dtype(array: np.ndarray[Any, Any], info: PixelInfo, frame: int,
                      signed_in_codestream: bool | None = None) -> np.ndarray[Any, Any]:
    """Check a decoded array's size and give it ``info.shape`` and ``info.dtype``.

    Unsigned output for signed data (codecs that store two's complement bit patterns, e.g.
    JPEG and JPEG-LS, PS3.5 A.4.1) is sign-extended from Bits Stored, so the result holds
    signed values; H1's Bits Stored masking afterwards leaves it unchanged.

    Raises
    ------
    PixelDataError
        When the decoded size does not match Rows x Columns x Samples per Pixel.
    """
    expected = info.pixels_per_frame * info.samples_per_pixel
    if array.size != expected:
        raise damaged(info, frame, f"decoded {array.size} samples {array.shape}, the data set "
                                   f"declares {expected} {info.shape}")
    planar = (info.samples_per_pixel, info.rows, info.columns)
    if info.samples_per_pixel > 1 and array.shape == planar and planar != info.shape:
        array = array.transpose(1, 2, 0)  # components first (OpenJPH without its colour transform)
    if array.shape != info.shape:
        array = array.reshape(info.shape)
    dtype = info.dtype
    if array.dtype == dtype:
        return array
    if info.pixel_representation and array.dtype.kind == "u":
        bits = info.bits_stored
        wide = array.astype(np.int64) & ((1 << bits) - 1)
        wide -= (wide >> (bits - 1)) << bits
        return wide.astype(dtype)
    if not info.pixel_representation and array.dtype.kind == "i":
        # a codestream declaring signed samples for unsigned data (PS3.5 8.2.4 note):
        # keep the bit pattern, as the data set's Pixel Representation says how to read it
        array = array.view(f"u{array.dtype.itemsize}")
    return array.astype(dtype, copy=False)
