"""Worklist entries for the Modality Worklist tests, and dcmtk's ``wlmscpfs`` serving them.

:func:`entries` are a few scheduled procedure steps (one with two Scheduled Procedure Step
items); :func:`wlmscpfs` writes them with our writer (bare data sets, Explicit VR Little
Endian, as ``.wl`` files in the folder named for the called AE title, with the ``lockfile``
dcmtk wants) and starts ``wlmscpfs -dfp`` on a free port.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence as DicomSequence
from dicomkit.generated import tags
from dicomkit.io.writer import encode_dataset
from tests.net.peers import DCMTK_ENV, Peer, PeerError, _server, dcmtk_tool

#: (patient ID, name, [(modality, date, station, step ID)])
PLAN = (
    ("P1", "DOE^JOHN", [("CT", "20240105", "CT1", "S1")]),
    ("P2", "ROE^JANE", [("MR", "20240105", "MR1", "S2")]),
    ("P3", "DOE^JANE", [("CT", "20240106", "CT1", "S3"), ("MR", "20240107", "MR1", "S4")]),
    ("P4", "POE^EDGAR", [("US", "20240110", "US1", "S5")]),
)


def entry(pid: str, name: str, steps: Sequence[tuple[str, str, str, str]], n: int) -> Dataset:
    ds = Dataset()
    ds.add_new(tags.SpecificCharacterSet, "CS", "ISO_IR 100")
    ds.add_new(tags.PatientName, "PN", name)
    ds.add_new(tags.PatientID, "LO", pid)
    ds.add_new(tags.PatientBirthDate, "DA", "19700101")
    ds.add_new(tags.PatientSex, "CS", "O")
    ds.add_new(tags.AccessionNumber, "SH", f"ACC{n}")
    ds.add_new(tags.StudyInstanceUID, "UI", f"1.2.826.0.1.3680043.2.1125.9.{n}")
    ds.add_new(tags.RequestedProcedureID, "SH", f"RP{n}")
    ds.add_new(tags.RequestedProcedureDescription, "LO", "Procedure")
    items = []
    for modality, date, station, step_id in steps:
        item = Dataset()
        item.add_new(tags.ScheduledStationAETitle, "AE", station)
        item.add_new(tags.ScheduledProcedureStepStartDate, "DA", date)
        item.add_new(tags.ScheduledProcedureStepStartTime, "TM", "080000")
        item.add_new(tags.Modality, "CS", modality)
        item.add_new(tags.ScheduledPerformingPhysicianName, "PN", "SMITH^J")
        item.add_new(tags.ScheduledProcedureStepDescription, "LO", f"Step {step_id}")
        item.add_new(tags.ScheduledProcedureStepID, "SH", step_id)
        items.append(item)
    ds.add_new(tags.ScheduledProcedureStepSequence, "SQ", DicomSequence(items))
    return ds


def entries(*, one_step_each: bool = False) -> list[Dataset]:
    """The entries of :data:`PLAN`; ``one_step_each``: one entry per scheduled procedure step
    (what dcmtk's wlmscpfs reads: it leaves out a file whose Scheduled Procedure Step Sequence
    has more than one item)."""
    if not one_step_each:
        return [entry(pid, name, steps, n) for n, (pid, name, steps) in enumerate(PLAN, 1)]
    return [entry(pid, name, [s], n) for n, (pid, name, steps) in enumerate(PLAN, 1)
            for s in steps]


@contextlib.contextmanager
def wlmscpfs(folder: Path, data: Sequence[Dataset], *, aet: str = "WLMSCP") -> Iterator[Peer]:
    """dcmtk ``wlmscpfs`` answering from ``data`` (see the module)."""
    tool = dcmtk_tool("wlmscpfs")
    if tool is None:
        raise PeerError("dcmtk wlmscpfs not found")
    db = folder / "db" / aet
    db.mkdir(parents=True, exist_ok=True)
    (db / "lockfile").touch()
    for n, ds in enumerate(data):
        (db / f"entry{n:04d}.wl").write_bytes(encode_dataset(ds))

    def argv(port: int) -> list[str]:
        return [tool, "-dfp", str(folder / "db"), str(port)]

    with _server("wlmscpfs", argv, folder / "out", aet, folder / "logs", DCMTK_ENV) as peer:
        yield peer


@pytest.fixture(scope="session")
def dcmtk_worklist_peers() -> None:
    """Skip (fail in CI) unless dcmtk's wlmscpfs and findscu are installed."""
    from tests.conftest import missing

    for tool in ("wlmscpfs", "findscu"):
        if dcmtk_tool(tool) is None:
            missing(f"dcmtk {tool} (apt-get install -y dcmtk)")
