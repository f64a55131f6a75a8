"""``dicomkit dump``: dcmdump-like text of real files, JSON output, errors per file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dicomkit.cli.main import main
from tests.conftest import missing
from tests.samples import sample_str as sample

_TAG_LINE = re.compile(r"^( *)\(([0-9a-f]{4}),([0-9a-f]{4})\) ")


def structure(text: str) -> list[tuple[int, str]]:
    """(indentation, tag) of each element line: the nesting and order of the listing."""
    out = []
    for line in text.splitlines():
        m = _TAG_LINE.match(line)
        if m:
            out.append((len(m.group(1)), m.group(2) + m.group(3)))
    return out


def dump(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["dump", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# files of different transfer syntaxes, with nested sequences (rtplan), encapsulated pixel data
# (JPEG2000), big endian (MR_small_bigendian), a UN sequence of undefined length (UN_sequence)
@pytest.mark.parametrize("name", ["rtplan.dcm", "CT_small.dcm", "JPEG2000.dcm",
                                  "MR_small_bigendian.dcm", "UN_sequence.dcm", "image_dfl.dcm"])
def test_dump_lists_the_same_tags_in_the_same_nesting_as_dcmdump(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("dcmdump") is None:
        missing("dcmdump (apt-get install dcmtk)")
    path = sample(name)
    status, out, _ = dump(capsys, path)
    assert status == 0
    theirs = subprocess.run(["dcmdump", path], capture_output=True, text=True, check=True).stdout
    assert structure(out) == structure(theirs)
    assert "# Dicom-Data-Set" in out and "# Used TransferSyntax:" in out


def test_dump_lines_follow_the_dcmdump_layout(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = dump(capsys, sample("rtplan.dcm"))
    assert status == 0
    lines = out.splitlines()
    assert lines[1] == "# Dicom-File-Format"
    assert "# Dicom-Meta-Information-Header" in lines
    name = next(line for line in lines if line.startswith("(0010,0010)"))
    assert name == ("(0010,0010) PN [Last^First^mid^pre]" + " " * 21 + "#  18, 1 PatientName")
    empty = next(line for line in lines if line.startswith("(0008,0050)"))
    assert "(no value available)" in empty and "#   0, 0 AccessionNumber" in empty
    seq = next(line for line in lines if line.startswith("(300a,0010)"))
    assert "(Sequence with explicit length #=2)" in seq and "# 324, 1" in seq
    assert any(line.startswith("  (fffe,e000) na (Item with explicit length #=7)")
               and "# 170, 1 Item" in line for line in lines)


def test_dump_cuts_long_values_at_max_width(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = dump(capsys, "--max-width", "20", sample("rtplan.dcm"))
    line = next(line for line in out.splitlines() if line.startswith("(0020,000d)"))
    shown = line.split(" # ")[0].split(" UI ")[1].rstrip()
    assert shown.endswith("...") and len(shown) == 20


def test_dump_shows_binary_values_as_hex_words_and_encapsulated_fragments(
        capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = dump(capsys, sample("CT_small.dcm"))
    meta_version = next(line for line in out.splitlines() if line.startswith("(0002,0001)"))
    assert meta_version.startswith("(0002,0001) OB 00\\01 ")
    _, out, _ = dump(capsys, sample("JPEG2000.dcm"))
    assert "(7fe0,0010) OB (PixelSequence #=2)" in out
    assert "  (fffe,e000) pi ff\\4f\\ff\\51" in out


def test_dump_does_not_load_deferred_pixel_data(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = dump(capsys, sample("MR_small.dcm"))
    assert re.search(r"^\(7fe0,0010\) OW \(not loaded\) +# 8192, 1 PixelData$", out, re.MULTILINE)


def test_dump_no_meta_leaves_out_group_0002(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = dump(capsys, "--no-meta", sample("CT_small.dcm"))
    assert "(0002," not in out and "(0008,0016)" in out


def test_dump_of_several_files_heads_each_and_goes_on_after_a_bad_one(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.dcm"
    bad.mkdir()  # a directory: it cannot be read at all
    status, out, err = dump(capsys, sample("CT_small.dcm"), str(bad), sample("rtplan.dcm"))
    assert status == 1
    assert f"# File (1/3): {sample('CT_small.dcm')}" in out
    assert f"# File (3/3): {sample('rtplan.dcm')}" in out
    assert str(bad) in err
    status, _, err = dump(capsys, str(tmp_path / "absent.dcm"))
    assert status == 1 and "absent.dcm" in err


def test_dump_json_prints_the_dicom_json_model(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = dump(capsys, "--json", "--no-meta", sample("rtplan.dcm"))
    assert status == 0
    doc = json.loads(out)
    assert doc["00100010"] == {"vr": "PN", "Value": [{"Alphabetic": "Last^First^mid^pre"}]}
    assert doc["00200011"] == {"vr": "IS", "Value": [2]}
    assert doc["300A0010"]["Value"][0]["300A0012"] == {"vr": "IS", "Value": [1]}
    status, out, _ = dump(capsys, "--json", sample("rtplan.dcm"), sample("CT_small.dcm"))
    docs = json.loads(out)
    # the JSON model has no file meta (PS3.18 F.2): group 0002 is left out with or without
    # --no-meta
    assert isinstance(docs, list) and len(docs) == 2 and "00020010" not in docs[1]
    assert "00080016" in docs[1]


@pytest.mark.parametrize("name", ["CT_small.dcm", "JPEG2000.dcm", "rtplan.dcm"])
def test_dump_prints_damaged_data_sets_without_failing(name: str) -> None:
    import dicomkit
    from dicomkit.cli.dump import dump_text

    data = Path(sample(name)).read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 80)):
        variant = data[:cut] + b"\xff" * 3 + data[cut + 3:]
        try:
            ds = dicomkit.read(variant)
        except dicomkit.InvalidDicomError:
            continue
        text = dump_text(ds, max_width=40)
        assert "# Dicom-Data-Set" in text
