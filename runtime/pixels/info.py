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
from dicomkit.generated import tags
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES

__all__ = ["PIXEL_DATA_TAGS", "SAMPLES_FOR", "SUBSAMPLED_422", "YBR", "PixelDataError",
           "PixelInfo", "attribute", "tag_path"]

#: The three pixel data elements (PS3.3 C.7.6.3): Pixel Data, Float Pixel Data, Double Float
#: Pixel Data; a data set holds at most one of them.
PIXEL_DATA_TAGS: dict[int, str] = {
    tags.PixelData: "PixelData",
    tags.FloatPixelData: "FloatPixelData",
    tags.DoubleFloatPixelData: "DoubleFloatPixelData",
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


#: Photometric Interpretations and the Samples per Pixel they need (PS3.3 C.7.6.3.1.2; ARGB,
#: CMYK and HSV are retired but still read).  Others are read as stored with 1 or 3 samples.
SAMPLES_FOR: dict[str, int] = {
    "MONOCHROME1": 1, "MONOCHROME2": 1, "PALETTE COLOR": 1,
    "RGB": 3, "HSV": 3, "YBR_FULL": 3, "YBR_FULL_422": 3, "YBR_PARTIAL_422": 3,
    "YBR_PARTIAL_420": 3, "YBR_ICT": 3, "YBR_RCT": 3, "XYB": 3,
    "ARGB": 4, "CMYK": 4,
}
#: The YBR Photometric Interpretations: converted to RGB by ``pixel_array(as_rgb=True)``.
YBR = frozenset({"YBR_FULL", "YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420", "YBR_ICT",
                 "YBR_RCT"})
#: Native data with two luminance samples and one pair of chrominance samples per two pixels
#: of a row (PS3.3 C.7.6.3.1.2).
SUBSAMPLED_422 = frozenset({"YBR_FULL_422", "YBR_PARTIAL_422"})


def tag_path(keyword: str) -> str:
    """``(gggg,eeee)`` of a keyword, from the generated data dictionary (PS3.6 6)."""
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - keywords here are the dictionary's
        raise KeyError(keyword)
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


def attribute(keyword: str) -> str:
    """``Keyword (gggg,eeee)`` for messages."""
    return f"{keyword} {tag_path(keyword)}"


def _value(ds: Any, keyword: str, source: str = "") -> Any:
    """The value of an element (``Dataset.get`` gives the element), or None.

    Raises
    ------
    PixelDataError
        When the value cannot be decoded (e.g. a changed VR), naming the attribute.
    """
    elem = ds.get(keyword)
    try:
        return getattr(elem, "value", elem)
    except DicomError as exc:
        raise PixelDataError(f"{attribute(keyword)} cannot be read: {exc}", source=source,
                             tag_path=tag_path(keyword)) from None


def _int(ds: Any, keyword: str, default: int | None, source: str) -> int:
    value = _value(ds, keyword, source)
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)  # US, SS, IS as read: the usual case
    if value is None or value == "" or value == []:
        if default is None:
            raise PixelDataError(f"{attribute(keyword)} is missing or empty; it is required to "
                                 "interpret the pixel data (PS3.3 C.7.6.3)", source=source,
                                 tag_path=tag_path(keyword))
        return default
    try:
        if isinstance(value, bytes | bytearray | memoryview | list | tuple):
            raise TypeError  # bytes of a changed VR, or several values
        number = int(value)
        if not isinstance(value, str) and number != value:
            raise ValueError  # 2.5 is not a count
    except (TypeError, ValueError, OverflowError, ArithmeticError):
        raise PixelDataError(f"{attribute(keyword)} is {value!r}, not an integer", source=source,
                             tag_path=tag_path(keyword)) from None
    return number


def _photometric(ds: Any, samples: int, source: str) -> str:
    value = _value(ds, "PhotometricInterpretation", source)
    if value is None or value == "":
        return "MONOCHROME2" if samples == 1 else "RGB"
    if not isinstance(value, str):
        raise PixelDataError(f"{attribute('PhotometricInterpretation')} is {value!r}, not one "
                             "code string", source=source,
                             tag_path=tag_path("PhotometricInterpretation"))
    return value.strip(" \x00")


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
            ts = _value(meta, "TransferSyntaxUID", source) if meta is not None else None
            transfer_syntax = (str(ts).strip(" \x00") if ts else "") or (
                getattr(ds, "read_transfer_syntax", "") or "1.2.840.10008.1.2.1")
        rows = _int(ds, "Rows", None, source)
        columns = _int(ds, "Columns", None, source)
        samples = _int(ds, "SamplesPerPixel", 1, source)
        if keyword == "PixelData":
            allocated = _int(ds, "BitsAllocated", None, source)
        else:
            allocated = 32 if keyword == "FloatPixelData" else 64
            declared = _int(ds, "BitsAllocated", allocated, source)
            if declared != allocated:
                raise PixelDataError(f"{attribute('BitsAllocated')} is {declared}; {keyword} "
                                     f"needs {allocated} (PS3.5 8.1.1)", source=source,
                                     tag_path=tag_path("BitsAllocated"))
        stored = _int(ds, "BitsStored", allocated, source)
        high = _int(ds, "HighBit", stored - 1, source)
        representation = _int(ds, "PixelRepresentation", 0, source)
        planar = _int(ds, "PlanarConfiguration", 0, source)
        frames = _int(ds, "NumberOfFrames", 1, source)
        if frames < 0:
            raise PixelDataError(f"{attribute('NumberOfFrames')} is {frames}, not a number of "
                                 "frames (PS3.3 C.7.6.6)", source=source,
                                 tag_path=tag_path("NumberOfFrames"))
        info = cls(rows=rows, columns=columns, samples_per_pixel=samples,
                   bits_allocated=allocated, bits_stored=stored, high_bit=high,
                   pixel_representation=representation, planar_configuration=planar,
                   # 0 frames is read as 1, as pydicom 3 does (PS3.3 C.7.6.6 wants > 0)
                   number_of_frames=max(frames, 1),
                   photometric_interpretation=_photometric(ds, samples, source),
                   transfer_syntax=transfer_syntax, pixel_keyword=keyword, source=source)
        info.check()
        return info

    @property
    def encapsulated(self) -> bool:
        """Whether the transfer syntax encapsulates the pixel data (PS3.5 A.4); an unknown
        syntax counts as native."""
        syntax = TRANSFER_SYNTAXES.get(self.transfer_syntax)
        return bool(syntax and syntax.encapsulated)

    def check(self) -> None:
        """Refuse a layout that the Image Pixel module does not allow (PS3.3 C.7.6.3, C.7.6.6;
        PS3.5 8.1.1), before any pixel is decoded.

        The rules:

        - Rows, Columns: 1..65535 (US).
        - Samples per Pixel: 1 or 3 (4 for the retired ARGB and CMYK), and what the
          Photometric Interpretation needs (:data:`SAMPLES_FOR`); an interpretation not
          listed there is read as stored, with 1 or 3 samples.
        - Bits Allocated: 1 or a multiple of 8, at most 64 (which of those a transfer
          syntax allows is checked by its codec or by native unpacking).
        - Bits Stored: 1..Bits Allocated.
        - High Bit: Bits Stored - 1 (PS3.3 C.7.6.3.1, PS3.5 8.1.1).  Native data may, as
          PS3.5 allowed until 2014c, place the stored bits higher in the cell: a High Bit from
          Bits Stored - 1 to Bits Allocated - 1 is read that way.  A High Bit below Bits
          Stored - 1 or past the cell is refused, and so is any other High Bit with an
          encapsulated transfer syntax, whose codestreams hold values, not cells.
        - Pixel Representation: 0 or 1.
        - Planar Configuration (with more than one sample): 0 or 1; 0 for native YBR_FULL_422
          and YBR_PARTIAL_422 (PS3.3 C.7.6.3.1.3).  Native 4:2:2 data needs an even number of
          Columns; native YBR_PARTIAL_420 does not exist (it is for MPEG and HEVC only).
        - Number of Frames: at least 1.

        Raises
        ------
        PixelDataError
            Naming the attribute (keyword and tag) and its value.
        """
        def bad(message: str, keyword: str) -> PixelDataError:
            return PixelDataError(message, source=self.source, tag_path=tag_path(keyword))

        for keyword, value in (("Rows", self.rows), ("Columns", self.columns)):
            if not 1 <= value <= 0xFFFF:
                raise bad(f"{attribute(keyword)} is {value}, not 1..65535: the image holds no "
                          "pixels (PS3.3 C.7.6.3)", keyword)
        pi, samples = self.photometric_interpretation, self.samples_per_pixel
        needed = SAMPLES_FOR.get(pi)
        if samples not in (1, 3, 4) or (needed is None and samples == 4):
            raise bad(f"{attribute('SamplesPerPixel')} is {samples}, not 1 or 3 (PS3.3 "
                      "C.7.6.3.1.1)", "SamplesPerPixel")
        if needed is not None and samples != needed:
            raise bad(f"{attribute('SamplesPerPixel')} is {samples}; "
                      f"{attribute('PhotometricInterpretation')} {pi} needs {needed} (PS3.3 "
                      "C.7.6.3.1.2)", "SamplesPerPixel")
        allocated, stored, high = self.bits_allocated, self.bits_stored, self.high_bit
        if not (allocated == 1 or (allocated % 8 == 0 and 8 <= allocated <= 64)):
            raise bad(f"{attribute('BitsAllocated')} is {allocated}, not 1 or a multiple of 8 "
                      "up to 64 (PS3.5 8.1.1)", "BitsAllocated")
        if not 1 <= stored <= allocated:
            raise bad(f"{attribute('BitsStored')} is {stored}, not 1..BitsAllocated "
                      f"{allocated} (PS3.5 8.1.1)", "BitsStored")
        if not self.is_float and high != stored - 1:
            if self.encapsulated or not stored - 1 <= high < allocated:
                allowed = (f"{stored - 1}" if self.encapsulated else
                           f"{stored - 1} (or, as before PS3.5 2014c, up to {allocated - 1})")
                raise bad(f"{attribute('HighBit')} is {high}; with BitsStored {stored} and "
                          f"BitsAllocated {allocated} it must be {allowed} (PS3.3 C.7.6.3.1, "
                          "PS3.5 8.1.1)", "HighBit")
        if self.pixel_representation not in (0, 1):
            raise bad(f"{attribute('PixelRepresentation')} is {self.pixel_representation}, not "
                      "0 or 1 (PS3.3 C.7.6.3.1)", "PixelRepresentation")
        if samples > 1 and self.planar_configuration not in (0, 1):
            raise bad(f"{attribute('PlanarConfiguration')} is {self.planar_configuration}, "
                      "not 0 or 1 (PS3.3 C.7.6.3.1.3)", "PlanarConfiguration")
        if self.number_of_frames < 1:
            raise bad(f"{attribute('NumberOfFrames')} is {self.number_of_frames}, not 1 or "
                      "more (PS3.3 C.7.6.6)", "NumberOfFrames")
        if not self.encapsulated and samples == 3:
            if pi in SUBSAMPLED_422 and self.planar_configuration != 0:
                raise bad(f"{attribute('PlanarConfiguration')} is "
                          f"{self.planar_configuration}; native {pi} needs 0 (PS3.3 "
                          "C.7.6.3.1.3)", "PlanarConfiguration")
            if pi in SUBSAMPLED_422 and self.columns % 2:
                raise bad(f"{attribute('Columns')} is {self.columns}; native {pi} needs an even "
                          "number (PS3.3 C.7.6.3.1.2)", "Columns")
            if pi == "YBR_PARTIAL_420":
                raise bad(f"{attribute('PhotometricInterpretation')} YBR_PARTIAL_420 is defined "
                          "for MPEG and HEVC compressed data only, not native (PS3.3 "
                          "C.7.6.3.1.2)", "PhotometricInterpretation")

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
        (and YBR_PARTIAL_422) holds two luminance and one pair of chrominance samples per two
        pixels (PS3.3 C.7.6.3.1.2), so a frame is 2/3 of the 3-sample size."""
        bits = self.frame_bits
        if self.photometric_interpretation in SUBSAMPLED_422 and self.samples_per_pixel == 3:
            bits = bits * 2 // 3
        return (bits + 7) // 8

    def with_(self, **changes: Any) -> PixelInfo:
        """A copy with some attributes changed (e.g. after a codec changed the photometric)."""
        return replace(self, **changes)
