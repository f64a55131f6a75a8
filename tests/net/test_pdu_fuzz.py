"""Hostile PDUs (PS3.8 9.3): the decoders raise only PDUError, do bounded work, and answer well.

Seeds are PDUs of every type built with :func:`encode_pdu` from random values, and PDUs captured
from dcmtk (echoscu, storescu, storescp) and pynetdicom talking to a small recording peer on the
loopback interface.  Mutations: bit flips, byte changes, truncation, inserted bytes and items,
changed 16- and 32-bit lengths, items repeated thousands of times.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable
from typing import Any

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.generated import uids
from dicomkit.generated.pdus import (
    ITEM_TYPES,
    SCHEMAS,
    AbortReason,
    RejectReasonPresentation,
    RejectReasonServiceUser,
    RejectResult,
    RejectSource,
)
from dicomkit.net import dimse, pdu
from dicomkit.net.errors import PDUError, PDULimitError
from dicomkit.net.pdu import (
    PDV,
    AAbort,
    AAssociateAC,
    AAssociateRJ,
    AAssociateRQ,
    AReleaseRP,
    AReleaseRQ,
    CommonExtendedNegotiation,
    PDataTF,
    PresentationContextAC,
    PresentationContextRQ,
    RoleSelection,
    UserIdentityRQ,
    UserInformation,
    decode_pdu,
    encode_pdata,
    encode_pdu,
    read_pdu,
)
from tests.net import peers
from tests.samples import sample

# ------------------------------------------------------------------------------ strategies

UID = st.from_regex(r"[12](\.(0|[1-9][0-9]{0,8})){1,6}", fullmatch=True)  # <= 61 chars
AE_CHARS = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) != "\\")
AE = st.builds(lambda a, b: (a + b).rstrip(" ") if b.strip() else a,
               st.text(AE_CHARS, min_size=1, max_size=1), st.text(AE_CHARS + " ", max_size=15))
U16 = st.integers(0, 0xFFFF)
U8 = st.integers(0, 0xFF)
NAME = st.text("".join(chr(c) for c in range(0x21, 0x7F)), max_size=16)

USER = st.builds(
    UserInformation,
    max_length=st.none() | st.integers(0, 2**32 - 1),
    implementation_class_uid=st.just("") | UID,
    implementation_version_name=NAME,
    async_ops=st.none() | st.tuples(U16, U16),
    roles=st.lists(st.builds(RoleSelection, UID, st.booleans(), st.booleans()), max_size=3),
    extended=st.dictionaries(UID, st.binary(max_size=20), max_size=3),
    common_extended=st.lists(st.builds(CommonExtendedNegotiation, UID, UID,
                                       st.lists(UID, max_size=3).map(tuple)), max_size=2),
    identity_rq=st.none() | st.builds(UserIdentityRQ, st.integers(1, 5), st.booleans(),
                                      st.binary(max_size=40), st.binary(max_size=40)),
    identity_ac=st.none() | st.binary(max_size=40),
)
RQ_CONTEXTS = st.lists(st.integers(0, 127), min_size=1, max_size=6, unique=True).flatmap(
    lambda ids: st.tuples(*[st.builds(PresentationContextRQ, st.just(2 * i + 1), UID,
                                      st.lists(UID, max_size=4).map(tuple)) for i in ids]
                          ).map(list))
AC_CONTEXTS = st.lists(st.integers(0, 127), max_size=6, unique=True).flatmap(
    lambda ids: st.tuples(*[st.builds(PresentationContextAC, st.just(2 * i + 1),
                                      st.integers(0, 4), UID) for i in ids]).map(list))
RQ = st.builds(AAssociateRQ, AE, AE, UID, RQ_CONTEXTS, USER, st.just(1) | U16)
AC = st.builds(AAssociateAC, AE, AE, UID, AC_CONTEXTS, USER, st.just(1) | U16)
PDATA = st.builds(PDataTF, st.lists(st.builds(PDV, U8, st.booleans(), st.booleans(),
                                             st.binary(max_size=200)),
                                    min_size=1, max_size=4).map(tuple))
ANY_PDU = st.one_of(RQ, AC, PDATA, st.builds(AAssociateRJ, U8, U8, U8),
                    st.builds(AAbort, U8, U8), st.just(AReleaseRQ()), st.just(AReleaseRP()))

#: Item type codes a mutation may insert: every known one and a few unknown ones.
ITEM_CODES = st.sampled_from(sorted(ITEM_TYPES) + [0x00, 0x11, 0x7F, 0xFF])


@st.composite
def mutated(draw: st.DrawFn, seeds: st.SearchStrategy[bytes]) -> bytes:
    """``seeds`` changed by a few mutations; the PDU-length is mostly kept consistent, so
    that the mutations reach the items."""
    data = bytearray(draw(seeds))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "set", "truncate", "insert", "len16", "len32",
                                   "item", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[at] = draw(U8)
        elif op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "len16" and len(data) >= at + 2:
            data[at:at + 2] = struct.pack(">H", draw(st.sampled_from([0, 1, 3, 4, 0xFFFF]) | U16))
        elif op == "len32" and len(data) >= at + 4:
            data[at:at + 4] = struct.pack(">I", draw(st.sampled_from([0, 4, 0xFFFFFFFF])
                                                     | st.integers(0, 2**32 - 1)))
        elif op == "item":
            body = draw(st.binary(max_size=70))
            data[at:at] = struct.pack(">BxH", draw(ITEM_CODES), len(body)) + body
        elif op == "repeat":  # "huge counts": one item many times
            body = draw(st.binary(max_size=8))
            item = struct.pack(">BxH", draw(ITEM_CODES), len(body)) + body
            data[at:at] = item * draw(st.integers(100, 3000))
    if len(data) >= 6 and draw(st.integers(0, 9)) < 8:
        data[2:6] = struct.pack(">I", len(data) - 6)
    return bytes(data)


def decodes_or_refuses(data: bytes) -> None:
    """The property: a PDU comes out, or a PDUError that says how to answer."""
    try:
        decode_pdu(data)
    except PDUError as exc:
        assert exc.abort_reason in set(AbortReason), exc
        if exc.reject is not None:
            result, source, _reason = exc.reject
            assert result in set(RejectResult) and source in set(RejectSource)


class Feed:
    """``receive_exactly`` over bytes, as the transport gives it."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __call__(self, n: int) -> bytes:
        if n > len(self.data):
            raise EOFError
        out, self.data = self.data[:n], self.data[n:]
        return out


# ------------------------------------------------------------------------------ round trips

@settings(max_examples=200, deadline=None)
@given(ANY_PDU)
def test_every_pdu_type_round_trips(value: Any) -> None:
    assert decode_pdu(encode_pdu(value)) == value


@settings(max_examples=100, deadline=None)
@given(ANY_PDU)
def test_read_pdu_reads_what_encode_pdu_wrote(value: Any) -> None:
    data = encode_pdu(value)
    assert anyio.run(lambda: read_pdu(Feed(data), max_pdata_length=0)) == value


# ------------------------------------------------------------------------------ fuzzing

@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(ANY_PDU.map(encode_pdu)))
def test_mutated_pdus_of_every_type_raise_only_pdu_error(data: bytes) -> None:
    decodes_or_refuses(data)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted({1, 2, 3, 4, 5, 6, 7, 0, 8, 0xFF})), st.binary(max_size=400),
       st.booleans())
def test_random_bodies_raise_only_pdu_error(code: int, body: bytes, consistent: bool) -> None:
    length = len(body) if consistent else len(body) ^ 1
    decodes_or_refuses(struct.pack(">BxI", code, length) + body)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_raise_only_pdu_error(data: bytes) -> None:
    decodes_or_refuses(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(ANY_PDU.map(encode_pdu)))
def test_read_pdu_raises_only_pdu_error_or_the_transports(data: bytes) -> None:
    async def read() -> None:
        feed = Feed(data)
        while feed.data:
            await read_pdu(feed, max_pdata_length=4096, max_other_length=1 << 16)

    try:
        anyio.run(read)
    except (PDUError, EOFError):
        pass


# ------------------------------------------------------------------------------ real peers

HOST = peers.HOST


def _recv_exactly(conn: socket.socket, n: int) -> bytes:
    out = b""
    while len(out) < n:
        chunk = conn.recv(n - len(out))
        if not chunk:
            raise EOFError
        out += chunk
    return out


def _serve_one(conn: socket.socket, record: list[bytes]) -> None:
    """A Verification/Storage acceptor that records every PDU the peer sends and answers just
    enough for the peer to go on: A-ASSOCIATE-AC, C-*-RSP success, A-RELEASE-RP."""
    command = b""
    data_expected = False
    with conn:
        while True:
            try:
                head = _recv_exactly(conn, 6)
                body = _recv_exactly(conn, struct.unpack(">I", head[2:])[0])
            except (EOFError, OSError):
                return
            record.append(head + body)
            received = decode_pdu(head + body)
            if isinstance(received, AAssociateRQ):
                conn.sendall(encode_pdu(AAssociateAC(
                    received.called_ae, received.calling_ae, received.application_context,
                    [PresentationContextAC(pc.id, 0, pc.transfer_syntaxes[0])
                     for pc in received.contexts],
                    UserInformation(max_length=16384, implementation_class_uid="1.2.3.4"))))
            elif isinstance(received, PDataTF):
                for pdv in received.pdvs:
                    if pdv.is_command:
                        command += pdv.fragment
                        if pdv.is_last:
                            data_expected = dimse.decode_command(command).has_data_set
                    done = pdv.is_last and (pdv.is_command != data_expected)
                    if done:
                        answer = dimse.decode_command(command).response(0x0000)
                        conn.sendall(encode_pdata(pdv.context_id, True, True, answer.encode()))
                        command, data_expected = b"", False
            elif isinstance(received, AReleaseRQ):
                conn.sendall(encode_pdu(AReleaseRP()))
                return
            else:
                return


class Recorder:
    """A loopback listener that records the PDUs of each connection."""

    def __init__(self) -> None:
        self.sock = socket.create_server((HOST, 0))
        self.port = self.sock.getsockname()[1]
        self.connections: list[list[bytes]] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            record: list[bytes] = []
            self.connections.append(record)
            conn.settimeout(30)
            _serve_one(conn, record)

    def close(self) -> None:
        self.sock.close()


def _talk(port: int, pdus: list[bytes], answers: int) -> list[bytes]:
    """Send ``pdus`` to a server on loopback, one at a time, and record its answers."""
    out: list[bytes] = []
    with socket.create_connection((HOST, port), timeout=30) as conn:
        for data in pdus:
            conn.sendall(data)
            if len(out) < answers:
                try:
                    head = _recv_exactly(conn, 6)
                    out.append(head + _recv_exactly(conn, struct.unpack(">I", head[2:])[0]))
                except (EOFError, OSError):
                    break
    return out


def _our_rq(application_context: str = uids.DICOMApplicationContext) -> bytes:
    return encode_pdu(AAssociateRQ("STORESCP", "FUZZ", application_context, [
        PresentationContextRQ(1, uids.Verification, (uids.ImplicitVRLittleEndian,)),
        PresentationContextRQ(3, uids.CTImageStorage, (uids.ExplicitVRLittleEndian,
                                                      uids.ImplicitVRLittleEndian))],
        UserInformation(max_length=16384, implementation_class_uid="1.2.3.4",
                        implementation_version_name="FUZZ")))


@pytest.fixture(scope="module")
def captured(dcmtk_peers: None, pynetdicom_peer: None, tmp_path_factory: pytest.TempPathFactory
             ) -> dict[str, list[bytes]]:
    """PDUs captured from dcmtk and pynetdicom, by who sent them."""
    ct = sample("CT_small.dcm")
    recorder = Recorder()
    clients: list[tuple[str, Callable[[], object]]] = [
        ("dcmtk echoscu", lambda: peers.run_echoscu(HOST, recorder.port, repeat=2)),
        ("dcmtk storescu", lambda: peers.run_storescu(HOST, recorder.port, [ct])),
        ("pynetdicom echo", lambda: peers.run_pynetdicom_scu("echo", HOST, recorder.port)),
        ("pynetdicom store", lambda: peers.run_pynetdicom_scu("store", HOST, recorder.port,
                                                             [ct])),
    ]
    out: dict[str, list[bytes]] = {}
    try:
        for name, run in clients:
            before = len(recorder.connections)
            run()
            out[name] = [p for record in recorder.connections[before:] for p in record]
    finally:
        recorder.close()
    with peers.dcmtk_storescp(tmp_path_factory.mktemp("storescp")) as scp:
        echo = dimse.c_echo_rq(1).encode()
        out["dcmtk storescp"] = (
            _talk(scp.port, [_our_rq(), encode_pdata(1, True, True, echo),
                             encode_pdu(AReleaseRQ())], 3)
            + _talk(scp.port, [_our_rq("1.2.3.4.5")], 1))  # A-ASSOCIATE-RJ
    return out


def test_captured_pdus_decode_and_round_trip(captured: dict[str, list[bytes]]) -> None:
    kinds: dict[str, set[type]] = {}
    for who, pdus in captured.items():
        assert pdus, f"nothing captured from {who}"
        for data in pdus:
            decoded = decode_pdu(data)
            kinds.setdefault(who, set()).add(type(decoded))
            assert decode_pdu(encode_pdu(decoded)) == decoded
    for client in ("dcmtk echoscu", "dcmtk storescu", "pynetdicom echo", "pynetdicom store"):
        assert {AAssociateRQ, PDataTF, AReleaseRQ} <= kinds[client], client
    assert {AAssociateAC, PDataTF, AReleaseRP, AAssociateRJ} <= kinds["dcmtk storescp"]
    rq = next(decode_pdu(p) for p in captured["dcmtk storescu"] if p[0] == 1)
    assert isinstance(rq, AAssociateRQ) and rq.user.implementation_class_uid
    assert rq.application_context == uids.DICOMApplicationContext


@pytest.fixture(scope="module")
def captured_seeds(captured: dict[str, list[bytes]]) -> st.SearchStrategy[bytes]:
    # P-DATA-TF of a data set are long and all alike: keep one of each kind per peer
    seeds: dict[tuple[str, int, int], bytes] = {}
    for who, pdus in captured.items():
        for data in pdus:
            seeds.setdefault((who, data[0], min(len(data), 300) // 100), data[:4000]
                             if data[0] != 4 else data)
    return st.sampled_from(sorted(seeds.values()))


@settings(max_examples=600, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_captured_pdus_raise_only_pdu_error(
        captured_seeds: st.SearchStrategy[bytes], data: st.DataObject) -> None:
    decodes_or_refuses(data.draw(mutated(captured_seeds)))


# ------------------------------------------------------------------------------ limits

def _rq_with(variable: bytes, *, contexts: bool = True) -> bytes:
    """An A-ASSOCIATE-RQ with ``variable`` appended to its variable items."""
    base = AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext,
                        [PresentationContextRQ(1, uids.Verification,
                                               (uids.ImplicitVRLittleEndian,))],
                        UserInformation(max_length=16384))
    data = bytearray(encode_pdu(base))
    if not contexts:  # drop the Presentation Context Item
        start = 74 + 4 + struct.unpack(">H", data[76:78])[0]
        end = start + 4 + struct.unpack(">H", data[start + 2:start + 4])[0]
        del data[start:end]
    data += variable
    data[2:6] = struct.pack(">I", len(data) - 6)
    return bytes(data)


class Count:
    """Counts the item headers the decoder reads."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        original = pdu._Reader.item

        def item(reader: Any, offset: int, end: int, where: str) -> tuple[int, int]:
            self.calls += 1
            return original(reader, offset, end, where)

        monkeypatch.setattr(pdu._Reader, "item", item)


def test_a_megabyte_of_unknown_items_is_refused_at_the_first_past_the_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    count = Count(monkeypatch)
    head = _rq_with(b"")
    data = _rq_with(b"\x7f\x00\x00\x00" * 250_000)
    assert len(data) > 1_000_000
    with pytest.raises(PDULimitError) as info:
        decode_pdu(data)
    err = info.value
    assert err.limit_name == "MAX_UNKNOWN_ITEMS" and err.limit == pdu.MAX_UNKNOWN_ITEMS
    assert err.item_type == 0x7F and err.pdu_type == 1
    assert err.offset == len(head) + 4 * pdu.MAX_UNKNOWN_ITEMS  # the 65th, not the 250,000th
    assert count.calls < 100  # headers read: the known items and the 65 unknown ones
    assert err.reject == (RejectResult.REJECTED_PERMANENT,
                          RejectSource.SERVICE_PROVIDER_PRESENTATION,
                          RejectReasonPresentation.LOCAL_LIMIT_EXCEEDED)
    assert "MAX_UNKNOWN_ITEMS" in str(err)


def _contexts(n: int, syntaxes: int) -> list[PresentationContextRQ]:
    return [PresentationContextRQ(2 * i + 1, uids.CTImageStorage,
                                  (uids.ExplicitVRLittleEndian,) * syntaxes) for i in range(n)]


def test_decoding_work_is_linear_in_the_items(monkeypatch: pytest.MonkeyPatch) -> None:
    count = Count(monkeypatch)
    calls = []
    for n in (10, 100):
        rq = AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext, _contexts(n, 50),
                          UserInformation(max_length=0))
        before = count.calls
        assert decode_pdu(encode_pdu(rq)) == rq
        calls.append(count.calls - before)
    # application context, user information and its maximum length sub-item, then for each
    # context its item, one abstract and 50 transfer syntax sub-items
    assert calls == [3 + 10 * 52, 3 + 100 * 52]


def test_the_largest_request_within_the_limits_decodes() -> None:
    uid = "1." + "2" * (pdu.MAX_UID_LENGTH - 2)
    rq = AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext, [
        PresentationContextRQ(2 * i + 1, uid, (uid,) * pdu.MAX_TRANSFER_SYNTAXES)
        for i in range(pdu.MAX_PRESENTATION_CONTEXTS)],
        UserInformation(max_length=0, roles=[RoleSelection(uid, True, True)] * (
            pdu.MAX_USER_SUB_ITEMS - 1)))
    assert decode_pdu(encode_pdu(rq)) == rq


def _limit(data: bytes) -> PDULimitError:
    with pytest.raises(PDULimitError) as info:
        decode_pdu(data)
    return info.value


def test_contexts_transfer_syntaxes_and_uids_past_their_limits_are_refused() -> None:
    # IDs are odd 1-255, so the 129th context is refused before its ID is looked at
    data = encode_pdu(AAssociateRQ("A", "B", "1.2", _contexts(1, 1), UserInformation()))
    start = 74 + 4 + struct.unpack(">H", data[76:78])[0]  # after the application context item
    one = bytearray(data[start:start + 4 + struct.unpack(">H", data[start + 2:start + 4])[0]])
    assert one[0] == 0x20
    many = b""
    for i in range(pdu.MAX_PRESENTATION_CONTEXTS + 1):
        one[4] = (2 * i + 3) % 256
        many += bytes(one)
    err = _limit(_rq_with(many))
    assert err.limit_name == "MAX_PRESENTATION_CONTEXTS"
    assert err.abort_reason == AbortReason.INVALID_PDU_PARAMETER_VALUE

    rq = AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext,
                      _contexts(1, pdu.MAX_TRANSFER_SYNTAXES + 1), UserInformation())
    assert _limit(encode_pdu(rq)).limit_name == "MAX_TRANSFER_SYNTAXES"

    long_uid = "1." + "2" * (pdu.MAX_UID_LENGTH - 1)
    with pytest.raises(PDUError, match="longer than 64"):
        encode_pdu(AAssociateRQ("SCP", "SCU", long_uid, _contexts(1, 1), UserInformation()))
    app = struct.pack(">BxH", 0x10, len(long_uid)) + long_uid.encode()
    data = bytearray(_rq_with(b""))
    old = struct.unpack(">H", data[76:78])[0]
    data[74:78 + old] = app
    data[2:6] = struct.pack(">I", len(data) - 6)
    err = _limit(bytes(data))
    assert err.limit_name == "MAX_UID_LENGTH" and err.item_type == 0x10


def test_user_sub_items_and_related_classes_past_their_limits_are_refused() -> None:
    user = UserInformation(roles=[RoleSelection("1.2", True, False)] * (
        pdu.MAX_USER_SUB_ITEMS + 1))
    rq = AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext, _contexts(1, 1), user)
    assert _limit(encode_pdu(rq)).limit_name == "MAX_USER_SUB_ITEMS"
    common = [CommonExtendedNegotiation("1.2", "1.3", ("1.4",) * 100)] * 3
    rq = AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext, _contexts(1, 1),
                      UserInformation(common_extended=common))
    assert _limit(encode_pdu(rq)).limit_name == "MAX_RELATED_SOP_CLASSES"
    common = [CommonExtendedNegotiation("1.2", "1.3", ("1.4",) * 100)] * 2
    rq = AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext, _contexts(1, 1),
                      UserInformation(common_extended=common))
    assert decode_pdu(encode_pdu(rq)) == rq


@settings(max_examples=100, deadline=None)
@given(st.lists(UID, max_size=8), UID, UID, st.binary(max_size=4))
def test_the_related_class_count_agrees_with_the_schema(related: list[str], sop: str,
                                                        service: str, reserved: bytes) -> None:
    chunk = bytes(SCHEMAS["SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM"].build({
        "sop_class_uid": sop, "service_class_uid": service, "reserved": reserved,
        "related_general_sop_class_identification": [
            {"related_general_sop_class_uid": u} for u in related]}))
    assert pdu._related_entries(chunk, 1000) == len(related)
    assert pdu._related_entries(chunk, 2) == min(len(related), 3)


# ------------------------------------------------------------------------------ answers

def test_an_unreadable_application_context_name_decodes_for_a_rejection() -> None:
    data = bytearray(_rq_with(b""))
    name_at = 78
    data[name_at + 3] = 0xFF
    decoded = decode_pdu(bytes(data))
    assert isinstance(decoded, AAssociateRQ)
    assert decoded.application_context != uids.DICOMApplicationContext
    assert "\\xff" in decoded.application_context
    # the acceptor answers application-context-name-not-supported; the reason is generated
    assert RejectReasonServiceUser.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED


def test_a_request_without_presentation_contexts_is_refused_with_a_rejection() -> None:
    with pytest.raises(PDUError, match="no Presentation Context Item") as info:
        decode_pdu(_rq_with(b"", contexts=False))
    assert info.value.reject == (RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER,
                                 RejectReasonServiceUser.NO_REASON_GIVEN)
    assert info.value.abort_reason == AbortReason.INVALID_PDU_PARAMETER_VALUE


@pytest.mark.parametrize(("change", "message", "reason"), [
    ("even id", "not an odd number", AbortReason.INVALID_PDU_PARAMETER_VALUE),
    ("same id", "appears twice", AbortReason.INVALID_PDU_PARAMETER_VALUE),
    ("two app contexts", "second Application Context", AbortReason.UNEXPECTED_PDU_PARAMETER),
    ("two user items", "second User Information", AbortReason.UNEXPECTED_PDU_PARAMETER),
    ("bad max length", "malformed Maximum Length", AbortReason.INVALID_PDU_PARAMETER_VALUE),
    ("item past the end", "runs 1 bytes past", AbortReason.INVALID_PDU_PARAMETER_VALUE),
])
def test_structural_faults_name_the_item_and_the_abort_reason(change: str, message: str,
                                                             reason: AbortReason) -> None:
    data = bytearray(encode_pdu(AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext,
                                             _contexts(2, 1), UserInformation(max_length=1))))
    app_len = 4 + struct.unpack(">H", data[76:78])[0]
    pc_at = 74 + app_len
    pc_len = 4 + struct.unpack(">H", data[pc_at + 2:pc_at + 4])[0]
    user_at = pc_at + 2 * pc_len
    if change == "even id":
        data[pc_at + 4] = 2
    elif change == "same id":
        data[pc_at + pc_len + 4] = data[pc_at + 4]
    elif change == "two app contexts":
        data += data[74:74 + app_len]
    elif change == "two user items":
        data += data[user_at:]
    elif change == "bad max length":  # Maximum Length Sub-Item with item-length 3
        data[user_at + 4 + 3] = 3
        data[user_at + 3] -= 1
        del data[user_at + 4 + 4]
    elif change == "item past the end":
        data[user_at + 3] += 1
    data[2:6] = struct.pack(">I", len(data) - 6)
    with pytest.raises(PDUError, match=message) as info:
        decode_pdu(bytes(data))
    assert info.value.abort_reason == reason and info.value.offset > 74
    assert info.value.item_type >= 0


def test_an_unknown_pdu_type_is_an_unrecognized_pdu() -> None:
    with pytest.raises(PDUError) as info:
        decode_pdu(b"\x09\x00\x00\x00\x00\x00")
    assert info.value.abort_reason == AbortReason.UNRECOGNIZED_PDU

    async def read() -> None:
        await read_pdu(Feed(b"\x09\x00\x00\x00\x00\x00"), max_pdata_length=100,
                       peer=("127.0.0.1", 104))

    with pytest.raises(PDUError, match="127.0.0.1:104") as info:
        anyio.run(read)
    assert info.value.peer == ("127.0.0.1", 104)


def test_values_the_schema_cannot_encode_are_pdu_errors() -> None:
    with pytest.raises(PDUError, match="cannot encode"):
        encode_pdu(AAssociateRQ("SCP", "SCU", uids.DICOMApplicationContext,
                                [PresentationContextRQ(301, "1.2", ("1.2",))], UserInformation()))
    with pytest.raises(PDUError, match="cannot encode"):
        encode_pdu(AAssociateRQ("SCP", "SCU", "1.2.ü", _contexts(1, 1), UserInformation()))
    with pytest.raises(PDUError, match="cannot encode"):
        encode_pdu(AAbort(0, 300))
