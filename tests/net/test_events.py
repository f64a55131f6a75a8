"""Observers of the network (dicomkit.net.events): associations, messages, operations timed,
PDU bytes counted on both sides, the PDU-level debug log, and observers that fail or that
observe only part of it."""

from __future__ import annotations

import logging
from typing import Any

import anyio
import pytest

from dicomkit.generated import uids
from dicomkit.net import ApplicationEntity, PresentationContext
from dicomkit.net.events import NetObserver
from dicomkit.net.services.verification import VerificationSCP, echo_on

pytestmark = pytest.mark.anyio


class Recorder(NetObserver):
    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.bytes = {"sent": 0, "received": 0}
        self.assoc: Any = None

    def association_established(self, assoc: Any) -> None:
        self.assoc = assoc
        self.events.append(("established", assoc.is_requestor))

    def association_ended(self, assoc: Any, error: BaseException | None, duration: float) -> None:
        self.events.append(("ended", error is None, duration >= 0))
        self.final = (assoc.ul.bytes_sent, assoc.ul.bytes_received)

    def message(self, assoc: Any, direction: str, message: Any) -> None:
        self.events.append((direction, message.name))

    def operation_completed(self, assoc: Any, role: str, request: Any, response: Any,
                            duration: float) -> None:
        self.events.append(("completed", role, request.name, response.status, duration > 0))

    def bytes_transferred(self, assoc: Any, direction: str, nbytes: int) -> None:
        self.bytes[direction] += nbytes


class Broken:
    """Observes messages only, and fails."""

    def message(self, assoc: Any, direction: str, message: Any) -> None:
        raise RuntimeError("observer bug")


async def test_both_sides_see_the_association_the_echo_and_every_byte(
        caplog: pytest.LogCaptureFixture) -> None:
    scp_rec, scu_rec = Recorder(), Recorder()
    scp = ApplicationEntity("SCP", events=[scp_rec, Broken()])
    scp.add_service(VerificationSCP())
    scu = ApplicationEntity("SCU", events=scu_rec)
    context = PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,))
    with caplog.at_level(logging.DEBUG, "dicomkit.net.pdu"):
        async with anyio.create_task_group() as tg:
            addr = await tg.start(scp.serve, "127.0.0.1", 0)
            async with scu.connect(*addr, called_ae="SCP", contexts=[context]) as assoc:
                assert await echo_on(assoc) == 0
                assert await echo_on(assoc) == 0
            await anyio.sleep(0.1)
            tg.cancel_scope.cancel()
    assert scu_rec.events == [
        ("established", True),
        ("sent", "C-ECHO-RQ"), ("received", "C-ECHO-RSP"), ("completed", "scu", "C-ECHO-RQ", 0, True),
        ("sent", "C-ECHO-RQ"), ("received", "C-ECHO-RSP"), ("completed", "scu", "C-ECHO-RQ", 0, True),
        ("ended", True, True)]
    assert ("received", "C-ECHO-RQ") in scp_rec.events and ("established", False) in scp_rec.events
    assert [e for e in scp_rec.events if e[0] == "completed"] == [
        ("completed", "scp", "C-ECHO-RQ", 0, True)] * 2
    # every PDU counted, on both sides, and what one sent the other received
    assert (scu_rec.bytes["sent"], scu_rec.bytes["received"]) == scu_rec.final
    assert scu_rec.bytes["sent"] == scp_rec.bytes["received"]
    assert scu_rec.bytes["received"] == scp_rec.bytes["sent"]
    # the failing observer was logged, and disturbed nothing
    assert any("observer" in r.message and "failed" in r.message for r in caplog.records
               if r.name == "dicomkit.net")
    pdus = [r.getMessage() for r in caplog.records if r.name == "dicomkit.net.pdu"]
    assert any(m.startswith("sent A_ASSOCIATE_RQ") for m in pdus)
    assert any(m.startswith("received A_ASSOCIATE_AC") for m in pdus)
    assert sum(m.startswith("sent P_DATA_TF") for m in pdus) >= 4  # 2 echoes, both sides
    assert all("127.0.0.1:" in m for m in pdus)


async def test_logging_observer_records_fields_as_json_lines() -> None:
    import io
    import json

    from dicomkit.logs import configure
    from dicomkit.net.events import LoggingObserver

    out = io.StringIO()
    handler = configure(logging.INFO, json_lines=True, stream=out)
    try:
        scp = ApplicationEntity("SCP", events=LoggingObserver())
        scp.add_service(VerificationSCP())
        context = PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,))
        async with anyio.create_task_group() as tg:
            addr = await tg.start(scp.serve, "127.0.0.1", 0)
            async with ApplicationEntity("SCU").connect(*addr, called_ae="SCP",
                                                        contexts=[context]) as assoc:
                assert await echo_on(assoc) == 0
            await anyio.sleep(0.1)
            tg.cancel_scope.cancel()
    finally:
        logging.getLogger("dicomkit").removeHandler(handler)
        logging.getLogger("dicomkit").setLevel(logging.NOTSET)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    ended = [r for r in records if r["message"].startswith("association released")]
    assert len(ended) == 1
    assert ended[0]["logger"] == "dicomkit.net" and ended[0]["calling_ae"] == "SCU"
    assert ended[0]["called_ae"] == "SCP" and ended[0]["outcome"] == "released"
    assert ended[0]["duration"] >= 0 and ended[0]["time"].endswith("Z")
