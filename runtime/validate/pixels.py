"""Consistency of the pixel description attributes with each other and with Pixel Data.

The Image Pixel Description Macro (PS3.3 C.7.6.3, Table C.7-11c) lists Samples per Pixel, Bits
Allocated, Bits Stored, High Bit, Photometric Interpretation and Planar Configuration each as an
attribute; how they constrain one another is stated in prose, in PS3.5 8.1.1 and in the
definitions of the Photometric Interpretations (PS3.3 C.7.6.3.1.2), and is checked here:

* ``pixel-bits`` (PS3.5 8.1.1): Bits Allocated (0028,0100) is 1 or a multiple of 8; Bits Stored
  (0028,0101) is not larger than Bits Allocated; High Bit (0028,0102) is one less than Bits
  Stored (also PS3.3 C.7.6.3.1, Table C.7-11c).
* ``pixel-samples`` (PS3.3 C.7.6.3.1.2): each Photometric Interpretation "may be used only when
  Samples per Pixel (0028,0002) has a value of" 1 or 3.
* ``pixel-planar`` (PS3.3 C.7.6.3.1.2): "Planar Configuration (0028,0006) shall be 0" for
  YBR_FULL_422, YBR_PARTIAL_420, YBR_ICT and YBR_RCT.
* ``vr`` (PS3.5 7.1.1, A.4): encapsulated Pixel Data (of undefined length) has VR OB.
* ``pixel-length`` (PS3.5 8.1.1, 8.2): native (not encapsulated) Pixel Data (7FE0,0010) holds
  Rows x Columns x Number of Frames x samples of Bits Allocated bits, padded to an even length;
  for the 4:2:2 interpretations (YBR_FULL_422, YBR_PARTIAL_422) two samples a pixel (the CB and
  CR values are "half as many as Y values", C.7.6.3.1.2).

A value that is absent or not a number is left to the IOD checks (type 1 attributes missing or
empty): nothing is inferred from it here.
"""

from __future__ import annotations

from typing import Final

from dicomkit.core.dataset import Dataset
from dicomkit.core.dictionary import tag_for_keyword
from dicomkit.core.element import DataElement
from dicomkit.validate.report import Report, tag_path

__all__ = ["check_pixels"]


def _kw(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - the dictionary always has them
        raise RuntimeError(f"data dictionary without {keyword}")
    return tag


_ROWS: Final = _kw("Rows")
_COLUMNS: Final = _kw("Columns")
_FRAMES: Final = _kw("NumberOfFrames")
_SAMPLES: Final = _kw("SamplesPerPixel")
_ALLOCATED: Final = _kw("BitsAllocated")
_STORED: Final = _kw("BitsStored")
_HIGH_BIT: Final = _kw("HighBit")
_PHOTOMETRIC: Final = _kw("PhotometricInterpretation")
_PLANAR: Final = _kw("PlanarConfiguration")
_PIXEL_DATA: Final = _kw("PixelData")

_REF_BITS: Final = "PS3.5 8.1.1"
#: the first edition of PS3.5 on hand (2013, 2016a, ...) that restricts High Bit to Bits Stored
#: - 1 and Bits Allocated to 1 or a multiple of 8 (PS3.5 2013 8.1.1 states neither)
_SINCE_BITS: Final = "2016a"
_REF_PHOTOMETRIC: Final = "PS3.3 C.7.6.3.1.2"
_MODULE: Final = "Image Pixel"

#: Samples per Pixel each Photometric Interpretation "may be used only when" it has (PS3.3
#: C.7.6.3.1.2; the retired HSV, ARGB and CMYK are not checked).
_SAMPLES_OF: Final[dict[str, int]] = {
    "MONOCHROME1": 1, "MONOCHROME2": 1, "PALETTE COLOR": 1,
    "RGB": 3, "YBR_FULL": 3, "YBR_FULL_422": 3, "YBR_PARTIAL_422": 3, "YBR_PARTIAL_420": 3,
    "YBR_ICT": 3, "YBR_RCT": 3, "XYB": 3,
}
#: "Planar Configuration (0028,0006) shall be 0" (PS3.3 C.7.6.3.1.2)
_PLANAR_ZERO: Final = frozenset({"YBR_FULL_422", "YBR_PARTIAL_420", "YBR_ICT", "YBR_RCT"})
#: stored samples a pixel when the chrominance is sampled at half the horizontal rate
_SUBSAMPLED_422: Final = frozenset({"YBR_FULL_422", "YBR_PARTIAL_422"})


def _int(el: DataElement | None) -> int | None:
    """Value 1 of ``el`` as an int, None when absent, empty or not a whole number."""
    if el is None or el.is_deferred:
        return None
    try:
        value = el.value
    except Exception:  # noqa: BLE001 - an undecodable value is reported by the element checks
        return None
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or isinstance(value, (bytes, str)) and not str(value).strip():
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def _text(el: DataElement | None) -> str | None:
    if el is None or el.is_deferred:
        return None
    try:
        value = el.value
    except Exception:  # noqa: BLE001 - reported by the element checks
        return None
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip(" \x00") if isinstance(value, str) and value.strip(" \x00") else None


def check_pixels(ds: Dataset, report: Report) -> None:
    """Add the pixel consistency findings of ``ds`` (module docstring) to ``report``."""
    elements = ds.by_tag()
    if _PIXEL_DATA not in elements and _ALLOCATED not in elements:
        return
    allocated = _int(elements.get(_ALLOCATED))
    stored = _int(elements.get(_STORED))
    high = _int(elements.get(_HIGH_BIT))
    if allocated is not None and allocated != 1 and allocated % 8:
        report.add("error", "pixel-bits", tag_path("", _ALLOCATED),
                   f"Bits Allocated is {allocated}: it shall be 1 or a multiple of 8",
                   _REF_BITS, _MODULE, _SINCE_BITS)
    if allocated is not None and stored is not None and stored > allocated:
        report.add("error", "pixel-bits", tag_path("", _STORED),
                   f"Bits Stored {stored} is larger than Bits Allocated {allocated}",
                   _REF_BITS, _MODULE)
    if stored is not None and high is not None and high != stored - 1:
        report.add("error", "pixel-bits", tag_path("", _HIGH_BIT),
                   f"High Bit {high} is not one less than Bits Stored {stored}",
                   _REF_BITS, _MODULE, _SINCE_BITS)
    samples = _int(elements.get(_SAMPLES))
    photometric = _text(elements.get(_PHOTOMETRIC))
    wanted = _SAMPLES_OF.get(photometric) if photometric is not None else None
    if wanted is not None and samples is not None and samples != wanted:
        report.add("error", "pixel-samples", tag_path("", _SAMPLES),
                   f"Samples per Pixel is {samples}: Photometric Interpretation {photometric} "
                   f"may be used only with {wanted}", _REF_PHOTOMETRIC, _MODULE)
    planar = _int(elements.get(_PLANAR))
    if photometric in _PLANAR_ZERO and planar is not None and planar != 0:
        report.add("error", "pixel-planar", tag_path("", _PLANAR),
                   f"Planar Configuration is {planar}: it shall be 0 for {photometric}",
                   _REF_PHOTOMETRIC, _MODULE)
    _check_length(ds, report, allocated, samples, photometric)


def _check_length(ds: Dataset, report: Report, allocated: int | None, samples: int | None,
                  photometric: str | None) -> None:
    elements = ds.by_tag()
    pixel = elements.get(_PIXEL_DATA)
    if pixel is not None and pixel.undefined_length and pixel.vr == "OW":
        # only OB (besides SQ and UN) may have an undefined length (PS3.5 7.1.1), which
        # encapsulated Pixel Data has (PS3.5 A.4)
        report.add("error", "vr", tag_path("", _PIXEL_DATA), "encapsulated Pixel Data has VR "
                   "OW; an undefined length is allowed for OB", "PS3.5 7.1.1, A.4", _MODULE)
    if pixel is None or pixel.undefined_length or pixel.vr not in ("OB", "OW"):
        return  # absent, or encapsulated (its fragments are the codec layer's business)
    rows = _int(elements.get(_ROWS))
    columns = _int(elements.get(_COLUMNS))
    frames_el = elements.get(_FRAMES)
    frames = 1 if frames_el is None else _int(frames_el)
    if None in (rows, columns, frames, samples, allocated) or not allocated:
        return
    assert rows is not None and columns is not None and frames is not None
    assert samples is not None and allocated is not None
    per_pixel = 2 if photometric in _SUBSAMPLED_422 and samples == 3 else samples
    bits = rows * columns * frames * per_pixel * allocated
    expected = (bits + 7) // 8
    padded = expected + (expected & 1)
    length = pixel.length if pixel.is_deferred else len(pixel.raw if pixel.raw is not None
                                                           else _bytes(pixel))
    if length not in (expected, padded):
        report.add("error", "pixel-length", tag_path("", _PIXEL_DATA),
                   f"Pixel Data has {length} bytes; {rows} rows x {columns} columns x {frames} "
                   f"frame(s) x {per_pixel} sample(s) of {allocated} bits need {padded}",
                   _REF_BITS, _MODULE)


def _bytes(el: DataElement) -> bytes:
    value = el.value
    return bytes(value) if isinstance(value, (bytes, bytearray)) else b""
