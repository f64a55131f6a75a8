"""The blocking wrappers for scripts: serve_blocking in one process, echo/store_blocking in another."""

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
        source = tmp_path / "sc.dcm"
        dicomkit.write(source, ds)
        results = StorageSCU("127.0.0.1", port).store_blocking([source])
        assert [r.status for r in results] == [0x0000]
        stored = out / "BLOCKING" / "1.2.3" / "1.2.3.4" / f"{ds.SOPInstanceUID}.dcm"
        assert dicomkit.read(stored).PatientID == "BLOCKING"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
