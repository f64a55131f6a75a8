"""``dicomkit storescp --archive`` with dcmtk's storescu as the sending peer: every file
stored is indexed, repeats are answered Success without a second copy, and the archive's
check agrees with its files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import dicomkit
from dicomkit.archive import Archive
from tests.archive.make import instance, uid
from tests.net.peers import HOST, free_port, run_storescu, stop, wait_listening


def _content(path: Path) -> tuple[str, bytes]:
    """SOP Instance UID and pixel data of a file (storescu re-encodes the data set it sends, so
    bytes are compared for the pixels; that the archive stores what it receives byte for byte
    is pinned by test_archive)."""
    ds = dicomkit.read(path)
    return str(ds.SOPInstanceUID), bytes(ds.PixelData)


@pytest.mark.usefixtures("dcmtk_peers")
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_dcmtk_storescu_into_storescp_archive(tmp_path: Path, backend: str,
                                              request: pytest.FixtureRequest) -> None:
    db = f"sqlite:///{tmp_path / 'index.sqlite'}"
    if backend == "postgresql":
        from tests.archive.pg import new_database

        db = new_database(request.getfixturevalue("postgres_server"))
    sources = tmp_path / "in"
    sources.mkdir()
    study = uid()
    files = []
    for n in range(6):
        path = sources / f"{n}.dcm"
        path.write_bytes(instance(study, uid() if n < 3 else "1.2.3.4", uid(), number=n,
                                  size=512 if n == 5 else 0))  # one of 512 kB: streamed
        files.append(path)
    port = free_port()
    log = tmp_path / "storescp.log"
    root = tmp_path / "arc"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "dicomkit.cli.main", "storescp",
                                 str(port), "--archive", str(root), "--db", db, "--bind", HOST],
                                stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        wait_listening(proc, port, log)
        run_storescu(HOST, port, files)
        run_storescu(HOST, port, files[:2])  # repeats: Success, nothing new
    finally:
        stop(proc)
    text = log.read_text(errors="replace")
    assert text.count("stored ") >= 6 and text.count("duplicate ") == 2, text
    with Archive(root, db=db) as archive:
        assert archive.count("IMAGE") == 6
        assert archive.count("SERIES") == 4
        [row] = archive.find("STUDY", StudyInstanceUID=study)
        assert row["NumberOfStudyRelatedInstances"] == 6
        stored = {_content(p) for p in archive.files.walk()}
        assert stored == {_content(f) for f in files}
        assert archive.check().ok


@pytest.mark.usefixtures("dcmtk_peers")
def test_dcmtk_storescu_other_content_under_a_stored_uid_is_refused_by_reject(
        tmp_path: Path) -> None:
    study, series, sop = uid(), uid(), uid()
    first, second = tmp_path / "first.dcm", tmp_path / "second.dcm"
    first.write_bytes(instance(study, series, sop, number=1))
    second.write_bytes(instance(study, series, sop, number=2))
    port = free_port()
    log = tmp_path / "storescp.log"
    root = tmp_path / "arc"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "dicomkit.cli.main", "storescp",
                                 str(port), "--archive", str(root), "--policy", "reject",
                                 "--bind", HOST],
                                stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        wait_listening(proc, port, log)
        run_storescu(HOST, port, [first])
        refused = run_storescu(HOST, port, [second], check=False, extra=["-v"])
    finally:
        stop(proc)
    # dcmtk names the status it received: Error: Cannot understand (C000H, PS3.4 B.2.3)
    assert "Received Store Response (Error: CannotUnderstand)" in refused.stderr, refused.stderr
    with Archive(root) as archive:
        [row] = archive.find("IMAGE", SOPInstanceUID=sop)
        assert row["InstanceNumber"] == 1
        assert not list(archive.files.incoming.iterdir())
        assert archive.check().ok
