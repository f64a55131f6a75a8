"""Errors of the Query/Retrieve SCU (PS3.4 Annex C): a failure status a peer answered, an
identifier that cannot be read, a query that timed out, a context the peer did not accept.

Every error derives from :class:`~dicomkit.net.errors.NetworkError` (so from
:class:`dicomkit.DicomError`) and carries the peer, the operation, and for a status its code,
its meaning in the service's generated status table (PS3.4 Tables C.4-1, C.4-2, C.4-3) and the
peer's Error Comment (0000,0902) and Offending Element (0000,0901).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dicomkit.net.dimse import status_text
from dicomkit.net.errors import NetworkError, NetworkTimeout

if TYPE_CHECKING:
    from dicomkit.net.services.qr.retrieve import RetrieveResult

__all__ = ["IdentifierError", "NoContextError", "QueryFailed", "QueryRetrieveError",
           "QueryTimeout", "RetrieveFailed"]


class QueryRetrieveError(NetworkError):
    """A Query/Retrieve operation that did not complete as asked.

    Attributes
    ----------
    operation
        ``"C-FIND"``, ``"C-MOVE"`` or ``"C-GET"``.
    status
        The Status (0000,0900) the peer answered, or None when no status is concerned.
    comment
        The peer's Error Comment (0000,0902), ``""`` when none.
    offending_elements
        The tags of the peer's Offending Element (0000,0901).
    """

    def __init__(self, message: str, *, operation: str, status: int | None = None,
                 comment: str = "", offending_elements: tuple[int, ...] = (),
                 peer: tuple[str, int] | None = None) -> None:
        self.operation = operation
        self.status = status
        self.comment = comment
        self.offending_elements = offending_elements
        parts = [f"{operation}: {message}"]
        if status is not None:
            parts.append(f"status {status_text(status, operation)}")
        if comment:
            parts.append(f"error comment {comment!r}")
        if offending_elements:
            parts.append("offending element " + ", ".join(
                f"({t >> 16:04X},{t & 0xFFFF:04X})" for t in offending_elements))
        super().__init__("; ".join(parts), peer=peer)


class QueryFailed(QueryRetrieveError):
    """The peer answered a C-FIND with a failure status (PS3.4 C.4.1.1.4, Table C.4-1), or
    cancelled a query we did not cancel."""


class RetrieveFailed(QueryRetrieveError):
    """The peer answered a C-MOVE or C-GET with a failure status (PS3.4 Tables C.4-2, C.4-3);
    ``result`` holds the sub-operation counts and the Failed SOP Instance UID List."""

    def __init__(self, message: str, *, operation: str, result: RetrieveResult,
                 peer: tuple[str, int] | None = None) -> None:
        self.result = result
        super().__init__(message, operation=operation, status=result.status,
                         comment=result.comment, offending_elements=result.offending_elements,
                         peer=peer)


class IdentifierError(QueryRetrieveError):
    """A response whose identifier is missing or cannot be decoded (PS3.4 C.4.1.1.3.2: a
    pending C-FIND response carries one).  ``offset`` is where decoding failed, -1 unknown."""

    def __init__(self, message: str, *, operation: str, status: int | None = None,
                 offset: int = -1, peer: tuple[str, int] | None = None) -> None:
        self.offset = offset
        super().__init__(message, operation=operation, status=status, peer=peer)


class NoContextError(QueryRetrieveError):
    """The association has no accepted presentation context for the SOP class the operation
    needs: propose it (see :mod:`dicomkit.net.services.qr.negotiation`)."""


class QueryTimeout(NetworkTimeout):
    """An operation did not end within its time limit; a C-CANCEL was sent (PS3.7 9.3.2.3) and
    ``received`` responses had arrived."""

    def __init__(self, message: str, *, operation: str, received: int,
                 peer: tuple[str, int] | None = None) -> None:
        self.operation = operation
        self.received = received
        super().__init__(f"{operation}: {message}", peer=peer)
