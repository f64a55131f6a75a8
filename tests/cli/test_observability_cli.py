"""``dicomkit qrscp`` with its audit and metrics options, as a process used by dcmtk's
``findscu`` and ``echoscu``: the audit log holds Application Start, the Query (with dcmtk's
identifier) and Application Stop, each valid per PS3.15 A.5.1; the metrics endpoint counts the
associations and messages; a syslog collector on UDP gets the same messages."""

from __future__ import annotations

import os
import signal
import socket
import urllib.request
from pathlib import Path

import pytest

from dicomkit.audit import read_log
from dicomkit.generated import audit as spec
from tests.audit import rfc5424
from tests.audit.schema import assert_valid
from tests.cli.test_qrscp_cli import dcmtk, qrscp
from tests.net.peers import dcmtk_peers, free_port, run_storescu
from tests.net.qr_peers import qr_files

__all__ = ["dcmtk_peers"]


@pytest.mark.usefixtures("dcmtk_peers")
def test_qrscp_audits_queries_and_serves_metrics(tmp_path: Path) -> None:
    log = tmp_path / "audit.xml.log"
    metrics_port = free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as collector:
        collector.bind(("127.0.0.1", 0))
        collector.settimeout(10)
        udp = f"udp://127.0.0.1:{collector.getsockname()[1]}"
        with qrscp(tmp_path, "--audit-log", str(log), "--audit-syslog", udp,
                   "--metrics-port", str(metrics_port)) as peer:
            assert run_storescu(peer.host, peer.port, qr_files()[:2], aec="DKQR").returncode == 0
            found = dcmtk("findscu", ["-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=1CT1",
                                      "-k", "StudyInstanceUID"], peer)
            assert found.returncode == 0, found.stderr
            with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5) as r:
                text = r.read().decode()
            os.kill(peer.process.pid, signal.SIGTERM)
            peer.process.wait(20)
        datagrams = []
        try:
            while True:
                datagrams.append(collector.recvfrom(65535)[0])
        except TimeoutError:
            pass
    assert 'dicomkit_messages_total{command="C-FIND-RQ",direction="received"} 1' in text
    assert 'dicomkit_associations_total{side="acceptor",outcome="released"} 2' in text
    for line in log.read_bytes().splitlines():
        assert_valid(line)
    messages = list(read_log(log))
    kinds = [m.event_id for m in messages]
    assert kinds[0] == spec.APPLICATION_ACTIVITY and kinds[-1] == spec.APPLICATION_ACTIVITY
    assert messages[0].event_types == (spec.APPLICATION_START,)
    assert messages[-1].event_types == (spec.APPLICATION_STOP,)
    (query,) = [m for m in messages if m.event_id == spec.QUERY]
    assert query.participants[0].alternative_user_id.startswith("AETITLES=")
    assert b"1CT1" in (query.objects[0].query or b"")
    transferred = [m for m in messages if m.event_id == spec.DICOM_INSTANCES_TRANSFERRED]
    from dicomkit.io.reader import read

    stored = {str(read(f, stop_before_pixels=True).PatientID) for f in qr_files()[:2]}
    assert {m.objects[-1].object_id for m in transferred} == stored  # storescu's, one a patient
    assert all(m.participants[1].alternative_user_id == "AETITLES=DKQR" for m in transferred)
    # the same messages went to syslog, one a datagram
    assert len(datagrams) == len(messages)
    assert all(rfc5424.parse(d).msgid == "IHE+RFC-3881" for d in datagrams)


@pytest.mark.usefixtures("dcmtk_peers")
@pytest.mark.parametrize("where", ["--out", "--archive"])
def test_storescp_audits_what_it_stores_and_serves_metrics(tmp_path: Path, where: str) -> None:
    """``dicomkit storescp`` takes qrscp's audit and metrics options: Application Start and
    Stop (PS3.15 A.5.3.1), and one DICOM Instances Transferred (A.5.3.7) per patient of an
    association from dcmtk's storescu, naming the patient and study of each stored file."""
    import sys

    from dicomkit.io.reader import read
    from tests.net.peers import _server

    log = tmp_path / "audit.json.log"
    metrics_port = free_port()
    files = qr_files()[:3]

    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port), where,
                str(tmp_path / "store"), "--aet", "DKSTORE", "--bind", "127.0.0.1",
                "--audit-json", str(log), "--metrics-port", str(metrics_port)]

    with _server("storescp", argv, tmp_path / "o", "DKSTORE", tmp_path / "logs") as peer:
        assert run_storescu(peer.host, peer.port, files, aec="DKSTORE").returncode == 0
        with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5) as r:
            text = r.read().decode()
        os.kill(peer.process.pid, signal.SIGTERM)
        peer.process.wait(20)
    assert f'dicomkit_messages_total{{command="C-STORE-RQ",direction="received"}} {len(files)}' \
        in text
    messages = list(read_log(log, format="json"))
    for m in messages:
        assert_valid(m.to_xml())
    assert messages[0].event_types == (spec.APPLICATION_START,)
    assert messages[-1].event_types == (spec.APPLICATION_STOP,)
    transferred = [m for m in messages if m.event_id == spec.DICOM_INSTANCES_TRANSFERRED]
    headers = [read(f, stop_before_pixels=True) for f in files]
    assert {m.objects[-1].object_id for m in transferred} == {str(h.PatientID) for h in headers}
    studies = {o.object_id for m in transferred for o in m.objects[:-1]}
    assert studies == {str(h.StudyInstanceUID) for h in headers}
    assert all(m.participants[0].alternative_user_id.startswith("AETITLES=") for m in transferred)
