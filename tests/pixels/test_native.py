"""Native pixel data: pydicom samples bit for bit, synthetic layouts, pack/unpack round trips."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.generated import uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels import native
from dicomkit.pixels.array import pixel_array
from dicomkit.pixels.color import convert_color
from dicomkit.pixels.info import PixelDataError, PixelInfo
from tests.samples import samples

pydicom = pytest.importorskip("pydicom")


def _name(path: str) -> str:
    return Path(path).name


def _native_samples() -> tuple[list[str], list[str]]:
    """(samples pydicom decodes, samples pydicom refuses) among native-syntax files with pixels."""
    from pydicom.pixels import pixel_array as ref_array

    decodable, refused = [], []
    for path in map(str, samples(recursive=True)):  # the dicomdirtests/ images too
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ref = pydicom.dcmread(path)
        except Exception:
            continue
        ts = str(getattr(getattr(ref, "file_meta", None), "TransferSyntaxUID", "") or "")
        syntax = TRANSFER_SYNTAXES.get(ts)
        if syntax is None or syntax.encapsulated or syntax.deflated:
            continue
        if not any(t in ref for t in (0x7FE00010, 0x7FE00008, 0x7FE00009)):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ref_array(path, raw=True)
            decodable.append(path)
        except Exception:
            refused.append(path)
    return sorted(decodable), sorted(refused)


SAMPLES, REFUSED = _native_samples()
MULTI_FRAME = [p for p in SAMPLES if int(pydicom.dcmread(p, stop_before_pixels=True)
                                          .get("NumberOfFrames", 1) or 1) > 1]


def _reference(path: str) -> np.ndarray[Any, Any]:
    """pydicom's array in the data set's own colour space (raw=True: no YBR to RGB)."""
    from pydicom.pixels import pixel_array as ref_array

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result: np.ndarray[Any, Any] = ref_array(path, raw=True)
    return result


def test_there_are_native_samples_to_compare() -> None:
    assert len(SAMPLES) >= 45
    assert len(MULTI_FRAME) >= 1


@pytest.mark.parametrize("path", SAMPLES, ids=[_name(p) for p in SAMPLES])
def test_native_sample_equals_pydicom_bit_for_bit(path: str) -> None:
    expected = _reference(path)
    ds = dicomkit.read(path)
    got = native.unpack(ds, PixelInfo.of(ds))
    assert got.shape == expected.shape
    # pydicom keeps big endian data in a '>' dtype; dicomkit gives native byte order
    assert got.dtype == expected.dtype.newbyteorder("=")
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("path", REFUSED, ids=[_name(p) for p in REFUSED])
def test_sample_pydicom_refuses_gives_a_clean_pixel_data_error(path: str) -> None:
    # truncated pixel data, a non-numeric Number of Frames, a missing Bits Allocated
    ds = dicomkit.read(path)
    with pytest.raises(PixelDataError, match=r"\(00(28|7F|7E)|frame"):
        info = PixelInfo.of(ds)
        native.unpack(ds, info)


@pytest.mark.parametrize("path", MULTI_FRAME, ids=[_name(p) for p in MULTI_FRAME])
def test_unpack_frame_equals_the_slice_of_unpack(path: str) -> None:
    ds = dicomkit.read(path)
    info = PixelInfo.of(ds)
    every = native.unpack(ds, info)
    assert every.shape[0] == info.number_of_frames
    for frame in range(info.number_of_frames):
        np.testing.assert_array_equal(native.unpack_frame(ds, info, frame), every[frame])


@pytest.mark.parametrize("path", MULTI_FRAME, ids=[_name(p) for p in MULTI_FRAME])
def test_deferred_pixel_data_frame_is_read_from_the_file_alone(path: str) -> None:
    ds = dicomkit.read(path, defer_size=1024)
    assert ds[0x7FE00010].is_deferred
    info = PixelInfo.of(ds)
    full = native.unpack(dicomkit.read(path), info)
    last = info.number_of_frames - 1
    np.testing.assert_array_equal(native.unpack_frame(ds, info, last), full[last])
    np.testing.assert_array_equal(native.unpack_frame(ds, info, 0), full[0])
    assert ds[0x7FE00010].is_deferred


def _dataset(array: np.ndarray[Any, Any], info: PixelInfo, keyword: str = "PixelData", *,
             little: bool = True) -> Any:
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns = info.rows, info.columns
    ds.SamplesPerPixel = info.samples_per_pixel
    ds.PhotometricInterpretation = info.photometric_interpretation
    if keyword == "PixelData":
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = (info.bits_allocated, info.bits_stored,
                                                        info.high_bit)
        ds.PixelRepresentation = info.pixel_representation
    if info.samples_per_pixel > 1:
        ds.PlanarConfiguration = info.planar_configuration
    if info.number_of_frames > 1:
        ds.NumberOfFrames = info.number_of_frames
    vr = {"PixelData": "OB" if info.bits_allocated <= 8 else "OW", "FloatPixelData": "OF",
          "DoubleFloatPixelData": "OD"}[keyword]
    tag = dicomkit.generated.dictionary.tag_for_keyword(keyword)
    assert tag is not None
    ds.add_new(tag, vr, native.pack(array, info, little_endian=little))
    return ds


def _round_trip_file(ds: Any, tmp_path: Path, syntax: str) -> Any:
    ds.file_meta = dicomkit.Dataset()
    ds.SOPClassUID = uids.SecondaryCaptureImageStorage
    ds.SOPInstanceUID = "1.2.3.4"
    path = tmp_path / "x.dcm"
    dicomkit.write(path, ds, transfer_syntax=syntax)
    return dicomkit.read(path)


_BYTE_ORDER_CASES = [(syntax, bits, signed)
                     for syntax in (uids.ExplicitVRLittleEndian, uids.ExplicitVRBigEndian,
                                    uids.ImplicitVRLittleEndian)
                     for bits, signed in ((8, False), (16, True), (16, False), (32, True), (64, False))
                     # 64-bit Pixel Data (OV) came after the retired big endian syntax
                     if not (syntax == uids.ExplicitVRBigEndian and bits == 64)]


@pytest.mark.parametrize("syntax,bits,signed", _BYTE_ORDER_CASES)
def test_written_file_reads_back_in_each_byte_order(tmp_path: Path, syntax: str, bits: int,
                                                     signed: bool) -> None:
    info = PixelInfo(rows=5, columns=7, bits_allocated=bits, bits_stored=bits, high_bit=bits - 1,
                     pixel_representation=int(signed), number_of_frames=3)
    rng = np.random.default_rng(bits)
    array = rng.integers(np.iinfo(info.dtype).min, np.iinfo(info.dtype).max, size=(3, 5, 7),
                         dtype=info.dtype, endpoint=True)
    # a bytes value is taken as already encoded in the target syntax: pack in its byte order
    little = syntax != uids.ExplicitVRBigEndian
    back = _round_trip_file(_dataset(array, info, little=little), tmp_path, syntax)
    np.testing.assert_array_equal(pixel_array(back), array)
    np.testing.assert_array_equal(pixel_array(back, 1), array[1])


@pytest.mark.parametrize("keyword,dtype", [("FloatPixelData", np.float32),
                                           ("DoubleFloatPixelData", np.float64)])
def test_float_pixel_data_unpacks_to_float(keyword: str, dtype: type) -> None:
    bits = np.dtype(dtype).itemsize * 8
    info = PixelInfo(rows=3, columns=4, bits_allocated=bits, bits_stored=bits, high_bit=bits - 1,
                     pixel_keyword=keyword, number_of_frames=2)
    array = np.linspace(-5.5, 1e6, 24, dtype=dtype).reshape(2, 3, 4)
    ds = _dataset(array, info, keyword)
    got = pixel_array(ds)
    assert got.dtype == dtype
    np.testing.assert_array_equal(got, array)


def test_one_bit_frames_not_on_byte_boundaries_unpack_separately() -> None:
    info = PixelInfo(rows=3, columns=3, bits_allocated=1, bits_stored=1, high_bit=0,
                     number_of_frames=5)
    array = (np.arange(45).reshape(5, 3, 3) % 3 == 0).astype(np.uint8)
    data = native.pack(array, info)
    assert len(data) == 6  # 45 bits -> 6 bytes, even
    ds = _dataset(array, info)
    for frame in range(5):
        np.testing.assert_array_equal(pixel_array(ds, frame), array[frame])
    np.testing.assert_array_equal(pixel_array(ds), array)


def test_planar_configuration_1_comes_back_colour_by_pixel() -> None:
    info = PixelInfo(rows=2, columns=3, samples_per_pixel=3, bits_allocated=8, bits_stored=8,
                     high_bit=7, planar_configuration=1, photometric_interpretation="RGB")
    array = np.arange(18, dtype=np.uint8).reshape(2, 3, 3)
    data = native.pack(array, info)
    assert data[:6] == bytes(array[..., 0].ravel())  # the red plane first
    np.testing.assert_array_equal(pixel_array(_dataset(array, info)), array)


def test_ybr_full_422_native_is_expanded_to_full_ybr() -> None:
    info = PixelInfo(rows=1, columns=4, samples_per_pixel=3, bits_allocated=8, bits_stored=8,
                     high_bit=7, photometric_interpretation="YBR_FULL_422")
    ds = _dataset(np.zeros((1, 4, 3), np.uint8), info.with_(photometric_interpretation="YBR_FULL"))
    ds.PhotometricInterpretation = "YBR_FULL_422"
    ds[0x7FE00010].value = bytes([10, 11, 100, 200, 20, 21, 101, 201])
    got = pixel_array(ds, as_rgb=False)
    np.testing.assert_array_equal(got[0], [[10, 100, 200], [11, 100, 200], [20, 101, 201],
                                           [21, 101, 201]])
    # by default the expanded samples come back as RGB (PS3.3 C.7.6.3.1.2)
    np.testing.assert_array_equal(pixel_array(ds), convert_color(got, "YBR_FULL", "RGB"))


def test_bits_stored_masks_and_sign_extends_from_high_bit() -> None:
    info = PixelInfo(rows=1, columns=3, bits_allocated=16, bits_stored=12, high_bit=11,
                     pixel_representation=1)
    raw = np.array([[0xF800, 0x0FFF, 0x07FF]], dtype=np.uint16)  # junk in the top bits
    got = native.apply_bits_stored(raw.view(np.int16), info)
    np.testing.assert_array_equal(got, [[-2048, -1, 2047]])
    np.testing.assert_array_equal(native.apply_bits_stored(got, info), got)


def test_high_bit_below_bits_stored_top_is_shifted_down() -> None:
    info = PixelInfo(rows=1, columns=2, bits_allocated=16, bits_stored=8, high_bit=11)
    got = native.apply_bits_stored(np.array([[0xFFF0, 0x0120]], np.uint16), info)
    np.testing.assert_array_equal(got, [[0xFF, 0x12]])


_LAYOUTS = st.tuples(st.sampled_from([(1, 1, 0), (8, 8, 0), (8, 7, 1), (16, 12, 0), (16, 12, 1),
                                      (16, 16, 1), (32, 32, 0), (32, 24, 1), (64, 64, 1)]),
                     st.sampled_from([1, 3]), st.sampled_from([0, 1]), st.integers(1, 4),
                     st.integers(1, 6), st.integers(1, 6), st.booleans(), st.integers(0, 2**32 - 1))


@settings(max_examples=120, deadline=None)
@given(_LAYOUTS)
def test_pack_then_unpack_gives_the_array_back(layout: Any) -> None:
    (bits, stored, signed), samples, planar, frames, rows, cols, little, seed = layout
    if bits == 1 and samples == 3:
        samples = 1
    info = PixelInfo(rows=rows, columns=cols, samples_per_pixel=samples, bits_allocated=bits,
                     bits_stored=stored, high_bit=stored - 1, pixel_representation=signed,
                     planar_configuration=planar, number_of_frames=frames,
                     photometric_interpretation="RGB" if samples == 3 else "MONOCHROME2")
    rng = np.random.default_rng(seed)
    low, high = (-(1 << (stored - 1)), (1 << (stored - 1)) - 1) if signed else (0, (1 << stored) - 1)
    array = rng.integers(low, high, size=(frames, *info.shape), endpoint=True,
                         dtype=np.int64 if bits < 64 or signed else np.uint64).astype(info.dtype)
    data = native.pack(array, info, little_endian=little)
    assert len(data) % 2 == 0
    assert len(data) >= info.frame_bits * frames // 8
    ds = _dataset(array, info, little=little)
    assert ds[0x7FE00010].value == data
    if not little:  # read back from a big endian file, as the reader gives it
        stream = io.BytesIO()
        ds.file_meta = dicomkit.Dataset()
        ds.SOPClassUID, ds.SOPInstanceUID = uids.SecondaryCaptureImageStorage, "1.2.3"
        dicomkit.write(stream, ds, transfer_syntax=uids.ExplicitVRBigEndian)
        ds = dicomkit.read(stream.getvalue())
    expected = array if frames > 1 else array[0]
    np.testing.assert_array_equal(pixel_array(ds), expected)
    np.testing.assert_array_equal(pixel_array(ds, frames - 1), array[-1])


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["FloatPixelData", "DoubleFloatPixelData"]), st.integers(1, 3),
       st.integers(1, 5), st.integers(1, 5), st.booleans(), st.integers(0, 2**32 - 1))
def test_float_pixel_data_pack_then_unpack_gives_the_array_back(keyword: str, frames: int, rows: int,
                                                                cols: int, little: bool,
                                                                seed: int) -> None:
    bits = 32 if keyword == "FloatPixelData" else 64
    info = PixelInfo(rows=rows, columns=cols, bits_allocated=bits, bits_stored=bits,
                     high_bit=bits - 1, pixel_keyword=keyword, number_of_frames=frames)
    array = (np.random.default_rng(seed).normal(0, 1e4, size=(frames, rows, cols))
             .astype(info.dtype))
    ds = _dataset(array, info, keyword, little=little)
    if not little:
        stream = io.BytesIO()
        ds.file_meta = dicomkit.Dataset()
        ds.SOPClassUID, ds.SOPInstanceUID = uids.SecondaryCaptureImageStorage, "1.2.3"
        dicomkit.write(stream, ds, transfer_syntax=uids.ExplicitVRBigEndian)
        ds = dicomkit.read(stream.getvalue())
        assert ds.get(keyword) is not None
    got = pixel_array(ds)
    assert got.dtype == info.dtype
    np.testing.assert_array_equal(got, array if frames > 1 else array[0])


def test_frame_out_of_range_names_frame_and_count() -> None:
    info = PixelInfo(rows=2, columns=2, bits_allocated=8, bits_stored=8, high_bit=7,
                     number_of_frames=2)
    ds = _dataset(np.zeros((2, 2, 2), np.uint8), info)
    with pytest.raises(PixelDataError, match="frame 2 does not exist: Number of Frames is 2") as err:
        pixel_array(ds, 2)
    assert err.value.frame == 2


def test_too_short_data_says_how_many_bytes_are_needed() -> None:
    """The length is checked against every frame before any is unpacked (PS3.5 8.1.1): even
    frame 0, whose bytes are there, is refused from a value too short for all three."""
    info = PixelInfo(rows=4, columns=4, bits_allocated=16, bits_stored=16, high_bit=15,
                     number_of_frames=3)
    ds = _dataset(np.zeros((3, 4, 4), np.uint16), info)
    ds[0x7FE00010].value = bytes(40)
    for frame in (None, 0, 2):
        with pytest.raises(PixelDataError, match=r"holds 40 bytes; 3 frame\(s\) of Rows 4 x "
                                                 r"Columns 4 x SamplesPerPixel 1 x BitsAllocated "
                                                 r"16 bits need 96") as err:
            pixel_array(ds, frame)
        assert err.value.tag_path == "(7FE0,0010)"
    ds[0x7FE00010].value = bytes(96 + 2)  # longer (padding) is read as far as needed
    np.testing.assert_array_equal(pixel_array(ds, 2), np.zeros((4, 4), np.uint16))


def test_missing_pixel_data_is_an_error_naming_the_tag() -> None:
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns, ds.BitsAllocated = 2, 2, 8
    with pytest.raises(PixelDataError, match=r"7FE0,0010"):
        pixel_array(ds)


def test_missing_rows_is_an_error_naming_the_attribute() -> None:
    ds = dicomkit.Dataset()
    ds.Columns, ds.BitsAllocated = 2, 8
    with pytest.raises(PixelDataError, match=r"\(0028,0010\)"):
        pixel_array(ds)


def test_frame_from_bytes_names_the_frame_when_the_bytes_are_short() -> None:
    from dicomkit.pixels.info import PixelInfo
    from dicomkit.pixels.native import frame_from_bytes

    info = PixelInfo(rows=2, columns=3, bits_allocated=16, bits_stored=16, high_bit=15)
    assert frame_from_bytes(bytes(range(12)), info).shape == (2, 3)
    with pytest.raises(PixelDataError, match="frame 4.*holds 10 bytes, 12 are needed"):
        frame_from_bytes(bytes(10), info, 4)
