"""Hostile command sets (PS3.7 6.3.1, Annex E): decode_command raises only DimseError, and a
message it returns can be read field by field without any other error."""

from __future__ import annotations

import struct
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.generated.commands import COMMAND_ELEMENTS, COMMAND_TAGS
from dicomkit.net.dimse import SPECS, DimseError, DimseMessage, build, decode_command

_AUTOMATIC = {"CommandGroupLength", "CommandField", "CommandDataSetType"}
_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "UI": st.from_regex(r"[12](\.[1-9][0-9]{0,5}){1,6}", fullmatch=True),
    "US": st.integers(0, 0xFFFF),
    "UL": st.integers(0, 0xFFFFFFFF),
    "AE": st.from_regex(r"[A-Z][A-Z0-9]{0,15}", fullmatch=True),
    "AT": st.lists(st.integers(0, 0xFFFFFFFF), min_size=1, max_size=3),
    "LO": st.from_regex(r"[A-Za-z0-9 ]{0,20}", fullmatch=True),
    "SH": st.from_regex(r"[A-Za-z0-9]{0,16}", fullmatch=True),
}


@st.composite
def messages(draw: st.DrawFn) -> DimseMessage:
    """A message of any kind, with its mandatory fields and some optional ones."""
    name = draw(st.sampled_from(sorted(SPECS)))
    values = {}
    for f in SPECS[name].fields:
        if f.tag is None or f.keyword in _AUTOMATIC:
            continue
        if f.required or draw(st.booleans()):
            values[f.keyword] = draw(_VALUES[COMMAND_ELEMENTS[f.tag][2]])
    return build(name, **values)


def _elements(data: bytes) -> list[list[Any]]:
    out: list[list[Any]] = []
    offset = 0
    while offset < len(data):
        group, element, length = struct.unpack_from("<HHI", data, offset)
        out.append([group << 16 | element, data[offset + 8:offset + 8 + length]])
        offset += 8 + length
    return out


def _assemble(elements: list[list[Any]], group_length: bool = True) -> bytes:
    body = b"".join(struct.pack("<HHI", tag >> 16, tag & 0xFFFF, len(value)) + value
                    for tag, value in elements if tag != 0)
    head = struct.pack("<HHII", 0, 0, 4, len(body)) if group_length else b""
    return head + body


@st.composite
def mutated_commands(draw: st.DrawFn) -> bytes:
    """A valid command set changed: element values of other lengths, elements dropped,
    repeated or added (every command tag, and a few outside group 0000), raw bit flips and
    truncation."""
    data = draw(messages()).encode()
    elements = _elements(data)
    for _ in range(draw(st.integers(1, 3))):
        k = draw(st.integers(0, len(elements) - 1))
        op = draw(st.sampled_from(["value", "cut", "drop", "repeat", "add", "flip", "truncate",
                                   "length"]))
        if op == "value":
            elements[k][1] = draw(st.binary(max_size=9))
        elif op == "cut":
            elements[k][1] = elements[k][1][:draw(st.integers(0, len(elements[k][1])))]
        elif op == "drop" and len(elements) > 1:
            elements.pop(k)
        elif op == "repeat":
            elements.insert(k, list(elements[k]))
        elif op == "add":
            tag = draw(st.sampled_from(sorted(COMMAND_ELEMENTS)) | st.sampled_from(
                [0x00000005, 0x00080016, 0xFFFEE000]))
            elements.insert(k, [tag, draw(st.binary(max_size=9))])
        elif op in ("flip", "truncate", "length"):
            raw = bytearray(_assemble(elements))
            at = draw(st.integers(0, len(raw) - 1))
            if op == "flip":
                raw[at] ^= 1 << draw(st.integers(0, 7))
            elif op == "truncate":
                del raw[at:]
            elif len(raw) >= at + 4:
                raw[at:at + 4] = struct.pack("<I", draw(st.sampled_from([0, 1, 3, 0xFFFFFFFF])))
            return bytes(raw)
    return _assemble(elements, draw(st.integers(0, 9)) > 0)


def read_everything(msg: DimseMessage) -> None:
    """What a provider does with a received message: every property and field."""
    for value in (msg.command_field, msg.message_id, msg.message_id_being_responded_to,
                  msg.status, msg.affected_sop_class_uid, msg.affected_sop_instance_uid):
        assert value is None or isinstance(value, (int, str))
    assert isinstance(msg.has_data_set, bool)
    assert msg.spec.command_field == msg.command_field
    repr(msg)
    for f in msg.spec.fields:
        if f.tag is not None and f.keyword in msg:
            msg.get(f.keyword)
    if msg.status is not None:
        try:
            assert msg.status_category in ("success", "pending", "cancel", "warning", "failure")
        except DimseError:  # a status in no class of PS3.7 Annex C: our error
            pass
    if msg.spec.is_request and msg.message_id is not None and msg.name[:-3] + "-RSP" in SPECS:
        msg.response(0x0000)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_commands())
def test_mutated_command_sets_raise_only_dimse_error(data: bytes) -> None:
    try:
        msg = decode_command(data, peer="127.0.0.1:11112")
    except DimseError as exc:
        assert exc.received
        return
    read_everything(msg)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=120))
def test_random_bytes_raise_only_dimse_error(data: bytes) -> None:
    try:
        read_everything(decode_command(data))
    except DimseError:
        pass


@settings(max_examples=200, deadline=None)
@given(messages())
def test_every_message_built_round_trips_and_reads(msg: DimseMessage) -> None:
    encoded = msg.encode()
    decoded = decode_command(encoded)
    # the same command set on the wire; a value given as a list of one (AT [0] for a 1-n
    # field) decodes as that one value (PS3.5 6.4: VM counts values, not Python lists)
    assert decoded.encode() == encoded
    assert decoded.command_field == msg.command_field and list(decoded.command) == list(msg.command)
    read_everything(decoded)


def _c_echo_rq(**changed: bytes) -> bytes:
    elements = _elements(build("C-ECHO-RQ", MessageID=7,
                               AffectedSOPClassUID="1.2.840.10008.1.1").encode())
    for keyword, value in changed.items():
        tag = COMMAND_TAGS[keyword]
        for element in elements:
            if element[0] == tag:
                element[1] = value
    return _assemble(elements)


@pytest.mark.parametrize(("changed", "message"), [
    ({"MessageID": b"\x07\x00\x00"}, "3 bytes is not a valid US value length"),
    ({"MessageID": b"\x07\x00\x08\x00"}, "2 values, more than its VM 1"),
    ({"MessageID": b""}, "mandatory field is empty"),
    ({"CommandField": b"\x30"}, "1 bytes is not a valid US"),
    ({"AffectedSOPClassUID": b"1.2\\1.3"}, "2 values"),
])
def test_field_values_that_break_their_vr_or_vm_are_refused(changed: dict[str, bytes],
                                                           message: str) -> None:
    with pytest.raises(DimseError, match=message) as info:
        decode_command(_c_echo_rq(**changed), peer="10.0.0.1:104")
    assert info.value.received and info.value.field in changed
    assert "10.0.0.1:104" in str(info.value)


def test_a_repeated_element_is_refused() -> None:
    elements = _elements(build("C-ECHO-RQ", MessageID=7,
                               AffectedSOPClassUID="1.2.840.10008.1.1").encode())
    elements.append(list(elements[-1]))
    with pytest.raises(DimseError, match="appears twice"):
        decode_command(_assemble(elements))
