"""The Storage Commitment Push Model SOP Class as SCU (PS3.4 J.3).

:func:`request_commitment` sends N-ACTION-RQ Request Storage Commitment on an association and
waits for the SCP's N-EVENT-REPORT-RQ with the same Transaction UID, answering it with
N-EVENT-REPORT-RSP Success (PS3.4 J.3.3.2).  The report may come on the same association
(it is received there while the call waits) or, when the SCP opens a new one, on a
:class:`CommitmentListener` added to the application entity that serves (listener mode).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import anyio

from dicomkit.core.uid import generate_uid
from dicomkit.generated import uids
from dicomkit.generated.commitment_reasons import (
    CommitmentAction,
    CommitmentEvent,
    NEventReportStatus,
)
from dicomkit.net.association import Association
from dicomkit.net.dimse import build, classify_status
from dicomkit.net.dimse_provider import DimseProvider, Handler, HandlerLookup, Request
from dicomkit.net.errors import ServiceError
from dicomkit.net.services.commitment.datasets import (
    CommitmentResult,
    Reference,
    decode,
    encode,
    read_report,
    request_data_set,
)
from dicomkit.net.services.commitment.errors import (
    CommitmentError,
    CommitmentRefused,
    CommitmentTimeout,
)

__all__ = ["CommitmentListener", "request_commitment"]


_EVENT_TYPES = frozenset(int(e) for e in CommitmentEvent)


class CommitmentListener:
    """Receives storage commitment reports (N-EVENT-REPORT-RQ, PS3.4 J.3.3) and keeps them
    by Transaction UID until :meth:`wait` takes them.

    Add it to the application entity that serves the reports on new associations
    (``ae.add_service(listener, scu_role=True, scp_role=False)``: we are the SCU of the SOP
    class there, the SCP proposes the SCP role), and pass it to :func:`request_commitment`.
    """

    requests: tuple[str, ...] = ("N-EVENT-REPORT-RQ",)
    sop_classes: tuple[str, ...] | None = (uids.StorageCommitmentPushModel,)

    def __init__(self) -> None:
        self.results: dict[str, CommitmentResult] = {}
        self._waiting: dict[str, anyio.Event] = {}
        #: transaction UID -> the listener its report is for (see request_commitment)
        self._forward: dict[str, CommitmentListener] = {}

    async def handle(self, request: Request) -> int | None:
        """Keep the report; answer Success (PS3.4 J.3.3.2)."""
        data = await request.read_data()
        event_type = request.message.get("EventTypeID")
        if event_type not in _EVENT_TYPES:
            raise ServiceError(NEventReportStatus.NO_SUCH_EVENT_TYPE,
                               f"Event Type ID {event_type} (PS3.4 J.3.3)")
        try:
            ds = decode(data, request.transfer_syntax, request.abstract_syntax,
                        peer=request.association.peer_address)
        except CommitmentError as exc:
            raise ServiceError(NEventReportStatus.PROCESSING_FAILURE,
                               str(exc.reason)[:64]) from None
        result = read_report(ds, int(event_type), peer=request.association.peer_address)
        self._forward.pop(result.transaction_uid, self).deliver(result)
        return NEventReportStatus.SUCCESS

    def deliver(self, result: CommitmentResult) -> None:
        """Keep ``result`` for :meth:`wait`."""
        self.results[result.transaction_uid] = result
        event = self._waiting.get(result.transaction_uid)
        if event is not None:
            event.set()

    def expect(self, transaction_uid: str) -> None:
        """Get ready for the report of ``transaction_uid`` (before sending the request)."""
        self._waiting.setdefault(transaction_uid, anyio.Event())

    async def wait(self, transaction_uid: str, timeout: float | None) -> CommitmentResult:
        """The report of ``transaction_uid``, waited for up to ``timeout`` seconds.

        Raises
        ------
        CommitmentTimeout
            When it did not come in time.
        """
        self.expect(transaction_uid)
        try:
            if transaction_uid not in self.results:
                with anyio.move_on_after(timeout):
                    await self._waiting[transaction_uid].wait()
            result = self.results.pop(transaction_uid, None)
        finally:
            self._waiting.pop(transaction_uid, None)
        if result is None:
            raise CommitmentTimeout(f"no N-EVENT-REPORT within {timeout} s",
                                    transaction_uid=transaction_uid)
        return result


@dataclass
class _Installed:
    """The N-EVENT-REPORT handler put in front of a DIMSE provider's own lookup while
    requests wait for reports on its association."""

    listener: CommitmentListener
    previous: HandlerLookup | None
    users: int = 0


_INSTALLED: weakref.WeakKeyDictionary[DimseProvider, _Installed] = weakref.WeakKeyDictionary()


def _chain(listener: CommitmentListener, previous: HandlerLookup | None) -> HandlerLookup:
    def lookup(request: Request) -> Handler | None:
        if request.message.name == "N-EVENT-REPORT-RQ" and \
                request.context_id in request.association.contexts and \
                request.abstract_syntax == uids.StorageCommitmentPushModel:
            return listener.handle
        return previous(request) if previous is not None else None
    return lookup


def _context_id(association: Association) -> int:
    for context in association.contexts.values():
        if context.abstract_syntax == uids.StorageCommitmentPushModel:
            return context.id
    raise CommitmentError("the peer accepted no Storage Commitment Push Model presentation "
                          "context (PS3.4 J.3): propose one",
                          peer=association.peer_address)


async def request_commitment(association: Association, references: Iterable[Reference], *,
                             timeout: float | None, transaction_uid: str | None = None,
                             listener: CommitmentListener | None = None,
                             wait: bool = True) -> CommitmentResult:
    """Ask the SCP to commit ``references`` ((SOP class, SOP instance) pairs) and wait for
    its report (PS3.4 J.3.2, J.3.3).

    The association must have a DIMSE provider reading it (one opened with
    :meth:`dicomkit.net.ae.ApplicationEntity.connect`, or inside ``async with
    DimseProvider(assoc)``): the report arriving on it is answered while this call waits.
    With ``listener`` reports arriving on new associations count too; with ``wait=False``
    the call returns after the N-ACTION-RSP (a result with the transaction UID only) and the
    report is taken later with ``listener.wait``.

    Raises
    ------
    CommitmentRefused
        When the N-ACTION is answered with a failure.
    CommitmentTimeout
        When no report comes within ``timeout`` seconds of the N-ACTION-RSP.
    CommitmentError
        When the peer accepted no Storage Commitment context, or has no DIMSE reader.
    """
    refs = list(references)
    if not refs:
        raise CommitmentError("nothing to commit: give at least one reference")
    if not wait and listener is None:
        raise CommitmentError("wait=False needs a listener to take the report later")
    dimse = association.dimse
    if dimse is None:
        raise CommitmentError("the association has no DIMSE provider reading it (the report "
                              "could not be received): use ApplicationEntity.connect",
                              peer=association.peer_address)
    context_id = _context_id(association)
    context = association.contexts[context_id]
    uid = transaction_uid or generate_uid()
    installed = _INSTALLED.get(dimse)
    if installed is None:
        installed = _INSTALLED[dimse] = _Installed(CommitmentListener(), dimse.handlers)
        dimse.handlers = _chain(installed.listener, installed.previous)
    installed.users += 1
    waiter = listener or installed.listener
    waiter.expect(uid)
    if listener is not None:
        installed.listener._forward[uid] = listener
    keep = False  # the report of a request not waited for may still come on the association
    try:
        msg = build("N-ACTION-RQ", data_set=True,
                    RequestedSOPClassUID=uids.StorageCommitmentPushModel,
                    RequestedSOPInstanceUID=uids.StorageCommitmentPushModelInstance,
                    ActionTypeID=CommitmentAction.REQUEST_STORAGE_COMMITMENT)
        data = encode(request_data_set(uid, refs), context.transfer_syntax)
        rsp = await dimse.request_one(context_id, msg, data)
        if classify_status(rsp.status) not in ("success", "warning"):
            comment = rsp.message.get("ErrorComment")
            raise CommitmentRefused(rsp.status, comment=str(comment or ""),
                                    transaction_uid=uid, peer=association.peer_address)
        if not wait:
            keep = True
            return CommitmentResult(uid, event_type=0, peer=association.peer_address)
        try:
            return await waiter.wait(uid, timeout)
        except CommitmentTimeout as exc:
            raise CommitmentTimeout(f"no N-EVENT-REPORT within {timeout} s of the "
                                    "N-ACTION-RSP (the SCP may report later on a new "
                                    "association: use a CommitmentListener)",
                                    transaction_uid=uid,
                                    peer=association.peer_address) from exc
    finally:
        installed.users -= 1
        if not keep:
            installed.listener._forward.pop(uid, None)
        if installed.users == 0 and not installed.listener._forward:
            dimse.handlers = installed.previous
            del _INSTALLED[dimse]
