"""The codec registry: which syntaxes decode/encode, lazy imports, missing-library messages."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from dicomkit.codecs import (
    CodecUnavailableError,
    can_decode,
    can_encode,
    decode_frame,
    encode_frame,
    registry,
)
from dicomkit.codecs.base import load_library
from dicomkit.generated import uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.info import PixelDataError
from tests.codecs.helpers import DEFLATED_FRAMES, layout, need_imagecodecs


def test_importing_codecs_imports_no_codec_library() -> None:
    code = ("import sys, dicomkit.codecs as c; c.can_decode(c.__name__);"
            "print('imagecodecs' in sys.modules, 'dicomkit.codecs.jpeg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_every_registered_syntax_is_encapsulated_in_the_generated_table() -> None:
    assert registry.CODECS
    for uid in registry.CODECS:
        assert TRANSFER_SYNTAXES[uid].encapsulated


def test_all_compressed_image_syntaxes_but_video_and_jpeg_xl_have_a_codec() -> None:
    need_imagecodecs()
    for keyword in ("JPEGBaseline8Bit", "JPEGExtended12Bit", "JPEGLossless", "JPEGLosslessSV1",
                    "JPEGLSLossless", "JPEGLSNearLossless", "JPEG2000Lossless", "JPEG2000",
                    "HTJ2KLossless", "HTJ2KLosslessRPCL", "HTJ2K", "RLELossless"):
        uid = getattr(uids, keyword)
        assert can_decode(uid) and can_encode(uid), keyword
    assert can_decode(DEFLATED_FRAMES) and can_encode(DEFLATED_FRAMES)


def test_video_syntax_says_dicomkit_has_no_codec() -> None:
    uid = uids.MPEG2MPML
    assert not can_decode(uid) and not can_encode(uid)
    with pytest.raises(CodecUnavailableError, match="dicomkit has no codec") as err:
        decode_frame(b"\x00\x00\x01\xb3", layout(2, 2, ts=uid), frame=0)
    assert uid in str(err.value) and TRANSFER_SYNTAXES[uid].name in str(err.value)
    assert isinstance(err.value, PixelDataError) and err.value.extra == ""


def test_missing_library_names_the_syntax_and_the_pip_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_available", {})
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "imagecodecs" else real(name, *a))
    uid = uids.JPEGLSLossless
    assert not can_decode(uid) and not can_encode(uid)
    with pytest.raises(CodecUnavailableError) as err:
        encode_frame(np.zeros((2, 2), np.uint8), layout(2, 2, ts=uid), uid)
    message = str(err.value)
    assert "pip install 'dicomkit[jpegls]'" in message
    assert uid in message and "JPEG-LS Lossless Image Compression" in message
    assert can_decode(DEFLATED_FRAMES)  # needs no library


def test_failed_import_inside_a_codec_gives_codec_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "imagecodecs", None)  # makes "import imagecodecs" fail
    with pytest.raises(CodecUnavailableError, match=r"pip install 'dicomkit\[rle\]'"):
        load_library("imagecodecs", uids.RLELossless, "rle")


def test_decode_only_syntax_refuses_to_encode() -> None:
    need_imagecodecs()
    uid = uids.JPEG2000MC
    with pytest.raises(CodecUnavailableError, match="cannot encode"):
        encode_frame(np.zeros((2, 2, 3), np.uint8), layout(2, 2, samples=3, ts=uid), uid)


def test_extras_name_the_codec_library() -> None:
    assert set(registry.EXTRAS) == {"jpeg", "jpegls", "jpeg2000", "rle"}


def test_each_extra_is_declared_in_pyproject_with_its_library() -> None:
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    extras = project["project"]["optional-dependencies"]
    for extra, library in {**registry.EXTRAS, "codecs": registry.LIBRARY}.items():
        assert any(req.startswith(library) for req in extras[extra]), extra
    assert any(req.startswith(registry.LIBRARY) for req in extras["test"])
