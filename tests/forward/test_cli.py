"""``dicomkit forward`` (add, status, pause, resume, retry, dead, clear, serve) and the gateway
``dicomkit storescp --forward``: dcmtk storescu -> dicomkit -> dcmtk storescp."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dicomkit
from dicomkit.cli.main import main
from tests.forward.conftest import make_files
from tests.net.peers import dcmtk_storescp, free_port, run_storescu, stop, wait_listening

PROJECT = Path(__file__).resolve().parents[2]


def _rules(path: Path, port: int, aet: str, extra: str = "") -> Path:
    path.write_text(f"""
[defaults.retry]
backoff = "fixed"
base = 0.05
max_attempts = 3

[destinations.DEST]
host = "127.0.0.1"
port = {port}
called_ae = "{aet}"
timeout = 5

[[rules]]
destinations = ["DEST"]
{extra}
""")
    return path


def _uids(folder: Path) -> set[str]:
    return {str(dicomkit.read(p, stop_before_pixels=True).SOPInstanceUID)
            for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")}


def test_forward_cli_add_status_pause_dead_retry_clear_serve(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], dcmtk_peers: None) -> None:
    files = make_files(tmp_path / "src", 3)
    spool = str(tmp_path / "spool")
    down = free_port()
    rules = _rules(tmp_path / "down.toml", down, "NOBODY")
    assert main(["forward", "add", "--spool", spool, "--rules", str(rules),
                 str(tmp_path / "src")]) == 0
    assert "3 file(s) queued" in capsys.readouterr().err
    assert main(["forward", "status", "--spool", spool, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["name"] == "DEST" and row["queued"] == 3 and row["due"] == 3
    assert main(["forward", "pause", "--spool", spool, "DEST"]) == 0
    assert main(["forward", "status", "--spool", spool]) == 0
    assert "paused" in capsys.readouterr().out
    assert main(["forward", "resume", "--spool", spool, "DEST"]) == 0
    # nobody listens: three attempts each, then dead letters
    assert main(["forward", "serve", "--spool", spool, "--rules", str(rules), "--drain"]) == 0
    capsys.readouterr()
    assert main(["forward", "dead", "--spool", spool, "--json"]) == 0
    dead = json.loads(capsys.readouterr().out)
    assert len(dead) == 3 and all(d["attempts"] == 3 for d in dead)
    assert all("gave up after 3" in d["last_error"] for d in dead)
    # the destination comes up: retry puts the dead letters back, serve delivers them
    out = tmp_path / "out"
    out.mkdir()
    with dcmtk_storescp(out) as peer:
        up = _rules(tmp_path / "up.toml", peer.port, peer.aet)
        assert main(["forward", "retry", "--spool", spool, "DEST"]) == 0
        assert "3 job(s) due now" in capsys.readouterr().err
        assert main(["forward", "serve", "--spool", spool, "--rules", str(up), "--drain"]) == 0
    assert _uids(out) == {str(dicomkit.read(f).SOPInstanceUID) for f in files}
    assert main(["forward", "status", "--spool", spool, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["queued"] == row["dead"] == 0 and row["sent"] == 3
    # clear
    main(["forward", "add", "--spool", spool, "--rules", str(rules), "--to", "DEST",
          str(files[0])])
    assert main(["forward", "clear", "--spool", spool]) == 0
    assert "1 spool file(s) removed" in capsys.readouterr().err
    assert [p for p in Path(spool).glob("*.dcm")] == []


def test_forward_cli_bad_rules_is_an_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[destinations.X]\nhost = 1\n")
    assert main(["forward", "serve", "--spool", str(tmp_path / "s"), "--rules", str(bad)]) == 1
    assert "port is required" in capsys.readouterr().err


def test_dcmtk_storescu_through_dicomkit_storescp_forward_to_dcmtk_storescp(
        tmp_path: Path, dcmtk_peers: None) -> None:
    files = make_files(tmp_path / "src", 12, modality="CT")
    mr = make_files(tmp_path / "mr", 2, modality="MR")
    out = tmp_path / "out"
    out.mkdir()
    with dcmtk_storescp(out) as peer:
        rules = _rules(tmp_path / "rules.toml", peer.port, peer.aet,
                       'modality = ["CT"]\ncalling_ae = "STORESCU"')
        port = free_port()
        log = tmp_path / "gateway.log"
        proc = subprocess.Popen(
            [sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port), "--bind",
             "127.0.0.1", "--forward", str(rules), "--spool", str(tmp_path / "spool")],
            stdout=subprocess.DEVNULL, stderr=open(log, "wb"), cwd=PROJECT)
        try:
            wait_listening(proc, port, log, timeout=30)
            run_storescu("127.0.0.1", port, [*files, *mr], aet="STORESCU")
            deadline = time.monotonic() + 60
            want = {str(dicomkit.read(f).SOPInstanceUID) for f in files}
            while _uids(out) != want:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
        finally:
            stop(proc)
    assert proc.returncode == 0, log.read_text()
    text = log.read_text()
    assert "forwarding by" in text
    # nothing left: the CT files delivered, the MR files routed nowhere and not kept
    assert [p for p in (tmp_path / "spool").glob("*.dcm")] == []
    assert not list((tmp_path / "spool" / ".incoming").rglob("*.dcm"))
