"""dicomkit.generated.pdus: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.7 2024c (docbook) https://dicom.nema.org/medical/dicom/2024c/source/docbook/part07/part07.xml
    sha256 0484a1c8ab37d1c65ea38175bb7e07dadf65fb42b6552ac02b40838c4f9653fb
    Table D.3-1, Table D.3-2, Table D.3-3, Table D.3-4, Table D.3-7, Table D.3-8, Table D.3-9, Table D.3-10, Table D.3-11, Table D.3-12, Table D.3-13, Table D.3-14, Table D.3-15
  PS3.8 2024c (docbook) https://dicom.nema.org/medical/dicom/2024c/source/docbook/part08/part08.xml
    sha256 47bbeea37ec391d2f4db63e40824121f22cca2d705d5b0ee2e1546564e6827cd
    Section E.2, Table 9-11, Table 9-12, Table 9-13, Table 9-14, Table 9-15, Table 9-16, Table 9-17, Table 9-18, Table 9-19, Table 9-20, Table 9-21, Table 9-22, Table 9-23, Table 9-24, Table 9-25, Table 9-26, Table D.1-1, Table D.1-2
"""
# construct (2.10) schemas of the DICOM upper-layer PDUs, items and sub-items.
#
# Built field by field from the field tables of PS3.8 9.3 and Annex D and of PS3.7 Annex D.3.3
# (see the header above).  Big-endian throughout (PS3.8 9.3.1).  Parsing a PDU gives a
# container keyed by field (``called_ae_title``, ``variable_items`` ...); building takes a dict
# with the same keys, where type codes, reserved bytes, lengths and defaults may be left out:
# lengths are computed from the values, reserved bytes are sent as zeros and not tested on
# receipt.  Items of a type no schema knows (or a known item its schema cannot parse) come
# out as :data:`ITEM` ("items of unrecognized types shall be ignored and skipped", PS3.8
# 9.3.1).  UIDs are sent unpadded (PS3.8 Annex F) and parsed without trailing NULs.

from __future__ import annotations

import enum

from construct import (
    BitStruct,
    Bytes,
    Const,
    Default,
    ExprAdapter,
    FixedSized,
    Flag,
    GreedyRange,
    Int8ub,
    Int16ub,
    Int32ub,
    Padding,
    PaddedString,
    Rebuild,
    Select,
    Struct,
    len_,
    this,
)

__all__ = [
    "FIELDS",
    "FIELD_ENUMS",
    "FIELD_VALUES",
    "ITEM",
    "ITEM_TYPES",
    "PDU_TYPES",
    "REJECT_REASONS",
    "SCHEMAS",
    'AbortReason',
    'AbortSource',
    'PositiveResponseRequested',
    'PresentationContextResult',
    'RejectReasonACSE',
    'RejectReasonPresentation',
    'RejectReasonServiceUser',
    'RejectResult',
    'RejectSource',
    'UserIdentityType',
    'RELATED_GENERAL_SOP_CLASS_IDENTIFICATION',
    'ABSTRACT_SYNTAX_SUB_ITEM',
    'TRANSFER_SYNTAX_SUB_ITEM',
    'MAXIMUM_LENGTH_SUB_ITEM',
    'IMPLEMENTATION_CLASS_UID_SUB_ITEM',
    'ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM',
    'SCP_SCU_ROLE_SELECTION_SUB_ITEM',
    'IMPLEMENTATION_VERSION_NAME_SUB_ITEM',
    'SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM',
    'SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM',
    'USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ',
    'USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC',
    'PRESENTATION_DATA_VALUE_ITEM',
    'APPLICATION_CONTEXT_ITEM',
    'PRESENTATION_CONTEXT_ITEM_RQ',
    'PRESENTATION_CONTEXT_ITEM_AC',
    'USER_INFORMATION_ITEM',
    'A_ASSOCIATE_RQ',
    'A_ASSOCIATE_AC',
    'A_ASSOCIATE_RJ',
    'P_DATA_TF',
    'A_RELEASE_RQ',
    'A_RELEASE_RP',
    'A_ABORT',
]

#: An AE title: 16 ISO 646 characters, leading and trailing spaces non-significant
#: (PS3.8 Table 9-11); parsed without the spaces, built padded with spaces.
_AE_TITLE = ExprAdapter(
    Bytes(16),
    lambda obj, ctx: obj.decode("ascii").strip(" "),
    lambda obj, ctx: obj.encode("ascii").ljust(16, b" "),
)

#: The Message Control Header of a PDV (PS3.8 E.2): bit 0 set for a command fragment, bit 1
#: set for the last fragment; bits 2 to 7 sent as 0 and never checked.
_MESSAGE_CONTROL_HEADER = BitStruct(
    Padding(6),
    "last" / Flag,
    "command" / Flag,
)

#: Any item: type, one byte, 2-byte length, data (PS3.8 9.3.1: items of unrecognized types
#: shall be ignored and skipped).  Every item below starts the same way.
ITEM = Struct(
    "item_type" / Int8ub,
    "byte_2" / Default(Int8ub, 0),
    "item_length" / Rebuild(Int16ub, len_(this.data)),
    "data" / Bytes(this.item_length),
)

#: Related-General-SOP-Class-Identification: PS3.7 Table D.3-13.
RELATED_GENERAL_SOP_CLASS_IDENTIFICATION = Struct(
    'related_general_sop_class_uid_length' / Rebuild(Int16ub, lambda this: len(this.related_general_sop_class_uid)),
    'related_general_sop_class_uid' / PaddedString(this.related_general_sop_class_uid_length, 'ascii'),
)

#: Abstract Syntax Sub-Item (sub-item type 30H), in the A-ASSOCIATE-RQ: PS3.8 Table 9-14.
ABSTRACT_SYNTAX_SUB_ITEM = Struct(
    'item_type' / Const(0x30, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: len(this.abstract_syntax_name)),
    'abstract_syntax_name' / PaddedString(this.item_length, 'ascii'),
)

#: Transfer Syntax Sub-Item (sub-item type 40H), in the A-ASSOCIATE-RQ/AC: PS3.8 Table 9-15, PS3.8 Table 9-19.
TRANSFER_SYNTAX_SUB_ITEM = Struct(
    'item_type' / Const(0x40, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: len(this.transfer_syntax_name)),
    'transfer_syntax_name' / PaddedString(this.item_length, 'ascii'),
)

#: Maximum Length Sub-Item (sub-item type 51H), in the A-ASSOCIATE-RQ/AC: PS3.8 Table D.1-1, PS3.8 Table D.1-2.
MAXIMUM_LENGTH_SUB_ITEM = Struct(
    'item_type' / Const(0x51, Int8ub),
    Padding(1),
    'item_length' / Const(4, Int16ub),
    'maximum_length_received' / Int32ub,
)

#: Implementation Class UID Sub-Item (sub-item type 52H), in the A-ASSOCIATE-RQ/AC: PS3.7 Table D.3-1, PS3.7 Table D.3-2.
IMPLEMENTATION_CLASS_UID_SUB_ITEM = Struct(
    'item_type' / Const(0x52, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: len(this.implementation_class_uid)),
    'implementation_class_uid' / PaddedString(this.item_length, 'ascii'),
)

#: Asynchronous Operations Window Sub-Item (sub-item type 53H), in the A-ASSOCIATE-RQ/AC: PS3.7 Table D.3-7, PS3.7 Table D.3-8.
ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM = Struct(
    'item_type' / Const(0x53, Int8ub),
    Padding(1),
    'item_length' / Const(4, Int16ub),
    'maximum_number_operations_invoked' / Int16ub,
    'maximum_number_operations_performed' / Int16ub,
)

#: SCP/SCU Role Selection Sub-Item (sub-item type 54H), in the A-ASSOCIATE-RQ/AC: PS3.7 Table D.3-9, PS3.7 Table D.3-10.
SCP_SCU_ROLE_SELECTION_SUB_ITEM = Struct(
    'item_type' / Const(0x54, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: 4 + len(this.sop_class_uid)),
    'uid_length' / Rebuild(Int16ub, lambda this: len(this.sop_class_uid)),
    'sop_class_uid' / PaddedString(this.uid_length, 'ascii'),
    'scu_role' / Int8ub,
    'scp_role' / Int8ub,
)

#: Implementation Version Name Sub-Item (sub-item type 55H), in the A-ASSOCIATE-RQ/AC: PS3.7 Table D.3-3, PS3.7 Table D.3-4.
IMPLEMENTATION_VERSION_NAME_SUB_ITEM = Struct(
    'item_type' / Const(0x55, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: len(this.implementation_version_name)),
    'implementation_version_name' / PaddedString(this.item_length, 'ascii'),
)

#: SOP Class Extended Negotiation Sub-Item (sub-item type 56H), in the A-ASSOCIATE-RQ/AC: PS3.7 Table D.3-11.
SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM = Struct(
    'item_type' / Const(0x56, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: 2 + len(this.sop_class_uid) + len(this.service_class_application_information)),
    'sop_class_uid_length' / Rebuild(Int16ub, lambda this: len(this.sop_class_uid)),
    'sop_class_uid' / PaddedString(this.sop_class_uid_length, 'ascii'),
    'service_class_application_information' / Bytes(this.item_length - 2 - this.sop_class_uid_length),
)

_SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM_RELATED_GENERAL_SOP_CLASS_IDENTIFICATION = GreedyRange(RELATED_GENERAL_SOP_CLASS_IDENTIFICATION)
#: SOP Class Common Extended Negotiation Sub-Item (sub-item type 57H), in the A-ASSOCIATE-RQ: PS3.7 Table D.3-12.
SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM = Struct(
    'item_type' / Const(0x57, Int8ub),
    'sub_item_version' / Default(Int8ub, 0),
    'item_length' / Rebuild(Int16ub, lambda this: 6 + len(this.sop_class_uid) + len(this.service_class_uid) + len(_SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM_RELATED_GENERAL_SOP_CLASS_IDENTIFICATION.build(this.related_general_sop_class_identification)) + len(this.get('reserved', b''))),
    'sop_class_uid_length' / Rebuild(Int16ub, lambda this: len(this.sop_class_uid)),
    'sop_class_uid' / PaddedString(this.sop_class_uid_length, 'ascii'),
    'service_class_uid_length' / Rebuild(Int16ub, lambda this: len(this.service_class_uid)),
    'service_class_uid' / PaddedString(this.service_class_uid_length, 'ascii'),
    'related_general_sop_class_identification_length' / Rebuild(Int16ub, lambda this: len(_SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM_RELATED_GENERAL_SOP_CLASS_IDENTIFICATION.build(this.related_general_sop_class_identification))),
    'related_general_sop_class_identification' / FixedSized(this.related_general_sop_class_identification_length, _SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM_RELATED_GENERAL_SOP_CLASS_IDENTIFICATION),
    'reserved' / Default(Bytes(this.item_length - 6 - this.sop_class_uid_length - this.service_class_uid_length - this.related_general_sop_class_identification_length), b''),
)

#: User Identity Negotiation Sub-Item (sub-item type 58H), in the A-ASSOCIATE-RQ: PS3.7 Table D.3-14.
USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ = Struct(
    'item_type' / Const(0x58, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: 6 + len(this.primary_field) + len(this.get('secondary_field', b''))),
    'user_identity_type' / Int8ub,
    'positive_response_requested' / Int8ub,
    'primary_field_length' / Rebuild(Int16ub, lambda this: len(this.primary_field)),
    'primary_field' / Bytes(this.primary_field_length),
    'secondary_field_length' / Rebuild(Int16ub, lambda this: len(this.get('secondary_field', b''))),
    'secondary_field' / Default(Bytes(this.secondary_field_length), b''),
)

#: User Identity Negotiation Sub-Item (sub-item type 59H), in the A-ASSOCIATE-AC: PS3.7 Table D.3-15.
USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC = Struct(
    'item_type' / Const(0x59, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: 2 + len(this.get('server_response', b''))),
    'server_response_length' / Rebuild(Int16ub, lambda this: len(this.get('server_response', b''))),
    'server_response' / Default(Bytes(this.server_response_length), b''),
)

#: Presentation-Data-Value Item: PS3.8 Table 9-23.
PRESENTATION_DATA_VALUE_ITEM = Struct(
    'item_length' / Rebuild(Int32ub, lambda this: 2 + len(this.fragment)),
    'presentation_context_id' / Int8ub,
    'message_control_header' / _MESSAGE_CONTROL_HEADER,
    'fragment' / Bytes(this.item_length - 2),
)

#: Application Context Item (item type 10H), in the A-ASSOCIATE-RQ: PS3.8 Table 9-12.
APPLICATION_CONTEXT_ITEM = Struct(
    'item_type' / Const(0x10, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: len(this.application_context_name)),
    'application_context_name' / PaddedString(this.item_length, 'ascii'),
)

_PRESENTATION_CONTEXT_ITEM_RQ_ABSTRACT_TRANSFER_SYNTAX_SUB_ITEMS = GreedyRange(Select(ABSTRACT_SYNTAX_SUB_ITEM, TRANSFER_SYNTAX_SUB_ITEM, ITEM))
#: Presentation Context Item (item type 20H), in the A-ASSOCIATE-RQ: PS3.8 Table 9-13.
PRESENTATION_CONTEXT_ITEM_RQ = Struct(
    'item_type' / Const(0x20, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: 4 + len(_PRESENTATION_CONTEXT_ITEM_RQ_ABSTRACT_TRANSFER_SYNTAX_SUB_ITEMS.build(this.abstract_transfer_syntax_sub_items))),
    'presentation_context_id' / Int8ub,
    Padding(1),
    Padding(1),
    Padding(1),
    'abstract_transfer_syntax_sub_items' / FixedSized(this.item_length - 4, _PRESENTATION_CONTEXT_ITEM_RQ_ABSTRACT_TRANSFER_SYNTAX_SUB_ITEMS),
)

_PRESENTATION_CONTEXT_ITEM_AC_TRANSFER_SYNTAX_SUB_ITEM = GreedyRange(Select(TRANSFER_SYNTAX_SUB_ITEM, ITEM))
#: Presentation Context Item (item type 21H), in the A-ASSOCIATE-AC: PS3.8 Table 9-18.
PRESENTATION_CONTEXT_ITEM_AC = Struct(
    'item_type' / Const(0x21, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: 4 + len(_PRESENTATION_CONTEXT_ITEM_AC_TRANSFER_SYNTAX_SUB_ITEM.build(this.transfer_syntax_sub_item))),
    'presentation_context_id' / Int8ub,
    Padding(1),
    'result_reason' / Int8ub,
    Padding(1),
    'transfer_syntax_sub_item' / FixedSized(this.item_length - 4, _PRESENTATION_CONTEXT_ITEM_AC_TRANSFER_SYNTAX_SUB_ITEM),
)

_USER_INFORMATION_ITEM_USER_DATA = GreedyRange(Select(ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM, IMPLEMENTATION_CLASS_UID_SUB_ITEM, IMPLEMENTATION_VERSION_NAME_SUB_ITEM, MAXIMUM_LENGTH_SUB_ITEM, SCP_SCU_ROLE_SELECTION_SUB_ITEM, SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM, SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM, USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC, USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ, ITEM))
#: User Information Item (item type 50H), in the A-ASSOCIATE-RQ/AC: PS3.8 Table 9-16, PS3.8 Table 9-20.
USER_INFORMATION_ITEM = Struct(
    'item_type' / Const(0x50, Int8ub),
    Padding(1),
    'item_length' / Rebuild(Int16ub, lambda this: len(_USER_INFORMATION_ITEM_USER_DATA.build(this.user_data))),
    'user_data' / FixedSized(this.item_length, _USER_INFORMATION_ITEM_USER_DATA),
)

_A_ASSOCIATE_RQ_VARIABLE_ITEMS = GreedyRange(Select(APPLICATION_CONTEXT_ITEM, PRESENTATION_CONTEXT_ITEM_RQ, USER_INFORMATION_ITEM, ITEM))
#: A-ASSOCIATE-RQ (pdu type 01H): PS3.8 Table 9-11.
A_ASSOCIATE_RQ = Struct(
    'pdu_type' / Const(0x01, Int8ub),
    Padding(1),
    'pdu_length' / Rebuild(Int32ub, lambda this: 68 + len(_A_ASSOCIATE_RQ_VARIABLE_ITEMS.build(this.variable_items))),
    'protocol_version' / Default(Int16ub, 1),
    Padding(2),
    'called_ae_title' / _AE_TITLE,
    'calling_ae_title' / _AE_TITLE,
    Padding(32),
    'variable_items' / FixedSized(this.pdu_length - 68, _A_ASSOCIATE_RQ_VARIABLE_ITEMS),
)

_A_ASSOCIATE_AC_VARIABLE_ITEMS = GreedyRange(Select(APPLICATION_CONTEXT_ITEM, PRESENTATION_CONTEXT_ITEM_AC, USER_INFORMATION_ITEM, ITEM))
#: A-ASSOCIATE-AC (pdu type 02H): PS3.8 Table 9-17.
A_ASSOCIATE_AC = Struct(
    'pdu_type' / Const(0x02, Int8ub),
    Padding(1),
    'pdu_length' / Rebuild(Int32ub, lambda this: 68 + len(_A_ASSOCIATE_AC_VARIABLE_ITEMS.build(this.variable_items))),
    'protocol_version' / Default(Int16ub, 1),
    Padding(2),
    'called_ae_title' / _AE_TITLE,
    'calling_ae_title' / _AE_TITLE,
    Padding(32),
    'variable_items' / FixedSized(this.pdu_length - 68, _A_ASSOCIATE_AC_VARIABLE_ITEMS),
)

#: A-ASSOCIATE-RJ (pdu type 03H): PS3.8 Table 9-21.
A_ASSOCIATE_RJ = Struct(
    'pdu_type' / Const(0x03, Int8ub),
    Padding(1),
    'pdu_length' / Const(4, Int32ub),
    Padding(1),
    'result' / Int8ub,
    'source' / Int8ub,
    'reason_diag' / Int8ub,
)

_P_DATA_TF_PRESENTATION_DATA_VALUE_ITEM = GreedyRange(PRESENTATION_DATA_VALUE_ITEM)
#: P-DATA-TF (pdu type 04H): PS3.8 Table 9-22.
P_DATA_TF = Struct(
    'pdu_type' / Const(0x04, Int8ub),
    Padding(1),
    'pdu_length' / Rebuild(Int32ub, lambda this: len(_P_DATA_TF_PRESENTATION_DATA_VALUE_ITEM.build(this.presentation_data_value_item))),
    'presentation_data_value_item' / FixedSized(this.pdu_length, _P_DATA_TF_PRESENTATION_DATA_VALUE_ITEM),
)

#: A-RELEASE-RQ (pdu type 05H): PS3.8 Table 9-24.
A_RELEASE_RQ = Struct(
    'pdu_type' / Const(0x05, Int8ub),
    Padding(1),
    'pdu_length' / Const(4, Int32ub),
    Padding(4),
)

#: A-RELEASE-RP (pdu type 06H): PS3.8 Table 9-25.
A_RELEASE_RP = Struct(
    'pdu_type' / Const(0x06, Int8ub),
    Padding(1),
    'pdu_length' / Const(4, Int32ub),
    Padding(4),
)

#: A-ABORT (pdu type 07H): PS3.8 Table 9-26.
A_ABORT = Struct(
    'pdu_type' / Const(0x07, Int8ub),
    Padding(1),
    'pdu_length' / Const(4, Int32ub),
    Padding(1),
    Padding(1),
    'source' / Int8ub,
    'reason_diag' / Int8ub,
)

#: PDU-type -> schema name (PS3.8 9.3).
PDU_TYPES: dict[int, str] = {
    0x01: 'A_ASSOCIATE_RQ',
    0x02: 'A_ASSOCIATE_AC',
    0x03: 'A_ASSOCIATE_RJ',
    0x04: 'P_DATA_TF',
    0x05: 'A_RELEASE_RQ',
    0x06: 'A_RELEASE_RP',
    0x07: 'A_ABORT',
}

#: Item-type -> schema name of every item and sub-item (PS3.8 9.3, Annex D; PS3.7 D.3.3).
ITEM_TYPES: dict[int, str] = {
    0x10: 'APPLICATION_CONTEXT_ITEM',
    0x20: 'PRESENTATION_CONTEXT_ITEM_RQ',
    0x21: 'PRESENTATION_CONTEXT_ITEM_AC',
    0x30: 'ABSTRACT_SYNTAX_SUB_ITEM',
    0x40: 'TRANSFER_SYNTAX_SUB_ITEM',
    0x50: 'USER_INFORMATION_ITEM',
    0x51: 'MAXIMUM_LENGTH_SUB_ITEM',
    0x52: 'IMPLEMENTATION_CLASS_UID_SUB_ITEM',
    0x53: 'ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM',
    0x54: 'SCP_SCU_ROLE_SELECTION_SUB_ITEM',
    0x55: 'IMPLEMENTATION_VERSION_NAME_SUB_ITEM',
    0x56: 'SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM',
    0x57: 'SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM',
    0x58: 'USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ',
    0x59: 'USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC',
}

#: Schema name -> its fields as in the standard's table: (bytes, field name, key, kind).
#: ``key`` is None for reserved bytes, which are not kept.
FIELDS: dict[str, tuple[tuple[str, str, str | None, str], ...]] = {
    'RELATED_GENERAL_SOP_CLASS_IDENTIFICATION': (
        ('1-2', 'Related-general-sop-class-uid-length', 'related_general_sop_class_uid_length', 'length'),
        ('3-n', 'Related-general-sop-class-uid', 'related_general_sop_class_uid', 'uid'),
    ),
    'ABSTRACT_SYNTAX_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-xxx', 'Abstract-syntax-name', 'abstract_syntax_name', 'uid'),
    ),
    'TRANSFER_SYNTAX_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-xxx', 'Transfer-syntax-name(s)', 'transfer_syntax_name', 'uid'),
    ),
    'MAXIMUM_LENGTH_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-8', 'Maximum-length-received', 'maximum_length_received', 'uint'),
    ),
    'IMPLEMENTATION_CLASS_UID_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-xxx', 'Implementation-class-uid', 'implementation_class_uid', 'uid'),
    ),
    'ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-6', 'Maximum-number-operations-invoked', 'maximum_number_operations_invoked', 'uint'),
        ('7-8', 'Maximum-number-operations-performed', 'maximum_number_operations_performed', 'uint'),
    ),
    'SCP_SCU_ROLE_SELECTION_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-6', 'UID-length', 'uid_length', 'length'),
        ('7-xxx', 'SOP-class-uid', 'sop_class_uid', 'uid'),
        ('xxx', 'SCU-role', 'scu_role', 'uint'),
        ('xxx', 'SCP-role', 'scp_role', 'uint'),
    ),
    'IMPLEMENTATION_VERSION_NAME_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-xxx', 'Implementation-version-name', 'implementation_version_name', 'string'),
    ),
    'SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-Length', 'item_length', 'length'),
        ('5-6', 'SOP-class-uid-length', 'sop_class_uid_length', 'length'),
        ('7-xxx', 'SOP-class-uid', 'sop_class_uid', 'uid'),
        ('xxx-xxx', 'Service-class-application-information', 'service_class_application_information', 'bytes'),
    ),
    'SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Sub-Item-version', 'sub_item_version', 'uint'),
        ('3-4', 'Item-Length', 'item_length', 'length'),
        ('5-6', 'SOP-class-uid-length', 'sop_class_uid_length', 'length'),
        ('7-x', 'SOP-class-uid', 'sop_class_uid', 'uid'),
        ('(x+1)-(x+2)', 'Service-class-uid-length', 'service_class_uid_length', 'length'),
        ('(x+3)-y', 'Service-class-uid', 'service_class_uid', 'uid'),
        ('(y+1)-(y+2)', 'Related-general-sop-class-identification-length', 'related_general_sop_class_identification_length', 'length'),
        ('(y+3)-z', 'Related-general-sop-class-identification', 'related_general_sop_class_identification', 'subfields'),
        ('(z+1)-k', 'Reserved', 'reserved', 'bytes'),
    ),
    'USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5', 'User-Identity-Type', 'user_identity_type', 'uint'),
        ('6', 'Positive-response-requested', 'positive_response_requested', 'uint'),
        ('7-8', 'Primary-field-length', 'primary_field_length', 'length'),
        ('9-n', 'Primary-field', 'primary_field', 'bytes'),
        ('n+1-n+2', 'Secondary-field-length', 'secondary_field_length', 'length'),
        ('n+3-m', 'Secondary-field', 'secondary_field', 'bytes'),
    ),
    'USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-6', 'Server-response-length', 'server_response_length', 'length'),
        ('7-n', 'Server-response', 'server_response', 'bytes'),
    ),
    'PRESENTATION_DATA_VALUE_ITEM': (
        ('1-4', 'Item-length', 'item_length', 'length'),
        ('5', 'Presentation-context-ID', 'presentation_context_id', 'uint'),
        ('6', 'Message Control Header', 'message_control_header', 'control_header'),
        ('7-xxx', 'Message fragment', 'fragment', 'bytes'),
    ),
    'APPLICATION_CONTEXT_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-xxx', 'Application-context-name', 'application_context_name', 'uid'),
    ),
    'PRESENTATION_CONTEXT_ITEM_RQ': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5', 'Presentation-context-ID', 'presentation_context_id', 'uint'),
        ('6', 'Reserved', None, 'reserved'),
        ('7', 'Reserved', None, 'reserved'),
        ('8', 'Reserved', None, 'reserved'),
        ('9-xxx', 'Abstract/Transfer Syntax Sub-Items', 'abstract_transfer_syntax_sub_items', 'items'),
    ),
    'PRESENTATION_CONTEXT_ITEM_AC': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5', 'Presentation-context-ID', 'presentation_context_id', 'uint'),
        ('6', 'Reserved', None, 'reserved'),
        ('7', 'Result/Reason', 'result_reason', 'uint'),
        ('8', 'Reserved', None, 'reserved'),
        ('9-xxx', 'Transfer syntax sub-item', 'transfer_syntax_sub_item', 'items'),
    ),
    'USER_INFORMATION_ITEM': (
        ('1', 'Item-type', 'item_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-4', 'Item-length', 'item_length', 'length'),
        ('5-xxx', 'User-data', 'user_data', 'items'),
    ),
    'A_ASSOCIATE_RQ': (
        ('1', 'PDU-type', 'pdu_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-6', 'PDU-length', 'pdu_length', 'length'),
        ('7-8', 'Protocol-version', 'protocol_version', 'uint'),
        ('9-10', 'Reserved', None, 'reserved'),
        ('11-26', 'Called-AE-title', 'called_ae_title', 'ae_title'),
        ('27-42', 'Calling-AE-title', 'calling_ae_title', 'ae_title'),
        ('43-74', 'Reserved', None, 'reserved'),
        ('75-xxx', 'Variable items', 'variable_items', 'items'),
    ),
    'A_ASSOCIATE_AC': (
        ('1', 'PDU-type', 'pdu_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-6', 'PDU-length', 'pdu_length', 'length'),
        ('7-8', 'Protocol-version', 'protocol_version', 'uint'),
        ('9-10', 'Reserved', None, 'reserved'),
        ('11-26', 'Reserved', 'called_ae_title', 'ae_title'),
        ('27-42', 'Reserved', 'calling_ae_title', 'ae_title'),
        ('43-74', 'Reserved', None, 'reserved'),
        ('75-xxx', 'Variable items', 'variable_items', 'items'),
    ),
    'A_ASSOCIATE_RJ': (
        ('1', 'PDU-type', 'pdu_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-6', 'PDU-length', 'pdu_length', 'length'),
        ('7', 'Reserved', None, 'reserved'),
        ('8', 'Result', 'result', 'uint'),
        ('9', 'Source', 'source', 'uint'),
        ('10', 'Reason/Diag.', 'reason_diag', 'uint'),
    ),
    'P_DATA_TF': (
        ('1', 'PDU-type', 'pdu_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-6', 'PDU-length', 'pdu_length', 'length'),
        ('7-xxx', 'Presentation-data-value Item(s)', 'presentation_data_value_item', 'pdv_items'),
    ),
    'A_RELEASE_RQ': (
        ('1', 'PDU-type', 'pdu_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-6', 'PDU-length', 'pdu_length', 'length'),
        ('7-10', 'Reserved', None, 'reserved'),
    ),
    'A_RELEASE_RP': (
        ('1', 'PDU-type', 'pdu_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-6', 'PDU-length', 'pdu_length', 'length'),
        ('7-10', 'Reserved', None, 'reserved'),
    ),
    'A_ABORT': (
        ('1', 'PDU-type', 'pdu_type', 'type'),
        ('2', 'Reserved', None, 'reserved'),
        ('3-6', 'PDU-length', 'pdu_length', 'length'),
        ('7', 'Reserved', None, 'reserved'),
        ('8', 'Reserved', None, 'reserved'),
        ('9', 'Source', 'source', 'uint'),
        ('10', 'Reason/Diag.', 'reason_diag', 'uint'),
    ),
}

#: Schema name -> schema.
SCHEMAS = {
    'RELATED_GENERAL_SOP_CLASS_IDENTIFICATION': RELATED_GENERAL_SOP_CLASS_IDENTIFICATION,
    'ABSTRACT_SYNTAX_SUB_ITEM': ABSTRACT_SYNTAX_SUB_ITEM,
    'TRANSFER_SYNTAX_SUB_ITEM': TRANSFER_SYNTAX_SUB_ITEM,
    'MAXIMUM_LENGTH_SUB_ITEM': MAXIMUM_LENGTH_SUB_ITEM,
    'IMPLEMENTATION_CLASS_UID_SUB_ITEM': IMPLEMENTATION_CLASS_UID_SUB_ITEM,
    'ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM': ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM,
    'SCP_SCU_ROLE_SELECTION_SUB_ITEM': SCP_SCU_ROLE_SELECTION_SUB_ITEM,
    'IMPLEMENTATION_VERSION_NAME_SUB_ITEM': IMPLEMENTATION_VERSION_NAME_SUB_ITEM,
    'SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM': SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM,
    'SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM': SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM,
    'USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ': USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ,
    'USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC': USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC,
    'PRESENTATION_DATA_VALUE_ITEM': PRESENTATION_DATA_VALUE_ITEM,
    'APPLICATION_CONTEXT_ITEM': APPLICATION_CONTEXT_ITEM,
    'PRESENTATION_CONTEXT_ITEM_RQ': PRESENTATION_CONTEXT_ITEM_RQ,
    'PRESENTATION_CONTEXT_ITEM_AC': PRESENTATION_CONTEXT_ITEM_AC,
    'USER_INFORMATION_ITEM': USER_INFORMATION_ITEM,
    'A_ASSOCIATE_RQ': A_ASSOCIATE_RQ,
    'A_ASSOCIATE_AC': A_ASSOCIATE_AC,
    'A_ASSOCIATE_RJ': A_ASSOCIATE_RJ,
    'P_DATA_TF': P_DATA_TF,
    'A_RELEASE_RQ': A_RELEASE_RQ,
    'A_RELEASE_RP': A_RELEASE_RP,
    'A_ABORT': A_ABORT,
}

#: Meanings of coded field values (PS3.8 Tables 9-18, 9-21, 9-26):
#: (table subject, field name, Source value or 0) -> {value: meaning}; reserved values left out.
FIELD_VALUES: dict[tuple[str, str, int], dict[int, str]] = {
    ('A-ABORT', 'Reason/Diag.', 2): {
        0: 'reason-not-specified',
        1: 'unrecognized-PDU',
        2: 'unexpected-PDU',
        4: 'unrecognized-PDU parameter',
        5: 'unexpected-PDU parameter',
        6: 'invalid-PDU-parameter value',
    },
    ('A-ABORT', 'Source', 0): {
        0: 'DICOM UL service-user (initiated abort)',
        2: 'DICOM UL service-provider (initiated abort)',
    },
    ('ASSOCIATE-RJ', 'Reason/Diag.', 1): {
        1: 'no-reason-given',
        2: 'application-context-name-not-supported',
        3: 'calling-AE-title-not-recognized',
        7: 'called-AE-title-not-recognized',
    },
    ('ASSOCIATE-RJ', 'Reason/Diag.', 2): {
        1: 'no-reason-given',
        2: 'protocol-version-not-supported',
    },
    ('ASSOCIATE-RJ', 'Reason/Diag.', 3): {
        1: 'temporary-congestion',
        2: 'local-limit-exceeded',
    },
    ('ASSOCIATE-RJ', 'Result', 0): {
        1: 'rejected-permanent',
        2: 'rejected-transient',
    },
    ('ASSOCIATE-RJ', 'Source', 0): {
        1: 'DICOM UL service-user',
        2: 'DICOM UL service-provider (ACSE related function)',
        3: 'DICOM UL service-provider (Presentation related function)',
    },
    ('Presentation Context', 'Result/Reason', 0): {
        0: 'acceptance',
        1: 'user-rejection',
        2: 'no-reason (provider rejection)',
        3: 'abstract-syntax-not-supported (provider rejection)',
        4: 'transfer-syntaxes-not-supported (provider rejection)',
    },
    ('User Identity Negotiation', 'Positive-response-requested', 0): {
        0: 'no response requested',
        1: 'positive response requested',
    },
    ('User Identity Negotiation', 'User-Identity-Type', 0): {
        1: 'Username as a string in UTF-8',
        2: 'Username as a string in UTF-8 and passcode',
        3: 'Kerberos Service ticket',
        4: 'SAML Assertion',
        5: 'JSON Web Token (JWT)',
    },
}

# Coded field values as enumerations.  Member names come from the meanings above by one rule
# (dicomkit.codegen.names): words common to every meaning dropped ("DICOM UL"), parenthetical
# remarks dropped unless two meanings would then read alike (then their first word is kept:
# SERVICE_PROVIDER_ACSE), words upper-cased and joined with "_"; the few exceptions are the
# override table of dicomkit.codegen.names.


class PresentationContextResult(enum.IntEnum):
    """Result/Reason of a Presentation Context Item in the A-ASSOCIATE-AC (PS3.8 Table 9-18).

    ``FIELD_VALUES[('Presentation Context', 'Result/Reason', 0)]`` gives the standard's text of each value.
    """

    #: acceptance
    ACCEPTANCE = 0
    #: user-rejection
    USER_REJECTION = 1
    #: no-reason (provider rejection)
    NO_REASON = 2
    #: abstract-syntax-not-supported (provider rejection)
    ABSTRACT_SYNTAX_NOT_SUPPORTED = 3
    #: transfer-syntaxes-not-supported (provider rejection)
    TRANSFER_SYNTAXES_NOT_SUPPORTED = 4


class RejectResult(enum.IntEnum):
    """Result of an A-ASSOCIATE-RJ PDU (PS3.8 Table 9-21).

    ``FIELD_VALUES[('ASSOCIATE-RJ', 'Result', 0)]`` gives the standard's text of each value.
    """

    #: rejected-permanent
    REJECTED_PERMANENT = 1
    #: rejected-transient
    REJECTED_TRANSIENT = 2


class RejectSource(enum.IntEnum):
    """Source of an A-ASSOCIATE-RJ PDU (PS3.8 Table 9-21).

    ``FIELD_VALUES[('ASSOCIATE-RJ', 'Source', 0)]`` gives the standard's text of each value.
    """

    #: DICOM UL service-user
    SERVICE_USER = 1
    #: DICOM UL service-provider (ACSE related function)
    SERVICE_PROVIDER_ACSE = 2
    #: DICOM UL service-provider (Presentation related function)
    SERVICE_PROVIDER_PRESENTATION = 3


class RejectReasonServiceUser(enum.IntEnum):
    """Reason/Diag. of an A-ASSOCIATE-RJ PDU whose Source is the service-user (PS3.8 Table 9-21).

    ``FIELD_VALUES[('ASSOCIATE-RJ', 'Reason/Diag.', 1)]`` gives the standard's text of each value.
    """

    #: no-reason-given
    NO_REASON_GIVEN = 1
    #: application-context-name-not-supported
    APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2
    #: calling-AE-title-not-recognized
    CALLING_AE_TITLE_NOT_RECOGNIZED = 3
    #: called-AE-title-not-recognized
    CALLED_AE_TITLE_NOT_RECOGNIZED = 7


class RejectReasonACSE(enum.IntEnum):
    """Reason/Diag. of an A-ASSOCIATE-RJ PDU whose Source is the service-provider (ACSE related function) (PS3.8 Table 9-21).

    ``FIELD_VALUES[('ASSOCIATE-RJ', 'Reason/Diag.', 2)]`` gives the standard's text of each value.
    """

    #: no-reason-given
    NO_REASON_GIVEN = 1
    #: protocol-version-not-supported
    PROTOCOL_VERSION_NOT_SUPPORTED = 2


class RejectReasonPresentation(enum.IntEnum):
    """Reason/Diag. of an A-ASSOCIATE-RJ PDU whose Source is the service-provider (Presentation related function) (PS3.8 Table 9-21).

    ``FIELD_VALUES[('ASSOCIATE-RJ', 'Reason/Diag.', 3)]`` gives the standard's text of each value.
    """

    #: temporary-congestion
    TEMPORARY_CONGESTION = 1
    #: local-limit-exceeded
    LOCAL_LIMIT_EXCEEDED = 2


class AbortSource(enum.IntEnum):
    """Source of an A-ABORT PDU (PS3.8 Table 9-26).

    ``FIELD_VALUES[('A-ABORT', 'Source', 0)]`` gives the standard's text of each value.
    """

    #: DICOM UL service-user (initiated abort)
    SERVICE_USER = 0
    #: DICOM UL service-provider (initiated abort)
    SERVICE_PROVIDER = 2


class AbortReason(enum.IntEnum):
    """Reason/Diag. of an A-ABORT PDU whose Source is the service-provider (not significant, sent as 0, when it is the service-user) (PS3.8 Table 9-26).

    ``FIELD_VALUES[('A-ABORT', 'Reason/Diag.', 2)]`` gives the standard's text of each value.
    """

    #: reason-not-specified
    REASON_NOT_SPECIFIED = 0
    #: unrecognized-PDU
    UNRECOGNIZED_PDU = 1
    #: unexpected-PDU
    UNEXPECTED_PDU = 2
    #: unrecognized-PDU parameter
    UNRECOGNIZED_PDU_PARAMETER = 4
    #: unexpected-PDU parameter
    UNEXPECTED_PDU_PARAMETER = 5
    #: invalid-PDU-parameter value
    INVALID_PDU_PARAMETER_VALUE = 6


class UserIdentityType(enum.IntEnum):
    """User-Identity-Type of a User Identity Negotiation sub-item (PS3.7 Table D.3-14).

    ``FIELD_VALUES[('User Identity Negotiation', 'User-Identity-Type', 0)]`` gives the standard's text of each value.
    """

    #: Username as a string in UTF-8
    USERNAME = 1
    #: Username as a string in UTF-8 and passcode
    USERNAME_AND_PASSCODE = 2
    #: Kerberos Service ticket
    KERBEROS_SERVICE_TICKET = 3
    #: SAML Assertion
    SAML_ASSERTION = 4
    #: JSON Web Token (JWT)
    JSON_WEB_TOKEN = 5


class PositiveResponseRequested(enum.IntEnum):
    """Positive-response-requested of a User Identity Negotiation sub-item (PS3.7 Table D.3-14).

    ``FIELD_VALUES[('User Identity Negotiation', 'Positive-response-requested', 0)]`` gives the standard's text of each value.
    """

    #: no response requested
    NO_RESPONSE_REQUESTED = 0
    #: positive response requested
    POSITIVE_RESPONSE_REQUESTED = 1


#: Key of FIELD_VALUES -> the enumeration of those values.
FIELD_ENUMS: dict[tuple[str, str, int], type[enum.IntEnum]] = {
    ('Presentation Context', 'Result/Reason', 0): PresentationContextResult,
    ('ASSOCIATE-RJ', 'Result', 0): RejectResult,
    ('ASSOCIATE-RJ', 'Source', 0): RejectSource,
    ('ASSOCIATE-RJ', 'Reason/Diag.', 1): RejectReasonServiceUser,
    ('ASSOCIATE-RJ', 'Reason/Diag.', 2): RejectReasonACSE,
    ('ASSOCIATE-RJ', 'Reason/Diag.', 3): RejectReasonPresentation,
    ('A-ABORT', 'Source', 0): AbortSource,
    ('A-ABORT', 'Reason/Diag.', 2): AbortReason,
    ('User Identity Negotiation', 'User-Identity-Type', 0): UserIdentityType,
    ('User Identity Negotiation', 'Positive-response-requested', 0): PositiveResponseRequested,
}

#: A-ASSOCIATE-RJ Source -> the enumeration of its Reason/Diag. values (PS3.8 Table 9-21).
REJECT_REASONS: dict[RejectSource, type[enum.IntEnum]] = {
    RejectSource.SERVICE_USER: RejectReasonServiceUser,
    RejectSource.SERVICE_PROVIDER_ACSE: RejectReasonACSE,
    RejectSource.SERVICE_PROVIDER_PRESENTATION: RejectReasonPresentation,
}
