"""The Clean Recognizable Visual Features Option (PS3.15 E.3.2, 2026c).

The clause: "if there is sufficient visual information within the Pixel Data of a set of
instances to allow an individual to be recognized ... then sufficient removal or distortion of
the Pixel Data shall be applied to prevent recognition.  This may require intervention of or
approval by a human operator.  The Attribute Recognizable Visual Features (0028,0302) shall be
added to the Data Set with a Value of "NO"."  So: an image saying YES, or saying nothing, is
cleaned by what the caller gives (a cleaner or operator-approved regions) and only then says
NO; without either it is refused; an image already saying NO is left alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.deid import (
    Deidentifier,
    DeidError,
    Mapper,
    OptionError,
    Profile,
    Region,
    clean_recognizable_visual_features,
    deidentify_file,
    needs_visual_cleaning,
)
from dicomkit.generated import deid as table
from dicomkit.generated import tags
from dicomkit.generated.deid import Option
from tests.samples import sample

VISUAL = ["clean-recognizable-visual-features"]


def _ct(rvf: str | None) -> Dataset:
    ds = dicomkit.read(sample("CT_small.dcm"))
    if rvf is not None:
        ds.RecognizableVisualFeatures = rvf
    return ds


def test_the_value_set_after_cleaning_is_read_from_the_clause() -> None:
    # E.3.2: '... (0028,0302) shall be added to the Data Set with a Value of "NO"'
    assert table.RECOGNIZABLE_VISUAL_FEATURES_CLEANED == "NO"
    assert needs_visual_cleaning(_ct("YES")) and needs_visual_cleaning(_ct(None))
    assert not needs_visual_cleaning(_ct("NO"))
    no_pixels = _ct("YES")
    del no_pixels.PixelData
    assert not needs_visual_cleaning(no_pixels)


@pytest.mark.parametrize("rvf", ["YES", None])
def test_an_image_that_may_show_a_face_is_refused_without_a_cleaner(rvf: str | None,
                                                                     tmp_path: Path) -> None:
    d = Deidentifier(Profile.of(VISUAL), Mapper("s"))
    ds = _ct(rvf)
    with pytest.raises(DeidError, match=r"\(0028,0302\) is (YES|absent).*give a cleaner or the "
                                        r"regions") as err:
        d.deidentify(ds, source="face.dcm")
    assert err.value.source == "face.dcm" and err.value.tag_path == "(0028,0302)"
    assert ds.get(tags.RecognizableVisualFeatures) is None or ds.RecognizableVisualFeatures == rvf
    # through the file layer nothing is written
    src = tmp_path / "in.dcm"
    dicomkit.write(src, ds)
    with pytest.raises(DeidError, match=r"in\.dcm.*\(0028,0302\)"):
        deidentify_file(src, tmp_path / "out.dcm", d)
    assert not (tmp_path / "out.dcm").exists()
    assert not [p for p in tmp_path.iterdir() if p.name != "in.dcm"]


def test_regions_blank_the_features_and_only_then_the_attribute_says_no() -> None:
    ds = _ct("YES")
    d = Deidentifier(Profile.of(VISUAL), Mapper("s"), visual_regions=[Region(10, 20, 60, 50)])
    out, report = d.deidentify(ds)
    low = -(1 << (int(ds.BitsStored) - 1)) if int(ds.PixelRepresentation) else 0
    assert (out.pixel_array[20:50, 10:60] == low).all()
    assert np.array_equal(out.pixel_array[50:], ds.pixel_array[50:])
    assert out.RecognizableVisualFeatures == "NO"
    assert ds.RecognizableVisualFeatures == "YES"  # the source is not changed
    codes = [i.CodeValue for i in out.DeidentificationMethodCodeSequence]
    assert table.OPTION_CODES[Option.CLEAN_RECOGNIZABLE_VISUAL_FEATURES].value in codes
    assert any(c.keyword == "RecognizableVisualFeatures" and "E.3.2" in c.detail
               for c in report.changes)
    assert any(c.keyword == "PixelData" and "blanked 1500 pixel(s)" in c.detail
               for c in report.changes)


def test_a_cleaner_gets_rgb_frames_of_a_jpeg_colour_image_and_its_result_is_written() -> None:
    ds = dicomkit.read(sample("examples_ybr_color.dcm"))
    seen: list[tuple[tuple[int, ...], Any]] = []

    def blur(frames: np.ndarray, given: Dataset) -> np.ndarray:
        seen.append((frames.shape, given.get(tags.SOPInstanceUID).value))
        out = frames.copy()
        out[:, 40:80, 100:200] = out[:, 40:80, 100:200].mean(axis=(1, 2), keepdims=True
                                                              ).astype(frames.dtype)
        return out

    out, report = Deidentifier(Profile.of(VISUAL), Mapper("s"),
                               visual_cleaner=blur).deidentify(ds)
    [(shape, _)] = seen
    assert shape == (int(ds.NumberOfFrames), int(ds.Rows), int(ds.Columns), 3)
    assert out.PhotometricInterpretation == "RGB" and out.RecognizableVisualFeatures == "NO"
    pixels = out.pixel_array
    assert pixels.shape == (int(ds.NumberOfFrames), int(ds.Rows), int(ds.Columns), 3)
    region = pixels[:, 40:80, 100:200]
    assert (region == region[:, :1, :1]).all()  # flat: the cleaner's mean was written
    assert any("the cleaner changed" in c.detail for c in report.changes)


def test_an_image_already_saying_no_is_left_alone_and_needs_no_cleaner() -> None:
    ds = _ct("NO")
    out, report = Deidentifier(Profile.of(VISUAL), Mapper("s")).deidentify(ds)
    assert np.array_equal(out.pixel_array, ds.pixel_array)
    assert out.RecognizableVisualFeatures == "NO"
    assert not any(c.keyword == "RecognizableVisualFeatures" for c in report.changes)


def test_a_failing_or_wrong_cleaner_is_refused_and_changes_nothing() -> None:
    ds = _ct("YES")
    original = ds.pixel_array.copy()

    def boom(frames: np.ndarray, given: Dataset) -> np.ndarray:
        raise RuntimeError("model not loaded")

    with pytest.raises(DeidError, match="cleaner failed: RuntimeError: model not loaded"):
        clean_recognizable_visual_features(ds, boom, source="x.dcm")
    with pytest.raises(DeidError, match="returned .*expected frames of shape"):
        clean_recognizable_visual_features(ds, lambda f, d: f[:, :10])
    with pytest.raises(DeidError, match="returned .*float64"):
        clean_recognizable_visual_features(ds, lambda f, d: f.astype(np.float64))
    with pytest.raises(DeidError, match="returned list"):
        clean_recognizable_visual_features(ds, lambda f, d: [])  # type: ignore[arg-type,return-value]
    assert ds.RecognizableVisualFeatures == "YES"
    assert np.array_equal(ds.pixel_array, original)


def test_a_cleaner_without_the_option_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="without the Clean Recognizable Visual Features"):
        Deidentifier(Profile(), visual_regions=[Region(0, 0, 1, 1)])
    with pytest.raises(OptionError, match="add the option 'clean-recognizable-visual"):
        Deidentifier(Profile(), visual_cleaner=lambda f, d: f)
    # without the option the attribute is not touched (no row of Table E.1-1 names it)
    out, _ = Deidentifier(Profile(), Mapper("s")).deidentify(_ct("YES"))
    assert out.RecognizableVisualFeatures == "YES"


def test_deidentify_command_with_the_option(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from dicomkit.cli.main import main

    src = tmp_path / "in"
    src.mkdir()
    (src / "ct.dcm").write_bytes(sample("CT_small.dcm").read_bytes())  # (0028,0302) absent
    out = tmp_path / "out"
    out.mkdir()
    assert main(["deidentify", str(src), str(out), "--option",
                 "clean-recognizable-visual-features", "--visual-region", "0,0,32,16",
                 "--secret", "k", "-q"]) == 0
    [written] = list(out.iterdir())
    ds = dicomkit.read(written)
    low = -(1 << (int(ds.BitsStored) - 1)) if int(ds.PixelRepresentation) else 0
    assert (ds.pixel_array[:16, :32] == low).all()
    assert ds.RecognizableVisualFeatures == "NO"
    refused = tmp_path / "o2"
    assert main(["deidentify", str(src), str(refused), "--option",
                 "clean-recognizable-visual-features", "-q"]) == 1
    err = capsys.readouterr().err
    assert "ct.dcm" in err and "(0028,0302) is absent" in err
    assert not refused.exists() or not list(refused.iterdir())
    assert main(["deidentify", str(src), str(tmp_path / "o3"), "--visual-region", "0,0,1,1",
                 "-q"]) == 2
    assert "without the Clean Recognizable Visual Features" in capsys.readouterr().err
    assert main(["deidentify", str(src), str(tmp_path / "o4"), "--option",
                 "clean-recognizable-visual-features", "--visual-region", "1,2", "-q"]) == 2
    assert "--visual-region '1,2': four integers" in capsys.readouterr().err


def test_dciodvfy_finds_no_new_error_in_a_visually_cleaned_file(tmp_path: Path) -> None:
    from tests.deid.test_files import _dciodvfy_errors

    d = Deidentifier(Profile.of([*VISUAL, "retain-uids"]), Mapper("s"),
                     visual_regions=[Region(0, 0, 16, 8)])
    report = deidentify_file(sample("CT_small.dcm"), tmp_path / "out.dcm", d)
    assert not report.error, report.error
    new = _dciodvfy_errors(report.target) - _dciodvfy_errors(sample("CT_small.dcm"))
    assert not new, sorted(new)
