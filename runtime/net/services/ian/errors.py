"""Errors of Instance Availability Notification (PS3.4 Annex R): a notification the SCP refused,
one that cannot be built or read.

Every error derives from :class:`~dicomkit.net.errors.NetworkError` (so from
:class:`dicomkit.DicomError`) and carries the peer and the SOP Instance UID concerned.
"""

from __future__ import annotations

from dicomkit.net.dimse import status_text
from dicomkit.net.errors import NetworkError

__all__ = ["IanError", "IanRefused"]


class IanError(NetworkError):
    """An Instance Availability Notification that did not go as asked.

    Attributes
    ----------
    instance_uid
        The notification's SOP Instance UID, ``""`` when none was made yet.
    """

    def __init__(self, message: str, *, instance_uid: str = "",
                 peer: tuple[str, int] | None = None) -> None:
        self.instance_uid = instance_uid
        where = f" {instance_uid}" if instance_uid else ""
        super().__init__(f"instance availability notification{where}: {message}", peer=peer)


class IanRefused(IanError):
    """The SCP answered the N-CREATE with a failure (PS3.4 R.3.2.1.3): ``status``, its Error
    Comment and the Attribute Identifier List (0000,1005) it named."""

    def __init__(self, status: int, *, comment: str = "", attributes: tuple[int, ...] = (),
                 instance_uid: str = "", peer: tuple[str, int] | None = None) -> None:
        self.status = status
        self.comment = comment
        self.attributes = attributes
        text = f"the N-CREATE was answered {status_text(status, 'N-CREATE')}"
        if comment:
            text += f", error comment {comment!r}"
        super().__init__(text, instance_uid=instance_uid, peer=peer)
