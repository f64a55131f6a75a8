"""The public pixel API: ``pixel_array``, ``iter_frames``, ``frame_count``.

Native data is unpacked by :mod:`dicomkit.pixels.native`; encapsulated data is decoded frame by
frame by :mod:`dicomkit.codecs` (the codec chosen by the transfer syntax), then Bits Stored
masking and sign extension apply (PS3.5 8.1.1).

Before anything is decoded the Image Pixel module is checked (:meth:`PixelInfo.check`, PS3.3
C.7.6.3): the attributes that describe the pixels, the native data length, and for
encapsulated data the fragments and the size each codestream's header declares.  Whatever the
input, the only exceptions leaving :func:`pixel_array` and :func:`iter_frames` are
:class:`PixelDataError` and its subclasses (:class:`dicomkit.codecs.CodecUnavailableError`).

Colour: one convention for every transfer syntax (that of pydicom 3).

- ``as_rgb=True`` (the default): YBR_FULL, YBR_FULL_422, YBR_PARTIAL_422, YBR_PARTIAL_420,
  YBR_ICT and YBR_RCT images come back as RGB, whatever the transfer syntax (native, RLE,
  JPEG, JPEG-LS, JPEG 2000, deflated frames).  The lossy JPEG processes convert with
  libjpeg-turbo (as pydicom's decoders do); every other YBR frame is converted with the
  equations of PS3.3 C.7.6.3.1.2 (:func:`dicomkit.pixels.color.convert_color`).
- ``as_rgb=False``: the stored values.  Native 4:2:2 data (YBR_FULL_422, YBR_PARTIAL_422) is
  expanded to one sample triple per pixel (the chrominance pair repeated); a lossy JPEG frame
  holds the YCbCr components libjpeg-turbo gives when told not to convert (chrominance
  upsampled by the decoder); a JPEG 2000 frame whose codestream applies a multiple component
  transform (YBR_RCT, YBR_ICT) comes back RGB, because the transform is a step of JPEG 2000
  decoding that OpenJPEG and OpenJPH always invert (imagecodecs has no option to stop them;
  pydicom returns RGB there too).
- PALETTE COLOR: the pixel values are indices into the Red, Green and Blue Palette Color
  Lookup Tables (PS3.3 C.7.6.3.1.2, C.7.6.3.1.5), and ``pixel_array`` returns them, with
  ``as_rgb`` True or False, as pydicom 3 does (its ``as_rgb`` applies to YBR only): looking up
  the palette is a presentation step, like the Modality and VOI LUTs, which ``pixel_array``
  does not apply either.  :func:`dicomkit.pixels.lut.palette_to_rgb` gives the colours
  (pydicom's ``apply_color_lut``).
- Other Photometric Interpretations (MONOCHROME1/2, RGB, the retired HSV, ARGB, CMYK) are
  returned as stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, TypeVar

import numpy as np

from dicomkit.errors import DicomError
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels import native
from dicomkit.pixels.info import YBR, PixelDataError, PixelInfo, tag_path

__all__ = ["decoded_frames", "frame_count", "iter_frames", "pixel_array"]

_T = TypeVar("_T")


def _syntax(info: PixelInfo | None) -> str:
    if info is None:
        return ""
    ts = TRANSFER_SYNTAXES.get(info.transfer_syntax)
    return f" in {ts.name if ts else 'transfer syntax'} ({info.transfer_syntax})"


def _guarded(run: Callable[[], _T], info: PixelInfo | None, frame: int = -1) -> _T:
    """``run()``, with any exception that is not a DicomError turned into a PixelDataError
    naming the frame and the transfer syntax (MemoryError included).  Every known failure
    is checked for before decoding; this is the last line, so that a caller catching
    ``DicomError`` is never surprised (an 'unexpected' error here is a defect to report)."""
    source = info.source if info is not None else ""
    try:
        return run()
    except DicomError:
        raise
    except MemoryError:
        size = (f"{info.number_of_frames} frame(s) of {info.rows} x {info.columns} x "
                f"{info.samples_per_pixel} x {info.bits_allocated} bits"
                if info is not None else "the pixel data")
        raise PixelDataError(f"not enough memory to decode {size}{_syntax(info)}",
                             source=source, frame=frame, tag_path=tag_path("PixelData")) from None
    except Exception as exc:
        raise PixelDataError(f"unexpected {type(exc).__name__} decoding the pixel "
                             f"data{_syntax(info)}: {exc} (a defect in dicomkit: please report "
                             "it)", source=source, frame=frame,
                             tag_path=tag_path("PixelData")) from exc


def _native_space(info: PixelInfo) -> str:
    """The colour space unpacked native data is in: 4:2:2 comes back expanded."""
    pi = info.photometric_interpretation
    return "YBR_FULL" if pi == "YBR_FULL_422" and info.samples_per_pixel == 3 else pi


def _decode(ds: Any, info: PixelInfo, frame: int, as_rgb: bool
            ) -> tuple[np.ndarray[Any, Any], str]:
    """Frame ``frame`` with the colour space it is in."""
    if not info.encapsulated:
        return native.unpack_frame(ds, info, frame), _native_space(info)
    if not 0 <= frame < info.number_of_frames:
        raise PixelDataError(f"frame {frame} does not exist: Number of Frames is "
                             f"{info.number_of_frames}", source=info.source, frame=frame,
                             tag_path=tag_path("NumberOfFrames"))
    from dicomkit import codecs

    decoded = codecs.decode_frame(codecs.frame_data(ds, info, frame), info, frame=frame,
                                  as_rgb=as_rgb)
    return native.apply_bits_stored(decoded.array, info), decoded.photometric


def _to_rgb(array: np.ndarray[Any, Any], space: str, info: PixelInfo) -> np.ndarray[Any, Any]:
    """YBR samples converted to RGB (PS3.3 C.7.6.3.1.2); anything else unchanged."""
    if space in YBR and info.samples_per_pixel == 3:
        from dicomkit.pixels.color import convert_color

        return convert_color(array, space, "RGB", bits=info.bits_stored)
    return array


def decoded_frames(ds: Any, info: PixelInfo | None = None, *, as_rgb: bool = False
                   ) -> Iterator[tuple[np.ndarray[Any, Any], str]]:
    """Each frame decoded, colour-by-pixel, with the colour space it is in.

    With ``as_rgb=False`` (the default, what transcoding needs) the stored values, named by
    the colour space they are in (``YBR_FULL`` for expanded 4:2:2 and for JPEG YCbCr, ``RGB``
    for JPEG 2000 with a component transform); with ``as_rgb=True`` YBR frames are converted
    to RGB, as :func:`pixel_array` gives them.

    Raises
    ------
    PixelDataError
        As :func:`pixel_array`.
    """
    layout = info or _guarded(partial(PixelInfo.of, ds), None)
    for frame in range(layout.number_of_frames):
        yield _guarded(partial(_decode_as, ds, layout, frame, as_rgb), layout, frame)


def _decode_as(ds: Any, info: PixelInfo, frame: int, as_rgb: bool
               ) -> tuple[np.ndarray[Any, Any], str]:
    """Frame ``frame`` and its colour space, YBR converted to RGB when ``as_rgb``."""
    array, space = _decode(ds, info, frame, as_rgb)
    if as_rgb and space in YBR and info.samples_per_pixel == 3:
        return _to_rgb(array, space, info), "RGB"
    return array, space


def iter_frames(ds: Any, *, as_rgb: bool = True) -> Iterator[np.ndarray[Any, Any]]:
    """Each frame in turn, decoding one at a time (the colour convention of
    :func:`pixel_array`: RGB for YBR images unless ``as_rgb=False``, palette indices for
    PALETTE COLOR).

    Raises
    ------
    PixelDataError
        As :func:`pixel_array`.
    """
    for array, _ in decoded_frames(ds, as_rgb=as_rgb):
        yield _writable(array)


def frame_count(ds: Any) -> int:
    """Number of Frames (0028,0008), 1 when absent.

    Raises
    ------
    PixelDataError
        When the Image Pixel module is not valid.
    """
    return _guarded(partial(PixelInfo.of, ds), None).number_of_frames


def pixel_array(ds: Any, frame: int | None = None, *, as_rgb: bool = True
                ) -> np.ndarray[Any, Any]:
    """The pixels of ``ds`` as a numpy array.

    Parameters
    ----------
    frame
        None: every frame, shaped ``(frames, rows, cols[, samples])`` when there are several,
        else one frame's shape; an int: that frame only (0-based), decoding no other.
    as_rgb
        True (the default, as pydicom 3): YBR_FULL, YBR_FULL_422, YBR_PARTIAL_422,
        YBR_PARTIAL_420, YBR_ICT and YBR_RCT images come back as RGB, for every transfer
        syntax.  False: the stored values (4:2:2 expanded to full samples; JPEG 2000 with a
        component transform is RGB even so, see the module docstring).  PALETTE COLOR
        images give their palette indices either way (PS3.3 C.7.6.3.1.2, as pydicom 3; use
        :func:`dicomkit.pixels.lut.palette_to_rgb` for the colours).

    Raises
    ------
    PixelDataError
        No pixel data; an Image Pixel attribute missing or out of range (naming its keyword,
        tag and value); native data shorter than the frames need; fragments, offset tables,
        RLE segments or a codestream header that do not match the data set; a damaged frame
        (naming the frame and the transfer syntax); memory exhausted.  No other exception
        type leaves this function, whatever the input.
    dicomkit.codecs.CodecUnavailableError
        When the transfer syntax needs a codec library that is not installed (a
        PixelDataError subclass).
    """
    info = _guarded(partial(PixelInfo.of, ds), None)
    if frame is not None:
        if isinstance(frame, bool) or not isinstance(frame, int | np.integer):
            raise PixelDataError(f"frame must be an int, not {frame!r}", source=info.source)
        index = int(frame)
        return _writable(_guarded(partial(_decode_as, ds, info, index, as_rgb), info, index)[0])
    if not info.encapsulated and info.number_of_frames > 1:
        array = _guarded(partial(native.unpack, ds, info), info)
        if as_rgb:
            array = _guarded(partial(_to_rgb, array, _native_space(info), info), info)
        return _writable(array)
    frames = [array for array, _ in decoded_frames(ds, info, as_rgb=as_rgb)]
    if len(frames) == 1:
        return _writable(frames[0])
    return _guarded(lambda: np.stack(frames), info)


def _writable(array: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """A view of the data set's bytes is copied, so that changing the array (as users of
    pydicom's ``pixel_array`` do) never fails or changes the data set."""
    return array if array.flags.writeable else array.copy()
