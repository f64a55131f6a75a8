"""``dicomkit serve`` as a process: DIMSE and DICOMweb over one archive.  pynetdicom stores an
instance by C-STORE that QIDO-RS then finds; an instance stored by STOW-RS is found by
pynetdicom's C-FIND; SIGTERM stops both with status 0."""

from __future__ import annotations

import contextlib
import io
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dicomkit.web.multipart import Part, content_type, iter_multipart, make_boundary
from tests.archive.make import instance, uid


@contextlib.contextmanager
def serve(folder: Path, *extra: str) -> Iterator[tuple[str, int, subprocess.Popen[str]]]:
    """``dicomkit serve`` on free loopback ports: (DICOMweb URL, DIMSE port, process)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "dicomkit.cli.main", "serve", str(folder / "archive"),
         "--http-port", "0", "--dimse-port", "0", "--aet", "DKSERVE", "--quiet", *extra],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    url, port, seen = None, None, []
    try:
        deadline = time.monotonic() + 60
        assert proc.stderr is not None
        while url is None or port is None:
            line = proc.stderr.readline()
            seen.append(line)
            if not line and proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("dicomkit serve did not start: " + "".join(seen))
            m = re.search(r"DICOMweb on (http://\S+),", line)
            if m:
                url = m.group(1)
            m = re.search(r"DIMSE on [\d.]+:(\d+) as", line)
            if m:
                port = int(m.group(1))
        yield url, port, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_serve_runs_dimse_and_dicomweb_over_one_archive(tmp_path: Path) -> None:
    pynetdicom = pytest.importorskip("pynetdicom")
    import pydicom
    from pynetdicom.sop_class import CTImageStorage, StudyRootQueryRetrieveInformationModelFind

    st1, st2 = uid(), uid()
    with serve(tmp_path) as (url, port, proc):
        ae = pynetdicom.AE(ae_title="PYNET")
        ae.add_requested_context(CTImageStorage)
        ae.add_requested_context(StudyRootQueryRetrieveInformationModelFind)
        assoc = ae.associate("127.0.0.1", port, ae_title="DKSERVE")
        assert assoc.is_established
        ds = pydicom.dcmread(io.BytesIO(instance(st1, uid(), uid())))
        assert assoc.send_c_store(ds).Status == 0
        # DICOMweb finds what DIMSE stored
        found = httpx.get(f"{url}/studies", params={"StudyInstanceUID": st1})
        assert found.status_code == 200 and st1 in found.text
        # ... and DIMSE finds what DICOMweb stored
        boundary = make_boundary()
        body = b"".join(iter_multipart([Part(instance(st2, uid(), uid()),
                                             content_type="application/dicom")], boundary))
        r = httpx.post(f"{url}/studies", content=body,
                       headers={"Content-Type": content_type(boundary, "application/dicom")})
        assert r.status_code == 200, r.text
        query = pydicom.Dataset()
        query.QueryRetrieveLevel = "STUDY"
        query.StudyInstanceUID = ""
        answers = [i.StudyInstanceUID for s, i in
                   assoc.send_c_find(query, StudyRootQueryRetrieveInformationModelFind)
                   if s.Status in (0xFF00, 0xFF01)]
        assert sorted(answers) == sorted([st1, st2])
        assoc.release()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0


def test_serve_refuses_a_port_in_use(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "dicomkit.cli.main", "serve", str(tmp_path / "a"),
             "--http-port", str(busy), "--no-dimse"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "cannot listen" in result.stderr
