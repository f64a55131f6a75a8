"""Typed PDUs <-> the generated schemas (PS3.8 9.3), and reading one PDU from a stream."""

from __future__ import annotations

import dataclasses
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.net.errors import PDUError
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
    encode_pdu,
    read_pdu,
)

UID = st.from_regex(r"[12](\.[1-9][0-9]{0,5}){1,6}", fullmatch=True)
AE = st.from_regex(r"[A-Z][A-Z0-9_]{0,15}", fullmatch=True)


@pytest.fixture
def anyio_backend() -> str:
    """The networking code is tested on asyncio (the brief's backend)."""
    return "asyncio"


def full_user() -> UserInformation:
    return UserInformation(
        max_length=16384, implementation_class_uid="1.2.3.4", implementation_version_name="X_1",
        async_ops=(3, 2), roles=[RoleSelection("1.2.840.10008.5.1.4.1.1.2", True, False)],
        extended={"1.2.840.10008.5.1.4.1.1.2": b"\x01\x00"},
        common_extended=[CommonExtendedNegotiation("1.2.3", "1.2.840.10008.4.2", ("1.2.4",))],
        identity_rq=UserIdentityRQ(2, True, b"alice", b"s3cret"))


def test_associate_rq_with_every_user_sub_item_round_trips() -> None:
    rq = AAssociateRQ("SCP", "SCU", "1.2.840.10008.3.1.1.1",
                      [PresentationContextRQ(1, "1.2.840.10008.1.1", ("1.2.840.10008.1.2",)),
                       PresentationContextRQ(3, "1.2.3", ("1.2.840.10008.1.2.1",
                                                          "1.2.840.10008.1.2"))], full_user())
    data = encode_pdu(rq)
    assert data[0] == 1 and struct.unpack(">I", data[2:6])[0] == len(data) - 6
    assert decode_pdu(data) == rq


def test_associate_ac_carries_results_and_server_response() -> None:
    ac = AAssociateAC("SCP", "SCU", "1.2.840.10008.3.1.1.1",
                      [PresentationContextAC(1, 0, "1.2.840.10008.1.2"),
                       PresentationContextAC(3, 4, "1.2.840.10008.1.2")],
                      UserInformation(max_length=0, implementation_class_uid="1.2",
                                      identity_ac=b"token"))
    assert decode_pdu(encode_pdu(ac)) == ac


@pytest.mark.parametrize("pdu", [AAssociateRJ(1, 1, 3), AReleaseRQ(), AReleaseRP(),
                                 AAbort(2, 6)])
def test_fixed_size_pdus_are_ten_bytes_and_round_trip(pdu: object) -> None:
    data = encode_pdu(pdu)  # type: ignore[arg-type]
    assert len(data) == 10
    assert decode_pdu(data) == pdu


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(1, 255).filter(lambda i: i % 2 == 1), st.booleans(),
                          st.booleans(), st.binary(max_size=300)), min_size=1, max_size=4))
def test_p_data_tf_round_trips_any_pdvs(items: list[tuple[int, bool, bool, bytes]]) -> None:
    pdu = PDataTF(tuple(PDV(*i) for i in items))
    assert decode_pdu(encode_pdu(pdu)) == pdu


@settings(max_examples=40)
@given(AE, AE, st.lists(UID, min_size=1, max_size=3), st.integers(0, 2**32 - 1))
def test_associate_rq_round_trips_any_titles_and_syntaxes(called: str, calling: str,
                                                          syntaxes: list[str],
                                                          max_len: int) -> None:
    rq = AAssociateRQ(called, calling, "1.2.840.10008.3.1.1.1",
                      [PresentationContextRQ(1, syntaxes[0], tuple(syntaxes))],
                      UserInformation(max_length=max_len))
    assert decode_pdu(encode_pdu(rq)) == rq


def test_unknown_user_sub_items_are_skipped_and_kept() -> None:
    rq = AAssociateRQ("A", "B", "1.2.840.10008.3.1.1.1",
                      [PresentationContextRQ(1, "1.2", ("1.2.840.10008.1.2",))],
                      UserInformation(max_length=100))
    data = bytearray(encode_pdu(rq))
    extra = bytes([0x7F, 0, 0, 2, 9, 9])
    data += extra
    data[2:6] = struct.pack(">I", len(data) - 6)
    # the user information item is last: grow its length too
    pos = data.rfind(bytes([0x50, 0]))
    (old,) = struct.unpack(">H", data[pos + 2:pos + 4])
    data[pos + 2:pos + 4] = struct.pack(">H", old + len(extra))
    parsed = decode_pdu(bytes(data))
    assert isinstance(parsed, AAssociateRQ)
    assert parsed.user.max_length == 100 and parsed.user.unknown == [(0x7F, b"\x09\x09")]


def test_decode_rejects_unknown_type_and_wrong_length() -> None:
    with pytest.raises(PDUError) as info:
        decode_pdu(b"\x09\x00\x00\x00\x00\x04abcd")
    assert info.value.pdu_type == 9
    with pytest.raises(PDUError, match="does not match"):
        decode_pdu(encode_pdu(AReleaseRQ()) + b"x")


class Feed:
    """receive_exactly over bytes, recording how much was asked."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.asked: list[int] = []

    async def __call__(self, n: int) -> bytes:
        self.asked.append(n)
        if n > len(self.data):
            raise EOFError
        out, self.data = self.data[:n], self.data[n:]
        return out


@pytest.mark.anyio
async def test_read_pdu_refuses_a_4_gb_length_before_reading_the_body() -> None:
    feed = Feed(b"\x04\x00\xff\xff\xff\xff" + b"x" * 100)
    with pytest.raises(PDUError) as info:
        await read_pdu(feed, max_pdata_length=16384)
    assert info.value.length == 0xFFFFFFFF and feed.asked == [6]


@pytest.mark.anyio
async def test_read_pdu_reads_consecutive_pdus() -> None:
    pdus = [PDataTF((PDV(1, True, True, b"abc"),)), AReleaseRQ(), AAbort(0, 0)]
    feed = Feed(b"".join(encode_pdu(p) for p in pdus))
    got = [await read_pdu(feed, max_pdata_length=100) for _ in pdus]
    assert got == pdus


@pytest.mark.anyio
async def test_read_pdu_applies_max_length_to_p_data_only() -> None:
    big = encode_pdu(PDataTF((PDV(1, False, True, b"x" * 200),)))
    with pytest.raises(PDUError, match="over the limit"):
        await read_pdu(Feed(big), max_pdata_length=100)
    assert isinstance(await read_pdu(Feed(big), max_pdata_length=206), PDataTF)


@pytest.mark.parametrize("body", [
    struct.pack(">IBB", 100, 1, 3) + b"abc",  # PDV item-length past the PDU
    struct.pack(">IBB", 1, 1, 3),  # PDV item-length under its 2 header bytes
    b"\x00\x00",  # truncated PDV header
    b"",  # no PDV at all
])
def test_malformed_p_data_tf_is_a_pdu_error(body: bytes) -> None:
    with pytest.raises(PDUError) as info:
        decode_pdu(struct.pack(">BxI", 4, len(body)) + body)
    assert info.value.pdu_type == 4


def test_single_pdv_fast_path_matches_the_generated_schema() -> None:
    from dicomkit.generated.pdus import SCHEMAS

    for command in (False, True):
        for last in (False, True):
            value = {"presentation_data_value_item": [
                {"presentation_context_id": 9, "fragment": b"x" * 70000,
                 "message_control_header": {"command": command, "last": last}}]}
            assert encode_pdu(PDataTF((PDV(9, command, last, b"x" * 70000),))) == bytes(
                SCHEMAS["P_DATA_TF"].build(value))


CONTEXT_IDS = st.integers(0, 127).map(lambda i: 2 * i + 1)


@settings(max_examples=60, deadline=None)
@given(AE, AE, st.lists(st.tuples(CONTEXT_IDS, UID, st.lists(UID, min_size=1, max_size=4)),
                        max_size=12, unique_by=lambda t: t[0]),
       st.booleans(), st.integers(0, 4), st.booleans())
def test_the_struct_built_associate_pdus_equal_the_schema_built_ones(
        called: str, calling: str, proposed: list[tuple[int, str, list[str]]], ac: bool,
        result: int, full: bool) -> None:
    """_encode_associate (struct, item by item) gives the generated schemas' bytes for any
    A-ASSOCIATE-RQ and -AC, and what it builds decodes back to the same PDU."""
    from dicomkit.net.pdu import _encode_associate, _encode_with_schema

    user = full_user() if full else UserInformation(max_length=0, implementation_class_uid="1.2")
    pdu: AAssociateRQ | AAssociateAC
    if ac:
        pdu = AAssociateAC(called, calling, "1.2.840.10008.3.1.1.1",
                           [PresentationContextAC(i, result, ts[0]) for i, _a, ts in proposed],
                           dataclasses.replace(user, identity_rq=None, identity_ac=b"ok"))
    else:
        pdu = AAssociateRQ(called, calling, "1.2.840.10008.3.1.1.1",
                           [PresentationContextRQ(i, a, tuple(ts)) for i, a, ts in proposed],
                           user)
    data = _encode_associate(pdu)
    assert data == _encode_with_schema(pdu)
    if proposed or ac:
        assert decode_pdu(data) == pdu
