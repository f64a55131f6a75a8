"""Model of PS3.8: the upper-layer PDUs, their items and sub-items, and the state machine.

What is read, and from where:

- the field tables of the seven PDUs (PS3.8 9.3.2 to 9.3.8, Tables 9-11 to 9-26), of their
  items and sub-items, of the Maximum Length sub-item (PS3.8 Annex D.1) and of the user
  information sub-items PS3.8 defers to PS3.7 Annex D.3.3 -> :class:`Unit` of :class:`Field`;
- the states (PS3.8 9.2.1, Tables 9-1 to 9-5), the actions (PS3.8 9.2.2, Tables 9-6 to 9-9)
  and the state transition table (PS3.8 9.2.3, Table 9-10) -> :class:`StateMachine`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: What a field can be (see :attr:`Field.kind`).
KINDS = (
    "type",          # the PDU-type / Item-type byte: fixed value = the type code
    "reserved",      # reserved bytes sent with a fixed fill value, not tested on receipt
    "echo",          # reserved in the A-ASSOCIATE-AC, sent as received in the A-ASSOCIATE-RQ;
                     # the reader then gives it the key and kind of the RQ field (echo_of)
    "length",        # an unsigned length; scope says which following bytes it counts
    "uint",          # an unsigned big-endian binary number of 1, 2 or 4 bytes
    "ae_title",      # 16 ISO 646 characters, leading and trailing spaces non-significant
    "uid",           # a UID string (PS3.8 Annex F), no padding
    "string",        # a string of ISO 646 characters
    "bytes",         # opaque bytes
    "items",         # a sequence of items / sub-items, each starting with its type byte
    "pdv_items",     # the Presentation Data Value items of a P-DATA-TF PDU (no type byte)
    "control_header",  # the Message Control Header byte of a PDV (PS3.8 E.2)
    "subfields",     # a sequence of sub-field groups laid out by another table
)


@dataclass(frozen=True)
class Field:
    """One row of a PDU, item or sub-item field table.

    Attributes
    ----------
    name
        The "Field name" column as written (``"Called-AE-title"``).
    key
        A Python identifier for the field (``"called_ae_title"``); the key under which the
        generated schemas hold it.
    byte_range
        The byte column as written, spaces removed (``"3-6"``, ``"75-xxx"``, ``"(x+1)-(x+2)"``).
    first
        The first byte (1-based) when the column gives it as a number, else None.
    size
        The size in bytes when the column fixes it (``"3-6"`` -> 4; ``"(x+1)-(x+2)"`` -> 2;
        a single position such as ``"xxx"`` -> 1); None for a variable field.
    kind
        One of :data:`KINDS`.  An A-ASSOCIATE-AC field that echoes the A-ASSOCIATE-RQ takes
        the kind (and key) of the RQ field at the same bytes, and names it in ``echo_of``.
    value
        The fixed value the description states: the type code, the fill byte of a reserved
        field, the fixed value of a length; None when there is none.
    default
        The value to send when the caller gives none (Protocol-version 1, Sub-Item-version
        0, an empty optional field as 0); None when the caller must give one.
    scope
        For a length: ``"rest"`` (counts every byte after it to the end of the PDU/item) or
        ``"next"`` (counts the bytes of the following field); ``""`` otherwise.
    items
        For ``items``/``pdv_items``/``subfields``: the constant names of the units allowed.
    echo_of
        For ``echo``: the key of the A-ASSOCIATE-RQ field at the same bytes.
    optional
        True for a variable field that may be empty (its description says it is present only
        under a condition, or may be zero-length).
    description
        The "Description of field" column.
    """

    name: str
    key: str
    byte_range: str
    first: int | None
    size: int | None
    kind: str
    value: int | None = None
    default: int | None = None
    scope: str = ""
    items: tuple[str, ...] = ()
    echo_of: str = ""
    optional: bool = False
    description: str = ""


@dataclass(frozen=True)
class Unit:
    """A PDU, an item, a sub-item, or a group of sub-fields, with its fields in table order.

    Attributes
    ----------
    name
        As the standard names it (``"A-ASSOCIATE-RQ"``, ``"Presentation Context Item"``).
    const
        The constant naming its schema in the generated module (``"A_ASSOCIATE_RQ"``).
    level
        ``"pdu"``, ``"item"``, ``"sub-item"`` or ``"sub-field"``.
    code
        The PDU-type or Item-type; None for the PDV item and sub-field groups, which have none.
    directions
        Which of ``"RQ"`` and ``"AC"`` the unit is sent in (empty when not an A-ASSOCIATE item).
    fields
        The fields in table order.
    tables
        Where it is defined: ``("PS3.8 Table 9-11",)``; an item defined alike for the RQ and
        the AC lists both tables.
    section
        The section label of its (first) table (``"9.3.2"``).
    """

    name: str
    const: str
    level: str
    code: int | None
    directions: tuple[str, ...]
    fields: tuple[Field, ...]
    tables: tuple[str, ...]
    section: str


@dataclass(frozen=True)
class State:
    """A state of the upper-layer protocol machine (PS3.8 9.2.1): ``Sta1`` ``"Idle"``."""

    name: str
    description: str
    group: str


@dataclass(frozen=True)
class Event:
    """An event of PS3.8 Table 9-10, numbered ``Evt1`` ... in the order of its rows."""

    name: str
    description: str


@dataclass(frozen=True)
class Action:
    """An action of PS3.8 9.2.2 (Tables 9-6 to 9-9): ``AE-1`` ... ``DT-2``.

    ``next_states`` are the states the definition says follow; two when it depends on a
    condition (AE-6: Sta3 or Sta13; AR-8: Sta9 or Sta10).
    """

    name: str
    description: str
    next_states: tuple[str, ...]
    group: str


@dataclass(frozen=True)
class Transition:
    """One non-empty cell of PS3.8 Table 9-10: in ``state``, ``event`` -> ``action``, then
    one of ``next_states``."""

    event: str
    state: str
    action: str
    next_states: tuple[str, ...]


@dataclass(frozen=True)
class StateMachine:
    """The DICOM upper-layer protocol state machine (PS3.8 9.2)."""

    states: tuple[State, ...]
    events: tuple[Event, ...]
    actions: tuple[Action, ...]
    transitions: tuple[Transition, ...]


@dataclass(frozen=True)
class Member:
    """One member of a generated enumeration: its name, value and the standard's text."""

    name: str
    value: int | str
    meaning: str


@dataclass(frozen=True)
class CodedField:
    """The coded values of one PDU field as an enumeration (PS3.8 Tables 9-18, 9-21, 9-26;
    PS3.7 Table D.3-14).

    Attributes
    ----------
    name
        The class name (``"RejectReasonACSE"``).
    doc
        What the values are the values of, for the class docstring.
    table
        Where they are listed (``"PS3.8 Table 9-21"``).
    key
        The key of the values in ``FIELD_VALUES``: (table subject, field name, Source value).
    source
        For a reason that depends on the Source field: (source enumeration, member), e.g.
        ``("RejectSource", "SERVICE_PROVIDER_ACSE")``; else None.
    members
        The values, in increasing order, reserved values left out.
    """

    name: str
    doc: str
    table: str
    key: tuple[str, str, int]
    source: tuple[str, str] | None
    members: tuple[Member, ...]


@dataclass(frozen=True)
class Choice:
    """An action whose definition chooses between two next states (PS3.8 9.2.2: AE-6, AR-8).

    ``condition`` is the definition's condition as written ("association-requestor"),
    ``condition_name`` its member name; ``if_true``/``if_false`` the next states.
    """

    action: str
    condition: str
    condition_name: str
    if_true: str
    if_false: str


@dataclass(frozen=True)
class MachineNames:
    """What the generator resolves from the text of the state machine, so that the runtime
    never searches it (PS3.8 9.2).

    Attributes
    ----------
    idle_state
        The state defined as "Idle" (Sta1).
    invalid_pdu_event
        The event "Unrecognized or invalid PDU received" (Evt19).
    artim_expired_event
        The event "ARTIM timer expired" (Evt18).
    artim_starts
        Action -> the next states on the way to which it starts (or restarts) ARTIM.
    artim_stops
        The actions whose definition stops ARTIM.
    choices
        The actions with two next states and the condition choosing between them.
    states, events, actions
        Member names of the State, Event and Action enumerations: (name, value, text).
    """

    idle_state: str
    invalid_pdu_event: str
    artim_expired_event: str
    artim_starts: tuple[tuple[str, tuple[str, ...]], ...]
    artim_stops: tuple[str, ...]
    choices: tuple[Choice, ...]
    states: tuple[Member, ...]
    events: tuple[Member, ...]
    actions: tuple[Member, ...]
