"""Files that are not DICOM, given to ``dump``, ``validate``, ``store`` and ``render``.

Each command names every such file as "not DICOM" and exits 1; with several files it goes on
with the others first.  ``store`` never sends them (nor connects for them: the loopback port
here is never accepted from), ``render`` writes no PNG.  ``dump --json`` prints the DICOM JSON
model of the data set only, without group 0002 (PS3.18 F.2).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

import dicomkit
from dicomkit.cli.main import main
from dicomkit.web.json_model import to_json_dict
from tests.conftest import missing
from tests.samples import sample, sample_str


@pytest.fixture
def foreign(tmp_path: Path) -> list[Path]:
    """A text file, an empty file, and a PNG signature with a little of a PNG after it."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = folder / "notes.txt"
    text.write_text("root:x:0:0:root:/root:/bin/bash\n" * 20)
    empty = folder / "empty.dcm"
    empty.write_bytes(b"")
    png = folder / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    return [text, empty, png]


def _named_not_dicom(err: str, paths: list[Path]) -> None:
    for path in paths:
        lines = [line for line in err.splitlines() if str(path) in line]
        assert any("not DICOM" in line for line in lines), (path, err)


# -- dump --------------------------------------------------------------------------------------

def test_dump_names_each_file_that_is_not_dicom_and_prints_the_others(
        foreign: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    good = sample_str("CT_small.dcm")
    status = main(["dump", str(foreign[0]), good, *map(str, foreign[1:])])
    out, err = capsys.readouterr()
    assert status == 1
    _named_not_dicom(err, foreign)
    assert f"# File (2/4): {good}" in out and "(0010,0010) PN" in out
    assert "--force" in err
    # alone, each is an error too
    for path in foreign:
        assert main(["dump", str(path)]) == 1
        assert "not DICOM" in capsys.readouterr().err


def test_dump_force_prints_what_is_not_dicom(foreign: list[Path],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["dump", "--force", str(foreign[0])])
    out, err = capsys.readouterr()
    assert status == 0 and "# Dicom-Data-Set" in out and not err


def test_dump_json_of_files_that_are_not_dicom(foreign: list[Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    good = sample_str("rtplan.dcm")
    status = main(["dump", "--json", good, str(foreign[0])])
    out, err = capsys.readouterr()
    assert status == 1
    _named_not_dicom(err, foreign[:1])
    docs = json.loads(out)
    assert len(docs) == 1 and "300A0010" in docs[0]


@pytest.mark.parametrize("name", ["CT_small.dcm", "rtplan.dcm", "image_dfl.dcm"])
@pytest.mark.parametrize("no_meta", [False, True])
def test_dump_json_is_the_data_set_without_file_meta(
        name: str, no_meta: bool, capsys: pytest.CaptureFixture[str]) -> None:
    path = sample_str(name)
    status = main(["dump", "--json", *(["--no-meta"] if no_meta else []), path])
    doc = json.loads(capsys.readouterr().out)
    assert status == 0
    ds = dicomkit.read(path)
    assert ds.file_meta is not None and len(ds.file_meta)  # there is file meta to leave out
    assert not [key for key in doc if key.startswith("0002")]
    assert doc == json.loads(json.dumps(to_json_dict(ds)))


# -- validate ----------------------------------------------------------------------------------

def test_validate_reports_each_file_that_is_not_dicom_and_checks_the_others(
        foreign: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder = foreign[0].parent
    good = folder / "good.dcm"
    shutil.copyfile(sample("CT_small.dcm"), good)
    assert main(["validate", str(good)]) == 0  # the good file alone passes
    capsys.readouterr()
    status = main(["validate", str(folder)])
    out = capsys.readouterr().out
    assert status == 1
    _named_not_dicom(out, foreign)
    assert out.splitlines()[-1].startswith(f"{len(foreign) + 1} files, {len(foreign)} with errors")
    assert main(["validate", "--json", str(folder)]) == 1
    doc = json.loads(capsys.readouterr().out)
    failed = {r["source"] for r in doc["reports"] if not r["ok"]}
    assert failed == {str(p) for p in foreign}
    for report in doc["reports"]:
        if report["source"] in failed:
            assert "not DICOM" in report["findings"][0]["message"]


# -- store -------------------------------------------------------------------------------------

def test_store_refuses_files_that_are_not_dicom_before_connecting(
        foreign: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        listener.setblocking(False)
        port = listener.getsockname()[1]
        status = main(["store", "127.0.0.1", str(port), str(foreign[0].parent)])
        with pytest.raises(BlockingIOError):  # nobody connected
            listener.accept()
    out, err = capsys.readouterr()
    assert status == 1
    _named_not_dicom(err, foreign)
    assert f"0 of {len(foreign)} files stored" in out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_store_to_dcmtk_storescp_sends_the_dicom_files_and_not_the_others(
        foreign: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("storescp") is None:
        missing("dcmtk's storescp (apt-get install dcmtk)")
    received = tmp_path / "received"
    received.mkdir()
    port = _free_port()
    scp = subprocess.Popen(["storescp", "-od", str(received), "-aet", "ANY-SCP", str(port)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:  # until it listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or scp.poll() is not None:
                    pytest.fail("dcmtk storescp did not start")
                time.sleep(0.05)
        good = sample_str("CT_small.dcm")
        status = main(["store", "127.0.0.1", str(port), str(foreign[0]), good, str(foreign[1])])
    finally:
        scp.terminate()
        scp.wait(timeout=10)
    out, err = capsys.readouterr()
    assert status == 1
    _named_not_dicom(err, foreign[:2])
    assert "1 of 3 files stored" in out
    stored = list(received.iterdir())
    assert len(stored) == 1
    assert dicomkit.read(stored[0]).SOPInstanceUID == dicomkit.read(good).SOPInstanceUID


# -- render ------------------------------------------------------------------------------------

def test_render_refuses_a_file_that_is_not_dicom_and_writes_no_png(
        foreign: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for path in foreign:
        assert main(["render", str(path), "-o", str(out / "x.png")]) == 1
        _named_not_dicom(capsys.readouterr().err, [path])
    assert not list(out.iterdir())
