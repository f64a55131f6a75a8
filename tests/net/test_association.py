"""Associations end to end on loopback: our SCU against our SCP, hostile peers against
``serve``, and interop with pynetdicom and dcmtk (PS3.8 7, 9; PS3.7 D.3.3)."""

from __future__ import annotations

import contextlib
import shutil
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import anyio
import anyio.abc
import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.generated import uids
from dicomkit.generated.commands import COMMAND_FIELDS
from dicomkit.io.writer import IMPLEMENTATION_CLASS_UID, encode_dataset
from dicomkit.net import (
    AcceptPolicy,
    Association,
    AssociationAborted,
    AssociationRejected,
    AssociationReleased,
    NetworkError,
    PresentationContext,
    Timeouts,
    UserIdentity,
    associate,
    serve,
    transport,
)
from dicomkit.net.pdu import CommonExtendedNegotiation
from tests.conftest import missing

IMPLICIT = uids.ImplicitVRLittleEndian
EXPLICIT = uids.ExplicitVRLittleEndian
ECHO = uids.Verification
CT = uids.CTImageStorage
FAST = Timeouts(connect=5, artim=1.0, acse=5, dimse=10, network=5)

Handler = Callable[[Association], Awaitable[None]]


def command(name: str, message_id: int, *, data: bool, **extra: Any) -> bytes:
    """A command set in implicit VR LE built with dicomkit's writer (PS3.7 9.3, E.1)."""
    ds = Dataset()
    ds.add_new(0x00000002, "UI", extra.get("sop_class", ECHO))
    ds.add_new(0x00000100, "US", COMMAND_FIELDS[name])
    if name.endswith("-RQ"):
        ds.add_new(0x00000110, "US", message_id)
    else:
        ds.add_new(0x00000120, "US", message_id)
    ds.add_new(0x00000800, "US", 0x0000 if data else 0x0101)
    if "status" in extra:
        ds.add_new(0x00000900, "US", extra["status"])
    body = encode_dataset(ds, IMPLICIT)
    return struct.pack("<HHIL", 0, 0, 4, len(body)) + body


def command_field(cmd: bytes) -> int:
    """The (0000,0100) value of an implicit VR LE command set."""
    offset = 0
    while offset < len(cmd):
        group, element, length = struct.unpack_from("<HHI", cmd, offset)
        offset += 8
        if (group, element) == (0, 0x0100):
            return int(struct.unpack_from("<H", cmd, offset)[0])
        offset += length
    raise AssertionError("no Command Field")


async def echo_handler(assoc: Association) -> None:
    """Answer every C-ECHO-RQ with a success C-ECHO-RSP."""
    while True:
        msg = await assoc.receive_message()
        assert command_field(msg.command) == COMMAND_FIELDS["C-ECHO-RQ"]
        await assoc.send_message(msg.context_id,
                                 command("C-ECHO-RSP", 1, data=False, status=0))


@contextlib.asynccontextmanager
async def running(handler: Handler, policy: AcceptPolicy | None = None,
                  timeouts: Timeouts = FAST) -> AsyncIterator[tuple[str, int]]:
    async with anyio.create_task_group() as tg:
        addr = await tg.start(_serve, handler, policy or AcceptPolicy(), timeouts)
        yield addr
        tg.cancel_scope.cancel()


async def _serve(handler: Handler, policy: AcceptPolicy, timeouts: Timeouts,
                 task_status: Any = anyio.TASK_STATUS_IGNORED) -> None:
    await serve("127.0.0.1", 0, policy=policy, handler=handler, timeouts=timeouts,
                task_status=task_status)


def echo_context(i: int = 1) -> PresentationContext:
    return PresentationContext(i, ECHO, (IMPLICIT,))


pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    """The networking code is tested on asyncio (the brief's backend)."""
    return "asyncio"


# --------------------------------------------------------------------------- negotiation

async def test_negotiation_gives_per_context_results_and_user_information() -> None:
    seen: dict[str, Any] = {}

    async def handler(assoc: Association) -> None:
        seen.update(calling=assoc.calling_ae, peer_max=assoc.peer_max_pdu,
                    impl=assoc.peer_implementation_class_uid, roles=assoc.roles,
                    ext=assoc.sop_class_extended, common=assoc.sop_class_common_extended,
                    async_ops=assoc.async_ops)
        await echo_handler(assoc)

    policy = AcceptPolicy(ae_title="STORE", abstract_syntaxes=frozenset({ECHO, CT}),
                          transfer_syntaxes=(EXPLICIT, IMPLICIT), max_pdu=32768,
                          sop_class_extended=lambda uid, info: info[::-1], async_ops=(2, 3))
    async with running(handler, policy) as (host, port):
        assoc = await associate(
            host, port, called_ae="STORE", calling_ae="ME", max_pdu=20000, contexts=[
                echo_context(1),
                PresentationContext(3, CT, (IMPLICIT, EXPLICIT), scu_role=True, scp_role=True),
                PresentationContext(5, "1.2.3.4.5", (IMPLICIT,)),
                PresentationContext(7, CT, ("1.2.9.9",))],
            timeouts=FAST, async_ops=(5, 5), sop_class_extended={CT: b"\x01\x02"},
            sop_class_common_extended=[CommonExtendedNegotiation(CT, "1.2.840.10008.4.2")])
        async with assoc:
            assert {i: c.result for i, c in assoc.results.items()} == {1: 0, 3: 0, 5: 3, 7: 4}
            assert sorted(assoc.contexts) == [1, 3]
            assert assoc.contexts[3].transfer_syntax == EXPLICIT  # acceptor's preference
            assert assoc.peer_max_pdu == 32768 and assoc.local_max_pdu == 20000
            assert assoc.peer_implementation_class_uid == IMPLEMENTATION_CLASS_UID
            assert assoc.roles == {CT: (True, True)}
            assert assoc.sop_class_extended == {CT: b"\x02\x01"}
            assert assoc.async_ops == (2, 3)
    assert seen["calling"] == "ME" and seen["peer_max"] == 20000
    assert seen["impl"] == IMPLEMENTATION_CLASS_UID and seen["roles"] == {CT: (True, True)}
    assert seen["ext"] == {CT: b"\x01\x02"}
    assert seen["common"] == [CommonExtendedNegotiation(CT, "1.2.840.10008.4.2")]
    assert seen["async_ops"] == (3, 2)


@pytest.mark.parametrize("policy,called,calling,expect", [
    (AcceptPolicy(ae_title="RIGHT"), "WRONG", "ME", (1, 1, 7, "called-AE-title-not-recognized")),
    (AcceptPolicy(calling_ae_titles=frozenset({"FRIEND"})), "DICOMKIT", "STRANGER",
     (1, 1, 3, "calling-AE-title-not-recognized")),
    (AcceptPolicy(require_user_identity=True), "DICOMKIT", "ME", (1, 1, 1, "no-reason-given")),
])
async def test_rejections_carry_readable_result_source_reason(
        policy: AcceptPolicy, called: str, calling: str,
        expect: tuple[int, int, int, str]) -> None:
    async with running(echo_handler, policy) as (host, port):
        with pytest.raises(AssociationRejected) as info:
            await associate(host, port, called_ae=called, calling_ae=calling,
                            contexts=[echo_context()], timeouts=FAST)
    err = info.value
    assert (err.result, err.source, err.reason_code) == expect[:3]
    assert expect[3] in str(err) and "rejected-permanent" in str(err)
    assert err.peer == (host, port)


async def test_user_identity_is_checked_and_answered() -> None:
    got: list[UserIdentity | None] = []

    def authenticate(ident: UserIdentity) -> bool | bytes:
        return b"welcome " + ident.primary if ident.secondary == b"pw" else False

    async def handler(assoc: Association) -> None:
        got.append(assoc.user_identity)
        await echo_handler(assoc)

    policy = AcceptPolicy(require_user_identity=True, authenticate=authenticate)
    async with running(handler, policy) as (host, port):
        ident = UserIdentity.username_password("alice", "pw", response=True)
        async with await associate(host, port, called_ae="DICOMKIT", contexts=[echo_context()],
                                   user_identity=ident, timeouts=FAST) as assoc:
            assert assoc.user_identity_response == b"welcome alice"
        with pytest.raises(AssociationRejected):
            await associate(host, port, called_ae="DICOMKIT", contexts=[echo_context()],
                            user_identity=UserIdentity.username_password("alice", "bad"),
                            timeouts=FAST)
        for make in (UserIdentity.kerberos, UserIdentity.saml, UserIdentity.jwt):
            with pytest.raises(AssociationRejected):
                await associate(host, port, called_ae="DICOMKIT", contexts=[echo_context()],
                                user_identity=make(b"opaque"), timeouts=FAST)
    assert got == [ident]


async def test_jwt_identity_without_response_request_gets_none() -> None:
    async with running(echo_handler, AcceptPolicy(authenticate=lambda i: True)) as addr:
        async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                   user_identity=UserIdentity.jwt(b"a.b.c"),
                                   timeouts=FAST) as assoc:
            assert assoc.user_identity_response is None


# --------------------------------------------------------------------------- data transfer

async def test_small_max_pdu_fragments_and_reassembles_both_ways() -> None:
    payload = bytes(range(256)) * 40  # 10240 bytes
    received: list[list[int]] = []

    async def handler(assoc: Association) -> None:
        msg = await assoc.receive_message()
        assert msg.data is not None
        sizes = []
        chunks = []
        async for fragment in msg.data:
            sizes.append(len(fragment))
            chunks.append(fragment)
        received.append(sizes)
        assert b"".join(chunks) == payload

        async def stream() -> AsyncIterator[bytes]:
            for i in range(0, len(payload), 1000):
                yield payload[i:i + 1000]

        await assoc.send_message(msg.context_id, msg.command, stream())
        await assoc.receive_message()

    async with running(handler, AcceptPolicy(max_pdu=128)) as addr:
        async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                   max_pdu=300, timeouts=FAST) as assoc:
            cmd = command("C-STORE-RQ", 7, data=True)
            await assoc.send_message(1, cmd, payload)
            back = await assoc.receive_message()
            assert back.command == cmd and back.data is not None
            sizes = []
            data = bytearray()
            async for fragment in back.data:
                sizes.append(len(fragment))
                data += fragment
            assert bytes(data) == payload
            assert max(sizes) == 300 - 6 and sum(sizes) == len(payload)
    assert max(received[0]) == 128 - 6 and sum(received[0]) == len(payload)


async def test_unread_data_set_is_skipped_by_the_next_receive() -> None:
    async def handler(assoc: Association) -> None:
        first = await assoc.receive_message()
        assert first.data is not None  # not read on purpose
        second = await assoc.receive_message()
        await assoc.send_message(second.context_id, second.command)

    async with running(handler, AcceptPolicy(max_pdu=200)) as addr:
        async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                   timeouts=FAST) as assoc:
            await assoc.send_message(1, command("C-STORE-RQ", 1, data=True), b"z" * 5000)
            echo = command("C-ECHO-RQ", 2, data=False)
            await assoc.send_message(1, echo)
            assert (await assoc.receive_message()).command == echo


async def test_sending_on_an_unaccepted_context_is_refused() -> None:
    async with running(echo_handler) as addr:
        async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                   timeouts=FAST) as assoc:
            with pytest.raises(NetworkError, match="context 3"):
                await assoc.send_message(3, b"")


# --------------------------------------------------------------------------- release, abort

async def test_release_ends_the_handler_with_association_released() -> None:
    outcome: list[str] = []

    async def handler(assoc: Association) -> None:
        try:
            await assoc.receive_message()
        except AssociationReleased:
            outcome.append("released")
            raise

    async with running(handler) as addr:
        assoc = await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                timeouts=FAST)
        await assoc.release()
        assert assoc.state == "Sta1"
        await anyio.sleep(0.1)
    assert outcome == ["released"]


async def test_release_collision_completes_on_both_sides() -> None:
    states: list[list[str]] = []
    started = anyio.Event()

    async def handler(assoc: Association) -> None:
        await started.wait()
        await anyio.sleep(0.2)  # the requestor's A-RELEASE-RQ is waiting unread: collision
        await assoc.release()
        states.append([h[2] for h in assoc.ul.sm.history])

    async with running(handler) as addr:
        assoc = await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                timeouts=FAST)
        started.set()
        await assoc.release()
        requestor = [h[2] for h in assoc.ul.sm.history]
        await anyio.sleep(0.3)
    assert requestor[-4:] == ["AR-1", "AR-8", "AR-9", "AR-3"]
    # acceptor side: Sta7 -> Sta10 -> Sta12 -> Sta13, then the requestor closes (AR-5)
    assert states and states[0][3:] == ["AR-1", "AR-8", "AR-10", "AR-4", "AR-5"]


async def test_scu_abort_reaches_the_handler() -> None:
    errors: list[AssociationAborted] = []

    async def handler(assoc: Association) -> None:
        try:
            await assoc.receive_message()
        except AssociationAborted as exc:
            errors.append(exc)

    async with running(handler) as addr:
        assoc = await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                timeouts=FAST)
        await assoc.abort(0, 0)
        await anyio.sleep(0.2)
    assert len(errors) == 1 and errors[0].source == 0


async def test_scp_abort_reaches_the_scu() -> None:
    async def handler(assoc: Association) -> None:
        await assoc.receive_message()
        await assoc.abort()

    async with running(handler) as addr:
        async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                   timeouts=FAST) as assoc:
            await assoc.send_message(1, command("C-ECHO-RQ", 1, data=False))
            with pytest.raises(AssociationAborted) as info:
                await assoc.receive_message()
            assert info.value.source == 0


async def test_abort_mid_data_set_raises_in_the_handlers_data_iterator() -> None:
    errors: list[BaseException] = []
    got = [0]

    async def handler(assoc: Association) -> None:
        msg = await assoc.receive_message()
        assert msg.data is not None
        try:
            async for fragment in msg.data:
                got[0] += len(fragment)
        except AssociationAborted as exc:
            errors.append(exc)

    async with running(handler, AcceptPolicy(max_pdu=1000)) as addr:
        assoc = await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                timeouts=FAST)

        # more than a corked connection holds back (transport.CORK_LIMIT): part of it leaves
        sent = 2 * transport.CORK_LIMIT

        async def partial() -> AsyncIterator[bytes]:
            yield b"x" * sent
            await assoc.abort(0, 0)
            yield b"never"

        with pytest.raises(AssociationAborted):
            await assoc.send_message(1, command("C-STORE-RQ", 1, data=True), partial())
        await anyio.sleep(0.2)
    assert len(errors) == 1 and 0 < got[0] < sent


# --------------------------------------------------------------------------- hostile peers

async def raw(addr: tuple[str, int], data: bytes, wait: float = 3.0) -> bytes:
    """Send ``data`` on a raw connection; everything the server answers until it closes."""
    stream = await anyio.connect_tcp(*addr)
    out = bytearray()
    async with stream:
        if data:
            await stream.send(data)
        with anyio.fail_after(wait):
            try:
                while True:
                    out += await stream.receive()
            except (anyio.EndOfStream, anyio.BrokenResourceError, ConnectionError):
                pass
    return bytes(out)


async def assert_still_serving(addr: tuple[str, int]) -> None:
    async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                               timeouts=FAST) as assoc:
        await assoc.send_message(1, command("C-ECHO-RQ", 1, data=False))
        reply = await assoc.receive_message()
        assert command_field(reply.command) == COMMAND_FIELDS["C-ECHO-RSP"]


async def test_garbage_bytes_get_an_abort_and_the_server_stays_up() -> None:
    async with running(echo_handler) as addr:
        answer = await raw(addr, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert answer[:1] == b"\x07" and len(answer) == 10  # A-ABORT
        await assert_still_serving(addr)


async def test_pdu_length_0xffffffff_is_refused_without_allocating() -> None:
    async with running(echo_handler) as addr:
        answer = await raw(addr, b"\x01\x00\xff\xff\xff\xff" + b"\x00" * 64)
        assert answer[:1] == b"\x07"
        await assert_still_serving(addr)


async def test_unsupported_protocol_version_is_rejected_by_the_provider() -> None:
    from dicomkit.net.pdu import (
        AAssociateRQ,
        PresentationContextRQ,
        UserInformation,
        decode_pdu,
        encode_pdu,
    )

    rq = AAssociateRQ("DICOMKIT", "ME", uids.DICOMApplicationContext,
                      [PresentationContextRQ(1, ECHO, (IMPLICIT,))],
                      UserInformation(max_length=0), protocol_version=2)
    async with running(echo_handler) as addr:
        answer = await raw(addr, encode_pdu(rq))
        reply = decode_pdu(answer)
        assert (reply.result, reply.source, reply.reason) == (1, 2, 2)  # type: ignore[union-attr]


async def test_release_request_before_association_is_aborted() -> None:
    async with running(echo_handler) as addr:
        answer = await raw(addr, b"\x05\x00\x00\x00\x00\x04\x00\x00\x00\x00")
        assert answer[:1] == b"\x07" and len(answer) == 10
        await assert_still_serving(addr)


async def test_silent_peer_is_closed_by_artim() -> None:
    async with running(echo_handler) as addr:
        start = anyio.current_time()
        assert await raw(addr, b"", wait=5) == b""
        assert 0.8 < anyio.current_time() - start < 4
        await assert_still_serving(addr)


async def test_fifty_concurrent_associations_are_served_or_politely_rejected() -> None:
    outcomes: list[str] = []

    async def slow_echo(assoc: Association) -> None:
        await anyio.sleep(0.3)
        await echo_handler(assoc)

    async def one(addr: tuple[str, int]) -> None:
        try:
            async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                       timeouts=FAST) as assoc:
                await assoc.send_message(1, command("C-ECHO-RQ", 1, data=False))
                await assoc.receive_message()
            outcomes.append("served")
        except AssociationRejected as exc:
            assert (exc.result, exc.source, exc.reason_code) == (2, 3, 2)
            outcomes.append("rejected")

    async with running(slow_echo, AcceptPolicy(max_associations=10)) as addr:
        async with anyio.create_task_group() as tg:
            for _ in range(50):
                tg.start_soon(one, addr)
        await assert_still_serving(addr)
    assert len(outcomes) == 50
    assert 10 <= outcomes.count("served") and "rejected" in outcomes


async def test_handler_exception_aborts_and_server_stays_up() -> None:
    async def broken(assoc: Association) -> None:
        raise RuntimeError("bug in handler")

    async with running(broken) as addr:
        async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                   timeouts=FAST) as assoc:
            with pytest.raises(AssociationAborted):
                await assoc.receive_message()


# --------------------------------------------------------------------------- interop

@pytest.fixture
def pynetdicom() -> Any:
    try:
        import pynetdicom as module
    except ImportError:
        missing("pynetdicom (pip install pynetdicom)")
    return module


async def test_our_scu_echoes_pynetdicom_scp(pynetdicom: Any) -> None:
    ae = pynetdicom.AE(ae_title="PYNET")
    ae.add_supported_context(ECHO, [IMPLICIT])
    server = ae.start_server(("127.0.0.1", 0), block=False)
    port = server.server_address[1]
    try:
        async with await associate("127.0.0.1", port, called_ae="PYNET",
                                   contexts=[echo_context()], timeouts=FAST) as assoc:
            assert assoc.peer_implementation_class_uid == pynetdicom.PYNETDICOM_IMPLEMENTATION_UID
            await assoc.send_message(1, command("C-ECHO-RQ", 1, data=False))
            reply = await assoc.receive_message()
            assert command_field(reply.command) == COMMAND_FIELDS["C-ECHO-RSP"]
            assert reply.data is None
            status = reply.command.find(struct.pack("<HHI", 0, 0x0900, 2))
            assert status > 0 and reply.command[status + 8:status + 10] == b"\x00\x00"
    finally:
        server.shutdown()


async def test_pynetdicom_scu_echoes_our_scp(pynetdicom: Any) -> None:
    async with running(echo_handler, AcceptPolicy(max_pdu=4096)) as (host, port):
        def run() -> tuple[int, int, int]:
            ae = pynetdicom.AE(ae_title="PYSCU")
            ae.add_requested_context(ECHO)
            assoc = ae.associate(host, port, ae_title="DICOMKIT")
            assert assoc.is_established
            peer_max = assoc.acceptor.maximum_length
            status = assoc.send_c_echo()
            assoc.release()
            return int(status.Status), peer_max, int(assoc.is_released)

        status, peer_max, released = await anyio.to_thread.run_sync(run)
    assert (status, peer_max, released) == (0, 4096, 1)


async def test_dcmtk_echoscu_echoes_our_scp() -> None:
    if shutil.which("echoscu") is None:
        missing("dcmtk echoscu (apt-get install -y dcmtk)")
    async with running(echo_handler) as (host, port):
        result = await anyio.run_process(
            ["echoscu", "-aec", "DICOMKIT", "-aet", "DCMTK", "-v", host, str(port)],
            check=False)
    out = (result.stdout + result.stderr).decode(errors="replace")
    assert result.returncode == 0, out
    assert "Received Echo Response" in out and "Success" in out


# --------------------------------------------------------------------------- TLS

def make_pki(tmp: Any) -> dict[str, Any]:
    """A CA and a server and a client certificate signed by it (PS3.15 B.1 style)."""
    try:
        import datetime

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        missing("cryptography (pip install cryptography)")
    now = datetime.datetime.now(datetime.UTC)

    def cert(name: str, key: Any, issuer: Any, issuer_key: Any, ca: bool) -> Any:
        builder = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
                   .issuer_name(issuer).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), True))
        if not ca:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.DNSName("localhost")]), False)
        return builder.sign(issuer_key, hashes.SHA256())

    paths: dict[str, Any] = {}
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test CA")])
    ca = cert("test CA", ca_key, ca_name, ca_key, True)
    paths["ca"] = tmp / "ca.pem"
    paths["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    for who in ("server", "client"):
        key = ec.generate_private_key(ec.SECP256R1())
        crt = cert(who, key, ca_name, ca_key, False)
        path = tmp / f"{who}.pem"
        path.write_bytes(crt.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        paths[who] = path
    return paths


async def test_mutual_tls_association_and_refused_client_without_certificate(
        tmp_path: Any) -> None:
    import ssl

    pki = make_pki(tmp_path)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(pki["ca"]))
    server_ctx.load_cert_chain(str(pki["server"]))
    server_ctx.verify_mode = ssl.CERT_REQUIRED
    client_ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(pki["ca"]))
    client_ctx.load_cert_chain(str(pki["client"]))
    anonymous = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(pki["ca"]))

    async with anyio.create_task_group() as tg:
        async def run(task_status: Any = anyio.TASK_STATUS_IGNORED) -> None:
            await serve("127.0.0.1", 0, policy=AcceptPolicy(), handler=echo_handler,
                        ssl_context=server_ctx, timeouts=FAST, task_status=task_status)

        host, port = await tg.start(run)
        async with await associate(host, port, called_ae="DICOMKIT", contexts=[echo_context()],
                                   ssl_context=client_ctx, server_hostname="localhost",
                                   timeouts=FAST) as assoc:
            assert assoc.tls
            await assoc.send_message(1, command("C-ECHO-RQ", 1, data=False))
            reply = await assoc.receive_message()
            assert command_field(reply.command) == COMMAND_FIELDS["C-ECHO-RSP"]
        with pytest.raises(NetworkError) as refused:  # TLS 1.3: the refusal on first read
            await associate(host, port, called_ae="DICOMKIT", contexts=[echo_context()],
                            ssl_context=anonymous, server_hostname="localhost", timeouts=FAST)
        assert "TLS" in str(refused.value), refused.value  # says what happened
        tg.cancel_scope.cancel()


async def test_both_ends_set_tcp_nodelay() -> None:
    import socket


    flags: list[int] = []

    async def on_connection(conn: transport.Connection) -> None:
        sock = conn.raw_socket()
        assert sock is not None
        flags.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        await conn.aclose()

    listener = await transport.listen("127.0.0.1", 0)
    async with anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, on_connection)
        conn = await transport.connect(*listener.address)
        sock = conn.raw_socket()
        assert sock is not None
        flags.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        assert await conn.wait_closed(2)
        await conn.aclose()
        tg.cancel_scope.cancel()
    await listener.aclose()
    assert len(flags) == 2 and all(flags)


async def test_an_idle_association_is_aborted_by_the_scp_after_the_idle_timeout() -> None:
    """A peer that associates, then neither sends nor releases, loses the association after
    ``Timeouts.idle`` when the SCP sets no DIMSE timeout."""
    idle = Timeouts(connect=5, artim=1.0, acse=5, dimse=None, network=5, idle=0.5)
    async with running(echo_handler, timeouts=idle) as addr:
        async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                   timeouts=FAST) as assoc:
            start = anyio.current_time()
            with pytest.raises(AssociationAborted):
                await assoc.receive_message()
            assert 0.4 < anyio.current_time() - start < 4
        await assert_still_serving(addr)


async def test_held_messages_leave_in_one_write_and_in_order() -> None:
    """``Association.holding``: many small messages, one write each flush (the C-FIND SCP's
    Pending responses); whole messages, in the order sent, also when the block raises."""
    got: list[bytes] = []

    async def handler(assoc: Association) -> None:
        while True:
            msg = await assoc.receive_message()
            got.append(msg.command)

    async with running(handler) as addr:
        async with await associate(*addr, called_ae="DICOMKIT", contexts=[echo_context()],
                                   timeouts=FAST) as assoc:
            conn = assoc.ul.connection
            writes: list[int] = []
            original = conn._write

            async def counting(data: bytes, timeout: float | None) -> None:
                writes.append(len(data))
                await original(data, timeout)

            conn._write = counting  # type: ignore[method-assign]
            async with assoc.holding() as held:
                for i in range(1, 11):
                    await assoc.send_message(1, command("C-ECHO-RQ", i, data=False))
                assert writes == []  # nothing left yet
                await held.flush_held()
                assert len(writes) == 1
                for i in range(11, 21):
                    await assoc.send_message(1, command("C-ECHO-RQ", i, data=False))
            assert len(writes) == 2
            with pytest.raises(RuntimeError):
                async with assoc.holding():
                    for i in range(21, 24):
                        await assoc.send_message(1, command("C-ECHO-RQ", i, data=False))
                    raise RuntimeError("the handler failed")
            assert len(writes) == 3
            await assoc.send_message(1, command("C-ECHO-RQ", 24, data=False))
            assert len(writes) == 4  # not held any more: one write per message again
            with anyio.fail_after(5):
                while len(got) < 24:
                    await anyio.sleep(0.01)
    assert got == [command("C-ECHO-RQ", i, data=False) for i in range(1, 25)]
