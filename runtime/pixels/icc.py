"""ICC colour management: an image's embedded ICC profile applied to give sRGB (PS3.3 C.11.15).

A colour image may carry the ICC profile of its device (ICC Profile (0028,2000), at the top
level, or for whole slide images in each item of the Optical Path Sequence (0048,0105), PS3.3
C.8.12.5); a display shows the intended colours by converting through it to the display's
space, here sRGB (or the Color Space (0028,2002) the data set names).  The transform is
littlecms through Pillow's ``ImageCms`` (``pip install 'dicomkit[render]'``), built once per
profile and intent and cached.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from typing import Any

import numpy as np

from dicomkit.generated import tags
from dicomkit.pixels.info import PixelDataError

__all__ = ["apply_icc_profile", "icc_profile"]

_INTENTS = {0: "perceptual", 1: "relative colorimetric", 2: "saturation",
            3: "absolute colorimetric"}


def icc_profile(ds: Any, *, optical_path: int = 0) -> bytes | None:
    """The ICC profile of ``ds``: ICC Profile (0028,2000) at the top level, else that of item
    ``optical_path`` of the Optical Path Sequence (PS3.3 C.8.12.5); None when there is none."""
    elem = ds.get(tags.ICCProfile)
    if elem is None:
        paths = ds.get(tags.OpticalPathSequence)
        items = list(paths.value) if paths is not None and paths.value else []
        if 0 <= optical_path < len(items):
            elem = items[optical_path].get(tags.ICCProfile)
    if elem is None or not elem.value:
        return None
    return bytes(elem.value)


@lru_cache(maxsize=16)
def _transform(digest: str, profile: bytes, intent: int | None, target: str) -> Any:
    try:
        from PIL import ImageCms
    except ImportError:
        raise PixelDataError("applying an ICC profile needs Pillow: pip install "
                             "'dicomkit[render]'", tag_path="(0028,2000)") from None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        dest = ImageCms.createProfile(target)  # type: ignore[arg-type]
        chosen = ImageCms.getDefaultIntent(source) if intent is None else intent
        return ImageCms.buildTransform(source, dest, "RGB", "RGB",
                                       renderingIntent=ImageCms.Intent(chosen))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as exc:
        raise PixelDataError(f"the ICC profile ({len(profile)} bytes, sha256 {digest[:12]}) "
                             f"cannot make a transform to {target}: {exc}",
                             tag_path="(0028,2000)") from None


def apply_icc_profile(rgb: np.ndarray[Any, Any], ds: Any = None, *, profile: bytes | None = None,
                      intent: int | None = None, color_space: str | None = None
                      ) -> np.ndarray[Any, Any]:
    """``rgb`` (uint8, ``(rows, cols, 3)`` or ``(frames, rows, cols, 3)``) converted through
    the ICC profile of ``ds`` (or ``profile``) to sRGB; a new array.

    Parameters
    ----------
    intent
        Rendering intent: 0 perceptual, 1 relative colorimetric, 2 saturation, 3 absolute
        colorimetric; default: the profile's own.
    color_space
        The target space (default: the data set's Color Space (0028,2002) when it is one
        littlecms knows, else sRGB).

    Raises
    ------
    PixelDataError
        No profile; an array that is not 8-bit RGB; a profile littlecms cannot read; an
        intent not in 0-3; Pillow not installed.
    """
    data = profile if profile is not None else icc_profile(ds) if ds is not None else None
    if not data:
        raise PixelDataError("the data set has no ICC Profile (0028,2000) to apply",
                             tag_path="(0028,2000)")
    pixels = np.asarray(rgb)
    if pixels.dtype != np.uint8 or pixels.ndim not in (3, 4) or pixels.shape[-1] != 3:
        raise PixelDataError(f"an ICC profile applies to 8-bit RGB arrays (rows, cols, 3), not "
                             f"{pixels.dtype} {pixels.shape}", tag_path="(0028,2000)")
    if intent is not None and intent not in _INTENTS:
        raise PixelDataError(f"rendering intent {intent!r} is not one of {sorted(_INTENTS)} "
                             f"({', '.join(_INTENTS.values())})", tag_path="(0028,2000)")
    target = "sRGB"
    if color_space is not None:
        target = color_space
    elif ds is not None:
        named = ds.get(tags.ColorSpace)
        if named is not None and str(named.value).strip().upper() == "SRGB":
            target = "sRGB"
    from PIL import Image, ImageCms

    transform = _transform(hashlib.sha256(data).hexdigest(), data, intent, target)
    frames = pixels.reshape((-1, *pixels.shape[-3:]))
    out = np.empty_like(frames)
    for i, frame in enumerate(frames):
        image = Image.fromarray(np.ascontiguousarray(frame), "RGB")
        out[i] = np.asarray(ImageCms.applyTransform(image, transform))
    return out.reshape(pixels.shape)
