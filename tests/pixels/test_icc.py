"""ICC profiles (PS3.3 C.11.15) applied with littlecms through Pillow, against pydicom's
``apply_icc_profile`` on pydicom's bundled colour images and its crayons.icc profile."""

from __future__ import annotations

import numpy as np
import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.pixels.icc import apply_icc_profile, icc_profile
from dicomkit.pixels.info import PixelDataError
from tests.samples import sample

pytest.importorskip("PIL.ImageCms")
pydicom = pytest.importorskip("pydicom")
from pydicom.pixels import apply_icc_profile as pydicom_apply  # noqa: E402


@pytest.mark.parametrize("name", ["examples_rgb_color.dcm", "SC_rgb_rle_2frame.dcm",
                                  "SC_rgb_small_odd.dcm"])
@pytest.mark.parametrize("intent", [None, 0, 1, 2, 3])
def test_equals_pydicom(name: str, intent: int | None) -> None:
    profile = sample("crayons.icc").read_bytes()
    ds = dicomkit.read(sample(name))
    ds.add_new("ICCProfile", "OB", profile)
    rgb = ds.pixel_array
    ours = apply_icc_profile(rgb, ds, intent=intent)
    ref = pydicom.dcmread(sample(name))
    ref.ICCProfile = profile
    theirs = pydicom_apply(ref.pixel_array.copy(), ref, intent=intent)
    assert np.array_equal(ours, theirs)
    assert ours.shape == rgb.shape and ours is not rgb


def test_the_profile_changes_colours() -> None:
    ds = dicomkit.read(sample("SC_rgb_rle_2frame.dcm"))
    ds.add_new("ICCProfile", "OB", sample("crayons.icc").read_bytes())
    rgb = ds.pixel_array
    assert not np.array_equal(apply_icc_profile(rgb, ds), rgb)


def test_profile_of_an_optical_path() -> None:
    ds = Dataset()
    item = Dataset()
    item.add_new("ICCProfile", "OB", b"abcd")
    ds.OpticalPathSequence = [Dataset(), item]
    assert icc_profile(ds) is None
    assert icc_profile(ds, optical_path=1) == b"abcd"


def test_errors() -> None:
    rgb = np.zeros((4, 4, 3), np.uint8)
    with pytest.raises(PixelDataError, match="no ICC Profile"):
        apply_icc_profile(rgb, Dataset())
    with pytest.raises(PixelDataError, match="cannot make a transform"):
        apply_icc_profile(rgb, profile=b"not a profile at all" * 10)
    good = sample("crayons.icc").read_bytes()
    with pytest.raises(PixelDataError, match="8-bit RGB"):
        apply_icc_profile(rgb.astype(np.uint16), profile=good)
    with pytest.raises(PixelDataError, match="8-bit RGB"):
        apply_icc_profile(rgb[..., 0], profile=good)
    with pytest.raises(PixelDataError, match="rendering intent 7"):
        apply_icc_profile(rgb, profile=good, intent=7)


def test_mutated_profiles_raise_only_pixel_errors() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    good = sample("crayons.icc").read_bytes()
    rgb = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, len(good) - 1), st.integers(0, 255)), max_size=6),
           st.integers(0, len(good)))
    def check(edits: list[tuple[int, int]], cut: int) -> None:
        data = bytearray(good)
        for offset, byte in edits:
            data[offset] = byte
        try:
            out = apply_icc_profile(rgb, profile=bytes(data[:cut]) or b"x")
            assert out.shape == rgb.shape
        except PixelDataError:
            pass

    check()


def test_render_applies_the_profile_unless_told_not_to() -> None:
    from dicomkit.pixels.render import render

    profile = sample("crayons.icc").read_bytes()
    ds = dicomkit.read(sample("SC_rgb_rle_2frame.dcm"))
    plain = render(ds, frame=1)
    ds.add_new("ICCProfile", "OB", profile)
    ref = pydicom.dcmread(sample("SC_rgb_rle_2frame.dcm"))
    ref.ICCProfile = profile
    expected = pydicom_apply(ref.pixel_array[1].copy(), ref)
    assert np.array_equal(render(ds, frame=1), expected)
    assert np.array_equal(render(ds, frame=1, apply_icc=True), expected)
    assert np.array_equal(render(ds, frame=1, apply_icc=False), plain)
    assert not np.array_equal(expected, plain)
