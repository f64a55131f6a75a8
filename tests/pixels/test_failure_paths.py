"""Bad input to transcode, render and the render CLI gives clear errors and writes nothing."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.cli.main import main
from dicomkit.generated import uids
from dicomkit.pixels.info import PixelDataError
from dicomkit.pixels.render import render, save_png
from dicomkit.pixels.transcode import TranscodeError, transcode
from tests.samples import sample_str


def _sample(name: str) -> str:
    return sample_str(name)


def test_a_referenced_jpip_target_is_refused() -> None:
    with pytest.raises(TranscodeError, match="JPIP"):
        transcode(dicomkit.read(_sample("CT_small.dcm")), uids.JPIPReferenced)


def test_float_pixel_data_cannot_go_into_an_encapsulated_syntax() -> None:
    ds = dicomkit.Dataset()
    ds.Rows, ds.Columns, ds.SamplesPerPixel = 2, 2, 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.add_new(0x7FE00008, "OF", np.arange(4, dtype="<f4").tobytes())
    with pytest.raises(TranscodeError, match="integer Pixel Data only"):
        transcode(ds, uids.RLELossless)


def test_render_of_a_frame_that_does_not_exist_names_the_frame_count() -> None:
    with pytest.raises(PixelDataError, match="frame 3 does not exist: the image has 1 frame"):
        render(dicomkit.read(_sample("CT_small.dcm")), frame=3)


def test_save_png_without_pillow_names_the_extra(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    real_import = builtins.__import__

    def no_pil(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "PIL" or name.startswith("PIL."):
            raise ImportError("no PIL")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pil)
    with pytest.raises(PixelDataError, match=r"dicomkit\[render\]"):
        save_png(np.zeros((2, 2), np.uint8), tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("window", ["40", "a,b", "40,0"])
def test_render_cli_refuses_a_bad_window_and_writes_nothing(
        window: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.png"
    assert main(["render", _sample("CT_small.dcm"), "-o", str(out), "--window", window]) == 1
    assert "--window" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
