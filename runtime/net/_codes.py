"""The PS3.8 codes the network layer writes and reads, in one place.

Every value is looked up in :data:`dicomkit.generated.pdus.FIELD_VALUES` (PS3.8 Table 9-18,
9-21, 9-26; PS3.7 Table D.3-14) by the meaning the generated table gives it; nothing is typed
by hand.  The generator is to emit these as enumerations (``RejectResult``, ``AbortReason``
...); when it does, this module becomes a re-export of them and no caller changes.
"""

from __future__ import annotations

from typing import Final

from dicomkit.generated.pdus import FIELD_VALUES

__all__ = [
    "ABORT_REASON_NOT_SPECIFIED", "ABORT_SERVICE_PROVIDER", "ABORT_SERVICE_USER",
    "ABORT_UNEXPECTED_PDU", "ABORT_UNEXPECTED_PDU_PARAMETER", "ABORT_UNRECOGNIZED_PDU",
    "ABORT_INVALID_PDU_PARAMETER", "CONTEXT_ABSTRACT_SYNTAX_NOT_SUPPORTED", "CONTEXT_ACCEPTED",
    "CONTEXT_TRANSFER_SYNTAXES_NOT_SUPPORTED", "CONTEXT_USER_REJECTION", "RJ_ACSE",
    "RJ_APPLICATION_CONTEXT", "RJ_CALLED_AE", "RJ_CALLING_AE", "RJ_LOCAL_LIMIT",
    "RJ_NO_REASON", "RJ_PERMANENT", "RJ_PRESENTATION", "RJ_PROTOCOL_VERSION", "RJ_SERVICE_USER",
    "RJ_TRANSIENT", "identity_type",
]


def _value(key: tuple[str, str, int], meaning: str) -> int:
    """The code whose meaning in the generated table starts with ``meaning``."""
    return next(v for v, m in FIELD_VALUES[key].items() if m.startswith(meaning))


_RJ_RESULT = ("ASSOCIATE-RJ", "Result", 0)
_RJ_SOURCE = ("ASSOCIATE-RJ", "Source", 0)

#: A-ASSOCIATE-RJ Result (PS3.8 Table 9-21).
RJ_PERMANENT: Final = _value(_RJ_RESULT, "rejected-permanent")
RJ_TRANSIENT: Final = _value(_RJ_RESULT, "rejected-transient")
#: A-ASSOCIATE-RJ Source (PS3.8 Table 9-21).
RJ_SERVICE_USER: Final = _value(_RJ_SOURCE, "DICOM UL service-user")
RJ_ACSE: Final = _value(_RJ_SOURCE, "DICOM UL service-provider (ACSE")
RJ_PRESENTATION: Final = _value(_RJ_SOURCE, "DICOM UL service-provider (Presentation")
#: A-ASSOCIATE-RJ Reason/Diag. by source (PS3.8 Table 9-21).
RJ_NO_REASON: Final = _value(("ASSOCIATE-RJ", "Reason/Diag.", RJ_SERVICE_USER), "no-reason")
RJ_APPLICATION_CONTEXT: Final = _value(("ASSOCIATE-RJ", "Reason/Diag.", RJ_SERVICE_USER),
                                       "application-context-name-not-supported")
RJ_CALLING_AE: Final = _value(("ASSOCIATE-RJ", "Reason/Diag.", RJ_SERVICE_USER),
                              "calling-AE-title-not-recognized")
RJ_CALLED_AE: Final = _value(("ASSOCIATE-RJ", "Reason/Diag.", RJ_SERVICE_USER),
                             "called-AE-title-not-recognized")
RJ_ACSE_NO_REASON: Final = _value(("ASSOCIATE-RJ", "Reason/Diag.", RJ_ACSE), "no-reason")
RJ_PROTOCOL_VERSION: Final = _value(("ASSOCIATE-RJ", "Reason/Diag.", RJ_ACSE),
                                    "protocol-version-not-supported")
RJ_CONGESTION: Final = _value(("ASSOCIATE-RJ", "Reason/Diag.", RJ_PRESENTATION),
                              "temporary-congestion")
RJ_LOCAL_LIMIT: Final = _value(("ASSOCIATE-RJ", "Reason/Diag.", RJ_PRESENTATION),
                               "local-limit-exceeded")

_AB_SOURCE = ("A-ABORT", "Source", 0)
_AB_REASON = ("A-ABORT", "Reason/Diag.", 2)
#: A-ABORT Source (PS3.8 Table 9-26).
ABORT_SERVICE_USER: Final = _value(_AB_SOURCE, "DICOM UL service-user")
ABORT_SERVICE_PROVIDER: Final = _value(_AB_SOURCE, "DICOM UL service-provider")
#: A-ABORT Reason/Diag. (PS3.8 Table 9-26).
ABORT_REASON_NOT_SPECIFIED: Final = _value(_AB_REASON, "reason-not-specified")
ABORT_UNRECOGNIZED_PDU: Final = _value(_AB_REASON, "unrecognized-PDU")
ABORT_UNEXPECTED_PDU: Final = _value(_AB_REASON, "unexpected-PDU")
ABORT_UNRECOGNIZED_PDU_PARAMETER: Final = _value(_AB_REASON, "unrecognized-PDU parameter")
ABORT_UNEXPECTED_PDU_PARAMETER: Final = _value(_AB_REASON, "unexpected-PDU parameter")
ABORT_INVALID_PDU_PARAMETER: Final = _value(_AB_REASON, "invalid-PDU-parameter")

_PC = ("Presentation Context", "Result/Reason", 0)
#: Presentation context Result/Reason (PS3.8 Table 9-18).
CONTEXT_ACCEPTED: Final = _value(_PC, "acceptance")
CONTEXT_USER_REJECTION: Final = _value(_PC, "user-rejection")
CONTEXT_ABSTRACT_SYNTAX_NOT_SUPPORTED: Final = _value(_PC, "abstract-syntax-not-supported")
CONTEXT_TRANSFER_SYNTAXES_NOT_SUPPORTED: Final = _value(_PC, "transfer-syntaxes-not-supported")

_IDENTITY = ("User Identity Negotiation", "User-Identity-Type", 0)


def identity_type(meaning: str) -> int:
    """User-Identity-Type (PS3.7 Table D.3-14) whose meaning starts with ``meaning``."""
    return _value(_IDENTITY, meaning)
