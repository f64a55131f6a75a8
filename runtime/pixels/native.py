"""Native (uncompressed) pixel data to numpy arrays and back (PS3.5 8.1.1, 8.2; PS3.3 C.7.6.3).

Pixel cells are Bits Allocated wide, in the byte order of the transfer syntax; Bits Stored of
them, ending at High Bit, hold the value, signed (two's complement) when Pixel Representation is
1.  Bits Allocated 1 packs eight pixels per byte, least significant bit first, and frames need
not start on a byte boundary.  Colour data is either colour-by-pixel (Planar Configuration 0)
or colour-by-plane (1); arrays here are always colour-by-pixel: ``(rows, cols)`` or ``(rows,
cols, samples)`` per frame.  YBR_FULL_422 native data holds two luma samples and one pair of
chroma samples per two pixels (PS3.3 C.7.6.3.1.2); it is expanded to full YBR.

Unpacking a frame reads and converts only that frame's bytes: from the file alone when the
element was deferred (``read(..., defer_size=...)``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dicomkit.pixels.info import (
    PIXEL_DATA_TAGS,
    SUBSAMPLED_422,
    PixelDataError,
    PixelInfo,
    attribute,
    tag_path,
)

__all__ = ["apply_bits_stored", "check_native", "frame_from_bytes", "frame_range", "pack",
           "pixel_element", "unpack", "unpack_frame"]

#: Bits Allocated that native unpacking reads: PS3.5 8.1.1 allows 1 or any multiple of 8;
#: numpy has no 24-, 40-, 48- or 56-bit integers.
NATIVE_BITS = (1, 8, 16, 32, 64)

_TAG_PATH = {tag: f"({tag >> 16:04X},{tag & 0xFFFF:04X})" for tag in PIXEL_DATA_TAGS}


def pixel_element(ds: Any, info: PixelInfo) -> Any:
    """The data set's pixel data element (Pixel Data, Float or Double Float Pixel Data).

    Raises
    ------
    PixelDataError
        When the data set has none.
    """
    for tag in PIXEL_DATA_TAGS:
        elem = ds.get(tag)
        if elem is not None:
            return elem
    raise PixelDataError("the data set has no Pixel Data (7FE0,0010), Float Pixel Data "
                         "(7FE0,0008) or Double Float Pixel Data (7FE0,0009)", source=info.source,
                         tag_path="(7FE0,0010)")


def _subsampled(info: PixelInfo) -> bool:
    return info.photometric_interpretation in SUBSAMPLED_422 and info.samples_per_pixel == 3


def _stored_bits(info: PixelInfo) -> int:
    """Bits one frame takes in the stream (YBR_FULL_422: 2/3 of three full samples)."""
    bits = info.frame_bits
    if _subsampled(info):
        bits = bits * 2 // 3
    return bits


def check_native(info: PixelInfo) -> None:
    """Refuse a layout native unpacking cannot read (PS3.5 8.1.1): Bits Allocated other than
    1, 8, 16, 32 or 64, or Bits Allocated 1 with more than one sample per pixel.

    Raises
    ------
    PixelDataError
        Naming Bits Allocated (0028,0100) and its value.
    """
    if info.bits_allocated not in NATIVE_BITS:
        raise PixelDataError(f"{attribute('BitsAllocated')} is {info.bits_allocated}: dicomkit "
                             "reads native samples of 1, 8, 16, 32 or 64 bits", source=info.source,
                             tag_path=tag_path("BitsAllocated"))
    if info.bits_allocated == 1 and info.samples_per_pixel != 1:
        raise PixelDataError(f"{attribute('BitsAllocated')} is 1 with "
                             f"{attribute('SamplesPerPixel')} {info.samples_per_pixel}: 1-bit "
                             "pixels have one sample", source=info.source,
                             tag_path=tag_path("BitsAllocated"))


def frame_range(info: PixelInfo, frame: int) -> tuple[int, int, int]:
    """(first byte, byte count, bit offset in the first byte) of frame ``frame`` (0-based)."""
    bits = _stored_bits(info)
    start_bit = frame * bits
    first = start_bit // 8
    shift = start_bit % 8
    return first, (shift + bits + 7) // 8, shift


def _expand_422(flat: np.ndarray[Any, Any], info: PixelInfo) -> np.ndarray[Any, Any]:
    """YBR_FULL_422 native samples (Y1 Y2 Cb Cr per pair of pixels) to full YBR, by pixel."""
    pairs = flat.reshape(info.rows, info.columns // 2, 4)
    out = np.empty((info.rows, info.columns // 2, 2, 3), dtype=flat.dtype)
    out[:, :, 0, 0] = pairs[:, :, 0]
    out[:, :, 1, 0] = pairs[:, :, 1]
    out[:, :, :, 1] = pairs[:, :, 2:3]
    out[:, :, :, 2] = pairs[:, :, 3:4]
    return out.reshape(info.rows, info.columns, 3)


def _convert(data: bytes | memoryview, info: PixelInfo, little_endian: bool,
             shift: int = 0) -> np.ndarray[Any, Any]:
    """One frame's bytes (starting at bit ``shift`` for 1-bit data) as an ``info.shape`` array."""
    count = info.pixels_per_frame * info.samples_per_pixel
    if info.bits_allocated == 1:
        bits = np.unpackbits(np.frombuffer(data, np.uint8), bitorder="little")
        return bits[shift:shift + count].reshape(info.shape)
    dtype = info.dtype.newbyteorder("<" if little_endian else ">")
    if _subsampled(info):
        if info.columns % 2:
            raise PixelDataError(f"{attribute('Columns')} is {info.columns}; "
                                 f"{info.photometric_interpretation} needs an even number "
                                 "(PS3.3 C.7.6.3.1.2)", source=info.source,
                                 tag_path=tag_path("Columns"))
        flat = np.frombuffer(data, dtype, count=count * 2 // 3)
        array = _expand_422(flat, info)
    else:
        flat = np.frombuffer(data, dtype, count=count)
        if info.samples_per_pixel > 1 and info.planar_configuration == 1:
            array = flat.reshape(info.samples_per_pixel, info.rows, info.columns).transpose(1, 2, 0)
        else:
            array = flat.reshape(info.shape)
    if not dtype.isnative:
        array = array.astype(info.dtype)
    return array


def frame_from_bytes(data: bytes | memoryview, info: PixelInfo, frame: int = 0
                     ) -> np.ndarray[Any, Any]:
    """One frame's native little-endian bytes (e.g. an inflated Deflated Image Frame
    Compression fragment, PS3.5 8.2.15) as an ``info.shape`` array.

    Raises
    ------
    PixelDataError
        When the bytes are fewer than one frame needs.
    """
    check_native(info)
    need = (_stored_bits(info) + 7) // 8
    if len(data) < need:
        raise PixelDataError(f"the frame holds {len(data)} bytes, {need} are needed",
                             source=info.source, frame=frame, tag_path="(7FE0,0010)")
    return _convert(data, info, True)


def _little(elem: Any) -> bool:
    context = getattr(elem, "context", None)
    return True if context is None else bool(context.little_endian)


def _value_bytes(elem: Any, info: PixelInfo) -> bytes | bytearray | memoryview:
    """The value of a native pixel data element as bytes, or a PixelDataError."""
    value = elem.raw if elem.raw is not None else elem.value
    if not isinstance(value, bytes | bytearray | memoryview):
        raise PixelDataError(f"{_TAG_PATH.get(elem.tag, '')} holds {type(value).__name__}, not "
                             f"the bytes of native pixel data (VR {elem.vr})", source=info.source,
                             tag_path=_TAG_PATH.get(elem.tag, ""))
    return value


def _read(elem: Any, info: PixelInfo, first: int, count: int) -> bytes | memoryview:
    """``count`` bytes of the value from ``first``, in the order pixels are laid out.

    8- and 1-bit pixels in an OW value of a big endian syntax sit in 16-bit words whose bytes
    the stream swapped (PS3.5 7.3, 8.1.1): read whole words and swap them back.
    """
    if elem.vr != "OW" or _little(elem) or info.bits_allocated > 8:
        if elem.is_deferred:
            return bytes(elem.read_range(first, count))
        return memoryview(_value_bytes(elem, info))[first:first + count]  # a view: no copy
    extra = first % 2
    words = elem.read_range(first - extra, (extra + count + 1) // 2 * 2)
    if len(words) % 2:
        words += b"\x00"
    swapped = np.frombuffer(words, "<u2").byteswap().tobytes()
    return swapped[extra:extra + count]


def _checked_element(ds: Any, info: PixelInfo) -> Any:
    """The pixel data element, checked to hold native pixel data of at least the length all
    frames need (PS3.5 8.1.1; a longer value, e.g. padding, is read as far as needed).

    Raises
    ------
    PixelDataError
        No pixel data, encapsulated pixel data in a native syntax, a value that is not bytes,
        or fewer bytes than Number of Frames x Rows x Columns x Samples x Bits Allocated need.
    """
    check_native(info)
    elem = pixel_element(ds, info)
    where = _TAG_PATH.get(elem.tag, "")
    if getattr(elem, "undefined_length", False):
        raise PixelDataError(f"{where} is encapsulated (undefined length) but the transfer syntax "
                             f"{info.transfer_syntax} is native (PS3.5 A.4)", source=info.source,
                             tag_path=where)
    length = elem.length if elem.is_deferred or elem.raw is not None else -1
    if length < 0:
        length = len(_value_bytes(elem, info))
    need = (_stored_bits(info) * info.number_of_frames + 7) // 8
    if length < need:
        raise PixelDataError(
            f"{where} holds {length} bytes; {info.number_of_frames} frame(s) of "
            f"Rows {info.rows} x Columns {info.columns} x SamplesPerPixel "
            f"{info.samples_per_pixel} x BitsAllocated {info.bits_allocated} bits need {need} "
            "(PS3.5 8.1.1)", source=info.source, tag_path=where)
    return elem


def unpack_frame(ds: Any, info: PixelInfo, frame: int) -> np.ndarray[Any, Any]:
    """Frame ``frame`` (0-based) of native pixel data, decoding no other frame.

    Bits Stored masking and sign extension are applied (:func:`apply_bits_stored`).

    Raises
    ------
    PixelDataError
        When the frame does not exist, the layout cannot be read natively, or the data is
        shorter than the frames declared.
    """
    if not 0 <= frame < info.number_of_frames:
        raise PixelDataError(f"frame {frame} does not exist: Number of Frames is "
                             f"{info.number_of_frames}", source=info.source, frame=frame,
                             tag_path=tag_path("NumberOfFrames"))
    elem = _checked_element(ds, info)
    first, count, shift = frame_range(info, frame)
    data = _read(elem, info, first, count)
    if len(data) < count:  # a deferred file shorter than it was when read
        raise PixelDataError(f"{_TAG_PATH.get(elem.tag, '')} gives {len(data)} bytes for frame "
                             f"{frame}, {count} are needed", source=info.source, frame=frame,
                             tag_path=_TAG_PATH.get(elem.tag, ""))
    return apply_bits_stored(_convert(data, info, _little(elem), shift), info)


def unpack(ds: Any, info: PixelInfo) -> np.ndarray[Any, Any]:
    """Every frame: ``(frames, rows, cols[, samples])``, or one frame's shape when there is one.

    Raises
    ------
    PixelDataError
        When the layout cannot be read natively or the data is shorter than the frames
        declared.
    """
    if info.number_of_frames == 1:
        return unpack_frame(ds, info, 0)
    elem = _checked_element(ds, info)
    bits = _stored_bits(info)
    need = (bits * info.number_of_frames + 7) // 8
    data = _read(elem, info, 0, need)
    if len(data) < need:
        raise PixelDataError(f"{_TAG_PATH.get(elem.tag, '')} holds {len(data)} bytes; "
                             f"{info.number_of_frames} frames need {need}", source=info.source,
                             tag_path=_TAG_PATH.get(elem.tag, ""))
    if bits % 8 or info.bits_allocated == 1 or _subsampled(info):
        return np.stack([unpack_frame(ds, info, i) for i in range(info.number_of_frames)])
    little = _little(elem)
    dtype = info.dtype.newbyteorder("<" if little else ">")
    flat = np.frombuffer(data, dtype, count=need // dtype.itemsize)
    n, s = info.number_of_frames, info.samples_per_pixel
    if s > 1 and info.planar_configuration == 1:
        array = flat.reshape(n, s, info.rows, info.columns).transpose(0, 2, 3, 1)
    else:
        array = flat.reshape((n, *info.shape))
    if not dtype.isnative:
        array = array.astype(info.dtype)
    return apply_bits_stored(array, info)


def apply_bits_stored(array: np.ndarray[Any, Any], info: PixelInfo) -> np.ndarray[Any, Any]:
    """Keep the Bits Stored bits ending at High Bit, sign-extended when Pixel Representation is
    1 (PS3.5 8.1.1); idempotent on values already in range, so it may follow a codec too.

    Bits Stored and High Bit are taken within the array's own sample width, so an array
    narrower than Bits Allocated says (a codec's output) is never shifted past its width.
    """
    if info.is_float or info.bits_allocated == 1 or array.dtype.kind not in "iu":
        return array
    width = array.dtype.itemsize * 8
    stored = max(1, min(info.bits_stored, width))
    low = min(max(info.high_bit - info.bits_stored + 1, 0), width - stored)
    if stored == width and low == 0:
        return array if array.dtype == info.dtype else array.astype(info.dtype)
    unsigned = array.view(array.dtype.str.replace("i", "u")) if array.dtype.kind == "i" else array
    values = (unsigned >> low if low > 0 else unsigned) & np.array((1 << stored) - 1,
                                                                  dtype=unsigned.dtype)
    if info.pixel_representation:
        signed = values.view(values.dtype.str.replace("u", "i"))
        shift = width - stored
        extended: np.ndarray[Any, Any] = (signed << shift) >> shift
        return extended.astype(info.dtype, copy=False)
    masked: np.ndarray[Any, Any] = values
    return masked.astype(info.dtype, copy=False)


def pack(array: np.ndarray[Any, Any], info: PixelInfo, *, little_endian: bool = True) -> bytes:
    """Native bytes of an array of one frame (``info.shape``) or frames (``(n, *info.shape)``),
    in ``info``'s layout: Bits Allocated (1 packs bits), Planar Configuration, byte order;
    padded to an even length (PS3.5 8.1.1).  YBR_FULL_422 is written as full YBR is not: encode
    it as YBR_FULL (``info.with_(photometric_interpretation="YBR_FULL")``).

    Raises
    ------
    PixelDataError
        When the array's shape does not match ``info``.
    """
    pixels = np.asarray(array)
    frames = pixels.reshape((-1, *info.shape)) if pixels.shape != info.shape else pixels[None]
    if frames.shape[1:] != info.shape:
        raise PixelDataError(f"array of shape {pixels.shape} does not hold frames of "
                             f"{info.shape}", source=info.source)
    if _subsampled(info):
        raise PixelDataError(f"packing {info.photometric_interpretation} would subsample chroma: "
                             "declare a full-sample interpretation (YBR_FULL for YBR_FULL_422)",
                             source=info.source, tag_path=tag_path("PhotometricInterpretation"))
    if info.bits_allocated == 1:
        data = np.packbits(frames.astype(np.uint8).ravel() & 1, bitorder="little").tobytes()
    else:
        if info.samples_per_pixel > 1 and info.planar_configuration == 1:
            frames = frames.transpose(0, 3, 1, 2)
        dtype = info.dtype.newbyteorder("<" if little_endian else ">")
        if not info.is_float and info.bits_stored < info.bits_allocated:
            mask = (1 << info.bits_stored) - 1
            unsigned = frames.astype(info.dtype).view(info.dtype.str.replace("i", "u"))
            frames = (unsigned & mask) << (info.high_bit - info.bits_stored + 1)
        data = np.ascontiguousarray(frames.astype(dtype, copy=False)).tobytes()
    return data + b"\x00" if len(data) % 2 else data
