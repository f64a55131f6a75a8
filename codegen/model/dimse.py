"""Model of PS3.7: the command dictionary, DIMSE messages, service parameters and statuses.

What PS3.7 gives, and where:

- the command dictionary, PS3.7 Annex E (Table E.1-1 "Command Fields", Table E.2-1 "Retired
  Command Fields") -> :class:`CommandElement`;
- the Command Field (0000,0100) values, listed in the description of (0000,0100) in Table E.1-1
  and stated once more in each message field table -> :class:`CommandField`;
- the message field tables of PS3.7 9.3 (DIMSE-C) and 10.3 (DIMSE-N) -> :class:`Message` of
  :class:`MessageField`;
- the service parameter tables of PS3.7 9.1 and 10.1 (Table 9.1-1 "C-STORE Parameters", ...)
  with their Req/Ind, Rsp/Conf and CnclReq/CnclInd usage columns -> :class:`ServiceParameters`;
- the status classes and status types of PS3.7 Annex C, and the per-service lists of statuses
  in the "Status" subsection of each service (9.1.x.1.y, 10.1.x.1.y) -> :class:`StatusClass`,
  :class:`Status`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The five status classes of PS3.7 Annex C, as the categories statuses are sorted into.
CATEGORIES = ("success", "pending", "cancel", "warning", "failure")


@dataclass(frozen=True)
class CommandElement:
    """One command element of group 0000 (PS3.7 Annex E).

    Attributes
    ----------
    tag
        The tag as one integer (``0x00000100``).
    name
        The "Message Field" column (``"Command Field"``).
    keyword
        The "Keyword" column; ``""`` for an edition whose table has no such column.
    vr, vm
        Value representation and multiplicity.
    retired
        True for the elements of Table E.2-1 "Retired Command Fields".
    description
        The "Description of Field" column (``""`` in Table E.2-1, which has none).
    """

    tag: int
    name: str
    keyword: str
    vr: str
    vm: str
    retired: bool
    description: str


@dataclass(frozen=True)
class CommandField:
    """One value of Command Field (0000,0100): ``C-STORE-RQ`` is ``0x0001`` (PS3.7 E.1)."""

    name: str
    value: int


@dataclass(frozen=True)
class MessageField:
    """One row of a message field table (PS3.7 9.3, 10.3).

    Attributes
    ----------
    tag
        The tag, None for the rows written ``(no tag)`` (the Data Set, Identifier, ...).
    keyword
        The keyword of ``tag`` from the command dictionary; ``""`` without a tag.
    name
        The "Message Field" column.
    vr, vm
        As written in the table (``"-"`` for the rows without a tag).
    usage
        The usage of the corresponding service parameter for this primitive (``M``, ``U``,
        ``C``, ``U(=)``, ``C(=)``, ...), taken from the service parameter table's Req/Ind,
        Rsp/Conf or CnclReq/CnclInd column; fields the service definition does not list are,
        per PS3.7 9.3.x/10.3.x, "required by the DIMSE protocol": usage ``M``, and
        ``protocol`` is True.
    protocol
        True when the field is not a service parameter but required by the DIMSE protocol.
    condition_text
        For conditional usages (``C...``), the field's description, which states when it is
        present; ``""`` otherwise.
    description
        The "Description of Field" column.
    """

    tag: int | None
    keyword: str
    name: str
    vr: str
    vm: str
    usage: str
    protocol: bool
    condition_text: str
    description: str


@dataclass(frozen=True)
class Message:
    """One DIMSE message: its name, Command Field value and fields in table order.

    Attributes
    ----------
    name
        ``"C-STORE-RQ"``, ``"C-CANCEL-FIND-RQ"``, ``"N-ACTION-RSP"``.
    service
        The service it belongs to (``"C-STORE"``; ``"C-FIND"`` for ``C-CANCEL-FIND-RQ``).
    command_field
        The value the table's Command Field row says (0000,0100) is set to.
    fields
        The fields, in the order of the table.
    table
        The label of its message field table (``"9.3-1"``).
    """

    name: str
    service: str
    command_field: int
    fields: tuple[MessageField, ...]
    table: str


@dataclass(frozen=True)
class ServiceParameter:
    """One row of a service parameter table (PS3.7 Table 9.1-x, 10.1-x).

    The tables give one usage column per pair of primitives: ``request`` is the Req/Ind
    column, ``response`` the Rsp/Conf column, ``cancel`` the CnclReq/CnclInd column (C-FIND,
    C-GET, C-MOVE only; ``""`` elsewhere).  Values are as written: ``M``, ``U``, ``C``, ``-``,
    ``U(=)``, ``C(=)``.
    """

    name: str
    request: str
    response: str
    cancel: str


@dataclass(frozen=True)
class ServiceParameters:
    """The parameter table of one DIMSE service (``"C-STORE"`` from Table 9.1-1)."""

    service: str
    rows: tuple[ServiceParameter, ...]
    table: str


@dataclass(frozen=True)
class StatusClass:
    """One code pattern of the status class convention at the start of PS3.7 Annex C.

    Attributes
    ----------
    pattern
        Four characters, hexadecimal digits and ``x`` for any digit (``"0000"``, ``"Bxxx"``,
        ``"01xx"``).
    category
        One of :data:`CATEGORIES`; for a row naming several classes (the 2013-2016 row "PS3.7
        Annex C assigned Warning and Failure"), the names joined by ``"|"``.
    excluded
        Codes the row excepts (``01xx (except 0107 and 0116)``).
    """

    pattern: str
    category: str
    excluded: tuple[str, ...]


@dataclass(frozen=True)
class Status:
    """One status type of PS3.7 Annex C, with the services that may return it.

    Attributes
    ----------
    name
        Its meaning: the section title (``"Processing Failure"``, ``"Refused: Out of
        resources"``).
    code
        The four hex digits the Status (0000,0900) field "shall be set to" (``"0110"``);
        ``""`` when the value "is Service Class specific and defined in PS3.4".
    category
        The status class of the Annex C section it is in (one of :data:`CATEGORIES`).
    fields
        The other command elements the status may carry (keywords; the field name for the
        rows without a tag, such as ``"Modification List/Attribute List"``).
    services
        The services whose "Status" subsection lists it (``"C-STORE"``, ``"N-SET"``).
    descriptions
        What each service's "Status" subsection says the status means: ``(service, text)``
        pairs, sorted by service.
    source
        The Annex C section (``"C.5.21"``).
    """

    name: str
    code: str
    category: str
    fields: tuple[str, ...]
    services: tuple[str, ...]
    descriptions: tuple[tuple[str, str], ...]
    source: str
