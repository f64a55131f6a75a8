"""Against dcmtk's Q/R SCP: ``dcmqrscp`` over a database made by ``dcmqridx`` from the test's
files, asked by ``findscu`` at STUDY level (Study Root).  The same studies and queries give the
same studies when we match strictly (no C.2.2.1.2 unknown-value rule), except where the
standard leaves the choice to the SCP; each such difference is pinned with its clause."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import dicomkit
from dicomkit import Dataset
from dicomkit.query import DEFAULT_OPTIONS, MatchOptions, QueryValueError, matches, parse_identifier
from tests.conftest import missing
from tests.net.peers import DCMTK_ENV, HOST, PeerError, dcmtk_tool, free_port, stop, wait_listening
from tests.query.helpers import dataset

STUDIES: list[dict[str, Any]] = [
    {"PatientID": "P1", "PatientName": "SMITH^JOHN", "StudyDate": "20060705", "StudyTime": "1000"},
    {"PatientID": "P2", "PatientName": "smith^ann", "StudyDate": "20060706", "StudyTime": "180030"},
    {"PatientID": "P3", "PatientName": "JONES^MARY", "StudyDate": "20060707", "StudyTime": "093000"},
    {"PatientID": "P4", "PatientName": "SMYTH^JON^^", "StudyDate": "20060801", "StudyTime": "2359"},
    {"PatientID": "P5", "PatientName": "MILLER", "StudyDate": "", "StudyTime": ""},
]
STRICT = MatchOptions(unknown_matches=False)


@dataclass
class QrScp:
    port: int
    folder: Path


def _uid(i: int) -> str:
    return f"1.2.826.0.1.3680043.10.1{i}"


@pytest.fixture(scope="module")
def dcmqrscp() -> Iterator[QrScp]:
    tools = {name: dcmtk_tool(name) for name in ("dcmqrscp", "dcmqridx", "findscu")}
    if None in tools.values():
        missing("dcmtk's dcmqrscp, dcmqridx and findscu (apt-get install dcmtk)")
    base = Path(tempfile.mkdtemp(prefix="dicomkit-dcmqrscp-"))
    try:
        db = base / "db"
        db.mkdir()
        for i, study in enumerate(STUDIES):
            ds = Dataset.new("SecondaryCaptureImageStorage")
            for keyword, value in study.items():
                setattr(ds, keyword, value)
            ds.StudyInstanceUID = _uid(i)
            ds.SeriesInstanceUID = _uid(i) + ".1"
            ds.Modality = "OT"
            dicomkit.write(db / f"study{i}.dcm", ds)
        subprocess.run([str(tools["dcmqridx"]), str(db), *map(str, sorted(db.glob("*.dcm")))],
                       check=True, capture_output=True, env=DCMTK_ENV)
        for _attempt in range(3):
            port = free_port()
            (base / "dcmqrscp.cfg").write_text(
                f"NetworkTCPPort = {port}\nMaxPDUSize = 16384\nMaxAssociations = 16\n"
                "HostTable BEGIN\nHostTable END\nVendorTable BEGIN\nVendorTable END\n"
                f"AETable BEGIN\nSTORE {db} R (200, 1024mb) ANY\nAETable END\n")
            log = base / "dcmqrscp.log"
            with open(log, "wb") as fh:
                proc = subprocess.Popen([str(tools["dcmqrscp"]), "-c", str(base / "dcmqrscp.cfg"),
                                         str(port)], stdout=fh, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, env=DCMTK_ENV)
            try:
                wait_listening(proc, port, log)
            except PeerError:
                stop(proc)
                continue
            try:
                yield QrScp(port, base)
            finally:
                stop(proc)
            return
        raise PeerError(f"dcmqrscp did not start:\n{log.read_text(errors='replace')}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def theirs(scp: QrScp, keys: dict[str, str]) -> set[str]:
    out = Path(tempfile.mkdtemp(dir=scp.folder))
    argv = [str(dcmtk_tool("findscu")), "-S", "-aec", "STORE", "-k", "QueryRetrieveLevel=STUDY",
            "-k", "StudyInstanceUID", "-k", "PatientID"]
    for keyword, value in keys.items():
        argv += ["-k", f"{keyword}={value}"]
    argv += [HOST, str(scp.port), "-X", "-od", str(out)]
    done = subprocess.run(argv, capture_output=True, text=True, env=DCMTK_ENV, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return {dicomkit.read(p).PatientID for p in out.glob("rsp*.dcm")}


def ours(keys: dict[str, str], options: MatchOptions = DEFAULT_OPTIONS) -> set[str]:
    query = parse_identifier(dataset(QueryRetrieveLevel="STUDY", **keys), options)
    return {s["PatientID"] for i, s in enumerate(STUDIES)
            if matches(query, dataset(**s, StudyInstanceUID=_uid(i)))}


@pytest.mark.parametrize("keys", [
    {"PatientID": "P3"},
    {"PatientName": "SMITH^JOHN"},
    {"PatientName": "SMI*"},                      # both case-sensitive (C.2.2.2.4)
    {"PatientName": "J?NES*", "StudyDate": "20060701-"},
    {"PatientName": "*"},                         # universal (C.2.2.2.4 Note)
    {"StudyDate": "20060705-20060707"},
    {"StudyDate": "-20060706"},
    {"StudyDate": "20060706-"},
    {"StudyTime": "0900-1000"},
    {"StudyTime": "2230"},
    {"StudyInstanceUID": f"{_uid(0)}\\{_uid(2)}"},  # list of UID (C.2.2.2.2)
])
def test_dcmtk_dcmqrscp_answers_as_we_do_when_matching_strictly(
        dcmqrscp: QrScp, keys: dict[str, str]) -> None:
    assert ours(keys, STRICT) == theirs(dcmqrscp, keys)


def test_trailing_empty_name_components_are_insignificant_unlike_dcmtk(dcmqrscp: QrScp) -> None:
    # PS3.5 6.2.1: empty trailing components may be left out, "SMYTH^JON^^" is "SMYTH^JON";
    # dcmtk compares the bytes
    keys = {"PatientName": "SMYTH^JON"}
    assert theirs(dcmqrscp, keys) == set()
    assert ours(keys, STRICT) == {"P4"}


def test_a_time_range_ends_with_the_last_moment_of_its_precision_unlike_dcmtk(
        dcmqrscp: QrScp) -> None:
    # C.2.2.2.1.3, C.2.2.2.5.2: matched by meaning, inclusive: "1800" is the minute 18:00, so
    # 18:00:30 falls in "1000-1800"; dcmtk reads "1800" as the instant 18:00:00
    keys = {"StudyTime": "1000-1800"}
    assert theirs(dcmqrscp, keys) == {"P1"}
    assert ours(keys, STRICT) == {"P1", "P2"}


def test_unknown_values_match_as_c2212_says_unlike_dcmtk(dcmqrscp: QrScp) -> None:
    # C.2.2.1.2: a zero length Required Key of an entity matches every value
    keys = {"StudyDate": "20060705-20060707"}
    assert theirs(dcmqrscp, keys) == {"P1", "P2", "P3"}
    assert ours(keys) == {"P1", "P2", "P3", "P5"}


def test_two_quotation_marks_without_negotiation(dcmqrscp: QrScp) -> None:
    # C.2.2.2.7: without Empty Value Matching, '""' in a DA key is not a date: we refuse the
    # query (an SCP answers Failed, C.4.1.1.4), dcmtk answers no match
    assert theirs(dcmqrscp, {"StudyDate": '""'}) == set()
    with pytest.raises(QueryValueError, match="C.2.2.2.1"):
        ours({"StudyDate": '""'})
    assert ours({"StudyDate": '""'}, MatchOptions(empty_value_matching=True)) == {"P5"}
