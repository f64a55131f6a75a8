"""The Storage Commitment Push Model SOP Class as SCP (PS3.4 J.3).

:class:`CommitmentSCP` answers N-ACTION-RQ Request Storage Commitment (Action Type ID 1,
PS3.4 J.3.2) with Success once the Action Information is read (Transaction UID and a
Referenced SOP Sequence), then checks each reference with its checker
(:mod:`~dicomkit.net.services.commitment.reasons`) and reports with N-EVENT-REPORT-RQ
(PS3.4 J.3.3): Event Type ID 1 when all were committed, 2 when some failed (Failed SOP
Sequence with each Failure Reason).  The report goes on the same association while it is
open (the default), else, or with ``same_association=False``, on a new association to the
requestor's AE title looked up in ``requestors`` (the SCP takes the SCP role by role
selection, PS3.4 J.3.3, PS3.7 D.3.3.4).  With an ``outbox`` folder, a report that could not be
sent either way is kept there (:class:`~dicomkit.net.services.commitment.outbox.Outbox`) and
sent by :meth:`CommitmentSCP.resend` once the requestor is reachable, also after a restart.

A Transaction UID stays active from the N-ACTION until its report is sent (PS3.4 J.3.3.1.2),
also while the report waits in the outbox: an N-ACTION reusing an active one is refused with
Invalid argument value (0115H; PS3.4 J.3.2.1.4 defines no Service Class specific status, PS3.7
10.1.4.1.10 gives 0115H for inappropriate action information), its Error Comment naming the
Failure Reason 0131H Duplicate transaction UID (PS3.3 C.14.1.1); nothing is reported for it.
"""

from __future__ import annotations

import inspect
import logging
import os
import ssl
from collections import deque
from collections.abc import Mapping
from pathlib import Path

import anyio
import anyio.abc

from dicomkit.generated import uids
from dicomkit.generated.commitment_reasons import CommitmentAction, CommitmentEvent, NActionStatus
from dicomkit.net.acse import PresentationContext
from dicomkit.net.client import associate
from dicomkit.net.dimse import build
from dicomkit.net.dimse_provider import DimseProvider, Request
from dicomkit.net.errors import NetworkError, ServiceError
from dicomkit.net.services.commitment.datasets import (
    CommitmentResult,
    Reference,
    decode,
    encode,
    read_references,
    report_data_set,
)
from dicomkit.net.services.commitment.errors import CommitmentError
from dicomkit.net.services.commitment.outbox import Outbox
from dicomkit.net.services.commitment.reasons import (
    DUPLICATE_TRANSACTION_UID,
    PROCESSING_FAILURE,
    Checker,
    failure_reason,
)
from dicomkit.net.ul import Timeouts

__all__ = ["ALL_COMMITTED", "FAILURES_EXIST", "REQUEST_STORAGE_COMMITMENT", "CommitmentSCP",
           "send_report"]

log = logging.getLogger(__name__)

#: PS3.4 Table J.3-1: Action Type ID of Request Storage Commitment.
REQUEST_STORAGE_COMMITMENT = CommitmentAction.REQUEST_STORAGE_COMMITMENT
#: PS3.4 Table J.3-2: Event Type IDs of Storage Commitment Request Successful and Storage
#: Commitment Request Complete - Failures Exist.
ALL_COMMITTED = CommitmentEvent.SUCCESSFUL
FAILURES_EXIST = CommitmentEvent.COMPLETE_FAILURES_EXIST

_SYNTAXES = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)


class CommitmentSCP:
    """Storage Commitment Push Model SCP (see the module); register with
    :meth:`dicomkit.net.ae.ApplicationEntity.add_service`.

    Parameters
    ----------
    checker
        ``(sop_class, sop_instance) -> bool | int`` (or awaitable), see
        :mod:`~dicomkit.net.services.commitment.reasons`.
    ae_title
        Our AE title when we open an association to report.
    requestors
        Requestor AE title -> (host, port), for reports on a new association.
    same_association
        Report on the request's association while it is open (False: always on a new one).
    timeouts, ssl_context
        For the associations we open to report.
    retrieve_ae_title
        Sent as Retrieve AE Title (0008,0054) with the committed references (PS3.4
        J.3.3.1.1.1); ``""``: not sent.
    outbox
        A folder keeping the reports that could not be sent, for :meth:`resend` (None: such a
        report is logged and dropped).
    """

    requests: tuple[str, ...] = ("N-ACTION-RQ",)
    sop_classes: tuple[str, ...] | None = (uids.StorageCommitmentPushModel,)

    def __init__(self, checker: Checker, *, ae_title: str = "DICOMKIT",
                 requestors: Mapping[str, tuple[str, int]] | None = None,
                 same_association: bool = True, timeouts: Timeouts | None = None,
                 ssl_context: ssl.SSLContext | None = None,
                 retrieve_ae_title: str = "",
                 outbox: str | os.PathLike[str] | None = None) -> None:
        self.checker = checker
        self.outbox = Outbox(outbox) if outbox is not None else None
        self.retrieve_ae_title = retrieve_ae_title
        self.ae_title = ae_title
        self.requestors = dict(requestors or {})
        self.same_association = same_association
        self.timeouts = timeouts
        self.ssl_context = ssl_context
        #: the last 1,000 reports made (sent or not), newest last, for monitoring
        self.reports: deque[CommitmentResult] = deque(maxlen=1000)
        #: Transaction UIDs being checked or reported now
        self._running: set[str] = set()
        #: Transaction UIDs whose report waits in the outbox (read from it on first use)
        self._kept: set[str] | None = None

    async def active(self) -> frozenset[str]:
        """The Transaction UIDs still active on this SCP: being processed, or whose report
        was not sent yet (kept in the outbox); PS3.4 J.3.3.1.2: a Transaction UID is no
        longer active once its N-EVENT-REPORT has been sent."""
        return frozenset(self._running | await self._kept_uids())

    async def _kept_uids(self) -> set[str]:
        if self._kept is None:
            kept: set[str] = set()
            if self.outbox is not None:
                pending = await anyio.to_thread.run_sync(self.outbox.pending)
                kept = {result.transaction_uid for _, _, result in pending}
            if self._kept is None:
                self._kept = kept
        return self._kept

    async def handle(self, request: Request) -> int | None:
        """Answer the N-ACTION-RQ, then report (PS3.4 J.3.2, J.3.3)."""
        msg = request.message
        peer = request.association.peer_address
        if msg.get("ActionTypeID") != REQUEST_STORAGE_COMMITMENT:
            await request.read_data()
            raise ServiceError(NActionStatus.NO_SUCH_ACTION_TYPE,
                               f"Action Type ID {msg.get('ActionTypeID')} (PS3.4 J.3.2)")
        if msg.get("RequestedSOPInstanceUID") != uids.StorageCommitmentPushModelInstance:
            await request.read_data()
            raise ServiceError(NActionStatus.NO_SUCH_SOP_INSTANCE,
                               "not the well-known Push Model SOP Instance (PS3.4 J.3.2)")
        data = await request.read_data()
        try:
            ds = decode(data, request.transfer_syntax, request.abstract_syntax, peer=peer)
        except CommitmentError as exc:
            raise ServiceError(NActionStatus.PROCESSING_FAILURE, str(exc.reason)[:64]) from None
        uid_elem = ds.get("TransactionUID")
        transaction = "" if uid_elem is None or uid_elem.value is None else \
            str(uid_elem.value).strip("\0 ")
        references = read_references(ds)
        if not transaction or not references or any(not c or not i for c, i in references):
            raise ServiceError(NActionStatus.INVALID_ARGUMENT_VALUE, "Transaction UID and "
                               "Referenced SOP Sequence items required (PS3.4 J.3.2.1.1)")
        kept = await self._kept_uids()
        if transaction in self._running or transaction in kept:
            # PS3.4 J.3.2.1.4 defines no Service Class specific status: of the N-ACTION
            # statuses of PS3.7 10.1.4.1.10, Invalid argument value (0115H) is "the action
            # information value specified was ... otherwise inappropriate"; the reason is
            # the Failure Reason 0131H Duplicate transaction UID of PS3.3 C.14.1.1.
            log.warning("%s: N-ACTION refused: Transaction UID %s is still active", peer,
                        transaction)
            raise ServiceError(NActionStatus.INVALID_ARGUMENT_VALUE,
                               f"Transaction UID in use ({DUPLICATE_TRANSACTION_UID:04X}H, "
                               "PS3.3 C.14.1.1)")
        self._running.add(transaction)
        try:
            await request.respond(NActionStatus.SUCCESS)
            result = await self.check(transaction, references)
            await self.report(request, result)
        finally:
            self._running.discard(transaction)
        return None

    async def check(self, transaction: str, references: list[Reference]) -> CommitmentResult:
        """Each reference through the checker; a checker that raises fails its reference
        with Processing failure (0110H)."""
        committed: list[Reference] = []
        failed: list[tuple[str, str, int]] = []
        for sop_class, sop_instance in references:
            try:
                outcome = self.checker(sop_class, sop_instance)
                if inspect.isawaitable(outcome):
                    outcome = await outcome
                reason = failure_reason(outcome)
            except Exception:
                log.exception("storage commitment check of %s failed", sop_instance)
                reason = PROCESSING_FAILURE
            if reason is None:
                committed.append((sop_class, sop_instance))
            else:
                failed.append((sop_class, sop_instance, reason))
        return CommitmentResult(transaction, tuple(committed), tuple(failed),
                                FAILURES_EXIST if failed else ALL_COMMITTED,
                                self.retrieve_ae_title if committed else "")

    async def report(self, request: Request, result: CommitmentResult) -> None:
        """Send the N-EVENT-REPORT: on ``request``'s association when open and allowed, else
        on a new one to the requestor."""
        self.reports.append(result)
        assoc = request.association
        if self.same_association and assoc.can_send and assoc.ended is None:
            try:
                await send_report(request.provider, request.context_id, result,
                                  request.transfer_syntax)
                return
            except NetworkError as exc:
                log.info("%s: report of %s on the request's association failed (%s); "
                         "reporting on a new association", assoc.peer_address,
                         result.transaction_uid, exc)
        calling = assoc.calling_ae.strip() if assoc.calling_ae else ""
        where = self.requestors.get(calling)
        if where is None:
            log.warning("storage commitment %s: the association is closed and requestor %r "
                        "has no address configured; report %s", result.transaction_uid,
                        calling, "kept in the outbox" if self.outbox else "not sent")
            await self._keep(calling, result)
            return
        try:
            await self.report_to(where, calling, result)
        except NetworkError as exc:
            log.warning("storage commitment %s: report to %s at %s:%d failed: %s%s",
                        result.transaction_uid, calling, where[0], where[1], exc,
                        "; kept in the outbox" if self.outbox else "")
            await self._keep(calling, result)

    async def _keep(self, called_ae: str, result: CommitmentResult) -> None:
        if self.outbox is None:
            return
        try:
            await anyio.to_thread.run_sync(self.outbox.put, called_ae, result)
        except CommitmentError as exc:
            log.error("%s; the report is lost", exc)
            return
        (await self._kept_uids()).add(result.transaction_uid)

    async def resend(self) -> int:
        """Send the reports kept in the outbox whose requestor has an address and is
        reachable now, each on a new association (PS3.4 J.3.3); those sent leave the outbox,
        the others stay.  The number sent."""
        if self.outbox is None:
            return 0
        sent = 0
        for path, called_ae, result in await anyio.to_thread.run_sync(self.outbox.pending):
            where = self.requestors.get(called_ae)
            if where is None:
                continue
            try:
                await self.report_to(where, called_ae, result)
            except NetworkError as exc:
                log.info("storage commitment %s: %s at %s:%d still not reachable (%s)",
                         result.transaction_uid, called_ae, where[0], where[1], exc)
                continue
            await anyio.to_thread.run_sync(self.outbox.done, Path(path))
            (await self._kept_uids()).discard(result.transaction_uid)
            self.reports.append(result)
            sent += 1
        return sent

    async def run_resend(self, interval: float = 30.0, *,
                         task_status: anyio.abc.TaskStatus[None] = anyio.TASK_STATUS_IGNORED
                         ) -> None:
        """:meth:`resend` now (reports kept before a restart), then every ``interval``
        seconds, until cancelled (``tg.start(scp.run_resend)``)."""
        task_status.started()
        while True:
            await self.resend()
            await anyio.sleep(interval)

    async def report_to(self, where: tuple[str, int], called_ae: str,
                        result: CommitmentResult) -> None:
        """Report ``result`` on a new association to ``called_ae`` at ``where`` (we propose
        the SCP role only, PS3.4 J.3.3)."""
        context = PresentationContext(1, uids.StorageCommitmentPushModel, _SYNTAXES,
                                      scu_role=False, scp_role=True)
        assoc = await associate(where[0], where[1], called_ae=called_ae,
                                calling_ae=self.ae_title, contexts=[context],
                                timeouts=self.timeouts or Timeouts(),
                                ssl_context=self.ssl_context)
        async with assoc:
            accepted = next((c for c in assoc.contexts.values()
                             if c.abstract_syntax == uids.StorageCommitmentPushModel), None)
            if accepted is None:
                raise CommitmentError(f"{called_ae} did not accept the Storage Commitment "
                                      "context", transaction_uid=result.transaction_uid,
                                      peer=assoc.peer_address)
            await send_report(DimseProvider(assoc), accepted.id, result,
                              accepted.transfer_syntax)


async def send_report(provider: DimseProvider, context_id: int, result: CommitmentResult,
                      transfer_syntax: str) -> int:
    """Send one N-EVENT-REPORT-RQ for ``result`` (PS3.4 J.3.3.1); the Status of its
    response."""
    msg = build("N-EVENT-REPORT-RQ", data_set=True,
                AffectedSOPClassUID=uids.StorageCommitmentPushModel,
                AffectedSOPInstanceUID=uids.StorageCommitmentPushModelInstance,
                EventTypeID=result.event_type)
    data = encode(report_data_set(result.transaction_uid, result.committed, result.failed,
                                  retrieve_ae_title=result.retrieve_ae_title), transfer_syntax)
    rsp = await provider.request_one(context_id, msg, data)
    return int(rsp.status)
