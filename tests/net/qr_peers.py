"""Query/Retrieve peers for the Q/R SCU tests: dcmtk's ``dcmqrscp`` over a storage area that
``dcmqridx`` indexes, and pynetdicom's Q/R SCP (``tests/net/pynetdicom_qr_scp.py``), each on
a free loopback port, stopped at the end of the block.

The sample data: pydicom's bundled files (``tests/samples.py``) of seven patients, each its
own study, in native transfer syntaxes.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from tests.net.peers import DCMTK_ENV, HERE, Peer, PeerError, _server, dcmtk_tool, run_storescu
from tests.samples import sample

#: (file, Patient ID, Study Date) of the Q/R sample set: one study per patient.
QR_SAMPLES: tuple[tuple[str, str, str], ...] = (
    ("CT_small.dcm", "1CT1", "20040119"),
    ("MR_small.dcm", "4MR1", "20040826"),
    ("rtplan.dcm", "id00001", "20030716"),
    ("rtdose.dcm", "id11111", "20030805"),
    ("waveform_ecg.dcm", "642341", "20130125"),
    ("liver_1frame.dcm", "99000", "20030417"),
    ("examples_overlay.dcm", "021234567", "20051130"),
)


def qr_files() -> list[Path]:
    """The Q/R sample files (pinned pydicom samples)."""
    return [sample(name) for name, _, _ in QR_SAMPLES]


#: The most studies dcmqrscp keeps in one storage area (it says "maxStudiesPerStorageArea too
#: large, setting to 500" above it, and deletes the oldest studies past its quota).
MAX_STUDIES = 500

_CONFIG = """\
NetworkTCPPort  = {port}
MaxPDUSize      = 16384
MaxAssociations = 16

HostTable BEGIN
{hosts}
HostTable END

VendorTable BEGIN
VendorTable END

AETable BEGIN
{aet} {storage} RW ({studies}, 1024mb) ANY
AETable END
"""


@contextlib.contextmanager
def dcmqrscp(folder: Path, files: Sequence[Path], *, aet: str = "DCMQRSCP",
             destinations: Mapping[str, tuple[str, int]] | None = None,
             extra: Sequence[str] = ()) -> Iterator[Peer]:
    """dcmtk ``dcmqrscp`` serving ``files`` (of at most :data:`MAX_STUDIES` studies), copied
    into its storage area and indexed with ``dcmqridx`` (up to 200 files; more are stored with
    ``storescu``); ``destinations`` are its move destinations (AE title -> host, port, its
    HostTable)."""
    tool, index = dcmtk_tool("dcmqrscp"), dcmtk_tool("dcmqridx")
    if tool is None or index is None:
        raise PeerError("dcmtk dcmqrscp / dcmqridx not found")
    storage = folder / "storage"
    storage.mkdir(parents=True, exist_ok=True)
    # dcmqridx keeps at most 200 studies (its built-in quota; it reads no configuration):
    # larger sets are stored through dcmqrscp itself with storescu, under the quota below
    by_index = len(files) <= 200
    if by_index:
        copies = []
        for n, path in enumerate(files):
            copy = storage / f"{n:04d}_{path.name}"
            shutil.copyfile(path, copy)
            copies.append(copy)
        result = subprocess.run([index, str(storage), *map(str, copies)], capture_output=True,
                                text=True, timeout=60)
        if result.returncode != 0:
            raise PeerError(f"dcmqridx -> {result.returncode}\n{result.stdout}{result.stderr}")
    hosts = "\n".join(f"{title.lower()} = ({title}, {host}, {port})"
                      for title, (host, port) in (destinations or {}).items())

    def argv(port: int) -> list[str]:
        config = folder / f"dcmqrscp-{port}.cfg"
        # its quota: at most this many studies (more are deleted, oldest first); 500 is the
        # most dcmqrscp allows per storage area
        config.write_text(_CONFIG.format(port=port, hosts=hosts, aet=aet, storage=storage,
                                         studies=MAX_STUDIES))
        # the default fork mode (one child per association): in single-process mode (-s)
        # dcmqrscp 3.6.7 crashes (SIGSEGV) on the release of an association that moved
        return [tool, "-c", str(config), *extra, str(port)]

    with _server("dcmqrscp", argv, folder / "out", aet, folder / "logs", DCMTK_ENV) as peer:
        if not by_index:
            for start in range(0, len(files), 500):
                run_storescu(peer.host, peer.port, files[start:start + 500], aec=aet)
        yield peer


@contextlib.contextmanager
def pynetdicom_qr_scp(folder: Path, files: Sequence[Path], *, aet: str = "PYNQR",
                      destinations: Mapping[str, tuple[str, int]] | None = None,
                      pending_delay: float = 0.0, relational: bool = False) -> Iterator[Peer]:
    """pynetdicom's Q/R SCP (``tests/net/pynetdicom_qr_scp.py``) over ``files``."""
    script = str(HERE / "pynetdicom_qr_scp.py")
    extra = [a for title, (host, port) in (destinations or {}).items()
             for a in ("--dest", f"{title}={host}:{port}")]
    if pending_delay:
        extra += ["--delay", str(pending_delay)]
    if relational:
        extra.append("--relational")

    def argv(port: int) -> list[str]:
        return [sys.executable, script, str(port), *map(str, files), "--aet", aet, *extra]

    # it loads every file before listening: about 1.5 ms a file here
    with _server("pynetdicom-qr", argv, folder / "out", aet, folder / "logs",
                 listen_timeout=15.0 + 0.01 * len(files)) as peer:
        yield peer


@pytest.fixture(scope="session")
def dcmqrscp_peer() -> None:
    """Skip (fail in CI) unless dcmtk's dcmqrscp and dcmqridx are installed."""
    from tests.conftest import missing

    for tool in ("dcmqrscp", "dcmqridx"):
        if dcmtk_tool(tool) is None:
            missing(f"dcmtk {tool} (apt-get install -y dcmtk)")
