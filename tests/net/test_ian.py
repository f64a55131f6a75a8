"""Instance Availability Notification (PS3.4 Annex R): pynetdicom's SCU against our SCP, our
SCU against pynetdicom's SCP (tests/net/pynetdicom_workflow_*.py), our SCP's checks of Table
R.3.2-1, the study notifier (explicit flush, retry after a failure), and ``dicomkit qrscp
--ian`` telling pynetdicom when each study it stored went idle."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.io.reader import read
from dicomkit.net import ApplicationEntity, connect
from dicomkit.net.dimse import status_code_named
from dicomkit.net.services.ian import (
    AvailableInstance,
    IanError,
    IanRefused,
    IanSCP,
    StudyNotifier,
    notification,
    notify_availability,
    read_notification,
)
from dicomkit.net.services.ian.scu import CONTEXT
from dicomkit.net.services.storage.negotiation import contexts_for
from tests.net.peers import HERE, _server, free_port, have_pynetdicom
from tests.net.qr_peers import qr_files
from tests.net.qr_scp import FAST
from tests.net.test_mpps import run_pynetdicom_scu

pytestmark = pytest.mark.anyio

MISSING = status_code_named("Missing Attribute")
MISSING_VALUE = status_code_named("Missing Attribute Value")
DUPLICATE = status_code_named("Duplicate SOP Instance")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def need_pynetdicom() -> None:
    if not have_pynetdicom():
        from tests.conftest import missing

        missing("pynetdicom (pip install -e '.[test]')")


def instances(n: int = 3) -> tuple[str, list[AvailableInstance]]:
    study = generate_uid()
    series = [generate_uid(), generate_uid()]
    return study, [AvailableInstance(series[i % 2], uids.CTImageStorage, generate_uid(),
                                     "ONLINE", "DKARCH") for i in range(n)]


@contextlib.asynccontextmanager
async def serving(scp: IanSCP) -> AsyncIterator[tuple[str, int]]:
    ae = ApplicationEntity("DKIAN", timeouts=FAST)
    ae.add_service(scp)
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        yield addr
        tg.cancel_scope.cancel()


async def test_pynetdicom_ian_scu_against_our_scp(tmp_path: Path) -> None:
    need_pynetdicom()
    scp = IanSCP(tmp_path / "ian")
    study, series, sop = generate_uid(), generate_uid(), generate_uid()
    async with serving(scp) as (host, port):
        report = await anyio.to_thread.run_sync(
            lambda: run_pynetdicom_scu("ian", host, str(port), "--aec", "DKIAN", "--study",
                                       study, "--series",
                                       series, "--instance", f"{uids.CTImageStorage}:{sop}"))
    assert report["status"] == 0x0000
    [note] = scp.notifications
    assert note.calling_ae == "PYNETDICOM"
    got_study, got = read_notification(note.attributes)
    assert got_study == study
    assert got == [AvailableInstance(series, uids.CTImageStorage, sop, "ONLINE", "PYNETDICOM")]
    kept = read(tmp_path / "ian" / f"{note.instance_uid}.dcm")
    assert str(kept.SOPClassUID) == uids.InstanceAvailabilityNotification
    assert str(kept.StudyInstanceUID) == study


async def test_our_scu_against_pynetdicom_ian_scp(tmp_path: Path) -> None:
    need_pynetdicom()
    out = tmp_path / "received"
    out.mkdir()

    def argv(port: int) -> list[str]:
        return [sys.executable, str(HERE / "pynetdicom_workflow_scp.py"), str(port), str(out)]

    study, insts = instances()
    with _server("pynetdicom-workflow-scp", argv, tmp_path / "o", "PYNETDICOM",
                 tmp_path / "logs") as peer:
        async with ApplicationEntity("DKSCU", timeouts=FAST).connect(
                peer.host, peer.port, called_ae="PYNETDICOM", contexts=[CONTEXT]) as assoc:
            uid = await notify_availability(assoc, notification(study, insts))
    [only] = out.glob("*.json")
    got = json.loads(only.read_text())
    assert got["uid"] == uid and got["sop_class"] == uids.InstanceAvailabilityNotification
    assert got["data"]["0020000D"]["Value"] == [study]
    series = got["data"]["00081115"]["Value"]
    assert len(series) == 2  # grouped by series
    assert sum(len(s["00081199"]["Value"]) for s in series) == 3


async def test_our_scp_checks_table_r_3_2_1(tmp_path: Path) -> None:
    scp = IanSCP()
    study, insts = instances(1)
    async with serving(scp) as addr, ApplicationEntity("DKSCU", timeouts=FAST).connect(
            *addr, called_ae="DKIAN", contexts=[CONTEXT]) as assoc:
        lacking = notification(study, insts)
        del lacking[tags.StudyInstanceUID]
        with pytest.raises(IanRefused) as refused:
            await notify_availability(assoc, lacking, check=False)
        assert refused.value.status == MISSING
        assert refused.value.attributes == (tags.StudyInstanceUID,)
        empty = notification(study, [AvailableInstance(insts[0].series_uid, insts[0].sop_class,
                                                       insts[0].sop_instance)])
        with pytest.raises(IanError):  # Retrieve AE Title is Type 1: checked before sending
            await notify_availability(assoc, empty)
        with pytest.raises(IanRefused) as refused:
            await notify_availability(assoc, empty, check=False)
        assert refused.value.status == MISSING_VALUE
        good = notification(study, insts)
        uid = await notify_availability(assoc, good)
        with pytest.raises(IanRefused) as refused:
            await notify_availability(assoc, good, instance_uid=uid)
        assert refused.value.status == DUPLICATE
    assert [n.instance_uid for n in scp.notifications] == [uid]


def test_notification_refuses_an_unknown_availability() -> None:
    with pytest.raises(ValueError):
        notification(generate_uid(), [AvailableInstance("1.2", "1.2", "1.2", "SOMEWHERE")])
    with pytest.raises(ValueError):
        notification(generate_uid(), [])


async def test_notifier_flush_and_retry_after_a_failure(tmp_path: Path) -> None:
    scp = IanSCP()
    study, insts = instances(2)
    dead = free_port()
    notifier = StudyNotifier("127.0.0.1", dead, called_ae="DKIAN", retrieve_ae_title="DKARCH",
                             idle=0.2, retry=0.2, timeouts=FAST)
    for inst in insts:
        notifier.note(study, inst.series_uid, inst.sop_class, inst.sop_instance)
    with pytest.raises((DicomError, OSError)):
        await notifier.flush(study)
    assert notifier.pending() == [study]  # kept for the next try
    async with serving(scp) as (host, port):
        notifier.port = port
        third = AvailableInstance(insts[0].series_uid, uids.CTImageStorage, generate_uid())
        notifier.note(study, third.series_uid, third.sop_class, third.sop_instance)
        async with anyio.create_task_group() as tg:
            await tg.start(notifier.run)
            with anyio.fail_after(10):
                while not scp.notifications:
                    await anyio.sleep(0.05)
            tg.cancel_scope.cancel()
    [note] = scp.notifications
    got_study, got = read_notification(note.attributes)
    assert got_study == study
    assert sorted(i.sop_instance for i in got) == sorted(
        [i.sop_instance for i in insts] + [third.sop_instance])
    assert {i.retrieve_ae_title for i in got} == {"DKARCH"}
    assert notifier.pending() == [] and notifier.sent == [(study, note.instance_uid)]


def test_qrscp_sends_a_notification_per_idle_study_to_pynetdicom(tmp_path: Path) -> None:
    need_pynetdicom()
    out = tmp_path / "received"
    out.mkdir()
    files = qr_files()[:3]

    def scp_argv(port: int) -> list[str]:
        return [sys.executable, str(HERE / "pynetdicom_workflow_scp.py"), str(port), str(out)]

    with _server("pynetdicom-workflow-scp", scp_argv, tmp_path / "o1", "PYNETDICOM",
                 tmp_path / "logs") as ian_peer:
        def argv(port: int) -> list[str]:
            return [sys.executable, "-m", "dicomkit.cli.main", "qrscp", str(port), "--archive",
                    str(tmp_path / "archive"), "--aet", "DKQR", "--bind", "127.0.0.1",
                    "--ian", f"PYNETDICOM={ian_peer.host}:{ian_peer.port}", "--ian-idle",
                    "1"]

        with _server("qrscp", argv, tmp_path / "o2", "DKQR", tmp_path / "logs") as peer:
            pairs = sorted({(str(read(f).SOPClassUID), str(read(f).file_meta.TransferSyntaxUID))
                            for f in files})
            with connect(peer.host, peer.port, called_ae="DKQR", contexts=contexts_for(pairs),
                         timeouts=FAST) as assoc:
                results = assoc.store(files)
            assert all(r.ok for r in results)
            deadline = time.monotonic() + 20
            while len(list(out.glob("*.json"))) < len(files) and time.monotonic() < deadline:
                time.sleep(0.1)
    received = [json.loads(p.read_text()) for p in sorted(out.glob("*.json"))]
    by_study = {r["data"]["0020000D"]["Value"][0]: r for r in received}
    expected = {str(read(f).StudyInstanceUID): str(read(f).SOPInstanceUID) for f in files}
    assert set(by_study) == set(expected)  # one notification per study
    for study, sop in expected.items():
        refs = by_study[study]["data"]["00081115"]["Value"][0]["00081199"]["Value"]
        assert [r["00081155"]["Value"][0] for r in refs] == [sop]
        assert refs[0]["00080054"]["Value"] == ["DKQR"]
        assert refs[0]["00080056"]["Value"] == ["ONLINE"]


async def test_storescp_archive_notifies_our_scp_when_a_study_is_idle(tmp_path: Path) -> None:
    scp = IanSCP()
    files = qr_files()[3:5]
    async with serving(scp) as (host, port):
        def argv(p: int) -> list[str]:
            return [sys.executable, "-m", "dicomkit.cli.main", "storescp", str(p), "--archive",
                    str(tmp_path / "archive"), "--aet", "DKSTORE", "--bind", "127.0.0.1",
                    "--ian", f"DKIAN={host}:{port}", "--ian-idle", "0.5"]

        def store() -> None:
            with _server("storescp", argv, tmp_path / "o", "DKSTORE", tmp_path / "logs") as peer:
                pairs = sorted({(str(read(f).SOPClassUID),
                                 str(read(f).file_meta.TransferSyntaxUID)) for f in files})
                with connect(peer.host, peer.port, called_ae="DKSTORE",
                             contexts=contexts_for(pairs), timeouts=FAST) as assoc:
                    assert all(r.ok for r in assoc.store(files))
                deadline = time.monotonic() + 20
                while len(scp.notifications) < len(files) and time.monotonic() < deadline:
                    time.sleep(0.1)

        await anyio.to_thread.run_sync(store)
    studies = {read_notification(n.attributes)[0] for n in scp.notifications}
    assert studies == {str(read(f).StudyInstanceUID) for f in files}
    assert {n.calling_ae for n in scp.notifications} == {"DKSTORE"}
