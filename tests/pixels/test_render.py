"""render: the PS3.4 N.2 grayscale pipeline to 8 bits, colour to RGB, PNG output."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import dicomkit
from dicomkit.pixels.array import pixel_array
from dicomkit.pixels.lut import palette_to_rgb
from dicomkit.pixels.render import render, save_png
from tests.samples import sample_str

pydicom = pytest.importorskip("pydicom")
from pydicom.pixels import apply_modality_lut, apply_voi_lut  # noqa: E402


def _ct() -> tuple[dicomkit.Dataset, object]:
    path = sample_str("CT_small.dcm")
    ds, ref = dicomkit.read(path), pydicom.dcmread(path)
    for d in (ds, ref):
        d.WindowCenter, d.WindowWidth = "40", "400"
    return ds, ref


def test_ct_with_its_window_equals_pydicom_scaled_to_8_bits() -> None:
    ds, ref = _ct()
    got = render(ds)
    values = apply_voi_lut(apply_modality_lut(ref.pixel_array, ref), ref)
    # pydicom maps the window onto the rescaled stored range (-32768..32767) * 1 - 1024
    low, high = -32768 - 1024, 32767 - 1024
    expected = np.rint((values - low) / (high - low) * 255)
    assert got.dtype == np.uint8 and got.shape == (128, 128)
    assert np.abs(got.astype(int) - expected).max() <= 1
    assert got.min() == 0 and got.max() == 255  # the window clips both ends on this CT


def test_window_override_replaces_the_files_window() -> None:
    ds, _ = _ct()
    hu = pixel_array(ds).astype(float) - 1024
    got = render(ds, window=(0, 2001))
    expected = np.clip(((hu + 0.5) / 2000 + 0.5), 0, 1) * 255
    assert np.abs(got.astype(int) - np.rint(expected)).max() <= 1
    assert not np.array_equal(got, render(ds))


def test_monochrome1_is_inverted() -> None:
    ds, _ = _ct()
    plain = render(ds)
    ds.PhotometricInterpretation = "MONOCHROME1"
    np.testing.assert_array_equal(render(ds), 255 - plain)


def test_no_window_stretches_the_frame_range() -> None:
    ds = dicomkit.read(sample_str("CT_small.dcm"))
    got = render(ds)
    assert got.min() == 0 and got.max() == 255


@pytest.mark.parametrize("name", ["SC_rgb_small_odd.dcm", "SC_ybr_full_422_uncompressed.dcm",
                                  "examples_palette.dcm", "SC_rgb_rle_16bit.dcm"])
def test_colour_images_render_as_rgb_uint8(name: str) -> None:
    ds = dicomkit.read(sample_str(name))
    got = render(ds)
    assert got.dtype == np.uint8 and got.ndim == 3 and got.shape[-1] == 3
    rgb = pixel_array(ds, 0 if "frame" in name else None)
    if str(ds.PhotometricInterpretation) == "PALETTE COLOR":
        rgb = palette_to_rgb(rgb, ds)
    if rgb.dtype == np.uint16:
        rgb = np.rint(rgb / 65535 * 255)
    assert np.abs(got.astype(int) - rgb.astype(int)).max() <= 1


def test_save_png_writes_what_pillow_reads_back(tmp_path: Path) -> None:
    image_module = pytest.importorskip("PIL.Image")
    for name, image in (("grey.png", render(_ct()[0])),
                        ("rgb.png", render(dicomkit.read(sample_str("SC_rgb_small_odd.dcm"))))):
        save_png(image, tmp_path / name)
        with image_module.open(tmp_path / name) as png:
            np.testing.assert_array_equal(np.asarray(png), image)
