"""Model of the DICOM audit messages of PS3.15 Annex A.5: the schema (A.5.1.1), its value
sets (A.5.1.1 enumerations, Tables A.5.1.2.x-1) and the message specializations of A.5.3.

Read by :mod:`dicomkit.codegen.readers.part15_audit`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditCode:
    """A coded value of an audit message (``EV (110100, DCM, "Application Activity")``):
    code value, coding scheme designator, code meaning."""

    code: str
    scheme: str
    meaning: str


@dataclass(frozen=True)
class ValueSet:
    """A value set of the schema: the XML attribute it constrains (``"EventActionCode"``),
    where it is defined (``"Section A.5.1.1"`` for an enumeration of the schema, ``"Table
    A.5.1.2.1-1"``) and its (value, meaning) pairs in order."""

    name: str
    source: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FieldRule:
    """One row of a message table of PS3.15 A.5.3 (``Table A.5.3.1-1``).

    Attributes
    ----------
    entity
        ``"EventIdentification"``, ``"ActiveParticipant"``, ``"AuditSourceIdentification"``
        or ``"ParticipantObjectIdentification"``.
    participant
        What the participant is (``"Application started"``); ``""`` for the event.
    cardinality
        How many such participants a message has (``"1"``, ``"0..N"``, ``"1..2"``).
    name
        The field (``"RoleIDCode"``, ``"UserIsRequestor"``).
    usage
        ``"M"``, ``"MC"``, ``"C"`` or ``"U"`` (PS3.15 A.5.3: mandatory, mandatory if the
        condition holds, conditional, user option).
    values
        The values a "Shall be", "Enumerated Values" or "Defined Terms" list gives.
    values_defined
        True for Defined Terms (other values allowed).
    codes
        The codes the constraint gives (``EV (...)`` or ``DT (...)``).
    codes_defined
        True when every code is a Defined Term (``DT``), so other codes are allowed.
    cid
        The context group the constraint points at (``DCID 402``); 0 when none.
    text
        The constraint as written.
    """

    entity: str
    participant: str
    cardinality: str
    name: str
    usage: str
    values: tuple[str, ...]
    values_defined: bool
    codes: tuple[AuditCode, ...]
    codes_defined: bool
    cid: int
    text: str


@dataclass(frozen=True)
class MessageKind:
    """One DICOM specific audit message of PS3.15 A.5.3: its keyword (from the section
    title), title, section, table, Event ID and the rules of its fields, in table order."""

    keyword: str
    title: str
    section: str
    table: str
    event_id: AuditCode
    rules: tuple[FieldRule, ...]
