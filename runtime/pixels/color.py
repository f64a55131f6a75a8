"""Colour space conversions between RGB and the YBR Photometric Interpretations.

The equations are those of PS3.3 C.7.6.3.1.2: YBR_FULL (and YBR_FULL_422 once expanded) uses the
full-range ITU-R BT.601 matrix with chroma offset by half the range; YBR_PARTIAL_422/420 the
limited range (16-235 luma, 16-240 chroma at 8 bits, scaled for wider samples); YBR_ICT is the
same matrix as YBR_FULL (JPEG 2000 irreversible component transform, PS3.5 8.2.4); YBR_RCT the
JPEG 2000 reversible component transform (integer, exact).  Arrays are colour-by-pixel, last
axis the three samples; any leading frame axis is kept.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dicomkit.pixels.info import PixelDataError

__all__ = ["convert_color", "SUPPORTED"]

#: RGB -> YBR_FULL (PS3.3 C.7.6.3.1.2), rows Y, Cb, Cr.
_FULL = np.array([[0.2990, 0.5870, 0.1140],
                  [-0.1687, -0.3313, 0.5000],
                  [0.5000, -0.4187, -0.0813]])
#: RGB -> YBR_PARTIAL (PS3.3 C.7.6.3.1.2), 8-bit scale, with offsets 16, 128, 128.
_PARTIAL = np.array([[0.2568, 0.5041, 0.0979],
                     [-0.1482, -0.2910, 0.4392],
                     [0.4392, -0.3678, -0.0714]])

#: Photometric Interpretations :func:`convert_color` goes between.
SUPPORTED = frozenset({"RGB", "YBR_FULL", "YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420",
                       "YBR_ICT", "YBR_RCT"})


def _bits(array: np.ndarray[Any, Any], bits: int | None) -> int:
    return bits if bits else (8 if array.dtype.itemsize == 1 else 16)


def _apply(array: np.ndarray[Any, Any], matrix: np.ndarray[Any, Any],
           before: np.ndarray[Any, Any], after: np.ndarray[Any, Any], top: int,
           dtype: np.dtype[Any]) -> np.ndarray[Any, Any]:
    values = array.astype(np.float32) - before.astype(np.float32)
    out: np.ndarray[Any, Any] = values @ matrix.T.astype(np.float32) + after.astype(np.float32)
    result: np.ndarray[Any, Any] = np.clip(np.rint(out), 0, top).astype(dtype)
    return result


def _to_rgb(array: np.ndarray[Any, Any], source: str, bits: int) -> np.ndarray[Any, Any]:
    top = (1 << bits) - 1
    half = 1 << (bits - 1)
    if source == "YBR_RCT":
        y, cb, cr = (array[..., i].astype(np.int64) for i in range(3))
        g = y - np.floor_divide(cb + cr, 4)
        return np.stack([cr + g, g, cb + g], axis=-1).clip(0, top).astype(array.dtype)
    if source in ("YBR_FULL", "YBR_FULL_422", "YBR_ICT"):
        inverse = np.linalg.inv(_FULL)
        return _apply(array, inverse, np.array([0, half, half]), np.zeros(3), top, array.dtype)
    scale = (1 << (bits - 8))
    inverse = np.linalg.inv(_PARTIAL)
    return _apply(array, inverse, np.array([16, 128, 128]) * scale, np.zeros(3), top, array.dtype)


def _from_rgb(array: np.ndarray[Any, Any], target: str, bits: int) -> np.ndarray[Any, Any]:
    top = (1 << bits) - 1
    half = 1 << (bits - 1)
    if target == "YBR_RCT":
        r, g, b = (array[..., i].astype(np.int64) for i in range(3))
        y = np.floor_divide(r + 2 * g + b, 4)
        return np.stack([y, b - g, r - g], axis=-1)
    if target in ("YBR_FULL", "YBR_FULL_422", "YBR_ICT"):
        return _apply(array, _FULL, np.zeros(3), np.array([0, half, half]), top, array.dtype)
    scale = (1 << (bits - 8))
    return _apply(array, _PARTIAL, np.zeros(3), np.array([16, 128, 128]) * scale, top,
                  array.dtype)


def convert_color(array: np.ndarray[Any, Any], source: str, target: str, *,
                  bits: int | None = None) -> np.ndarray[Any, Any]:
    """``array`` (last axis: 3 samples) converted from colour space ``source`` to ``target``.

    ``bits`` is Bits Stored (default: 8 for 8-bit arrays, else 16).  YBR_FULL_422 and the
    YBR_PARTIAL forms are taken as already expanded to one sample triple per pixel.  RGB to
    YBR_RCT gives signed chroma (int64), as the transform does.

    Raises
    ------
    PixelDataError
        For a colour space not in :data:`SUPPORTED`, or an array without three samples.
    """
    source, target = source.strip(), target.strip()
    for name in (source, target):
        if name not in SUPPORTED:
            raise PixelDataError(f"cannot convert colour space {name!r}: supported are "
                                 f"{', '.join(sorted(SUPPORTED))}", tag_path="(0028,0004)")
    if array.shape[-1] != 3:
        raise PixelDataError(f"colour conversion needs 3 samples per pixel, the array has "
                             f"shape {array.shape}", tag_path="(0028,0002)")
    if source == target:
        return array
    n = _bits(array, bits)
    rgb = array if source == "RGB" else _to_rgb(array, source, n)
    return rgb if target == "RGB" else _from_rgb(rgb, target, n)
