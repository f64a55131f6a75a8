"""``dicomkit transcode`` and ``dicomkit render`` run in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

import dicomkit
from dicomkit.cli.main import main
from dicomkit.generated import uids
from dicomkit.pixels.array import pixel_array
from dicomkit.pixels.render import render
from tests.samples import sample_str as sample


def test_transcode_one_file_to_rle(tmp_path: Path) -> None:
    out = tmp_path / "out.dcm"
    assert main(["transcode", sample("CT_small.dcm"), str(out), "--to", "RLELossless"]) == 0
    back = dicomkit.read(out)
    assert back.file_meta["TransferSyntaxUID"].value == uids.RLELossless
    np.testing.assert_array_equal(pixel_array(back), pixel_array(dicomkit.read(sample("CT_small.dcm"))))


def test_transcode_a_folder_writes_each_file_by_name(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("CT_small.dcm", "MR_small.dcm"):
        shutil.copy(sample(name), src / name)
    assert main(["transcode", str(src), str(tmp_path / "out"), "--to", "1.2.840.10008.1.2.5"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["CT_small.dcm", "MR_small.dcm"]
    for name in ("CT_small.dcm", "MR_small.dcm"):
        assert dicomkit.read(tmp_path / "out" / name).file_meta["TransferSyntaxUID"].value == uids.RLELossless


def test_failing_input_leaves_no_partial_file_and_exits_1(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sample("CT_small.dcm"), src / "good.dcm")
    shutil.copy(sample("MR_truncated.dcm"), src / "bad.dcm")  # pixel data shorter than declared
    out = tmp_path / "out"
    assert main(["transcode", str(src), str(out), "--to", "RLELossless"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["good.dcm"]
    assert "bad.dcm" in capsys.readouterr().err


def test_render_writes_a_png_with_the_window_given(tmp_path: Path) -> None:
    image_module = pytest.importorskip("PIL.Image")
    out = tmp_path / "ct.png"
    assert main(["render", sample("CT_small.dcm"), "-o", str(out), "--window", "40,400"]) == 0
    expected = render(dicomkit.read(sample("CT_small.dcm")), window=(40, 400))
    with image_module.open(out) as png:
        np.testing.assert_array_equal(np.asarray(png), expected)
    assert [p.name for p in tmp_path.iterdir()] == ["ct.png"]


def test_render_of_an_enhanced_frame_uses_its_functional_groups(tmp_path: Path) -> None:
    import numpy as np
    from PIL import Image

    from dicomkit.objects.frames import display_values
    from tests.objects.enhanced import enhanced_ct, to_bytes

    src = tmp_path / "enhanced.dcm"
    src.write_bytes(to_bytes(enhanced_ct(slices=2, times=2)))
    out = tmp_path / "frame.png"
    assert main(["render", str(src), "--frame", "3", "-o", str(out)]) == 0
    ds = dicomkit.read(src)
    assert np.array_equal(np.asarray(Image.open(out)), display_values(ds, 3))
    assert not np.array_equal(display_values(ds, 3), render(ds, frame=3))  # top level: none
