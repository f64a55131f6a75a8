"""The public pixel API: ``pixel_array``, ``iter_frames``, ``frame_count``.

Native data is unpacked by :mod:`dicomkit.pixels.native`; encapsulated data is decoded frame by
frame by :mod:`dicomkit.codecs` (the codec chosen by the transfer syntax), then Bits Stored
masking and sign extension apply (PS3.5 8.1.1).  With ``as_rgb=False`` (the default) the array
is in the data set's colour space, with two exceptions a user should know: YBR_FULL_422 native
data comes expanded to YBR_FULL, and a codec that converts YCbCr to RGB itself (libjpeg for
JPEG Baseline, OpenJPEG for JPEG 2000 with a colour transform) gives RGB.  ``as_rgb=True``
converts YBR_* and PALETTE COLOR to RGB; pydicom 3 does that by default (its ``as_rgb=True``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels import native
from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["decoded_frames", "frame_count", "iter_frames", "pixel_array"]


def _encapsulated(info: PixelInfo) -> bool:
    syntax = TRANSFER_SYNTAXES.get(info.transfer_syntax)
    return bool(syntax and syntax.encapsulated)


def _native_space(info: PixelInfo) -> str:
    pi = info.photometric_interpretation
    return "YBR_FULL" if pi == "YBR_FULL_422" and info.samples_per_pixel == 3 else pi


def _decode(ds: Any, info: PixelInfo, frame: int) -> tuple[np.ndarray[Any, Any], str]:
    """Frame ``frame`` with the colour space it is in."""
    if not _encapsulated(info):
        return native.unpack_frame(ds, info, frame), _native_space(info)
    if not 0 <= frame < info.number_of_frames:
        raise PixelDataError(f"frame {frame} does not exist: Number of Frames is "
                             f"{info.number_of_frames}", source=info.source, frame=frame,
                             tag_path="(0028,0008)")
    from dicomkit import codecs

    decoded = codecs.decode_frame(codecs.frame_data(ds, info, frame), info, frame=frame)
    return native.apply_bits_stored(decoded.array, info), decoded.photometric


def _to_rgb(array: np.ndarray[Any, Any], space: str, ds: Any,
            info: PixelInfo) -> np.ndarray[Any, Any]:
    if space == "PALETTE COLOR":
        from dicomkit.pixels.lut import palette_to_rgb

        return palette_to_rgb(array, ds)
    if space.startswith("YBR") and info.samples_per_pixel == 3:
        from dicomkit.pixels.color import convert_color

        return convert_color(array, space, "RGB", bits=info.bits_stored)
    return array


def decoded_frames(ds: Any, info: PixelInfo | None = None
                   ) -> Iterator[tuple[np.ndarray[Any, Any], str]]:
    """Each frame decoded, colour-by-pixel, with the colour space it is in (for transcoding)."""
    info = info or PixelInfo.of(ds)
    for frame in range(info.number_of_frames):
        yield _decode(ds, info, frame)


def iter_frames(ds: Any, *, as_rgb: bool = False) -> Iterator[np.ndarray[Any, Any]]:
    """Each frame in turn, decoding one at a time."""
    info = PixelInfo.of(ds)
    for array, space in decoded_frames(ds, info):
        yield _to_rgb(array, space, ds, info) if as_rgb else array


def frame_count(ds: Any) -> int:
    """Number of Frames (0028,0008), 1 when absent."""
    return PixelInfo.of(ds).number_of_frames


def pixel_array(ds: Any, frame: int | None = None, *, as_rgb: bool = False
                ) -> np.ndarray[Any, Any]:
    """The pixels of ``ds`` as a numpy array.

    Parameters
    ----------
    frame
        None: every frame, shaped ``(frames, rows, cols[, samples])`` when there are several,
        else one frame's shape; an int: that frame only (0-based), decoding no other.
    as_rgb
        Convert YBR_* and PALETTE COLOR to RGB.

    Raises
    ------
    PixelDataError
        No pixel data, a frame out of range, data shorter than declared, a damaged frame.
    dicomkit.codecs.CodecUnavailableError
        When the transfer syntax needs a codec library that is not installed.
    """
    info = PixelInfo.of(ds)
    if frame is not None:
        array, space = _decode(ds, info, frame)
        return _writable(_to_rgb(array, space, ds, info) if as_rgb else array)
    if not _encapsulated(info) and info.number_of_frames > 1:
        array = native.unpack(ds, info)
        return _writable(_to_rgb(array, _native_space(info), ds, info) if as_rgb else array)
    frames = list(iter_frames(ds, as_rgb=as_rgb))
    return _writable(frames[0]) if len(frames) == 1 else np.stack(frames)


def _writable(array: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """A view of the data set's bytes is copied, so that changing the array (as users of
    pydicom's ``pixel_array`` do) never fails or changes the data set."""
    return array if array.flags.writeable else array.copy()
