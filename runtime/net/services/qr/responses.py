"""Reading Query/Retrieve responses: identifiers, statuses and their fields (PS3.4 C.4).

A response's status is read with the generated tables: its class (success, pending, cancel,
warning, failure; PS3.7 Annex C) and its meaning for the service (PS3.4 Tables C.4-1, C.4-2,
C.4-3, through :func:`dicomkit.net.dimse.status_meaning`).
"""

from __future__ import annotations

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.io.reader import read_bytes
from dicomkit.net.dimse import DimseError, classify_status, status_meaning
from dicomkit.net.dimse_provider import Response
from dicomkit.net.services.qr.errors import IdentifierError
from dicomkit.net.services.storage.filemeta import encode_head

__all__ = ["category", "comment_of", "decode_identifier", "meaning", "offending_of"]

_HEADS: dict[tuple[str, str], bytes] = {}


def decode_identifier(data: bytes, transfer_syntax: str, sop_class: str, *, operation: str,
                      status: int | None = None,
                      peer: tuple[str, int] | None = None) -> Dataset:
    """The identifier of a response, decoded strictly in its context's transfer syntax.

    Raises
    ------
    IdentifierError
        For bytes that are not a whole data set (a length past the end, a broken sequence...).
    """
    key = (sop_class, transfer_syntax)
    head = _HEADS.get(key)
    if head is None:
        try:
            head = _HEADS[key] = encode_head(sop_class, "", transfer_syntax)
        except DicomError as exc:
            raise IdentifierError(f"cannot read identifiers in transfer syntax "
                                  f"{transfer_syntax}: {exc}", operation=operation,
                                  status=status, peer=peer) from None
    try:
        ds = read_bytes(head + data, strict=True)
    except DicomError as exc:
        offset = getattr(exc, "offset", -1)
        where = offset - len(head) if isinstance(offset, int) and offset >= len(head) else -1
        raise IdentifierError(f"malformed identifier ({len(data)} bytes): {exc}",
                              operation=operation, status=status, offset=where,
                              peer=peer) from None
    except (ValueError, TypeError, LookupError, OverflowError) as exc:  # a decoder gap
        raise IdentifierError(f"malformed identifier ({len(data)} bytes): "
                              f"{type(exc).__name__}: {exc}", operation=operation,
                              status=status, peer=peer) from None
    ds.file_meta = None
    return ds


def category(response: Response) -> str:
    """success, pending, cancel, warning or failure of a response's status (PS3.7 Annex C); a
    code outside every class ("Implementations shall not use Status Codes with values not
    listed") counts as a failure."""
    try:
        return classify_status(response.status)
    except DimseError:
        return "failure"


def meaning(status: int, operation: str) -> str:
    """What ``status`` means for ``operation`` (PS3.4 tables), ``""`` when unnamed."""
    return status_meaning(status, operation) or ""


def comment_of(response: Response) -> str:
    """Error Comment (0000,0902) of a response, ``""`` without one."""
    value = response.message.get("ErrorComment")
    return "" if value is None else str(value).strip()


def offending_of(response: Response) -> tuple[int, ...]:
    """Offending Element (0000,0901) of a response, as tags."""
    value = response.message.get("OffendingElement")
    if value is None or value == "":
        return ()
    values = value if isinstance(value, list) else [value]
    return tuple(int(v) for v in values)
