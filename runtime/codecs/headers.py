"""The image size a codestream declares, read from its header before any codec runs.

A codec library allocates its output from the codestream's own header, not from the data
set: a 764-byte JPEG whose SOF claims 65500 x 65500 makes libjpeg-turbo allocate 4 GB.  These
small parsers read what the header declares, so that :func:`check_header` can refuse a
codestream that disagrees with Rows, Columns, Samples per Pixel or Bits Allocated (PS3.5 8.2:
the Image Pixel attributes "shall contain values that are consistent with the characteristics
of the compressed data stream") before the library is called.

- JPEG (ISO/IEC 10918-1 B.2.2) and JPEG-LS (ISO/IEC 14495-1 C.2.2): the first frame header,
  SOF0-SOF15 (not DHT, JPG, DAC) or SOF55 (FFF7), found by walking the marker segments from
  SOI as libjpeg-turbo and CharLS do: fill bytes FF are skipped, bytes between segments
  skipped up to the next marker.
- JPEG 2000 and HTJ2K (ISO/IEC 15444-1 A.5.1): the SIZ marker segment after SOC, in a raw
  codestream or in the Contiguous Codestream box (jp2c) of a JP2 file (15444-1 I.5.4).

The parsers read outside input: they raise only :class:`CodestreamError`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from dicomkit.codecs.base import damaged
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.pixels.info import PixelDataError, PixelInfo

__all__ = ["CodestreamError", "CodestreamHeader", "check_header", "j2k_header", "jpeg_header",
           "read_checked"]

#: Frame header markers of ISO/IEC 10918-1 Table B.1 (C4 DHT, C8 JPG and CC DAC are not).
_JPEG_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                       0xCE, 0xCF})
#: SOF55, the JPEG-LS frame header (ISO/IEC 14495-1 C.2.2).
_JPEGLS_SOF = frozenset({0xF7})
#: Markers without a length: TEM, RST0-7 (ISO/IEC 10918-1 B.1.1.3).
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
#: At most 65535 tiles: Isot is 0..65534 (ISO/IEC 15444-1 A.4.2).
_MAX_TILES = 65535


class CodestreamError(PixelDataError):
    """A codestream header that cannot be read: truncated, no frame header, impossible sizes."""


@dataclass(frozen=True, slots=True)
class CodestreamHeader:
    """What a codestream header declares about the image.

    Attributes
    ----------
    rows, columns
        Number of lines and samples per line (JPEG Y and X; JPEG 2000 Ysiz - YOsiz,
        Xsiz - XOsiz).
    components
        Number of components (JPEG Nf, JPEG 2000 Csiz).
    precision
        Bits per sample, the largest of any component.
    marker
        The frame header marker (e.g. 0xFFC0, 0xFFF7, 0xFF51 for SIZ).
    """

    rows: int
    columns: int
    components: int
    precision: int
    marker: int


def jpeg_header(data: bytes, *, jpeg_ls: bool = False) -> CodestreamHeader:
    """The first frame header of a JPEG (or, with ``jpeg_ls``, a JPEG-LS) codestream.

    Raises
    ------
    CodestreamError
        No SOI at the start, a segment running past the end, no frame header before the
        first scan, or a frame header too short for its components.
    """
    frames = _JPEGLS_SOF if jpeg_ls else _JPEG_SOF
    name = "JPEG-LS" if jpeg_ls else "JPEG"
    if data[:2] != b"\xff\xd8":
        raise CodestreamError(f"no {name} SOI marker FFD8 at the start")
    end = len(data)
    pos = 2
    while True:
        # the next marker: skip bytes that are not FF (libjpeg warns "extraneous bytes"),
        # then fill bytes FF (ISO/IEC 10918-1 B.1.1.2)
        pos = data.find(b"\xff", pos)
        while 0 <= pos < end - 1 and data[pos + 1] == 0xFF:
            pos += 1
        if pos < 0 or pos + 1 >= end:
            raise CodestreamError(f"the {name} codestream ends before a frame header (SOF)")
        marker = data[pos + 1]
        if marker == 0x00 or marker in _STANDALONE:
            pos += 2
            continue
        if marker in (0xD8, 0xD9, 0xDA):
            what = {0xD8: "a second SOI", 0xD9: "EOI", 0xDA: "the first scan (SOS)"}[marker]
            raise CodestreamError(f"the {name} codestream has no frame header (SOF) before "
                                  f"{what} at byte {pos}")
        if pos + 4 > end:
            raise CodestreamError(f"the {name} marker FF{marker:02X} at byte {pos} has no length")
        length = (data[pos + 2] << 8) | data[pos + 3]
        if length < 2 or pos + 2 + length > end:
            raise CodestreamError(f"the {name} marker segment FF{marker:02X} at byte {pos} "
                                  f"declares {length} bytes, {end - pos - 2} remain")
        if marker in frames:
            if length < 8:
                raise CodestreamError(f"the {name} frame header at byte {pos} has length "
                                      f"{length}, less than 8")
            precision, rows, columns, components = struct.unpack_from(">BHHB", data, pos + 4)
            if length < 8 + 3 * components:
                raise CodestreamError(f"the {name} frame header at byte {pos} has length "
                                      f"{length}, too short for {components} components")
            return CodestreamHeader(rows, columns, components, precision, 0xFF00 | marker)
        pos += 2 + length


def _jp2_codestream(data: bytes) -> int:
    """The offset of the codestream in the jp2c box of a JP2 file (ISO/IEC 15444-1 I.4)."""
    pos = 0
    end = len(data)
    while pos + 8 <= end:
        length, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if length == 1:
            if pos + 16 > end:
                break
            length = struct.unpack_from(">Q", data, pos + 8)[0]
            header = 16
        elif length == 0:
            length = end - pos
        if kind == b"jp2c":
            return pos + header
        if length < header:
            raise CodestreamError(f"the JP2 box {kind!r} at byte {pos} has length {length}")
        pos += length
    raise CodestreamError("the JP2 file has no Contiguous Codestream box (jp2c)")


def j2k_header(data: bytes) -> CodestreamHeader:
    """The SIZ marker segment of a JPEG 2000 or HTJ2K codestream, raw or in a JP2 file.

    Raises
    ------
    CodestreamError
        No SOC+SIZ at the start of the codestream, a SIZ segment too short, offsets at or
        beyond the image size, zero tile sizes, more than 65535 tiles, or components
        subsampled (XRsiz, YRsiz other than 1: one Rows x Columns holds every component).
    """
    start = _jp2_codestream(data) if data[:12] == _JP2_SIGNATURE else 0
    if data[start:start + 4] != b"\xff\x4f\xff\x51":
        raise CodestreamError(f"no JPEG 2000 SOC and SIZ markers (FF4F FF51) at byte {start}")
    pos = start + 4
    if pos + 38 > len(data):
        raise CodestreamError("the JPEG 2000 SIZ marker segment is truncated")
    (length, _rsiz, xsiz, ysiz, xosiz, yosiz, xtsiz, ytsiz, xtosiz, ytosiz,
     components) = struct.unpack_from(">HHIIIIIIIIH", data, pos)
    if length < 38 + 3 * components or pos + length > len(data) or components == 0:
        raise CodestreamError(f"the JPEG 2000 SIZ marker segment has length {length} for "
                              f"{components} components")
    if xosiz >= xsiz or yosiz >= ysiz:
        raise CodestreamError(f"the JPEG 2000 image offset ({xosiz}, {yosiz}) is not inside "
                              f"its size ({xsiz}, {ysiz})")
    if xtsiz == 0 or ytsiz == 0 or xtosiz > xosiz or ytosiz > yosiz:
        raise CodestreamError(f"the JPEG 2000 tile grid ({xtsiz} x {ytsiz} from ({xtosiz}, "
                              f"{ytosiz})) does not cover the image")
    tiles = (-(-(xsiz - xtosiz) // xtsiz)) * (-(-(ysiz - ytosiz) // ytsiz))
    if tiles > _MAX_TILES:
        raise CodestreamError(f"the JPEG 2000 tile grid has {tiles} tiles, more than "
                              f"{_MAX_TILES}")
    precision = 0
    for index in range(components):
        ssiz, xrsiz, yrsiz = data[pos + 38 + 3 * index:pos + 41 + 3 * index]
        if xrsiz != 1 or yrsiz != 1:
            raise CodestreamError(f"JPEG 2000 component {index} is subsampled ({xrsiz}, "
                                  f"{yrsiz}); DICOM images have every component at full size")
        precision = max(precision, (ssiz & 0x7F) + 1)
    return CodestreamHeader(ysiz - yosiz, xsiz - xosiz, components, precision, 0xFF51)


def _attribute(keyword: str) -> str:
    tag = tag_for_keyword(keyword)
    assert tag is not None, keyword
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


def check_header(header: CodestreamHeader, info: PixelInfo, frame: int) -> None:
    """Refuse a codestream whose declared image is not the one the data set declares (PS3.5
    8.2): another Rows, Columns or Samples per Pixel, or more bits than Bits Allocated holds.

    Raises
    ------
    PixelDataError
        Naming the attribute (keyword and tag), its value and the codestream's.
    """
    checks = (("Rows", info.rows, header.rows), ("Columns", info.columns, header.columns),
              ("SamplesPerPixel", info.samples_per_pixel, header.components))
    for keyword, ours, theirs in checks:
        if ours != theirs:
            raise PixelDataError(
                f"{keyword} {_attribute(keyword)} is {ours}, the codestream's header declares "
                f"{theirs} (marker {header.marker:04X}); refused before decoding (PS3.5 8.2)",
                source=info.source, frame=frame, tag_path=_attribute(keyword))
    if header.precision > info.bits_allocated or header.precision == 0:
        raise PixelDataError(
            f"BitsAllocated {_attribute('BitsAllocated')} is {info.bits_allocated}, the "
            f"codestream's header declares {header.precision}-bit samples (marker "
            f"{header.marker:04X}); refused before decoding (PS3.5 8.2)",
            source=info.source, frame=frame, tag_path=_attribute("BitsAllocated"))


def read_checked(data: bytes, info: PixelInfo, frame: int, *, family: str) -> CodestreamHeader:
    """Parse the header of a ``family`` ("jpeg", "jpegls", "jpeg2000") codestream and check it
    against the data set (:func:`check_header`).

    Raises
    ------
    PixelDataError
        For a header that cannot be read (naming the frame and transfer syntax) or that
        disagrees with the data set.
    """
    try:
        if family == "jpeg2000":
            header = j2k_header(data)
        else:
            header = jpeg_header(data, jpeg_ls=family == "jpegls")
    except CodestreamError as exc:
        raise damaged(info, frame, exc.reason) from None
    check_header(header, info, frame)
    return header

