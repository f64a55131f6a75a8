"""UPS-RS (PS3.18 11) on our DICOMweb server, with our DICOMweb client (asyncio and trio) and
a plain ``websockets`` client receiving the Event Reports as PS3.18 8.10.5 and 11.13 frame them;
the decisions on the standard's open points cite their clauses."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import orjson
import pytest
from anyio.streams.memory import MemoryObjectReceiveStream

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids, ups
from dicomkit.generated.commands import COMMAND_TAGS
from dicomkit.web.client import DicomWebClient
from dicomkit.web.errors import DicomWebError
from dicomkit.workitems import GLOBAL
from tests.web.server.ups_served import AET, UpsServed, ups_served, wait_connected
from tests.workitems.items import final_attributes, new_workitem

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def served(tmp_path: Path):  # type: ignore[no-untyped-def]
    with ups_served(tmp_path) as s:
        yield s


@contextlib.asynccontextmanager
async def events_of(web: DicomWebClient, served: UpsServed, ae: str
                    ) -> AsyncIterator[MemoryObjectReceiveStream[Dataset]]:
    """``ae``'s Event Reports (our client's aiter_events), once its connection is open."""
    send, receive = anyio.create_memory_object_stream[Dataset](100)
    async with anyio.create_task_group() as tg:
        async def pump() -> None:
            async for event in web.aiter_events(ae):
                await send.send(event)

        tg.start_soon(pump)
        await wait_connected(served, ae)
        yield receive
        tg.cancel_scope.cancel()


def cmd(event: Dataset, keyword: str) -> object:
    """A command field of an Event Report frame (PS3.7 Table 10.3-1)."""
    return event[COMMAND_TAGS[keyword]].value


async def next_event(events: MemoryObjectReceiveStream[Dataset]) -> Dataset:
    with anyio.fail_after(20):
        return await events.receive()


async def test_client_create_claim_progress_complete_with_websocket_events(
        served: UpsServed) -> None:
    async with DicomWebClient(served.url) as web:
        ws = await web.subscribe("WATCHER", deletion_lock=True)
        # PS3.18 11.10.3.2: Content-Location is the WebSocket URL (ws or wss)
        assert ws == served.url.replace("http://", "ws://") + "/ws/subscribers/WATCHER"
        async with events_of(web, served, "WATCHER") as events:
            uid = await web.create_workitem(new_workitem(station="CT1"))
            report = await next_event(events)
            assert cmd(report, "EventTypeID") == ups.UpsEvent.UPS_STATE_REPORT
            assert cmd(report, "AffectedSOPInstanceUID") == uid
            assert report.ProcedureStepState == ups.SCHEDULED
            assert report.InputReadinessState == "READY"
            assigned = await next_event(events)
            assert cmd(assigned, "EventTypeID") == ups.UpsEvent.UPS_ASSIGNED
            assert tags.ScheduledStationNameCodeSequence in assigned

            found = await web.search_workitems({"ProcedureStepState": "SCHEDULED"})
            assert [str(d.SOPInstanceUID) for d in found] == [uid]
            # PS3.18 11.9.2: Return Key Type 1 and 2 attributes come unasked
            assert str(found[0].ProcedureStepLabel) == "CT head"
            assert tags.TransactionUID not in found[0]
            assert await web.search_workitems({"PatientID": "nobody"}) == []

            tx = await web.claim_workitem(uid)
            assert (await next_event(events)).ProcedureStepState == ups.IN_PROGRESS
            got = await web.retrieve_workitem(uid)
            assert got.ProcedureStepState == ups.IN_PROGRESS
            assert tags.TransactionUID not in got  # PS3.18 11.5.2

            progress = Dataset()
            item = Dataset()
            item.ProcedureStepProgress = 40
            progress.ProcedureStepProgressInformationSequence = [item]
            await web.update_workitem(uid, progress, tx)
            report = await next_event(events)
            assert cmd(report, "EventTypeID") == ups.UpsEvent.UPS_PROGRESS_REPORT
            assert report.ProcedureStepProgressInformationSequence[0].ProcedureStepProgress == 40

            await web.update_workitem(uid, final_attributes(tx), tx)
            assert cmd((await next_event(events)), "EventTypeID") == ups.UpsEvent.UPS_PROGRESS_REPORT
            assert await web.change_workitem_state(uid, ups.COMPLETED, tx) == []
            assert (await next_event(events)).ProcedureStepState == ups.COMPLETED
            # PS3.18 11.7.3.2: already COMPLETED is a success with this Warning
            again = await web.change_workitem_state(uid, ups.COMPLETED, tx)
            assert len(again) == 1
            assert again[0].endswith("The UPS is already in the requested state of COMPLETED.")


@pytest.mark.parametrize("anyio_backend", ["asyncio"])  # websockets' client is asyncio's
async def test_plain_websocket_client_gets_frames_as_ps3_18_frames_them(
        served: UpsServed) -> None:
    from websockets.asyncio.client import connect

    async with DicomWebClient(served.url) as web:
        url = await web.subscribe("PLAIN")
        async with connect(url) as socket:
            await wait_connected(served, "PLAIN")
            uid = await web.create_workitem(new_workitem())
            with anyio.fail_after(20):
                frame = await socket.recv()
    # PS3.18 8.10.5.1.1: a text frame (opcode %x1: websockets gives str) whose payload is a
    # DICOM JSON data set
    assert isinstance(frame, str)
    body = orjson.loads(frame)
    assert isinstance(body, dict)
    # PS3.4 CC.2.4.3 (which PS3.18 11.13 defers to): Affected SOP Class UID is UPS Push
    assert body["00000002"] == {"vr": "UI", "Value": [uids.UnifiedProcedureStepPush]}
    assert body["00000110"]["vr"] == "US"  # Message ID, managed by the origin server
    assert body["00001000"] == {"vr": "UI", "Value": [uid]}
    assert body["00001002"] == {"vr": "US", "Value": [int(ups.UpsEvent.UPS_STATE_REPORT)]}
    # PS3.4 Table CC.2.4-1: Procedure Step State and Input Readiness State (CS)
    assert body["00741000"] == {"vr": "CS", "Value": ["SCHEDULED"]}
    assert body["00404041"] == {"vr": "CS", "Value": ["READY"]}


async def test_cancel_request_on_scheduled_cancels_and_requesting_ae_is_the_server(
        served: UpsServed) -> None:
    async with DicomWebClient(served.url) as web:
        await web.subscribe("WATCHER")
        async with events_of(web, served, "WATCHER") as events:
            first = await web.create_workitem(new_workitem())
            await next_event(events)
            # PS3.18 11.8.2 -> PS3.4 CC.2.2.3: "If the Procedure Step State ... is still
            # SCHEDULED, the SCP shall change the Procedure Step State ... first to IN
            # PROGRESS and then to CANCELED": 202, not the 409 of Table 11.8.3-1's example
            assert await web.request_cancellation(first, reason="not needed") == []
            states = [(await next_event(events)).ProcedureStepState for _ in range(2)]
            assert states == [ups.IN_PROGRESS, ups.CANCELED]
            assert (await web.retrieve_workitem(first)).ProcedureStepState == ups.CANCELED
            again = await web.request_cancellation(first)
            assert again[0].endswith("The UPS is already in the requested state of CANCELED.")

            second = await web.create_workitem(new_workitem())
            await next_event(events)
            await web.claim_workitem(second)
            await next_event(events)
            await web.request_cancellation(second, reason="wrong patient",
                                           contact_name="Dr^Who")
            event = await next_event(events)
            assert cmd(event, "EventTypeID") == ups.UpsEvent.UPS_CANCEL_REQUESTED
            # PS3.18 11.8 names no AE; PS3.4 CC.2.4.3 wants "the AE Title of the triggering
            # N-ACTION SCU": the origin server's own AE title, nothing invented
            assert event.RequestingAE == AET
            assert event.ReasonForCancellation == "wrong patient"
            assert str(event.ContactDisplayName) == "Dr^Who"
            assert (await web.retrieve_workitem(second)).ProcedureStepState == ups.IN_PROGRESS


async def test_filtered_subscription_suspend_and_unsubscribe(served: UpsServed) -> None:
    async with DicomWebClient(served.url) as web:
        await web.subscribe("CTONLY", filter={"ProcedureStepLabel": "CT head"})
        async with events_of(web, served, "CTONLY") as events:
            await web.create_workitem(new_workitem(label="MR knee"))
            ct = await web.create_workitem(new_workitem(label="CT head"))
            report = await next_event(events)
            assert cmd(report, "AffectedSOPInstanceUID") == ct  # the MR one did not match
            held = served.store.store.subscriptions("CTONLY")
            assert (("CTONLY", ct, False) in held) and len(held) == 2
            await web.suspend_subscription("CTONLY", filtered=True)
            await web.create_workitem(new_workitem(label="CT head"))
            # suspended: no new subscription; the one held stays (PS3.18 11.12)
            assert [u for _, u, _ in served.store.store.subscriptions("CTONLY")] == [ct]
            await web.unsubscribe("CTONLY", ct)
            assert served.store.store.subscriptions("CTONLY") == []
            with pytest.raises(DicomWebError) as err:
                await web.unsubscribe("CTONLY", ct)
            assert err.value.status == 404  # PS3.18 Table 11.11.3-1
            with pytest.raises(DicomWebError) as err:
                await web.suspend_subscription("CTONLY")
            assert err.value.status == 404  # PS3.18 Table 11.12.3-1
        await web.subscribe("ALL")
        assert GLOBAL in [u for _, u, _ in served.store.store.subscriptions("ALL")]
        await web.unsubscribe("ALL")
        assert served.store.store.subscriptions("ALL") == []


async def test_notification_connection_for_a_bad_ae_title_is_400(served: UpsServed) -> None:
    async with DicomWebClient(served.url) as web:
        with pytest.raises(DicomWebError) as err:
            async for _ in web.aiter_events("A" * 17):
                pass
    assert err.value.status == 400  # PS3.18 Table 8.10.4-2


def test_blocking_client_ups_rs_calls(tmp_path: Path) -> None:
    from dicomkit.web.client import BlockingDicomWebClient

    with ups_served(tmp_path) as served, BlockingDicomWebClient(served.url) as web:
        uid = web.create_workitem(new_workitem(label="blocking"))
        assert [str(d.SOPInstanceUID) for d in web.search_workitems(
            {"ProcedureStepLabel": "blocking"})] == [uid]
        tx = web.claim_workitem(uid)
        assert web.retrieve_workitem(uid).ProcedureStepState == ups.IN_PROGRESS
        assert web.subscribe("BLOCK", uid).endswith("/ws/subscribers/BLOCK")
        web.unsubscribe("BLOCK", uid)
        assert web.update_workitem(uid, final_attributes(tx), tx) == []
        assert web.change_workitem_state(uid, ups.CANCELED, tx) == []
        assert web.retrieve_workitem(uid).ProcedureStepState == ups.CANCELED
