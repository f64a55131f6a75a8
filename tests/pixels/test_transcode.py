"""transcode: samples x lossless targets round trip exactly (also through pydicom); lossy
targets record the loss; the source is not changed; target names resolve."""

from __future__ import annotations

import io
import warnings
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.generated import uids
from dicomkit.pixels.array import pixel_array
from dicomkit.pixels.info import PixelDataError
from dicomkit.pixels.transcode import TranscodeError, resolve_transfer_syntax, transcode
from tests.codecs.helpers import DEFLATED_FRAMES, need_imagecodecs
from tests.samples import sample_str

pydicom = pytest.importorskip("pydicom")

SOURCES = ["CT_small.dcm", "MR_small_RLE.dcm", "SC_rgb_small_odd.dcm", "JPEG2000.dcm",
           "SC_rgb_rle_2frame.dcm", "examples_palette.dcm", "SC_ybr_full_422_uncompressed.dcm"]
LOSSLESS = [uids.RLELossless, uids.JPEGLSLossless, uids.JPEG2000Lossless, uids.HTJ2KLossless,
            uids.HTJ2KLosslessRPCL, uids.JPEGLosslessSV1, DEFLATED_FRAMES,
            uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian]
NATIVE = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)
# every (source, target) pair here encodes; the refusal case (32-bit into JPEG-LS) is below


def _round_trip(ds: dicomkit.Dataset) -> dicomkit.Dataset:
    stream = io.BytesIO()
    dicomkit.write(stream, ds)
    return dicomkit.read(stream.getvalue())


@pytest.mark.parametrize("target", LOSSLESS)
@pytest.mark.parametrize("name", SOURCES)
def test_lossless_transcode_written_and_read_back_keeps_the_pixels(name: str, target: str) -> None:
    need_imagecodecs()
    source = dicomkit.read(sample_str(name))
    expected = pixel_array(source)
    stored = pixel_array(source, as_rgb=False)
    back = _round_trip(transcode(source, target))
    assert str(back.file_meta["TransferSyntaxUID"].value).strip("\x00 ") == target
    np.testing.assert_array_equal(pixel_array(back), expected)
    # the stored values and the colour space are kept: YBR stays YBR (4:2:2 expanded to
    # YBR_FULL), palette indices stay indices; JPEG 2000 writes RGB with its transform
    np.testing.assert_array_equal(pixel_array(back, as_rgb=False), stored)
    before, after = str(source.PhotometricInterpretation), str(back.PhotometricInterpretation)
    if before == "RGB" and target in (uids.JPEG2000Lossless, uids.HTJ2KLossless,
                                      uids.HTJ2KLosslessRPCL):
        assert after == "YBR_RCT"
    elif source.file_meta["TransferSyntaxUID"].value in NATIVE and target in NATIVE:
        assert after == before  # nothing decoded: the writer re-encodes the data set
    else:
        assert after == {"YBR_FULL_422": "YBR_FULL"}.get(before, before)
    assert back.get("LossyImageCompression") is None or back.LossyImageCompression != "01" \
        or source.get("LossyImageCompression") is not None
    if target == DEFLATED_FRAMES:
        return  # pydicom 3 has no decoder for Deflated Image Frame Compression
    # pydicom, the reference reader, gets the same pixels from our file
    stream = io.BytesIO()
    dicomkit.write(stream, back)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = pydicom.dcmread(io.BytesIO(stream.getvalue()))
        theirs: Any = ref.pixel_array
    if target == uids.JPEGLosslessSV1 and after.startswith("YBR"):
        # libjpeg-turbo writes lossless colour with component IDs R, G, B, which pydicom takes
        # over the declared YBR_FULL: it leaves the values unconverted
        expected = stored
    np.testing.assert_array_equal(theirs, expected)


def test_thirty_two_bit_data_into_jpeg_ls_is_a_clean_pixel_data_error() -> None:
    need_imagecodecs()
    source = dicomkit.read(sample_str("SC_rgb_rle_32bit.dcm"))
    with pytest.raises(PixelDataError):
        transcode(source, uids.JPEGLSLossless)


@pytest.mark.parametrize("target,options,tolerance", [
    (uids.JPEGBaseline8Bit, {}, 40),
    (uids.JPEG2000, {"ratio": 10}, 40),
    (uids.JPEGLSNearLossless, {"near": 2}, 2),
])
def test_lossy_transcode_records_the_loss_and_gets_a_new_uid(target: str, options: dict[str, Any],
                                                            tolerance: int) -> None:
    need_imagecodecs()
    source = dicomkit.read(sample_str("SC_rgb_rle_2frame.dcm"))
    out = _round_trip(transcode(source, target, **options))
    assert out.LossyImageCompression == "01"
    assert out.get("LossyImageCompressionRatio") is not None
    assert out.get("LossyImageCompressionMethod") is not None
    assert out.SOPInstanceUID != source.SOPInstanceUID
    assert out.file_meta["MediaStorageSOPInstanceUID"].value == out.SOPInstanceUID
    diff = np.abs(pixel_array(out, as_rgb=True).astype(int) - pixel_array(source, as_rgb=True).astype(int))
    assert diff.max() <= tolerance


def test_second_lossy_step_appends_ratio_and_method() -> None:
    need_imagecodecs()
    source = dicomkit.read(sample_str("SC_rgb_rle_2frame.dcm"))
    once = transcode(source, uids.JPEGLSNearLossless, near=2)
    twice = transcode(once, uids.JPEG2000, ratio=10)
    assert len(twice.LossyImageCompressionMethod) == 2
    assert len(twice.LossyImageCompressionRatio) == 2


def test_palette_colour_into_a_lossy_syntax_raises() -> None:
    source = dicomkit.read(sample_str("examples_palette.dcm"))
    with pytest.raises(TranscodeError, match="PALETTE COLOR"):
        transcode(source, uids.JPEGBaseline8Bit)


def test_transcode_leaves_the_source_unchanged() -> None:
    need_imagecodecs()
    source = dicomkit.read(sample_str("SC_ybr_full_422_uncompressed.dcm"))
    syntax = source.file_meta["TransferSyntaxUID"].value
    photometric = source.PhotometricInterpretation
    element = source[0x7FE00010]
    raw = bytes(element.raw if element.raw is not None else element.value)
    out = transcode(source, uids.RLELossless)
    assert out[0x7FE00010] is not element
    assert source.file_meta["TransferSyntaxUID"].value == syntax
    assert source.PhotometricInterpretation == photometric
    assert source[0x7FE00010] is element
    assert bytes(element.raw if element.raw is not None else element.value) == raw


@pytest.mark.parametrize("text", ["1.2.840.10008.1.2.4.90", "JPEG2000Lossless",
                                  "JPEG 2000 Image Compression (Lossless Only)", "jpeg2000lossless"])
def test_resolve_transfer_syntax_accepts_uid_keyword_and_name(text: str) -> None:
    assert resolve_transfer_syntax(text) == uids.JPEG2000Lossless


def test_resolve_transfer_syntax_rejects_unknown_names_listing_keywords() -> None:
    with pytest.raises(TranscodeError, match="RLELossless") as err:
        resolve_transfer_syntax("NoSuchSyntax")
    assert "NoSuchSyntax" in str(err.value)
