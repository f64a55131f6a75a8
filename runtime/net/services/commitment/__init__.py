"""Storage Commitment Push Model (PS3.4 Annex J) as SCU and SCP.

* :class:`CommitmentSCP` - answers N-ACTION-RQ Request Storage Commitment, checks each
  reference (:class:`ArchiveChecker` over an archive, or any checker callable) and reports
  with N-EVENT-REPORT-RQ on the same association or a new one.
* :func:`request_commitment` - the SCU: N-ACTION, then the report waited for with a timeout;
  :class:`CommitmentListener` takes reports arriving on new associations.
"""

from dicomkit.net.services.commitment.datasets import CommitmentResult, Reference
from dicomkit.net.services.commitment.errors import (
    CommitmentError,
    CommitmentRefused,
    CommitmentTimeout,
)
from dicomkit.net.services.commitment.reasons import (
    CLASS_INSTANCE_CONFLICT,
    DUPLICATE_TRANSACTION_UID,
    NO_SUCH_OBJECT_INSTANCE,
    PROCESSING_FAILURE,
    REFERENCED_SOP_CLASS_NOT_SUPPORTED,
    RESOURCE_LIMITATION,
    ArchiveChecker,
    Checker,
    FailureReason,
)
from dicomkit.net.services.commitment.scp import CommitmentSCP
from dicomkit.net.services.commitment.scu import CommitmentListener, request_commitment

__all__ = ["CLASS_INSTANCE_CONFLICT", "DUPLICATE_TRANSACTION_UID", "NO_SUCH_OBJECT_INSTANCE",
           "PROCESSING_FAILURE", "REFERENCED_SOP_CLASS_NOT_SUPPORTED", "RESOURCE_LIMITATION",
           "ArchiveChecker", "Checker", "FailureReason",
           "CommitmentError", "CommitmentListener", "CommitmentRefused", "CommitmentResult",
           "CommitmentSCP", "CommitmentTimeout", "Reference", "request_commitment"]
