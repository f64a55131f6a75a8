"""A real Orthanc with its DICOMweb plugin (Debian: ``apt-get install orthanc orthanc-dicomweb``,
Orthanc 1.10.1, plugin 1.7), started by the tests on free loopback ports with its storage in a
temporary folder and stopped after them.  Missing, it skips, or fails under
``DICOMKIT_REQUIRE_ALL`` (tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import missing

#: Where Debian's orthanc-dicomweb puts the plugin (``dpkg -L orthanc-dicomweb``).
PLUGIN_DIRS = (Path("/usr/share/orthanc/plugins"), Path("/usr/lib/orthanc"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _plugin_dir() -> Path | None:
    for d in PLUGIN_DIRS:
        if d.is_dir() and any("DicomWeb" in p.name for p in d.iterdir()):
            return d
    return None


@contextlib.contextmanager
def orthanc(tmp: Path, users: dict[str, str] | None = None) -> Iterator[str]:
    """Run Orthanc in ``tmp``; yields the DICOMweb root URL (``http://127.0.0.1:PORT/dicom-web``).

    ``users`` (name -> password) turns on HTTP basic authentication."""
    exe = shutil.which("Orthanc") or ("/usr/sbin/Orthanc" if Path("/usr/sbin/Orthanc").exists()
                                      else None)
    plugins = _plugin_dir()
    if exe is None or plugins is None:
        missing("Orthanc with its DICOMweb plugin (apt-get install orthanc orthanc-dicomweb)")
        raise AssertionError("unreachable")
    http_port, dicom_port = _free_port(), _free_port()
    storage = tmp / "storage"
    storage.mkdir(parents=True, exist_ok=True)
    config = {
        "Name": "dicomkit-test", "HttpPort": http_port, "DicomPort": dicom_port,
        "StorageDirectory": str(storage), "IndexDirectory": str(storage),
        "Plugins": [str(plugins)], "RemoteAccessAllowed": False,
        "AuthenticationEnabled": bool(users), "RegisteredUsers": dict(users or {}),
        "HttpServerEnabled": True, "DicomServerEnabled": False,
        "DicomWeb": {"Enable": True, "Root": "/dicom-web/"},
    }
    path = tmp / "orthanc.json"
    path.write_text(json.dumps(config))
    log = (tmp / "orthanc.log").open("wb")
    proc = subprocess.Popen([exe, str(path)], stdout=log, stderr=subprocess.STDOUT, cwd=tmp)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/system", timeout=1) as r:
                    if r.status == 200:
                        break
            except urllib.error.HTTPError as exc:
                if exc.code == 401:  # up, and asking for the credentials it was given
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("Orthanc did not start: "
                                     + (tmp / "orthanc.log").read_text(errors="replace")[-2000:])
            time.sleep(0.1)
        yield f"http://127.0.0.1:{http_port}/dicom-web"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()
