"""No exception but PixelDataError leaves decode_frame, pixel_array and iter_frames: the codec
libraries' own error types, MemoryError and unexpected errors are wrapped, naming the frame and
the transfer syntax."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.codecs import decode_frame, encode_frame, frame_data
from dicomkit.generated import uids
from dicomkit.pixels import native
from dicomkit.pixels.array import iter_frames, pixel_array
from dicomkit.pixels.info import PixelDataError, PixelInfo
from tests.codecs.helpers import layout, need_imagecodecs, random_image
from tests.samples import sample


@pytest.fixture(autouse=True)
def _library() -> None:
    need_imagecodecs()


def _frame(ts: str) -> tuple[bytes, PixelInfo]:
    info = layout(8, 8, ts=ts)
    return encode_frame(random_image(info, 2), info, ts).data, info


@pytest.mark.parametrize("ts,function", [
    (uids.JPEGLosslessSV1, "jpeg8_decode"), (uids.JPEGLSLossless, "jpegls_decode"),
    (uids.JPEG2000Lossless, "jpeg2k_decode"), (uids.HTJ2KLossless, "htj2k_decode"),
    (uids.RLELossless, "dicomrle_decode packbits_decode"),
])
@pytest.mark.parametrize("error", [RuntimeError("library says no"), MemoryError()])
def test_a_library_error_becomes_a_pixel_data_error_naming_frame_and_syntax(
        monkeypatch: pytest.MonkeyPatch, ts: str, function: str, error: BaseException) -> None:
    import imagecodecs

    data, info = _frame(ts)
    assert decode_frame(data, info, frame=3).array.shape == (8, 8)

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error

    for name in function.split():  # RLE: the whole-frame decoder, then segment by segment
        monkeypatch.setattr(imagecodecs, name, fail)
    with pytest.raises(PixelDataError) as err:
        decode_frame(data, info, frame=3)
    assert err.value.frame == 3 and err.value.tag_path == "(7FE0,0010)"
    assert ts in str(err.value)
    assert ("memory" if isinstance(error, MemoryError) else "library says no") in str(err.value)


def test_an_unexpected_error_inside_a_codec_is_a_pixel_data_error_that_keeps_its_cause(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from dicomkit.codecs import jpegls

    data, info = _frame(uids.JPEGLSLossless)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a defect")

    monkeypatch.setattr(jpegls, "as_declared_dtype", broken)
    with pytest.raises(PixelDataError, match="unexpected error, please report it") as err:
        decode_frame(data, info, frame=1)
    assert isinstance(err.value.__cause__, KeyError) and err.value.frame == 1


def test_an_unexpected_error_in_native_unpacking_is_a_pixel_data_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a defect")

    monkeypatch.setattr(native, "_convert", broken)
    for call in (lambda: pixel_array(ds), lambda: pixel_array(ds, 0),
                 lambda: list(iter_frames(ds))):
        with pytest.raises(PixelDataError, match="unexpected ValueError .*a defect in dicomkit") \
                as err:
            call()
        assert isinstance(err.value.__cause__, ValueError)
        assert "(1.2.840.10008.1.2.1)" in str(err.value)


def test_memory_exhausted_unpacking_native_data_is_a_pixel_data_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))

    def exhausted(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(native, "apply_bits_stored", exhausted)
    with pytest.raises(PixelDataError, match=r"not enough memory to decode 1 frame\(s\) of 128 x "
                                             r"128 x 1 x 16 bits"):
        pixel_array(ds)


def test_decode_frame_checks_the_layout_it_is_given() -> None:
    data, info = _frame(uids.RLELossless)
    with pytest.raises(PixelDataError, match=r"BitsStored \(0028,0101\) is 12"):
        decode_frame(data, info.with_(bits_stored=12, high_bit=11, bits_allocated=8), frame=0)


def test_a_sample_whose_codestream_is_damaged_fails_cleanly_naming_the_frame() -> None:
    ds = dicomkit.read(sample("JPEG2000-embedded-sequence-delimiter.dcm"))
    info = PixelInfo.of(ds)
    with pytest.raises(PixelDataError) as err:
        decode_frame(frame_data(ds, info, 0), info, frame=0)
    assert err.value.frame == 0 and "JPEG 2000" in str(err.value)
    with pytest.raises(PixelDataError):
        np.asarray(pixel_array(ds))
