"""The Unified Procedure Step SOP classes as SCU (PS3.4 Annex CC).

:class:`UpsClient` sends on an association each UPS operation in the context of a SOP class
whose group has it (the generated :data:`~dicomkit.generated.ups.SERVICE_SOP_CLASSES` and
:data:`~dicomkit.generated.ups.ACTION_SOP_CLASSES`): Push (create, request cancel), Pull
(find, get, set, claim, complete, cancel), Watch (subscribe, unsubscribe, suspend global),
Query (find).  The Requested SOP Class UID of N-SET, N-GET and N-ACTION is that of UPS Push,
the class of every UPS instance (PS3.4 CC.3.1).

:class:`UpsEventListener` takes N-EVENT-REPORTs (PS3.4 CC.2.4) that the SCP sends on
associations it opens to us: add it to the application entity that serves
(``ae.add_service(listener, scu_role=True, scp_role=True)``: the SCP proposes its SCP role by
role selection, PS3.7 D.3.3.4; peers that propose none, pynetdicom among them, are accepted in
the default roles too) and read its events with
:meth:`~UpsEventListener.wait` or ``async for``.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.generated import tags, uids, ups
from dicomkit.generated.statuses import StatusType
from dicomkit.net.association import Association
from dicomkit.net.dimse import build, classify_status
from dicomkit.net.dimse_provider import DimseProvider, Request, Response
from dicomkit.net.errors import ServiceError
from dicomkit.net.services.ups.datasets import (
    change_state_info,
    decode,
    encode,
    subscribe_info,
    text,
)
from dicomkit.net.services.ups.errors import UpsError, UpsRefused, UpsTimeout
from dicomkit.workitems import FILTERED_GLOBAL, GLOBAL

__all__ = ["EventReport", "UpsClient", "UpsEventListener"]

_PUSH = uids.UnifiedProcedureStepPush



_SUCCESS = int(StatusType.SUCCESS)
_NO_SUCH_EVENT_TYPE = int(StatusType.NO_SUCH_EVENT_TYPE)
_PROCESSING_FAILURE = int(StatusType.PROCESSING_FAILURE)


@dataclass(frozen=True)
class EventReport:
    """One N-EVENT-REPORT received (PS3.4 CC.2.4): Event Type ID, the UPS, the Event
    Information, who sent it."""

    event_type: ups.UpsEvent
    uid: str
    info: Dataset
    calling_ae: str = ""
    peer: tuple[str, int] | None = field(default=None, compare=False)

    @property
    def state(self) -> str:
        """Procedure Step State of a UPS State Report (``""`` for other events)."""
        return text(self.info, tags.ProcedureStepState)


class UpsClient:
    """The UPS operations on an association (see the module).

    The association needs a DIMSE provider reading it (one opened with
    :meth:`dicomkit.net.ae.ApplicationEntity.connect`, or inside ``async with
    DimseProvider(assoc)``) and accepted contexts of the UPS SOP classes used.
    """

    def __init__(self, association: Association) -> None:
        self.association = association

    @property
    def peer(self) -> tuple[str, int] | None:
        return self.association.peer_address

    def _context(self, candidates: Iterable[str], what: str) -> tuple[int, str]:
        wanted = tuple(candidates)
        for sop_class in wanted:
            for context in self.association.contexts.values():
                if context.abstract_syntax == sop_class:
                    return context.id, context.transfer_syntax
        names = ", ".join(ups.SOP_CLASSES[c].name for c in wanted)
        raise UpsError(f"the peer accepted no context for {what} (PS3.4 CC.2: propose one "
                       f"of {names})", peer=self.peer)

    def _dimse(self) -> DimseProvider:
        dimse = self.association.dimse
        if dimse is None:
            return DimseProvider(self.association)
        return dimse

    async def _request(self, what: str, candidates: Iterable[str], name: str,
                       data: Dataset | None, uid: str = "", **fields: object) -> Response:
        context_id, syntax = self._context(candidates, what)
        msg = build(name, data_set=data is not None, **fields)
        rsp = await self._dimse().request_one(
            context_id, msg, encode(data, syntax) if data is not None else None)
        if classify_status(rsp.status) not in ("success", "warning"):
            comment = rsp.message.get("ErrorComment")
            offending = rsp.message.get("OffendingElement")
            off = tuple(int(t) for t in (offending if isinstance(offending, list | tuple)
                                          else [offending] if offending else []))
            raise UpsRefused(what, rsp.status, comment=str(comment or ""), offending=off,
                             uid=uid, peer=self.peer)
        return rsp

    # ------------------------------------------------------------------ Push

    async def create(self, ds: Dataset, uid: str | None = None) -> str:
        """N-CREATE a UPS (PS3.4 CC.2.5) with ``uid`` (a new one by default): its UID.

        Raises
        ------
        UpsRefused
            With the SCP's failure status (C309H when not SCHEDULED, 0120H, ...).
        """
        uid = uid or generate_uid()
        await self._request("N-CREATE", ups.SERVICE_SOP_CLASSES["N-CREATE"], "N-CREATE-RQ",
                            ds, uid, AffectedSOPClassUID=_PUSH, AffectedSOPInstanceUID=uid)
        return uid

    async def request_cancel(self, uid: str, *, reason: str = "",
                             contact_uri: str = "", contact_name: str = "",
                             reason_code: Dataset | None = None) -> int:
        """N-ACTION Request UPS Cancel (PS3.4 CC.2.2); the status (0, or B304H when already
        canceled)."""
        info = Dataset()
        if reason:
            info.ReasonForCancellation = reason
        if reason_code is not None:
            info.ProcedureStepDiscontinuationReasonCodeSequence = [reason_code]
        if contact_uri:
            info.ContactURI = contact_uri
        if contact_name:
            info.ContactDisplayName = contact_name
        return await self._action(uid, ups.UpsAction.REQUEST_UPS_CANCEL, info)

    async def _action(self, uid: str, action: ups.UpsAction, info: Dataset) -> int:
        rsp = await self._request(f"N-ACTION {action.name}", ups.ACTION_SOP_CLASSES[action],
                                  "N-ACTION-RQ", info, uid, RequestedSOPClassUID=_PUSH,
                                  RequestedSOPInstanceUID=uid, ActionTypeID=int(action))
        return rsp.status

    # ------------------------------------------------------------------ Pull

    async def get(self, uid: str, attributes: Iterable[int] = ()) -> Dataset:
        """N-GET the UPS's attributes (all, or those given), PS3.4 CC.2.7."""
        wanted = [int(t) for t in attributes]
        fields: dict[str, object] = {"RequestedSOPClassUID": _PUSH,
                                     "RequestedSOPInstanceUID": uid}
        if wanted:
            fields["AttributeIdentifierList"] = wanted
        rsp = await self._request("N-GET", ups.SERVICE_SOP_CLASSES["N-GET"], "N-GET-RQ", None,
                                  uid, **fields)
        return decode(rsp.data or b"", self.association.contexts[rsp.context_id].transfer_syntax,
                      peer=self.peer, uid=uid)

    async def set(self, uid: str, changes: Dataset, transaction_uid: str = "") -> int:
        """N-SET attributes of the UPS (PS3.4 CC.2.6), with its Transaction UID when it is
        IN PROGRESS; the status."""
        ds = changes.copy()
        if transaction_uid:
            ds.TransactionUID = transaction_uid
        rsp = await self._request("N-SET", ups.SERVICE_SOP_CLASSES["N-SET"], "N-SET-RQ", ds,
                                  uid, RequestedSOPClassUID=_PUSH, RequestedSOPInstanceUID=uid)
        return rsp.status

    async def change_state(self, uid: str, state: str, transaction_uid: str) -> int:
        """N-ACTION Change UPS State (PS3.4 CC.2.1); the status (0, or B304H/B306H when the
        UPS is in that state already)."""
        return await self._action(uid, ups.UpsAction.CHANGE_UPS_STATE,
                                  change_state_info(state, transaction_uid))

    async def claim(self, uid: str, transaction_uid: str | None = None) -> str:
        """Claim the UPS: change it to IN PROGRESS with a new Transaction UID (the Locking
        UID, PS3.4 CC.1.1), which is returned; keep it to change the UPS later."""
        transaction_uid = transaction_uid or generate_uid()
        await self.change_state(uid, ups.IN_PROGRESS, transaction_uid)
        return transaction_uid

    async def complete(self, uid: str, transaction_uid: str) -> int:
        """Change the UPS to COMPLETED (its final state requirements must be met)."""
        return await self.change_state(uid, ups.COMPLETED, transaction_uid)

    async def cancel(self, uid: str, transaction_uid: str) -> int:
        """Change the UPS to CANCELED as its performer."""
        return await self.change_state(uid, ups.CANCELED, transaction_uid)

    async def find(self, keys: Dataset) -> list[Dataset]:
        """C-FIND UPS (PS3.4 CC.2.8) with the identifier ``keys``: the matches."""
        return [ds async for ds in self.find_iter(keys)]

    async def find_iter(self, keys: Dataset) -> AsyncIterator[Dataset]:
        """The matches of a C-FIND as they come; leaving early sends C-CANCEL."""
        context_id, syntax = self._context(ups.SERVICE_SOP_CLASSES["C-FIND"], "C-FIND")
        dimse = self._dimse()
        msg = build("C-FIND-RQ", AffectedSOPClassUID=self.association.contexts[
            context_id].abstract_syntax, Priority=0)
        stream = dimse.request(context_id, msg, encode(keys, syntax))
        finished = False
        try:
            async for rsp in stream:
                if rsp.pending:
                    yield decode(rsp.data or b"", syntax, peer=self.peer)
                    continue
                finished = True
                if classify_status(rsp.status) not in ("success", "cancel", "warning"):
                    raise UpsRefused("C-FIND", rsp.status,
                                     comment=str(rsp.message.get("ErrorComment") or ""),
                                     peer=self.peer)
        finally:
            if not finished and msg.message_id is not None:
                with anyio.CancelScope(shield=True):
                    await dimse.cancel(msg.message_id, context_id)
            await stream.aclose()  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ Watch

    async def subscribe(self, receiving_ae: str, uid: str = GLOBAL, *,
                        deletion_lock: bool = False, keys: Dataset | None = None) -> int:
        """Subscribe ``receiving_ae`` to the events of a UPS, or of all (``uid`` the Global
        Subscription instance, the default), or of those matching ``keys`` (the Filtered
        Global Subscription), PS3.4 CC.2.3; the status (B301H: no deletion lock)."""
        if keys is not None and uid == GLOBAL:
            uid = FILTERED_GLOBAL
        return await self._action(uid, ups.UpsAction.SUBSCRIBE_TO_RECEIVE_UPS_EVENT_REPORTS,
                                  subscribe_info(receiving_ae, deletion_lock, keys))

    async def unsubscribe(self, receiving_ae: str, uid: str = GLOBAL) -> int:
        """Unsubscribe ``receiving_ae`` from a UPS, or from all and globally (PS3.4
        CC.2.3)."""
        return await self._action(uid,
                                  ups.UpsAction.UNSUBSCRIBE_FROM_RECEIVING_UPS_EVENT_REPORTS,
                                  subscribe_info(receiving_ae, None))

    async def suspend_global(self, receiving_ae: str) -> int:
        """Stop being subscribed to new UPSs, keeping the subscriptions held (PS3.4
        CC.2.3)."""
        return await self._action(GLOBAL, ups.UpsAction.SUSPEND_GLOBAL_SUBSCRIPTION,
                                  subscribe_info(receiving_ae, None))


class UpsEventListener:
    """Receives UPS N-EVENT-REPORTs (PS3.4 CC.2.4), answering Success (CC.2.4.2), and keeps
    them for :meth:`wait` or ``async for`` (see the module)."""

    requests: tuple[str, ...] = ("N-EVENT-REPORT-RQ",)
    sop_classes: tuple[str, ...] | None = ups.SERVICE_SOP_CLASSES["N-EVENT-REPORT"]

    def __init__(self, max_buffer: float = math.inf) -> None:
        self._send: MemoryObjectSendStream[EventReport]
        self._receive: MemoryObjectReceiveStream[EventReport]
        self._send, self._receive = anyio.create_memory_object_stream[EventReport](max_buffer)
        #: every event received, in order
        self.received: list[EventReport] = []

    async def handle(self, request: Request) -> int | None:
        """Keep the event; answer Success."""
        data = await request.read_data()
        try:
            kind = ups.UpsEvent(int(request.message.get("EventTypeID") or 0))
        except ValueError:
            raise ServiceError(_NO_SUCH_EVENT_TYPE, "Event Type ID "
                               f"{request.message.get('EventTypeID')} (PS3.4 CC.2.4)") from None
        peer = request.association.peer_address
        try:
            info = decode(data, request.transfer_syntax, peer=peer)
        except UpsError as exc:
            raise ServiceError(_PROCESSING_FAILURE, str(exc)[:64]) from None
        uid = str(request.message.get("AffectedSOPInstanceUID") or "").strip("\0 ")
        event = EventReport(kind, uid, info, (request.association.calling_ae or "").strip(), peer)
        self.received.append(event)
        await self._send.send(event)
        return _SUCCESS

    async def wait(self, timeout: float | None = None) -> EventReport:
        """The next event, waited for up to ``timeout`` seconds.

        Raises
        ------
        UpsTimeout
            When none came in time.
        """
        with anyio.move_on_after(timeout):
            return await self._receive.receive()
        raise UpsTimeout(f"no N-EVENT-REPORT within {timeout} s")

    def __aiter__(self) -> AsyncIterator[EventReport]:
        return self._receive.__aiter__()
