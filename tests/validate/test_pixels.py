"""Pixel description consistency (PS3.5 8.1.1, PS3.3 C.7.6.3.1.2) on real and changed headers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.validate import validate
from dicomkit.validate.pixels import check_pixels
from dicomkit.validate.report import Report
from tests.samples import sample


def pixel_rules(ds: Dataset) -> list[tuple[str, str]]:
    report = Report()
    check_pixels(ds, report)
    return [(f.rule, f.path) for f in report.findings]


@pytest.mark.parametrize("name", ["CT_small.dcm", "MR_small.dcm", "SC_rgb_small_odd.dcm",
                                  "SC_ybr_full_422_uncompressed.dcm", "SC_rgb_rle_2frame.dcm",
                                  "JPEG2000.dcm", "liver_1frame.dcm", "examples_palette.dcm"])
def test_consistent_samples_have_no_pixel_finding(name: str) -> None:
    assert pixel_rules(dicomkit.read(sample(name))) == []


def _set(keyword: str, value: object) -> Callable[[Dataset], None]:
    return lambda ds: ds.__setitem__(keyword, value)


@pytest.mark.parametrize(("name", "change", "rule", "path"), [
    ("CT_small.dcm", _set("HighBit", 16), "pixel-bits", "(0028,0102)"),
    ("CT_small.dcm", lambda ds: (_set("BitsStored", 17)(ds), _set("HighBit", 16)(ds)) and None,
     "pixel-bits", "(0028,0101)"),
    ("SC_rgb_small_odd.dcm", _set("PhotometricInterpretation", "MONOCHROME2"), "pixel-samples",
     "(0028,0002)"),
    ("CT_small.dcm", _set("PhotometricInterpretation", "RGB"), "pixel-samples", "(0028,0002)"),
    ("SC_ybr_full_422_uncompressed.dcm", _set("PlanarConfiguration", 1), "pixel-planar",
     "(0028,0006)"),
    ("CT_small.dcm", _set("Rows", 256), "pixel-length", "(7FE0,0010)"),
    ("SC_rgb_rle_2frame.dcm", _set("NumberOfFrames", 3), "", ""),  # encapsulated: not counted
    ("SC_rgb_small_odd.dcm", _set("NumberOfFrames", 2), "pixel-length", "(7FE0,0010)"),
])
def test_one_pixel_defect_gives_exactly_that_finding(
        name: str, change: Callable[[Dataset], None], rule: str, path: str) -> None:
    ds = dicomkit.read(sample(name))
    change(ds)
    assert pixel_rules(ds) == ([(rule, path)] if rule else [])


def test_bits_allocated_not_a_multiple_of_8() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    ds.BitsAllocated = 12
    ds.BitsStored = 12
    ds.HighBit = 11
    assert ("pixel-bits", "(0028,0100)") in pixel_rules(ds)


def test_pixel_data_length_is_found_by_validate_with_its_reference() -> None:
    """dciodvfy's "PixelData has incorrect value length" (MR_small_padded: 8320 bytes for 8192)."""
    report = validate(sample("MR_small_padded.dcm"))
    [finding] = report.by_rule("pixel-length")
    assert finding.reference == "PS3.5 8.1.1" and "8192" in finding.message
