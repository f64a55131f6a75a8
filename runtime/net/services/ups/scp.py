"""The Unified Procedure Step SOP classes as SCP over a workitem store (PS3.4 Annex CC).

:class:`UpsSCP` answers, for every UPS SOP class the association accepted (Push, Pull, Watch,
Event, Query; their services from the generated :data:`~dicomkit.generated.ups.SOP_CLASSES`):

* N-CREATE (PS3.4 CC.2.5), N-SET (CC.2.6), N-GET (CC.2.7; the Transaction UID is never
  returned: Table CC.2.5-3 "Not allowed"), C-FIND (CC.2.8, matching of PS3.4 C.2.2 by
  :mod:`dicomkit.query`);
* N-ACTION Change UPS State (CC.2.1), Request UPS Cancel (CC.2.2), Subscribe, Unsubscribe and
  Suspend Global Subscription (CC.2.3);

through :class:`~dicomkit.workitems.AsyncWorkitemStore`, which applies the state machine and
the attribute requirements and names the events.  The response goes first; then the events
are published on the store's event hub (:attr:`AsyncWorkitemStore.hub`), which every
transport over the store listens on: UPS-RS subscribers hear of DIMSE changes.  This SCP
listens there too and sends (N-EVENT-REPORT, CC.2.4) to each subscribed AE it has an address
for on a new association, one at a time and in order per AE (the SCP role of the UPS Event SOP
class proposed by role selection, as the Storage Commitment SCP reports), at the address
``receivers`` gives for its AE title; events for AEs it has no address for (UPS-RS
subscribers, which UPS-RS serves) are not its business.  A subscription over DIMSE for an AE
title ``receivers`` does not know is refused with C308H (Receiving AE Title is Unknown).  A
delivery that fails transiently (the peer down, a timeout, a transient failure status:
:func:`dicomkit.net.resilience.classify_error`, ``classify_status``) is tried again as
``retry`` (a :class:`~dicomkit.net.resilience.RetryPolicy`) says, the events not yet delivered
in their order; without a policy, or past it, the failure is logged (PS3.4 CC.2.4.3: "the SCP
has no obligation to queue or retry", and it does not change the subscriptions).
"""

from __future__ import annotations

import logging
import ssl
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids, ups
from dicomkit.generated.service_statuses import status_code
from dicomkit.generated.statuses import StatusType
from dicomkit.net.acse import PresentationContext
from dicomkit.net.client import associate
from dicomkit.net.dimse import build
from dicomkit.net.dimse_provider import DimseProvider, Request
from dicomkit.net.errors import NetworkError, ServiceError
from dicomkit.net.resilience import RetryPolicy, classify_error, classify_status
from dicomkit.net.services.ups.datasets import decode, encode, text
from dicomkit.net.services.ups.errors import UpsError
from dicomkit.net.ul import Timeouts
from dicomkit.query.errors import QueryError
from dicomkit.workitems import FILTERED_GLOBAL, GLOBAL, AsyncWorkitemStore, Event, WorkitemError

__all__ = ["UpsSCP", "send_event"]

log = logging.getLogger(__name__)



_SUCCESS = int(StatusType.SUCCESS)
_NO_SUCH_ACTION_TYPE = int(StatusType.NO_SUCH_ACTION_TYPE)
_PROCESSING_FAILURE = int(StatusType.PROCESSING_FAILURE)
_INVALID_ARGUMENT = int(StatusType.INVALID_ARGUMENT_VALUE)
_UNRECOGNIZED = int(StatusType.UNRECOGNIZED_OPERATION)
_NOT_SUPPORTED = int(StatusType.REFUSED_SOP_CLASS_NOT_SUPPORTED)
#: PS3.4 Table CC.2.8-2
_FIND_PENDING = status_code("CC.2.8-2", "Matches are continuing - Current Match is supplied "
                            "and any Optional Keys were supported in the same manner as "
                            "Required Keys.")
_FIND_CANCEL = status_code("CC.2.8-2", "Matching terminated due to Cancel request")
_FIND_NOT_MATCH = status_code("CC.2.8-2", "Error: Data Set does not match SOP Class")
_SYNTAXES = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)
#: Attributes an N-GET and a C-FIND never return (PS3.4 Table CC.2.5-3, N-GET "Not
#: allowed", Return Key "-"): the Transaction UID is the performer's lock.
_HIDDEN = (tags.TransactionUID,)
_EVENT_SOP_CLASS = ups.SERVICE_SOP_CLASSES["N-EVENT-REPORT"][0]
_PUSH = uids.UnifiedProcedureStepPush


class _TransientStatus(UpsError):
    """An N-EVENT-REPORT answered with a transient failure status: worth trying again."""


def _fail(exc: WorkitemError) -> ServiceError:
    return ServiceError(exc.status, exc.reason[:64], exc.offending)


class UpsSCP:
    """The UPS SOP classes as SCP (see the module).

    Parameters
    ----------
    store
        The workitems.
    ae_title
        Our AE title, the calling AE title of the event associations.
    receivers
        AE title -> (host, port) of the AEs that may subscribe (the events go there).
    timeouts, ssl_context
        For the event associations.
    retry
        How a delivery that failed transiently is tried again (None: it is not).
    listen
        Listen on the store's event hub (the default): every event of the store, whichever
        transport caused it, is sent to the subscribed AEs this SCP has an address for.
    """

    requests: tuple[str, ...] = ("N-CREATE-RQ", "N-SET-RQ", "N-GET-RQ", "N-ACTION-RQ",
                                 "C-FIND-RQ")
    sop_classes: tuple[str, ...] | None = tuple(ups.SOP_CLASSES)

    def __init__(self, store: AsyncWorkitemStore, *, ae_title: str = "DICOMKIT",
                 receivers: Mapping[str, tuple[str, int]] | None = None,
                 timeouts: Timeouts | None = None,
                 ssl_context: ssl.SSLContext | None = None, retry: RetryPolicy | None = None,
                 listen: bool = True) -> None:
        self.store = store
        self.retry = retry
        self.ae_title = ae_title
        self.receivers: dict[str, tuple[str, int]] = dict(receivers or {})
        self.timeouts = timeouts
        self.ssl_context = ssl_context
        #: the last events sent, with their delivery outcome (kept bounded)
        self.sent: deque[tuple[Event, str, int | None]] = deque(maxlen=1000)
        #: one lock per receiver: its events go out one association at a time, in order
        self._locks: dict[str, anyio.Lock] = {}
        if listen:
            store.hub.listen(self.deliver)

    async def handle(self, request: Request) -> int | None:
        """Answer one request (see the module)."""
        name = request.message.name
        operation = name[:-3]
        if operation != "N-ACTION" and \
                request.abstract_syntax not in ups.SERVICE_SOP_CLASSES[operation]:
            # PS3.4 Table CC.2-1 to CC.2-5: the service is not of this SOP class
            raise ServiceError(_NOT_SUPPORTED if operation == "C-FIND" else _UNRECOGNIZED,
                               f"{operation} is not a service of "
                               f"{ups.SOP_CLASSES[request.abstract_syntax].name}")
        try:
            if name == "N-CREATE-RQ":
                await self._create(request)
                return None
            if name == "N-SET-RQ":
                await self._set(request)
                return None
            if name == "N-GET-RQ":
                await self._get(request)
                return None
            if name == "N-ACTION-RQ":
                await self._action(request)
                return None
            return await self._find(request)
        except WorkitemError as exc:
            raise _fail(exc) from None
        except UpsError as exc:
            raise ServiceError(_PROCESSING_FAILURE, str(exc)[:64]) from None

    async def _data(self, request: Request, uid: str = "") -> Dataset:
        return decode(await request.read_data(), request.transfer_syntax,
                      peer=request.association.peer_address, uid=uid)

    async def _finish(self, request: Request, status: int, events: Iterable[Event],
                      data: bytes | None = None, **fields: Any) -> None:
        await request.respond(status, data, **fields)
        await self._publish(list(events))

    async def _publish(self, events: Sequence[Event]) -> None:
        """The events to the store's hub (and to the subscribers, when not listening)."""
        await self.store.publish(events)
        if self.deliver not in self.store.hub.listeners:
            await self.deliver(events)

    # ------------------------------------------------------------------ Push / Pull

    async def _create(self, request: Request) -> None:
        uid = str(request.message.get("AffectedSOPInstanceUID") or "").strip("\0 ")
        ds = await self._data(request, uid)
        outcome = await self.store.create(ds, uid or None)
        assert outcome.dataset is not None
        created = text(outcome.dataset, tags.SOPInstanceUID)
        await self._finish(request, outcome.status, outcome.events,
                           AffectedSOPClassUID=_PUSH, AffectedSOPInstanceUID=created)

    async def _set(self, request: Request) -> None:
        uid = str(request.message.get("RequestedSOPInstanceUID") or "").strip("\0 ")
        ds = await self._data(request, uid)
        outcome = await self.store.set(uid, ds)
        await self._finish(request, outcome.status, outcome.events)

    async def _get(self, request: Request) -> None:
        uid = str(request.message.get("RequestedSOPInstanceUID") or "").strip("\0 ")
        wanted = request.message.get("AttributeIdentifierList")
        attributes: tuple[int, ...] = ()
        if wanted:
            attributes = tuple(int(t) for t in (wanted if isinstance(wanted, list | tuple)
                                                 else [wanted]))
        ds = await self.store.get(uid, attributes)
        for tag in _HIDDEN:
            if tag in ds:
                del ds[tag]
        await request.respond(_SUCCESS, encode(ds, request.transfer_syntax))

    async def _find(self, request: Request) -> int:
        ds = await self._data(request)
        for tag in _HIDDEN:
            if tag in ds:
                del ds[tag]
        try:
            found = await self.store.find(ds)
        except (QueryError, WorkitemError) as exc:
            raise ServiceError(_FIND_NOT_MATCH, str(exc)[:64]) from None
        for match in found:
            if request.cancelled.is_set():
                return _FIND_CANCEL
            await request.respond(_FIND_PENDING, encode(match, request.transfer_syntax))
        return _FIND_CANCEL if request.cancelled.is_set() else _SUCCESS

    # ------------------------------------------------------------------ N-ACTION

    async def _action(self, request: Request) -> None:
        uid = str(request.message.get("RequestedSOPInstanceUID") or "").strip("\0 ")
        action = request.message.get("ActionTypeID")
        ds = await self._data(request, uid)
        try:
            kind = ups.UpsAction(int(action or 0))
        except ValueError:
            raise ServiceError(_NO_SUCH_ACTION_TYPE, f"Action Type ID {action} (PS3.4 "
                               "CC.2)") from None
        if request.abstract_syntax not in ups.ACTION_SOP_CLASSES[kind]:
            raise ServiceError(_NO_SUCH_ACTION_TYPE, f"action {kind.name} is not of this "
                               "SOP class (PS3.4 Table CC.2-1 to CC.2-3)")
        fields: dict[str, Any] = {"ActionTypeID": int(kind)}
        if kind is ups.UpsAction.CHANGE_UPS_STATE:
            outcome = await self.store.change_state(uid, text(ds, tags.ProcedureStepState),
                                                    text(ds, tags.TransactionUID))
        elif kind is ups.UpsAction.REQUEST_UPS_CANCEL:
            calling = (request.association.calling_ae or "").strip()
            outcome = await self.store.request_cancel(uid, calling, ds)
        else:
            receiving = text(ds, tags.ReceivingAE)
            if not receiving:
                raise ServiceError(_INVALID_ARGUMENT, "Receiving AE (0074,1234) is required "
                                   "(PS3.4 Table CC.2.3-1)", (tags.ReceivingAE,))
            if kind is ups.UpsAction.SUBSCRIBE_TO_RECEIVE_UPS_EVENT_REPORTS:
                if receiving not in self.receivers:
                    raise ServiceError(ups.UpsStatus.RECEIVING_AE_TITLE_IS_UNKNOWN_TO_THIS_SCP,
                                       f"no address for {receiving}", (tags.ReceivingAE,))
                lock = text(ds, tags.DeletionLock).upper() == "TRUE"
                keys = None
                if uid == FILTERED_GLOBAL:
                    keys = ds.copy()
                    for tag in (tags.ReceivingAE, tags.DeletionLock):
                        if tag in keys:
                            del keys[tag]
                outcome = await self.store.subscribe(receiving, uid, deletion_lock=lock,
                                                     keys=keys)
            elif kind is ups.UpsAction.UNSUBSCRIBE_FROM_RECEIVING_UPS_EVENT_REPORTS:
                outcome = await self.store.unsubscribe(receiving, uid)
            else:
                if uid != GLOBAL:
                    raise ServiceError(
                        ups.UpsStatus.SPECIFIED_ACTION_NOT_APPROPRIATE_FOR_SPECIFIED_INSTANCE,
                        "suspend applies to the global subscription (PS3.4 CC.2.3.2)")
                outcome = await self.store.suspend_global(receiving)
        await self._finish(request, outcome.status, outcome.events, **fields)

    # ------------------------------------------------------------------ events

    async def deliver(self, events: Iterable[Event]) -> None:
        """Send ``events`` to those of their receivers this SCP has an address for, one
        association per receiver, in order (PS3.4 CC.2.4.3); failures are retried as
        :attr:`retry` says, then logged."""
        by_receiver: dict[str, list[Event]] = {}
        for event in events:
            for ae in event.receivers:
                if ae not in self.receivers:
                    log.debug("UPS event for %s: no DIMSE address (a UPS-RS subscriber?)", ae)
                    continue
                by_receiver.setdefault(ae, []).append(event)
        if not by_receiver:
            return
        async with anyio.create_task_group() as tg:
            for ae, queue in by_receiver.items():
                tg.start_soon(self._deliver_to, ae, queue)

    async def _deliver_to(self, ae: str, events: list[Event]) -> None:
        lock = self._locks.setdefault(ae, anyio.Lock())
        async with lock:
            await self._deliver_now(ae, events)

    async def _deliver_now(self, ae: str, events: list[Event]) -> None:
        where = self.receivers.get(ae)
        if where is None:
            log.warning("UPS events for %s not sent: no address configured", ae)
            for event in events:
                self.sent.append((event, ae, None))
            return
        pending = list(events)
        attempt = 0
        first = anyio.current_time()
        while pending:
            attempt += 1
            try:
                await self._send_events(ae, where, pending)
                return
            except (NetworkError, OSError) as exc:
                transient = isinstance(exc, _TransientStatus) or (
                    not isinstance(exc, UpsError) and classify_error(exc).transient)
                policy = self.retry
                if policy is None or not transient or \
                        policy.gives_up(attempt, first, anyio.current_time()):
                    log.warning("UPS events to %s at %s:%d failed (attempt %d, %d not "
                                "delivered): %s", ae, where[0], where[1], attempt,
                                len(pending), exc)
                    for event in pending:
                        self.sent.append((event, ae, None))
                    return
                delay = policy.delay(attempt)
                log.info("UPS events to %s at %s:%d failed (%s); again in %.1f s", ae,
                         where[0], where[1], exc, delay)
                await anyio.sleep(delay)

    async def _send_events(self, ae: str, where: tuple[str, int], pending: list[Event]) -> None:
        """Send ``pending`` on one association, removing each event delivered (a response
        with a transient failure status raises, the event still pending)."""
        context = PresentationContext(1, _EVENT_SOP_CLASS, _SYNTAXES, scu_role=False,
                                      scp_role=True)
        assoc = await associate(where[0], where[1], called_ae=ae, calling_ae=self.ae_title,
                                contexts=[context], timeouts=self.timeouts or Timeouts(),
                                ssl_context=self.ssl_context)
        async with assoc:
            accepted = next((c for c in assoc.contexts.values()
                             if c.abstract_syntax == _EVENT_SOP_CLASS), None)
            if accepted is None:
                raise UpsError(f"{ae} did not accept the UPS Event context",
                               peer=assoc.peer_address)
            provider = DimseProvider(assoc)
            while pending:
                event = pending[0]
                status = await send_event(provider, accepted.id, event,
                                          accepted.transfer_syntax)
                if classify_status(status) == "transient":
                    raise _TransientStatus(f"{ae} answered the N-EVENT-REPORT with status "
                                   f"0x{status:04X} (transient)", peer=assoc.peer_address)
                pending.pop(0)
                self.sent.append((event, ae, status))

    async def announce(self, status: str = "RESTARTED", *, warm: bool = True,
                       fallback: Iterable[str] = ()) -> None:
        """Send SCP Status Change (PS3.4 CC.2.4.3) to every subscribed AE and ``fallback``:
        SCP Status ``status`` (RESTARTED or GOING DOWN), the lists WARM START when ``warm``
        (the store keeps them), else COLD STARTED."""
        info = Dataset()
        info.SCPStatus = status
        if status == "RESTARTED":
            info.SubscriptionListStatus = "WARM START" if warm else "COLD STARTED"
            info.UnifiedProcedureStepListStatus = "WARM START" if warm else "COLD START"
        receivers = tuple(dict.fromkeys([*await self.store.subscribed_aes(), *fallback]))
        await self.deliver([Event(ups.UpsEvent.SCP_STATUS_CHANGE, GLOBAL, info, receivers)])


async def send_event(provider: DimseProvider, context_id: int, event: Event,
                     transfer_syntax: str) -> int:
    """Send one N-EVENT-REPORT-RQ (PS3.4 CC.2.4): Affected SOP Class UID of UPS Push (CC.2.4.3),
    the UPS, the Event Type ID and Event Information; the Status of its response."""
    msg = build("N-EVENT-REPORT-RQ", data_set=True, AffectedSOPClassUID=_PUSH,
                AffectedSOPInstanceUID=event.uid, EventTypeID=int(event.event_type))
    rsp = await provider.request_one(context_id, msg, encode(event.info, transfer_syntax))
    return int(rsp.status)
