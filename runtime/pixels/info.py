"""What a data set says about its pixels: the Image Pixel module's attributes in one record.

:class:`PixelInfo` is the contract between the pixel layer (native unpacking, colour, LUTs) and
the codecs: it holds the attributes of the Image Pixel module (PS3.3 C.7.6.3) and the Multi-frame
module (PS3.3 C.7.6.6) that say how the pixel cells are laid out, and derives what both sides
need (numpy dtype, bytes per frame).  It is built once per data set by :meth:`PixelInfo.of`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from dicomkit.errors import DicomError

__all__ = ["PixelDataError", "PixelInfo", "PIXEL_DATA_TAGS"]

#: The three pixel data elements (PS3.3 C.7.6.3): Pixel Data, Float Pixel Data, Double Float
#: Pixel Data; a data set holds at most one of them.
PIXEL_DATA_TAGS: dict[int, str] = {
    0x7FE00010: "PixelData",
    0x7FE00008: "FloatPixelData",
    0x7FE00009: "DoubleFloatPixelData",
}


class PixelDataError(DicomError):
    """Pixel data that cannot be decoded, encoded or interpreted, with where and why.

    Attributes
    ----------
    source
        The file name, when known.
    frame
        The 0-based frame number concerned, or -1.
    tag_path
        The attribute concerned, e.g. ``(0028,0100)`` or ``(7FE0,0010)``.
    """

    def __init__(self, message: str, *, source: str = "", frame: int = -1,
                 tag_path: str = "") -> None:
        self.source = source
        self.frame = frame
        self.tag_path = tag_path
        self.reason = message
        where = [w for w in (source, f"frame {frame}" if frame >= 0 else "", tag_path) if w]
        super().__init__(": ".join([*where, message]))


def _value(ds: Any, keyword: str) -> Any:
    """The value of an element (``Dataset.get`` gives the element), or None."""
    elem = ds.get(keyword)
    return getattr(elem, "value", elem)


def _int(ds: Any, keyword: str, tag: str, default: int | None, source: str) -> int:
    value = _value(ds, keyword)
    if value is None or value == "":
        if default is None:
            raise PixelDataError(f"{keyword} {tag} is missing or empty; it is required to "
                                 "interpret the pixel data (PS3.3 C.7.6.3)", source=source,
                                 tag_path=tag)
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise PixelDataError(f"{keyword} {tag} is {value!r}, not an integer", source=source,
                             tag_path=tag) from None


@dataclass(frozen=True, slots=True)
class PixelInfo:
    """The layout of a data set's pixel cells (PS3.3 C.7.6.3, C.7.6.6; PS3.5 8).

    Attributes
    ----------
    rows, columns
        Rows (0028,0010) and Columns (0028,0011).
    samples_per_pixel
        Samples per Pixel (0028,0002): 1 for monochrome and palette, 3 for colour.
    bits_allocated, bits_stored, high_bit
        (0028,0100), (0028,0101), (0028,0102); for Float/Double Float Pixel Data, 32 or 64.
    pixel_representation
        (0028,0103): 0 unsigned, 1 two's complement.
    planar_configuration
        (0028,0006): 0 colour-by-pixel, 1 colour-by-plane (only meaningful with 3 samples).
    number_of_frames
        Number of Frames (0028,0008), 1 when absent.
    photometric_interpretation
        (0028,0004), e.g. ``MONOCHROME2``, ``YBR_FULL_422``.
    transfer_syntax
        The transfer syntax UID the pixel data is encoded in.
    pixel_keyword
        Which element holds the pixels: ``PixelData``, ``FloatPixelData`` or
        ``DoubleFloatPixelData``.
    source
        The file name, for messages.
    """

    rows: int
    columns: int
    samples_per_pixel: int = 1
    bits_allocated: int = 16
    bits_stored: int = 16
    high_bit: int = 15
    pixel_representation: int = 0
    planar_configuration: int = 0
    number_of_frames: int = 1
    photometric_interpretation: str = "MONOCHROME2"
    transfer_syntax: str = "1.2.840.10008.1.2.1"
    pixel_keyword: str = "PixelData"
    source: str = ""

    @classmethod
    def of(cls, ds: Any, transfer_syntax: str | None = None) -> PixelInfo:
        """The pixel layout a data set declares.

        The transfer syntax is taken from the argument, else the file meta Transfer Syntax
        UID (0002,0010), else the syntax the data set was read in.

        Raises
        ------
        PixelDataError
            When an attribute needed to interpret the pixels is missing or not a number.
        """
        source = str(getattr(ds, "filename", "") or "")
        keyword = next((k for t, k in PIXEL_DATA_TAGS.items() if t in ds), "PixelData")
        if transfer_syntax is None:
            meta = getattr(ds, "file_meta", None)
            ts = _value(meta, "TransferSyntaxUID") if meta is not None else None
            transfer_syntax = str(ts) if ts else (getattr(ds, "read_transfer_syntax", "")
                                                  or "1.2.840.10008.1.2.1")
        rows = _int(ds, "Rows", "(0028,0010)", None, source)
        columns = _int(ds, "Columns", "(0028,0011)", None, source)
        samples = _int(ds, "SamplesPerPixel", "(0028,0002)", 1, source)
        if keyword == "PixelData":
            allocated = _int(ds, "BitsAllocated", "(0028,0100)", None, source)
        else:
            allocated = 32 if keyword == "FloatPixelData" else 64
        stored = _int(ds, "BitsStored", "(0028,0101)", allocated, source)
        high = _int(ds, "HighBit", "(0028,0102)", stored - 1, source)
        representation = _int(ds, "PixelRepresentation", "(0028,0103)", 0, source)
        planar = _int(ds, "PlanarConfiguration", "(0028,0006)", 0, source)
        frames = _int(ds, "NumberOfFrames", "(0028,0008)", 1, source)
        photometric = _value(ds, "PhotometricInterpretation")
        photometric = str(photometric or ("MONOCHROME2" if samples == 1 else "RGB")).strip()
        info = cls(rows=rows, columns=columns, samples_per_pixel=samples,
                   bits_allocated=allocated, bits_stored=stored, high_bit=high,
                   pixel_representation=representation, planar_configuration=planar,
                   number_of_frames=max(frames, 1), photometric_interpretation=photometric,
                   transfer_syntax=transfer_syntax, pixel_keyword=keyword, source=source)
        info.check()
        return info

    def check(self) -> None:
        """Refuse layouts that cannot describe pixel cells (PS3.5 8.1.1).

        Raises
        ------
        PixelDataError
            Naming the attribute at fault.
        """
        def bad(message: str, tag: str) -> PixelDataError:
            return PixelDataError(message, source=self.source, tag_path=tag)

        if self.rows <= 0 or self.columns <= 0:
            raise bad(f"Rows {self.rows} x Columns {self.columns} holds no pixels", "(0028,0010)")
        if self.samples_per_pixel not in (1, 3, 4):
            raise bad(f"Samples per Pixel {self.samples_per_pixel} is not 1 or 3", "(0028,0002)")
        if self.bits_allocated not in (1, 8, 16, 32, 64):
            raise bad(f"Bits Allocated {self.bits_allocated} is not 1, 8, 16, 32 or 64",
                      "(0028,0100)")
        if not 1 <= self.bits_stored <= self.bits_allocated:
            raise bad(f"Bits Stored {self.bits_stored} is not within 1..Bits Allocated "
                      f"{self.bits_allocated}", "(0028,0101)")
        if self.pixel_representation not in (0, 1):
            raise bad(f"Pixel Representation {self.pixel_representation} is not 0 or 1",
                      "(0028,0103)")

    @property
    def is_float(self) -> bool:
        """True for Float Pixel Data and Double Float Pixel Data (PS3.3 C.7.6.3)."""
        return self.pixel_keyword != "PixelData"

    @property
    def dtype(self) -> np.dtype[Any]:
        """The numpy dtype (native byte order) of one sample after decoding.

        Bits Allocated 1 unpacks to uint8; float pixel data to float32/float64.
        """
        if self.is_float:
            return np.dtype(np.float32 if self.bits_allocated == 32 else np.float64)
        size = max(self.bits_allocated, 8) // 8
        return np.dtype(f"{'i' if self.pixel_representation else 'u'}{size}")

    @property
    def pixels_per_frame(self) -> int:
        """Rows x Columns."""
        return self.rows * self.columns

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of one decoded frame: (rows, columns) or (rows, columns, samples)."""
        if self.samples_per_pixel == 1:
            return (self.rows, self.columns)
        return (self.rows, self.columns, self.samples_per_pixel)

    @property
    def frame_bits(self) -> int:
        """Bits of one native frame (PS3.5 8.1.1; frames of Bits Allocated 1 need not start on a
        byte boundary, PS3.5 8.1.1 note)."""
        return self.pixels_per_frame * self.samples_per_pixel * self.bits_allocated

    @property
    def frame_length(self) -> int:
        """Bytes of one native frame, rounded up to whole bytes; YBR_FULL_422 native data
        holds two luminance and one pair of chrominance samples per two pixels (PS3.3
        C.7.6.3.1.2), so a frame is 2/3 of the 3-sample size."""
        bits = self.frame_bits
        if self.photometric_interpretation == "YBR_FULL_422" and self.samples_per_pixel == 3:
            bits = bits * 2 // 3
        return (bits + 7) // 8

    def with_(self, **changes: Any) -> PixelInfo:
        """A copy with some attributes changed (e.g. after a codec changed the photometric)."""
        return replace(self, **changes)
