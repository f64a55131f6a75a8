"""``dicomkit web search|retrieve|store`` against in-test loopback servers: the requests the
actions send, their line and ``--json`` output, and their exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dicomkit.cli.main import main
from dicomkit.core.dataset import Dataset
from dicomkit.io.reader import read
from dicomkit.web import json_model
from dicomkit.web.multipart import boundary_of, read_parts
from tests.samples import sample
from tests.web.quirk_server import Answer, QuirkServer, Request


def _study(uid: str, pid: str) -> Dataset:
    ds = Dataset()
    ds.StudyInstanceUID = uid
    ds.PatientID = pid
    return ds


def test_web_search_prints_one_line_per_study_and_sends_the_keys(capsys: pytest.CaptureFixture[str]) -> None:
    body = ("[" + ",".join(json_model.dumps(_study(f"1.2.{i}", f"P{i}")) for i in range(2)) + "]").encode()
    answer = (200, [("Content-Type", "application/dicom+json"), ("Warning", '299 x "partial"')], body)
    with QuirkServer(lambda r: answer) as server:
        rc = main(["web", "search", server.url, "-m", "PatientID=P*", "-m", "StudyDate=20240101-",
                   "--include", "all", "--limit", "5"])
    out, err = capsys.readouterr()
    assert rc == 0
    assert [line.split()[:2] for line in out.splitlines()] == [["1.2.0", "P0"], ["1.2.1", "P1"]]
    assert 'warning: 299 x "partial"' in err and "note:" not in err
    assert server.requests[0].query == [("PatientID", "P*"), ("StudyDate", "20240101-"),
                                        ("includefield", "all"), ("limit", "5")]


def test_web_search_json_of_a_series_level_search(capsys: pytest.CaptureFixture[str]) -> None:
    with QuirkServer(lambda r: (204, [], b"")) as server:
        rc = main(["web", "search", server.url, "--study", "1.2", "--json", "-m", "PatientID=7"])
    out, err = capsys.readouterr()
    assert rc == 0 and json.loads(out) == []
    assert "note: PatientID is not a key servers must match on" in err
    assert server.requests[0].path == "/dicom-web/studies/1.2/series"


def _stow_echo(r: Request) -> Answer:
    got = [read(body) for _, body in read_parts(r.body, boundary_of(r.header("content-type") or ""))]
    ds = Dataset()
    failed = []
    stored = []
    for d in got:
        item = Dataset()
        item.ReferencedSOPClassUID = str(d.SOPClassUID)
        item.ReferencedSOPInstanceUID = str(d.SOPInstanceUID)
        if d.Modality == "MR":
            item.FailureReason = 0xA700
            failed.append(item)
        else:
            stored.append(item)
    if stored:
        ds.ReferencedSOPSequence = stored
    if failed:
        ds.FailedSOPSequence = failed
    return 202 if failed else 200, [("Content-Type", "application/dicom+json")], json_model.dumps(ds).encode()


def test_web_store_exit_status_is_1_when_an_instance_failed(capsys: pytest.CaptureFixture[str]) -> None:
    with QuirkServer(_stow_echo) as server:
        ok = main(["web", "store", server.url, str(sample("CT_small.dcm"))])
        out_ok = capsys.readouterr().out
        bad = main(["web", "store", server.url, str(sample("CT_small.dcm")), str(sample("MR_small.dcm")),
                    "--json", "--progress", "--batch", "1"])
        captured = capsys.readouterr()
        doc = json.loads(captured.out)
    assert ok == 0 and out_ok.split()[0] == "stored"
    assert bad == 1 and doc["http_statuses"] == [200, 202]
    assert [i["status"] for i in doc["instances"]] == ["stored", "failed"]
    assert "1/2" in captured.err and "2/2" in captured.err
    assert doc["instances"][1]["reason"] == 0xA700


def test_web_retrieve_writes_files_and_a_404_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = sample("CT_small.dcm").read_bytes()
    body = b"--b\r\nContent-Type: application/dicom\r\n\r\n" + data + b"\r\n--b--\r\n"

    def handler(r: Request) -> Answer:
        if "9.9" in r.path:
            return 404, [("Content-Type", "text/plain")], b"no such study"
        return 200, [("Content-Type", "multipart/related; type=application/dicom; boundary=b")], body

    with QuirkServer(handler) as server:
        rc = main(["web", "retrieve", server.url, "--study", "1.2", "--out", str(tmp_path), "--json"])
        (path,) = json.loads(capsys.readouterr().out)
        missing_rc = main(["web", "retrieve", server.url, "--study", "9.9", "--out", str(tmp_path)])
    assert rc == 0 and Path(path).read_bytes() == data
    assert missing_rc == 1 and "HTTP 404" in capsys.readouterr().err
    assert 'transfer-syntax=*' in (server.requests[0].header("accept") or "")


def test_web_store_search_retrieve_against_the_dicomkit_server(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]
                                                               ) -> None:
    """The three actions against a real server (dicomkit's, over an archive): what ``store``
    sent, ``search`` finds and ``retrieve`` writes back byte for byte, each with ``--json``."""
    from tests.archive.make import instance, uid
    from tests.web.server.running import archive_of, running

    st, se = uid(), uid()
    files = {s: instance(st, se, s, number=n) for n, s in enumerate((uid(), uid()), 1)}
    folder = tmp_path / "in"
    folder.mkdir()
    for sop, data in files.items():
        (folder / f"{sop}.dcm").write_bytes(data)
    archive = archive_of(tmp_path)
    try:
        with running(archive) as url:
            assert main(["web", "store", url, str(folder), "--json", "--study", st]) == 0
            stored = json.loads(capsys.readouterr().out)
            assert stored["http_statuses"] == [200]
            assert {i["sop_instance_uid"] for i in stored["instances"]
                    if i["status"] == "stored"} == set(files)
            assert main(["web", "search", url, "--level", "instances", "--study", st,
                         "--json"]) == 0
            found = json.loads(capsys.readouterr().out)
            assert {d["00080018"]["Value"][0] for d in found} == set(files)
            assert main(["web", "retrieve", url, "--study", st, "--out", str(tmp_path / "out"),
                         "--json"]) == 0
            paths = json.loads(capsys.readouterr().out)
            assert sorted(Path(p).read_bytes() for p in paths) == sorted(files.values())
    finally:
        archive.close()
