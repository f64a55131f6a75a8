"""The DIMSE provider and the application entity over loopback (PS3.7 9.3, D.3.3.3): one reader
per association, responses routed by Message ID Being Responded To, pending streams, C-CANCEL,
requests arriving on an SCU association, the asynchronous operations window both ways, and the
A-ASSOCIATE-RJ / A-ABORT codes a peer receives."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import anyio
import pytest

from dicomkit.generated import uids
from dicomkit.net import (
    AcceptPolicy,
    ApplicationEntity,
    AssociationAborted,
    AssociationRejected,
    PresentationContext,
    Request,
    ServiceError,
    Timeouts,
    associate,
)
from dicomkit.net import _codes as codes
from dicomkit.net.dimse import build, c_echo_rq, decode_command
from dicomkit.net.pdu import AAssociateRQ, PresentationContextRQ, UserInformation, decode_pdu, encode_pdu
from tests.net.conftest import BACKENDS, backend_param

pytestmark = pytest.mark.anyio
IMPLICIT = uids.ImplicitVRLittleEndian
ECHO = uids.Verification
FIND = uids.StudyRootQueryRetrieveInformationModelFind
FAST = Timeouts(connect=5, artim=2.0, acse=5, dimse=10, network=5, pdu_body=5)
CANCEL_STATUS = 0xFE00
PENDING = 0xFF00


@pytest.fixture(params=BACKENDS)
def anyio_backend(request: pytest.FixtureRequest) -> Any:
    """Routing, windows, cancel and the reject and abort codes on asyncio, uvloop and trio."""
    return backend_param(request.param)


@contextlib.asynccontextmanager
async def serving(ae: ApplicationEntity) -> AsyncIterator[tuple[str, int]]:
    async with anyio.create_task_group() as tg:
        addr = await tg.start(ae.serve, "127.0.0.1", 0)
        yield addr
        tg.cancel_scope.cancel()


def contexts() -> list[PresentationContext]:
    return [PresentationContext(1, ECHO, (IMPLICIT,)), PresentationContext(3, FIND, (IMPLICIT,))]


def acceptor(async_ops: tuple[int, int] = (1, 1)) -> ApplicationEntity:
    return ApplicationEntity("SCP", policy=AcceptPolicy(ae_title="SCP", async_ops=async_ops),
                             timeouts=FAST)


def find_rq(message_id: int) -> Any:
    return build("C-FIND-RQ", MessageID=message_id, AffectedSOPClassUID=FIND, Priority=0)


async def _success(request: Request) -> int:
    return 0


IDENTIFIER = bytes.fromhex("08005200") + (6).to_bytes(4, "little") + b"STUDY "  # QR level


async def test_two_requests_in_a_window_of_two_are_answered_out_of_order() -> None:
    ae = acceptor((2, 2))
    first_waiting = anyio.Event()
    second_done = anyio.Event()

    async def slow_or_fast(request: Request) -> int | None:
        if request.message.message_id == 1:
            first_waiting.set()
            await second_done.wait()  # answered only after the second
        else:
            await first_waiting.wait()
            await request.respond(0)  # answered before the first may go on (no race)
            second_done.set()
            return None
        return 0

    ae.register("C-ECHO-RQ", slow_or_fast)
    order: list[int] = []
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP", contexts=contexts(),
                                  async_ops=(2, 2)) as assoc:
            assert assoc.async_ops == (2, 2)
            dimse = assoc.dimse
            assert dimse is not None

            async def one(mid: int) -> None:
                rsp = await dimse.request_one(1, c_echo_rq(mid))
                order.append(rsp.message.message_id_being_responded_to)

            async with anyio.create_task_group() as tg:
                tg.start_soon(one, 1)
                await anyio.sleep(0.05)
                tg.start_soon(one, 2)
    assert order == [2, 1]


async def test_c_cancel_ends_a_stream_of_pending_responses() -> None:
    ae = acceptor()
    sent: list[int] = []

    async def finder(request: Request) -> int:
        assert await request.read_data() == IDENTIFIER
        while not request.cancelled.is_set():
            await request.respond(PENDING, data=IDENTIFIER)
            sent.append(PENDING)
            with anyio.move_on_after(0.02):
                await request.cancelled.wait()
        return CANCEL_STATUS  # PS3.4 C.4.1.1.4: Matching terminated due to Cancel request

    ae.register("C-FIND-RQ", finder, [FIND])
    ae.register("C-ECHO-RQ", _success)
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP", contexts=contexts()) as assoc:
            dimse = assoc.dimse
            assert dimse is not None
            statuses = []
            async for rsp in dimse.request(3, find_rq(7), IDENTIFIER):
                statuses.append(rsp.status)
                if rsp.pending:
                    assert rsp.data == IDENTIFIER
                if len(statuses) == 3:
                    await dimse.cancel(7, 3)
            # the association is still usable after the cancelled operation
            assert (await dimse.request_one(1, c_echo_rq(8))).status == 0
    assert statuses[:3] == [PENDING] * 3 and statuses[-1] == CANCEL_STATUS
    assert len(statuses) == len(sent) + 1


async def test_leaving_a_stream_after_c_cancel_keeps_its_window_slot_until_the_final_response(
        ) -> None:
    """PS3.7 D.3.3.3: an operation stays outstanding for the peer until its final response.
    A caller that sends C-CANCEL and leaves the stream at once must not get the slot of a
    window of 1 back before that response: the next request waits for it, and the peer, which
    answers the cancel late, never sees two operations at once (it would abort)."""
    ae = acceptor()
    final_sent = anyio.Event()

    async def slow_cancel(request: Request) -> int:
        await request.read_data()
        await request.respond(PENDING, data=IDENTIFIER)
        await request.cancelled.wait()
        await anyio.sleep(0.3)  # the final response comes late
        final_sent.set()
        return CANCEL_STATUS

    async def echo(request: Request) -> int:
        assert final_sent.is_set()  # only after the find's final response
        return 0

    ae.register("C-FIND-RQ", slow_cancel, [FIND])
    ae.register("C-ECHO-RQ", echo)
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP", contexts=contexts()) as assoc:
            dimse = assoc.dimse
            assert dimse is not None
            stream = dimse.request(3, find_rq(9), IDENTIFIER)
            async for rsp in stream:
                assert rsp.pending
                await dimse.cancel(9, 3)
                break
            await stream.aclose()  # type: ignore[attr-defined]
            assert (await dimse.request_one(1, c_echo_rq(10))).status == 0


async def test_an_n_event_report_arrives_on_the_scu_association_while_it_waits() -> None:
    ae = acceptor()

    async def echo_after_report(request: Request) -> int:
        report = build("N-EVENT-REPORT-RQ", AffectedSOPClassUID=ECHO,
                       AffectedSOPInstanceUID="1.2.3.4", EventTypeID=1)
        rsp = await request.provider.request_one(request.context_id, report)
        return 0 if rsp.status == 0 else 0x0110

    ae.register("C-ECHO-RQ", echo_after_report)
    events: list[tuple[str, int | None]] = []

    async def on_report(request: Request) -> int:
        events.append((request.message.name, request.message.get("EventTypeID")))
        return 0

    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        client.register("N-EVENT-REPORT-RQ", on_report)
        async with client.connect(*addr, called_ae="SCP", contexts=contexts()) as assoc:
            assert assoc.dimse is not None
            assert (await assoc.dimse.request_one(1, c_echo_rq(1))).status == 0
    assert events == [("N-EVENT-REPORT-RQ", 1)]


async def test_the_requestor_never_has_more_requests_outstanding_than_it_may_invoke() -> None:
    ae = acceptor((3, 1))
    active = [0, 0]

    async def counting(request: Request) -> int:
        active[0] += 1
        active[1] = max(active)
        await anyio.sleep(0.05)
        active[0] -= 1
        return 0

    ae.register("C-ECHO-RQ", counting)
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP", contexts=contexts(),
                                  async_ops=(5, 1)) as assoc:
            assert assoc.async_ops == (3, 1)  # the acceptor allowed 3
            dimse = assoc.dimse
            assert dimse is not None
            async with anyio.create_task_group() as tg:
                for mid in range(1, 9):
                    tg.start_soon(dimse.request_one, 1, c_echo_rq(mid))
    assert active[1] == 3


async def test_a_request_beyond_the_performed_window_aborts_the_association() -> None:
    ae = acceptor()

    async def slow(request: Request) -> int:
        await anyio.sleep(0.3)
        return 0

    ae.register("C-ECHO-RQ", slow)
    async with serving(ae) as addr:
        assoc = await associate(*addr, called_ae="SCP", contexts=contexts(), timeouts=FAST)
        assert assoc.async_ops == (1, 1)
        await assoc.send_message(1, c_echo_rq(1).encode())
        await assoc.send_message(1, c_echo_rq(2).encode())  # not allowed: window of 1
        with pytest.raises(AssociationAborted) as info:
            while True:
                await assoc.receive_message()
        assert info.value.source == codes.ABORT_SERVICE_USER


async def test_a_service_error_is_answered_with_its_status_comment_and_elements() -> None:
    ae = acceptor()

    async def refuse(request: Request) -> int:
        raise ServiceError(0xA900, "not this one", (0x00100020,))

    ae.register("C-ECHO-RQ", refuse)
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP", contexts=contexts()) as assoc:
            assert assoc.dimse is not None
            rsp = await assoc.dimse.request_one(1, c_echo_rq(1))
            # an unregistered request is answered Unrecognized operation (PS3.7 C.5.23)
            other = await assoc.dimse.request_one(3, find_rq(2), IDENTIFIER)
    assert rsp.status == 0xA900 and rsp.message.get("ErrorComment") == "not this one"
    offending = rsp.message.get("OffendingElement")
    assert [int(t) for t in (offending if isinstance(offending, list) else [offending])] == [
        0x00100020]
    assert other.status == 0x0211


async def test_a_failing_handler_is_answered_processing_failure_and_the_association_lives(
        ) -> None:
    ae = acceptor()

    async def broken(request: Request) -> int:
        raise RuntimeError("bug")

    ae.register("C-ECHO-RQ", broken)
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP", contexts=contexts()) as assoc:
            assert assoc.dimse is not None
            first = await assoc.dimse.request_one(1, c_echo_rq(1))
            second = await assoc.dimse.request_one(1, c_echo_rq(2))
    assert first.status == second.status == 0x0110


async def test_application_entity_hooks_and_message_events() -> None:
    from dicomkit.net.services.verification import VerificationSCP, echo_on

    ae = acceptor()
    ae.add_service(VerificationSCP())
    seen: list[str] = []
    ae.on_open.append(lambda assoc: seen.append("open"))
    ae.on_close.append(lambda assoc, error: seen.append(f"close {error is None}"))
    ae.on_message.append(lambda assoc, way, msg: seen.append(f"{way} {msg.name}"))
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP",
                                  contexts=[PresentationContext(1, ECHO, (IMPLICIT,))]) as assoc:
            assert await echo_on(assoc) == 0
        await anyio.sleep(0.1)
    assert seen == ["open", "received C-ECHO-RQ", "sent C-ECHO-RSP", "close True"]
    assert set(ae.supported) == {ECHO}


async def test_providers_named_by_service_class_get_the_requests_of_their_sop_classes() -> None:
    """C-FIND of Study Root Q/R goes to the Q/R provider, C-FIND of Modality Worklist to the
    worklist one (generated SOP_CLASS_SERVICE, PS3.4 C and K); a SOP class of neither
    service class is answered Unrecognized operation."""
    from dicomkit.generated.service_classes import SOP_CLASSES_OF, ServiceClass

    worklist = uids.ModalityWorklistInformationModelFind
    unserved = uids.HangingProtocolInformationModelFind
    served: list[tuple[str, str]] = []

    class Provider:
        requests = ("C-FIND-RQ",)
        sop_classes = None

        def __init__(self, name: str, service: ServiceClass) -> None:
            self.name = name
            self.service_classes = (service,)

        async def handle(self, request: Request) -> int:
            served.append((self.name, request.abstract_syntax))
            await request.read_data()
            return 0

    ae = acceptor()
    ae.add_service(Provider("qr", ServiceClass.QUERY_RETRIEVE))
    ae.add_service(Provider("mwl", ServiceClass.BASIC_WORKLIST_MANAGEMENT))
    assert FIND in SOP_CLASSES_OF[ServiceClass.QUERY_RETRIEVE] and FIND in ae.supported
    assert worklist in ae.supported and unserved not in ae.supported
    ae.add_supported(unserved)
    statuses = []
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP", contexts=[
                PresentationContext(1, FIND, (IMPLICIT,)),
                PresentationContext(3, worklist, (IMPLICIT,)),
                PresentationContext(5, unserved, (IMPLICIT,))]) as assoc:
            dimse = assoc.dimse
            assert dimse is not None
            for context_id, uid in ((1, FIND), (3, worklist), (5, unserved)):
                rq = build("C-FIND-RQ", MessageID=context_id, AffectedSOPClassUID=uid,
                           Priority=0)
                statuses.append((await dimse.request_one(context_id, rq, IDENTIFIER)).status)
    assert served == [("qr", FIND), ("mwl", worklist)]
    from dicomkit.net.dimse_provider import UNRECOGNIZED_OPERATION

    assert statuses == [0, 0, UNRECOGNIZED_OPERATION]


# ----------------------------------------------------------------- reject and abort codes

async def raw(addr: tuple[str, int], data: bytes, wait: float = 5.0) -> bytes:
    stream = await anyio.connect_tcp(*addr)
    out = bytearray()
    async with stream:
        await stream.send(data)
        with anyio.fail_after(wait):
            try:
                while True:
                    out += await stream.receive()
            except (anyio.EndOfStream, anyio.BrokenResourceError, ConnectionError):
                pass
    return bytes(out)


def rq(called: str = "SCP", calling: str = "SCU", *, context: str = uids.DICOMApplicationContext,
       contexts_: list[PresentationContextRQ] | None = None, version: int = 1) -> bytes:
    return encode_pdu(AAssociateRQ(
        called, calling, context,
        [PresentationContextRQ(1, ECHO, (IMPLICIT,))] if contexts_ is None else contexts_,
        UserInformation(max_length=16384, implementation_class_uid="1.2.3"),
        protocol_version=version))


@pytest.mark.parametrize("policy,request_bytes,expected", [
    (AcceptPolicy(ae_title="SCP"), rq(called="OTHER"),
     (codes.RJ_PERMANENT, codes.RJ_SERVICE_USER, codes.RJ_CALLED_AE)),
    (AcceptPolicy(ae_title="SCP", calling_ae_titles=frozenset({"FRIEND"})), rq(),
     (codes.RJ_PERMANENT, codes.RJ_SERVICE_USER, codes.RJ_CALLING_AE)),
    (AcceptPolicy(ae_title="SCP"), rq(context="1.2.3.4"),
     (codes.RJ_PERMANENT, codes.RJ_SERVICE_USER, codes.RJ_APPLICATION_CONTEXT)),
    (AcceptPolicy(ae_title="SCP", require_user_identity=True), rq(),
     (codes.RJ_PERMANENT, codes.RJ_SERVICE_USER, codes.RJ_NO_REASON)),
    (AcceptPolicy(ae_title="SCP"), rq(contexts_=[]),
     (codes.RJ_PERMANENT, codes.RJ_SERVICE_USER, codes.RJ_NO_REASON)),
    (AcceptPolicy(ae_title="SCP"), rq(version=2),
     (codes.RJ_PERMANENT, codes.RJ_ACSE, codes.RJ_PROTOCOL_VERSION)),
    (AcceptPolicy(ae_title="SCP", max_associations=0), rq(),
     (codes.RJ_TRANSIENT, codes.RJ_PRESENTATION, codes.RJ_LOCAL_LIMIT)),
])
async def test_each_rejection_reaches_the_peer_with_its_code(
        policy: AcceptPolicy, request_bytes: bytes, expected: tuple[int, int, int]) -> None:
    ae = ApplicationEntity("SCP", policy=policy, timeouts=FAST)
    async with serving(ae) as addr:
        answer = decode_pdu(await raw(addr, request_bytes))
    assert (answer.result, answer.source, answer.reason) == expected  # type: ignore[union-attr]


@pytest.mark.parametrize("data,reason", [
    (b"\x09\x00\x00\x00\x00\x04\x00\x00\x00\x00", codes.ABORT_UNRECOGNIZED_PDU),
    (b"\x05\x00\x00\x00\x00\x04\x00\x00\x00\x00", codes.ABORT_UNEXPECTED_PDU),  # RELEASE-RQ
    (b"\x02\x00\x00\x00\x00\x04\x00\x01\x00\x00", None),  # a truncated A-ASSOCIATE-AC
])
async def test_each_abort_reaches_the_peer_with_its_code(data: bytes, reason: int | None
                                                           ) -> None:
    ae = ApplicationEntity("SCP", timeouts=FAST)
    async with serving(ae) as addr:
        answer = decode_pdu(await raw(addr, data))
    assert answer.source == codes.ABORT_SERVICE_PROVIDER  # type: ignore[union-attr]
    if reason is not None:
        assert answer.reason == reason  # type: ignore[union-attr]
    else:
        assert answer.reason in (codes.ABORT_UNEXPECTED_PDU,  # type: ignore[union-attr]
                                 codes.ABORT_INVALID_PDU_PARAMETER,
                                 codes.ABORT_UNRECOGNIZED_PDU_PARAMETER)


async def test_a_local_abort_reaches_the_peer_as_a_service_user_abort() -> None:
    received: list[AssociationAborted] = []

    async def handler(assoc: Any) -> None:
        try:
            await assoc.receive_message()
        except AssociationAborted as exc:
            received.append(exc)

    from dicomkit.net import serve

    async with anyio.create_task_group() as tg:
        addr = await tg.start(lambda task_status: serve(
            "127.0.0.1", 0, policy=AcceptPolicy(ae_title=None), handler=handler,
            timeouts=FAST, task_status=task_status))
        assoc = await associate(*addr, called_ae="X", contexts=contexts(), timeouts=FAST)
        await assoc.abort(codes.ABORT_SERVICE_USER, codes.ABORT_REASON_NOT_SPECIFIED)
        await anyio.sleep(0.2)
        tg.cancel_scope.cancel()
    assert [(e.source, e.reason_code) for e in received] == [
        (codes.ABORT_SERVICE_USER, codes.ABORT_REASON_NOT_SPECIFIED)]


async def test_a_rejected_requestor_sees_the_codes_in_its_error() -> None:
    ae = ApplicationEntity("SCP", timeouts=FAST)
    async with serving(ae) as addr:
        with pytest.raises(AssociationRejected) as info:
            await associate(*addr, called_ae="NOT-SCP", contexts=contexts(), timeouts=FAST)
    assert (info.value.result, info.value.source, info.value.reason_code) == (
        codes.RJ_PERMANENT, codes.RJ_SERVICE_USER, codes.RJ_CALLED_AE)
    assert decode_command  # the module's decoder is the one used for every message


@pytest.mark.anyio
async def test_a_lazy_event_wakes_waiters_and_returns_at_once_when_already_set() -> None:
    from dicomkit.net.dimse_provider import LazyEvent

    ev = LazyEvent()
    assert not ev.is_set()
    woken: list[int] = []

    async def waiter(n: int) -> None:
        await ev.wait()
        woken.append(n)

    async with anyio.create_task_group() as tg:
        tg.start_soon(waiter, 1)
        tg.start_soon(waiter, 2)
        await anyio.sleep(0.05)
        assert woken == []
        ev.set()
    assert sorted(woken) == [1, 2] and ev.is_set()
    with anyio.fail_after(1):
        await ev.wait()


async def test_pending_responses_reuse_one_command_set_and_a_new_status_gets_its_own() -> None:
    # every C-FIND match is a Pending response of the same command set (PS3.7 9.1.2.1.6,
    # C-FIND-RSP: Message ID Being Responded To, Affected SOP Class UID, Status): the provider
    # encodes it once per status; a changed status (FF00H to FF01H) and the final one differ
    ae = acceptor()
    statuses = [PENDING, PENDING, 0xFF01, 0xFF01, PENDING]

    async def finder(request: Request) -> int:
        await request.read_data()
        for status in statuses:
            await request.respond(status, data=IDENTIFIER)
        return 0

    ae.register("C-FIND-RQ", finder, [FIND])
    async with serving(ae) as addr:
        client = ApplicationEntity("SCU", timeouts=FAST)
        async with client.connect(*addr, called_ae="SCP", contexts=contexts()) as assoc:
            dimse = assoc.dimse
            assert dimse is not None
            for message_id in (11, 12):  # two requests: each answers its own Message ID
                got = []
                async for rsp in dimse.request(3, find_rq(message_id), IDENTIFIER):
                    got.append(rsp)
                assert [r.status for r in got] == [*statuses, 0]
                assert all(r.data == IDENTIFIER for r in got[:-1]) and not got[-1].data
                for rsp in got:
                    assert rsp.message.get("MessageIDBeingRespondedTo") == message_id
                    assert rsp.message.get("AffectedSOPClassUID") == FIND
