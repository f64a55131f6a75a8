"""Errors of the Unified Procedure Step service over DIMSE (PS3.4 Annex CC).

Every error derives from :class:`~dicomkit.net.errors.NetworkError` (so from
:class:`dicomkit.DicomError`) and carries the peer, and the workitem concerned.
"""

from __future__ import annotations

from dicomkit.net.dimse import status_text
from dicomkit.net.errors import NetworkError, NetworkTimeout

__all__ = ["UpsError", "UpsRefused", "UpsTimeout"]


class UpsError(NetworkError):
    """A UPS operation that did not go as asked (PS3.4 CC.2).

    Attributes
    ----------
    uid
        The UPS SOP Instance UID concerned (``""`` when none).
    """

    def __init__(self, message: str, *, uid: str = "",
                 peer: tuple[str, int] | None = None) -> None:
        self.uid = uid
        where = f" {uid}" if uid else ""
        super().__init__(f"UPS{where}: {message}", peer=peer)


class UpsRefused(UpsError):
    """The SCP answered with a failure (PS3.4 CC.2.x.4 status tables): see ``status`` (a
    :class:`~dicomkit.generated.ups.UpsStatus` or PS3.7 code), ``comment`` (Error Comment) and
    ``offending`` (Offending Element)."""

    def __init__(self, operation: str, status: int, *, comment: str = "",
                 offending: tuple[int, ...] = (), uid: str = "",
                 peer: tuple[str, int] | None = None) -> None:
        self.operation = operation
        self.status = status
        self.comment = comment
        self.offending = offending
        text = f"{operation} answered {status_text(status, operation.split(' ')[0])}"
        if comment:
            text += f", error comment {comment!r}"
        super().__init__(text, uid=uid, peer=peer)


class UpsTimeout(UpsError, NetworkTimeout):
    """No event came within the time given (:meth:`UpsEventListener.wait`)."""
