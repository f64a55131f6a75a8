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
from enum import IntEnum
from typing import Final, NamedTuple

SCHEDULED: Final[str]
IN_PROGRESS: Final[str]
CANCELED: Final[str]
COMPLETED: Final[str]
STATES: Final[tuple[str, ...]]

class Operation:
    N_CREATE: Final[str]
    CHANGE_STATE: Final[str]
    REQUEST_CANCEL: Final[str]

class Transition(NamedTuple):
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

TRANSITIONS: Final[tuple[Transition, ...]]

def transition(operation: str, requested: str, transaction: bool | None,
               state: str) -> Transition: ...

class SopClass(NamedTuple):
    name: str
    keyword: str
    uid: str
    table: str
    services: tuple[tuple[str, str], ...]

SOP_CLASSES: Final[dict[str, SopClass]]
SERVICE_SOP_CLASSES: Final[dict[str, tuple[str, ...]]]
ACTION_SOP_CLASSES: Final[dict[int, tuple[str, ...]]]
WELL_KNOWN: Final[dict[str, str]]

NOT_SUBSCRIBED: Final[str]
SUBSCRIBED_WITH_LOCK: Final[str]
SUBSCRIBED_W_O_LOCK: Final[str]
SUBSCRIPTION_STATES: Final[tuple[str, ...]]
GLOBAL_SUBSCRIPTION_WITH_LOCK: Final[str]
GLOBAL_SUBSCRIPTION_W_O_LOCK: Final[str]
NO_GLOBAL_SUBSCRIPTION: Final[str]
GLOBAL_STATES: Final[tuple[str, ...]]

class SubscriptionEvent:
    UPS_CREATED_WITHOUT_GLOBAL_SUBSCRIPTION: Final[str]
    UPS_CREATED_WITH_GLOBAL_SUBSCRIPTION_WITH_LOCK: Final[str]
    UPS_CREATED_WITH_GLOBAL_SUBSCRIPTION_WITHOUT_LOCK: Final[str]
    AE_SUBSCRIBES_GLOBALLY_WITH_LOCK: Final[str]
    AE_SUBSCRIBES_GLOBALLY_W_O_LOCK: Final[str]
    AE_SUBSCRIBES_TO_SPECIFIC_UPS_WITH_LOCK: Final[str]
    AE_SUBSCRIBES_TO_SPECIFIC_UPS_WITHOUT_LOCK: Final[str]
    AE_UNSUBSCRIBES_FROM_SPECIFIC_UPS: Final[str]
    AE_UNSUBSCRIBES_GLOBALLY: Final[str]
    AE_SUSPENDS_GLOBAL_SUBSCRIPTION: Final[str]

class SubscriptionCell(NamedTuple):
    event: str
    state: str
    applicable: bool
    global_state: str
    result: str
    every: bool
    initial_event: bool

SUBSCRIPTION_TRANSITIONS: Final[dict[tuple[str, str], SubscriptionCell]]
CREATION_EVENTS: Final[dict[str, str]]

class UpsAction(IntEnum):
    CHANGE_UPS_STATE = 1
    REQUEST_UPS_CANCEL = 2
    SUBSCRIBE_TO_RECEIVE_UPS_EVENT_REPORTS = 3
    UNSUBSCRIBE_FROM_RECEIVING_UPS_EVENT_REPORTS = 4
    SUSPEND_GLOBAL_SUBSCRIPTION = 5

class UpsEvent(IntEnum):
    UPS_STATE_REPORT = 1
    UPS_CANCEL_REQUESTED = 2
    UPS_PROGRESS_REPORT = 3
    SCP_STATUS_CHANGE = 4
    UPS_ASSIGNED = 5

class TypeAttribute(NamedTuple):
    depth: int
    tag: int
    name: str
    requirement: str
    table: str

ACTION_INFORMATION: Final[dict[int, tuple[TypeAttribute, ...]]]
EVENT_INFORMATION: Final[dict[int, tuple[TypeAttribute, ...]]]

class UpsStatus(IntEnum):
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
    table: str
    service: str
    category: str
    meaning: str
    code: str

STATUSES: Final[tuple[UpsStatusRow, ...]]

class FinalStateCode(NamedTuple):
    code: str
    forbids: tuple[str, ...]
    conditional: bool
    meaning: str

FINAL_STATE_CODES: Final[dict[str, FinalStateCode]]

class AttributeRow(NamedTuple):
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

ATTRIBUTES: Final[tuple[AttributeRow, ...]]
MACROS: Final[dict[str, tuple[AttributeRow, ...]]]
