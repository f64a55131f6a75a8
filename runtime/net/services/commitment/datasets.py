"""The data sets of Storage Commitment Push Model (PS3.4 J.3.2.1.1, J.3.3.1.1): the Action
Information of the N-ACTION-RQ (Transaction UID, Referenced SOP Sequence) and the Event
Information of the N-EVENT-REPORT-RQ (Transaction UID, Referenced SOP Sequence, Failed SOP
Sequence with Failure Reason), built and read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated.commitment_reasons import CommitmentEvent
from dicomkit.io.reader import read_bytes
from dicomkit.io.writer import encode_dataset
from dicomkit.net.services.commitment.errors import CommitmentError
from dicomkit.net.services.storage.filemeta import encode_head

__all__ = ["CommitmentResult", "Reference", "decode", "encode", "read_references",
           "reference_items", "request_data_set", "report_data_set", "read_report"]

#: (Referenced SOP Class UID, Referenced SOP Instance UID)
Reference = tuple[str, str]


@dataclass(frozen=True)
class CommitmentResult:
    """The outcome of one storage commitment transaction (PS3.4 J.3.3).

    Attributes
    ----------
    transaction_uid
        Transaction UID (0008,1195).
    committed
        The references the SCP committed (Referenced SOP Sequence).
    failed
        The references it did not, each with its Failure Reason (0008,1197) (Failed SOP
        Sequence).
    event_type
        :attr:`CommitmentEvent.SUCCESSFUL` (1, all committed) or
        :attr:`CommitmentEvent.COMPLETE_FAILURES_EXIST` (2) (PS3.4 Table J.3-2).
    """

    transaction_uid: str
    committed: tuple[Reference, ...] = ()
    failed: tuple[tuple[str, str, int], ...] = ()
    event_type: int = CommitmentEvent.SUCCESSFUL
    #: Retrieve AE Title (0008,0054) given outside the sequences (PS3.4 J.3.3.1.1.1), or ""
    retrieve_ae_title: str = ""
    peer: tuple[str, int] | None = field(default=None, compare=False)

    @property
    def all_committed(self) -> bool:
        """True when nothing failed."""
        return not self.failed


def reference_items(references: Iterable[Reference]) -> list[Dataset]:
    """Items of a Referenced SOP Sequence (0008,1199)."""
    items = []
    for sop_class, sop_instance in references:
        item = Dataset()
        item.ReferencedSOPClassUID = sop_class
        item.ReferencedSOPInstanceUID = sop_instance
        items.append(item)
    return items


def request_data_set(transaction_uid: str, references: Iterable[Reference]) -> Dataset:
    """The Action Information of Request Storage Commitment (PS3.4 Table J.3-1)."""
    ds = Dataset()
    ds.TransactionUID = transaction_uid
    ds.ReferencedSOPSequence = reference_items(references)
    return ds


def report_data_set(transaction_uid: str, committed: Iterable[Reference],
                    failed: Iterable[tuple[str, str, int]], *,
                    retrieve_ae_title: str = "") -> Dataset:
    """The Event Information of Storage Commitment Request Successful/Complete - Failures
    Exist (PS3.4 Table J.3-3): Referenced SOP Sequence when something was committed, Failed
    SOP Sequence when something failed; Retrieve AE Title, when given, outside the
    sequences (PS3.4 J.3.3.1.1.1: every committed instance is retrievable from it)."""
    ds = Dataset()
    ds.TransactionUID = transaction_uid
    done = reference_items(committed)
    if done:
        ds.ReferencedSOPSequence = done
        if retrieve_ae_title:
            ds.RetrieveAETitle = retrieve_ae_title
    failures = []
    for sop_class, sop_instance, reason in failed:
        item = Dataset()
        item.ReferencedSOPClassUID = sop_class
        item.ReferencedSOPInstanceUID = sop_instance
        item.FailureReason = reason
        failures.append(item)
    if failures:
        ds.FailedSOPSequence = failures
    return ds


_HEADS: dict[str, bytes] = {}


def encode(ds: Dataset, transfer_syntax: str) -> bytes:
    """``ds`` encoded in its context's transfer syntax."""
    return encode_dataset(ds, transfer_syntax)


def decode(data: bytes, transfer_syntax: str, sop_class: str, *,
           peer: tuple[str, int] | None = None) -> Dataset:
    """A data set received in ``transfer_syntax``, decoded strictly.

    Raises
    ------
    CommitmentError
        For bytes that are not a whole data set.
    """
    head = _HEADS.get(transfer_syntax)
    try:
        if head is None:
            head = _HEADS[transfer_syntax] = encode_head(sop_class, "", transfer_syntax)
        return read_bytes(head + data, strict=True)
    except DicomError as exc:
        raise CommitmentError(f"malformed data set ({len(data)} bytes): {exc}",
                              peer=peer) from None


def _uid(item: Dataset, keyword: str) -> str:
    value = item.get(keyword)
    return "" if value is None or value.value is None else str(value.value).strip("\0 ")


def read_references(ds: Dataset, keyword: str = "ReferencedSOPSequence") -> list[Reference]:
    """The (class, instance) pairs of a Referenced SOP Sequence; an item missing either UID
    gives ``""`` for it."""
    elem = ds.get(keyword)
    items = [] if elem is None or elem.value is None else list(elem.value)
    return [(_uid(i, "ReferencedSOPClassUID"), _uid(i, "ReferencedSOPInstanceUID"))
            for i in items]


def read_report(ds: Dataset, event_type: int, *,
                peer: tuple[str, int] | None = None) -> CommitmentResult:
    """The :class:`CommitmentResult` of an N-EVENT-REPORT's Event Information."""
    failed = []
    elem = ds.get("FailedSOPSequence")
    for item in [] if elem is None or elem.value is None else list(elem.value):
        reason = item.get("FailureReason")
        code = int(reason.value) if reason is not None and reason.value is not None else 0
        failed.append((_uid(item, "ReferencedSOPClassUID"),
                       _uid(item, "ReferencedSOPInstanceUID"), code))
    return CommitmentResult(_uid(ds, "TransactionUID"), tuple(read_references(ds)),
                            tuple(failed), event_type, _uid(ds, "RetrieveAETitle"), peer)
