"""The Image Pixel module is checked before decoding (PS3.3 C.7.6.3, PS3.5 8.1.1): each refusal
with a data set built here, naming the attribute (keyword and tag) and its value; what is
tolerated, and how."""

from __future__ import annotations

import struct
import tracemalloc
import warnings
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.codecs import encode_frame
from dicomkit.core.element import DataElement
from dicomkit.generated import uids
from dicomkit.io.encapsulation import EncapsulatedPixelData
from dicomkit.pixels import native
from dicomkit.pixels.array import frame_count, iter_frames, pixel_array
from dicomkit.pixels.info import PixelDataError, PixelInfo
from tests.codecs.helpers import layout, need_imagecodecs, random_image

PIXEL_DATA = 0x7FE00010


def _native(rows: int = 4, columns: int = 6, *, samples: int = 1, bits: int = 16,
            stored: int | None = None, photometric: str | None = None, frames: int = 1,
            seed: int = 0) -> tuple[dicomkit.Dataset, np.ndarray[Any, Any]]:
    """A valid native data set and the array it holds."""
    stored = bits if stored is None else stored
    info = PixelInfo(rows=rows, columns=columns, samples_per_pixel=samples, bits_allocated=bits,
                     bits_stored=stored, high_bit=stored - 1, number_of_frames=frames,
                     photometric_interpretation=photometric or ("RGB" if samples == 3
                                                                else "MONOCHROME2"))
    rng = np.random.default_rng(seed)
    array = rng.integers(0, (1 << stored) - 1, size=(frames, *info.shape), endpoint=True
                         ).astype(info.dtype)
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns, ds.SamplesPerPixel = rows, columns, samples
    ds.PhotometricInterpretation = info.photometric_interpretation
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = bits, stored, stored - 1, 0
    if samples > 1:
        ds.PlanarConfiguration = 0
    if frames > 1:
        ds.NumberOfFrames = frames
    ds.add_new(PIXEL_DATA, "OW" if bits > 8 else "OB", native.pack(array, info))
    return ds, (array if frames > 1 else array[0])


def _rle(rows: int = 4, columns: int = 6, *, samples: int = 1, bits: int = 8
         ) -> tuple[dicomkit.Dataset, bytes]:
    """A valid RLE Lossless data set and its one fragment."""
    need_imagecodecs()
    info = layout(rows, columns, samples=samples, bits=bits)
    fragment = encode_frame(random_image(info, 1), info, uids.RLELossless).data
    ds = dicomkit.Dataset()
    ds.file_meta = dicomkit.Dataset()
    ds.file_meta.TransferSyntaxUID = uids.RLELossless
    ds.Rows, ds.Columns, ds.SamplesPerPixel = rows, columns, samples
    ds.PhotometricInterpretation = info.photometric_interpretation
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = bits, bits, bits - 1, 0
    if samples > 1:
        ds.PlanarConfiguration = 0
    _fragments(ds, [fragment])
    return ds, fragment


def _fragments(ds: dicomkit.Dataset, fragments: list[bytes]) -> None:
    ds[PIXEL_DATA] = DataElement(PIXEL_DATA, "OB", EncapsulatedPixelData(fragments),
                                 undefined_length=True)


def _refused(ds: dicomkit.Dataset, tag: str, *words: str) -> PixelDataError:
    """pixel_array, iter_frames and frame_count all refuse, naming ``tag`` and ``words``."""
    with pytest.raises(PixelDataError) as err:
        pixel_array(ds)
    assert err.value.tag_path == tag, str(err.value)
    for word in words:
        assert word in str(err.value), str(err.value)
    with pytest.raises(PixelDataError):
        list(iter_frames(ds))
    return err.value


def test_the_valid_data_sets_decode() -> None:
    ds, array = _native()
    np.testing.assert_array_equal(pixel_array(ds), array)
    rle, _ = _rle(samples=3)
    assert pixel_array(rle).shape == (4, 6, 3)


@pytest.mark.parametrize("keyword,value,tag", [
    ("Rows", 0, "(0028,0010)"), ("Columns", 0, "(0028,0011)"),
    ("Rows", 70000, "(0028,0010)"),
])
def test_rows_or_columns_outside_1_to_65535_are_refused(keyword: str, value: int, tag: str) -> None:
    ds, _ = _native()
    ds[tag_of(keyword)] = DataElement(tag_of(keyword), "UL", value)
    _refused(ds, tag, keyword, str(value), "not 1..65535")


def tag_of(keyword: str) -> int:
    tag = dicomkit.generated.dictionary.tag_for_keyword(keyword)
    assert tag is not None
    return tag


@pytest.mark.parametrize("value", ["abc", [4, 4], b"\x04\x00", 2.5])
def test_a_count_that_is_not_one_integer_is_refused(value: Any) -> None:
    ds, _ = _native()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a data set may warn of such a value: it is set anyway
        ds[tag_of("Rows")] = DataElement(tag_of("Rows"), "UN", value)
    _refused(ds, "(0028,0010)", "Rows", "not an integer")


def test_samples_per_pixel_other_than_1_or_3_is_refused() -> None:
    ds, _ = _native()
    ds.SamplesPerPixel = 2
    _refused(ds, "(0028,0002)", "SamplesPerPixel (0028,0002) is 2", "not 1 or 3")


@pytest.mark.parametrize("samples,photometric,needed", [
    (3, "MONOCHROME2", 1), (1, "RGB", 3), (1, "YBR_FULL", 3), (3, "PALETTE COLOR", 1),
    (3, "ARGB", 4),
])
def test_samples_per_pixel_must_suit_the_photometric_interpretation(
        samples: int, photometric: str, needed: int) -> None:
    ds, _ = _native(samples=samples, bits=8)
    ds.PhotometricInterpretation = photometric
    _refused(ds, "(0028,0002)", f"is {samples}", f"PhotometricInterpretation (0028,0004) "
                                                 f"{photometric} needs {needed}")


def test_an_unknown_photometric_interpretation_is_read_as_stored() -> None:
    ds, array = _native(samples=3, bits=8)
    ds.PhotometricInterpretation = "SOMETHING_NEW"
    np.testing.assert_array_equal(pixel_array(ds), array)


def test_a_photometric_interpretation_of_several_values_is_refused() -> None:
    ds, _ = _native()
    ds[tag_of("PhotometricInterpretation")] = DataElement(
        tag_of("PhotometricInterpretation"), "CS", ["MONOCHROME2", "RGB"])
    _refused(ds, "(0028,0004)", "not one code string")


@pytest.mark.parametrize("bits", [0, 12, 72])
def test_bits_allocated_not_1_or_a_multiple_of_8_is_refused(bits: int) -> None:
    ds, _ = _native()
    ds.BitsAllocated = bits
    ds.BitsStored, ds.HighBit = 1, 0
    _refused(ds, "(0028,0100)", f"BitsAllocated (0028,0100) is {bits}",
             "not 1 or a multiple of 8")


def test_bits_allocated_24_is_allowed_by_the_standard_but_not_read_natively() -> None:
    ds, _ = _native()
    ds.BitsAllocated = 24
    _refused(ds, "(0028,0100)", "is 24", "1, 8, 16, 32 or 64")


def test_bits_stored_above_bits_allocated_is_refused() -> None:
    # was: OverflowError "Python integer 23545 out of bounds for uint8" from masking
    ds, _ = _native(bits=8)
    ds.BitsStored, ds.HighBit = 15, 14
    _refused(ds, "(0028,0101)", "BitsStored (0028,0101) is 15", "BitsAllocated 8")


def test_bits_stored_zero_is_refused() -> None:
    ds, _ = _native()
    ds.BitsStored = 0
    _refused(ds, "(0028,0101)", "is 0")


@pytest.mark.parametrize("high", [200, 16, 10])
def test_high_bit_past_the_cell_or_below_bits_stored_is_refused(high: int) -> None:
    # was: High Bit 200 with 16-bit data silently gave zeros
    ds, _ = _native(stored=12)
    ds.HighBit = high
    _refused(ds, "(0028,0102)", f"HighBit (0028,0102) is {high}", "must be 11")


def test_high_bit_above_bits_stored_in_native_data_is_read_as_the_retired_layout() -> None:
    """Before PS3.5 2014c the stored bits could sit higher in the cell, ending at High Bit."""
    ds, array = _native(stored=12)
    info = PixelInfo.of(ds)
    ds[PIXEL_DATA].value = native.pack(array[None], info.with_(high_bit=15))
    assert native.pack(array[None], info.with_(high_bit=15)) != native.pack(array[None], info)
    ds.HighBit = 15
    np.testing.assert_array_equal(pixel_array(ds), array)


def test_high_bit_other_than_bits_stored_minus_1_is_refused_for_encapsulated_data() -> None:
    ds, _ = _rle(bits=16)
    ds.BitsStored, ds.HighBit = 12, 15
    _refused(ds, "(0028,0102)", "HighBit (0028,0102) is 15", "must be 11 ")


def test_pixel_representation_other_than_0_or_1_is_refused() -> None:
    ds, _ = _native()
    ds.PixelRepresentation = 2
    _refused(ds, "(0028,0103)", "PixelRepresentation (0028,0103) is 2")


def test_planar_configuration_other_than_0_or_1_is_refused() -> None:
    ds, _ = _native(samples=3, bits=8)
    ds.PlanarConfiguration = 2
    _refused(ds, "(0028,0006)", "PlanarConfiguration (0028,0006) is 2")


def test_planar_configuration_is_ignored_with_one_sample() -> None:
    ds, array = _native()
    ds.PlanarConfiguration = 7
    np.testing.assert_array_equal(pixel_array(ds), array)


def test_native_ybr_full_422_needs_planar_configuration_0_and_even_columns() -> None:
    ds, _ = _native(columns=6, samples=3, bits=8, photometric="YBR_FULL")
    ds.PhotometricInterpretation = "YBR_FULL_422"
    ds[PIXEL_DATA].value = bytes(4 * 6 * 2)  # 2 bytes per pixel
    assert pixel_array(ds, as_rgb=False).shape == (4, 6, 3)
    ds.PlanarConfiguration = 1
    _refused(ds, "(0028,0006)", "native YBR_FULL_422 needs 0")
    ds.PlanarConfiguration, ds.Columns = 0, 5
    _refused(ds, "(0028,0011)", "Columns (0028,0011) is 5", "even")


def test_native_ybr_partial_420_is_refused() -> None:
    ds, _ = _native(samples=3, bits=8, photometric="YBR_PARTIAL_420")
    _refused(ds, "(0028,0004)", "YBR_PARTIAL_420", "MPEG")


def test_native_ybr_partial_422_is_subsampled_like_ybr_full_422() -> None:
    ds, _ = _native(columns=2, rows=1, samples=3, bits=8, photometric="YBR_FULL")
    ds.PhotometricInterpretation = "YBR_PARTIAL_422"
    ds[PIXEL_DATA].value = bytes([20, 30, 100, 150, 0, 0])  # Y1 Y2 Cb Cr, padded
    np.testing.assert_array_equal(pixel_array(ds, as_rgb=False),
                                  [[[20, 100, 150], [30, 100, 150]]])


def test_number_of_frames_negative_is_refused_and_0_is_read_as_1() -> None:
    ds, array = _native()
    ds.NumberOfFrames = -3
    _refused(ds, "(0028,0008)", "NumberOfFrames (0028,0008) is -3")
    ds.NumberOfFrames = 0
    assert frame_count(ds) == 1
    np.testing.assert_array_equal(pixel_array(ds), array)


def test_number_of_frames_larger_than_the_data_is_refused_naming_the_lengths() -> None:
    ds, _ = _native(rows=2, columns=2, bits=16)
    ds.NumberOfFrames = 1_000_000
    _refused(ds, "(7FE0,0010)", "holds 8 bytes; 1000000 frame(s)", "need 8000000")


def test_native_pixel_data_holding_fragments_is_refused() -> None:
    ds, _ = _native()
    _fragments(ds, [b"\x00" * 48])
    _refused(ds, "(7FE0,0010)", "encapsulated (undefined length)", "native")


def test_native_pixel_data_holding_no_bytes_is_refused() -> None:
    ds, _ = _native()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds[PIXEL_DATA] = DataElement(PIXEL_DATA, "OW", [1, 2, 3])
    _refused(ds, "(7FE0,0010)", "holds list")


def test_float_pixel_data_with_another_bits_allocated_is_refused() -> None:
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns, ds.BitsAllocated = 2, 2, 16
    ds.add_new(0x7FE00008, "OF", np.zeros(4, "<f4").tobytes())
    _refused(ds, "(0028,0100)", "BitsAllocated (0028,0100) is 16", "FloatPixelData needs 32")


def test_one_bit_data_with_three_samples_is_refused() -> None:
    ds, _ = _native(samples=3, bits=8)
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = 1, 1, 0
    _refused(ds, "(0028,0100)", "BitsAllocated (0028,0100) is 1", "one sample")


def test_a_frame_number_that_is_not_an_int_is_refused() -> None:
    ds, _ = _native()
    with pytest.raises(PixelDataError, match="frame must be an int"):
        pixel_array(ds, "0")  # type: ignore[arg-type]


# -- encapsulated: fragments and RLE segments ------------------------------------------------

def _segments(fragment: bytes) -> tuple[list[int], list[bytes]]:
    count = struct.unpack_from("<L", fragment)[0]
    offsets = list(struct.unpack_from(f"<{count}L", fragment, 4))
    bounds = [*offsets, len(fragment)]
    return offsets, [fragment[a:b] for a, b in zip(bounds, bounds[1:])]


def _rle_frame(segments: list[bytes]) -> bytes:
    offsets, position = [], 64
    for segment in segments:
        offsets.append(position)
        position += len(segment)
    return struct.pack("<16L", len(segments), *offsets, *[0] * (15 - len(segments))) + \
        b"".join(segments)


def test_rle_segment_of_odd_length_decodes_as_it_is() -> None:
    # was: ValueError "buffer size must be a multiple of element size" for some odd segments
    ds, fragment = _rle(bits=16)
    expected = pixel_array(ds)
    _, segments = _segments(fragment)
    unpadded = [s[:-1] if len(s) % 2 == 0 and s.endswith(b"\x00") and len(s) > 2 else s
                for s in segments]
    odd = [s + b"\x80" if len(s) % 2 == 0 else s for s in unpadded]  # 0x80: a no-op run
    assert any(len(s) % 2 for s in odd)
    _fragments(ds, [_rle_frame(odd)])
    np.testing.assert_array_equal(pixel_array(ds), expected)


def test_rle_segment_decoding_short_is_refused_naming_the_segment() -> None:
    ds, fragment = _rle(bits=16)
    _, segments = _segments(fragment)
    segments[1] = b"\x00\x07"  # one byte instead of Rows x Columns
    _fragments(ds, [_rle_frame(segments)])
    _refused(ds, "(7FE0,0010)", "frame 0", "RLE segment 1 of 2 decodes to 1 bytes", "need 24")


def test_rle_segment_decoding_a_little_long_is_cut_as_pydicom_does() -> None:
    ds, fragment = _rle(bits=8)
    expected = pixel_array(ds)
    _, segments = _segments(fragment)
    _fragments(ds, [_rle_frame([segments[0] + b"\x00\x09"])])  # one byte more: 25 for 24
    np.testing.assert_array_equal(pixel_array(ds), expected)


def test_rle_segment_decoding_far_too_long_is_refused_without_decoding_it_all() -> None:
    ds, _ = _rle(bits=8)
    runs = b"\x81\x07" * 100_000  # would decode to 12.8 MB for a 24-byte image
    _fragments(ds, [_rle_frame([runs])])
    _refused(ds, "(7FE0,0010)", "RLE segment 0 of 1", "does not decode to 24 bytes")


@pytest.mark.parametrize("header,words", [
    (lambda h: [3, *h[1:]], ("names 3 segments", "need 2")),
    (lambda h: [h[0], 64, 10_000, *h[3:]], ("do not increase from 64",)),
    (lambda h: [h[0], 66, *h[2:]], ("do not increase from 64",)),
    (lambda h: [h[0], 64, 64, *h[3:]], ("do not increase from 64",)),
])
def test_rle_header_counts_and_offsets_are_checked(header: Any, words: tuple[str, ...]) -> None:
    ds, fragment = _rle(bits=16)
    values = list(struct.unpack_from("<16L", fragment))
    _fragments(ds, [struct.pack("<16L", *header(values)) + fragment[64:]])
    _refused(ds, "(7FE0,0010)", "frame 0", *words)


def test_rle_header_shorter_than_64_bytes_is_refused() -> None:
    ds, fragment = _rle()
    _fragments(ds, [fragment[:40]])
    _refused(ds, "(7FE0,0010)", "needs 64 bytes, the frame has 40")


def test_rle_with_bits_allocated_1_is_refused() -> None:
    ds, _ = _rle()
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = 1, 1, 0
    _refused(ds, "(0028,0100)", "whole bytes")


def test_rle_needing_more_than_15_segments_is_refused() -> None:
    ds, _ = _rle(samples=3, bits=8)
    ds.BitsAllocated = ds.BitsStored = 64
    ds.HighBit = 63
    _refused(ds, "(7FE0,0010)", "need 24 segments", "at most 15")


def test_encapsulated_syntax_with_defined_length_pixel_data_is_refused() -> None:
    ds, _ = _rle()
    ds[PIXEL_DATA] = DataElement(PIXEL_DATA, "OB", bytes(48))
    _refused(ds, "(7FE0,0010)", "is not encapsulated")


def test_more_frames_than_fragments_without_a_table_is_refused() -> None:
    ds, fragment = _rle()
    ds.NumberOfFrames = 3
    _fragments(ds, [fragment, fragment])
    _refused(ds, "(7FE0,0010)", "3 frames in 2 fragments")


@pytest.mark.parametrize("ts,bits", [(uids.JPEGBaseline8Bit, 32), (uids.JPEGLSLossless, 32),
                                     (uids.JPEG2000Lossless, 64)])
def test_codecs_refuse_bits_allocated_their_syntax_does_not_hold(ts: str, bits: int) -> None:
    ds, fragment = _rle()
    ds.file_meta.TransferSyntaxUID = ts
    ds.BitsAllocated = bits
    _refused(ds, "(0028,0100)", f"BitsAllocated (0028,0100) {bits}")


def test_rle_claiming_65535_by_65535_is_refused_before_allocating_the_image() -> None:
    ds, _ = _rle(samples=3, bits=16)
    ds.Rows = ds.Columns = 65535
    tracemalloc.start()
    try:
        _refused(ds, "(7FE0,0010)", "RLE segment 0 of 6 has", "Rows x Columns = 4294836225 bytes need at least 67106818")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, f"{peak} bytes traced refusing a 4 x 6 frame"
