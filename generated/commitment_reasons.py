"""dicomkit.generated.commitment_reasons: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.3 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part03/
    sha256 bff7a8d0249c558b5f7dd741c65bbf49cc7bda604fbec28da08ecf5b923e9837
    Section C.14.1.1
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Table J.3-1, Table J.3-2
  PS3.7 2024c (docbook) https://dicom.nema.org/medical/dicom/2024c/source/docbook/part07/part07.xml
    sha256 0484a1c8ab37d1c65ea38175bb7e07dadf65fb42b6552ac02b40838c4f9653fb
    Section 9.1, Section 10.1, Section C, Table E.1-1, Table E.2-1
"""
# 6 Failure Reasons, 1 Action Type(s), 2 Event Types, 14 N-ACTION and 13 N-EVENT-REPORT statuses.

from __future__ import annotations

from enum import IntEnum
from typing import Final

__all__ = ["ACTION_STATUS_TEXT", "EVENT_STATUS_TEXT", "FAILURE_REASON_TEXT",
           "CommitmentAction", "CommitmentEvent", "FailureReason", "NActionStatus",
           "NEventReportStatus"]


class FailureReason(IntEnum):
    """Failure Reason (0008,1197) of a Failed SOP Sequence item (PS3.3 C.14.1.1)."""

    PROCESSING_FAILURE = 0x0110
    NO_SUCH_OBJECT_INSTANCE = 0x0112
    RESOURCE_LIMITATION = 0x0213
    REFERENCED_SOP_CLASS_NOT_SUPPORTED = 0x0122
    CLASS_INSTANCE_CONFLICT = 0x0119
    DUPLICATE_TRANSACTION_UID = 0x0131


#: Failure Reason -> (meaning, description) as PS3.3 C.14.1.1 words them.
FAILURE_REASON_TEXT: Final[dict[FailureReason, tuple[str, str]]] = {
    FailureReason.PROCESSING_FAILURE: ('Processing failure', 'A general failure in processing the operation was encountered.'),
    FailureReason.NO_SUCH_OBJECT_INSTANCE: ('No such object instance', 'The specified SOP Instance was not available.'),
    FailureReason.RESOURCE_LIMITATION: ('Resource limitation', 'The SCP does not currently have enough resources to store the requested SOP Instance(s).'),
    FailureReason.REFERENCED_SOP_CLASS_NOT_SUPPORTED: ('Referenced SOP Class not supported', 'The specified SOP Class is not supported by the SCP.'),
    FailureReason.CLASS_INSTANCE_CONFLICT: ('Class/Instance conflict', 'The specified SOP Class of the given SOP Instance did not correspond to the SOP class registered for this SOP Instance at the SCP.'),
    FailureReason.DUPLICATE_TRANSACTION_UID: ('Duplicate transaction UID', 'The Transaction UID of the Storage Commitment Request is already in use.'),
}


class CommitmentAction(IntEnum):
    """N-ACTION Action Type ID of the Storage Commitment Push Model (PS3.4 Table J.3-1)."""

    REQUEST_STORAGE_COMMITMENT = 1


class CommitmentEvent(IntEnum):
    """N-EVENT-REPORT Event Type ID of the Storage Commitment Result (PS3.4 Table J.3-2)."""

    SUCCESSFUL = 1
    COMPLETE_FAILURES_EXIST = 2


class NActionStatus(IntEnum):
    """The N-ACTION statuses with a fixed code (PS3.7 10.1.4.1.10, Annex C); PS3.4 J.3.2.1.4
    defines no Service Class specific ones for Storage Commitment."""

    SUCCESS = 0x0000
    PROCESSING_FAILURE = 0x0110
    NO_SUCH_SOP_INSTANCE = 0x0112
    NO_SUCH_ARGUMENT = 0x0114
    INVALID_ARGUMENT_VALUE = 0x0115
    INVALID_SOP_INSTANCE = 0x0117
    NO_SUCH_SOP_CLASS = 0x0118
    CLASS_INSTANCE_CONFLICT = 0x0119
    NO_SUCH_ACTION_TYPE = 0x0123
    REFUSED_NOT_AUTHORIZED = 0x0124
    DUPLICATE_INVOCATION = 0x0210
    UNRECOGNIZED_OPERATION = 0x0211
    MISTYPED_ARGUMENT = 0x0212
    RESOURCE_LIMITATION = 0x0213


#: N-ACTION status -> (Annex C title, category, what PS3.7 10.1.4.1.10 says it means, section).
ACTION_STATUS_TEXT: Final[dict[NActionStatus, tuple[str, str, str, str]]] = {
    NActionStatus.SUCCESS: ('Success', 'success', 'successful operation.', 'C.1.1'),
    NActionStatus.PROCESSING_FAILURE: ('Processing Failure', 'failure', 'a general failure in processing the operation was encountered.', 'C.5.21'),
    NActionStatus.NO_SUCH_SOP_INSTANCE: ('No such SOP Instance', 'failure', 'the SOP Instance was not recognized.', 'C.5.19'),
    NActionStatus.NO_SUCH_ARGUMENT: ('No such argument', 'failure', 'the action information specified was not supported.', 'C.5.16'),
    NActionStatus.INVALID_ARGUMENT_VALUE: ('Invalid argument value', 'failure', 'the action information value specified was out of range or otherwise inappropriate.', 'C.5.10'),
    NActionStatus.INVALID_SOP_INSTANCE: ('Invalid SOP Instance', 'failure', 'the SOP Instance UID specified implied a violation of the UID construction rules.', 'C.5.12'),
    NActionStatus.NO_SUCH_SOP_CLASS: ('No such SOP Class', 'failure', 'the SOP Class was not recognized.', 'C.5.20'),
    NActionStatus.CLASS_INSTANCE_CONFLICT: ('Class-Instance conflict', 'failure', 'the specified SOP Instance is not a member of the specified SOP Class.', 'C.5.7'),
    NActionStatus.NO_SUCH_ACTION_TYPE: ('No such Action Type', 'failure', 'the action type specified was not supported.', 'C.5.24'),
    NActionStatus.REFUSED_NOT_AUTHORIZED: ('Refused: Not authorized', 'failure', 'the DIMSE Service User was not authorized to invoke the operation.', 'C.5.25'),
    NActionStatus.DUPLICATE_INVOCATION: ('Duplicate invocation', 'failure', 'the Message ID (0000,0110) specified is allocated to another notification or operation.', 'C.5.9'),
    NActionStatus.UNRECOGNIZED_OPERATION: ('Unrecognized operation', 'failure', 'the operation is not one of those agreed between the DIMSE Service Users.', 'C.5.23'),
    NActionStatus.MISTYPED_ARGUMENT: ('Mistyped argument', 'failure', 'one of the parameters supplied has not been agreed for use on the Association between the DIMSE Service Users.', 'C.5.15'),
    NActionStatus.RESOURCE_LIMITATION: ('Resource Limitation', 'failure', 'the operation was not performed due to resource limitation.', 'C.5.22'),
}


class NEventReportStatus(IntEnum):
    """The N-EVENT-REPORT statuses with a fixed code (PS3.7 10.1.1.1.8, Annex C); PS3.4
    J.3.3.1.4 defines no Service Class specific ones for Storage Commitment."""

    SUCCESS = 0x0000
    PROCESSING_FAILURE = 0x0110
    NO_SUCH_SOP_INSTANCE = 0x0112
    NO_SUCH_EVENT_TYPE = 0x0113
    NO_SUCH_ARGUMENT = 0x0114
    INVALID_ARGUMENT_VALUE = 0x0115
    INVALID_SOP_INSTANCE = 0x0117
    NO_SUCH_SOP_CLASS = 0x0118
    CLASS_INSTANCE_CONFLICT = 0x0119
    DUPLICATE_INVOCATION = 0x0210
    UNRECOGNIZED_OPERATION = 0x0211
    MISTYPED_ARGUMENT = 0x0212
    RESOURCE_LIMITATION = 0x0213


#: N-EVENT-REPORT status -> (Annex C title, category, what PS3.7 says it means, section).
EVENT_STATUS_TEXT: Final[dict[NEventReportStatus, tuple[str, str, str, str]]] = {
    NEventReportStatus.SUCCESS: ('Success', 'success', 'successful notification.', 'C.1.1'),
    NEventReportStatus.PROCESSING_FAILURE: ('Processing Failure', 'failure', 'a general failure in processing the operation was encountered.', 'C.5.21'),
    NEventReportStatus.NO_SUCH_SOP_INSTANCE: ('No such SOP Instance', 'failure', 'the SOP Instance was not recognized.', 'C.5.19'),
    NEventReportStatus.NO_SUCH_EVENT_TYPE: ('No such Event Type', 'failure', 'the event type specified was not recognized.', 'C.5.18'),
    NEventReportStatus.NO_SUCH_ARGUMENT: ('No such argument', 'failure', 'the event information specified was not recognized.', 'C.5.16'),
    NEventReportStatus.INVALID_ARGUMENT_VALUE: ('Invalid argument value', 'failure', 'the event information value specified was out of range or otherwise inappropriate.', 'C.5.10'),
    NEventReportStatus.INVALID_SOP_INSTANCE: ('Invalid SOP Instance', 'failure', 'the SOP Instance UID specified implied a violation of the UID construction rules.', 'C.5.12'),
    NEventReportStatus.NO_SUCH_SOP_CLASS: ('No such SOP Class', 'failure', 'the SOP Class was not recognized.', 'C.5.20'),
    NEventReportStatus.CLASS_INSTANCE_CONFLICT: ('Class-Instance conflict', 'failure', 'the specified SOP Instance is not a member of the specified SOP class.', 'C.5.7'),
    NEventReportStatus.DUPLICATE_INVOCATION: ('Duplicate invocation', 'failure', 'the Message ID (0000,0110) specified is allocated to another notification or operation.', 'C.5.9'),
    NEventReportStatus.UNRECOGNIZED_OPERATION: ('Unrecognized operation', 'failure', 'the operation is not one of those agreed between the DIMSE Service Users.', 'C.5.23'),
    NEventReportStatus.MISTYPED_ARGUMENT: ('Mistyped argument', 'failure', 'one of the parameters supplied has not been agreed for use on the Association between the DIMSE Service Users.', 'C.5.15'),
    NEventReportStatus.RESOURCE_LIMITATION: ('Resource Limitation', 'failure', 'the operation was not performed due to resource limitation.', 'C.5.22'),
}
