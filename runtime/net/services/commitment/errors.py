"""Errors of Storage Commitment (PS3.4 Annex J): a request the SCP refused, a report that did
not come in time, a report that cannot be read.

Every error derives from :class:`~dicomkit.net.errors.NetworkError` (so from
:class:`dicomkit.DicomError`) and carries the peer and the Transaction UID concerned.
"""

from __future__ import annotations

from dicomkit.net.dimse import status_text
from dicomkit.net.errors import NetworkError, NetworkTimeout

__all__ = ["CommitmentError", "CommitmentRefused", "CommitmentTimeout"]


class CommitmentError(NetworkError):
    """A storage commitment that did not go as asked (PS3.4 J.3).

    Attributes
    ----------
    transaction_uid
        The Transaction UID (0008,1195) of the request, ``""`` when none was made yet.
    """

    def __init__(self, message: str, *, transaction_uid: str = "",
                 peer: tuple[str, int] | None = None) -> None:
        self.transaction_uid = transaction_uid
        where = f" (transaction {transaction_uid})" if transaction_uid else ""
        super().__init__(f"storage commitment{where}: {message}", peer=peer)


class CommitmentRefused(CommitmentError):
    """The SCP answered the N-ACTION-RQ with a failure (PS3.4 J.3.2.1.2): see ``status``
    (and ``comment``, the peer's Error Comment); check the references and the SCP's log."""

    def __init__(self, status: int, *, comment: str = "", transaction_uid: str = "",
                 peer: tuple[str, int] | None = None) -> None:
        self.status = status
        self.comment = comment
        text = f"the N-ACTION was answered {status_text(status, 'N-ACTION')}"
        if comment:
            text += f", error comment {comment!r}"
        super().__init__(text, transaction_uid=transaction_uid, peer=peer)


class CommitmentTimeout(CommitmentError, NetworkTimeout):
    """No N-EVENT-REPORT for the transaction came within the time given (PS3.4 J.3.3): the
    SCP may still report later (on a new association: keep a listener, see
    :class:`~dicomkit.net.services.commitment.scu.CommitmentListener`), or give a longer
    ``timeout``."""
