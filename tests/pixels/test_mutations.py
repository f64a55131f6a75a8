"""Mutated sample files through pixel_array and iter_frames: only dicomkit's own errors, never a
foreign exception, never a wrong-sized array.

A fixed seed, 300 mutants of each of 17 bundled samples (about 5 s) covering native 1-, 8- and
16-bit, RGB, YBR_FULL_422, palette, RLE (8/16-bit, colour, two frames), JPEG Baseline (YBR),
Extended and Lossless, JPEG-LS and JPEG 2000: changed Rows, Columns, Bits Allocated/Stored,
High Bit, Samples per Pixel, Planar Configuration, Photometric Interpretation, Pixel
Representation and Number of Frames; native pixel data truncated, lengthened and flipped;
fragments truncated, lengthened, bit-flipped in their headers, RLE header offsets moved (odd
segments), SOF/SIZ words overwritten, fragments added and removed, offset tables damaged; and
the file's bytes flipped or truncated, read leniently and strictly (a read error is an
InvalidDicomError, fine).  The safety net that wraps an exception nobody checked for ("a defect
in dicomkit") must never be reached: every refusal comes from a check.
"""

from __future__ import annotations

import random
import struct
import warnings
from collections import Counter

import pytest

import dicomkit
from dicomkit.core.element import DataElement
from dicomkit.errors import DicomError
from dicomkit.io.encapsulation import EncapsulatedPixelData
from dicomkit.pixels.array import iter_frames, pixel_array
from dicomkit.pixels.info import PixelInfo
from tests.codecs.helpers import need_imagecodecs
from tests.samples import sample

SEED = 20261202
MUTANTS_PER_SAMPLE = 300
NAMES = ["CT_small.dcm", "examples_overlay.dcm", "SC_rgb_small_odd.dcm",
         "SC_ybr_full_422_uncompressed.dcm", "liver_1frame.dcm", "examples_palette.dcm",
         "MR_small_RLE.dcm", "SC_rgb_rle.dcm", "SC_rgb_rle_16bit_2frame.dcm",
         "SC_rgb_small_odd_jpeg.dcm", "SC_rgb_dcmtk_+eb+cy+np.dcm", "JPGExtended.dcm",
         "SC_rgb_jpeg_gdcm.dcm", "JPEGLSNearLossless_08.dcm", "SC_rgb_jls_lossy_line.dcm",
         "MR_small_jp2klossless.dcm", "SC_rgb_gdcm_KY.dcm"]
ATTRIBUTES = ["Rows", "Columns", "BitsAllocated", "BitsStored", "HighBit", "SamplesPerPixel",
              "PlanarConfiguration", "PhotometricInterpretation", "PixelRepresentation",
              "NumberOfFrames"]
NUMBERS = [0, 1, 2, 3, 4, 7, 8, 9, 11, 12, 13, 15, 16, 17, 23, 24, 31, 32, 33, 63, 64, 65, 200,
           255, 256, 4095, 65535, 65536, -1]
PHOTOMETRICS = ["MONOCHROME1", "MONOCHROME2", "PALETTE COLOR", "RGB", "YBR_FULL", "YBR_FULL_422",
                "YBR_PARTIAL_422", "YBR_PARTIAL_420", "YBR_ICT", "YBR_RCT", "ARGB", "CMYK",
                "HSV", "XYB", "", "GARBAGE"]
PIXEL_DATA = 0x7FE00010


def _attributes(ds: dicomkit.Dataset, rng: random.Random) -> str:
    for _ in range(rng.choice([1, 1, 2, 3])):
        keyword = rng.choice(ATTRIBUTES)
        if keyword == "PhotometricInterpretation":
            setattr(ds, keyword, rng.choice(PHOTOMETRICS))
        elif rng.random() < 0.05:
            if keyword in ds:
                del ds[keyword]
        else:
            setattr(ds, keyword, rng.choice(NUMBERS) if rng.random() < 0.9
                    else rng.randrange(0, 70000))
    return "attributes"


def _fragment(fragment: bytes, rng: random.Random) -> tuple[bytes, str]:
    data = bytearray(fragment)
    kind = rng.randrange(6)
    if kind == 0:
        data = data[:rng.randrange(len(data) + 1)]
    elif kind == 1:
        data += bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    elif kind == 2 and data:  # bit flips, mostly in the codestream or RLE header
        for _ in range(rng.randrange(1, 8)):
            span = min(len(data), 300) if rng.random() < 0.7 else len(data)
            data[rng.randrange(span)] ^= 1 << rng.randrange(8)
    elif kind == 3 and len(data) >= 64:  # an RLE header value moved: odd segments, overlaps
        values = list(struct.unpack_from("<16L", data))
        index = rng.randrange(16)
        values[index] = (values[index] + rng.choice([-1, 1, 2, -64, 1000, 2**31])) % 2**32
        data[:64] = struct.pack("<16L", *values)
    elif kind == 4 and len(data) > 4:  # a 16-bit word (SOF/SIZ sizes) overwritten
        position = rng.randrange(min(len(data) - 2, 200))
        data[position:position + 2] = rng.choice([b"\xff\xff", b"\x00\x00", b"\x00\x01",
                                                  b"\xff\xdc"])
    return bytes(data), f"fragment {kind}"


def _pixels(ds: dicomkit.Dataset, rng: random.Random) -> str:
    element = ds[PIXEL_DATA]
    value = element.value
    if isinstance(value, EncapsulatedPixelData):
        fragments = list(value.fragments)
        kind = rng.randrange(4)
        index = rng.randrange(len(fragments))
        if kind <= 1:
            fragments[index], what = _fragment(fragments[index], rng)
        elif kind == 2:
            fragments.insert(rng.randrange(len(fragments) + 1),
                             fragments[index][:rng.randrange(len(fragments[index]) + 1)])
            what = "fragment added"
        else:
            if len(fragments) > 1:
                del fragments[index]
            what = "fragment removed"
        offsets = value.offsets if rng.random() < 0.8 else [
            rng.randrange(0, 1000) for _ in range(rng.randrange(3))]
        ds[PIXEL_DATA] = DataElement(PIXEL_DATA, "OB", EncapsulatedPixelData(fragments, offsets),
                                     undefined_length=True)
        return what
    raw = bytes(element.raw if element.raw is not None else value)
    kind = rng.randrange(3)
    if kind == 0:
        raw = raw[:rng.randrange(len(raw) + 1)]
    elif kind == 1:
        raw += bytes(rng.randrange(1, 100))
    else:
        flipped = bytearray(raw)
        for _ in range(10):
            flipped[rng.randrange(len(flipped))] ^= 0xFF
        raw = bytes(flipped)
    ds[PIXEL_DATA] = DataElement(PIXEL_DATA, element.vr, raw=raw, context=element.context)
    return f"native {kind}"


def _file_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    mutated = bytearray(data)
    kind = rng.randrange(3)
    if kind == 0:
        for _ in range(rng.randrange(1, 6)):
            mutated[rng.randrange(len(mutated))] ^= 1 << rng.randrange(8)
    elif kind == 1:
        mutated = mutated[:rng.randrange(len(mutated))]
    else:  # the header, where the Image Pixel attributes are
        for _ in range(rng.randrange(1, 4)):
            mutated[rng.randrange(min(len(mutated), 2048))] = rng.randrange(256)
    return bytes(mutated), f"bytes {kind}"


def _expected_shape(ds: dicomkit.Dataset) -> tuple[int, ...]:
    info = PixelInfo.of(ds)
    return (info.number_of_frames, *info.shape) if info.number_of_frames > 1 else info.shape


@pytest.mark.parametrize("name", NAMES)
def test_mutants_give_arrays_of_the_declared_shape_or_dicomkits_own_errors(name: str) -> None:
    need_imagecodecs()
    rng = random.Random(f"{SEED}-{name}")
    original = sample(name).read_bytes()
    outcomes: Counter[str] = Counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lenient reads and value checks warn; that is fine
        for number in range(MUTANTS_PER_SAMPLE):
            if rng.random() < 0.35:
                data, what = _file_bytes(original, rng)
                try:
                    ds = dicomkit.read(data, strict=rng.random() < 0.3)
                except DicomError:
                    outcomes["read refused"] += 1
                    continue
            else:
                ds = dicomkit.read(original)
                what = _attributes(ds, rng) if rng.random() < 0.4 or PIXEL_DATA not in ds \
                    else _pixels(ds, rng)
            as_rgb = rng.random() < 0.7
            try:
                if rng.random() < 0.2:
                    arrays = list(iter_frames(ds, as_rgb=as_rgb))
                    shape = (len(arrays), *arrays[0].shape) if len(arrays) > 1 else arrays[0].shape
                else:
                    shape = pixel_array(ds, as_rgb=as_rgb).shape
            except DicomError as exc:
                text = str(exc)
                assert "a defect in dicomkit" not in text and "please report it" not in text, (
                    f"mutant {number} ({what}) of {name} reached the safety net: {text}")
                outcomes["refused"] += 1
                continue
            except Exception as exc:  # noqa: BLE001 - the point of the test
                pytest.fail(f"mutant {number} ({what}) of {name}: {type(exc).__name__}: {exc}")
            outcomes["decoded"] += 1
            assert shape == _expected_shape(ds), f"mutant {number} ({what}) of {name}"
    # the mutants reach both sides of the checks
    assert outcomes["decoded"] >= MUTANTS_PER_SAMPLE // 10, outcomes
    assert outcomes["refused"] >= MUTANTS_PER_SAMPLE // 10, outcomes
