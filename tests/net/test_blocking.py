"""The blocking facade and wrappers for scripts: serve_blocking in one process; connect (one
association across calls), echo_blocking and store_blocking in another."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import dicomkit
from dicomkit.net.services.storage import StorageSCU
from dicomkit.net.services.verification import echo_blocking

SERVER = """
import sys
from dicomkit.net.services.storage import StorageSCP
StorageSCP(sys.argv[1]).serve_blocking("127.0.0.1", int(sys.argv[2]))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_listening(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the blocking SCP exited early"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the blocking SCP did not start listening")


def test_blocking_echo_and_store_against_a_blocking_scp(tmp_path: Path) -> None:
    port = _free_port()
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(out), str(port)])
    try:
        _wait_listening(port, proc)
        assert echo_blocking("127.0.0.1", port, called_ae="ANY-SCP") == 0x0000
        ds = dicomkit.Dataset.new("SecondaryCaptureImageStorage")
        ds.PatientID = "BLOCKING"
        ds.StudyInstanceUID = "1.2.3"
        ds.SeriesInstanceUID = "1.2.3.4"
        ds.Rows = ds.Columns = 2
        ds.BitsAllocated = 8
        ds.add_new(0x7FE00010, "OB", bytes(4))
        source = tmp_path / "sc.dcm"
        dicomkit.write(source, ds)
        results = StorageSCU("127.0.0.1", port).store_blocking([source])
        assert [r.status for r in results] == [0x0000]
        stored = out / "BLOCKING" / "1.2.3" / "1.2.3.4" / f"{ds.SOPInstanceUID}.dcm"
        assert dicomkit.read(stored).PatientID == "BLOCKING"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_one_blocking_association_serves_echoes_stores_and_requests(tmp_path: Path) -> None:
    from dicomkit.net import connect
    from dicomkit.net.dimse import c_echo_rq
    from dicomkit.net.services.storage import contexts_for

    port = _free_port()
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(out), str(port)])
    try:
        _wait_listening(port, proc)
        sources = []
        for n in range(3):
            ds = dicomkit.Dataset.new("SecondaryCaptureImageStorage")
            ds.PatientID = "FACADE"
            ds.StudyInstanceUID = "1.2.3"
            ds.SeriesInstanceUID = "1.2.3.4"
            ds.Rows = ds.Columns = 2
            ds.BitsAllocated = 8
            ds.add_new(0x7FE00010, "OB", bytes([n]) * 4)
            sources.append(tmp_path / f"sc{n}.dcm")
            dicomkit.write(sources[-1], ds)
        contexts = [*contexts_for([(str(ds.SOPClassUID), "1.2.840.10008.1.2.1")], first_id=3)]
        from dicomkit.net import PresentationContext

        contexts.append(PresentationContext(1, "1.2.840.10008.1.1", ("1.2.840.10008.1.2",)))
        with connect("127.0.0.1", port, called_ae="ANY-SCP", contexts=contexts) as assoc:
            assert assoc.echo() == 0
            assert [r.status for r in assoc.store(sources[:2])] == [0, 0]
            assert assoc.echo() == 0
            [response] = list(assoc.request(1, c_echo_rq(99)))
            assert response.status == 0 and response.message.message_id_being_responded_to == 99
            assert [r.status for r in assoc.store(sources[2:])] == [0]
            association = assoc.association
        assert association.ended is not None and "released" in str(association.ended)
        assert len(list(out.rglob("*.dcm"))) == 3
    finally:
        proc.terminate()
        proc.wait(timeout=20)
