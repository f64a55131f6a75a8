"""Rendering: one frame as 8-bit display values, the way a viewer shows it.

Grayscale images go through the pipeline of PS3.4 N.2: stored values -> Modality LUT (rescale
slope/intercept or Modality LUT Sequence, PS3.3 C.11.1) -> VOI LUT (a given window, else the
data set's window or VOI LUT Sequence by index, PS3.3 C.11.2, else the frame's full range) ->
Presentation LUT (MONOCHROME1 and Presentation LUT Shape INVERSE invert, PS3.3 C.11.6) -> 0-255.
Colour images are converted to RGB (YBR, palette), scaled to 8 bits when stored wider, and
through their ICC profile to sRGB when they have one (PS3.3 C.11.15, :mod:`dicomkit.pixels.icc`).
:func:`save_png` writes the result with Pillow (``pip install 'dicomkit[render]'``).
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["render", "save_png"]


def _value(ds: Dataset, keyword: str) -> Any:
    elem = ds.get(keyword)
    return None if elem is None else elem.value


def _to_8bit(values: np.ndarray[Any, Any], low: float, high: float) -> np.ndarray[Any, Any]:
    """Linear map of [low, high] onto 0..255, clipped."""
    span = high - low
    if span <= 0:
        return np.where(values > low, 255, 0).astype(np.uint8)
    out = (values.astype(np.float64) - low) * (255.0 / span)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def _icc(rgb: np.ndarray[Any, Any], ds: Dataset, apply_icc: bool | None) -> np.ndarray[Any, Any]:
    """``rgb`` through the data set's ICC profile to sRGB, as ``apply_icc`` asks."""
    from dicomkit.pixels import icc

    if apply_icc is False or icc.icc_profile(ds) is None:
        return rgb
    if apply_icc is None:
        try:
            import PIL.ImageCms  # noqa: F401
        except ImportError:
            return rgb
    return icc.apply_icc_profile(rgb, ds)


def render(ds: Dataset, *, frame: int = 0, window: tuple[float, float] | None = None,
           voi_index: int = 0, apply_icc: bool | None = None,
           window_function: str = "LINEAR") -> np.ndarray[Any, Any]:
    """Frame ``frame`` of ``ds`` as uint8 display values: (rows, cols) or (rows, cols, 3).

    Parameters
    ----------
    window
        (center, width) to use instead of the data set's VOI (PS3.3 C.11.2.1.2, LINEAR).
    voi_index
        Which of the data set's windows or VOI LUTs to apply.
    apply_icc
        Colour images with an ICC Profile (PS3.3 C.11.15): None (the default) converts
        through it to sRGB when Pillow is installed, True always (an error without Pillow),
        False never (:mod:`dicomkit.pixels.icc`).
    window_function
        The VOI LUT Function of ``window`` (PS3.3 C.11.2.1.3): ``LINEAR``, ``LINEAR_EXACT``
        or ``SIGMOID``.

    Raises
    ------
    PixelDataError
        No pixel data, a frame out of range, or what decoding raises.
    """
    from dicomkit.pixels import array, lut

    info = PixelInfo.of(ds)
    if not 0 <= frame < info.number_of_frames:
        raise PixelDataError(f"frame {frame} does not exist: the image has "
                             f"{info.number_of_frames} frame(s)", source=info.source,
                             tag_path="(0028,0008)")
    if info.photometric_interpretation == "PALETTE COLOR":
        # pixel_array gives the palette indices (PS3.3 C.7.6.3.1.2); the palette makes colours
        rgb = lut.palette_to_rgb(array.pixel_array(ds, frame=frame), ds)
        return _icc(_to_8bit(rgb, 0.0, 65535.0) if rgb.dtype != np.uint8 else rgb, ds,
                    apply_icc)
    if info.samples_per_pixel > 1:
        rgb = array.pixel_array(ds, frame=frame, as_rgb=True)
        if rgb.dtype != np.uint8:
            top = float((1 << info.bits_stored) - 1) if not info.is_float else float(rgb.max())
            rgb = _to_8bit(rgb, 0.0, top)
        return _icc(rgb, ds, apply_icc) if rgb.ndim == 3 and rgb.shape[-1] == 3 else rgb
    values = array.pixel_array(ds, frame=frame, as_rgb=False)
    values = lut.apply_modality_lut(values, ds)
    if window is not None:
        center, width = window
        shown = lut.apply_windowing(values, center, width, window_function, 0.0, 255.0)
        out = np.clip(np.rint(shown), 0, 255).astype(np.uint8)
    elif lut.has_voi(ds):
        shown = lut.apply_voi_lut(values, ds, index=voi_index)
        low, high = lut.voi_output_range(ds, index=voi_index)
        out = _to_8bit(shown, low, high)
    else:
        finite = values[np.isfinite(values)] if values.dtype.kind == "f" else values
        low = float(finite.min()) if finite.size else 0.0
        high = float(finite.max()) if finite.size else 0.0
        out = _to_8bit(values, low, high)
    # Presentation LUT (Sequence, or Shape: IDENTITY for MONOCHROME2, INVERSE for MONOCHROME1
    # images, PS3.3 C.8.11.6.1.2; else MONOCHROME1 alone means inverted)
    p_values = lut.apply_presentation_lut(out, ds, low=0.0, high=255.0)
    image: np.ndarray[Any, Any] = np.clip(np.rint(p_values * 255.0), 0, 255).astype(np.uint8)
    return image


def save_png(image: np.ndarray[Any, Any], path: str | os.PathLike[str]) -> None:
    """Write an 8-bit grayscale or RGB array as PNG.

    Raises
    ------
    PixelDataError
        When Pillow is not installed, naming the extra that adds it.
    """
    try:
        from PIL import Image
    except ImportError:
        raise PixelDataError("writing PNG needs Pillow: pip install 'dicomkit[render]'") from None
    mode = "L" if image.ndim == 2 else "RGB"
    Image.fromarray(np.ascontiguousarray(image), mode=mode).save(os.fspath(path), format="PNG")
