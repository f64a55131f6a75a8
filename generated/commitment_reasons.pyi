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
from enum import IntEnum
from typing import Final

class FailureReason(IntEnum):
    PROCESSING_FAILURE = 0x0110
    NO_SUCH_OBJECT_INSTANCE = 0x0112
    RESOURCE_LIMITATION = 0x0213
    REFERENCED_SOP_CLASS_NOT_SUPPORTED = 0x0122
    CLASS_INSTANCE_CONFLICT = 0x0119
    DUPLICATE_TRANSACTION_UID = 0x0131

FAILURE_REASON_TEXT: Final[dict[FailureReason, tuple[str, str]]]

class CommitmentAction(IntEnum):
    REQUEST_STORAGE_COMMITMENT = 1

class CommitmentEvent(IntEnum):
    SUCCESSFUL = 1
    COMPLETE_FAILURES_EXIST = 2

class NActionStatus(IntEnum):
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

ACTION_STATUS_TEXT: Final[dict[NActionStatus, tuple[str, str, str, str]]]

class NEventReportStatus(IntEnum):
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

EVENT_STATUS_TEXT: Final[dict[NEventReportStatus, tuple[str, str, str, str]]]
