"""Unified Procedure Step over DIMSE (dicomkit.net.services.ups, PS3.4 Annex CC): our SCU
against our SCP over a workitem store, every operation, with the events arriving on new
associations at our listener; refusals with the statuses of PS3.4 CC.2."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, ups
from dicomkit.net import ApplicationEntity
from dicomkit.net.services.ups import (
    UpsClient,
    UpsEventListener,
    UpsRefused,
    UpsSCP,
    contexts,
)
from dicomkit.workitems import AsyncWorkitemStore, WorkitemStore
from tests.net.qr_scp import FAST
from tests.workitems.items import final_attributes, new_workitem

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@contextlib.asynccontextmanager
async def setting(tmp_path: Path) -> AsyncIterator[tuple[ApplicationEntity, tuple[str, int],
                                                         UpsEventListener, UpsSCP]]:
    """Our UPS SCP (DKUPS) and our SCU entity (WATCHER) listening for events."""
    store = AsyncWorkitemStore(WorkitemStore(str(tmp_path / "ups.sqlite")))
    listener = UpsEventListener()
    ours = ApplicationEntity("WATCHER", timeouts=FAST)
    ours.add_service(listener, scu_role=True, scp_role=True)
    async with anyio.create_task_group() as tg:
        listen = await tg.start(ours.serve, "127.0.0.1", 0)
        provider = UpsSCP(store, ae_title="DKUPS", receivers={"WATCHER": listen},
                          timeouts=FAST)
        scp = ApplicationEntity("DKUPS", timeouts=FAST)
        scp.add_service(provider)
        addr = await tg.start(scp.serve, "127.0.0.1", 0)
        yield ours, addr, listener, provider
        tg.cancel_scope.cancel()
    store.store.close()


async def test_create_claim_progress_complete_with_events(tmp_path: Path) -> None:
    async with setting(tmp_path) as (ours, addr, listener, _):
        async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
            client = UpsClient(assoc)
            assert await client.subscribe("WATCHER", deletion_lock=True) == 0
            uid = await client.create(new_workitem(station="CT1"))
            report = await listener.wait(10)
            assert (report.event_type, report.uid, report.state) == (
                ups.UpsEvent.UPS_STATE_REPORT, uid, ups.SCHEDULED)
            assigned = await listener.wait(10)
            assert assigned.event_type == ups.UpsEvent.UPS_ASSIGNED
            keys = Dataset()
            keys.ProcedureStepState = ups.SCHEDULED
            keys.PatientName = ""
            found = await client.find(keys)
            assert [(d.SOPInstanceUID, d.PatientName) for d in found] == [(uid, "DOE^JANE")]
            tx = await client.claim(uid)
            assert (await listener.wait(10)).state == ups.IN_PROGRESS
            got = await client.get(uid)
            assert got.ProcedureStepState == ups.IN_PROGRESS
            assert tags.TransactionUID not in got  # N-GET: Not allowed (Table CC.2.5-3)
            progress = Dataset()
            item = Dataset()
            item.ProcedureStepProgress = 40
            progress.ProcedureStepProgressInformationSequence = [item]
            await client.set(uid, progress, tx)
            assert (await listener.wait(10)).event_type == ups.UpsEvent.UPS_PROGRESS_REPORT
            await client.set(uid, final_attributes(tx))
            assert (await listener.wait(10)).event_type == ups.UpsEvent.UPS_PROGRESS_REPORT
            assert await client.complete(uid, tx) == 0
            assert (await listener.wait(10)).state == ups.COMPLETED
            # completed again: warning B306H (Table CC.1.1-2)
            assert await client.complete(uid, tx) == ups.UpsStatus.ALREADY_COMPLETED


async def test_refusals_carry_the_standard_status(tmp_path: Path) -> None:
    async with setting(tmp_path) as (ours, addr, _, _):
        async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
            client = UpsClient(assoc)
            with pytest.raises(UpsRefused) as err:
                await client.claim("1.2.3.999")
            assert err.value.status == ups.UpsStatus.NO_SUCH_UPS
            bad = new_workitem()
            bad.ProcedureStepState = ups.COMPLETED
            with pytest.raises(UpsRefused) as err:
                await client.create(bad)
            assert err.value.status == ups.UpsStatus.PROVIDED_VALUE_OF_UPS_STATE_WAS_NOT_SCHEDULED
            uid = await client.create(new_workitem())
            tx = await client.claim(uid)
            with pytest.raises(UpsRefused) as err:
                await client.claim(uid, tx)  # "with correct transaction UID": C302H
            assert err.value.status == ups.UpsStatus.UPS_IS_ALREADY_IN_PROGRESS
            with pytest.raises(UpsRefused) as err:
                await client.claim(uid)  # another performer's: C301H (Table CC.1.1-2)
            assert err.value.status == ups.UpsStatus.CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED
            with pytest.raises(UpsRefused) as err:
                await client.complete(uid, "1.2.3.4.5")
            assert err.value.status == ups.UpsStatus.CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED
            with pytest.raises(UpsRefused) as err:
                await client.complete(uid, tx)
            assert err.value.status == ups.UpsStatus.FINAL_STATE_REQUIREMENTS_NOT_MET
            with pytest.raises(UpsRefused) as err:
                await client.subscribe("NOBODY", uid)
            assert err.value.status == ups.UpsStatus.RECEIVING_AE_TITLE_IS_UNKNOWN_TO_THIS_SCP


async def test_cancel_request_is_reported_to_the_performer(tmp_path: Path) -> None:
    async with setting(tmp_path) as (ours, addr, listener, _):
        async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
            client = UpsClient(assoc)
            uid = await client.create(new_workitem())
            await client.claim(uid)
            await client.subscribe("WATCHER", uid)
            assert (await listener.wait(10)).state == ups.IN_PROGRESS  # the initial event
            assert await client.request_cancel(uid, reason="wrong patient") == 0
            event = await listener.wait(10)
            assert event.event_type == ups.UpsEvent.UPS_CANCEL_REQUESTED
            assert event.info.RequestingAE == "WATCHER"
            assert event.info.ReasonForCancellation == "wrong patient"
            await client.unsubscribe("WATCHER", uid)
            other = await client.create(new_workitem())
            assert await client.request_cancel(other) == 0  # SCHEDULED: canceled
            assert (await client.get(other)).ProcedureStepState == ups.CANCELED
            assert await client.request_cancel(other) == ups.UpsStatus.ALREADY_CANCELED


async def test_scp_status_change_reaches_subscribers(tmp_path: Path) -> None:
    async with setting(tmp_path) as (ours, addr, listener, provider):
        async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
            await UpsClient(assoc).subscribe("WATCHER", deletion_lock=False)
        await provider.announce("RESTARTED")
        event = await listener.wait(10)
        assert event.event_type == ups.UpsEvent.SCP_STATUS_CHANGE
        assert event.info.SCPStatus == "RESTARTED"


async def test_filtered_global_subscription_and_suspend_over_dimse(tmp_path: Path) -> None:
    async with setting(tmp_path) as (ours, addr, listener, _):
        async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
            client = UpsClient(assoc)
            keys = Dataset()
            keys.PatientName = "SMITH*"
            assert await client.subscribe("WATCHER", keys=keys) == 0
            await client.create(new_workitem(patient="DOE^JANE"))
            smith = await client.create(new_workitem(patient="SMITH^JO"))
            event = await listener.wait(10)
            assert (event.uid, event.state) == (smith, ups.SCHEDULED)
            assert await client.suspend_global("WATCHER") == 0
            await client.create(new_workitem(patient="SMITH^AL"))
            await client.claim(smith)  # still subscribed to this one (Table CC.2.3-2)
            event = await listener.wait(10)
            assert (event.uid, event.state) == (smith, ups.IN_PROGRESS)
            assert len(listener.received) == 2


async def test_leaving_a_find_early_cancels_it_and_the_association_goes_on(
        tmp_path: Path) -> None:
    async with setting(tmp_path) as (ours, addr, _, _):
        async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
            client = UpsClient(assoc)
            made = [await client.create(new_workitem()) for _ in range(3)]
            keys = Dataset()
            keys.ProcedureStepState = ""
            seen = []
            stream = client.find_iter(keys)
            async for ds in stream:
                seen.append(ds.SOPInstanceUID)
                break
            await stream.aclose()  # type: ignore[attr-defined]
            assert seen == made[:1]
            assert (await client.get(made[2])).ProcedureStepState == ups.SCHEDULED


async def test_listener_answers_garbage_event_information_with_processing_failure(
        tmp_path: Path) -> None:
    from dicomkit.generated import uids
    from dicomkit.net.acse import PresentationContext
    from dicomkit.net.dimse import build

    listener = UpsEventListener()
    ours = ApplicationEntity("WATCHER", timeouts=FAST)
    ours.add_service(listener, scu_role=True, scp_role=True)
    event_context = [PresentationContext(1, uids.UnifiedProcedureStepEvent,
                                         (uids.ExplicitVRLittleEndian,))]
    async with anyio.create_task_group() as tg:
        listen = await tg.start(ours.serve, "127.0.0.1", 0)
        sender = ApplicationEntity("SENDER", timeouts=FAST)
        async with sender.connect(*listen, called_ae="WATCHER", contexts=event_context) as assoc:
            assert assoc.dimse is not None
            for event_type, data in ((1, b"\x74\x00\x00\x10garbage"), (9, b"")):
                msg = build("N-EVENT-REPORT-RQ", data_set=bool(data),
                            AffectedSOPClassUID=uids.UnifiedProcedureStepPush,
                            AffectedSOPInstanceUID="1.2.3", EventTypeID=event_type)
                rsp = await assoc.dimse.request_one(1, msg, data or None)
                assert rsp.category == "failure"
        tg.cancel_scope.cancel()
    assert listener.received == []


async def test_a_service_outside_its_sop_class_is_refused(tmp_path: Path) -> None:
    from dicomkit.generated import uids
    from dicomkit.net.dimse import build

    async with setting(tmp_path) as (ours, addr, _, _):
        async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
            pull = next(c.id for c in assoc.contexts.values()
                        if c.abstract_syntax == uids.UnifiedProcedureStepPull)
            msg = build("N-CREATE-RQ", data_set=False,
                        AffectedSOPClassUID=uids.UnifiedProcedureStepPush,
                        AffectedSOPInstanceUID="1.2.3.4")
            assert assoc.dimse is not None
            rsp = await assoc.dimse.request_one(pull, msg)  # N-CREATE is Push's (CC.2-1)
            assert rsp.status == 0x0211
