"""One workitem store under both transports, as ``dicomkit serve --ups`` runs it: a workitem
created over DIMSE (our UPS SCU) is visible and changeable over UPS-RS and the other way round,
and every change reaches the DIMSE subscribers (N-EVENT-REPORT on a new association) and the
UPS-RS ones (WebSocket) alike (PS3.4 CC.2.4.3: "Subscribed SCUs" include the UPS-RS user agents;
CC.2.3.3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, ups
from dicomkit.generated.commands import COMMAND_TAGS
from dicomkit.net import ApplicationEntity
from dicomkit.net.services.ups import UpsClient, UpsEventListener, contexts
from dicomkit.web.client import DicomWebClient
from tests.net.qr_scp import FAST
from tests.web.server.test_ups_rs import events_of, next_event
from tests.web.server.ups_served import AET, ups_served
from tests.workitems.items import new_workitem

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def event_type(event: Dataset) -> int:
    return int(event[COMMAND_TAGS["EventTypeID"]].value)


async def test_dimse_and_ups_rs_share_workitems_and_events(tmp_path: Path) -> None:
    listener = UpsEventListener()
    ours = ApplicationEntity("DIMSEW", timeouts=FAST)
    ours.add_service(listener, scu_role=True, scp_role=True)
    async with anyio.create_task_group() as tg:
        listen = await tg.start(ours.serve, "127.0.0.1", 0)
        with ups_served(tmp_path, receivers={"DIMSEW": listen}) as served:
            async with DicomWebClient(served.url) as web, \
                    ours.connect(*served.dimse, called_ae=AET, contexts=contexts()) as assoc:
                dimse = UpsClient(assoc)
                assert await dimse.subscribe("DIMSEW") == 0
                await web.subscribe("RSW")
                async with events_of(web, served, "RSW") as events:
                    # created over DIMSE: seen over UPS-RS, reported to both subscribers
                    uid = await dimse.create(new_workitem(label="from DIMSE"))
                    assert (await listener.wait(20)).state == ups.SCHEDULED
                    report = await next_event(events)
                    assert report.ProcedureStepState == ups.SCHEDULED
                    got = await web.retrieve_workitem(uid)
                    assert str(got.ProcedureStepLabel) == "from DIMSE"

                    # claimed over UPS-RS: seen over DIMSE, reported to both
                    tx = await web.claim_workitem(uid)
                    assert (await listener.wait(20)).state == ups.IN_PROGRESS
                    assert (await next_event(events)).ProcedureStepState == ups.IN_PROGRESS
                    assert (await dimse.get(uid)).ProcedureStepState == ups.IN_PROGRESS

                    # progress over DIMSE with the Transaction UID made over UPS-RS
                    progress = Dataset()
                    item = Dataset()
                    item.ProcedureStepProgress = 70
                    progress.ProcedureStepProgressInformationSequence = [item]
                    assert await dimse.set(uid, progress, tx) == 0
                    report = await next_event(events)
                    assert event_type(report) == ups.UpsEvent.UPS_PROGRESS_REPORT
                    assert (await listener.wait(20)).event_type == \
                        ups.UpsEvent.UPS_PROGRESS_REPORT
                    assert (await web.retrieve_workitem(uid)) \
                        .ProcedureStepProgressInformationSequence[0].ProcedureStepProgress == 70

                    # created over UPS-RS: found over DIMSE (C-FIND)
                    other = await web.create_workitem(new_workitem(label="from RS"))
                    assert (await listener.wait(20)).state == ups.SCHEDULED
                    keys = Dataset()
                    keys.ProcedureStepLabel = "from RS"
                    found = await dimse.find(keys)
                    assert [str(d.SOPInstanceUID) for d in found] == [other]

                    # a cancel request over DIMSE reaches the UPS-RS subscriber with the
                    # calling AE title as Requesting AE (PS3.4 CC.2.4.3)
                    await next_event(events)  # the SCHEDULED report of "from RS"
                    await dimse.request_cancel(uid, reason="stop")
                    event = await next_event(events)
                    assert event_type(event) == ups.UpsEvent.UPS_CANCEL_REQUESTED
                    assert event.RequestingAE == "DIMSEW"
                    assert tags.ReasonForCancellation in event
        tg.cancel_scope.cancel()


@pytest.mark.parametrize("anyio_backend", ["asyncio"])  # the peer is the point, not the loop
async def test_pynetdicom_dimse_changes_reach_ups_rs(tmp_path: Path) -> None:
    """pynetdicom as the DIMSE UPS SCU (tests/net/pynetdicom_ups_scu.py: create, claim,
    progress, complete, cancel requests) against the served store: UPS-RS sees the
    outcome, and its WebSocket subscriber heard every state change and the cancel request."""
    from tests.net.peers import HERE, free_port
    from tests.net.test_ups_interop import need_pynetdicom

    def run_scu(host: str, port: int, listen: int) -> dict[str, Any]:
        argv = [sys.executable, str(HERE / "pynetdicom_ups_scu.py"), host, str(port),
                str(listen), "--aec", AET]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return report

    need_pynetdicom()
    listen = free_port()
    with ups_served(tmp_path, receivers={"PYNETDICOM": ("127.0.0.1", listen)}) as served:
        async with DicomWebClient(served.url) as web:
            await web.subscribe("RSW")
            async with events_of(web, served, "RSW") as events:
                out = await anyio.to_thread.run_sync(run_scu, *served.dimse, listen)
                first = await web.retrieve_workitem(out["first"])
                second = await web.retrieve_workitem(out["second"])
                third = await web.retrieve_workitem(out["third"])
                heard: list[Dataset] = []
                with anyio.move_on_after(5):  # what arrived, once the queue is drained
                    while True:
                        heard.append(await events.receive())
    assert (first.ProcedureStepState, second.ProcedureStepState,
            third.ProcedureStepState) == (ups.COMPLETED, ups.CANCELED, ups.IN_PROGRESS)
    reports = [(str(e[COMMAND_TAGS["AffectedSOPInstanceUID"]].value), event_type(e),
                str(e.get(tags.ProcedureStepState) and e.ProcedureStepState or ""))
               for e in heard]
    assert (out["first"], ups.UpsEvent.UPS_STATE_REPORT, ups.COMPLETED) in reports
    assert (out["second"], ups.UpsEvent.UPS_STATE_REPORT, ups.CANCELED) in reports
    cancel = [e for e in heard if event_type(e) == ups.UpsEvent.UPS_CANCEL_REQUESTED]
    assert cancel and str(cancel[0].RequestingAE) == "PYNETDICOM"
