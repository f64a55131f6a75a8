"""dicomkit.generated.ups: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Table CC.1.1-1, Table CC.1.1-2, Table CC.2-1, Table CC.2-2, Table CC.2-3, Table CC.2-4, Table CC.2-5, Table CC.2.1-1, Table CC.2.1-2, Table CC.2.2-1, Table CC.2.2-2, Table CC.2.3-1, Table CC.2.3-2, Table CC.2.3-3, Table CC.2.4-1, Table CC.2.5-1, Table CC.2.5-2a, Table CC.2.5-2b, Table CC.2.5-2c, Table CC.2.5-2d, Table CC.2.5-2e, Table CC.2.5-2f, Table CC.2.5-2g, Table CC.2.5-3, Table CC.2.5-4, Table CC.2.6-1, Table CC.2.7-1, Table CC.2.8-2
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table A-1
"""
# Unified Procedure Step (PS3.4 Annex CC): 4 states, 45 cells of the state
# transition table, 5 SOP classes, 5 action types, 5 event types, 42 status rows,
# 129 rows of Table CC.2.5-3 and 7 macro tables.
# Read by dicomkit.codegen.readers.part04_ups (corrections in dicomkit.codegen.fixes).

from __future__ import annotations

from enum import IntEnum
from typing import Final, NamedTuple

__all__ = ["ACTION_INFORMATION", "ATTRIBUTES", "EVENT_INFORMATION", "FINAL_STATE_CODES",
           "ACTION_SOP_CLASSES", "CREATION_EVENTS", "GLOBAL_STATES", "MACROS", "SERVICE_SOP_CLASSES", "SOP_CLASSES", "STATES", "STATUSES", "SUBSCRIPTION_STATES",
           "SUBSCRIPTION_TRANSITIONS", "TRANSITIONS", "WELL_KNOWN", "SubscriptionCell",
           "SubscriptionEvent",
           "AttributeRow", "FinalStateCode", "Operation", "SopClass", "Transition",
           "TypeAttribute", "UpsAction", "UpsEvent", "UpsStatus", "UpsStatusRow",
           'SCHEDULED',
           'IN_PROGRESS',
           'CANCELED',
           'COMPLETED',
           "transition"]

#: Procedure Step State (0074,1000) SCHEDULED (PS3.4 Table CC.1.1-1).
SCHEDULED: Final = 'SCHEDULED'
#: Procedure Step State (0074,1000) IN PROGRESS (PS3.4 Table CC.1.1-1).
IN_PROGRESS: Final = 'IN PROGRESS'
#: Procedure Step State (0074,1000) CANCELED (PS3.4 Table CC.1.1-1).
CANCELED: Final = 'CANCELED'
#: Procedure Step State (0074,1000) COMPLETED (PS3.4 Table CC.1.1-1).
COMPLETED: Final = 'COMPLETED'

#: The Procedure Step State values in table order (PS3.4 Table CC.1.1-1).
STATES: Final[tuple[str, ...]] = ('SCHEDULED', 'IN PROGRESS', 'CANCELED', 'COMPLETED', )


class Operation:
    """The kinds of event of the state transition table (PS3.4 Table CC.1.1-2)."""

    N_CREATE: Final = "N-CREATE"
    CHANGE_STATE: Final = "CHANGE STATE"
    REQUEST_CANCEL: Final = "REQUEST CANCEL"


class Transition(NamedTuple):
    """One cell of the UPS State Transition Table (PS3.4 Table CC.1.1-2): the event
    (operation, requested state, whether the correct Transaction UID was given: None when the
    event does not say), the state the UPS is in ("" for none), and what happens: the
    response's status, the resulting state ("" unchanged), the states reported, whether a
    cancel request is reported, whether the Transaction UID is recorded, and whether the final
    state requirements are checked (``final_status`` when they are not met)."""

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


#: Every cell of PS3.4 Table CC.1.1-2, row by row.
TRANSITIONS: Final[tuple[Transition, ...]] = (
    Transition('N-CREATE received for this SOP Instance UID', 'N-CREATE', 'SCHEDULED', None, '', 0x0000, 'SCHEDULED', (), False, False, False, 0x0000),
    Transition('N-CREATE received for this SOP Instance UID', 'N-CREATE', 'SCHEDULED', None, 'SCHEDULED', 0x0111, '', (), False, False, False, 0x0000),
    Transition('N-CREATE received for this SOP Instance UID', 'N-CREATE', 'SCHEDULED', None, 'IN PROGRESS', 0x0111, '', (), False, False, False, 0x0000),
    Transition('N-CREATE received for this SOP Instance UID', 'N-CREATE', 'SCHEDULED', None, 'COMPLETED', 0x0111, '', (), False, False, False, 0x0000),
    Transition('N-CREATE received for this SOP Instance UID', 'N-CREATE', 'SCHEDULED', None, 'CANCELED', 0x0111, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS with correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', True, '', 0xC307, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS with correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', True, 'SCHEDULED', 0x0000, 'IN PROGRESS', ('IN PROGRESS', ), False, True, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS with correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', True, 'IN PROGRESS', 0xC302, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS with correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', True, 'COMPLETED', 0xC300, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS with correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', True, 'CANCELED', 0xC300, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS without correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', False, '', 0xC307, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS without correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', False, 'SCHEDULED', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS without correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', False, 'IN PROGRESS', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS without correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', False, 'COMPLETED', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to IN PROGRESS without correct transaction UID', 'CHANGE STATE', 'IN PROGRESS', False, 'CANCELED', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to SCHEDULED', 'CHANGE STATE', 'SCHEDULED', None, '', 0xC307, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to SCHEDULED', 'CHANGE STATE', 'SCHEDULED', None, 'SCHEDULED', 0xC303, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to SCHEDULED', 'CHANGE STATE', 'SCHEDULED', None, 'IN PROGRESS', 0xC303, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to SCHEDULED', 'CHANGE STATE', 'SCHEDULED', None, 'COMPLETED', 0xC303, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to SCHEDULED', 'CHANGE STATE', 'SCHEDULED', None, 'CANCELED', 0xC303, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, with correct transaction UID', 'CHANGE STATE', 'COMPLETED', True, '', 0xC307, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, with correct transaction UID', 'CHANGE STATE', 'COMPLETED', True, 'SCHEDULED', 0xC310, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, with correct transaction UID', 'CHANGE STATE', 'COMPLETED', True, 'IN PROGRESS', 0x0000, 'COMPLETED', ('COMPLETED', ), False, False, True, 0xC304),
    Transition('N-ACTION to Change State to COMPLETED, with correct transaction UID', 'CHANGE STATE', 'COMPLETED', True, 'COMPLETED', 0xB306, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, with correct transaction UID', 'CHANGE STATE', 'COMPLETED', True, 'CANCELED', 0xC300, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, without correct transaction UID', 'CHANGE STATE', 'COMPLETED', False, '', 0xC307, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, without correct transaction UID', 'CHANGE STATE', 'COMPLETED', False, 'SCHEDULED', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, without correct transaction UID', 'CHANGE STATE', 'COMPLETED', False, 'IN PROGRESS', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, without correct transaction UID', 'CHANGE STATE', 'COMPLETED', False, 'COMPLETED', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to COMPLETED, without correct transaction UID', 'CHANGE STATE', 'COMPLETED', False, 'CANCELED', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Request Cancel', 'REQUEST CANCEL', '', None, '', 0xC307, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Request Cancel', 'REQUEST CANCEL', '', None, 'SCHEDULED', 0x0000, 'CANCELED', ('IN PROGRESS', 'CANCELED', ), False, False, False, 0x0000),
    Transition('N-ACTION to Request Cancel', 'REQUEST CANCEL', '', None, 'IN PROGRESS', 0x0000, '', (), True, False, False, 0x0000),
    Transition('N-ACTION to Request Cancel', 'REQUEST CANCEL', '', None, 'COMPLETED', 0xC311, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Request Cancel', 'REQUEST CANCEL', '', None, 'CANCELED', 0xB304, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, with correct transaction UID', 'CHANGE STATE', 'CANCELED', True, '', 0xC307, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, with correct transaction UID', 'CHANGE STATE', 'CANCELED', True, 'SCHEDULED', 0xC310, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, with correct transaction UID', 'CHANGE STATE', 'CANCELED', True, 'IN PROGRESS', 0x0000, 'CANCELED', ('CANCELED', ), False, False, True, 0xC304),
    Transition('N-ACTION to Change State to CANCELED, with correct transaction UID', 'CHANGE STATE', 'CANCELED', True, 'COMPLETED', 0xC300, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, with correct transaction UID', 'CHANGE STATE', 'CANCELED', True, 'CANCELED', 0xB304, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, without correct transaction UID', 'CHANGE STATE', 'CANCELED', False, '', 0xC307, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, without correct transaction UID', 'CHANGE STATE', 'CANCELED', False, 'SCHEDULED', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, without correct transaction UID', 'CHANGE STATE', 'CANCELED', False, 'IN PROGRESS', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, without correct transaction UID', 'CHANGE STATE', 'CANCELED', False, 'COMPLETED', 0xC301, '', (), False, False, False, 0x0000),
    Transition('N-ACTION to Change State to CANCELED, without correct transaction UID', 'CHANGE STATE', 'CANCELED', False, 'CANCELED', 0xC301, '', (), False, False, False, 0x0000),
)

_BY_EVENT: Final[dict[tuple[str, str, bool | None, str], Transition]] = {
    (t.operation, t.requested, t.transaction, t.state): t for t in TRANSITIONS}


def transition(operation: str, requested: str, transaction: bool | None,
               state: str) -> Transition:
    """The cell of PS3.4 Table CC.1.1-2 for an event in ``state`` ("" for no UPS); KeyError
    for an event the table has no row for."""
    return _BY_EVENT[(operation, requested, transaction, state)]


class SopClass(NamedTuple):
    """A UPS SOP class and the DIMSE services of its group with their usage SCU/SCP (PS3.4
    Table CC.2-1 to CC.2-5)."""

    name: str
    keyword: str
    uid: str
    table: str
    services: tuple[tuple[str, str], ...]


#: SOP Class UID -> the UPS SOP class.
SOP_CLASSES: Final[dict[str, SopClass]] = {
    '1.2.840.10008.5.1.4.34.6.1': SopClass('Unified Procedure Step - Push SOP Class', 'UnifiedProcedureStepPush', '1.2.840.10008.5.1.4.34.6.1', 'CC.2-1', (('N-CREATE', 'M/M'), ('N-ACTION - Request UPS Cancel', 'U/M'), ('N-GET', 'U/M'), )),
    '1.2.840.10008.5.1.4.34.6.3': SopClass('Unified Procedure Step - Pull SOP Class', 'UnifiedProcedureStepPull', '1.2.840.10008.5.1.4.34.6.3', 'CC.2-2', (('C-FIND', 'M/M'), ('N-GET', 'M/M'), ('N-SET', 'M/M'), ('N-ACTION - Change UPS State', 'M/M'), )),
    '1.2.840.10008.5.1.4.34.6.2': SopClass('Unified Procedure Step - Watch SOP Class', 'UnifiedProcedureStepWatch', '1.2.840.10008.5.1.4.34.6.2', 'CC.2-3', (('N-ACTION - Un/Subscribe', 'M/M'), ('N-GET', 'M/M'), ('C-FIND', 'U/M'), ('N-ACTION - Request UPS Cancel', 'U/M'), )),
    '1.2.840.10008.5.1.4.34.6.4': SopClass('Unified Procedure Step - Event SOP Class', 'UnifiedProcedureStepEvent', '1.2.840.10008.5.1.4.34.6.4', 'CC.2-4', (('N-EVENT-REPORT', 'M/M'), )),
    '1.2.840.10008.5.1.4.34.6.5': SopClass('Unified Procedure Step - Query SOP Class', 'UnifiedProcedureStepQuery', '1.2.840.10008.5.1.4.34.6.5', 'CC.2-5', (('C-FIND', 'M/M'), )),
}

#: DIMSE service -> the UPS SOP classes whose group has it (PS3.4 Table CC.2-1 to CC.2-5).
SERVICE_SOP_CLASSES: Final[dict[str, tuple[str, ...]]] = {
    'C-FIND': ('1.2.840.10008.5.1.4.34.6.3', '1.2.840.10008.5.1.4.34.6.2', '1.2.840.10008.5.1.4.34.6.5', ),
    'N-CREATE': ('1.2.840.10008.5.1.4.34.6.1', ),
    'N-EVENT-REPORT': ('1.2.840.10008.5.1.4.34.6.4', ),
    'N-GET': ('1.2.840.10008.5.1.4.34.6.1', '1.2.840.10008.5.1.4.34.6.3', '1.2.840.10008.5.1.4.34.6.2', ),
    'N-SET': ('1.2.840.10008.5.1.4.34.6.3', ),
}

#: N-ACTION Action Type ID -> the UPS SOP classes whose group has it (PS3.4 Table CC.2-1 to
#: CC.2-5: "N-ACTION - Change UPS State", "N-ACTION - Un/Subscribe", ...).
ACTION_SOP_CLASSES: Final[dict[int, tuple[str, ...]]] = {
    1: ('1.2.840.10008.5.1.4.34.6.3', ),
    2: ('1.2.840.10008.5.1.4.34.6.1', '1.2.840.10008.5.1.4.34.6.2', ),
    3: ('1.2.840.10008.5.1.4.34.6.2', ),
    4: ('1.2.840.10008.5.1.4.34.6.2', ),
    5: ('1.2.840.10008.5.1.4.34.6.2', ),
}

#: Keyword -> UID of the well-known UPS SOP instances (PS3.4 CC.3.1, PS3.6 Table A-1).
WELL_KNOWN: Final[dict[str, str]] = {
    'UPSGlobalSubscriptionInstance': '1.2.840.10008.5.1.4.34.5',  # UPS Global Subscription SOP Instance
    'UPSFilteredGlobalSubscriptionInstance': '1.2.840.10008.5.1.4.34.5.1',  # UPS Filtered Global Subscription SOP Instance
}


#: UPS Subscription State Not Subscribed (PS3.4 Table CC.2.3-2).
NOT_SUBSCRIBED: Final = 'Not Subscribed'
#: UPS Subscription State Subscribed with Lock (PS3.4 Table CC.2.3-2).
SUBSCRIBED_WITH_LOCK: Final = 'Subscribed with Lock'
#: UPS Subscription State Subscribed w/o Lock (PS3.4 Table CC.2.3-2).
SUBSCRIBED_W_O_LOCK: Final = 'Subscribed w/o Lock'
#: The UPS Subscription States of an AE for a UPS (PS3.4 CC.2.3.1, Table CC.2.3-2).
SUBSCRIPTION_STATES: Final[tuple[str, ...]] = ('Not Subscribed', 'Subscribed with Lock', 'Subscribed w/o Lock', )

#: Global Subscription State Global Subscription with Lock (PS3.4 CC.2.3.1, Table CC.2.3-2).
GLOBAL_SUBSCRIPTION_WITH_LOCK: Final = 'Global Subscription with Lock'
#: Global Subscription State Global Subscription w/o Lock (PS3.4 CC.2.3.1, Table CC.2.3-2).
GLOBAL_SUBSCRIPTION_W_O_LOCK: Final = 'Global Subscription w/o Lock'
#: Global Subscription State No Global Subscription (PS3.4 CC.2.3.1, Table CC.2.3-2).
NO_GLOBAL_SUBSCRIPTION: Final = 'No Global Subscription'
#: The Global Subscription States of an AE (PS3.4 CC.2.3.1).
GLOBAL_STATES: Final[tuple[str, ...]] = ('Global Subscription with Lock', 'Global Subscription w/o Lock', 'No Global Subscription', )


class SubscriptionEvent:
    """The events of the UPS Subscription State Transition Table (PS3.4 Table CC.2.3-2)."""

    UPS_CREATED_WITHOUT_GLOBAL_SUBSCRIPTION: Final = 'A UPS is Created when the AE Global Subscription State is "No Global Subscription"'
    UPS_CREATED_WITH_GLOBAL_SUBSCRIPTION_WITH_LOCK: Final = 'A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"'
    UPS_CREATED_WITH_GLOBAL_SUBSCRIPTION_WITHOUT_LOCK: Final = 'A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"'
    AE_SUBSCRIBES_GLOBALLY_WITH_LOCK: Final = 'AE Subscribes Globally with Lock'
    AE_SUBSCRIBES_GLOBALLY_W_O_LOCK: Final = 'AE Subscribes Globally w/o Lock'
    AE_SUBSCRIBES_TO_SPECIFIC_UPS_WITH_LOCK: Final = 'AE Subscribes to Specific UPS with Lock'
    AE_SUBSCRIBES_TO_SPECIFIC_UPS_WITHOUT_LOCK: Final = 'AE Subscribes to Specific UPS without Lock'
    AE_UNSUBSCRIBES_FROM_SPECIFIC_UPS: Final = 'AE Unsubscribes from Specific UPS'
    AE_UNSUBSCRIBES_GLOBALLY: Final = 'AE Unsubscribes Globally'
    AE_SUSPENDS_GLOBAL_SUBSCRIPTION: Final = 'AE Suspends Global Subscription'


class SubscriptionCell(NamedTuple):
    """One cell of PS3.4 Table CC.2.3-2: the event, the AE's UPS Subscription State for the
    UPS ("" for the UPS being created), whether the event applies ("N/A"), the Global
    Subscription State after it ("" unchanged), the UPS Subscription State after it (""
    unchanged), whether that holds for every UPS ("All"), whether an initial event is sent."""

    event: str
    state: str
    applicable: bool
    global_state: str
    result: str
    every: bool
    initial_event: bool


#: (event, UPS Subscription State) -> the cell of PS3.4 Table CC.2.3-2.
SUBSCRIPTION_TRANSITIONS: Final[dict[tuple[str, str], SubscriptionCell]] = {
    ('A UPS is Created when the AE Global Subscription State is "No Global Subscription"', ''): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "No Global Subscription"', '', True, '', 'Not Subscribed', False, False),
    ('A UPS is Created when the AE Global Subscription State is "No Global Subscription"', 'Not Subscribed'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "No Global Subscription"', 'Not Subscribed', False, '', '', False, False),
    ('A UPS is Created when the AE Global Subscription State is "No Global Subscription"', 'Subscribed with Lock'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "No Global Subscription"', 'Subscribed with Lock', False, '', '', False, False),
    ('A UPS is Created when the AE Global Subscription State is "No Global Subscription"', 'Subscribed w/o Lock'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "No Global Subscription"', 'Subscribed w/o Lock', False, '', '', False, False),
    ('A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"', ''): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"', '', True, '', 'Subscribed with Lock', False, True),
    ('A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"', 'Not Subscribed'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"', 'Not Subscribed', False, '', '', False, False),
    ('A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"', 'Subscribed with Lock'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"', 'Subscribed with Lock', False, '', '', False, False),
    ('A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"', 'Subscribed w/o Lock'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "Global Subscription with Lock"', 'Subscribed w/o Lock', False, '', '', False, False),
    ('A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"', ''): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"', '', True, '', 'Subscribed w/o Lock', False, True),
    ('A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"', 'Not Subscribed'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"', 'Not Subscribed', False, '', '', False, False),
    ('A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"', 'Subscribed with Lock'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"', 'Subscribed with Lock', False, '', '', False, False),
    ('A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"', 'Subscribed w/o Lock'): SubscriptionCell('A UPS is Created when the AE Global Subscription State is "Global Subscription w/o Lock"', 'Subscribed w/o Lock', False, '', '', False, False),
    ('AE Subscribes Globally with Lock', ''): SubscriptionCell('AE Subscribes Globally with Lock', '', False, '', '', False, False),
    ('AE Subscribes Globally with Lock', 'Not Subscribed'): SubscriptionCell('AE Subscribes Globally with Lock', 'Not Subscribed', True, 'Global Subscription with Lock', 'Subscribed with Lock', True, True),
    ('AE Subscribes Globally with Lock', 'Subscribed with Lock'): SubscriptionCell('AE Subscribes Globally with Lock', 'Subscribed with Lock', True, 'Global Subscription with Lock', '', False, False),
    ('AE Subscribes Globally with Lock', 'Subscribed w/o Lock'): SubscriptionCell('AE Subscribes Globally with Lock', 'Subscribed w/o Lock', True, 'Global Subscription with Lock', '', False, False),
    ('AE Subscribes Globally w/o Lock', ''): SubscriptionCell('AE Subscribes Globally w/o Lock', '', False, '', '', False, False),
    ('AE Subscribes Globally w/o Lock', 'Not Subscribed'): SubscriptionCell('AE Subscribes Globally w/o Lock', 'Not Subscribed', True, 'Global Subscription w/o Lock', 'Subscribed w/o Lock', True, False),
    ('AE Subscribes Globally w/o Lock', 'Subscribed with Lock'): SubscriptionCell('AE Subscribes Globally w/o Lock', 'Subscribed with Lock', True, 'Global Subscription w/o Lock', '', False, False),
    ('AE Subscribes Globally w/o Lock', 'Subscribed w/o Lock'): SubscriptionCell('AE Subscribes Globally w/o Lock', 'Subscribed w/o Lock', True, 'Global Subscription w/o Lock', '', False, False),
    ('AE Subscribes to Specific UPS with Lock', ''): SubscriptionCell('AE Subscribes to Specific UPS with Lock', '', False, '', '', False, False),
    ('AE Subscribes to Specific UPS with Lock', 'Not Subscribed'): SubscriptionCell('AE Subscribes to Specific UPS with Lock', 'Not Subscribed', True, '', 'Subscribed with Lock', False, True),
    ('AE Subscribes to Specific UPS with Lock', 'Subscribed with Lock'): SubscriptionCell('AE Subscribes to Specific UPS with Lock', 'Subscribed with Lock', True, '', '', False, True),
    ('AE Subscribes to Specific UPS with Lock', 'Subscribed w/o Lock'): SubscriptionCell('AE Subscribes to Specific UPS with Lock', 'Subscribed w/o Lock', True, '', 'Subscribed with Lock', False, True),
    ('AE Subscribes to Specific UPS without Lock', ''): SubscriptionCell('AE Subscribes to Specific UPS without Lock', '', False, '', '', False, False),
    ('AE Subscribes to Specific UPS without Lock', 'Not Subscribed'): SubscriptionCell('AE Subscribes to Specific UPS without Lock', 'Not Subscribed', True, '', 'Subscribed w/o Lock', False, True),
    ('AE Subscribes to Specific UPS without Lock', 'Subscribed with Lock'): SubscriptionCell('AE Subscribes to Specific UPS without Lock', 'Subscribed with Lock', True, '', 'Subscribed w/o Lock', False, True),
    ('AE Subscribes to Specific UPS without Lock', 'Subscribed w/o Lock'): SubscriptionCell('AE Subscribes to Specific UPS without Lock', 'Subscribed w/o Lock', True, '', '', False, True),
    ('AE Unsubscribes from Specific UPS', ''): SubscriptionCell('AE Unsubscribes from Specific UPS', '', False, '', '', False, False),
    ('AE Unsubscribes from Specific UPS', 'Not Subscribed'): SubscriptionCell('AE Unsubscribes from Specific UPS', 'Not Subscribed', True, '', '', False, False),
    ('AE Unsubscribes from Specific UPS', 'Subscribed with Lock'): SubscriptionCell('AE Unsubscribes from Specific UPS', 'Subscribed with Lock', True, '', 'Not Subscribed', False, False),
    ('AE Unsubscribes from Specific UPS', 'Subscribed w/o Lock'): SubscriptionCell('AE Unsubscribes from Specific UPS', 'Subscribed w/o Lock', True, '', 'Not Subscribed', False, False),
    ('AE Unsubscribes Globally', ''): SubscriptionCell('AE Unsubscribes Globally', '', False, '', '', False, False),
    ('AE Unsubscribes Globally', 'Not Subscribed'): SubscriptionCell('AE Unsubscribes Globally', 'Not Subscribed', True, 'No Global Subscription', '', False, False),
    ('AE Unsubscribes Globally', 'Subscribed with Lock'): SubscriptionCell('AE Unsubscribes Globally', 'Subscribed with Lock', True, 'No Global Subscription', 'Not Subscribed', True, False),
    ('AE Unsubscribes Globally', 'Subscribed w/o Lock'): SubscriptionCell('AE Unsubscribes Globally', 'Subscribed w/o Lock', True, 'No Global Subscription', 'Not Subscribed', True, False),
    ('AE Suspends Global Subscription', ''): SubscriptionCell('AE Suspends Global Subscription', '', False, '', '', False, False),
    ('AE Suspends Global Subscription', 'Not Subscribed'): SubscriptionCell('AE Suspends Global Subscription', 'Not Subscribed', True, 'No Global Subscription', '', False, False),
    ('AE Suspends Global Subscription', 'Subscribed with Lock'): SubscriptionCell('AE Suspends Global Subscription', 'Subscribed with Lock', True, 'No Global Subscription', '', False, False),
    ('AE Suspends Global Subscription', 'Subscribed w/o Lock'): SubscriptionCell('AE Suspends Global Subscription', 'Subscribed w/o Lock', True, 'No Global Subscription', '', False, False),
}

#: Global Subscription State -> the event of a UPS created while the AE is in it.
CREATION_EVENTS: Final[dict[str, str]] = {
    'No Global Subscription': SubscriptionEvent.UPS_CREATED_WITHOUT_GLOBAL_SUBSCRIPTION,
    'Global Subscription with Lock': SubscriptionEvent.UPS_CREATED_WITH_GLOBAL_SUBSCRIPTION_WITH_LOCK,
    'Global Subscription w/o Lock': SubscriptionEvent.UPS_CREATED_WITH_GLOBAL_SUBSCRIPTION_WITHOUT_LOCK,
}


class UpsAction(IntEnum):
    """N-ACTION Action Type ID (PS3.4 Table CC.2.1-1, CC.2.2-1, CC.2.3-1)."""

    CHANGE_UPS_STATE = 1
    REQUEST_UPS_CANCEL = 2
    SUBSCRIBE_TO_RECEIVE_UPS_EVENT_REPORTS = 3
    UNSUBSCRIBE_FROM_RECEIVING_UPS_EVENT_REPORTS = 4
    SUSPEND_GLOBAL_SUBSCRIPTION = 5


class UpsEvent(IntEnum):
    """N-EVENT-REPORT Event Type ID (PS3.4 Table CC.2.4-1)."""

    UPS_STATE_REPORT = 1
    UPS_CANCEL_REQUESTED = 2
    UPS_PROGRESS_REPORT = 3
    SCP_STATUS_CHANGE = 4
    UPS_ASSIGNED = 5


class TypeAttribute(NamedTuple):
    """One attribute of an Action Information or Event Information: depth, tag (0 for an
    include or "Matching Keys" row, then ``name`` is the row's text), name, requirement
    SCU/SCP as written, table."""

    depth: int
    tag: int
    name: str
    requirement: str
    table: str


#: Action Type ID -> its Action Information, in table order.
ACTION_INFORMATION: Final[dict[int, tuple[TypeAttribute, ...]]] = {
    1: (
        TypeAttribute(0, 0x00741000, 'Procedure Step State', '1/1', 'CC.2.1-1'),
        TypeAttribute(0, 0x00081195, 'Transaction UID', '1/1', 'CC.2.1-1'),
    ),
    2: (
        TypeAttribute(0, 0x00741238, 'Reason For Cancellation', '3/1', 'CC.2.2-1'),
        TypeAttribute(0, 0x0074100E, 'Procedure Step Discontinuation Reason Code Sequence', '3/1', 'CC.2.2-1'),
        TypeAttribute(1, 0x00000000, 'Include Table 8-1a', '>Include Table 8-1a', 'CC.2.2-1'),
        TypeAttribute(0, 0x0074100A, 'Contact URI', '3/1', 'CC.2.2-1'),
        TypeAttribute(0, 0x0074100C, 'Contact Display Name', '3/1', 'CC.2.2-1'),
    ),
    3: (
        TypeAttribute(0, 0x00741234, 'Receiving AE', '1/1', 'CC.2.3-1'),
        TypeAttribute(0, 0x00741230, 'Deletion Lock', '1/1', 'CC.2.3-1'),
        TypeAttribute(0, 0x00000000, 'Matching Keys (see Section CC.2.3.1)', '1/1', 'CC.2.3-1'),
    ),
    4: (
        TypeAttribute(0, 0x00741234, 'Receiving AE', '1/1', 'CC.2.3-1'),
    ),
    5: (
        TypeAttribute(0, 0x00741234, 'Receiving AE', '1/1', 'CC.2.3-1'),
    ),
}

#: Event Type ID -> its Event Information, in table order.
EVENT_INFORMATION: Final[dict[int, tuple[TypeAttribute, ...]]] = {
    1: (
        TypeAttribute(0, 0x00741000, 'Procedure Step State', '-/1', 'CC.2.4-1'),
        TypeAttribute(0, 0x00404041, 'Input Readiness State', '-/1', 'CC.2.4-1'),
        TypeAttribute(0, 0x00741238, 'Reason For Cancellation', '-/3', 'CC.2.4-1'),
        TypeAttribute(0, 0x0074100E, 'Procedure Step Discontinuation Reason Code Sequence', '-/3', 'CC.2.4-1'),
        TypeAttribute(1, 0x00000000, 'Include Table 8-3a', '>Include Table 8-3a', 'CC.2.4-1'),
    ),
    2: (
        TypeAttribute(0, 0x00741236, 'Requesting AE', '-/1', 'CC.2.4-1'),
        TypeAttribute(0, 0x00741238, 'Reason For Cancellation', '-/1C Required if provided in the triggering N-ACTION', 'CC.2.4-1'),
        TypeAttribute(0, 0x0074100E, 'Procedure Step Discontinuation Reason Code Sequence', '-/1C Required if provided in the triggering N-ACTION', 'CC.2.4-1'),
        TypeAttribute(1, 0x00000000, 'Include Table 8-3a', '>Include Table 8-3a', 'CC.2.4-1'),
        TypeAttribute(0, 0x0074100A, 'Contact URI', '-/1C Required if provided in the triggering N-ACTION', 'CC.2.4-1'),
        TypeAttribute(0, 0x0074100C, 'Contact Display Name', '-/1C Required if provided in the triggering N-ACTION', 'CC.2.4-1'),
    ),
    3: (
        TypeAttribute(0, 0x00741002, 'Procedure Step Progress Information Sequence', '-/1', 'CC.2.4-1'),
        TypeAttribute(1, 0x00741004, 'Procedure Step Progress', '-/3', 'CC.2.4-1'),
        TypeAttribute(1, 0x00741006, 'Procedure Step Progress Description', '-/3', 'CC.2.4-1'),
        TypeAttribute(1, 0x00741007, 'Procedure Step Progress Parameters Sequence', '-/3', 'CC.2.4-1'),
        TypeAttribute(1, 0x00741008, 'Procedure Step Communications URI Sequence', '-/3', 'CC.2.4-1'),
        TypeAttribute(2, 0x0074100A, 'Contact URI', '-/1', 'CC.2.4-1'),
        TypeAttribute(2, 0x0074100C, 'Contact Display Name', '-/3', 'CC.2.4-1'),
    ),
    4: (
        TypeAttribute(0, 0x00741242, 'SCP Status', '-/1', 'CC.2.4-1'),
        TypeAttribute(0, 0x00741244, 'Subscription List Status', '-/1', 'CC.2.4-1'),
        TypeAttribute(0, 0x00741246, 'Unified Procedure Step List Status', '-/1', 'CC.2.4-1'),
    ),
    5: (
        TypeAttribute(0, 0x00404025, 'Scheduled Station Name Code Sequence', '-/1C Required if populated in the UPS Instance', 'CC.2.4-1'),
        TypeAttribute(1, 0x00000000, 'Include Table 8-3a', '>Include Table 8-3a', 'CC.2.4-1'),
        TypeAttribute(0, 0x00404009, 'Human Performer Code Sequence', '-/1C Required if populated in the UPS Instance', 'CC.2.4-1'),
        TypeAttribute(1, 0x00000000, 'Include Table 8-3a', '>Include Table 8-3a', 'CC.2.4-1'),
        TypeAttribute(0, 0x00404036, "Human Performer's Organization", '-/1C Required if populated in the UPS Instance', 'CC.2.4-1'),
    ),
}


class UpsStatus(IntEnum):
    """The status codes particular to UPS (PS3.4 CC.2: the B3xxH and C3xxH codes of its
    response status tables), named by their Further Meaning."""

    UPS_WAS_CREATED_WITH_MODIFICATIONS = 0xB300
    DELETION_LOCK_NOT_GRANTED = 0xB301
    ALREADY_CANCELED = 0xB304
    COERCED_INVALID_VALUES_TO_VALID_VALUES = 0xB305
    ALREADY_COMPLETED = 0xB306
    UPS_MAY_NO_LONGER_BE_UPDATED = 0xC300
    CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED = 0xC301
    UPS_IS_ALREADY_IN_PROGRESS = 0xC302
    MAY_ONLY_BECOME_SCHEDULED_VIA_N_CREATE = 0xC303
    FINAL_STATE_REQUIREMENTS_NOT_MET = 0xC304
    NO_SUCH_UPS = 0xC307
    RECEIVING_AE_TITLE_IS_UNKNOWN_TO_THIS_SCP = 0xC308
    PROVIDED_VALUE_OF_UPS_STATE_WAS_NOT_SCHEDULED = 0xC309
    UPS_IS_NOT_YET_IN_THE_IN_PROGRESS_STATE = 0xC310
    UPS_IS_ALREADY_COMPLETED = 0xC311
    PERFORMER_CANNOT_BE_CONTACTED = 0xC312
    PERFORMER_CHOOSES_NOT_TO_CANCEL = 0xC313
    SPECIFIED_ACTION_NOT_APPROPRIATE_FOR_SPECIFIED_INSTANCE = 0xC314
    SCP_DOES_NOT_SUPPORT_EVENT_REPORTS = 0xC315


class UpsStatusRow(NamedTuple):
    """One row of a UPS response status table: table, the service (caption before
    "Response Status Values"), status category, further meaning, code pattern."""

    table: str
    service: str
    category: str
    meaning: str
    code: str


#: Every row of the response status tables of PS3.4 CC.2, in table order.
STATUSES: Final[tuple[UpsStatusRow, ...]] = (
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Success', 'The requested state change was performed', '0000'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Warning', 'The UPS is already in the requested state of CANCELED', 'B304'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Warning', 'The UPS is already in the requested state of COMPLETED', 'B306'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Failure', 'Failed: The UPS may no longer be updated', 'C300'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Failure', 'Failed: The correct Transaction UID was not provided', 'C301'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Failure', 'Failed: The UPS is already IN PROGRESS', 'C302'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Failure', 'Failed: The UPS may only become SCHEDULED via N-CREATE, not N-SET or N-ACTION', 'C303'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Failure', 'Failed: The UPS has not met final state requirements for the requested state change', 'C304'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Failure', 'Failed: Specified SOP Instance UID does not exist or is not a UPS Instance managed by this SCP', 'C307'),
    UpsStatusRow('CC.2.1-2', 'N-ACTION', 'Failure', 'Failed: The UPS is not yet in the "IN PROGRESS" state', 'C310'),
    UpsStatusRow('CC.2.2-2', 'N-ACTION', 'Success', 'The cancel request is acknowledged', '0000'),
    UpsStatusRow('CC.2.2-2', 'N-ACTION', 'Warning', 'The UPS is already in the requested state of CANCELED', 'B304'),
    UpsStatusRow('CC.2.2-2', 'N-ACTION', 'Failure', 'Failed: The UPS is already COMPLETED', 'C311'),
    UpsStatusRow('CC.2.2-2', 'N-ACTION', 'Failure', 'Failed: Performer chooses not to cancel', 'C313'),
    UpsStatusRow('CC.2.2-2', 'N-ACTION', 'Failure', 'Failed: Specified SOP Instance UID does not exist or is not a UPS Instance managed by this SCP', 'C307'),
    UpsStatusRow('CC.2.2-2', 'N-ACTION', 'Failure', 'Failed: The performer cannot be contacted', 'C312'),
    UpsStatusRow('CC.2.3-3', 'N-ACTION', 'Success', 'The requested change of subscription state was performed', '0000'),
    UpsStatusRow('CC.2.3-3', 'N-ACTION', 'Warning', 'Deletion Lock not granted.', 'B301'),
    UpsStatusRow('CC.2.3-3', 'N-ACTION', 'Failure', 'Failed: Specified SOP Instance UID does not exist or is not a UPS Instance managed by this SCP', 'C307'),
    UpsStatusRow('CC.2.3-3', 'N-ACTION', 'Failure', 'Failed: Receiving AE Title is Unknown to this SCP', 'C308'),
    UpsStatusRow('CC.2.3-3', 'N-ACTION', 'Failure', 'Failed: Specified action not appropriate for specified instance', 'C314'),
    UpsStatusRow('CC.2.3-3', 'N-ACTION', 'Failure', 'Failed: SCP does not support Event Reports', 'C315'),
    UpsStatusRow('CC.2.5-4', 'N-CREATE', 'Success', 'The UPS was created as requested', '0000'),
    UpsStatusRow('CC.2.5-4', 'N-CREATE', 'Warning', 'The UPS was created with modifications', 'B300'),
    UpsStatusRow('CC.2.5-4', 'N-CREATE', 'Failure', 'Failed: The provided value of UPS State was not "SCHEDULED".', 'C309'),
    UpsStatusRow('CC.2.6-1', 'N-SET', 'Success', 'The requested modification of the Attribute Values is performed', '0000'),
    UpsStatusRow('CC.2.6-1', 'N-SET', 'Warning', 'Requested optional Attributes are not supported.', '0001'),
    UpsStatusRow('CC.2.6-1', 'N-SET', 'Warning', 'Coerced invalid values to valid values', 'B305'),
    UpsStatusRow('CC.2.6-1', 'N-SET', 'Failure', 'Failed: The UPS is not in the "IN PROGRESS" state', 'C310'),
    UpsStatusRow('CC.2.6-1', 'N-SET', 'Failure', 'Failed: The correct Transaction UID was not provided', 'C301'),
    UpsStatusRow('CC.2.6-1', 'N-SET', 'Failure', 'Failed: The UPS may no longer be updated', 'C300'),
    UpsStatusRow('CC.2.6-1', 'N-SET', 'Failure', 'Failed: Specified SOP Instance UID does not exist or is not a UPS Instance managed by this SCP', 'C307'),
    UpsStatusRow('CC.2.7-1', 'N-GET', 'Warning', 'Requested optional Attributes are not supported', '0001'),
    UpsStatusRow('CC.2.7-1', 'N-GET', 'Failure', 'Failed: Specified SOP Instance UID does not exist or is not a UPS Instance managed by this SCP', 'C307'),
    UpsStatusRow('CC.2.8-2', 'C-FIND', 'Failure', 'Refused: Out of resources', 'A700'),
    UpsStatusRow('CC.2.8-2', 'C-FIND', 'Failure', 'Error: Data Set does not match SOP Class', 'A900'),
    UpsStatusRow('CC.2.8-2', 'C-FIND', 'Failure', 'Refused: SOP Class not supported', '0122'),
    UpsStatusRow('CC.2.8-2', 'C-FIND', 'Failure', 'Failed: Unable to process', 'Cxxx'),
    UpsStatusRow('CC.2.8-2', 'C-FIND', 'Cancel', 'Matching terminated due to Cancel request', 'FE00'),
    UpsStatusRow('CC.2.8-2', 'C-FIND', 'Success', 'Matching is complete - No final Identifier is supplied.', '0000'),
    UpsStatusRow('CC.2.8-2', 'C-FIND', 'Pending', 'Matches are continuing - Current Match is supplied and any Optional Keys were supported in the same manner as Required Keys.', 'FF00'),
    UpsStatusRow('CC.2.8-2', 'C-FIND', 'Pending', 'Matches are continuing - Warning that one or more Optional Keys were not supported for existence for this Identifier.', 'FF01'),
)


class FinalStateCode(NamedTuple):
    """A Final State Code (PS3.4 Table CC.2.5-1): the states the UPS shall not be set to
    while the attribute has no value (``conditional``: only when its condition is met)."""

    code: str
    forbids: tuple[str, ...]
    conditional: bool
    meaning: str


#: Final State Code -> its meaning.
FINAL_STATE_CODES: Final[dict[str, FinalStateCode]] = {
    'R': FinalStateCode('R', ('COMPLETED', 'CANCELED', ), False, 'The UPS State shall not be set to COMPLETED or CANCELED if this Attribute does not have a value.'),
    'RC': FinalStateCode('RC', ('COMPLETED', 'CANCELED', ), True, 'The UPS State shall not be set to COMPLETED or CANCELED if the condition is met and this Attribute does not have a value.'),
    'P': FinalStateCode('P', ('COMPLETED', ), False, 'The UPS State shall not be set to COMPLETED if this Attribute does not have a value, but may be set to CANCELED.'),
    'X': FinalStateCode('X', ('CANCELED', ), False, 'The UPS State shall not be set to CANCELED if this Attribute does not have a value, but may be set to COMPLETED.'),
    'O': FinalStateCode('O', (), False, 'The UPS State may be set to either COMPLETED or CANCELED if this Attribute does not have a value.'),
}


class AttributeRow(NamedTuple):
    """One row of Table CC.2.5-3 or of a macro it includes: module, kind ("attribute",
    "include": ``include`` names the macro; "other": "All other Attributes of ...", ``name``
    is the text), depth (number of ">"), tag, name, and the requirement columns: N-CREATE,
    N-SET, N-GET (the ``x/y`` SCU/SCP code, "not allowed", or the cell's text), Final State,
    Matching Key Type, Return Key Type, remark."""

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


#: The rows of PS3.4 Table CC.2.5-3 "UPS SOP Class N-CREATE/N-SET/N-GET/C-FIND Attributes".
ATTRIBUTES: Final[tuple[AttributeRow, ...]] = (
    AttributeRow('', 'attribute', 0, 0x00081195, 'Transaction UID', '2/2', '(see Section CC.2.6.3)', 'O', 'not allowed', '-', '-', 'Cannot be queried.', ''),
    AttributeRow('SOP Common Module', 'attribute', 0, 0x00080005, 'Specific Character Set', '1C/1C', '1C/1C', 'RC', '3/1', '-', '1C', 'Required if extended or replacement character set is used', ''),
    AttributeRow('SOP Common Module', 'attribute', 0, 0x00080016, 'SOP Class UID', 'See Section CC.2.5.1.3.1', 'not allowed', 'R', 'not allowed', 'O', '1', 'Uniquely identifies the SOP Class of the Unified Procedure Step. See Section CC.3.1 for further explanation.', ''),
    AttributeRow('SOP Common Module', 'attribute', 0, 0x00080018, 'SOP Instance UID', 'not allowed', 'not allowed', 'R', 'not allowed', 'U', '1', 'Uniquely identifies the SOP Instance of the UPS. SOP Instance UID shall be retrieved with Single Value Matching.', ''),
    AttributeRow('SOP Common Module', 'other', 0, 0x00000000, 'All other Attributes of the Section C.12.1 in PS3.3', '3/3', '3/3', 'O', '3/3', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00741200, 'Scheduled Procedure Step Priority', '1/1', '3/1', 'R', '3/1', 'R', '1', 'Scheduled Procedure Step Priority shall be retrieved with Single Value Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404010, 'Scheduled Procedure Step Modification DateTime', '-/1', '-/1', 'R', '3/1', 'O', '3', 'Scheduled Procedure Step Modification DateTime shall be retrieved with Single Value Matching or Range Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00741204, 'Procedure Step Label', '1/1', '3/1', 'O', '3/1', 'R', '1', '', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00741202, 'Worklist Label', '2/1', '3/1', 'O', '3/1', 'R', '1', '', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00741210, 'Scheduled Processing Parameters Sequence', '2/2', '3/2', 'O', '3/2', '-', '2', '', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2b', '', '', '', '', '', '', '', 'CC.2.5-2b'),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404025, 'Scheduled Station Name Code Sequence', '2/2', '3/2', 'O', '3/2', 'R', '2', 'The Attributes of the Scheduled Station Name Code Sequence shall only be retrieved with Sequence Matching. In Push Scenario, the SCP-Performer has to create empty but could self fill later.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404026, 'Scheduled Station Class Code Sequence', '2/2', '3/2', 'O', '3/2', 'R', '2', 'The Attributes of the Scheduled Station Class Code Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404027, 'Scheduled Station Geographic Location Code Sequence', '2/2', '3/2', 'O', '3/2', 'R', '2', 'The Attributes of the Scheduled Station Geographic Location Code Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404034, 'Scheduled Human Performers Sequence', '2C/2C', '3/2', 'O', '3/2', 'R', '2', 'The Attributes of the Scheduled Human Performers Sequence shall only be retrieved with Sequence Matching. Required if a Human Performer is specified.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 1, 0x00404009, 'Human Performer Code Sequence', '1/1', '1/1', 'O', '-/1', 'R', '1', 'The Attributes of the Scheduled Human Performers Code Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 1, 0x00404037, "Human Performer's Name", '1/1', '1/1', 'O', '-/1', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 1, 0x00404036, "Human Performer's Organization", '1/1', '1/1', 'O', '-/1', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404005, 'Scheduled Procedure Step Start DateTime', '1/1', '3/1', 'R', '3/1', 'R', '1', 'Scheduled Procedure Step Start DateTime shall be retrieved with Single Value Matching or Range Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404011, 'Expected Completion DateTime', '3/1', '3/1', 'O', '3/1', 'R', '3', 'Expected Completion DateTime shall be retrieved with Single Value Matching or Range Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404008, 'Scheduled Procedure Step Expiration DateTime', '3/3', '3/3', 'O', '3/3', 'O', '3', 'Scheduled Procedure Step Expiration DateTime shall be retrieved with Single Value Matching or Range Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404018, 'Scheduled Workitem Code Sequence', '2/2', '3/1', 'O', '3/1', 'R', '2', 'The Attributes of the Scheduled Workitem Code Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00400400, 'Comments on the Scheduled Procedure Step', '2/2', '3/1', 'O', '3/1', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404041, 'Input Readiness State', '1/1', '3/1', 'R', '3/1', 'R', '1', 'Input Readiness State shall be retrieved with Single Value Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404021, 'Input Information Sequence', '2/2', '3/2', 'O', '3/2', 'O', '2', 'The Attributes of the Input Information Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2c', '', '', '', '', '', '', '', 'CC.2.5-2c'),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x0020000D, 'Study Instance UID', '1C/2', '3/2', 'O', '3/2', 'O', '2', 'Required if the Workitem is expected to result in the creation of any DICOM Composite Instances whose IOD contains the Study IE. There may be situations where the performer does not use the Study Instance UID suggested by the Scheduler.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'attribute', 0, 0x00404070, 'Output Destination Sequence', '3/3', '3/3', 'O', '3/3', 'O', '3', 'The Attributes of the Output Destination Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2g', '', '', '', '', '', '', '', 'CC.2.5-2g'),
    AttributeRow('Unified Procedure Step Scheduled Procedure Information Module', 'other', 0, 0x00000000, 'All other Attributes of the Section C.30.2 in PS3.3', '3/3', '3/3', 'O', '3/3', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00100010, "Patient's Name", '2/2', 'not allowed', 'O', '3/2', 'R', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00100020, 'Patient ID', '1C/2', 'not allowed', 'O', '3/2', 'R', '2', 'Required if the subject of the workitem requires identification or if the workitem is expected to result in the creation of objects that identify the subject. See Section C.30.4.1 in PS3.3', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 0, 0x00000000, 'Include Table CC.2.5-2e', '', '', '', '', '', '', '', 'CC.2.5-2e'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00101002, 'Other Patient IDs Sequence', '2/2', '3/3', 'O', '3/2', 'O', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00100020, 'Patient ID', '1/1', '1/1', 'O', '-/1', 'O', '1', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2e', '', '', '', '', '', '', '', 'CC.2.5-2e'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00100022, 'Type of Patient ID', '3/3', '3/3', 'O', '3/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00100030, "Patient's Birth Date", '2/2', 'not allowed', 'O', '3/2', 'R', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00100040, "Patient's Sex", '2/2', 'not allowed', 'O', '3/2', 'R', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00101100, 'Referenced Patient Photo Sequence', '3/3', '3/3', 'O', '3/3', '-', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2c', '', '', '', '', '', '', '', 'CC.2.5-2c'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00380010, 'Admission ID', '2/2', 'not allowed', 'O', '3/2', 'R', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00380014, 'Issuer of Admission ID Sequence', '2/2', 'not allowed', 'O', '3/2', 'R', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2d', '', '', '', '', '', '', '', 'CC.2.5-2d'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00081080, 'Admitting Diagnoses Description', '2/2', 'not allowed', 'O', '3/2', 'O', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00081084, 'Admitting Diagnoses Code Sequence', '2/2', 'not allowed', 'O', '3/2', 'O', '2', 'The Attributes of the Admitting Diagnoses Code Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2a.', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x0040A370, 'Referenced Request Sequence', '2/2', 'not allowed', 'O', '3/2', 'R', '2', 'Could be "changed" while SCHEDULED by canceling and re-creating with the "correct" values.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x0020000D, 'Study Instance UID', '1/1', 'not allowed', 'O', '-/1', 'O', '1', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00080050, 'Accession Number', '2/2', 'not allowed', 'O', '-/2', 'R', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00080051, 'Issuer of Accession Number Sequence', '2/2', 'not allowed', 'O', '-/2', 'R', '2', 'The Issuer of Accession Number Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2d', '', '', '', '', '', '', '', 'CC.2.5-2d'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00402016, 'Placer Order Number/Imaging Service Request', '3/1', 'not allowed', 'O', '-/1', 'O', '1C', 'Required if set.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00400026, 'Order Placer Identifier Sequence', '2/2', 'not allowed', 'O', '-/2', 'O', '2', 'The Order Placer Identifier Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2d', '', '', '', '', '', '', '', 'CC.2.5-2d'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00402017, 'Filler Order Number/Imaging Service Request', '3/1', 'not allowed', 'O', '-/1', 'O', '1C', 'Required if set.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00400027, 'Order Filler Identifier Sequence', '2/2', 'not allowed', 'O', '-/2', 'O', '2', 'The Order Filler Identifier Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2d', '', '', '', '', '', '', '', 'CC.2.5-2d'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00401001, 'Requested Procedure ID', '2/2', 'not allowed', 'O', '-/2', 'R', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00321060, 'Requested Procedure Description', '2/2', 'not allowed', 'O', '-/2', 'O', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00321064, 'Requested Procedure Code Sequence', '2/2', 'not allowed', 'O', '-/2', 'O', '2', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00401002, 'Reason for the Requested Procedure', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x0040100A, 'Reason for Requested Procedure Code Sequence', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00401400, 'Requested Procedure Comments', '3/3', '3/3', 'O', '-/3', 'O', '1C', 'Required if set.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00401008, 'Confidentiality Code', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00401010, 'Names of Intended Recipients of Results', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00402400, 'Imaging Service Request Comments', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00321032, 'Requesting Physician', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00321033, 'Requesting Service', '3/1', '3/1', 'O', '-/3', 'R', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00321034, 'Requesting Service Code Sequence', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00402004, 'Issue Date of Imaging Service Request', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00402005, 'Issue Time of Imaging Service Request', '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 1, 0x00080090, "Referring Physician's Name", '3/3', '3/3', 'O', '-/3', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'attribute', 0, 0x00741224, 'Replaced Procedure Step Sequence', '1C/1C', 'not allowed', 'O', '3/2', 'R', '3', 'Required if the UPS replaces another Procedure Step.', ''),
    AttributeRow('Unified Procedure Step Relationship Module', 'include', 1, 0x00000000, 'Include Table CC.2.5-2f', '', '', '', '', '', '', '', 'CC.2.5-2f'),
    AttributeRow('Unified Procedure Step Relationship Module', 'other', 0, 0x00000000, 'All other Attributes of the Unified Procedure Step Relationship Module', '3/3', '3/3', 'O', '3/3', '-', '-', '', ''),
    AttributeRow('Patient Demographic Module', 'other', 0, 0x00000000, 'All Attributes of the Section C.2.3 in PS3.3', '3/3', '3/3', 'O', '3/3', '-', '-', '', ''),
    AttributeRow('Patient Medical Module', 'attribute', 0, 0x00102000, 'Medical Alerts', '3/2', '3/2', 'O', '3/2', 'O', '2C', 'Required if present.', ''),
    AttributeRow('Patient Medical Module', 'attribute', 0, 0x001021C0, 'Pregnancy Status', '3/2', '3/2', 'O', '3/2', 'O', '2C', 'Required if present.', ''),
    AttributeRow('Patient Medical Module', 'attribute', 0, 0x00380050, 'Special Needs', '3/2', '3/2', 'O', '3/2', 'O', '2C', 'Required if present.', ''),
    AttributeRow('Patient Medical Module', 'other', 0, 0x00000000, 'All other Attributes of the Section C.2.4 in PS3.3', '3/3', '3/3', 'O', '3/3', 'O', '3', '', ''),
    AttributeRow('Visit Identification Module', 'other', 0, 0x00000000, 'All Attributes of the Section C.3.2 in PS3.3', '3/3', '3/3', 'O', '3/3', '-', '-', '', ''),
    AttributeRow('Visit Status Module', 'other', 0, 0x00000000, 'All Attributes of the Section C.3.3 in PS3.3', '3/3', '3/3', 'O', '3/3', '-', '-', '', ''),
    AttributeRow('Visit Admission Module', 'other', 0, 0x00000000, 'All Attributes of the Section C.3.4 in PS3.3', '3/3', '3/3', 'O', '3/3', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 0, 0x00741000, 'Procedure Step State', '1/1', 'not allowed', 'R', '3/1', 'R', '1', 'Procedure Step State shall be retrieved with Single Value Matching', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 0, 0x00741002, 'Procedure Step Progress Information Sequence', '2/2', '3/2', 'X', '3/2', '', '2', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 1, 0x00741004, 'Procedure Step Progress', 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 1, 0x00741006, 'Procedure Step Progress Description', 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 1, 0x00741007, 'Procedure Step Progress Parameters Sequence', 'not allowed', '3/3', 'O', '-/3', '', '', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2b', '', '', '', '', '', '', '', 'CC.2.5-2b'),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 2, 0x00400441, 'Content Item Modifier Sequence', 'not allowed', '3/3', 'O', '-/3', '', '', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'include', 3, 0x00000000, 'Include Table CC.2.5-2b', '', '', '', '', '', '', '', 'CC.2.5-2b'),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 1, 0x00741008, 'Procedure Step Communications URI Sequence', 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 2, 0x0074100A, 'Contact URI', 'not allowed', '1/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 2, 0x0074100C, 'Contact Display Name', 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 1, 0x00404052, 'Procedure Step Cancellation DateTime', 'not allowed', '3/1', 'X', '-/1', '-', '-', 'If changing the UPS State (0074,1000) to CANCELED and this Attribute has no value, the SCP shall fill it with the current datetime.', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 1, 0x00741238, 'Reason For Cancellation', 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'attribute', 1, 0x0074100E, 'Procedure Step Discontinuation Reason Code Sequence', 'not allowed', '3/1', 'X', '-/1', '', '', '', ''),
    AttributeRow('Unified Procedure Step Progress Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 0, 0x00741216, 'Unified Procedure Step Performed Procedure Sequence', '2/2', '3/2', 'P', '3/2', '-', '-', 'See Section CC.2.5.1.3.2.', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00404035, 'Actual Human Performers Sequence', 'not allowed', '3/1', 'RC', '-/1', 'O', '1C', 'Shall be provided if known. Return Key required if set. The Attributes of the Actual Human Performers Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 2, 0x00404009, 'Human Performer Code Sequence', 'not allowed', '3/1', 'RC', '-/1', '-', '-', 'Shall be provided if known.', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'include', 3, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 2, 0x00404037, "Human Performer's Name", 'not allowed', '3/1', 'RC', '-/1', '-', '-', 'Shall be provided if known', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 2, 0x00404036, "Human Performer's Organization", 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00404028, 'Performed Station Name Code Sequence', 'not allowed', '3/2', 'P', '-/2', 'O', '3', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00404029, 'Performed Station Class Code Sequence', 'not allowed', '3/2', 'O', '-/2', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00404030, 'Performed Station Geographic Location Code Sequence', 'not allowed', '3/2', 'O', '-/2', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00404050, 'Performed Procedure Step Start DateTime', 'not allowed', '3/1', 'P', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00400254, 'Performed Procedure Step Description', 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00400280, 'Comments on the Performed Procedure Step', 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00404019, 'Performed Workitem Code Sequence', 'not allowed', '3/1', 'P', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00741212, 'Performed Processing Parameters Sequence', 'not allowed', '3/1', 'O', '-/1', '-', '-', '', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2b', '', '', '', '', '', '', '', 'CC.2.5-2b'),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00404051, 'Performed Procedure Step End DateTime', 'not allowed', '3/1', 'P', '-/1', 'O', '1C', 'Required if set.', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'attribute', 1, 0x00404033, 'Output Information Sequence', 'not allowed', '2/2', 'O', '-/2', '-', '-', 'If there are no relevant output objects, then this sequence may have no items.', ''),
    AttributeRow('Unified Procedure Step Performed Procedure Information Module', 'include', 2, 0x00000000, 'Include Table CC.2.5-2c', '', '', '', '', '', '', '', 'CC.2.5-2c'),
)

#: Macro table label -> its rows (PS3.4 Table CC.2.5-2a to CC.2.5-2g).
MACROS: Final[dict[str, tuple[AttributeRow, ...]]] = {
    'CC.2.5-2a': (
    AttributeRow('', 'attribute', 0, 0x00080100, 'Code Value', '1C/1C', '1C/1C', '', '-/1C', '*', '1C', 'Code Value shall be retrieved with Single Value Matching. Required if the code value length is 16 characters or less, and the code value is not a URN or URL.', ''),
    AttributeRow('', 'attribute', 0, 0x00080102, 'Coding Scheme Designator', '1C/1C', '1C/1C', '', '-/1C', '*', '1C', 'Coding Scheme Designator shall be retrieved with Single Value Matching. Shall be present if Code Value (0008,0100) or Long Code Value (0008,0119) is present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 0, 0x00080103, 'Coding Scheme Version', '1C/1C', '1C/1C', '', '-/1C', '-', '1C', 'Required if the value of Coding Scheme Designator (0008,0102) is not sufficient to identify the Code Value (0008,0100) unambiguously. Shall not be present if Coding Scheme Designator (0008,0102) is absent. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 0, 0x00080104, 'Code Meaning', '1/1', '1/1', '', '-/1', '-', '1', 'Code Meaning shall not be used as Matching Key.', ''),
    AttributeRow('', 'attribute', 0, 0x00080119, 'Long Code Value', '1C/1C', '1C/1C', '', '-/1C', '*', '1C', 'Long Code Value shall be retrieved with Single Value Matching. Shall be present if Code Value (0008,0100) is not present, and the code value is not a URN or URL.', ''),
    AttributeRow('', 'attribute', 0, 0x00080120, 'URN Code Value', '1C/1C', '1C/1C', '', '-/1C', '*', '1C', 'Long Code Value shall be retrieved with Single Value Matching. Shall be present if Code Value (0008,0100) is not present, and the code value is a URN or URL.', ''),
    AttributeRow('', 'attribute', 0, 0x00080105, 'Mapping Resource', '3/3', '3/3', '', '-/3', '-', '3', '', ''),
    AttributeRow('', 'attribute', 0, 0x00080118, 'Mapping Resource UID', '3/3', '3/3', '', '-/3', '-', '3', '', ''),
    AttributeRow('', 'attribute', 0, 0x00080106, 'Context Group Version', '3/3', '3/3', '', '-/3', '-', '3', '', ''),
    AttributeRow('', 'attribute', 0, 0x0008010B, 'Context Group Extension Flag', '3/3', '3/3', '', '-/3', '-', '3', '', ''),
    AttributeRow('', 'attribute', 0, 0x00080107, 'Context Group Local Version', '3/3', '3/3', '', '-/3', '-', '3', '', ''),
    AttributeRow('', 'attribute', 0, 0x0008010D, 'Context Group Extension Creator UID', '3/3', '3/3', '', '-/3', '-', '3', '', ''),
    ),
    'CC.2.5-2b': (
    AttributeRow('', 'attribute', 0, 0x0040A040, 'Value Type', '1/1', '1/1', '', '-/1', '*', '1', 'The type of the value encoded in this name-value Item. Enumerated Values:', ''),
    AttributeRow('', 'attribute', 0, 0x0040A043, 'Concept Name Code Sequence', '1/1', '1/1', '', '-/1', '*', '1', 'Coded concept name of this name-value Item.', ''),
    AttributeRow('', 'include', 1, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('', 'attribute', 0, 0x0040A120, 'DateTime', '1C/1C', '1/1', '', '-/1', '*', '1C', 'Datetime value for this name-value Item. Required if Value Type (0040,A040) is DATETIME.', ''),
    AttributeRow('', 'attribute', 0, 0x0040A121, 'Date', '1C/1C', '1/1', '', '-/1', '*', '1C', 'Date value for this name-value Item. Required if Value Type (0040,A040) is DATE.', ''),
    AttributeRow('', 'attribute', 0, 0x0040A122, 'Time', '1C/1C', '1/1', '', '-/1', '*', '1C', 'Time value for this name-value Item. Required if Value Type (0040,A040) is TIME.', ''),
    AttributeRow('', 'attribute', 0, 0x0040A123, 'Person Name', '1C/1C', '1/1', '', '-/1', '*', '1C', 'Person name value for this name-value Item. Required if Value Type (0040,A040) is PNAME.', ''),
    AttributeRow('', 'attribute', 0, 0x0040A124, 'UID', '1C/1C', '1/1', '', '-/1', '*', '1C', 'UID value for this name-value Item. Required if Value Type (0040,A040) is UIDREF.', ''),
    AttributeRow('', 'attribute', 0, 0x0040A160, 'Text Value', '1C/1C', '1/1', '', '-/1', '*', '1C', 'Text value for this name-value Item. Required if Value Type (0040,A040) is TEXT.', ''),
    AttributeRow('', 'attribute', 0, 0x0040A168, 'Concept Code Sequence', '1C/1C', '1/1', '', '-/1', '*', '1C', 'Coded concept value of this name-value Item. Required if Value Type (0040,A040) is CODE.', ''),
    AttributeRow('', 'include', 1, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('', 'attribute', 0, 0x0040A30A, 'Numeric Value', '1C/1C', '1/1', '', '-/1', '*', '1C', 'Numeric value for this name-value Item. Required if Value Type (0040,A040) is NUMERIC.', ''),
    AttributeRow('', 'attribute', 0, 0x004008EA, 'Measurement Units Code Sequence', '1C/1C', '1/1', '', '-/1', '*', '1C', 'Units of measurement for a numeric value in this name-value Item. Required if Value Type (0040,A040) is NUMERIC.', ''),
    AttributeRow('', 'include', 1, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    ),
    'CC.2.5-2c': (
    AttributeRow('', 'attribute', 0, 0x0040E020, 'Type of Instances', '1/1', '1/1', '', '-/1', 'O', '1', '', ''),
    AttributeRow('', 'attribute', 0, 0x0020000D, 'Study Instance UID', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if Type of Instances (0040,E020) is DICOM and the Information Model of the referenced instance contains the Study IE', ''),
    AttributeRow('', 'attribute', 0, 0x0020000E, 'Series Instance UID', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if Type of Instances (0040,E020) is DICOM and the Information Model of the referenced instance contains the Series IE', ''),
    AttributeRow('', 'attribute', 0, 0x00081199, 'Referenced SOP Sequence', '1/1', '1/1', '', '-/1', 'O', '1', '', ''),
    AttributeRow('', 'attribute', 1, 0x00081150, 'Referenced SOP Class UID', '1/1', '1/1', '', '-/1', 'O', '1', '', ''),
    AttributeRow('', 'attribute', 1, 0x00081155, 'Referenced SOP Instance UID', '1/1', '1/1', '', '-/1', 'O', '1', '', ''),
    AttributeRow('', 'attribute', 1, 0x0040E001, 'HL7 Instance Identifier', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if Type of Instances (0040,E020) is CDA.', ''),
    AttributeRow('', 'attribute', 1, 0x00081160, 'Referenced Frame Number', '1C/1', '1C/1', '', '-/2', 'O', '1C', 'Required if the Referenced SOP Instance is a multi-frame image and the reference does not apply to all frames, and Referenced Segment Number (0062,000B) is not present.', ''),
    AttributeRow('', 'attribute', 1, 0x0062000B, 'Referenced Segment Number', '1C/1', '1C/1', '', '-/2', 'O', '1C', 'Required if the Referenced SOP Instance is a Segmentation and the reference does not apply to all segments and Referenced Frame Number (0008,1160) is not present.', ''),
    AttributeRow('', 'attribute', 0, 0x0040E021, 'DICOM Retrieval Sequence', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if DICOM Media Retrieval Sequence (0040,E022), WADO Retrieval Sequence (0040,E023), WADO-RS Retrieval Sequence (0040,E025) and XDS Retrieval Sequence (0040,E024) are not present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 1, 0x00080054, 'Retrieve AE Title', '1/1', '1/1', '', '-/1', 'O', '1', '', ''),
    AttributeRow('', 'attribute', 0, 0x0040E022, 'DICOM Media Retrieval Sequence', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if DICOM Retrieval Sequence (0040,E021), WADO Retrieval Sequence (0040,E023), WADO-RS Retrieval Sequence (0040,E025) and XDS Retrieval Sequence (0040,E024) are not present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 1, 0x00880130, 'Storage Media File-Set ID', '2/2', '2/2', '', '-/2', 'O', '2', '', ''),
    AttributeRow('', 'attribute', 1, 0x00880140, 'Storage Media File-Set UID', '1/1', '1/1', '', '-/1', 'O', '1', '', ''),
    AttributeRow('', 'attribute', 0, 0x0040E023, 'WADO Retrieval Sequence', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if DICOM Retrieval Sequence (0040,E021), DICOM Media Retrieval Sequence (0040,E022), WADO-RS Retrieval Sequence (0040,E025) and XDS Retrieval Sequence (0040,E024) are not present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 1, 0x0040E010, 'Retrieve URI', '1/1', '1/1', '', '-/1', 'O', '1', '', ''),
    AttributeRow('', 'attribute', 0, 0x0040E024, 'XDS Retrieval Sequence', '1C', '1C/1', '', '-/1', 'O', '1C', 'Required if DICOM Retrieval Sequence (0040,E021), DICOM Media Retrieval Sequence (0040,E022), WADO-RS Retrieval Sequence (0040,E025) and WADO Retrieval Sequence (0040,E023) are not present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 1, 0x0040E030, 'Repository Unique ID', '1/1', '1/1', '', '-/1', 'O', '1', '', ''),
    AttributeRow('', 'attribute', 1, 0x0040E031, 'Home Community ID', '3/2', '3/2', '', '3/2', 'O', '2', '', ''),
    AttributeRow('', 'attribute', 0, 0x0040E025, 'WADO-RS Retrieval Sequence', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if DICOM Retrieval Sequence (0040,E021), DICOM Media Retrieval Sequence (0040,E022), WADO Retrieval Sequence (0040,E023), and XDS Retrieval Sequence (0040,E024) are not present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 1, 0x00081190, 'Retrieve URL', '1/1', '1/1', '', '-/1', 'O', '1', 'URL specifying the location of the referenced instance(s).', ''),
    ),
    'CC.2.5-2d': (
    AttributeRow('', 'attribute', 0, 0x00400031, 'Local Namespace Entity ID', '1C/1', 'not allowed', '', '-/1', '*', '1C', 'Creation required if Universal Entity ID (0040,0032) is not present; may be present otherwise. Return Key required if set.', ''),
    AttributeRow('', 'attribute', 0, 0x00400032, 'Universal Entity ID', '1C/1', 'not allowed', '', '-/1', '*', '1C', 'Creation required if Local Namespace Entity ID (0040,0031) is not present; may be present otherwise. Return Key required if set.', ''),
    AttributeRow('', 'attribute', 0, 0x00400033, 'Universal Entity ID Type', '1C/1', 'not allowed', '', '-/1', '*', '1C', 'Creation required if Universal Entity ID (0040,0032) is present. Return Key required if set.', ''),
    ),
    'CC.2.5-2e': (
    AttributeRow('', 'attribute', 0, 0x00100021, 'Issuer of Patient ID', '2/2', 'not allowed', 'O', '3/2', 'R', '2', '', ''),
    AttributeRow('', 'attribute', 0, 0x00100024, 'Issuer of Patient ID Qualifiers Sequence', '2/2', 'not allowed', 'O', '3/2', 'O', '2', '', ''),
    AttributeRow('', 'attribute', 1, 0x00400032, 'Universal Entity ID', '2/2', 'not allowed', 'O', '3/2', 'O', '2', '', ''),
    AttributeRow('', 'attribute', 1, 0x00400033, 'Universal Entity ID Type', '1C/1', 'not allowed', 'O', '3/2', 'O', '1C', 'Required if Universal Entity ID (0040,0032) is present in this item with a value.', ''),
    AttributeRow('', 'attribute', 1, 0x00400035, 'Identifier Type Code', '2/2', 'not allowed', 'O', '3/2', 'O', '2', '', ''),
    AttributeRow('', 'attribute', 1, 0x00400036, 'Assigning Facility Sequence', '2/2', 'not allowed', 'O', '3/2', 'O', '2', 'The Attributes of the Assigning Facility Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('', 'include', 2, 0x00000000, 'Include Table CC.2.5-2d', '', '', '', '', '', '', '', 'CC.2.5-2d'),
    AttributeRow('', 'attribute', 1, 0x00400039, 'Assigning Jurisdiction Code Sequence', '2/2', 'not allowed', 'O', '3/2', 'O', '2', 'The Attributes of the Assigning Jurisdiction Code Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    AttributeRow('', 'attribute', 1, 0x0040003A, 'Assigning Agency or Department Code Sequence', '2/2', 'not allowed', 'O', '3/2', 'O', '2', 'The Attributes of the Assigning Agency or Department Code Sequence shall only be retrieved with Sequence Matching.', ''),
    AttributeRow('', 'include', 2, 0x00000000, 'Include Table CC.2.5-2a', '', '', '', '', '', '', '', 'CC.2.5-2a'),
    ),
    'CC.2.5-2f': (
    AttributeRow('', 'attribute', 0, 0x00081150, 'Referenced SOP Class UID', '1/1', '1/1', '', '-/1', '*', '1', '', ''),
    AttributeRow('', 'attribute', 0, 0x00081155, 'Referenced SOP Instance UID', '1/1', '1/1', '', '-/1', '*', '1', '', ''),
    ),
    'CC.2.5-2g': (
    AttributeRow('', 'attribute', 0, 0x00081150, 'Referenced SOP Class UID', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if the storage request only applies to a specific SOP Class.', ''),
    AttributeRow('', 'attribute', 0, 0x00404071, 'DICOM Storage Sequence', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if STOW-RS Storage Sequence (0040,4072) and XDS Storage Sequence (0040,4074) are not present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 1, 0x00404071, 'Destination AE', '1/1', '1/1', '', '-/1', '*', '1', '', ''),
    AttributeRow('', 'attribute', 0, 0x00404072, 'STOW-RS Storage Sequence', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if DICOM Storage Sequence (0040,4071) and XDS Storage Sequence (0040,4074) are not present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 1, 0x00404073, 'Storage URL', '1/1', '1/1', '', '-/1', '*', '1', '', ''),
    AttributeRow('', 'attribute', 0, 0x00404074, 'XDS Storage Sequence', '1C/1', '1C/1', '', '-/1', 'O', '1C', 'Required if DICOM Storage Sequence (0040,4071) and STOW-RS Storage Sequence (0040,4072) are not present. May be present otherwise.', ''),
    AttributeRow('', 'attribute', 1, 0x0040E030, 'Repository Unique ID', '1/1', '1/1', '', '-/1', '*', '1', '', ''),
    AttributeRow('', 'attribute', 1, 0x0040E031, 'Home Community ID', '3/2', '3/2', '', '3/2', '*', '2', '', ''),
    ),
}
