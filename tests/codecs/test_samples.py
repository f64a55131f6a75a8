"""Every encapsulated pydicom sample file decodes like pydicom with pylibjpeg does.

Lossless syntaxes must match bit for bit; the lossy JPEG processes within 3 levels (libjpeg-
turbo and pylibjpeg's libjpeg 9 differ in IDCT and chroma upsampling rounding).  Files
pydicom itself cannot decode must either decode or give a clean PixelDataError naming the
frame.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.codecs import decode_frame, frame_data
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.color import convert_color
from dicomkit.pixels.info import YBR, PixelDataError, PixelInfo
from tests.codecs.helpers import need_imagecodecs
from tests.conftest import missing
from tests.samples import data_dir, sample, samples

pydicom = pytest.importorskip("pydicom")

#: Largest difference allowed from pydicom+pylibjpeg, by transfer syntax keyword.
TOLERANCE = {"JPEGBaseline8Bit": 3, "JPEGExtended12Bit": 1}


def _encapsulated_samples() -> list[str]:
    """Paths inside ``test_files`` (subfolders too) of the samples with encapsulated pixel data."""
    names = []
    for path in samples(recursive=True):
        try:
            ds = pydicom.dcmread(path, defer_size=1024)
        except Exception:
            continue
        ts = str(getattr(getattr(ds, "file_meta", None), "TransferSyntaxUID", "") or "")
        has_pixels = "PixelData" in ds or (0x7FE0, 0x0010) in ds
        if ts in TRANSFER_SYNTAXES and TRANSFER_SYNTAXES[ts].encapsulated and has_pixels:
            names.append(path.relative_to(data_dir() / "test_files").as_posix())
    return sorted(names)


with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    SAMPLES = _encapsulated_samples()


def _ours(ds: Any, as_rgb: bool) -> tuple[np.ndarray[Any, Any], str]:
    """decode_frame on every frame; with ``as_rgb`` what is still YBR is converted as
    pixel_array does (PS3.3 C.7.6.3.1.2)."""
    info = PixelInfo.of(ds)
    frames = [decode_frame(frame_data(ds, info, i), info, frame=i, as_rgb=as_rgb)
              for i in range(info.number_of_frames)]
    arrays = [f.array for f in frames]
    photometric = frames[0].photometric
    if as_rgb and photometric in YBR:
        arrays = [convert_color(a, photometric, "RGB", bits=info.bits_stored) for a in arrays]
        photometric = "RGB"
    return (np.stack(arrays) if len(arrays) > 1 else arrays[0]), photometric


def test_there_are_encapsulated_samples_of_each_codec_family() -> None:
    if len(SAMPLES) < 30:
        missing(f"pydicom's encapsulated sample files (found {len(SAMPLES)})")


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_decodes_like_pydicom_with_pylibjpeg(name: str) -> None:
    need_imagecodecs()
    path = sample(name)
    ds = dicomkit.read(path)
    assert 0x7FE00010 in ds
    keyword = TRANSFER_SYNTAXES[str(ds.file_meta.TransferSyntaxUID)].keyword
    declared = str(ds.PhotometricInterpretation)
    from pydicom.pixels import get_decoder

    if not get_decoder(str(ds.file_meta.TransferSyntaxUID)).is_available:
        missing(f"a pydicom decoding plugin for {keyword} (pip install 'dicomkit[test]')")
    # stored values against pydicom's raw=True, RGB against its default (raw=False)
    for as_rgb in (False, True):
        try:
            ours, photometric = _ours(ds, as_rgb)
            error = None
        except PixelDataError as exc:
            ours, photometric, error = None, "", exc
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                theirs = pydicom.pixels.pixel_array(pydicom.dcmread(path), raw=not as_rgb)
            except Exception:
                theirs = None
        if theirs is None:  # pydicom fails: we decode, or fail cleanly naming the frame
            if ours is None:
                assert error is not None and error.frame >= 0 and f"frame {error.frame}" in str(error)
            continue
        assert ours is not None, f"pydicom decodes {name}, dicomkit fails: {error}"
        if declared in YBR and as_rgb:
            assert photometric == "RGB"
        assert ours.shape == theirs.shape
        assert ours.dtype == theirs.dtype
        tolerance = TOLERANCE.get(keyword, 0)
        if tolerance == 0:
            np.testing.assert_array_equal(ours, theirs)
        else:
            assert np.abs(ours.astype(np.int64) - theirs.astype(np.int64)).max() <= tolerance
