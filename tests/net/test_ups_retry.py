"""UPS event delivery to DIMSE subscribers retried as a RetryPolicy says
(dicomkit.net.resilience; PS3.4 CC.2.4.3 leaves retrying to the SCP): a receiver that is down
at first gets the events in order once it is up; without a policy one failure ends it."""

from __future__ import annotations

import logging
from pathlib import Path

import anyio
import pytest

from dicomkit.generated import ups
from dicomkit.net import ApplicationEntity
from dicomkit.net.resilience import RetryPolicy
from dicomkit.net.services.ups import UpsEventListener, UpsSCP
from dicomkit.workitems import GLOBAL, AsyncWorkitemStore, WorkitemStore
from tests.net.peers import free_port
from tests.net.qr_scp import FAST
from tests.workitems.items import new_workitem

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class _Failed(logging.Handler):
    """Sets ``event`` when the SCP logs a failed delivery attempt it will retry."""

    def __init__(self, event: anyio.Event) -> None:
        super().__init__(logging.INFO)
        self.event = event

    def emit(self, record: logging.LogRecord) -> None:
        if "again in" in record.getMessage():
            self.event.set()


async def test_delivery_retried_until_the_receiver_is_up(tmp_path: Path) -> None:
    port = free_port()
    store = AsyncWorkitemStore(WorkitemStore(str(tmp_path / "ups.sqlite")))
    scp = UpsSCP(store, ae_title="DKUPS", receivers={"LATE": ("127.0.0.1", port)},
                 timeouts=FAST, retry=RetryPolicy(backoff="fixed", base=0.2, max_attempts=50))
    await store.subscribe("LATE", GLOBAL, deletion_lock=False)
    first = await store.create(new_workitem(label="one"))
    second = await store.create(new_workitem(label="two"))
    failed = anyio.Event()
    handler = _Failed(failed)
    logger = logging.getLogger("dicomkit.net.services.ups.scp")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    listener = UpsEventListener()
    late = ApplicationEntity("LATE", timeouts=FAST)
    late.add_service(listener, scu_role=True, scp_role=True)
    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(store.publish, [*first.events, *second.events])
            with anyio.fail_after(30):
                await failed.wait()       # the receiver was down: an attempt failed
            await tg.start(late.serve, "127.0.0.1", port)
            with anyio.fail_after(30):
                got = [await listener.wait() for _ in range(2)]
                while len(scp.sent) < 2:  # the second response read after our answer
                    await anyio.sleep(0.01)
            tg.cancel_scope.cancel()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        store.store.close()
    assert [(e.event_type, e.uid) for e in got] == [
        (ups.UpsEvent.UPS_STATE_REPORT, first.dataset.SOPInstanceUID),   # type: ignore[union-attr]
        (ups.UpsEvent.UPS_STATE_REPORT, second.dataset.SOPInstanceUID)]  # type: ignore[union-attr]
    assert [status for _, _, status in scp.sent] == [0, 0]


async def test_without_a_policy_one_failure_ends_the_delivery(tmp_path: Path) -> None:
    store = AsyncWorkitemStore(WorkitemStore(str(tmp_path / "ups.sqlite")))
    scp = UpsSCP(store, ae_title="DKUPS", receivers={"DOWN": ("127.0.0.1", free_port())},
                 timeouts=FAST)
    await store.subscribe("DOWN", GLOBAL, deletion_lock=False)
    created = await store.create(new_workitem())
    with anyio.fail_after(30):
        await store.publish(created.events)
    store.store.close()
    assert [(e.uid, ae, status) for e, ae, status in scp.sent] == [
        (created.dataset.SOPInstanceUID, "DOWN", None)]  # type: ignore[union-attr]
