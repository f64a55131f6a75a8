"""DIMSE messages (PS3.7 9.3, 10.3, Annex E): built from the generated tables, encoded in
implicit VR little endian with the group length first, checked on send and receipt."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.generated.commands import COMMAND_ELEMENTS, COMMAND_FIELDS, COMMAND_TAGS, MESSAGES
from dicomkit.generated.statuses import STATUSES
from dicomkit.net import dimse
from dicomkit.net.dimse import (
    DATA_SET_ABSENT,
    SPECS,
    DimseError,
    DimseMessage,
    build,
    c_echo_rq,
    c_store_rq,
    classify_status,
    decode_command,
)
from tests.net.fakes import FakeAssociation, incoming

_SAMPLE = {"UI": "1.2.840.10008.5.1.4.1.1.2", "US": 7, "AE": "STORESCP", "AT": [0x00100010,
                                                                               0x00100020]}
_AUTOMATIC = {"CommandGroupLength", "CommandField", "CommandDataSetType"}


def _full(name: str) -> DimseMessage:
    """A message with every field of its table filled with a value of the field's VR."""
    values = {f.keyword: _SAMPLE[COMMAND_ELEMENTS[f.tag][2]] for f in SPECS[name].fields
              if f.keyword not in _AUTOMATIC and f.tag is not None}
    return build(name, **values)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_message_round_trips_through_its_encoding(name: str) -> None:
    msg = _full(name)
    decoded = decode_command(msg.encode())
    assert decoded == msg
    assert decoded.command_field == COMMAND_FIELDS.get(name, MESSAGES[name][0])
    if not name.startswith("C-CANCEL"):
        assert decoded.name == name
    else:  # the wire does not say which service a cancel is for
        assert decoded.name == "C-CANCEL-RQ"


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_message_with_only_mandatory_fields_round_trips(name: str) -> None:
    values = {f.keyword: _SAMPLE[COMMAND_ELEMENTS[f.tag][2]] for f in SPECS[name].fields
              if f.required and f.keyword not in _AUTOMATIC and f.tag is not None}
    msg = build(name, **values)
    assert decode_command(msg.encode()) == msg


def test_command_set_is_implicit_little_endian_with_group_length_first() -> None:
    data = c_echo_rq(5).encode()
    group, element, length, value = struct.unpack_from("<HHLL", data)
    assert (group, element, length) == (0, 0, 4)
    assert value == len(data) - 12
    # implicit VR: the next element's header is tag + 4-byte length, no VR letters
    assert struct.unpack_from("<HH", data, 12) == (0x0000, 0x0002)
    assert data[16:18] not in (b"UI", b"UL")


def test_command_data_set_type_follows_data_presence() -> None:
    assert c_echo_rq(1)["CommandDataSetType"] == DATA_SET_ABSENT
    store = c_store_rq(1, "1.2.3", "1.2.3.4")
    assert store.has_data_set
    assert not build("C-STORE-RSP", MessageIDBeingRespondedTo=1, Status=0).has_data_set


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_a_missing_mandatory_field_is_refused_on_send_naming_message_and_field(name: str
                                                                               ) -> None:
    required = [f for f in SPECS[name].fields if f.required and f.keyword not in _AUTOMATIC]
    for field in required:
        msg = _full(name)
        msg.set(field.keyword, None)
        with pytest.raises(DimseError) as info:
            msg.encode()
        assert info.value.message_name == name
        assert info.value.field == field.keyword
        assert name in str(info.value) and field.keyword in str(info.value)


def test_a_received_message_missing_a_mandatory_field_names_the_peers_message() -> None:
    msg = _full("C-STORE-RSP")
    data = msg.encode()
    # drop Status (0000,0900) from the bytes and fix the group length
    cmd = decode_command(data).command
    del cmd[COMMAND_TAGS["Status"]]
    del cmd[COMMAND_TAGS["CommandGroupLength"]]
    from dicomkit.io.writer import encode_dataset

    body = encode_dataset(cmd, "1.2.840.10008.1.2")
    raw = struct.pack("<HHLL", 0, 0, 4, len(body)) + body
    with pytest.raises(DimseError) as info:
        decode_command(raw)
    assert info.value.received and info.value.message_name == "C-STORE-RSP"
    assert info.value.field == "Status"


def test_a_field_the_message_does_not_have_is_refused() -> None:
    with pytest.raises(DimseError, match="Priority"):
        build("C-ECHO-RQ", MessageID=1, AffectedSOPClassUID="1.2", Priority=0)


def test_unknown_command_field_and_foreign_groups_are_refused() -> None:
    msg = c_echo_rq(1)
    msg.command.add_new(COMMAND_TAGS["CommandField"], "US", 0x7777)
    with pytest.raises(DimseError, match="0x7777"):
        decode_command(_raw(msg))
    with pytest.raises(DimseError):
        decode_command(b"\x08\x00\x16\x00\x04\x00\x00\x001.2\x00")
    with pytest.raises(DimseError):
        decode_command(b"\x00\x00\x00\x00\xff\xff")


def _raw(msg: DimseMessage) -> bytes:
    from dicomkit.io.writer import encode_dataset

    cmd = msg.command
    if COMMAND_TAGS["CommandGroupLength"] in cmd:
        del cmd[COMMAND_TAGS["CommandGroupLength"]]
    body = encode_dataset(cmd, "1.2.840.10008.1.2")
    return struct.pack("<HHLL", 0, 0, 4, len(body)) + body


@pytest.mark.parametrize("code", sorted(STATUSES))
def test_statuses_with_fixed_codes_classify_as_the_table_says(code: int) -> None:
    assert classify_status(code) == STATUSES[code][1]


@pytest.mark.parametrize("code,category", [
    (0x0000, "success"), (0xFF00, "pending"), (0xFF01, "pending"), (0xFE00, "cancel"),
    (0xB000, "warning"), (0x0001, "warning"), (0xA700, "failure"), (0xC123, "failure"),
    (0x0122, "failure")])
def test_status_classes_of_annex_c(code: int, category: str) -> None:
    assert classify_status(code) == category
    reply = build("C-STORE-RSP", MessageIDBeingRespondedTo=1, Status=code)
    assert decode_command(reply.encode()).status_category == category


def test_a_status_in_no_class_is_an_error() -> None:
    with pytest.raises(DimseError):
        classify_status(0x0300)


def test_response_copies_equal_fields_and_answers_the_message_id() -> None:
    rq = c_store_rq(42, "1.2.3", "1.2.3.4")
    rsp = rq.response(0x0000)
    assert rsp.name == "C-STORE-RSP"
    assert rsp.message_id_being_responded_to == 42
    assert rsp.affected_sop_class_uid == "1.2.3"
    assert rsp.affected_sop_instance_uid == "1.2.3.4"


def test_message_ids_wrap_after_65535() -> None:
    ids = dimse.MessageIDs()
    first = [ids.next() for _ in range(0xFFFF + 2)]
    assert first[0] == 1 and first[0xFFFE] == 0xFFFF and first[0xFFFF] == 1


_uid = st.from_regex(r"\A[12](\.[1-9][0-9]{0,8}){1,6}\Z")


@settings(max_examples=60, deadline=None)
@given(message_id=st.integers(1, 0xFFFF), sop_class=_uid, sop_instance=_uid,
       priority=st.sampled_from([0, 1, 2]), status=st.integers(0, 0xFFFF),
       move=st.none() | st.tuples(st.from_regex(r"\A[A-Z][A-Z0-9]{0,15}\Z"),
                                  st.integers(1, 0xFFFF)))
def test_store_messages_round_trip_for_any_values(message_id: int, sop_class: str,
                                                  sop_instance: str, priority: int, status: int,
                                                  move: tuple[str, int] | None) -> None:
    rq = c_store_rq(message_id, sop_class, sop_instance, priority, move_originator=move)
    assert decode_command(rq.encode()) == rq
    rsp = rq.response(status)
    back = decode_command(rsp.encode())
    assert back == rsp and back.status == status


@pytest.mark.anyio
async def test_send_sets_data_set_type_and_receive_decodes_over_a_channel() -> None:
    a, b = FakeAssociation.pair({1: "1.2.840.10008.5.1.4.1.1.2"})
    rq = c_store_rq(3, "1.2.840.10008.5.1.4.1.1.2", "1.2.3")
    await dimse.send(a, 1, rq, b"\x08\x00\x18\x00\x04\x00\x00\x001.2\x00")
    msg, inc = await dimse.receive(b)
    assert msg == rq and msg.has_data_set
    assert await dimse.read_data(inc) == b"\x08\x00\x18\x00\x04\x00\x00\x001.2\x00"
    await dimse.send(b, 1, rq.response(0))
    rsp, inc = await dimse.receive(a)
    assert rsp.status == 0 and inc.data is None


@pytest.mark.anyio
async def test_send_refuses_missing_data_set_unaccepted_context_and_stray_data() -> None:
    a, _ = FakeAssociation.pair({1: "1.2.840.10008.1.1"})
    with pytest.raises(DimseError, match="Data Set"):
        await dimse.send(a, 1, c_store_rq(1, "1.2", "1.3"))
    with pytest.raises(DimseError, match="context 3"):
        await dimse.send(a, 3, c_echo_rq(1))
    with pytest.raises(DimseError, match="no data set"):
        await dimse.send(a, 1, c_echo_rq(1), b"xx")


@pytest.mark.anyio
async def test_receive_refuses_a_request_without_its_mandatory_data_set() -> None:
    a = FakeAssociation({1: "1.2"})
    a.inbox.append(incoming(1, c_store_rq(1, "1.2", "1.3").encode(), None))
    with pytest.raises(DimseError) as info:
        await dimse.receive(a)
    assert info.value.message_name == "C-STORE-RQ" and info.value.received




def test_command_set_elements_that_overrun_or_have_undefined_length_are_refused() -> None:
    good = c_echo_rq(1).encode()
    with pytest.raises(DimseError, match="past the"):
        decode_command(good[:-1])  # the last value is one byte short
    undefined = struct.pack("<HHI", 0, 0x0800, 0xFFFFFFFF)
    with pytest.raises(DimseError, match="length"):
        decode_command(good + undefined)
    with pytest.raises(DimseError, match="truncated"):
        decode_command(good + b"\x00\x00\x00")


@pytest.mark.parametrize("name", sorted(SPECS))
def test_the_command_walk_reads_what_the_general_reader_reads(name: str) -> None:
    import io

    from dicomkit.io.reader import read

    data = _full(name).encode()
    ours = decode_command(data).command
    # a bare command set has no preamble and starts with group 0000: read it forced, and
    # accept no warning but the one saying so
    reference = read(io.BytesIO(data), force=True)
    assert all("not DICOM" in str(w) for w in reference.warnings), reference.warnings
    assert [e.tag for e in ours.elements()] == [e.tag for e in reference.elements()]
    assert [e.raw for e in ours.elements()] == [e.raw for e in reference.elements()]
    for elem in ours.elements():
        assert elem.vr == COMMAND_ELEMENTS[elem.tag][2]


def test_status_text_gives_the_meaning_of_the_service() -> None:
    from dicomkit.generated.service_statuses import SERVICE_TABLES, status_code

    assert status_code("B.2-1", "Refused: Out of resources") == 0xA700
    assert "B.2-1" in SERVICE_TABLES["C-STORE"]
    for service in ("C-STORE", "C-STORE-RSP", "B.2-1"):
        assert dimse.status_text(0xA700, service) == "0xA700 Refused: Out of resources (failure)"
    # a code of the range A7xx reads as the range says; without the service only the class
    assert dimse.status_text(0xA7FE, "C-STORE") == "0xA7FE Refused: Out of resources (failure)"
    assert dimse.status_text(0xA700) == "0xA700 (failure)"
    assert dimse.status_text(0xA700, "no such service") == "0xA700 (failure)"


def test_status_text_prefers_the_first_table_of_the_service() -> None:
    # C-FIND of Table C.4-1 says Cxxx "Unable to process"; Table Q.2-1 gives C100 its own
    assert dimse.status_text(0xC100, "C-FIND") == "0xC100 Failed: Unable to process (failure)"
    assert dimse.status_text(0xC100, "Q.2-1") == (
        "0xC100 Failed: More than one match found (failure)")
    assert dimse.status_meaning(0xB000, "C-STORE") == "Coercion of Data Elements"
    assert dimse.status_meaning(0xB000, "C-MOVE") == (
        "Sub-operations Complete - One or more Failures")


def test_status_text_keeps_the_fixed_codes_of_ps3_7() -> None:
    for code, (name, category, *_rest) in STATUSES.items():
        assert dimse.status_text(code) == f"0x{code:04X} {name} ({category})"
    assert dimse.status_text(0x0122, "C-STORE") == (
        "0x0122 Refused: SOP Class not supported (failure)")
    assert dimse.status_text(0x0007) == "0x0007 (unclassified)"
    assert dimse.status_meaning(0x0007, "C-STORE") is None


@pytest.mark.parametrize("value", [0, 1, 0xFFFF, 0x10000, 0xFFFFFFFF])
def test_packed_number_fields_match_the_value_encoder(value: int) -> None:
    """The struct fast path of encode gives the bytes of the general value encoder."""
    from dicomkit.core.values import encode_value

    msg = build("C-STORE-RQ", MessageID=value & 0xFFFF, AffectedSOPClassUID="1.2",
                AffectedSOPInstanceUID="1.3", Priority=0)
    msg.command.add_new(COMMAND_TAGS["CommandLengthToEnd"], "UL", value,
                        validation_mode="ignore")
    data = msg.encode()
    offset = 0
    while offset < len(data):
        group, element, length = struct.unpack_from("<HHI", data, offset)
        tag = group << 16 | element
        raw = data[offset + 8:offset + 8 + length]
        elem = msg.command[tag]
        assert raw == encode_value(elem.vr, elem.value, True, None), hex(tag)
        offset += 8 + length
    assert decode_command(data) == msg
