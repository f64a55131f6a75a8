"""DIMSE messages (PS3.7 9, 10, Annex E): typed command sets built from the generated tables.

Every DIMSE-C and DIMSE-N message of :data:`dicomkit.generated.commands.MESSAGES` is a
:class:`DimseMessage`: its name (``"C-STORE-RQ"``) and its command set, a
:class:`~dicomkit.core.dataset.Dataset` of group 0000 elements whose tags and VRs come from
``COMMAND_ELEMENTS``.  Command sets are encoded in implicit VR little endian with the Command
Group Length (0000,0000) first (PS3.7 6.3.1); the fields a message table marks ``M`` are checked
before a message is sent and when one is received.  :func:`send` and :func:`receive` move
messages over an :class:`~dicomkit.net.association.Association`.
"""

from __future__ import annotations

import enum
import struct
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.values import decode_value, encode_value
from dicomkit.errors import DicomError
from dicomkit.generated import uids
from dicomkit.generated.commands import (
    COMMAND_ELEMENTS,
    COMMAND_FIELD_NAMES,
    COMMAND_TAGS,
    FIELD_VALUES,
    MESSAGES,
)
from dicomkit.generated.service_statuses import SERVICE_STATUSES, SERVICE_TABLES
from dicomkit.generated.statuses import SERVICE_CLASS_STATUSES, STATUSES, classify
from dicomkit.net.aetitle import validate_ae_title

if TYPE_CHECKING:
    from dicomkit.net.association import Association, IncomingMessage

__all__ = [
    "DATA_SET_ABSENT", "DATA_SET_PRESENT", "DimseError", "DimseMessage", "FieldEncodingError",
    "MessageField",
    "MessageIDs", "MessageSpec", "Priority", "SPECS", "build", "c_echo_rq", "c_echo_rsp",
    "c_store_rq", "c_store_rsp", "classify_status", "decode_command", "drain",
    "encode_for_sending", "read_data",
    "error_comment", "receive", "send", "status_code_named", "status_meaning", "status_text",
]

#: Command Data Set Type (0000,0800) "shall be set to the value of 0101H if no Data Set is
#: present; any other value indicates a Data Set is included" (PS3.7 Table E.1-1).
DATA_SET_ABSENT = FIELD_VALUES["CommandDataSetType"]["no Data Set is present"]
#: The value sent when a data set follows (any value but 0101H; 0001H as dcmtk and pynetdicom).
DATA_SET_PRESENT = 0x0001

_GROUP_LENGTH = COMMAND_TAGS["CommandGroupLength"]
_COMMAND_FIELD = COMMAND_TAGS["CommandField"]
_DATA_SET_TYPE = COMMAND_TAGS["CommandDataSetType"]
_STATUS = COMMAND_TAGS["Status"]
_MESSAGE_ID = COMMAND_TAGS["MessageID"]
_RESPONDED_TO = COMMAND_TAGS["MessageIDBeingRespondedTo"]
_AFFECTED_SOP_CLASS = COMMAND_TAGS["AffectedSOPClassUID"]
_AFFECTED_SOP_INSTANCE = COMMAND_TAGS["AffectedSOPInstanceUID"]


class Priority(enum.IntEnum):
    """Priority (0000,0700) values, as PS3.7 Table E.1-1 states them (LOW 0002H, MEDIUM 0000H,
    HIGH 0001H)."""

    MEDIUM = FIELD_VALUES["Priority"]["MEDIUM"]
    HIGH = FIELD_VALUES["Priority"]["HIGH"]
    LOW = FIELD_VALUES["Priority"]["LOW"]


class DimseError(DicomError):
    """A DIMSE message that cannot be built, sent or understood.

    Attributes
    ----------
    message_name
        The message concerned (``"C-STORE-RQ"``), ``""`` when unknown.
    field
        The keyword of the offending command field, ``""`` when none.
    received
        True when the message came from the peer.
    """

    def __init__(self, text: str, *, message_name: str = "", field: str = "",
                 received: bool = False) -> None:
        self.message_name = message_name
        self.field = field
        self.received = received
        who = f"{'received ' if received else ''}{message_name}: " if message_name else ""
        super().__init__(who + text)


class FieldEncodingError(DimseError):
    """A command field whose value cannot be encoded in its VR (PS3.5 6.2), raised by
    :meth:`DimseMessage.encode` before anything is sent."""


@dataclass(frozen=True)
class MessageField:
    """One row of a message field table (PS3.7 9.3, 10.3): tag (None: the data set) and usage."""

    tag: int | None
    keyword: str
    name: str
    usage: str

    @property
    def required(self) -> bool:
        """True for usage ``M`` (mandatory, PS3.7 9.1/10.1)."""
        return self.usage == "M"


@dataclass(frozen=True)
class MessageSpec:
    """A DIMSE message of the generated table: command field, service, fields, data set usage."""

    name: str
    command_field: int
    service: str
    fields: tuple[MessageField, ...]
    data_set: MessageField | None

    @property
    def is_request(self) -> bool:
        """True for -RQ messages."""
        return self.name.endswith("-RQ")


def _specs() -> dict[str, MessageSpec]:
    out: dict[str, MessageSpec] = {}
    for name, (field, service, rows) in MESSAGES.items():
        fields = tuple(MessageField(*row) for row in rows if row[0] is not None)
        data = next((MessageField(*row) for row in rows if row[0] is None), None)
        out[name] = MessageSpec(name, field, service, fields, data)
    return out


#: Every message of PS3.7 9.3 and 10.3 by name.
SPECS: dict[str, MessageSpec] = _specs()
#: message name -> (tag, keyword) of its mandatory fields but Command Group Length, which
#: :meth:`DimseMessage.encode` adds (PS3.7 9.3, 10.3).
_MANDATORY: dict[str, tuple[tuple[int, str], ...]] = {
    name: tuple((f.tag, f.keyword) for f in spec.fields
                if f.required and f.tag is not None and f.tag != _GROUP_LENGTH)
    for name, spec in SPECS.items()}
#: response name -> (tag, keyword) of its fields equal to the request's, ``U(=)`` and ``C(=)``
#: (PS3.7 9.1, 10.1).
_ECHOED: dict[str, tuple[tuple[int, str], ...]] = {
    name: tuple((f.tag, f.keyword) for f in spec.fields
                if f.usage.endswith("(=)") and f.tag is not None)
    for name, spec in SPECS.items()}
#: The binary unsigned VRs of command fields and their largest values (PS3.5 Table 6.2-1).
_INT_RANGES: dict[str, int] = {"US": 0xFFFF, "UL": 0xFFFFFFFF}
#: Command Field value -> the spec a received message is checked against.  The C-CANCEL-*-RQ
#: messages share one value and one field list, so the first of them stands for all.
_BY_FIELD: dict[int, MessageSpec] = {}
for _spec in SPECS.values():
    _BY_FIELD.setdefault(_spec.command_field, _spec)


#: Command fields a response may carry with its status (PS3.7 Annex C: "other fields" of the
#: status types, e.g. Error Comment, Offending Element, Error ID).
STATUS_FIELDS: frozenset[str] = frozenset(
    keyword for entry in (*STATUSES.values(), *SERVICE_CLASS_STATUSES.values())
    for keyword in entry[-3] if keyword in COMMAND_TAGS)

#: message name -> the keywords :func:`build` takes (its fields; a response's status fields).
_ALLOWED: dict[str, frozenset[str]] = {
    name: frozenset(f.keyword for f in spec.fields) | (
        frozenset() if spec.is_request else STATUS_FIELDS)
    for name, spec in SPECS.items()}


class MessageIDs:
    """Message IDs (0000,0110) for one association: 1, 2, ... 65535, then 1 again (PS3.7 9.3)."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        """The next message ID."""
        self._last = self._last % 0xFFFF + 1
        return self._last


class DimseMessage:
    """A DIMSE message: its name and command set (group 0000 elements).

    Fields are read by keyword, ``msg["Status"]`` or ``msg.get("Status")``; the common ones are
    properties.  Two messages are equal when their command sets are (a received C-CANCEL is
    named ``C-CANCEL-RQ``: the wire does not say which service it cancels).
    """

    __slots__ = ("name", "command")

    def __init__(self, name: str, command: Dataset) -> None:
        self.name = name
        self.command = command

    # -- fields ---------------------------------------------------------------------------
    def __getitem__(self, keyword: str) -> Any:
        elem = self.command.get(_tag_of(keyword))
        if elem is None:
            raise KeyError(f"{self.name} has no {keyword}")
        return elem.value

    def get(self, keyword: str, default: Any = None) -> Any:
        """The value of field ``keyword``, or ``default`` when absent."""
        return self._value(_tag_of(keyword), default)

    def _value(self, tag: int, default: Any = None) -> Any:
        """The value of the field of ``tag``, or ``default`` (the properties' fast path: no
        keyword look-up, no exception for an absent field)."""
        command = self.command
        return command[tag].value if tag in command else default

    def __contains__(self, keyword: object) -> bool:
        return isinstance(keyword, str) and keyword in COMMAND_TAGS and \
            COMMAND_TAGS[keyword] in self.command

    def set(self, keyword: str, value: Any) -> None:
        """Set field ``keyword`` (its VR from PS3.7 Annex E); None removes it.

        Raises
        ------
        AETitleError
            For a field of VR AE (Move Destination, Move Originator Application Entity
            Title) whose value is no AE title (PS3.5 6.2): refused here, before anything is
            sent, with the field named.
        """
        tag = _tag_of(keyword)
        if value is None:
            if tag in self.command:
                del self.command[tag]
            return
        vr = COMMAND_ELEMENTS[tag][2]
        if vr == "AE":
            value = validate_ae_title(value, f"{keyword} {_tag_text(tag)}")
        elif type(value) is int and vr in _INT_RANGES and 0 <= value <= _INT_RANGES[vr]:
            # a binary number in its VR's range (PS3.5 Table 6.2-1) has nothing to check nor
            # to split: the element is put in directly (one per field of every message sent)
            self.command.put_element(DataElement(tag, vr, value))
            return
        self.command.add_new(tag, vr, value)

    @property
    def spec(self) -> MessageSpec:
        """The message's table entry."""
        return SPECS.get(self.name) or _BY_FIELD[self.command_field]

    @property
    def command_field(self) -> int:
        """Command Field (0000,0100)."""
        v = self._value(_COMMAND_FIELD)
        if v is None:
            raise KeyError(f"{self.name} has no CommandField")
        return int(v)

    @property
    def message_id(self) -> int | None:
        """Message ID (0000,0110), requests only."""
        v = self._value(_MESSAGE_ID)
        return None if v is None else int(v)

    @property
    def message_id_being_responded_to(self) -> int | None:
        """Message ID Being Responded To (0000,0120)."""
        v = self._value(_RESPONDED_TO)
        return None if v is None else int(v)

    @property
    def status(self) -> int | None:
        """Status (0000,0900), responses only."""
        v = self._value(_STATUS)
        return None if v is None else int(v)

    @property
    def status_category(self) -> str | None:
        """success / pending / cancel / warning / failure of the status (PS3.7 Annex C)."""
        s = self.status
        return None if s is None else classify_status(s)

    @property
    def affected_sop_class_uid(self) -> str | None:
        """Affected SOP Class UID (0000,0002)."""
        v = self._value(_AFFECTED_SOP_CLASS)
        return None if v is None else str(v)

    @property
    def affected_sop_instance_uid(self) -> str | None:
        """Affected SOP Instance UID (0000,1000)."""
        v = self._value(_AFFECTED_SOP_INSTANCE)
        return None if v is None else str(v)

    @property
    def has_data_set(self) -> bool:
        """Whether Command Data Set Type (0000,0800) announces a data set (PS3.7 E.1)."""
        v = self._value(_DATA_SET_TYPE)
        return v is not None and int(v) != DATA_SET_ABSENT

    # -- checks and encoding ----------------------------------------------------------------
    def missing_fields(self) -> list[str]:
        """Keywords of the mandatory (``M``) fields the command set lacks (PS3.7 9.3, 10.3)."""
        command = self.command
        return [keyword for tag, keyword in _MANDATORY[self.spec.name] if tag not in command]

    def check(self, *, received: bool = False) -> None:
        """Raise :class:`DimseError` naming the first mandatory field that is missing."""
        missing = self.missing_fields()
        if missing:
            raise DimseError(f"the mandatory field {missing[0]} "
                             f"{_tag_text(COMMAND_TAGS[missing[0]])} is missing "
                             f"(PS3.7 {'10.3' if self.name.startswith('N-') else '9.3'})",
                             message_name=self.name, field=missing[0], received=received)

    def encode(self) -> bytes:
        """The command set in implicit VR little endian, Command Group Length first (PS3.7 6.3.1).

        A command set is flat (no sequences, one byte order, no character set), so its
        elements are encoded here one by one with :func:`~dicomkit.core.values.encode_value`
        (the writer's value encoder) behind a struct-packed implicit VR header, without the
        general writer's per-data-set machinery; one is encoded for every DIMSE message.

        Raises
        ------
        DimseError
            When a mandatory field is missing; :class:`FieldEncodingError` when a value
            cannot be encoded in its VR.
        """
        self.check()
        cmd = self.command
        if _GROUP_LENGTH in cmd:
            del cmd[_GROUP_LENGTH]
        parts: list[bytes] = []
        head = _IMPLICIT_HEADER.pack
        size = 0
        ranges = _INT_RANGES
        for elem in cmd.elements():
            raw = elem.raw
            vr = elem.vr
            value_ = elem.value if raw is None else None
            if type(value_) is int and vr in ranges and 0 <= value_ <= ranges[vr]:
                # the common fields: one binary number in range, packed directly (PS3.5 7.1.2)
                value = (_US if vr == "US" else _UL).pack(value_)
            elif raw is not None:
                value = bytes(raw)
                if len(value) & 1:
                    value += b"\x00"
            else:
                try:
                    value = encode_value(elem.vr, elem.value, True, None)
                except DicomError as exc:
                    keyword = COMMAND_ELEMENTS[elem.tag][0] if elem.tag in COMMAND_ELEMENTS \
                        else elem.tag_str
                    raise FieldEncodingError(f"{keyword}: {exc}", message_name=self.name,
                                             field=keyword) from None
            tag = elem.tag
            parts.append(head(tag >> 16, tag & 0xFFFF, len(value)))
            parts.append(value)
            size += _IMPLICIT_HEADER.size + len(value)
        cmd.add_new(_GROUP_LENGTH, "UL", size, validation_mode="ignore")
        # the group length element in implicit VR LE: tag, 4-byte length, UL value (PS3.5 7.1.2)
        parts.insert(0, _GROUP_LENGTH_ELEMENT.pack(_GROUP_LENGTH >> 16, _GROUP_LENGTH & 0xFFFF,
                                                   4, size))
        return b"".join(parts)

    def response(self, status: int, **fields: Any) -> DimseMessage:
        """The response to this request with ``status``.

        Message ID Being Responded To is this message's ID; fields whose usage in the response
        is ``U(=)`` or ``C(=)`` (PS3.7 9.1, 10.1: "equal to the value in the request") take this
        request's value unless given in ``fields``.
        """
        name = self.name[:-3] + "-RSP"
        if name not in SPECS:
            raise DimseError("has no response message", message_name=self.name)
        values: dict[str, Any] = dict(fields)
        values["MessageIDBeingRespondedTo"] = self.message_id
        values["Status"] = status
        response = build(name, **values)
        command = self.command
        for tag, keyword in _ECHOED[name]:
            elem = command.get(tag)
            if elem is not None and keyword not in fields:
                # the peer's own value, echoed as received (its bytes, when it was received):
                # not checked again as an assignment (a peer's malformed UID must not warn,
                # or raise under the 'raise' mode, here)
                response.command[tag] = DataElement(tag, COMMAND_ELEMENTS[tag][2], elem.value,
                                                    raw=elem.raw)
        return response

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DimseMessage):
            return NotImplemented
        return self.command == other.command

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{COMMAND_ELEMENTS[e.tag][0] if e.tag in COMMAND_ELEMENTS else e.tag_str}"
                           f"={e.value!r}" for e in self.command.elements()
                           if e.tag != _GROUP_LENGTH)
        return f"<{self.name} {fields}>"


def _tag_of(keyword: str) -> int:
    tag = COMMAND_TAGS.get(keyword)
    if tag is None:
        raise DimseError(f"{keyword!r} is not a command field keyword (PS3.7 Annex E)")
    return tag


def _tag_text(tag: int) -> str:
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


def build(name: str, *, data_set: bool | None = None, **fields: Any) -> DimseMessage:
    """A message ``name`` of PS3.7 9.3/10.3 with the given fields (by keyword).

    Command Field comes from the table.  ``data_set`` says whether a data set follows (Command
    Data Set Type, PS3.7 E.1); by default one does when the message's data set is mandatory.
    :func:`send` sets it again from the data actually sent.

    Raises
    ------
    DimseError
        For an unknown message, or a field the message does not have.
    """
    spec = SPECS.get(name)
    if spec is None:
        raise DimseError(f"unknown DIMSE message {name!r}; known: {', '.join(sorted(SPECS))}")
    allowed = _ALLOWED[name]
    msg = DimseMessage(name, Dataset())
    for keyword, value in fields.items():
        if keyword not in allowed:
            raise DimseError(f"has no field {keyword} (PS3.7 "
                             f"{'10.3' if name.startswith('N-') else '9.3'})",
                             message_name=name, field=keyword)
        msg.set(keyword, value)
    msg.set("CommandField", spec.command_field)
    if data_set is None:
        data_set = spec.data_set is not None and spec.data_set.required
    msg.set("CommandDataSetType", DATA_SET_PRESENT if data_set else DATA_SET_ABSENT)
    return msg


def c_echo_rq(message_id: int, sop_class: str = uids.Verification) -> DimseMessage:
    """C-ECHO-RQ (PS3.7 9.3.5.1)."""
    return build("C-ECHO-RQ", MessageID=message_id, AffectedSOPClassUID=sop_class)


def c_echo_rsp(message_id_being_responded_to: int, status: int = 0x0000,
               sop_class: str | None = uids.Verification) -> DimseMessage:
    """C-ECHO-RSP (PS3.7 9.3.5.2)."""
    return build("C-ECHO-RSP", MessageIDBeingRespondedTo=message_id_being_responded_to,
                 Status=status, AffectedSOPClassUID=sop_class)


def c_store_rq(message_id: int, sop_class: str, sop_instance: str,
               priority: int = Priority.MEDIUM, *,
               move_originator: tuple[str, int] | None = None) -> DimseMessage:
    """C-STORE-RQ (PS3.7 9.3.1.1); ``move_originator`` is (AE title, message ID) of a C-MOVE."""
    msg = build("C-STORE-RQ", MessageID=message_id, AffectedSOPClassUID=sop_class,
                AffectedSOPInstanceUID=sop_instance, Priority=int(priority))
    if move_originator is not None:
        msg.set("MoveOriginatorApplicationEntityTitle", move_originator[0])
        msg.set("MoveOriginatorMessageID", move_originator[1])
    return msg


def c_store_rsp(message_id_being_responded_to: int, status: int, sop_class: str | None,
                sop_instance: str | None, **fields: Any) -> DimseMessage:
    """C-STORE-RSP (PS3.7 9.3.1.2)."""
    return build("C-STORE-RSP", MessageIDBeingRespondedTo=message_id_being_responded_to,
                 Status=status, AffectedSOPClassUID=sop_class,
                 AffectedSOPInstanceUID=sop_instance, **fields)


def classify_status(code: int) -> str:
    """success, pending, cancel, warning or failure (PS3.7 Annex C, generated table).

    Raises
    ------
    DimseError
        For a code outside every status class ("Implementations shall not use Status Codes
        with values not listed", PS3.7 Annex C).
    """
    try:
        return classify(code)
    except ValueError as exc:
        raise DimseError(str(exc), field="Status") from None


def _service_meanings() -> dict[str, tuple[tuple[int, int, str], ...]]:
    """PS3.4 status table label -> (mask, value, meaning) of its rows, in table order; a code
    pattern's ``x`` digits are left out of the mask ("A7xx" -> 0xFF00, 0xA700)."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for label, _caption, _section, _status, meaning, pattern, _related in SERVICE_STATUSES:
        if not meaning:
            continue
        mask = int("".join("0" if c == "x" else "F" for c in pattern), 16)
        out.setdefault(label, []).append((mask, int(pattern.replace("x", "0"), 16), meaning))
    return {label: tuple(rows) for label, rows in out.items()}


_SERVICE_MEANINGS = _service_meanings()


def _service_tables(service: str) -> tuple[str, ...]:
    if service in SERVICE_TABLES:
        return SERVICE_TABLES[service]
    if service in _SERVICE_MEANINGS:
        return (service,)
    spec = SPECS.get(service)
    return SERVICE_TABLES.get(spec.service, ()) if spec is not None else ()


def status_meaning(code: int, service: str | None = None) -> str | None:
    """What Status ``code`` means: for ``service``, the meaning its PS3.4 status tables give
    (generated :mod:`~dicomkit.generated.service_statuses`, the first table that has the code
    or a range holding it), else the status type of PS3.7 Annex C with that fixed code; None
    when neither names it.

    ``service`` is a DIMSE service (``"C-STORE"``), a message name (``"C-STORE-RSP"``) or a
    PS3.4 status table label (``"B.2-1"``); an unknown one is ignored.
    """
    if service:
        for label in _service_tables(service):
            for mask, value, meaning in _SERVICE_MEANINGS[label]:
                if code & mask == value:
                    return meaning
    known = STATUSES.get(code)
    return known[0] if known else None


def error_comment(reason: object) -> str:
    """``reason`` as an Error Comment (0000,0902): LO, one value of at most 64 characters of
    the default repertoire (PS3.7 Annex C, PS3.5 6.2); other characters and backslashes become
    ``?``."""
    text = "".join(c if " " <= c <= "~" and c != "\\" else "?" for c in str(reason))
    return text[:64].rstrip()


def status_code_named(name: str) -> int:
    """The fixed code of the PS3.7 Annex C status type ``name`` (``"Processing Failure"`` ->
    0x0110), from the generated table.

    Raises
    ------
    KeyError
        When PS3.7 Annex C has no status type of that name with a fixed code.
    """
    for code, entry in STATUSES.items():
        if entry[0] == name:
            return int(code)
    raise KeyError(f"PS3.7 Annex C has no status type {name!r} with a fixed code")


def status_text(code: int, service: str | None = None) -> str:
    """A readable status with its class: ``0x0122 Refused: SOP Class not supported (failure)``.

    With ``service`` (see :func:`status_meaning`), a code the service class defines reads as
    PS3.4 says: ``status_text(0xA700, "C-STORE")`` gives ``0xA700 Refused: Out of resources
    (failure)`` (PS3.4 Table B.2-1), where without it only the class (PS3.7 Annex C) is known.
    """
    meaning = status_meaning(code, service)
    try:
        category = classify(code)
    except ValueError:
        category = "unclassified"
    name = f" {meaning}" if meaning else ""
    return f"0x{code:04X}{name} ({category})"


_IMPLICIT_HEADER = struct.Struct("<HHI")
_US = struct.Struct("<H")
_UL = struct.Struct("<I")
#: Command Group Length (0000,0000): implicit VR header and its UL value (PS3.7 E.1-1).
_GROUP_LENGTH_ELEMENT = struct.Struct("<HHII")
assert COMMAND_ELEMENTS[_GROUP_LENGTH][2] == "UL", "Command Group Length is UL (PS3.7 E.1-1)"
#: Value Length meaning "undefined" (PS3.5 7.1.1); never valid in a command set (no sequences).
_UNDEFINED_LENGTH = 0xFFFFFFFF


def _most_values(vm: str) -> int | None:
    """The most values a Value Multiplicity allows (``"1"`` -> 1, ``"1-n"`` -> None)."""
    high = vm.rpartition("-")[2]
    return int(high) if high.isdigit() else None


#: tag -> (keyword, VR, VM, most values or None) of every command element (PS3.7 Annex E).
_FIELD_CHECKS: dict[int, tuple[str, str, str, int | None]] = {
    tag: (entry[0], entry[2], entry[3], _most_values(entry[3]))
    for tag, entry in COMMAND_ELEMENTS.items()}
#: message name -> the tags of its mandatory fields (usage M, PS3.7 9.3, 10.3).
_REQUIRED_TAGS: dict[str, frozenset[int]] = {
    name: frozenset(f.tag for f in spec.fields if f.required and f.tag is not None)
    for name, spec in SPECS.items()}


def _parse_command(data: bytes, peer: str) -> Dataset:
    """The elements of a command set (implicit VR little endian, PS3.7 6.3.1), VRs from the
    generated command dictionary (PS3.7 Annex E), every known value decoded and checked
    against its VR and VM.

    One pass of a struct walk over the element headers instead of the general reader: command
    sets are flat (no sequences, one byte order), and one arrives with every DIMSE message.
    Each known value is decoded with :func:`~dicomkit.core.values.decode_value` (the
    reader's decoder), so that a message handed on never fails later on a field's value: a
    value whose length does not fit its VR (a 3-byte US) or more values than the VM allow are
    refused here.  Raises :class:`DimseError` and nothing else.
    """
    elements: dict[int, DataElement] = {}
    end = len(data)
    offset = 0
    header = _IMPLICIT_HEADER
    size = header.size
    checks = _FIELD_CHECKS
    source = f" from {peer}" if peer else ""
    while offset < end:
        if offset + size > end:
            raise DimseError(f"unparsable command set{source}: truncated element header at "
                             f"offset {offset}", received=True)
        group, element, length = header.unpack_from(data, offset)
        tag = group << 16 | element
        if group != 0:
            raise DimseError(f"element {_tag_text(tag)} at offset {offset} outside group 0000 "
                             f"in a command set{source} (PS3.7 6.3.1)", received=True)
        start = offset + size
        if length == _UNDEFINED_LENGTH or start + length > end:
            raise DimseError(f"unparsable command set{source}: element {_tag_text(tag)} at "
                             f"offset {offset} has length {length}, past the {end} bytes of "
                             "the command set", received=True)
        if tag in elements:
            raise DimseError(f"element {_tag_text(tag)} at offset {offset} appears twice in "
                             f"the command set{source} (PS3.5 7.1: one element per tag)",
                             received=True)
        raw = data[start:start + length]
        check = checks.get(tag)
        if check is None:  # not a command field of PS3.7 Annex E: kept as bytes
            elements[tag] = DataElement(tag, "UN", raw=raw, offset=offset)
        else:
            keyword, vr, vm, most = check
            try:
                if length == 2 and vr == "US":  # the most common fields: one binary number
                    value = _US.unpack_from(data, start)[0]
                elif length == 4 and vr == "UL":
                    value = _UL.unpack_from(data, start)[0]
                else:
                    value = decode_value(vr, raw, True, None)
            except Exception as exc:  # noqa: BLE001 - any failure to decode is the peer's data
                raise DimseError(f"{keyword} {_tag_text(tag)} at offset {offset}{source}: "
                                 f"undecodable {vr} value: {exc}", field=keyword,
                                 received=True) from None
            if isinstance(value, (bytes, bytearray, memoryview)):
                raise DimseError(f"{keyword} {_tag_text(tag)} at offset {offset}{source}: "
                                 f"{len(value)} bytes is not a valid {vr} value length "
                                 "(PS3.5 6.2)", field=keyword, received=True)
            if most is not None and isinstance(value, list) and len(value) > most:
                raise DimseError(f"{keyword} {_tag_text(tag)} at offset {offset}{source}: "
                                 f"{len(value)} values, more than its VM {vm} allows "
                                 "(PS3.7 Annex E)", field=keyword, received=True)
            elements[tag] = DataElement(tag, vr, value, raw=raw, offset=offset)
        offset = start + length
    return Dataset(elements)


def _check_required(command: Dataset, name: str, source: str) -> None:
    """Refuse a mandatory field that is present but empty (PS3.7 9.3, 10.3)."""
    for tag in _REQUIRED_TAGS.get(name, ()):
        elem = command.get(tag)
        if elem is None:
            continue  # a missing one is named by DimseMessage.check
        value = elem.value
        if value is None or value == "" or value == []:
            keyword = _FIELD_CHECKS[tag][0]
            raise DimseError(f"{keyword} {_tag_text(tag)} at offset {elem.offset}{source}: "
                             "the mandatory field is empty", message_name=name,
                             field=keyword, received=True)


def decode_command(data: bytes, *, peer: str = "") -> DimseMessage:
    """Parse a received command set and check its fields.

    Every known field is decoded here and checked against its VR and VM (PS3.7 Annex E), so
    a message that comes out can be read without further errors.

    Raises
    ------
    DimseError
        Unparsable bytes, elements outside group 0000 or repeated, an unknown Command Field,
        a value that does not fit its VR or VM, or a mandatory field missing or empty (named
        with the peer's message name).  Nothing else, for any bytes.
    """
    try:
        return _decode_command(data, peer)
    except DimseError:
        raise
    except (struct.error, UnicodeError, LookupError, AttributeError, TypeError, ValueError,
            OverflowError, DicomError) as exc:  # a decoder bug must still be our error
        raise DimseError(f"undecodable command set{' from ' + peer if peer else ''}: "
                         f"{type(exc).__name__}: {exc}", received=True) from exc


def _decode_command(data: bytes, peer: str) -> DimseMessage:
    command = _parse_command(data, peer)
    source = f" from {peer}" if peer else ""
    field_elem = command.get(_COMMAND_FIELD)
    if field_elem is None:
        raise DimseError(f"the command set{source} has no Command Field (0000,0100)",
                         field="CommandField", received=True)
    field = field_elem.value
    if not isinstance(field, int):
        raise DimseError(f"unreadable Command Field {field!r}{source}", field="CommandField",
                         received=True)
    name = COMMAND_FIELD_NAMES.get(field)
    if name is None:
        raise DimseError(f"unknown Command Field 0x{field:04X}{source} (PS3.7 Table E.1-1)",
                         field="CommandField", received=True)
    msg = DimseMessage(name, command)
    if _GROUP_LENGTH not in command:
        raise DimseError("the mandatory field CommandGroupLength (0000,0000) is missing",
                         message_name=name, field="CommandGroupLength", received=True)
    msg.check(received=True)
    _check_required(command, msg.spec.name, source)
    return msg


async def send(assoc: Association, context_id: int, message: DimseMessage,
               data: bytes | AsyncIterable[bytes] | None = None) -> None:
    """Send ``message`` (and its data set) on presentation context ``context_id``.

    Command Data Set Type is set from ``data``.  Raises :class:`DimseError` when a mandatory
    field or a mandatory data set is missing, when the message takes no data set and one is
    given, or when the context was not accepted.
    """
    await assoc.send_message(context_id, encode_for_sending(assoc, context_id, message,
                                                            data is not None), data)


def encode_for_sending(assoc: Association, context_id: int, message: DimseMessage,
                       with_data: bool) -> bytes:
    """The command set of ``message`` as :func:`send` sends it, followed by a data set or
    not (``with_data``), checked as :func:`send` checks it: for a caller that sends the same
    command set many times (the Pending responses of one C-FIND, PS3.7 9.1.2.1.6) with
    :meth:`Association.send_message`.

    Raises
    ------
    DimseError
        As :func:`send`; :class:`FieldEncodingError` when a field cannot be encoded.
    """
    spec = message.spec
    if not with_data and spec.data_set is not None and spec.data_set.required:
        raise DimseError(f"the mandatory {spec.data_set.name} is missing",
                         message_name=message.name)
    if with_data and spec.data_set is None:
        raise DimseError("takes no data set", message_name=message.name)
    if context_id not in assoc.contexts:
        raise DimseError(f"presentation context {context_id} was not accepted "
                         f"(accepted: {sorted(assoc.contexts)})", message_name=message.name)
    message.set("CommandDataSetType", DATA_SET_PRESENT if with_data else DATA_SET_ABSENT)
    return message.encode()


async def receive(assoc: Association) -> tuple[DimseMessage, IncomingMessage]:
    """The next message and its :class:`IncomingMessage` (whose ``data`` streams the data set).

    Raises
    ------
    DimseError
        When the command set is invalid, or a mandatory data set is absent (the data set, if
        any, is drained first so the association stays usable).
    """
    incoming = await assoc.receive_message()
    peer = ""
    address = getattr(assoc, "peer_address", None)
    if address:
        peer = f"{address[0]}:{address[1]}"
    try:
        msg = decode_command(incoming.command, peer=peer)
        spec = msg.spec
        if incoming.data is None and spec.data_set is not None and spec.data_set.required:
            raise DimseError(f"the mandatory {spec.data_set.name} is missing", received=True,
                             message_name=msg.name)
        if incoming.data is not None and spec.data_set is None:
            raise DimseError("carries a data set it does not take", received=True,
                             message_name=msg.name)
    except DimseError:
        await drain(incoming)
        raise
    return msg, incoming


async def drain(incoming: IncomingMessage) -> int:
    """Read and drop the data set of ``incoming``; the number of bytes dropped."""
    n = 0
    if incoming.data is not None:
        async for chunk in incoming.data:
            n += len(chunk)
    return n


async def read_data(incoming: IncomingMessage) -> bytes:
    """The whole data set of ``incoming`` (``b""`` when none)."""
    if incoming.data is None:
        return b""
    parts: list[bytes] = []
    async for chunk in incoming.data:
        parts.append(chunk)
    return b"".join(parts)


async def iterate(data: bytes) -> AsyncIterator[bytes]:
    """``data`` as an async iterator of one chunk (handy for fakes and tests)."""
    yield data
