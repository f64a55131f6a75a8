"""Typed PDUs of the DICOM upper layer, converted to and from the generated construct schemas.

The byte layouts are those of :mod:`dicomkit.generated.pdus` (PS3.8 9.3, Annex D; PS3.7 D.3.3);
this module only maps them to dataclasses the association code can use, and reads one whole PDU
from a stream after checking its length against a limit, so that a hostile PDU-length
(e.g. ``0xFFFFFFFF``) is refused with :class:`PDUError` before anything is allocated.
"""

from __future__ import annotations

import struct
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from dicomkit.generated import pdus as _schemas
from dicomkit.net.errors import PDUError

__all__ = [
    "AAbort",
    "AAssociateAC",
    "AAssociateRJ",
    "AAssociateRQ",
    "AReleaseRP",
    "AReleaseRQ",
    "CommonExtendedNegotiation",
    "PDU",
    "PDV",
    "PDataTF",
    "PresentationContextAC",
    "PresentationContextRQ",
    "RoleSelection",
    "UserIdentityRQ",
    "UserInformation",
    "decode_pdu",
    "encode_pdata",
    "encode_pdu",
    "pdata_overhead",
    "read_pdu",
]

_HEADER = struct.Struct(">BxI")
#: Bytes of a PDU header: type, reserved, 4-byte length (PS3.8 9.3.1).
HEADER_LENGTH = _HEADER.size

_S = _schemas.SCHEMAS
_PDU_CODE = {name: code for code, name in _schemas.PDU_TYPES.items()}
_ITEM_CODE = {name: code for code, name in _schemas.ITEM_TYPES.items()}
_APP_CONTEXT = _ITEM_CODE["APPLICATION_CONTEXT_ITEM"]
_PC_RQ = _ITEM_CODE["PRESENTATION_CONTEXT_ITEM_RQ"]
_PC_AC = _ITEM_CODE["PRESENTATION_CONTEXT_ITEM_AC"]
_ABSTRACT = _ITEM_CODE["ABSTRACT_SYNTAX_SUB_ITEM"]
_TRANSFER = _ITEM_CODE["TRANSFER_SYNTAX_SUB_ITEM"]
_USER_INFO = _ITEM_CODE["USER_INFORMATION_ITEM"]
_MAX_LENGTH = _ITEM_CODE["MAXIMUM_LENGTH_SUB_ITEM"]
_IMPL_UID = _ITEM_CODE["IMPLEMENTATION_CLASS_UID_SUB_ITEM"]
_ASYNC = _ITEM_CODE["ASYNCHRONOUS_OPERATIONS_WINDOW_SUB_ITEM"]
_ROLE = _ITEM_CODE["SCP_SCU_ROLE_SELECTION_SUB_ITEM"]
_IMPL_VERSION = _ITEM_CODE["IMPLEMENTATION_VERSION_NAME_SUB_ITEM"]
_EXTENDED = _ITEM_CODE["SOP_CLASS_EXTENDED_NEGOTIATION_SUB_ITEM"]
_COMMON = _ITEM_CODE["SOP_CLASS_COMMON_EXTENDED_NEGOTIATION_SUB_ITEM"]
_IDENTITY_RQ = _ITEM_CODE["USER_IDENTITY_NEGOTIATION_SUB_ITEM_RQ"]
_IDENTITY_AC = _ITEM_CODE["USER_IDENTITY_NEGOTIATION_SUB_ITEM_AC"]


_PDATA = _PDU_CODE["P_DATA_TF"]
# P-DATA-TF carries the bulk of every association, so it has a struct fast path.  Its layout and
# control-header bits are taken from the generated schema here and checked against it at
# import (see _check_fast_path), so the schema stays the authority.
_PDV_HEAD = struct.Struct(">IBB")  # PDV item-length, presentation context ID, control header


def _control_bits() -> tuple[int, int]:
    def header(command: bool, last: bool) -> int:
        built = _S["PRESENTATION_DATA_VALUE_ITEM"].build(
            {"presentation_context_id": 1, "fragment": b"",
             "message_control_header": {"command": command, "last": last}})
        return int(built[_PDV_HEAD.size - 1])
    return header(True, False), header(False, True)


_COMMAND_BIT, _LAST_BIT = _control_bits()


def encode_pdata(context_id: int, command: bool, last: bool, fragment: bytes) -> bytes:
    """A P-DATA-TF PDU holding one PDV (PS3.8 9.3.5, E.2), without construct's overhead."""
    n = len(fragment)
    return (_HEADER.pack(_PDATA, n + _PDV_HEAD.size)
            + _PDV_HEAD.pack(n + 2, context_id,
                             (_COMMAND_BIT if command else 0) | (_LAST_BIT if last else 0))
            + fragment)


def _decode_pdata(body: bytes, length: int) -> PDataTF:
    pdvs = []
    offset = 0
    end = len(body)
    while offset < end:
        if offset + _PDV_HEAD.size > end:
            raise PDUError("truncated PDV item", pdu_type=_PDATA, length=length,
                           offset=HEADER_LENGTH + offset)
        item_length, context_id, control = _PDV_HEAD.unpack_from(body, offset)
        stop = offset + 4 + item_length
        if item_length < 2 or stop > end:
            raise PDUError(f"PDV item-length {item_length} does not fit the PDU",
                           pdu_type=_PDATA, length=length, offset=HEADER_LENGTH + offset)
        pdvs.append(PDV(context_id, bool(control & _COMMAND_BIT), bool(control & _LAST_BIT),
                        body[offset + _PDV_HEAD.size:stop]))
        offset = stop
    if not pdvs:
        raise PDUError("P-DATA-TF without PDV items", pdu_type=_PDATA, length=length)
    return PDataTF(tuple(pdvs))


def pdata_overhead() -> int:
    """Bytes a P-DATA-TF PDU with one PDV adds around the fragment, beyond its 6-byte header.

    Measured from the generated schema (PDV item length and control header, PS3.8 9.3.5), so
    that fragments sized ``peer_max_pdu - pdata_overhead()`` fill PDUs exactly.
    """
    return len(_S["PRESENTATION_DATA_VALUE_ITEM"].build(
        {"presentation_context_id": 1, "message_control_header": {"last": True, "command": True},
         "fragment": b""}))


# --------------------------------------------------------------------------- typed PDUs

@dataclass(frozen=True)
class PresentationContextRQ:
    """A proposed presentation context (PS3.8 9.3.2.2)."""

    id: int
    abstract_syntax: str
    transfer_syntaxes: tuple[str, ...]


@dataclass(frozen=True)
class PresentationContextAC:
    """The acceptor's answer for one context (PS3.8 9.3.3.2): result 0 accepts it."""

    id: int
    result: int
    transfer_syntax: str


@dataclass(frozen=True)
class RoleSelection:
    """SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4)."""

    sop_class_uid: str
    scu_role: bool
    scp_role: bool


@dataclass(frozen=True)
class CommonExtendedNegotiation:
    """SOP Class Common Extended Negotiation sub-item (PS3.7 D.3.3.6)."""

    sop_class_uid: str
    service_class_uid: str
    related_general_sop_classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class UserIdentityRQ:
    """User Identity Negotiation sub-item of the A-ASSOCIATE-RQ (PS3.7 D.3.3.7.1)."""

    identity_type: int
    positive_response_requested: bool
    primary_field: bytes
    secondary_field: bytes = b""


@dataclass
class UserInformation:
    """The User Information item's sub-items (PS3.8 9.3.2.3, Annex D; PS3.7 D.3.3).

    ``unknown`` keeps sub-items of types no schema knows as ``(type, data)``; they are skipped
    as PS3.8 9.3.1 requires, but kept so they can be reported.
    """

    max_length: int | None = None
    implementation_class_uid: str = ""
    implementation_version_name: str = ""
    async_ops: tuple[int, int] | None = None
    roles: list[RoleSelection] = field(default_factory=list)
    extended: dict[str, bytes] = field(default_factory=dict)
    common_extended: list[CommonExtendedNegotiation] = field(default_factory=list)
    identity_rq: UserIdentityRQ | None = None
    identity_ac: bytes | None = None
    unknown: list[tuple[int, bytes]] = field(default_factory=list)


@dataclass
class AAssociateRQ:
    """A-ASSOCIATE-RQ PDU (PS3.8 9.3.2)."""

    called_ae: str
    calling_ae: str
    application_context: str
    contexts: list[PresentationContextRQ]
    user: UserInformation
    protocol_version: int = 1


@dataclass
class AAssociateAC:
    """A-ASSOCIATE-AC PDU (PS3.8 9.3.3)."""

    called_ae: str
    calling_ae: str
    application_context: str
    contexts: list[PresentationContextAC]
    user: UserInformation
    protocol_version: int = 1


@dataclass(frozen=True)
class AAssociateRJ:
    """A-ASSOCIATE-RJ PDU (PS3.8 9.3.4)."""

    result: int
    source: int
    reason: int


@dataclass(frozen=True)
class PDV:
    """One Presentation Data Value: a command or data set fragment (PS3.8 9.3.5, Annex E.2)."""

    context_id: int
    is_command: bool
    is_last: bool
    fragment: bytes


@dataclass(frozen=True)
class PDataTF:
    """P-DATA-TF PDU (PS3.8 9.3.5)."""

    pdvs: tuple[PDV, ...]


@dataclass(frozen=True)
class AReleaseRQ:
    """A-RELEASE-RQ PDU (PS3.8 9.3.6)."""


@dataclass(frozen=True)
class AReleaseRP:
    """A-RELEASE-RP PDU (PS3.8 9.3.7)."""


@dataclass(frozen=True)
class AAbort:
    """A-ABORT PDU (PS3.8 9.3.8)."""

    source: int
    reason: int


PDU: TypeAlias = (AAssociateRQ | AAssociateAC | AAssociateRJ | PDataTF | AReleaseRQ | AReleaseRP
                  | AAbort)


# --------------------------------------------------------------------------- encoding

def _user_items(user: UserInformation) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    if user.max_length is not None:
        items.append({"item_type": _MAX_LENGTH, "maximum_length_received": user.max_length})
    if user.implementation_class_uid:
        items.append({"item_type": _IMPL_UID,
                      "implementation_class_uid": user.implementation_class_uid})
    if user.async_ops is not None:
        items.append({"item_type": _ASYNC,
                      "maximum_number_operations_invoked": user.async_ops[0],
                      "maximum_number_operations_performed": user.async_ops[1]})
    for role in user.roles:
        items.append({"item_type": _ROLE, "sop_class_uid": role.sop_class_uid,
                      "scu_role": int(role.scu_role), "scp_role": int(role.scp_role)})
    if user.implementation_version_name:
        items.append({"item_type": _IMPL_VERSION,
                      "implementation_version_name": user.implementation_version_name})
    for uid, info in user.extended.items():
        items.append({"item_type": _EXTENDED, "sop_class_uid": uid,
                      "service_class_application_information": info})
    for common in user.common_extended:
        items.append({"item_type": _COMMON, "sop_class_uid": common.sop_class_uid,
                      "service_class_uid": common.service_class_uid,
                      "related_general_sop_class_identification": [
                          {"related_general_sop_class_uid": u}
                          for u in common.related_general_sop_classes]})
    if user.identity_rq is not None:
        ident = user.identity_rq
        items.append({"item_type": _IDENTITY_RQ, "user_identity_type": ident.identity_type,
                      "positive_response_requested": int(ident.positive_response_requested),
                      "primary_field": ident.primary_field,
                      "secondary_field": ident.secondary_field})
    if user.identity_ac is not None:
        items.append({"item_type": _IDENTITY_AC, "server_response": user.identity_ac})
    return items


def encode_pdu(pdu: PDU) -> bytes:
    """The bytes of ``pdu``, built by the generated schema of its type (PS3.8 9.3)."""
    if isinstance(pdu, PDataTF) and len(pdu.pdvs) == 1:
        p = pdu.pdvs[0]
        return encode_pdata(p.context_id, p.is_command, p.is_last, p.fragment)
    if isinstance(pdu, PDataTF):
        return bytes(_S["P_DATA_TF"].build({"presentation_data_value_item": [
            {"presentation_context_id": p.context_id,
             "message_control_header": {"last": p.is_last, "command": p.is_command},
             "fragment": p.fragment} for p in pdu.pdvs]}))
    if isinstance(pdu, AAssociateRQ):
        variable: list[dict[str, Any]] = [
            {"item_type": _APP_CONTEXT, "application_context_name": pdu.application_context}]
        for pc in pdu.contexts:
            subs = [{"item_type": _ABSTRACT, "abstract_syntax_name": pc.abstract_syntax}]
            subs += [{"item_type": _TRANSFER, "transfer_syntax_name": ts}
                     for ts in pc.transfer_syntaxes]
            variable.append({"item_type": _PC_RQ, "presentation_context_id": pc.id,
                             "abstract_transfer_syntax_sub_items": subs})
        variable.append({"item_type": _USER_INFO, "user_data": _user_items(pdu.user)})
        return bytes(_S["A_ASSOCIATE_RQ"].build({
            "protocol_version": pdu.protocol_version, "called_ae_title": pdu.called_ae,
            "calling_ae_title": pdu.calling_ae, "variable_items": variable}))
    if isinstance(pdu, AAssociateAC):
        variable = [{"item_type": _APP_CONTEXT,
                     "application_context_name": pdu.application_context}]
        for ac in pdu.contexts:
            variable.append({"item_type": _PC_AC, "presentation_context_id": ac.id,
                             "result_reason": ac.result, "transfer_syntax_sub_item": [
                                 {"item_type": _TRANSFER,
                                  "transfer_syntax_name": ac.transfer_syntax}]})
        variable.append({"item_type": _USER_INFO, "user_data": _user_items(pdu.user)})
        return bytes(_S["A_ASSOCIATE_AC"].build({
            "protocol_version": pdu.protocol_version, "called_ae_title": pdu.called_ae,
            "calling_ae_title": pdu.calling_ae, "variable_items": variable}))
    if isinstance(pdu, AAssociateRJ):
        return bytes(_S["A_ASSOCIATE_RJ"].build(
            {"result": pdu.result, "source": pdu.source, "reason_diag": pdu.reason}))
    if isinstance(pdu, AReleaseRQ):
        return bytes(_S["A_RELEASE_RQ"].build({}))
    if isinstance(pdu, AReleaseRP):
        return bytes(_S["A_RELEASE_RP"].build({}))
    return bytes(_S["A_ABORT"].build({"source": pdu.source, "reason_diag": pdu.reason}))


# --------------------------------------------------------------------------- decoding

def _user_information(data: Any) -> UserInformation:
    user = UserInformation()
    for sub in data.user_data:
        kind = sub.item_type
        if "data" in sub:  # a type no schema knows, or one its schema could not parse
            user.unknown.append((int(kind), bytes(sub.data)))
        elif kind == _MAX_LENGTH:
            user.max_length = int(sub.maximum_length_received)
        elif kind == _IMPL_UID:
            user.implementation_class_uid = str(sub.implementation_class_uid)
        elif kind == _IMPL_VERSION:
            user.implementation_version_name = str(sub.implementation_version_name)
        elif kind == _ASYNC:
            user.async_ops = (int(sub.maximum_number_operations_invoked),
                              int(sub.maximum_number_operations_performed))
        elif kind == _ROLE:
            user.roles.append(RoleSelection(str(sub.sop_class_uid), bool(sub.scu_role),
                                            bool(sub.scp_role)))
        elif kind == _EXTENDED:
            user.extended[str(sub.sop_class_uid)] = bytes(
                sub.service_class_application_information)
        elif kind == _COMMON:
            user.common_extended.append(CommonExtendedNegotiation(
                str(sub.sop_class_uid), str(sub.service_class_uid),
                tuple(str(r.related_general_sop_class_uid)
                      for r in sub.related_general_sop_class_identification)))
        elif kind == _IDENTITY_RQ:
            user.identity_rq = UserIdentityRQ(
                int(sub.user_identity_type), bool(sub.positive_response_requested),
                bytes(sub.primary_field), bytes(sub.secondary_field))
        elif kind == _IDENTITY_AC:
            user.identity_ac = bytes(sub.server_response)
    return user


def _associate_common(parsed: Any, code: int) -> tuple[str, Any, UserInformation]:
    app_context = ""
    user = UserInformation()
    contexts = []
    for item in parsed.variable_items:
        if item.item_type == _APP_CONTEXT:
            app_context = str(item.application_context_name)
        elif item.item_type == _USER_INFO:
            user = _user_information(item)
        elif item.item_type in (_PC_RQ, _PC_AC) and "data" not in item:
            contexts.append(item)
    if not app_context:
        raise PDUError("no Application Context item (PS3.8 9.3.2)", pdu_type=code,
                       length=int(parsed.pdu_length))
    return app_context, contexts, user


def decode_pdu(data: bytes) -> PDU:
    """Parse a whole PDU (header included) with the generated schema of its type.

    Raises
    ------
    PDUError
        Unknown PDU type, or content the schema cannot parse (PS3.8 9.3).
    """
    if len(data) < HEADER_LENGTH:
        raise PDUError("truncated PDU header", offset=len(data))
    code, length = _HEADER.unpack_from(data)
    name = _schemas.PDU_TYPES.get(code)
    if name is None:
        raise PDUError("unrecognized PDU type", pdu_type=code, length=length, offset=0)
    if length != len(data) - HEADER_LENGTH:
        raise PDUError(f"PDU-length does not match the {len(data) - HEADER_LENGTH} bytes "
                       "that follow", pdu_type=code, length=length, offset=2)
    if code == _PDATA:
        return _decode_pdata(data[HEADER_LENGTH:], length)
    try:
        parsed = _S[name].parse(data)
    except Exception as exc:  # construct raises its own ConstructError family
        raise PDUError(f"malformed {name.replace('_', '-')}: {exc}", pdu_type=code,
                       length=length) from None
    if code == _PDU_CODE["P_DATA_TF"]:
        return PDataTF(tuple(
            PDV(int(p.presentation_context_id), bool(p.message_control_header.command),
                bool(p.message_control_header.last), bytes(p.fragment))
            for p in parsed.presentation_data_value_item))
    if code == _PDU_CODE["A_ASSOCIATE_RQ"]:
        app, items, user = _associate_common(parsed, code)
        rq_contexts = []
        for item in items:
            abstract = ""
            syntaxes: list[str] = []
            for sub in item.abstract_transfer_syntax_sub_items:
                if sub.item_type == _ABSTRACT:
                    abstract = str(sub.abstract_syntax_name)
                elif sub.item_type == _TRANSFER:
                    syntaxes.append(str(sub.transfer_syntax_name))
            rq_contexts.append(PresentationContextRQ(int(item.presentation_context_id),
                                                     abstract, tuple(syntaxes)))
        return AAssociateRQ(str(parsed.called_ae_title), str(parsed.calling_ae_title), app,
                            rq_contexts, user, int(parsed.protocol_version))
    if code == _PDU_CODE["A_ASSOCIATE_AC"]:
        app, items, user = _associate_common(parsed, code)
        ac_contexts = []
        for item in items:
            syntax = ""
            for sub in item.transfer_syntax_sub_item:
                if sub.item_type == _TRANSFER:
                    syntax = str(sub.transfer_syntax_name)
            ac_contexts.append(PresentationContextAC(int(item.presentation_context_id),
                                                     int(item.result_reason), syntax))
        return AAssociateAC(str(parsed.called_ae_title), str(parsed.calling_ae_title), app,
                            ac_contexts, user, int(parsed.protocol_version))
    if code == _PDU_CODE["A_ASSOCIATE_RJ"]:
        return AAssociateRJ(int(parsed.result), int(parsed.source), int(parsed.reason_diag))
    if code == _PDU_CODE["A_RELEASE_RQ"]:
        return AReleaseRQ()
    if code == _PDU_CODE["A_RELEASE_RP"]:
        return AReleaseRP()
    return AAbort(int(parsed.source), int(parsed.reason_diag))


async def read_pdu(receive_exactly: Callable[[int], Awaitable[bytes]], *,
                   max_pdata_length: int, max_other_length: int = 1 << 20) -> PDU:
    """Read one PDU with ``receive_exactly`` and decode it.

    The PDU-length is checked before its body is read: a P-DATA-TF longer than
    ``max_pdata_length`` (the Maximum Length we announced, PS3.8 D.1; 0 means no announced
    limit and then ``max_other_length`` applies too) or any other PDU longer than
    ``max_other_length`` is refused, so a hostile length never makes us allocate.

    Raises
    ------
    PDUError
        Unknown type, length over the limit, or malformed content.
    """
    header = await receive_exactly(HEADER_LENGTH)
    code, length = _HEADER.unpack_from(header)
    name = _schemas.PDU_TYPES.get(code)
    if name is None:
        raise PDUError("unrecognized PDU type", pdu_type=code, length=length, offset=0)
    limit = max_pdata_length if code == _PDU_CODE["P_DATA_TF"] and max_pdata_length else (
        max_other_length)
    if length > limit:
        raise PDUError(f"PDU-length over the limit of {limit} bytes", pdu_type=code,
                       length=length, offset=2)
    body = await receive_exactly(length) if length else b""
    if code == _PDATA:
        return _decode_pdata(body, length)
    return decode_pdu(header + body)


def _check_fast_path() -> None:
    """The P-DATA-TF fast path builds and parses exactly as the generated schema does."""
    schema = _S["P_DATA_TF"]
    for command in (False, True):
        for last in (False, True):
            value = {"presentation_data_value_item": [
                {"presentation_context_id": 7, "fragment": b"abc",
                 "message_control_header": {"command": command, "last": last}}]}
            built = bytes(schema.build(value))
            fast = encode_pdata(7, command, last, b"abc")
            if fast != built or _decode_pdata(built[HEADER_LENGTH:], len(built) - 6) != PDataTF(
                    (PDV(7, command, last, b"abc"),)):
                raise AssertionError("P-DATA-TF fast path disagrees with the generated schema")


_check_fast_path()
