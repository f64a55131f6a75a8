"""``dicomkit find``, ``move`` and ``get`` (findscu/movescu/getscu habits) against dcmtk's
``dcmqrscp`` started on a free loopback port, C-MOVE destination dcmtk's ``storescp``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dicomkit.cli import main
from dicomkit.generated import tags
from dicomkit.io.reader import read
from tests.net.peers import dcmtk_peers, dcmtk_storescp, pynetdicom_peer
from tests.net.qr_peers import QR_SAMPLES, dcmqrscp, dcmqrscp_peer, pynetdicom_qr_scp, qr_files

pytestmark = pytest.mark.usefixtures("dcmqrscp_peer", "dcmtk_peers")
__all__ = ["dcmqrscp_peer", "dcmtk_peers", "pynetdicom_peer"]

PATIENTS = {pid for _, pid, _ in QR_SAMPLES}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_find_parses_dcmtk_style_keys_and_models() -> None:
    args = main.build_parser("find").parse_args(
        ["find", "h", "104", "-P", "-k", "PatientID=1*", "-k", "(0010,0010)", "-L", "PATIENT",
         "--aec", "QR", "--json"])
    assert (args.model, args.level, args.query_keys, args.aec, args.json) == (
        "patient", "PATIENT", ["PatientID=1*", "(0010,0010)"], "QR", True)


def test_find_text_with_wildcard_and_range(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with dcmqrscp(tmp_path, qr_files()) as peer:
        status, out, err = run(capsys, "find", peer.host, str(peer.port), "--aec", peer.aet,
                               "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=id*",
                               "-k", "StudyDate=20030101-20031231", "-k", "0020,000D=")
    assert status == 0, err
    assert out.count("# result") == 2
    assert "id00001" in out and "id11111" in out and "1CT1" not in out
    assert "2 result(s), complete" in err


def test_find_json_is_the_dicom_json_model(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with dcmqrscp(tmp_path, qr_files()) as peer:
        status, out, err = run(capsys, "find", peer.host, str(peer.port), "--aec", peer.aet,
                               "-P", "-L", "PATIENT", "-k", "PatientName", "--json")
    assert status == 0, err
    results = json.loads(out)
    patient_id = f"{tags.PatientID:08X}"
    assert {r[patient_id]["Value"][0] for r in results} == PATIENTS
    assert all(r[patient_id]["vr"] == "LO" for r in results)


def test_find_cancel_after_n_results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with dcmqrscp(tmp_path, qr_files()) as peer:
        status, out, err = run(capsys, "find", peer.host, str(peer.port), "--aec", peer.aet,
                               "-k", "PatientID", "--cancel", "2")
    assert status == 0, err
    assert out.count("# result") == 2
    assert "cancelled" in err


def test_find_refuses_a_bad_ae_title_and_an_unknown_key(capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    status, _, err = run(capsys, "find", "127.0.0.1", "1", "--aec", "X" * 17)
    assert status == 1 and "called AE title" in err and "PS3.5" in err
    status, _, err = run(capsys, "find", "127.0.0.1", "1", "-k", "NoSuchKeyword=1")
    assert status == 1 and "NoSuchKeyword" in err


def test_move_to_dcmtk_storescp_and_get_into_a_folder(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    files = qr_files()
    ct = read(files[0], stop_before_pixels=True)
    with dcmtk_storescp(tmp_path / "storescp") as store, \
            dcmqrscp(tmp_path / "qr", files,
                     destinations={"STORESCP": (store.host, store.port)}) as peer:
        status, out, err = run(capsys, "move", peer.host, str(peer.port), "--aec", peer.aet,
                               "--dest", "STORESCP", "-k",
                               f"StudyInstanceUID={ct.StudyInstanceUID}")
        assert status == 0, err
        assert "completed 1, failed 0" in err
        status, out, err = run(capsys, "move", peer.host, str(peer.port), "--aec", peer.aet,
                               "--dest", "NOBODY", "-k", f"StudyInstanceUID={ct.StudyInstanceUID}")
        assert status == 1 and "Move Destination unknown" in err
        status, out, err = run(capsys, "get", peer.host, str(peer.port), "--aec", peer.aet,
                               "--out", str(tmp_path / "got"), "-P", "-L", "PATIENT",
                               "-k", "PatientID=4MR1", "--sop-class", "MRImageStorage")
        assert status == 0, err
    moved = list((tmp_path / "storescp").rglob("*"))
    assert [read(p).SOPInstanceUID for p in moved if p.is_file()] == [ct.SOPInstanceUID]
    got = [Path(line) for line in out.splitlines()]
    assert len(got) == 1 and read(got[0]).SOPInstanceUID == read(files[1]).SOPInstanceUID


@pytest.mark.usefixtures("pynetdicom_peer")
def test_get_finds_the_storage_classes_first(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Without --sop-class, a C-FIND down to the IMAGE level names the SOP classes to accept
    (RT Plan here, which the default classes leave out for want of presentation contexts)."""
    files = qr_files()
    plan = read(files[2], stop_before_pixels=True)
    with pynetdicom_qr_scp(tmp_path / "pyn", files) as peer:
        status, out, err = run(capsys, "get", peer.host, str(peer.port), "--aec", peer.aet,
                               "--out", str(tmp_path / "got"), "-k",
                               f"StudyInstanceUID={plan.StudyInstanceUID}")
    assert status == 0, err
    assert "C-FIND: 1 storage SOP class" in err
    got = [Path(line) for line in out.splitlines()]
    assert [read(p).SOPInstanceUID for p in got] == [plan.SOPInstanceUID]
