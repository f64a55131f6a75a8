"""Errors of Modality Performed Procedure Step (PS3.4 F.7): a request the SCP refused, a rule of
F.7.2 a request breaks, a record that cannot be read or written.

Network errors derive from :class:`~dicomkit.net.errors.NetworkError`, the others from
:class:`dicomkit.DicomError`; each carries the SOP Instance UID concerned.
"""

from __future__ import annotations

from pathlib import Path

from dicomkit.errors import DicomError
from dicomkit.net.dimse import status_text
from dicomkit.net.errors import NetworkError

__all__ = ["MppsError", "MppsNoSuchRecord", "MppsRecordExists", "MppsRefused", "MppsRuleError",
           "MppsStoreError"]


def _tags(tags: tuple[int, ...]) -> str:
    return ", ".join(f"({t >> 16:04X},{t & 0xFFFF:04X})" for t in tags)


class MppsError(NetworkError):
    """An MPPS operation that did not go as asked.

    Attributes
    ----------
    instance_uid
        The Modality Performed Procedure Step SOP Instance UID, ``""`` when not known yet.
    """

    def __init__(self, message: str, *, instance_uid: str = "",
                 peer: tuple[str, int] | None = None) -> None:
        self.instance_uid = instance_uid
        where = f" {instance_uid}" if instance_uid else ""
        super().__init__(f"MPPS{where}: {message}", peer=peer)


class MppsRefused(MppsError):
    """The SCP answered an N-CREATE or N-SET with a failure (PS3.4 F.7.2.1.3, F.7.2.2.3):
    ``status``, the peer's Error Comment and Error ID (0000,0903), the Attribute Identifier
    List (0000,1005) it named.  0110H with Error ID A710H: the step is final and may no longer
    be updated (PS3.4 Table F.7.2-2)."""

    def __init__(self, operation: str, status: int, *, comment: str = "",
                 error_id: int | None = None, attributes: tuple[int, ...] = (),
                 instance_uid: str = "", peer: tuple[str, int] | None = None) -> None:
        self.operation = operation
        self.status = status
        self.comment = comment
        self.error_id = error_id
        self.attributes = attributes
        text = f"the {operation} was answered {status_text(status, operation)}"
        if comment:
            text += f", error comment {comment!r}"
        if error_id is not None:
            text += f", error ID 0x{error_id:04X}"
        if attributes:
            text += f", attributes {_tags(attributes)}"
        super().__init__(text, instance_uid=instance_uid, peer=peer)


class MppsRuleError(DicomError):
    """A request that breaks a rule of PS3.4 F.7.2 (checked by the SCP, and by the SCU before
    sending): the status the SCP answers, why, and the attributes at fault.

    Attributes
    ----------
    status
        The PS3.7 Annex C status to answer (0106H, 0110H, 0105H, 0120H, 0121H).
    attributes
        The tags at fault (for the Attribute Identifier List or the Attribute List).
    error_id
        Error ID (0000,0903) for a Processing Failure (PS3.4 Table F.7.2-2), else None.
    """

    def __init__(self, status: int, message: str, *, attributes: tuple[int, ...] = (),
                 error_id: int | None = None) -> None:
        self.status = status
        self.attributes = attributes
        self.error_id = error_id
        self.comment = message
        extra = f" ({_tags(attributes)})" if attributes else ""
        super().__init__(f"{message}{extra}")


class MppsStoreError(DicomError):
    """An MPPS record that cannot be read or written.

    Attributes
    ----------
    path
        The record's file.
    """

    def __init__(self, message: str, *, path: str | Path) -> None:
        self.path = str(path)
        super().__init__(f"MPPS record {self.path}: {message}")


class MppsRecordExists(MppsStoreError):
    """A record of that SOP Instance UID exists already (an N-CREATE answers Duplicate SOP
    Instance, 0111H)."""


class MppsNoSuchRecord(MppsStoreError):
    """No record of that SOP Instance UID (an N-SET answers No such SOP Instance, 0112H)."""
