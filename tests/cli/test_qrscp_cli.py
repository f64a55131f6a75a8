"""``dicomkit qrscp`` started as a process on a free loopback port, used by dcmtk: ``storescu``
stores the pinned pydicom samples into it (tests/net/qr_peers.py), then ``findscu`` finds them
at every level, ``movescu`` moves them to a dcmtk ``storescp`` (and is refused an unknown
destination), ``getscu`` gets them on its own association; what arrives is compared with the
samples data set for data set.  Options: ``--move``, ``--config``, bad values."""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from dicomkit.cli.main import main
from dicomkit.io.reader import read
from tests.net import peers
from tests.net.peers import (
    DCMTK_ENV,
    Peer,
    TLSFiles,
    _server,
    dcmtk_peers,
    dcmtk_storescp,
    dcmtk_tls_peers,
    dcmtk_tool,
    pynetdicom_peer,
    run_storescu,
    tls_files,
)
from tests.net.qr_peers import QR_SAMPLES, qr_files
from tests.net.test_qr_interop import same_data_sets

__all__ = ["dcmtk_peers", "dcmtk_tls_peers", "pynetdicom_peer", "tls_files"]

AET = "DKQR"


@contextlib.contextmanager
def qrscp(folder: Path, *extra: str) -> Iterator[Peer]:
    """``dicomkit qrscp`` over the archive ``folder/archive`` on a free loopback port."""
    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "qrscp", str(port), "--archive",
                str(folder / "archive"), "--aet", AET, "--bind", "127.0.0.1", *extra]

    with _server("qrscp", argv, folder / "out", AET, folder / "logs") as peer:
        yield peer


def dcmtk(tool: str, args: Sequence[str], peer: Peer, *, cwd: Path | None = None
          ) -> subprocess.CompletedProcess[str]:
    path = dcmtk_tool(tool)
    assert path is not None
    return subprocess.run([path, "-aec", AET, *args, peer.host, str(peer.port)],
                          capture_output=True, text=True, timeout=60, env=DCMTK_ENV,
                          stdin=subprocess.DEVNULL, cwd=cwd)


def values(output: str, tag: str) -> list[str]:
    """The values of ``tag`` (``0010,0020``) in findscu's dump of its responses (not of its
    request, which ``-v`` dumps first)."""
    responses = "".join(re.split(r"Find Response: ", output)[1:])
    return [m.strip(" \x00") for m in re.findall(rf"\({tag}\) \w\w \[([^\]]*)\]", responses)]


@pytest.mark.usefixtures("dcmtk_peers")
def test_dcmtk_storescu_findscu_movescu_getscu_against_dicomkit_qrscp(tmp_path: Path) -> None:
    files = qr_files()
    with dcmtk_storescp(tmp_path / "moved", aet="DCMSTORE") as store, \
            qrscp(tmp_path, "--move", f"DCMSTORE={store.host}:{store.port}") as peer:
        assert run_storescu(peer.host, peer.port, files, aec=AET).returncode == 0
        found = dcmtk("findscu", ["-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID",
                                  "-k", "StudyInstanceUID", "-k", "StudyDate"], peer)
        assert found.returncode == 0, found.stderr
        assert set(values(found.stderr, "0010,0020")) == {p for _, p, _ in QR_SAMPLES}
        dated = dcmtk("findscu", ["-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID",
                                  "-k", "StudyInstanceUID", "-k", "StudyDate=20030101-20031231"],
                      peer)
        assert set(values(dated.stderr, "0010,0020")) == {
            p for _, p, d in QR_SAMPLES if d.startswith("2003")}
        patients = dcmtk("findscu", ["-P", "-v", "-k", "QueryRetrieveLevel=PATIENT",
                                     "-k", "PatientID", "-k", "PatientName"], peer)
        assert set(values(patients.stderr, "0010,0020")) == {p for _, p, _ in QR_SAMPLES}
        # PS3.4 C.2.2.1.1: a Unique Key (Patient ID at PATIENT level, C.6.1.1.2) takes a
        # single value or universal matching, not wild cards (dcmqrscp accepts them): Error:
        # Data Set does not match SOP Class (Table C.4-1)
        wild = dcmtk("findscu", ["-P", "-v", "-k", "QueryRetrieveLevel=PATIENT",
                                 "-k", "PatientID=*1"], peer)
        assert "DataSetDoesNotMatchSOPClass" in wild.stderr
        assert values(wild.stderr, "0010,0020") == []
        ct = read(files[0], stop_before_pixels=True)
        images = dcmtk("findscu", ["-S", "-k", "QueryRetrieveLevel=IMAGE",
                                   "-k", f"StudyInstanceUID={ct.StudyInstanceUID}",
                                   "-k", f"SeriesInstanceUID={ct.SeriesInstanceUID}",
                                   "-k", "SOPInstanceUID"], peer)
        assert values(images.stderr, "0008,0018") == [str(ct.SOPInstanceUID)]
        studies = values(found.stderr, "0020,000d")
        for uid in studies:
            moved = dcmtk("movescu", ["-S", "-aem", "DCMSTORE", "-k", "QueryRetrieveLevel=STUDY",
                                      "-k", f"StudyInstanceUID={uid}"], peer)
            assert moved.returncode == 0, moved.stderr
        refused = dcmtk("movescu", ["-S", "-aem", "NOBODY", "-k", "QueryRetrieveLevel=STUDY",
                                    "-k", f"StudyInstanceUID={studies[0]}"], peer)
        assert "MoveDestinationUnknown" in refused.stderr and refused.returncode != 0
        got = tmp_path / "got"
        got.mkdir()
        for uid in studies:
            result = dcmtk("getscu", ["-S", "-od", str(got), "-k", "QueryRetrieveLevel=STUDY",
                                      "-k", f"StudyInstanceUID={uid}"], peer)
            assert result.returncode == 0, result.stderr
    same_data_sets(sorted((tmp_path / "moved").iterdir()), files)
    same_data_sets(sorted(got.iterdir()), files)


def test_qrscp_refuses_bad_destinations_and_config(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["qrscp", "0", "--archive", str(tmp_path / "a"), "--move", "NOPORT=localhost"])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"destinations": {"X": ["127.0.0.1", "port"]}}))
    assert main(["qrscp", "0", "--archive", str(tmp_path / "a"), "--config", str(bad)]) == 2
    assert "is not [HOST, PORT]" in capsys.readouterr().err


def test_qrscp_config_file_gives_title_and_destinations(tmp_path: Path) -> None:
    import argparse

    from dicomkit.cli.qrscp import add_arguments, destinations_of

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    path = tmp_path / "qrscp.json"
    path.write_text(json.dumps({"aet": "FROMFILE", "destinations": {"A": ["10.0.0.1", 104]}}))
    args = parser.parse_args(["0", "--archive", "x", "--config", str(path),
                              "--move", "B=127.0.0.1:11112"])
    assert destinations_of(args) == ("FROMFILE", {"A": ("10.0.0.1", 104),
                                                  "B": ("127.0.0.1", 11112)})
    args = parser.parse_args(["0", "--archive", "x", "--config", str(path), "--aet", "MINE",
                              "--move", "A=127.0.0.2:1"])
    assert destinations_of(args) == ("MINE", {"A": ("127.0.0.2", 1)})


@pytest.mark.usefixtures("pynetdicom_peer")
def test_pynetdicom_find_and_get_against_dicomkit_qrscp(tmp_path: Path) -> None:
    """pynetdicom's SCU (a subprocess, tests/net/pynetdicom_qr_scu.py): C-FIND at STUDY and
    PATIENT level, C-GET of every study on its association; the files it writes are the
    samples stored first."""
    files = qr_files()
    classes = sorted({str(read(f, stop_before_pixels=True).SOPClassUID) for f in files})
    with qrscp(tmp_path) as peer:
        assert run_storescu(peer.host, peer.port, files, aec=AET).returncode == 0
        result = subprocess.run(
            [sys.executable, str(Path(peers.HERE) / "pynetdicom_qr_scu.py"), peer.host,
             str(peer.port), str(tmp_path / "got"), "--aec", AET, "--storage", *classes],
            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert {pid for pid, _ in report["studies"]} == {p for _, p, _ in QR_SAMPLES}
    assert set(report["patients"]) == {p for _, p, _ in QR_SAMPLES}
    assert report["get_statuses"] == [0] * len(QR_SAMPLES)
    same_data_sets(sorted((tmp_path / "got").iterdir()), files)


@pytest.mark.usefixtures("dcmtk_tls_peers")
def test_movescu_to_a_tls_destination_from_the_config_file(tmp_path: Path,
                                                           tls_files: TLSFiles) -> None:
    """A destination with ``tls`` in the config file is reached over TLS (PS3.15 B.1): dcmtk's
    storescp serving TLS with our test CA receives the moved instances; ``qrscp --tls``
    serves TLS itself (dcmtk storescu and findscu, dicomkit move over TLS)."""
    files = qr_files()[:2]
    with dcmtk_storescp(tmp_path / "moved", aet="DCMTLS", tls=tls_files) as store:
        config = tmp_path / "qrscp.json"
        config.write_text(json.dumps({"destinations": {"DCMTLS": {
            "host": "localhost", "port": store.port,
            "tls": {"ca": str(tls_files.ca_cert), "cert": str(tls_files.client_cert),
                    "key": str(tls_files.client_key)}}}}))
        with qrscp(tmp_path, "--config", str(config), "--tls", "--cert",
                   str(tls_files.server_cert), "--key", str(tls_files.server_key)) as peer:
            tls = ["+tls", str(tls_files.client_key), str(tls_files.client_cert), "-pw",
                   "+cf", str(tls_files.ca_cert)]
            stored = run_storescu(peer.host, peer.port, files, aec=AET, tls=tls_files)
            assert stored.returncode == 0, stored.stderr
            found = dcmtk("findscu", ["-S", *tls, "-k", "QueryRetrieveLevel=STUDY",
                                      "-k", "StudyInstanceUID"], peer)
            studies = values(found.stderr, "0020,000d")
            assert len(studies) == 2, found.stderr
            for uid in studies:  # dcmtk's movescu has no TLS: dicomkit's does
                assert main(["move", "--tls", "--ca", str(tls_files.ca_cert), "--cert",
                             str(tls_files.client_cert), "--key", str(tls_files.client_key),
                             "--aec", AET, "--dest", "DCMTLS", "-k",
                             f"StudyInstanceUID={uid}", "localhost", str(peer.port)]) == 0
    same_data_sets(sorted((tmp_path / "moved").iterdir()), files)


def _relational_scu(peer: Peer) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(Path(peers.HERE) / "pynetdicom_relational_scu.py"), peer.host,
         str(peer.port), "--aec", AET],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.usefixtures("dcmtk_peers", "pynetdicom_peer")
def test_pynetdicom_relational_query_against_qrscp_with_and_without_relational(
        tmp_path: Path) -> None:
    """pynetdicom asks for relational-queries (PS3.4 C.5.1.1.1) and sends a SERIES-level
    query without the Study Instance UID: ``--relational`` accepts (byte 1 = 1, C.5.1.1.2) and
    answers it with the study's unique key in each match (C.4.1.2.2, C.4.1.3.2.1); without it
    the answer is 0 and the query is refused, A900H (C.4.1.2.1, Table C.4-1)."""
    files = qr_files()
    heads = [read(f, stop_before_pixels=True) for f in files]
    mr = sorted([str(h.StudyInstanceUID), str(h.SeriesInstanceUID), "MR"] for h in heads
                if str(getattr(h, "Modality", "")) == "MR")
    assert len(mr) >= 2  # MR_small, examples_overlay
    with qrscp(tmp_path / "rel", "--relational") as peer:
        assert run_storescu(peer.host, peer.port, files, aec=AET).returncode == 0
        report = _relational_scu(peer)
    assert report["accepted"] == "01"
    assert sorted(report["series"]) == mr
    assert report["statuses"][-1] == 0
    with qrscp(tmp_path / "hier") as peer:
        assert run_storescu(peer.host, peer.port, files, aec=AET).returncode == 0
        report = _relational_scu(peer)
    assert report["accepted"] in ("00", None)
    assert report["series"] == [] and report["statuses"] == [0xA900]
