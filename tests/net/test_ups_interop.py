"""UPS over DIMSE against pynetdicom's UPS service classes, both ways: pynetdicom as SCU and
event receiver against our SCP (tests/net/pynetdicom_ups_scu.py), and our SCU and event
listener against pynetdicom as SCP (tests/net/pynetdicom_ups_scp.py); every operation and
event."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids, ups
from dicomkit.net import ApplicationEntity
from dicomkit.net.services.ups import UpsClient, UpsEventListener, UpsRefused, UpsSCP, contexts
from dicomkit.workitems import AsyncWorkitemStore, WorkitemStore
from dicomkit.workitems.statuses import DUPLICATE_SOP_INSTANCE
from tests.net.peers import HERE, _server, free_port, have_pynetdicom
from tests.net.qr_scp import FAST
from tests.workitems.items import code, final_attributes, new_workitem

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def need_pynetdicom() -> None:
    if not have_pynetdicom():
        from tests.conftest import missing

        missing("pynetdicom (pip install -e '.[test]')")


def run_scu(host: str, port: int, listen: int) -> dict[str, Any]:
    argv = [sys.executable, str(HERE / "pynetdicom_ups_scu.py"), host, str(port), str(listen),
            "--aec", "DKUPS"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


async def test_pynetdicom_scu_against_our_scp_every_operation_and_event(
        tmp_path: Path) -> None:
    need_pynetdicom()
    listen = free_port()
    store = AsyncWorkitemStore(WorkitemStore(str(tmp_path / "ups.sqlite")))
    provider = UpsSCP(store, ae_title="DKUPS", receivers={"PYNETDICOM": ("127.0.0.1", listen)},
                      timeouts=FAST)
    scp = ApplicationEntity("DKUPS", timeouts=FAST)
    scp.add_service(provider)
    async def announce_when_cancel_requested() -> None:
        while not any(e.event_type == ups.UpsEvent.UPS_CANCEL_REQUESTED
                      for e, _, _ in provider.sent):
            await anyio.sleep(0.1)
        await provider.announce("RESTARTED")

    async with anyio.create_task_group() as tg:
        addr = await tg.start(scp.serve, "127.0.0.1", 0)
        tg.start_soon(announce_when_cancel_requested)
        out = await anyio.to_thread.run_sync(run_scu, addr[0], addr[1], listen)
        tg.cancel_scope.cancel()
    store.store.close()
    s = ups.UpsStatus
    assert out["subscribe"] == 0
    assert (out["create"], out["create2"], out["duplicate"]) == (0, 0, DUPLICATE_SOP_INSTANCE)
    assert out["found"] == [[uids.UnifiedProcedureStepPull, out["first"], "SCHEDULED"],
                            [uids.UnifiedProcedureStepQuery, out["first"], "SCHEDULED"]]
    assert out["get"] == [0, "SCHEDULED", "first", False]  # no Transaction UID (N-GET)
    assert (out["claim"], out["claim_again"]) == (0, s.UPS_IS_ALREADY_IN_PROGRESS)
    assert out["set_no_tx"] == s.CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED
    assert out["set_progress"] == 0
    assert out["complete_early"] == s.FINAL_STATE_REQUIREMENTS_NOT_MET
    assert (out["set_final"], out["complete"]) == (0, 0)
    assert out["complete_again"] == s.ALREADY_COMPLETED
    assert out["request_cancel"] == 0
    assert out["request_cancel_done"] == s.UPS_IS_ALREADY_COMPLETED
    assert out["no_such"] == s.NO_SUCH_UPS
    assert out["unsubscribe"] == 0
    first, second = out["first"], out["second"]
    seen = [(e["type"], e["uid"], e["state"]) for e in out["events"]]
    for event in out["events"]:
        assert event["class"] == uids.UnifiedProcedureStepPush  # PS3.4 CC.2.4.3
        assert event["calling"] == "DKUPS"
    report, assigned, progress = (int(e) for e in (ups.UpsEvent.UPS_STATE_REPORT,
                                                    ups.UpsEvent.UPS_ASSIGNED,
                                                    ups.UpsEvent.UPS_PROGRESS_REPORT))
    assert seen[:4] == [(report, first, "SCHEDULED"), (assigned, first, ""),
                        (report, second, "SCHEDULED"), (assigned, second, "")]
    of_first = [e for e in seen[4:] if e[1] == first]
    assert of_first == [(report, first, "IN PROGRESS"), (progress, first, ""),
                        (report, first, "COMPLETED")]
    of_second = [e for e in seen[4:] if e[1] == second]
    assert of_second == [(report, second, "IN PROGRESS"), (report, second, "CANCELED")]
    third = out["third"]
    assert (out["create3"], out["claim3"], out["request_cancel3"]) == (0, 0, 0)
    cancel_requested = [e for e in out["events"] if e["type"] == ups.UpsEvent.UPS_CANCEL_REQUESTED]
    assert [(e["uid"], e["requesting"]) for e in cancel_requested] == [(third, "PYNETDICOM")]
    status_changes = [e for e in out["events"] if e["type"] == ups.UpsEvent.SCP_STATUS_CHANGE]
    assert [e["scp_status"] for e in status_changes] == ["RESTARTED"]


async def test_our_scu_and_listener_against_pynetdicom_scp(tmp_path: Path) -> None:
    need_pynetdicom()
    listener = UpsEventListener()
    ours = ApplicationEntity("DKWATCH", timeouts=FAST)
    ours.add_service(listener, scu_role=True, scp_role=True)
    async with anyio.create_task_group() as tg:
        listen = await tg.start(ours.serve, "127.0.0.1", 0)

        def argv(port: int) -> list[str]:
            return [sys.executable, str(HERE / "pynetdicom_ups_scp.py"), str(port),
                    str(listen[1]), "--fallback", "DKWATCH"]

        with _server("pynetdicom-ups-scp", argv, tmp_path / "out", "PYUPS",
                     tmp_path / "logs") as peer:
            restarted = await listener.wait(20)  # PS3.4 CC.2.4.3: to the fallback list
            assert (restarted.event_type, restarted.info.SCPStatus) == (
                ups.UpsEvent.SCP_STATUS_CHANGE, "RESTARTED")
            async with ours.connect(peer.host, peer.port, called_ae="PYUPS",
                                    contexts=contexts()) as assoc:
                client = UpsClient(assoc)
                assert await client.subscribe("DKWATCH", deletion_lock=True) == 0
                uid = await client.create(new_workitem())
                assert (await listener.wait(20)).state == ups.SCHEDULED
                keys = Dataset()
                keys.ProcedureStepState = ups.SCHEDULED
                keys.ProcedureStepLabel = ""
                found = await client.find(keys)
                assert [(d.SOPInstanceUID, d.ProcedureStepLabel) for d in found] == [
                    (uid, "CT head")]
                got = await client.get(uid, [tags.ProcedureStepLabel, tags.PatientName])
                assert (got.ProcedureStepLabel, got.PatientName) == ("CT head", "DOE^JANE")
                tx = await client.claim(uid)
                assert (await listener.wait(20)).state == ups.IN_PROGRESS
                station = Dataset()
                station.ScheduledStationNameCodeSequence = [code("AI2", "99LOCAL", "AI 2")]
                assert await client.set(uid, station, tx) == 0
                event = await listener.wait(20)
                assert event.event_type == ups.UpsEvent.UPS_ASSIGNED
                assert event.info.ScheduledStationNameCodeSequence[0].CodeValue == "AI2"
                item = Dataset()
                item.ProcedureStepProgress = 10
                change = Dataset()
                change.ProcedureStepProgressInformationSequence = [item]
                assert await client.set(uid, change, tx) == 0
                event = await listener.wait(20)
                assert event.event_type == ups.UpsEvent.UPS_PROGRESS_REPORT
                assert await client.request_cancel(uid, reason="stop") == 0
                event = await listener.wait(20)
                assert (event.event_type, event.info.RequestingAE) == (
                    ups.UpsEvent.UPS_CANCEL_REQUESTED, "DKWATCH")
                assert await client.set(uid, final_attributes(tx)) == 0
                assert (await listener.wait(20)).event_type == ups.UpsEvent.UPS_PROGRESS_REPORT
                assert await client.complete(uid, tx) == 0
                done = await listener.wait(20)
                assert (done.state, done.uid, done.calling_ae) == (ups.COMPLETED, uid, "PYUPS")
                with pytest.raises(UpsRefused) as err:
                    await client.complete(uid, "1.2.3")
                assert err.value.status == ups.UpsStatus.CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED
                assert await client.unsubscribe("DKWATCH") == 0
        tg.cancel_scope.cancel()
