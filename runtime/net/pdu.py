"""Typed PDUs of the DICOM upper layer, converted to and from the generated construct schemas.

The byte layouts are those of :mod:`dicomkit.generated.pdus` (PS3.8 9.3, Annex D; PS3.7 D.3.3);
this module only maps them to dataclasses the association code can use, and reads one whole PDU
from a stream after checking its length against a limit, so that a hostile PDU-length
(e.g. ``0xFFFFFFFF``) is refused with :class:`PDUError` before anything is allocated.
"""

from __future__ import annotations

import dataclasses
import struct
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

from construct import ConstructError

from dicomkit.generated import pdus as _schemas
from dicomkit.generated.pdus import (
    AbortReason,
    RejectReasonPresentation,
    RejectReasonServiceUser,
    RejectResult,
    RejectSource,
)
from dicomkit.net.aetitle import validate_ae_title
from dicomkit.net.errors import PDUError, PDULimitError

__all__ = [
    "AAbort",
    "AAssociateAC",
    "AAssociateRJ",
    "AAssociateRQ",
    "AReleaseRP",
    "AReleaseRQ",
    "CommonExtendedNegotiation",
    "MAX_PRESENTATION_CONTEXTS",
    "MAX_RELATED_SOP_CLASSES",
    "MAX_TRANSFER_SYNTAXES",
    "MAX_UID_LENGTH",
    "MAX_UNKNOWN_ITEMS",
    "MAX_USER_SUB_ITEMS",
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


def _decode_pdata(body: bytes, length: int,
                  peer: tuple[str, int] | None = None) -> PDataTF:
    pdvs = []
    offset = 0
    end = len(body)
    while offset < end:
        if offset + _PDV_HEAD.size > end:
            raise PDUError("truncated PDV item", pdu_type=_PDATA, length=length,
                           offset=HEADER_LENGTH + offset, abort_reason=_INVALID_VALUE,
                           peer=peer)
        item_length, context_id, control = _PDV_HEAD.unpack_from(body, offset)
        stop = offset + 4 + item_length
        if item_length < 2 or stop > end:
            raise PDUError(f"PDV item-length {item_length} does not fit the PDU",
                           pdu_type=_PDATA, length=length, offset=HEADER_LENGTH + offset,
                           abort_reason=_INVALID_VALUE, peer=peer)
        pdvs.append(PDV(context_id, bool(control & _COMMAND_BIT), bool(control & _LAST_BIT),
                        body[offset + _PDV_HEAD.size:stop]))
        offset = stop
    if not pdvs:
        raise PDUError("P-DATA-TF without PDV items", pdu_type=_PDATA, length=length,
                       abort_reason=_INVALID_VALUE, peer=peer)
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
    """The bytes of ``pdu``, built by the generated schema of its type (PS3.8 9.3).

    The AE titles of an A-ASSOCIATE-RQ/AC are checked and sent without their non-significant
    spaces (PS3.5 6.2), and its UIDs checked against :data:`MAX_UID_LENGTH` (PS3.5 9.1), so
    nothing our own decoder would refuse is ever sent.

    Raises
    ------
    AETitleError
        A called or calling AE title that is not an AE value (too long, empty, not ISO 646,
        backslash or control characters).
    PDUError
        A value the schema cannot encode (a UID that is not ISO 646 text or is over 64
        characters, a presentation context ID over 255, a field out of range ...).
    """
    if isinstance(pdu, (AAssociateRQ, AAssociateAC)):
        called = validate_ae_title(pdu.called_ae, "called AE title")
        calling = validate_ae_title(pdu.calling_ae, "calling AE title")
        if (called, calling) != (pdu.called_ae, pdu.calling_ae):
            pdu = dataclasses.replace(pdu, called_ae=called, calling_ae=calling)
        uids = [pdu.application_context, pdu.user.implementation_class_uid]
        for pc in pdu.contexts:
            uids += ([pc.abstract_syntax, *pc.transfer_syntaxes]
                     if isinstance(pc, PresentationContextRQ) else [pc.transfer_syntax])
        long = next((u for u in uids if len(u) > MAX_UID_LENGTH), None)
        if long is not None:
            raise PDUError(f"cannot encode {type(pdu).__name__}: UID {long!r} is longer than "
                           f"{MAX_UID_LENGTH} characters (PS3.5 9.1)")
    try:
        return _encode(pdu)
    except (ConstructError, UnicodeError, struct.error, LookupError, AttributeError, TypeError,
            ValueError, OverflowError) as exc:
        raise PDUError(f"cannot encode {type(pdu).__name__}: {type(exc).__name__}: "
                       f"{_why(exc)}") from None


def _encode(pdu: PDU) -> bytes:
    if isinstance(pdu, PDataTF) and len(pdu.pdvs) == 1:
        p = pdu.pdvs[0]
        return encode_pdata(p.context_id, p.is_command, p.is_last, p.fragment)
    if isinstance(pdu, (AAssociateRQ, AAssociateAC)):
        return _encode_associate(pdu)
    return _encode_with_schema(pdu)


def _encode_with_schema(pdu: PDU) -> bytes:
    """``pdu`` built with its generated construct schema (every PDU type; the A-ASSOCIATE-RQ
    and -AC are built by :func:`_encode_associate`, whose output this must equal)."""
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
#
# The A-ASSOCIATE-RQ/AC decoder walks the variable items and their sub-items with a loop over
# the (type, reserved, length) headers every item starts with (PS3.8 9.3.1) instead of the
# schemas' GreedyRange(Select(...)), which tries each alternative schema on each item: that
# took 12 s for a 1 MB request of 250,000 unknown items.  Which items a PDU or item takes,
# where its fixed fields lie and which items hold just one text field all come from the
# generated schemas and their FIELDS table (checked at import by _check_item_paths); every
# other known sub-item is parsed with its generated schema.  Counts are limited by the
# constants below, so the work is bounded whatever the PDU-length.

#: Most Presentation Context Items in an A-ASSOCIATE-RQ or -AC: their IDs are odd numbers
#: 1-255 (PS3.8 9.3.2.2), so no more than 128 can be told apart.
MAX_PRESENTATION_CONTEXTS: Final = 128
#: Most Transfer Syntax Sub-Items in one proposed presentation context (PS3.8 9.3.2.2.2);
#: PS3.6 Table A-1 lists fewer than 50 transfer syntaxes.
MAX_TRANSFER_SYNTAXES: Final = 64
#: Most known sub-items of one User Information Item (PS3.8 9.3.2.3, PS3.7 D.3.3): a few
#: single ones plus role selection and extended negotiation items, one per proposed SOP class.
MAX_USER_SUB_ITEMS: Final = 512
#: Most items and sub-items of types a PDU does not take, all levels together; they are
#: skipped ("shall be ignored and skipped", PS3.8 9.3.1) up to this count.
MAX_UNKNOWN_ITEMS: Final = 64
#: Most Related General SOP Class entries in the SOP Class Common Extended Negotiation
#: Sub-Items of one PDU, all together (PS3.7 D.3.3.6; a SOP class has a few at most).
MAX_RELATED_SOP_CLASSES: Final = 256
#: Most characters of a UID ("shall not exceed 64 total characters", PS3.5 9.1), once the
#: NUL that may pad it to an even length is removed.
MAX_UID_LENGTH: Final = 64

_ITEM_HEAD = struct.Struct(">BxH")  # item-type, reserved, item-length (PS3.8 9.3.1)
_U16 = struct.Struct(">H")

# A-ABORT reasons and A-ASSOCIATE-RJ answers the decoder attaches to its errors
# (PS3.8 Table 9-26, Table 9-21).
_UNRECOGNIZED_PDU = int(AbortReason.UNRECOGNIZED_PDU)
_UNEXPECTED_PARAMETER = int(AbortReason.UNEXPECTED_PDU_PARAMETER)
_INVALID_VALUE = int(AbortReason.INVALID_PDU_PARAMETER_VALUE)
_NOT_SPECIFIED = int(AbortReason.REASON_NOT_SPECIFIED)
#: Our limits are ours: rejected-permanent by the presentation-related service-provider,
#: local-limit-exceeded.
_REJECT_LIMIT = (int(RejectResult.REJECTED_PERMANENT),
                 int(RejectSource.SERVICE_PROVIDER_PRESENTATION),
                 int(RejectReasonPresentation.LOCAL_LIMIT_EXCEEDED))
#: No presentation context proposed: nothing could be accepted, as when every proposed one is
#: refused (rejected-permanent by the service-user, no-reason-given).
_REJECT_NO_CONTEXT = (int(RejectResult.REJECTED_PERMANENT), int(RejectSource.SERVICE_USER),
                      int(RejectReasonServiceUser.NO_REASON_GIVEN))


def _byte_range(schema: str, key: str) -> tuple[int, int]:
    """0-based ``(start, stop)`` of field ``key`` of ``schema`` from the byte column of its
    table (``"11-26"`` -> (10, 26)); ``stop`` is -1 for a field that runs to the end."""
    for position, _name, field_key, _kind in _schemas.FIELDS[schema]:
        if field_key == key:
            first, _, last = position.partition("-")
            return int(first) - 1, int(last or first) if (last or first).isdigit() else -1
    raise KeyError(f"{schema} has no field {key}")


def _members(schema: str, key: str) -> frozenset[int]:
    """Item types the generated ``schema`` takes in its item list ``key`` (the alternatives of
    its Select, less the catch-all ITEM)."""
    sub: Any = next(c for c in _S[schema].subcons if c.name == key)
    while not hasattr(sub, "subcons"):  # Renamed -> FixedSized -> GreedyRange -> Select
        sub = sub.subcon
    names = {id(s): n for n, s in _S.items()}
    return frozenset(_ITEM_CODE[names[id(s)]] for s in sub.subcons if s is not _schemas.ITEM)


def _text_items() -> dict[int, bool]:
    """Items made of the item header and one text field only (PS3.8 Tables 9-12, 9-14, 9-15;
    PS3.7 D.3-1 to D.3-4): type -> whether the text is a UID.  They are read without
    construct; _check_item_paths checks the result against their schemas."""
    out: dict[int, bool] = {}
    for code, name in _schemas.ITEM_TYPES.items():
        rows = _schemas.FIELDS[name]
        kinds = [row[3] for row in rows]
        if kinds[:3] == ["type", "reserved", "length"] and len(rows) == 4 and (
                kinds[3] in ("uid", "string")) and rows[3][0].partition("-")[0] == str(
                    _ITEM_HEAD.size + 1):
            out[code] = kinds[3] == "uid"
    return out


_TEXT_ITEMS = _text_items()
_RQ_ITEMS = _members("A_ASSOCIATE_RQ", "variable_items")
_AC_ITEMS = _members("A_ASSOCIATE_AC", "variable_items")
_PC_RQ_ITEMS = _members("PRESENTATION_CONTEXT_ITEM_RQ", "abstract_transfer_syntax_sub_items")
_PC_AC_ITEMS = _members("PRESENTATION_CONTEXT_ITEM_AC", "transfer_syntax_sub_item")
_USER_ITEMS = _members("USER_INFORMATION_ITEM", "user_data")
_CALLED = _byte_range("A_ASSOCIATE_RQ", "called_ae_title")
_CALLING = _byte_range("A_ASSOCIATE_RQ", "calling_ae_title")
_VERSION = _byte_range("A_ASSOCIATE_RQ", "protocol_version")
_VARIABLE = _byte_range("A_ASSOCIATE_RQ", "variable_items")[0]
_PC_ID = _byte_range("PRESENTATION_CONTEXT_ITEM_RQ", "presentation_context_id")[0]
_PC_RQ_SUBS = _byte_range("PRESENTATION_CONTEXT_ITEM_RQ", "abstract_transfer_syntax_sub_items")[0]
_PC_RESULT = _byte_range("PRESENTATION_CONTEXT_ITEM_AC", "result_reason")[0]
_PC_AC_SUBS = _byte_range("PRESENTATION_CONTEXT_ITEM_AC", "transfer_syntax_sub_item")[0]
_USER_SUBS = _byte_range("USER_INFORMATION_ITEM", "user_data")[0]
_UID_KEYS = {name: tuple(row[2] for row in rows if row[3] == "uid" and row[2])
             for name, rows in _schemas.FIELDS.items()}
_RELATED_UID = _UID_KEYS["RELATED_GENERAL_SOP_CLASS_IDENTIFICATION"][0]


_PDU_HEAD = struct.Struct(">BxI")  # PDU-type, reserved, PDU-length (PS3.8 9.3.1)
_FIXED_RQ = _byte_range("A_ASSOCIATE_RQ", "variable_items")[0]  # bytes before the items


def _text_item(kind: int, text: str) -> bytes:
    """An item holding one text field after its header (PS3.8 Tables 9-12, 9-14, 9-15)."""
    raw = text.encode("ascii")
    return _ITEM_HEAD_PACK(kind, len(raw)) + raw


_ITEM_HEAD_PACK = struct.Struct(">BxH").pack


def _encode_associate(pdu: AAssociateRQ | AAssociateAC) -> bytes:
    """An A-ASSOCIATE-RQ or -AC built item by item with struct (PS3.8 9.3.2, 9.3.3).

    The fixed fields lie where the generated field tables put them; only the User
    Information Item goes through its construct schema (a handful of small sub-items).
    Building a PDU of 120 presentation contexts with the schemas took ~20 ms, here well
    under one: an SCP answers every association with one of these.
    """
    rq = isinstance(pdu, AAssociateRQ)
    head = bytearray(_FIXED_RQ)
    head[0] = _PDU_CODE["A_ASSOCIATE_RQ" if rq else "A_ASSOCIATE_AC"]
    head[_VERSION[0]:_VERSION[1]] = _U16.pack(pdu.protocol_version)
    head[_CALLED[0]:_CALLED[1]] = pdu.called_ae.encode("ascii").ljust(16, b" ")
    head[_CALLING[0]:_CALLING[1]] = pdu.calling_ae.encode("ascii").ljust(16, b" ")
    parts: list[bytes] = [bytes(head), _text_item(_APP_CONTEXT, pdu.application_context)]
    for pc in pdu.contexts:
        if isinstance(pc, PresentationContextRQ):
            subs = [_text_item(_ABSTRACT, pc.abstract_syntax),
                    *(_text_item(_TRANSFER, ts) for ts in pc.transfer_syntaxes)]
            fixed = bytearray(_PC_RQ_SUBS - _ITEM_HEAD.size)
            fixed[_PC_ID - _ITEM_HEAD.size] = pc.id
            kind = _PC_RQ
        else:
            subs = [_text_item(_TRANSFER, pc.transfer_syntax)]
            fixed = bytearray(_PC_AC_SUBS - _ITEM_HEAD.size)
            fixed[_PC_ID - _ITEM_HEAD.size] = pc.id
            fixed[_PC_RESULT - _ITEM_HEAD.size] = pc.result
            kind = _PC_AC
        body = bytes(fixed) + b"".join(subs)
        parts.append(_ITEM_HEAD_PACK(kind, len(body)))
        parts.append(body)
    parts.append(bytes(_S["USER_INFORMATION_ITEM"].build(
        {"item_type": _USER_INFO, "user_data": _user_items(pdu.user)})))
    body = b"".join(parts)
    return _PDU_HEAD.pack(body[0], len(body) - _PDU_HEAD.size) + body[_PDU_HEAD.size:]


def _item_name(kind: int) -> str:
    name = _schemas.ITEM_TYPES.get(kind)
    return name.replace("_", " ").title() if name else f"item 0x{kind:02X}"


class _Reader:
    """One PDU being decoded: its bytes, and the context every error carries."""

    __slots__ = ("data", "code", "length", "peer", "unknown", "related", "rq")

    def __init__(self, data: bytes, code: int, length: int,
                 peer: tuple[str, int] | None) -> None:
        self.data = data
        self.code = code
        self.length = length
        self.peer = peer
        self.unknown = 0
        self.related = 0
        self.rq = code == _PDU_CODE["A_ASSOCIATE_RQ"]

    def error(self, message: str, offset: int, item_type: int = -1,
              reason: int = _INVALID_VALUE,
              reject: tuple[int, int, int] | None = None) -> PDUError:
        return PDUError(message, pdu_type=self.code, length=self.length, offset=offset,
                        item_type=item_type, abort_reason=reason,
                        reject=reject if self.rq else None, peer=self.peer)

    def limit(self, message: str, limit_name: str, limit: int, offset: int, item_type: int,
              reason: int = _NOT_SPECIFIED) -> PDULimitError:
        return PDULimitError(message, limit_name=limit_name, limit=limit, pdu_type=self.code,
                             length=self.length, offset=offset, item_type=item_type,
                             abort_reason=reason, reject=_REJECT_LIMIT if self.rq else None,
                             peer=self.peer)

    def item(self, offset: int, end: int, where: str) -> tuple[int, int]:
        """Type and end of the item at ``offset``, which must end by ``end``."""
        if offset + _ITEM_HEAD.size > end:
            raise self.error(f"truncated item header in {where}", offset)
        kind, length = _ITEM_HEAD.unpack_from(self.data, offset)
        stop = offset + _ITEM_HEAD.size + length
        if stop > end:
            raise self.error(f"item-length {length} of {_item_name(kind)} runs {stop - end} "
                             f"bytes past the end of {where}", offset + 2, kind)
        return kind, stop

    def skip(self, kind: int, offset: int) -> None:
        """Count an item of a type this place does not take (PS3.8 9.3.1: skipped)."""
        self.unknown += 1
        if self.unknown > MAX_UNKNOWN_ITEMS:
            raise self.limit(f"more than {MAX_UNKNOWN_ITEMS} items of unrecognized types",
                             "MAX_UNKNOWN_ITEMS", MAX_UNKNOWN_ITEMS, offset, kind)

    def uid_length(self, value: str, what: str, offset: int, kind: int) -> None:
        if len(value) > MAX_UID_LENGTH:
            raise self.limit(f"{what} of {len(value)} characters", "MAX_UID_LENGTH",
                             MAX_UID_LENGTH, offset, kind, _INVALID_VALUE)

    def text(self, kind: int, offset: int, stop: int) -> str:
        """The text of a one-field item; bytes outside ISO 646 are kept as ``\\xNN`` escapes,
        so that a bad UID is still a value the acceptor can refuse (a UID never holds a
        backslash, PS3.5 9.1)."""
        value = self.data[offset + _ITEM_HEAD.size:stop].rstrip(b"\0").decode(
            "ascii", "backslashreplace")
        if _TEXT_ITEMS[kind]:
            self.uid_length(value, _item_name(kind), offset, kind)
        return value

    def parse(self, kind: int, offset: int, stop: int) -> Any:
        """A known item parsed with its generated schema, its UIDs checked."""
        name = _schemas.ITEM_TYPES[kind]
        chunk = self.data[offset:stop]
        if kind == _COMMON:
            self.related += _related_entries(chunk, MAX_RELATED_SOP_CLASSES - self.related)
            if self.related > MAX_RELATED_SOP_CLASSES:
                raise self.limit(f"more than {MAX_RELATED_SOP_CLASSES} related general SOP "
                                 "classes", "MAX_RELATED_SOP_CLASSES", MAX_RELATED_SOP_CLASSES,
                                 offset, kind)
        try:
            parsed = _S[name].parse(chunk)
        except (ConstructError, UnicodeDecodeError, ValueError) as exc:
            raise self.error(f"malformed {_item_name(kind)}: {_why(exc)}", offset,
                             kind) from None
        for key in _UID_KEYS[name]:
            self.uid_length(str(parsed[key]), key.replace("_", " "), offset, kind)
        if kind == _COMMON:
            for entry in parsed.related_general_sop_class_identification:
                self.uid_length(str(entry[_RELATED_UID]), "related general SOP class UID",
                                offset, kind)
        return parsed


def _why(exc: BaseException) -> str:
    """The first line of a construct error, without its parse path."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text.split(") ", 1)[-1] if text.startswith("Error in path") else text


def _related_entries(chunk: bytes, budget: int) -> int:
    """How many Related-General-SOP-Class-Identification entries a SOP Class Common Extended
    Negotiation Sub-Item holds (PS3.7 Table D.3-12: two length-prefixed UIDs, then the
    length-prefixed list of length-prefixed UIDs), counted up to one past ``budget``, so that
    the schema's GreedyRange is never run over an unbounded list."""
    pos, end = _ITEM_HEAD.size, len(chunk)
    for _ in range(2):  # SOP-class-uid, Service-class-uid
        if pos + 2 > end:
            return 0
        pos += 2 + _U16.unpack_from(chunk, pos)[0]
    if pos + 2 > end:
        return 0
    stop = min(end, pos + 2 + _U16.unpack_from(chunk, pos)[0])
    pos += 2
    count = 0
    while pos + 2 <= stop and count <= budget:
        pos += 2 + _U16.unpack_from(chunk, pos)[0]
        count += 1
    return count


def _user_information(r: _Reader, offset: int, stop: int) -> UserInformation:
    user = UserInformation()
    known = 0
    pos = offset + _USER_SUBS
    while pos < stop:
        kind, end = r.item(pos, stop, "the User Information Item")
        if kind not in _USER_ITEMS:
            r.skip(kind, pos)
            user.unknown.append((kind, r.data[pos + _ITEM_HEAD.size:end]))
            pos = end
            continue
        known += 1
        if known > MAX_USER_SUB_ITEMS:
            raise r.limit(f"more than {MAX_USER_SUB_ITEMS} user information sub-items",
                          "MAX_USER_SUB_ITEMS", MAX_USER_SUB_ITEMS, pos, kind)
        if kind == _IMPL_UID:
            user.implementation_class_uid = r.text(kind, pos, end)
        elif kind == _IMPL_VERSION:
            user.implementation_version_name = r.text(kind, pos, end)
        else:
            sub = r.parse(kind, pos, end)
            if kind == _MAX_LENGTH:
                user.max_length = int(sub.maximum_length_received)
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
                    tuple(str(e[_RELATED_UID]) for e in sub.related_general_sop_class_identification)))
            elif kind == _IDENTITY_RQ:
                user.identity_rq = UserIdentityRQ(
                    int(sub.user_identity_type), bool(sub.positive_response_requested),
                    bytes(sub.primary_field), bytes(sub.secondary_field))
            elif kind == _IDENTITY_AC:
                user.identity_ac = bytes(sub.server_response)
        pos = end
    return user


def _context_rq(r: _Reader, offset: int, stop: int) -> PresentationContextRQ:
    kind = _PC_RQ
    if stop < offset + _PC_RQ_SUBS:
        raise r.error("Presentation Context Item shorter than its fixed fields", offset, kind)
    context_id = r.data[offset + _PC_ID]
    if context_id % 2 == 0:
        raise r.error(f"presentation context ID {context_id} is not an odd number 1-255 "
                      "(PS3.8 9.3.2.2)", offset + _PC_ID, kind)
    abstract: str | None = None
    syntaxes: list[str] = []
    pos = offset + _PC_RQ_SUBS
    while pos < stop:
        sub, end = r.item(pos, stop, f"Presentation Context Item {context_id}")
        if sub not in _PC_RQ_ITEMS:
            r.skip(sub, pos)
        elif sub == _ABSTRACT:
            if abstract is not None:
                raise r.error(f"a second Abstract Syntax Sub-Item in presentation context "
                              f"{context_id} (PS3.8 9.3.2.2: one)", pos, sub,
                              _UNEXPECTED_PARAMETER)
            abstract = r.text(sub, pos, end)
        else:
            if len(syntaxes) == MAX_TRANSFER_SYNTAXES:
                raise r.limit(f"more than {MAX_TRANSFER_SYNTAXES} transfer syntaxes in "
                              f"presentation context {context_id}", "MAX_TRANSFER_SYNTAXES",
                              MAX_TRANSFER_SYNTAXES, pos, sub)
            syntaxes.append(r.text(sub, pos, end))
        pos = end
    return PresentationContextRQ(context_id, abstract or "", tuple(syntaxes))


def _context_ac(r: _Reader, offset: int, stop: int) -> PresentationContextAC:
    kind = _PC_AC
    if stop < offset + _PC_AC_SUBS:
        raise r.error("Presentation Context Item shorter than its fixed fields", offset, kind)
    context_id = r.data[offset + _PC_ID]
    syntax: str | None = None
    pos = offset + _PC_AC_SUBS
    while pos < stop:
        sub, end = r.item(pos, stop, f"Presentation Context Item {context_id}")
        if sub not in _PC_AC_ITEMS:
            r.skip(sub, pos)
        elif syntax is not None:
            raise r.error(f"a second Transfer Syntax Sub-Item in presentation context "
                          f"{context_id} (PS3.8 9.3.3.2: one)", pos, sub, _UNEXPECTED_PARAMETER)
        else:
            syntax = r.text(sub, pos, end)
        pos = end
    return PresentationContextAC(context_id, r.data[offset + _PC_RESULT], syntax or "")


def _ae_title(data: bytes, where: tuple[int, int]) -> str:
    """An AE title field without its padding; bytes outside ISO 646 kept as ``\\xNN`` escapes
    (never a valid AE title, PS3.5 6.2), so the acceptor can refuse it."""
    return data[where[0]:where[1]].decode("ascii", "backslashreplace").strip(" ")


def _associate(r: _Reader) -> AAssociateRQ | AAssociateAC:
    data = r.data
    end = len(data)
    if end < _VARIABLE:
        raise r.error(f"{end} bytes, shorter than the {_VARIABLE} bytes of its fixed fields",
                      end)
    members = _RQ_ITEMS if r.rq else _AC_ITEMS
    app: str | None = None
    user: UserInformation | None = None
    rq_contexts: list[PresentationContextRQ] = []
    ac_contexts: list[PresentationContextAC] = []
    ids: set[int] = set()
    offset = _VARIABLE
    while offset < end:
        kind, stop = r.item(offset, end, "the PDU")
        if kind not in members:
            r.skip(kind, offset)
        elif kind == _APP_CONTEXT:
            if app is not None:
                raise r.error("a second Application Context Item (PS3.8 9.3.2: one)", offset,
                              kind, _UNEXPECTED_PARAMETER)
            app = r.text(kind, offset, stop)
        elif kind == _USER_INFO:
            if user is not None:
                raise r.error("a second User Information Item (PS3.8 9.3.2: one)", offset,
                              kind, _UNEXPECTED_PARAMETER)
            user = _user_information(r, offset, stop)
        else:
            if len(ids) == MAX_PRESENTATION_CONTEXTS:
                raise r.limit(f"more than {MAX_PRESENTATION_CONTEXTS} presentation contexts "
                              "(PS3.8 9.3.2.2: odd IDs 1-255)", "MAX_PRESENTATION_CONTEXTS",
                              MAX_PRESENTATION_CONTEXTS, offset, kind, _INVALID_VALUE)
            if r.rq:
                pc: PresentationContextRQ | PresentationContextAC = _context_rq(r, offset, stop)
                rq_contexts.append(pc)  # type: ignore[arg-type]
            else:
                pc = _context_ac(r, offset, stop)
                ac_contexts.append(pc)
            if pc.id in ids:
                raise r.error(f"presentation context ID {pc.id} appears twice (PS3.8 9.3.2.2: "
                              "unique)", offset + _PC_ID, kind)
            ids.add(pc.id)
        offset = stop
    if app is None:
        raise r.error("no Application Context Item (PS3.8 9.3.2)", _VARIABLE, _APP_CONTEXT)
    if r.rq and not rq_contexts:
        raise r.error("no Presentation Context Item (PS3.8 9.3.2: one or more)", _VARIABLE,
                      _PC_RQ, reject=_REJECT_NO_CONTEXT)
    user = user or UserInformation()
    version = int.from_bytes(data[_VERSION[0]:_VERSION[1]], "big")
    called, calling = _ae_title(data, _CALLED), _ae_title(data, _CALLING)
    if r.rq:
        return AAssociateRQ(called, calling, app, rq_contexts, user, version)
    return AAssociateAC(called, calling, app, ac_contexts, user, version)


def decode_pdu(data: bytes, *, peer: tuple[str, int] | None = None) -> PDU:
    """Parse a whole PDU (header included) with the generated schemas (PS3.8 9.3).

    The work is linear in the PDU-length and bounded by the limits of this module
    (:data:`MAX_PRESENTATION_CONTEXTS`, :data:`MAX_TRANSFER_SYNTAXES`,
    :data:`MAX_USER_SUB_ITEMS`, :data:`MAX_UNKNOWN_ITEMS`, :data:`MAX_RELATED_SOP_CLASSES`,
    :data:`MAX_UID_LENGTH`).  A request whose structure is sound but whose values are not
    (an application context name or a UID that is not ISO 646 text, an AE title that is not
    one) decodes, with the bad bytes as ``\\xNN`` escapes, so the acceptor can reject it
    with the reason that fits (PS3.8 Table 9-21) or refuse the context (Table 9-18).

    Raises
    ------
    PDUError
        Unknown PDU type, bad lengths, content the schemas cannot parse, missing or repeated
        items (PS3.8 9.3); :class:`~dicomkit.net.errors.PDULimitError` past a limit.  Its
        ``abort_reason`` and ``reject`` say how to answer.  Nothing else, for any bytes.
    """
    if len(data) < HEADER_LENGTH:
        raise PDUError("truncated PDU header", offset=len(data), abort_reason=_INVALID_VALUE,
                       peer=peer)
    code, length = _HEADER.unpack_from(data)
    name = _schemas.PDU_TYPES.get(code)
    if name is None:
        raise PDUError("unrecognized PDU type", pdu_type=code, length=length, offset=0,
                       abort_reason=_UNRECOGNIZED_PDU, peer=peer)
    if length != len(data) - HEADER_LENGTH:
        raise PDUError(f"PDU-length does not match the {len(data) - HEADER_LENGTH} bytes "
                       "that follow", pdu_type=code, length=length, offset=2,
                       abort_reason=_INVALID_VALUE, peer=peer)
    try:
        if code == _PDATA:
            return _decode_pdata(data[HEADER_LENGTH:], length, peer)
        if name in ("A_ASSOCIATE_RQ", "A_ASSOCIATE_AC"):
            return _associate(_Reader(data, code, length, peer))
        try:
            parsed = _S[name].parse(data)
        except (ConstructError, ValueError) as exc:
            raise PDUError(f"malformed {name.replace('_', '-')}: {_why(exc)}", pdu_type=code,
                           length=length, abort_reason=_INVALID_VALUE, peer=peer) from None
        if code == _PDU_CODE["A_ASSOCIATE_RJ"]:
            return AAssociateRJ(int(parsed.result), int(parsed.source),
                                int(parsed.reason_diag))
        if code == _PDU_CODE["A_RELEASE_RQ"]:
            return AReleaseRQ()
        if code == _PDU_CODE["A_RELEASE_RP"]:
            return AReleaseRP()
        return AAbort(int(parsed.source), int(parsed.reason_diag))
    except PDUError:
        raise
    except (struct.error, ConstructError, UnicodeError, LookupError, AttributeError, TypeError,
            ValueError, OverflowError) as exc:  # a decoder bug must still be our error
        raise PDUError(f"undecodable {name.replace('_', '-')}: {type(exc).__name__}: {exc}",
                       pdu_type=code, length=length, abort_reason=_INVALID_VALUE,
                       peer=peer) from exc


async def read_pdu(receive_exactly: Callable[[int], Awaitable[bytes]], *,
                   max_pdata_length: int, max_other_length: int = 1 << 20,
                   peer: tuple[str, int] | None = None) -> PDU:
    """Read one PDU with ``receive_exactly`` and decode it.

    The PDU-length is checked before its body is read: a P-DATA-TF longer than
    ``max_pdata_length`` (the Maximum Length we announced, PS3.8 D.1; 0 means no announced
    limit and then ``max_other_length`` applies too) or any other PDU longer than
    ``max_other_length`` is refused, so a hostile length never makes us allocate.

    Raises
    ------
    PDUError
        Unknown type, length over the limit, or malformed content (see :func:`decode_pdu`);
        whatever ``receive_exactly`` raises passes through.
    """
    header = await receive_exactly(HEADER_LENGTH)
    if len(header) != HEADER_LENGTH:
        raise PDUError("truncated PDU header", offset=len(header), abort_reason=_INVALID_VALUE,
                       peer=peer)
    code, length = _HEADER.unpack_from(header)
    name = _schemas.PDU_TYPES.get(code)
    if name is None:
        raise PDUError("unrecognized PDU type", pdu_type=code, length=length, offset=0,
                       abort_reason=_UNRECOGNIZED_PDU, peer=peer)
    limit = max_pdata_length if code == _PDATA and max_pdata_length else max_other_length
    if length > limit:
        raise PDUError(f"PDU-length over the limit of {limit} bytes", pdu_type=code,
                       length=length, offset=2, abort_reason=_NOT_SPECIFIED, peer=peer)
    body = await receive_exactly(length) if length else b""
    if code == _PDATA and len(body) == length:
        return _decode_pdata(body, length, peer)
    return decode_pdu(header + body, peer=peer)


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


def _check_item_paths() -> None:
    """The hand-walked item lists read what the generated schemas describe (see decoding)."""
    if bytes(_schemas.ITEM.build({"item_type": 0x7F, "data": b"ab"})) != (
            _ITEM_HEAD.pack(0x7F, 2) + b"ab"):
        raise AssertionError("item header layout disagrees with the generated ITEM schema")
    same = [(_byte_range("A_ASSOCIATE_AC", key), _byte_range("A_ASSOCIATE_RQ", key))
            for key in ("protocol_version", "called_ae_title", "calling_ae_title",
                        "variable_items")]
    same.append((_byte_range("PRESENTATION_CONTEXT_ITEM_AC", "presentation_context_id"),
                 _byte_range("PRESENTATION_CONTEXT_ITEM_RQ", "presentation_context_id")))
    handled_user = {_MAX_LENGTH, _IMPL_UID, _IMPL_VERSION, _ASYNC, _ROLE, _EXTENDED, _COMMON,
                    _IDENTITY_RQ, _IDENTITY_AC}
    if (any(a != b for a, b in same) or _RQ_ITEMS != {_APP_CONTEXT, _PC_RQ, _USER_INFO}
            or _AC_ITEMS != {_APP_CONTEXT, _PC_AC, _USER_INFO}
            or _PC_RQ_ITEMS != {_ABSTRACT, _TRANSFER} or _PC_AC_ITEMS != {_TRANSFER}
            or not _USER_ITEMS <= handled_user
            or not {_APP_CONTEXT, _ABSTRACT, _TRANSFER, _IMPL_UID, _IMPL_VERSION} <= set(
                _TEXT_ITEMS)):
        raise AssertionError("the generated PDU schemas changed shape; review pdu._associate")
    for kind in _TEXT_ITEMS:
        name = _schemas.ITEM_TYPES[kind]
        key = _schemas.FIELDS[name][3][2]
        assert key is not None
        data = bytes(_S[name].build({key: "1.2.3"}))
        padded = data[:2] + _U16.pack(6) + data[4:] + b"\0"
        reader = _Reader(b"", 0, 0, None)
        for chunk in (data, padded):
            reader.data = chunk
            if str(_S[name].parse(chunk)[key]) != reader.text(kind, 0, len(chunk)):
                raise AssertionError(f"the text fast path disagrees with {name}")


_check_item_paths()
