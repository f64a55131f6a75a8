"""Codestream header parsers (JPEG SOF, JPEG-LS SOF55, JPEG 2000 SIZ): the bundled samples,
crafted headers, random and mutated bytes (only CodestreamError), and the refusal before the
codec allocates what a header claims (a 65500 x 65500 JPEG, memory measured)."""

from __future__ import annotations

import struct
import tracemalloc
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.codecs import decode_frame, encode_frame, frame_data
from dicomkit.codecs.headers import (
    CodestreamError,
    CodestreamHeader,
    check_header,
    j2k_header,
    jpeg_header,
)
from dicomkit.core.element import DataElement
from dicomkit.generated import uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.io.encapsulation import EncapsulatedPixelData
from dicomkit.pixels.array import pixel_array
from dicomkit.pixels.info import PixelDataError, PixelInfo
from tests.codecs.helpers import layout, need_imagecodecs, smooth_image
from tests.samples import sample, samples

#: A sample whose JPEG 2000 SIZ segment was overwritten (pydicom cannot decode it either).
BROKEN = {"JPEG2000-embedded-sequence-delimiter.dcm"}


def _family(uid: str) -> str | None:
    keyword = TRANSFER_SYNTAXES[uid].keyword
    if keyword.startswith(("JPEG2000", "HTJ2K")):
        return "jpeg2000"
    if keyword.startswith("JPEGLS"):
        return "jpegls"
    if keyword.startswith("JPEG"):
        return "jpeg"
    return None


def _codestream_samples() -> list[tuple[str, str, bytes, PixelInfo]]:
    found = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in samples("*.dcm"):
            try:
                ds = dicomkit.read(path)
                info = PixelInfo.of(ds)
            except dicomkit.DicomError:
                continue
            family = _family(info.transfer_syntax) if info.transfer_syntax in TRANSFER_SYNTAXES \
                else None
            if family is not None and info.encapsulated:
                found.append((path.name, family, frame_data(ds, info, 0), info))
    return found


CODESTREAMS = _codestream_samples()


def _parse(family: str, data: bytes) -> CodestreamHeader:
    return j2k_header(data) if family == "jpeg2000" else jpeg_header(data,
                                                                      jpeg_ls=family == "jpegls")


def test_there_are_codestreams_of_each_family() -> None:
    families = {family for _, family, _, _ in CODESTREAMS}
    assert families == {"jpeg", "jpegls", "jpeg2000"} and len(CODESTREAMS) >= 25


@pytest.mark.parametrize("name,family,data,info", CODESTREAMS, ids=[c[0] for c in CODESTREAMS])
def test_sample_header_declares_the_data_sets_image(name: str, family: str, data: bytes,
                                                    info: PixelInfo) -> None:
    if name in BROKEN:
        with pytest.raises(CodestreamError):
            _parse(family, data)
        return
    header = _parse(family, data)
    assert (header.rows, header.columns, header.components) == (
        info.rows, info.columns, info.samples_per_pixel)
    assert info.bits_stored <= header.precision <= info.bits_allocated
    check_header(header, info, 0)


def _sof(rows: int, columns: int, components: int = 1, precision: int = 8,
         marker: int = 0xC0) -> bytes:
    body = struct.pack(">BHHB", precision, rows, columns, components)
    body += b"".join(bytes([i + 1, 0x11, 0]) for i in range(components))
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def test_jpeg_header_skips_segments_fill_bytes_and_stray_bytes_as_libjpeg_does() -> None:
    app = b"\xff\xe0\x00\x06abcd"
    data = b"\xff\xd8" + app + b"\xff\xff\xff" + b"\x00\x12" + _sof(7, 9, 3, 12, 0xC1) + b"\xff\xda"
    assert jpeg_header(data) == CodestreamHeader(7, 9, 3, 12, 0xFFC1)
    # DHT (C4), JPG (C8) and DAC (CC) are not frame headers; SOF55 is only for JPEG-LS
    dht = b"\xff\xc4\x00\x04\x00\x00"
    assert jpeg_header(b"\xff\xd8" + dht + _sof(2, 3)).rows == 2
    ls = b"\xff\xd8" + _sof(5, 6, marker=0xF7) + b"\xff\xda"
    assert jpeg_header(ls, jpeg_ls=True) == CodestreamHeader(5, 6, 1, 8, 0xFFF7)
    with pytest.raises(CodestreamError, match="no frame header"):
        jpeg_header(ls)


@pytest.mark.parametrize("data,message", [
    (b"", "no JPEG SOI"),
    (b"\xff\xd9", "no JPEG SOI"),
    (b"\xff\xd8\xff\xda\x00\x02", "no frame header .SOF. before the first scan"),
    (b"\xff\xd8\xff\xd9", "before EOI"),
    (b"\xff\xd8\xff\xe0\x00\x40abc", "declares 64 bytes, 5 remain"),
    (b"\xff\xd8\xff\xc0\x00\x05\x08\x00\x01", "has length 5, less than 8"),
    (b"\xff\xd8\xff\xc0\x00\x08\x08\x00\x01\x00\x01\x03", "too short for 3 components"),
    (b"\xff\xd8\xff\xe0", "has no length"),
    (b"\xff\xd8" + bytes(100), "ends before a frame header"),
])
def test_jpeg_header_refuses_damaged_headers(data: bytes, message: str) -> None:
    with pytest.raises(CodestreamError, match=message):
        jpeg_header(data)


def _siz(width: int, height: int, components: int = 1, precision: int = 8, *, offset: int = 0,
         tile: tuple[int, int] | None = None, subsampling: int = 1) -> bytes:
    tw, th = tile or (width, height)
    comps = b"".join(bytes([precision - 1, subsampling, subsampling]) for _ in range(components))
    body = struct.pack(">HIIIIIIIIH", 0, width + offset, height + offset, offset, offset,
                       tw, th, 0, 0, components) + comps
    return b"\xff\x4f\xff\x51" + struct.pack(">H", len(body) + 2) + body


def test_j2k_header_reads_siz_in_a_raw_codestream_and_in_a_jp2_file() -> None:
    raw = _siz(640, 480, 3, 12, offset=5) + b"\xff\x52"
    assert j2k_header(raw) == CodestreamHeader(480, 640, 3, 12, 0xFF51)
    signature = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
    ftyp = struct.pack(">I4s", 20, b"ftyp") + b"jp2 \x00\x00\x00\x00jp2 "
    assert j2k_header(signature + ftyp + struct.pack(">I4s", 0, b"jp2c") + raw).columns == 640
    xl = struct.pack(">I4sQ", 1, b"jp2c", 16 + len(raw))
    assert j2k_header(signature + ftyp + xl + raw).rows == 480


@pytest.mark.parametrize("data,message", [
    (b"\xff\x4f\xff\x90", "no JPEG 2000 SOC and SIZ"),
    (_siz(4, 4)[:30], "SIZ marker segment is truncated"),
    (_siz(4, 4, subsampling=2), "component 0 is subsampled"),
    (_siz(65535, 65535, tile=(1, 1)), "4294836225 tiles, more than 65535"),
    (_siz(4, 4, tile=(0, 4)), "tile grid"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n" + struct.pack(">I4s", 4, b"ftyp"), "box"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "no Contiguous Codestream box"),
])
def test_j2k_header_refuses_damaged_headers(data: bytes, message: str) -> None:
    with pytest.raises(CodestreamError, match=message):
        j2k_header(data)


def test_j2k_header_refuses_an_offset_outside_the_image() -> None:
    data = bytearray(_siz(4, 4))
    struct.pack_into(">I", data, 6 + 2 + 8, 100)  # XOsiz beyond Xsiz
    with pytest.raises(CodestreamError, match="offset"):
        j2k_header(bytes(data))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from(["jpeg", "jpegls", "jpeg2000"]),
       st.sampled_from([b"", b"\xff\xd8", b"\xff\x4f\xff\x51", b"\x00\x00\x00\x0cjP  \r\n\x87\n"]))
def test_random_bytes_give_a_header_or_a_codestream_error(body: bytes, family: str,
                                                          prefix: bytes) -> None:
    try:
        header = _parse(family, prefix + body)
    except CodestreamError as exc:
        assert exc.reason
        return
    assert header.rows >= 0 and header.columns >= 0 and header.components >= 0


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([c for c in CODESTREAMS if c[0] not in BROKEN]), st.data())
def test_mutated_sample_headers_give_a_header_or_a_codestream_error(case: tuple[Any, ...],
                                                                    data: st.DataObject) -> None:
    _, family, stream, info = case
    head = bytearray(stream[:400])
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(head) - 1))
        head[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(head)))
    try:
        header = _parse(family, bytes(head[:cut]))
    except CodestreamError:
        return
    try:
        check_header(header, info, 0)
    except PixelDataError as exc:
        assert exc.tag_path in ("(0028,0010)", "(0028,0011)", "(0028,0002)", "(0028,0100)")


def _jpeg_sample() -> tuple[dicomkit.Dataset, bytes]:
    ds = dicomkit.read(sample("SC_rgb_small_odd_jpeg.dcm"))
    return ds, frame_data(ds, PixelInfo.of(ds), 0)


def _with_fragment(ds: dicomkit.Dataset, fragment: bytes) -> dicomkit.Dataset:
    ds[0x7FE00010] = DataElement(0x7FE00010, "OB", EncapsulatedPixelData([fragment]),
                                 undefined_length=True)
    return ds


def test_a_jpeg_claiming_65500_by_65500_is_refused_before_the_codec_allocates() -> None:
    need_imagecodecs()
    ds, data = _jpeg_sample()
    sof = data.find(b"\xff\xc0")
    patched = bytearray(data)
    struct.pack_into(">HH", patched, sof + 5, 65500, 65500)  # Y and X of the frame header
    assert jpeg_header(bytes(patched)).rows == 65500
    assert len(patched) < 1024  # the whole codestream: 65500 x 65500 x 3 would be 12.9 GB
    _with_fragment(ds, bytes(patched))
    tracemalloc.start()
    try:
        with pytest.raises(PixelDataError, match=r"Rows \(0028,0010\) is 3, the codestream's "
                                                 r"header declares 65500") as err:
            pixel_array(ds)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.value.tag_path == "(0028,0010)" and err.value.frame == 0
    assert peak < 1_000_000, f"{peak} bytes traced refusing a 764-byte frame"


@pytest.mark.parametrize("what,patch,message", [
    ("columns", lambda d, sof: struct.pack_into(">H", d, sof + 7, 4), r"Columns \(0028,0011\) is 3"),
    ("components", lambda d, sof: d.__setitem__(sof + 9, 1), r"SamplesPerPixel \(0028,0002\) is 3"),
    ("precision", lambda d, sof: d.__setitem__(sof + 4, 12), r"BitsAllocated \(0028,0100\) is 8"),
])
def test_a_jpeg_header_disagreeing_with_the_data_set_names_the_attribute(
        what: str, patch: Any, message: str) -> None:
    need_imagecodecs()
    ds, data = _jpeg_sample()
    patched = bytearray(data)
    patch(patched, data.find(b"\xff\xc0"))
    _with_fragment(ds, bytes(patched))
    with pytest.raises(PixelDataError, match=message):
        pixel_array(ds)


def test_a_j2k_siz_disagreeing_with_the_data_set_is_refused_before_decoding() -> None:
    need_imagecodecs()
    ds = dicomkit.read(sample("MR_small_jp2klossless.dcm"))
    info = PixelInfo.of(ds)
    data = bytearray(frame_data(ds, info, 0))
    # Xsiz, Ysiz, XOsiz, YOsiz, XTsiz, YTsiz: one 60000 x 60000 tile
    struct.pack_into(">IIIIII", data, 8, 60000, 60000, 0, 0, 60000, 60000)
    with pytest.raises(PixelDataError, match=r"Rows \(0028,0010\) is 64, the codestream's "
                                             r"header declares 60000"):
        decode_frame(bytes(data), info, frame=0)


def test_a_jpeg_ls_header_disagreeing_with_the_data_set_is_refused() -> None:
    need_imagecodecs()
    info = layout(8, 8, bits=16, stored=12, ts=uids.JPEGLSLossless)
    data = bytearray(encode_frame(smooth_image(info, 1), info, uids.JPEGLSLossless).data)
    sof = data.find(b"\xff\xf7")
    struct.pack_into(">H", data, sof + 5, 9)
    with pytest.raises(PixelDataError, match=r"Rows \(0028,0010\) is 8, the codestream's header "
                                             r"declares 9 \(marker FFF7\)"):
        decode_frame(bytes(data), info, frame=0)
    np.testing.assert_array_equal(  # unpatched it decodes
        decode_frame(encode_frame(smooth_image(info, 1), info, uids.JPEGLSLossless).data, info,
                     frame=0).array, smooth_image(info, 1))
