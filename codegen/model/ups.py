"""Model of the Unified Procedure Step service (PS3.4 Annex CC): states, the state transition
table, action and event types, status codes, final state codes and the attribute requirement
tables.

Read by :mod:`dicomkit.codegen.readers.part04_ups`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UpsSopClass:
    """A UPS SOP class and the DIMSE services of its group (PS3.4 Table CC.2-1 to CC.2-5):
    ``services`` holds (DIMSE element, usage SCU/SCP) pairs."""

    name: str
    keyword: str
    uid: str
    table: str
    services: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Transition:
    """One cell of the UPS State Transition Table (PS3.4 Table CC.1.1-2).

    Attributes
    ----------
    event
        The event as the row names it.
    operation
        ``"N-CREATE"``, ``"CHANGE STATE"`` or ``"REQUEST CANCEL"``.
    requested
        The state asked for (``"SCHEDULED"`` for N-CREATE, ``""`` for a cancel request).
    transaction
        True when the event has the correct Transaction UID, False without it, None when the
        event does not say.
    state
        The state the UPS is in (``""``: no such UPS, the column "null").
    status
        The status of the response (0 for success).
    result
        The state after the event (``""``: unchanged).
    reports
        The states reported (UPS State Report events), in order.
    cancel_requested
        True when the event is reported as UPS Cancel Requested.
    records_transaction
        True when the Transaction UID is recorded (the claim).
    final_check
        True when the change happens only if the final state requirements are met; else the
        response is ``final_status``.
    final_status
        The status when the final state requirements are not met (0 when not checked).
    """

    event: str
    operation: str
    requested: str
    transaction: bool | None
    state: str
    status: int
    result: str
    reports: tuple[str, ...]
    cancel_requested: bool
    records_transaction: bool
    final_check: bool
    final_status: int


@dataclass(frozen=True)
class TypeAttribute:
    """One attribute of an N-ACTION Action Information or N-EVENT-REPORT Event Information
    (PS3.4 Table CC.2.1-1, CC.2.2-1, CC.2.3-1, CC.2.4-1): type ID, type name, depth, tag (0 for
    an include or "Matching Keys" row, then ``name`` holds the row's text), requirement."""

    type_id: int
    type_name: str
    member: str
    depth: int
    tag: int
    name: str
    requirement: str
    table: str


@dataclass(frozen=True)
class UpsStatus:
    """One row of a UPS response status table (PS3.4 CC.2.1-2, CC.2.2-2, CC.2.3-3, CC.2.5-4,
    CC.2.6-1, CC.2.7-1, CC.2.8-2)."""

    table: str
    service: str
    category: str
    meaning: str
    code: str


@dataclass(frozen=True)
class FinalStateCode:
    """A Final State Code (PS3.4 Table CC.2.5-1) and the states it forbids without a value;
    ``conditional`` when only if the attribute's condition is met."""

    code: str
    meaning: str
    forbids: tuple[str, ...]
    conditional: bool


@dataclass(frozen=True)
class AttributeRow:
    """One row of Table CC.2.5-3 or a macro table CC.2.5-2x.

    Attributes
    ----------
    table
        The table label.
    module
        The module the row is under (``""`` in a macro).
    kind
        ``"attribute"``, ``"include"`` (``include`` names the macro table) or ``"other"``
        ("All other Attributes of ..."; ``name`` holds the text).
    depth
        Sequence nesting (the number of ``>``).
    tag
        The attribute's tag (0 for other kinds).
    name
        The attribute name or the row's text.
    create, set, final, get, matching, returned, remark
        The requirement columns as written (N-CREATE SCU/SCP, N-SET SCU/SCP, Final State,
        N-GET SCU/SCP, Matching Key Type, Return Key Type, Remark/Matching Type).
    include
        The included table's label for an include row.
    """

    table: str
    module: str
    kind: str
    depth: int
    tag: int
    name: str
    create: str
    set: str
    final: str
    get: str
    matching: str
    returned: str
    remark: str
    include: str


@dataclass(frozen=True)
class SubscriptionCell:
    """One cell of the UPS Subscription State Transition Table (PS3.4 Table CC.2.3-2).

    Attributes
    ----------
    event
        The event as the row names it; ``member`` its name.
    state
        The UPS Subscription State of the AE for the UPS (``""``: the column "null", a UPS
        being created).
    applicable
        False for "N/A".
    global_state
        The AE's Global Subscription State after the event (``""``: unchanged).
    result
        The UPS Subscription State after the event (``""``: unchanged).
    every
        True when the change applies to all UPS instances ("All Go to ...").
    initial_event
        True when an initial event (the UPS's current state) is sent.
    """

    event: str
    member: str
    state: str
    applicable: bool
    global_state: str
    result: str
    every: bool
    initial_event: bool
