"""Data sets of UPS messages (PS3.4 CC.2): encoded in the context's transfer syntax, decoded
strictly, and the Action Information of each N-ACTION (PS3.4 Tables CC.2.1-1, CC.2.2-1,
CC.2.3-1)."""

from __future__ import annotations

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.io.reader import read_bytes
from dicomkit.io.writer import encode_dataset, encode_file_meta
from dicomkit.net.services.ups.errors import UpsError

__all__ = ["change_state_info", "decode", "encode", "subscribe_info", "text"]

_HEADS: dict[str, bytes] = {}


def encode(ds: Dataset, transfer_syntax: str) -> bytes:
    """``ds`` encoded in its context's transfer syntax."""
    return encode_dataset(ds, transfer_syntax)


def decode(data: bytes, transfer_syntax: str, *, peer: tuple[str, int] | None = None,
           uid: str = "") -> Dataset:
    """A received data set decoded strictly (an empty one for no bytes).

    Raises
    ------
    UpsError
        For bytes that are not a whole data set.
    """
    if not data:
        return Dataset()
    head = _HEADS.get(transfer_syntax)
    try:
        if head is None:
            meta = Dataset()
            meta.add_new(tags.MediaStorageSOPClassUID, "UI", uids.UnifiedProcedureStepPush)
            meta.add_new(tags.MediaStorageSOPInstanceUID, "UI", "1.2")
            head = _HEADS[transfer_syntax] = encode_file_meta(meta, transfer_syntax)
        return read_bytes(head + data, strict=True)
    except DicomError as exc:
        raise UpsError(f"malformed data set ({len(data)} bytes): {exc}", uid=uid,
                       peer=peer) from None


def text(ds: Dataset, tag: int) -> str:
    """The value of ``tag`` as text, ``""`` when absent or empty."""
    elem = ds.get(tag)
    if elem is None or elem.value is None:
        return ""
    return str(elem.value).strip("\0 ")


def change_state_info(state: str, transaction_uid: str) -> Dataset:
    """Action Information of Change UPS State (PS3.4 Table CC.2.1-1)."""
    ds = Dataset()
    ds.ProcedureStepState = state
    ds.TransactionUID = transaction_uid
    return ds


def subscribe_info(receiving_ae: str, deletion_lock: bool | None,
                   keys: Dataset | None = None) -> Dataset:
    """Action Information of Subscribe (Deletion Lock given) or Unsubscribe / Suspend
    (``None``), PS3.4 Table CC.2.3-1; ``keys`` the matching keys of a filtered global
    subscription."""
    ds = keys.copy() if keys is not None else Dataset()
    ds.ReceivingAE = receiving_ae
    if deletion_lock is not None:
        ds.DeletionLock = "TRUE" if deletion_lock else "FALSE"
    return ds
