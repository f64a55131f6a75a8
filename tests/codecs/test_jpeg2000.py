"""JPEG 2000 and HTJ2K (PS3.5 A.4.4, A.4.11): round trips, MCT colour, lossy, damaged frames."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.codecs import decode_frame, encode_frame
from dicomkit.codecs.jpeg2000 import uses_mct
from dicomkit.generated import uids
from dicomkit.pixels.info import PixelDataError
from tests.codecs.helpers import images, layout, need_imagecodecs, random_image, smooth_image

LOSSLESS = [uids.JPEG2000Lossless, uids.JPEG2000, uids.HTJ2KLossless, uids.HTJ2KLosslessRPCL, uids.HTJ2K]


@pytest.fixture(autouse=True)
def _library() -> None:
    need_imagecodecs()


@settings(max_examples=40, deadline=None)
@given(images, st.sampled_from(LOSSLESS))
def test_jpeg2000_lossless_round_trip_is_identical(params: tuple, ts: str) -> None:
    rows, cols, samples, (bits, stored, signed), seed = params
    info = layout(rows, cols, samples=samples, bits=bits, stored=stored, signed=signed, ts=ts)
    image = random_image(info, seed)
    encoded = encode_frame(image, info, ts)
    assert not encoded.lossy
    assert encoded.photometric == ("YBR_RCT" if samples == 3 else "MONOCHROME2")
    assert uses_mct(encoded.data) == (samples == 3)
    decoded = decode_frame(encoded.data, info.with_(photometric_interpretation=encoded.photometric), frame=0)
    assert decoded.photometric == info.photometric_interpretation  # the decoder inverted the RCT
    assert decoded.array.dtype == info.dtype
    np.testing.assert_array_equal(decoded.array, image)


def test_htj2k_rpcl_has_rpcl_progression_and_tlm_marker() -> None:
    ts = uids.HTJ2KLosslessRPCL
    info = layout(16, 16, bits=16, stored=12, ts=ts)
    data = encode_frame(random_image(info, 5), info, ts).data
    cod = data.find(b"\xff\x52")
    assert data[cod + 5] == 2  # RPCL (ISO/IEC 15444-1 Table A.16)
    assert b"\xff\x55" in data[:cod + 64] or b"\xff\x55" in data[:data.find(b"\xff\x90")]


@pytest.mark.parametrize("samples", [1, 3])
def test_lossy_jpeg2000_meets_its_psnr_and_reports_lossy(samples: int) -> None:
    ts = uids.JPEG2000
    info = layout(48, 40, samples=samples, bits=16, stored=12, ts=ts)
    image = smooth_image(info, 9)
    encoded = encode_frame(image, info, ts, quality=55)
    assert encoded.lossy and encoded.method == "ISO_15444_1" and encoded.ratio and encoded.ratio > 1
    assert encoded.photometric == ("YBR_ICT" if samples == 3 else "MONOCHROME2")
    decoded = decode_frame(encoded.data, info.with_(photometric_interpretation=encoded.photometric),
                           frame=0).array
    mse = np.mean((decoded.astype(float) - image) ** 2)
    assert 10 * np.log10(4095 ** 2 / max(mse, 1e-9)) >= 45  # stated tolerance: PSNR 45 dB


def test_lossy_jpeg2000_reaches_a_requested_ratio() -> None:
    ts = uids.JPEG2000
    info = layout(64, 64, bits=16, stored=12, ts=ts)
    encoded = encode_frame(smooth_image(info, 4), info, ts, ratio=10)
    assert encoded.lossy and encoded.ratio is not None and encoded.ratio >= 10


def test_lossy_htj2k_reports_iso_15444_15() -> None:
    ts = uids.HTJ2K
    info = layout(32, 32, ts=ts)
    encoded = encode_frame(smooth_image(info, 1), info, ts, quality=50)
    assert encoded.lossy and encoded.method == "ISO_15444_15"
    decoded = decode_frame(encoded.data, info, frame=0).array
    assert np.abs(decoded.astype(int) - smooth_image(info, 1)).mean() < 8


@pytest.mark.parametrize("ts", [uids.JPEG2000Lossless, uids.HTJ2KLossless])
@pytest.mark.parametrize("damage", ["truncated", "garbage", "no SOC"])
def test_damaged_jpeg2000_raises_pixel_data_error_with_frame(ts: str, damage: str) -> None:
    info = layout(32, 32, bits=16, stored=12, ts=ts)
    good = encode_frame(random_image(info, 2), info, ts).data
    data = {"truncated": good[:len(good) // 2], "garbage": b"\xff\x4f\xff\x51" + bytes(range(256)),
            "no SOC": good[4:]}[damage]
    with pytest.raises(PixelDataError) as err:
        decode_frame(data, info, frame=3)
    assert err.value.frame == 3


def test_mc_syntaxes_decode_but_do_not_encode() -> None:
    from dicomkit.codecs import can_decode, can_encode

    assert can_decode(uids.JPEG2000MCLossless) and not can_encode(uids.JPEG2000MCLossless)


def test_lossy_htj2k_reaches_a_requested_ratio() -> None:
    ts = uids.HTJ2K
    info = layout(64, 64, bits=16, stored=12, ts=ts)
    encoded = encode_frame(smooth_image(info, 4), info, ts, ratio=8)
    assert encoded.lossy and encoded.ratio is not None and encoded.ratio >= 8


def test_htj2k_colour_without_colour_transform_round_trips() -> None:
    """OpenJPH returns components first when no colour transform was applied (YBR_FULL data):
    the frame must come back colour-by-pixel with the same values."""
    import numpy as np

    from dicomkit.codecs import decode_frame, encode_frame
    from dicomkit.pixels.info import PixelInfo

    rng = np.random.default_rng(7)
    array = rng.integers(0, 256, (24, 40, 3), dtype=np.uint8)
    for uid in ("1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.90"):
        info = PixelInfo(rows=24, columns=40, samples_per_pixel=3, bits_allocated=8,
                         bits_stored=8, high_bit=7, photometric_interpretation="YBR_FULL",
                         transfer_syntax=uid)
        encoded = encode_frame(array, info, uid)
        assert encoded.photometric == "YBR_FULL"
        decoded = decode_frame(encoded.data, info, frame=0)
        assert decoded.array.shape == (24, 40, 3)
        assert np.array_equal(decoded.array, array)
