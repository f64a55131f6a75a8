"""The generated PDU schemas against bytes laid out by hand with struct.pack, per PS3.8 9.3,
Annex D and PS3.7 D.3.3: every PDU, item and sub-item parses, and builds back identically.

The module tested is the committed ``dicomkit.generated.pdus``; ``tests/codegen/test_generate.py``
pins that it equals what the generators make of PS3.7/PS3.8 2024c.
"""

from __future__ import annotations

import struct
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ECHO = "1.2.840.10008.1.1"
CT_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
IMPLICIT = "1.2.840.10008.1.2"
EXPLICIT = "1.2.840.10008.1.2.1"
APP_CONTEXT = "1.2.840.10008.3.1.1.1"


@pytest.fixture(scope="module")
def pdus() -> ModuleType:
    """The committed module (``test_generate`` pins that it equals a fresh generation)."""
    from dicomkit.generated import pdus as module

    return module


def roundtrip(pdus: ModuleType, name: str, data: bytes, value: dict[str, Any]) -> Any:
    """Parse ``data`` with schema ``name``, build ``value`` and the parsed result: all equal."""
    schema = pdus.SCHEMAS[name]
    parsed = schema.parse(data)
    assert schema.build(value) == data, name
    assert schema.build(parsed) == data, name
    return parsed


# --------------------------------------------------------------------------- hand layouts

def item(code: int, body: bytes, byte2: int = 0) -> bytes:
    """Item-type, reserved, Item-length (2 bytes), body (PS3.8 9.3.2.x)."""
    return struct.pack(">BBH", code, byte2, len(body)) + body


def pdu(code: int, body: bytes) -> bytes:
    """PDU-type, reserved, PDU-length (4 bytes), body (PS3.8 9.3.x)."""
    return struct.pack(">BBI", code, 0, len(body)) + body


def associate_body(called: str, calling: str, items: bytes) -> bytes:
    """Protocol-version, reserved, called and calling AE titles, 32 reserved, items."""
    return (struct.pack(">HH16s16s", 1, 0, called.encode().ljust(16), calling.encode().ljust(16))
            + bytes(32) + items)


def uid16(uid: str) -> bytes:
    return struct.pack(">H", len(uid)) + uid.encode()


def user_identity_rq(kind: int, response: int, primary: bytes, secondary: bytes) -> bytes:
    return item(0x58, struct.pack(">BBH", kind, response, len(primary)) + primary
                + struct.pack(">H", len(secondary)) + secondary)


def test_a_associate_rq_with_every_rq_sub_item(pdus: ModuleType) -> None:
    ac_item = item(0x10, APP_CONTEXT.encode())
    pc1 = item(0x20, struct.pack(">BBBB", 1, 0, 0, 0) + item(0x30, ECHO.encode())
               + item(0x40, IMPLICIT.encode()))
    pc3 = item(0x20, struct.pack(">BBBB", 3, 0, 0, 0) + item(0x30, CT_STORAGE.encode())
               + item(0x40, EXPLICIT.encode()) + item(0x40, IMPLICIT.encode()))
    related = uid16("1.2.840.10008.5.1.4.1.1.2.1") + uid16("1.2.3.4")
    user = (item(0x51, struct.pack(">I", 16384))
            + item(0x52, b"1.2.826.0.1.3680043.9.1")
            + item(0x53, struct.pack(">HH", 5, 3))
            + item(0x54, uid16(CT_STORAGE) + bytes([1, 0]))
            + item(0x55, b"DICOMKIT_10")
            + item(0x56, uid16(CT_STORAGE) + b"\x01\x00\x01\x00")
            + item(0x57, uid16(CT_STORAGE) + uid16("1.2.840.10008.4.2")
                   + struct.pack(">H", len(related)) + related)
            + user_identity_rq(2, 1, b"alice", b"s3cret"))
    data = pdu(0x01, associate_body("ANY-SCP", "DICOMKIT", ac_item + pc1 + pc3
                                    + item(0x50, user)))
    value = {
        "called_ae_title": "ANY-SCP", "calling_ae_title": "DICOMKIT",
        "variable_items": [
            {"item_type": 0x10, "application_context_name": APP_CONTEXT},
            {"item_type": 0x20, "presentation_context_id": 1,
             "abstract_transfer_syntax_sub_items": [
                 {"item_type": 0x30, "abstract_syntax_name": ECHO},
                 {"item_type": 0x40, "transfer_syntax_name": IMPLICIT}]},
            {"item_type": 0x20, "presentation_context_id": 3,
             "abstract_transfer_syntax_sub_items": [
                 {"item_type": 0x30, "abstract_syntax_name": CT_STORAGE},
                 {"item_type": 0x40, "transfer_syntax_name": EXPLICIT},
                 {"item_type": 0x40, "transfer_syntax_name": IMPLICIT}]},
            {"item_type": 0x50, "user_data": [
                {"item_type": 0x51, "maximum_length_received": 16384},
                {"item_type": 0x52, "implementation_class_uid": "1.2.826.0.1.3680043.9.1"},
                {"item_type": 0x53, "maximum_number_operations_invoked": 5,
                 "maximum_number_operations_performed": 3},
                {"item_type": 0x54, "sop_class_uid": CT_STORAGE, "scu_role": 1, "scp_role": 0},
                {"item_type": 0x55, "implementation_version_name": "DICOMKIT_10"},
                {"item_type": 0x56, "sop_class_uid": CT_STORAGE,
                 "service_class_application_information": b"\x01\x00\x01\x00"},
                {"item_type": 0x57, "sop_class_uid": CT_STORAGE,
                 "service_class_uid": "1.2.840.10008.4.2",
                 "related_general_sop_class_identification": [
                     {"related_general_sop_class_uid": "1.2.840.10008.5.1.4.1.1.2.1"},
                     {"related_general_sop_class_uid": "1.2.3.4"}]},
                {"item_type": 0x58, "user_identity_type": 2, "positive_response_requested": 1,
                 "primary_field": b"alice", "secondary_field": b"s3cret"},
            ]},
        ],
    }
    p = roundtrip(pdus, "A_ASSOCIATE_RQ", data, value)
    assert (p.pdu_type, p.pdu_length, p.protocol_version) == (1, len(data) - 6, 1)
    assert (p.called_ae_title, p.calling_ae_title) == ("ANY-SCP", "DICOMKIT")
    assert [i.item_type for i in p.variable_items] == [0x10, 0x20, 0x20, 0x50]
    assert p.variable_items[0].application_context_name == APP_CONTEXT
    pc = p.variable_items[2]
    assert pc.presentation_context_id == 3 and pc.item_length == len(pc3) - 4
    assert [s.item_type for s in pc.abstract_transfer_syntax_sub_items] == [0x30, 0x40, 0x40]
    assert pc.abstract_transfer_syntax_sub_items[1].transfer_syntax_name == EXPLICIT
    sub = {s.item_type: s for s in p.variable_items[3].user_data}
    assert sub[0x51].maximum_length_received == 16384
    assert sub[0x53].maximum_number_operations_invoked == 5
    assert (sub[0x54].uid_length, sub[0x54].sop_class_uid, sub[0x54].scu_role,
            sub[0x54].scp_role) == (len(CT_STORAGE), CT_STORAGE, 1, 0)
    assert sub[0x55].implementation_version_name == "DICOMKIT_10"
    assert sub[0x56].service_class_application_information == b"\x01\x00\x01\x00"
    assert sub[0x57].sub_item_version == 0
    assert sub[0x57].related_general_sop_class_identification_length == len(related)
    assert [r.related_general_sop_class_uid for r in
            sub[0x57].related_general_sop_class_identification] == [
        "1.2.840.10008.5.1.4.1.1.2.1", "1.2.3.4"]
    assert sub[0x57].reserved == b""
    assert (sub[0x58].user_identity_type, sub[0x58].primary_field,
            sub[0x58].secondary_field) == (2, b"alice", b"s3cret")
    # each item and sub-item on its own
    roundtrip(pdus, "APPLICATION_CONTEXT_ITEM", ac_item,
              {"application_context_name": APP_CONTEXT})
    roundtrip(pdus, "PRESENTATION_CONTEXT_ITEM_RQ", pc1, value["variable_items"][1])
    roundtrip(pdus, "ABSTRACT_SYNTAX_SUB_ITEM", item(0x30, ECHO.encode()),
              {"abstract_syntax_name": ECHO})
    roundtrip(pdus, "TRANSFER_SYNTAX_SUB_ITEM", item(0x40, IMPLICIT.encode()),
              {"transfer_syntax_name": IMPLICIT})
    roundtrip(pdus, "USER_INFORMATION_ITEM", item(0x50, user), value["variable_items"][3])
    user_items = value["variable_items"][3]["user_data"]
    offset = 0
    for v in user_items:
        length = struct.unpack(">H", user[offset + 2:offset + 4])[0]
        one = user[offset:offset + 4 + length]
        offset += 4 + length
        roundtrip(pdus, pdus.ITEM_TYPES[v["item_type"]], one, v)
    assert offset == len(user)
    roundtrip(pdus, "RELATED_GENERAL_SOP_CLASS_IDENTIFICATION", uid16("1.2.3.4"),
              {"related_general_sop_class_uid": "1.2.3.4"})


@pytest.mark.parametrize(("kind", "response", "primary", "secondary"), [
    (1, 0, b"alice", b""),                    # username
    (2, 1, b"alice", b"pass word"),           # username and passcode
    (5, 1, b"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", b""),  # JWT
])
def test_user_identity_sub_item_variants(pdus: ModuleType, kind: int, response: int,
                                         primary: bytes, secondary: bytes) -> None:
    data = user_identity_rq(kind, response, primary, secondary)
    value: dict[str, Any] = {"user_identity_type": kind, "positive_response_requested": response,
                             "primary_field": primary}
    if secondary:
        value["secondary_field"] = secondary
    p = roundtrip(pdus, "USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ", data, value)
    assert (p.item_length, p.primary_field_length, p.secondary_field_length) == (
        len(data) - 4, len(primary), len(secondary))
    assert p.secondary_field == secondary


def test_a_associate_ac_with_user_identity_response(pdus: ModuleType) -> None:
    pc1 = item(0x21, struct.pack(">BBBB", 1, 0, 0, 0) + item(0x40, IMPLICIT.encode()))
    pc3 = item(0x21, struct.pack(">BBBB", 3, 0, 3, 0) + item(0x40, IMPLICIT.encode()))
    user = (item(0x51, struct.pack(">I", 0)) + item(0x52, b"1.2.3")
            + item(0x54, uid16(CT_STORAGE) + bytes([0, 1]))
            + item(0x59, struct.pack(">H", 6) + b"ticket"))
    data = pdu(0x02, associate_body("ANY-SCP", "DICOMKIT", item(0x10, APP_CONTEXT.encode())
                                    + pc1 + pc3 + item(0x50, user)))
    value = {
        "called_ae_title": "ANY-SCP", "calling_ae_title": "DICOMKIT",
        "variable_items": [
            {"item_type": 0x10, "application_context_name": APP_CONTEXT},
            {"item_type": 0x21, "presentation_context_id": 1, "result_reason": 0,
             "transfer_syntax_sub_item": [{"item_type": 0x40, "transfer_syntax_name": IMPLICIT}]},
            {"item_type": 0x21, "presentation_context_id": 3, "result_reason": 3,
             "transfer_syntax_sub_item": [{"item_type": 0x40, "transfer_syntax_name": IMPLICIT}]},
            {"item_type": 0x50, "user_data": [
                {"item_type": 0x51, "maximum_length_received": 0},
                {"item_type": 0x52, "implementation_class_uid": "1.2.3"},
                {"item_type": 0x54, "sop_class_uid": CT_STORAGE, "scu_role": 0, "scp_role": 1},
                {"item_type": 0x59, "server_response": b"ticket"},
            ]},
        ],
    }
    p = roundtrip(pdus, "A_ASSOCIATE_AC", data, value)
    assert p.pdu_type == 2 and p.called_ae_title == "ANY-SCP"
    assert [(i.presentation_context_id, i.result_reason) for i in p.variable_items[1:3]] == [
        (1, 0), (3, 3)]
    assert p.variable_items[3].user_data[3].server_response == b"ticket"
    roundtrip(pdus, "PRESENTATION_CONTEXT_ITEM_AC", pc1, value["variable_items"][1])
    roundtrip(pdus, "USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC",
              item(0x59, struct.pack(">H", 0)), {})


def test_a_associate_rj(pdus: ModuleType) -> None:
    data = pdu(0x03, bytes([0, 1, 1, 7]))
    p = roundtrip(pdus, "A_ASSOCIATE_RJ", data, {"result": 1, "source": 1, "reason_diag": 7})
    assert (p.pdu_length, p.result, p.source, p.reason_diag) == (4, 1, 1, 7)


def test_p_data_tf_with_two_pdvs_and_their_control_headers(pdus: ModuleType) -> None:
    command = bytes(range(20))
    dataset = b"\x08\x00\x16\x00" * 3
    pdv1 = struct.pack(">IBB", 2 + len(command), 1, 0b11) + command   # command, last
    pdv2 = struct.pack(">IBB", 2 + len(dataset), 1, 0b00) + dataset   # data, not last
    data = pdu(0x04, pdv1 + pdv2)
    value = {"presentation_data_value_item": [
        {"presentation_context_id": 1, "message_control_header": {"command": True, "last": True},
         "fragment": command},
        {"presentation_context_id": 1,
         "message_control_header": {"command": False, "last": False}, "fragment": dataset},
    ]}
    p = roundtrip(pdus, "P_DATA_TF", data, value)
    first, second = p.presentation_data_value_item
    assert (first.item_length, first.message_control_header.command,
            first.message_control_header.last, first.fragment) == (22, True, True, command)
    assert (second.message_control_header.command, second.message_control_header.last) == (
        False, False)
    roundtrip(pdus, "PRESENTATION_DATA_VALUE_ITEM",
              struct.pack(">IBB", 3, 5, 0b10) + b"\x00",
              {"presentation_context_id": 5, "fragment": b"\x00",
               "message_control_header": {"command": False, "last": True}})


def test_release_and_abort(pdus: ModuleType) -> None:
    roundtrip(pdus, "A_RELEASE_RQ", pdu(0x05, bytes(4)), {})
    roundtrip(pdus, "A_RELEASE_RP", pdu(0x06, bytes(4)), {})
    p = roundtrip(pdus, "A_ABORT", pdu(0x07, bytes([0, 0, 2, 6])),
                  {"source": 2, "reason_diag": 6})
    assert (p.source, p.reason_diag) == (2, 6)


def test_reserved_bytes_are_not_tested_on_receipt(pdus: ModuleType) -> None:
    p = pdus.A_RELEASE_RQ.parse(b"\x05\xff\x00\x00\x00\x04\xde\xad\xbe\xef")
    assert p.pdu_type == 5
    assert pdus.A_RELEASE_RQ.build(p) == pdu(0x05, bytes(4))


def test_unrecognized_items_are_kept_as_generic_items(pdus: ModuleType) -> None:
    unknown = item(0x7F, b"whatever")
    data = item(0x50, item(0x51, struct.pack(">I", 1)) + unknown)
    p = pdus.USER_INFORMATION_ITEM.parse(data)
    assert (p.user_data[1].item_type, p.user_data[1].data) == (0x7F, b"whatever")
    assert pdus.USER_INFORMATION_ITEM.build(p) == data
    assert pdus.ITEM.build({"item_type": 0x7F, "data": b"whatever"}) == unknown


def test_tables_name_every_schema(pdus: ModuleType) -> None:
    assert pdus.PDU_TYPES == {1: "A_ASSOCIATE_RQ", 2: "A_ASSOCIATE_AC", 3: "A_ASSOCIATE_RJ",
                              4: "P_DATA_TF", 5: "A_RELEASE_RQ", 6: "A_RELEASE_RP",
                              7: "A_ABORT"}
    assert pdus.ITEM_TYPES[0x58] == "USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ"
    assert set(pdus.ITEM_TYPES) == {0x10, 0x20, 0x21, 0x30, 0x40, *range(0x50, 0x5A)}
    for name in (*pdus.PDU_TYPES.values(), *pdus.ITEM_TYPES.values()):
        assert pdus.SCHEMAS[name] is getattr(pdus, name)
    assert pdus.FIELDS["A_ASSOCIATE_RQ"][5] == ("11-26", "Called-AE-title", "called_ae_title",
                                               "ae_title")


def _samples() -> dict[str, tuple[bytes, dict[str, Any]]]:
    """One hand-laid sample per schema: name -> (bytes, value to build them from)."""
    pc_rq = item(0x20, bytes([7, 0, 0, 0]) + item(0x30, ECHO.encode())
                 + item(0x40, IMPLICIT.encode()))
    pc_ac = item(0x21, bytes([7, 0, 4, 0]) + item(0x40, IMPLICIT.encode()))
    ts = [{"item_type": 0x40, "transfer_syntax_name": IMPLICIT}]
    ui = item(0x50, item(0x51, struct.pack(">I", 32768)))
    ui_value = {"user_data": [{"item_type": 0x51, "maximum_length_received": 32768}]}
    assoc = item(0x10, APP_CONTEXT.encode())
    return {
        "A_ASSOCIATE_RQ": (pdu(0x01, associate_body("A", "B", assoc + pc_rq + ui)), {
            "called_ae_title": "A", "calling_ae_title": "B", "variable_items": [
                {"item_type": 0x10, "application_context_name": APP_CONTEXT},
                {"item_type": 0x20, "presentation_context_id": 7,
                 "abstract_transfer_syntax_sub_items": [
                     {"item_type": 0x30, "abstract_syntax_name": ECHO}, *ts]},
                {"item_type": 0x50, **ui_value}]}),
        "A_ASSOCIATE_AC": (pdu(0x02, associate_body("A", "B", assoc + pc_ac + ui)), {
            "called_ae_title": "A", "calling_ae_title": "B", "variable_items": [
                {"item_type": 0x10, "application_context_name": APP_CONTEXT},
                {"item_type": 0x21, "presentation_context_id": 7, "result_reason": 4,
                 "transfer_syntax_sub_item": ts},
                {"item_type": 0x50, **ui_value}]}),
        "A_ASSOCIATE_RJ": (pdu(0x03, bytes([0, 2, 3, 2])),
                           {"result": 2, "source": 3, "reason_diag": 2}),
        "P_DATA_TF": (pdu(0x04, struct.pack(">IBB", 4, 1, 3) + b"ab"), {
            "presentation_data_value_item": [{
                "presentation_context_id": 1, "fragment": b"ab",
                "message_control_header": {"command": True, "last": True}}]}),
        "A_RELEASE_RQ": (pdu(0x05, bytes(4)), {}),
        "A_RELEASE_RP": (pdu(0x06, bytes(4)), {}),
        "A_ABORT": (pdu(0x07, bytes([0, 0, 0, 0])), {"source": 0, "reason_diag": 0}),
        "APPLICATION_CONTEXT_ITEM": (assoc, {"application_context_name": APP_CONTEXT}),
        "PRESENTATION_CONTEXT_ITEM_RQ": (pc_rq, {
            "presentation_context_id": 7, "abstract_transfer_syntax_sub_items": [
                {"item_type": 0x30, "abstract_syntax_name": ECHO}, *ts]}),
        "PRESENTATION_CONTEXT_ITEM_AC": (pc_ac, {
            "presentation_context_id": 7, "result_reason": 4, "transfer_syntax_sub_item": ts}),
        "ABSTRACT_SYNTAX_SUB_ITEM": (item(0x30, ECHO.encode()), {"abstract_syntax_name": ECHO}),
        "TRANSFER_SYNTAX_SUB_ITEM": (item(0x40, IMPLICIT.encode()),
                                     {"transfer_syntax_name": IMPLICIT}),
        "USER_INFORMATION_ITEM": (ui, ui_value),
        "PRESENTATION_DATA_VALUE_ITEM": (struct.pack(">IBB", 3, 9, 0) + b"z", {
            "presentation_context_id": 9, "fragment": b"z",
            "message_control_header": {"command": False, "last": False}}),
        "MAXIMUM_LENGTH_SUB_ITEM": (item(0x51, struct.pack(">I", 1)),
                                    {"maximum_length_received": 1}),
        "IMPLEMENTATION_CLASS_UID_SUB_ITEM": (item(0x52, b"1.2.3.4"),
                                              {"implementation_class_uid": "1.2.3.4"}),
        "ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM": (
            item(0x53, struct.pack(">HH", 0, 1)),
            {"maximum_number_operations_invoked": 0, "maximum_number_operations_performed": 1}),
        "SCP_SCU_ROLE_SELECTION_SUB_ITEM": (
            item(0x54, uid16(ECHO) + bytes([1, 1])),
            {"sop_class_uid": ECHO, "scu_role": 1, "scp_role": 1}),
        "IMPLEMENTATION_VERSION_NAME_SUB_ITEM": (item(0x55, b"V1"),
                                                 {"implementation_version_name": "V1"}),
        "SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM": (
            item(0x56, uid16(ECHO) + b"\x01"),
            {"sop_class_uid": ECHO, "service_class_application_information": b"\x01"}),
        "SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM": (
            item(0x57, uid16(ECHO) + uid16("1.2") + struct.pack(">H", 0)),
            {"sop_class_uid": ECHO, "service_class_uid": "1.2",
             "related_general_sop_class_identification": []}),
        "RELATED_GENERAL_SOP_CLASS_IDENTIFICATION": (uid16("1.2.3"),
                                                     {"related_general_sop_class_uid": "1.2.3"}),
        "USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ": (
            user_identity_rq(1, 0, b"bob", b""),
            {"user_identity_type": 1, "positive_response_requested": 0, "primary_field": b"bob"}),
        "USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC": (item(0x59, struct.pack(">H", 2) + b"ok"),
                                                  {"server_response": b"ok"}),
    }


def test_there_is_a_sample_of_every_schema(pdus: ModuleType) -> None:
    assert set(pdus.SCHEMAS) == set(_samples())


@pytest.mark.parametrize("name", sorted(_samples()))
def test_every_schema_round_trips_its_sample(pdus: ModuleType, name: str) -> None:
    data, value = _samples()[name]
    roundtrip(pdus, name, data, value)


# --------------------------------------------------------------------------- property

_uids = st.lists(st.integers(0, 99999), min_size=2, max_size=12).map(
    lambda xs: ".".join(map(str, xs)))
_ae = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", min_size=1, max_size=16)
_ts_items = st.lists(_uids.map(lambda u: {"item_type": 0x40, "transfer_syntax_name": u}),
                     min_size=1, max_size=3)
_pcs = st.lists(
    st.tuples(st.integers(0, 127).map(lambda n: 2 * n + 1), _uids, _ts_items).map(
        lambda t: {"item_type": 0x20, "presentation_context_id": t[0],
                   "abstract_transfer_syntax_sub_items":
                       [{"item_type": 0x30, "abstract_syntax_name": t[1]}, *t[2]]}),
    min_size=1, max_size=4)
_user = st.tuples(
    st.integers(0, 2**32 - 1), _uids,
    st.integers(0, 2**16 - 1), st.integers(0, 2**16 - 1),
    st.lists(st.tuples(_uids, st.integers(0, 1), st.integers(0, 1)), max_size=3),
    st.integers(1, 5), st.integers(0, 1), st.binary(min_size=1, max_size=60),
    st.binary(max_size=30),
).map(lambda t: {"item_type": 0x50, "user_data": [
    {"item_type": 0x51, "maximum_length_received": t[0]},
    {"item_type": 0x52, "implementation_class_uid": t[1]},
    {"item_type": 0x53, "maximum_number_operations_invoked": t[2],
     "maximum_number_operations_performed": t[3]},
    *({"item_type": 0x54, "sop_class_uid": u, "scu_role": a, "scp_role": b}
      for u, a, b in t[4]),
    {"item_type": 0x58, "user_identity_type": t[5], "positive_response_requested": t[6],
     "primary_field": t[7], "secondary_field": t[8]},
]})


def _plain(value: Any) -> Any:
    """A parsed container as plain dicts/lists, without the keys the builder computes."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()
                if not k.startswith("_") and not k.endswith("length") and k not in (
                    "pdu_type", "protocol_version")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@settings(max_examples=60, deadline=None)
@given(called=_ae, calling=_ae, pcs=_pcs, user=_user)
def test_random_associate_requests_build_and_parse_back(pdus: ModuleType, called: str,
                                                        calling: str, pcs: list[Any],
                                                        user: dict[str, Any]) -> None:
    value = {"called_ae_title": called, "calling_ae_title": calling,
             "variable_items": [{"item_type": 0x10, "application_context_name": APP_CONTEXT},
                                *pcs, user]}
    data = pdus.A_ASSOCIATE_RQ.build(value)
    assert struct.unpack(">I", data[2:6])[0] == len(data) - 6
    parsed = pdus.A_ASSOCIATE_RQ.parse(data)
    assert _plain(parsed) == _plain(value)
    assert pdus.A_ASSOCIATE_RQ.build(parsed) == data


@settings(max_examples=60, deadline=None)
@given(fragments=st.lists(st.tuples(st.integers(0, 127).map(lambda n: 2 * n + 1),
                                    st.booleans(), st.booleans(), st.binary(max_size=64)),
                          min_size=1, max_size=4))
def test_random_p_data_build_and_parse_back(pdus: ModuleType,
                                            fragments: list[tuple[int, bool, bool, bytes]]
                                            ) -> None:
    value = {"presentation_data_value_item": [
        {"presentation_context_id": pc, "fragment": frag,
         "message_control_header": {"command": cmd, "last": last}}
        for pc, cmd, last, frag in fragments]}
    data = pdus.P_DATA_TF.build(value)
    expected = b"".join(struct.pack(">IBB", 2 + len(f), pc, cmd | (last << 1)) + f
                        for pc, cmd, last, f in fragments)
    assert data == pdu(0x04, expected)
    assert pdus.P_DATA_TF.build(pdus.P_DATA_TF.parse(data)) == data


# --------------------------------------------------------------------------- enumerations

def test_every_coded_field_has_its_enumeration_with_the_values_of_field_values(
        pdus: ModuleType) -> None:
    import enum

    from dicomkit.codegen.names import member_names

    assert set(pdus.FIELD_ENUMS) == set(pdus.FIELD_VALUES)
    classes = [getattr(pdus, n) for n in pdus.__all__ if isinstance(getattr(pdus, n), type)
               and issubclass(getattr(pdus, n), enum.IntEnum)]
    assert sorted(c.__name__ for c in classes) == sorted(
        c.__name__ for c in pdus.FIELD_ENUMS.values())
    for key, cls in pdus.FIELD_ENUMS.items():
        meanings = pdus.FIELD_VALUES[key]
        assert {m.value: m.name for m in cls} == member_names(cls.__name__, meanings), key


def test_enumerations_name_the_codes_the_standard_gives(pdus: ModuleType) -> None:
    assert pdus.RejectResult.REJECTED_PERMANENT == 1
    assert pdus.RejectSource.SERVICE_PROVIDER_ACSE == 2
    assert pdus.RejectReasonServiceUser.CALLED_AE_TITLE_NOT_RECOGNIZED == 7
    assert pdus.RejectReasonPresentation.LOCAL_LIMIT_EXCEEDED == 2
    assert pdus.AbortSource.SERVICE_PROVIDER == 2
    assert pdus.AbortReason.INVALID_PDU_PARAMETER_VALUE == 6
    assert pdus.PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED == 4
    assert pdus.UserIdentityType.JSON_WEB_TOKEN == 5
    assert pdus.PositiveResponseRequested.POSITIVE_RESPONSE_REQUESTED == 1
    assert {s: r.__name__ for s, r in pdus.REJECT_REASONS.items()} == {
        pdus.RejectSource.SERVICE_USER: "RejectReasonServiceUser",
        pdus.RejectSource.SERVICE_PROVIDER_ACSE: "RejectReasonACSE",
        pdus.RejectSource.SERVICE_PROVIDER_PRESENTATION: "RejectReasonPresentation"}
