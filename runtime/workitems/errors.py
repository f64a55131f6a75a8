"""Errors of the workitem store and state machine (PS3.4 Annex CC).

Every error derives from :class:`WorkitemError`, a :class:`dicomkit.errors.DicomError`, and
carries the status the standard names for the refusal (PS3.4 CC.2: a generated
:class:`~dicomkit.generated.ups.UpsStatus` or a PS3.7 Annex C code), the workitem's SOP
Instance UID and the tags at fault, so that a transport answers with them: DIMSE as the
response's Status, Error Comment and Offending Element, UPS-RS as its HTTP status.
"""

from __future__ import annotations

from dicomkit.errors import DicomError

__all__ = ["WorkitemError", "WorkitemStoreError"]


class WorkitemError(DicomError):
    """A workitem operation refused (PS3.4 CC.2).

    Attributes
    ----------
    status
        The response status the standard names for this refusal.
    uid
        The workitem's SOP Instance UID (``""`` when none).
    offending
        Tags of the attributes at fault.
    reason
        The message without the UID.
    """

    def __init__(self, status: int, message: str, *, uid: str = "",
                 offending: tuple[int, ...] = ()) -> None:
        self.status = int(status)
        self.uid = uid
        self.offending = tuple(offending)
        self.reason = message
        where = f"workitem {uid}: " if uid else ""
        super().__init__(f"{where}{message} (status 0x{self.status:04X})")


class WorkitemStoreError(DicomError):
    """The workitem store cannot be used: its database cannot be opened or written (see
    ``url``), or a stored workitem cannot be read back; check the database file and its
    permissions."""

    def __init__(self, message: str, *, url: str = "", uid: str = "") -> None:
        self.url = url
        self.uid = uid
        where = [w for w in (url, f"workitem {uid}" if uid else "") if w]
        super().__init__(": ".join([*where, message]))
