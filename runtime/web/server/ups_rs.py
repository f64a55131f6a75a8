"""UPS-RS, the Worklist Service (PS3.18 11), over a :class:`~dicomkit.workitems.AsyncWorkitemStore`
shared with the DIMSE UPS SCP (:mod:`dicomkit.net.services.ups`).

Transactions (PS3.18 Table 11.1.1-1): Create (``POST /workitems{?workitem}``, 11.4), Retrieve
(``GET /workitems/{workitem}``, 11.5), Update (``POST /workitems/{workitem}{?transaction}``,
11.6), Change State (``PUT .../state``, 11.7), Request Cancellation (``POST .../cancelrequest``,
11.8), Search (``GET /workitems``, 11.9), Subscribe / Unsubscribe (``POST`` / ``DELETE
.../subscribers/{aetitle}{?deletionlock,filter}``, 11.10, 11.11; the Worklist and Filtered
Worklist Subscription UIDs of :data:`dicomkit.generated.ups.WELL_KNOWN`) and Suspend Global
Subscription (``POST .../subscribers/{aetitle}/suspend``, 11.12).

The subscriber is the AE title in the subscription's path (PS3.18 11.1.1: ``{aetitle}``, "The
Application Entity Title of a Subscriber"); nothing else names a user agent.  A Request
Cancellation names no AE (PS3.18 11.8.1): the UPS Cancel Requested event's Requesting AE
(0074,1236), which PS3.4 CC.2.4.3 fills with "the AE Title of the triggering N-ACTION SCU", is
the origin server's own AE title (``ae_title``), the AE that forwards the request to the
performer.  A cancel request on a SCHEDULED workitem cancels it (202; IN PROGRESS, then
CANCELED): PS3.18 11.8.2 says the origin server "shall process the request as described by the
SCP behavior" of PS3.4 CC.2.2.3, which says so; Table 11.8.3-1 names SCHEDULED under 409 only
"For example", in a table of "some common status codes".

Event Reports (PS3.18 8.10.5, 11.13) go over the subscriber's Notification Connection, a
WebSocket the user agent opens at ``/ws/subscribers/{aetitle}`` under the service's base URL
(8.10.4; the Subscribe response's Content-Location names it, 11.10.3.2): one text frame per
event, a DICOM JSON object (8.10.5.1.1) of the N-EVENT-REPORT-RQ fields the example of 11.13
carries (PS3.7 Table 10.3-1: Affected SOP Class UID, Message ID, Affected SOP Instance UID,
Event Type ID; 11.13 cites Table 10.3-2, the response, whose Message ID Being Responded To the
example does not have) and the Event Information of PS3.4 Table CC.2.4-1.  The Affected SOP
Class UID is UPS Push, as PS3.4 CC.2.4.3 requires (11.13: "as described in" CC.2.4.3; its
example's UPS Event SOP Class UID is not normative).  The events come from the store's event
hub (:attr:`~dicomkit.workitems.AsyncWorkitemStore.hub`), whichever transport caused them:
a change over DIMSE reaches the WebSockets, a change over UPS-RS the DIMSE subscribers.

A refusal of the store (:class:`~dicomkit.workitems.WorkitemError`) is answered with the HTTP
status of the transaction's Status Code table (:data:`dicomkit.generated.web.TRANSACTION_STATUSES`),
the Warning the section names, and the DIMSE status in the body (a Status Report, 8.5).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import anyio
import orjson
from anyio.streams.memory import MemoryObjectSendStream
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from dicomkit.core import dictionary
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids, ups, web
from dicomkit.generated.commands import COMMAND_ELEMENTS, COMMAND_TAGS
from dicomkit.generated.web import MediaType
from dicomkit.web.errors import JsonModelError
from dicomkit.web.json_model import from_json_dict, to_json_dict
from dicomkit.web.server.errors import HttpError
from dicomkit.web.server.urls import base_url
from dicomkit.workitems import FILTERED_GLOBAL, GLOBAL, AsyncWorkitemStore, Event, WorkitemError
from dicomkit.workitems.requirements import has_value
from dicomkit.workitems.statuses import DUPLICATE_SOP_INSTANCE

__all__ = ["NotificationConnections", "UpsRsService", "event_message", "http_status"]

log = logging.getLogger("dicomkit.web.server.ups_rs")

_JSON = str(MediaType.APPLICATION_DICOM_JSON)
_UID = re.compile(r"^[0-9]+(\.[0-9]+)*$")
_AE = re.compile(r"^[\x20-\x5b\x5d-\x7e]{1,16}$")
S = ups.UpsStatus
#: The path of the Notification Connection of an AE, under the base URL (PS3.18 8.10.4).
WEBSOCKET_PATH = "/ws/subscribers/{aetitle}"
#: Attributes every Search result carries (PS3.18 11.9.2: Return Key Type 1 or 2 of PS3.4
#: Table CC.2.5-3), and those it carries when the workitem has them (Return Key Type 1C).
_RETURNED = tuple(r.tag for r in ups.ATTRIBUTES
                  if r.kind == "attribute" and r.depth == 0 and r.returned in ("1", "2"))
_RETURNED_IF_SET = tuple(r.tag for r in ups.ATTRIBUTES
                         if r.kind == "attribute" and r.depth == 0 and r.returned == "1C")


def _status(transaction: str, code: int) -> int:
    """``code`` checked against the transaction's Status Code table of PS3.18 11."""
    table = web.TRANSACTION_STATUSES[("Worklist", transaction)]
    return code if code in table else 400 if code < 500 else code


#: DIMSE status of a refusal -> HTTP status, per transaction (PS3.18 Tables 11.4.3-1 to
#: 11.12.3-1): "no such UPS" 404 everywhere; a state conflict 409; the Transaction UID and the
#: COMPLETED / CANCELED UPS of an update 400 (11.6.2, Table 11.6.3-1, Table 11.7.3-1).
_CONFLICT = {int(S.UPS_IS_ALREADY_IN_PROGRESS), int(S.MAY_ONLY_BECOME_SCHEDULED_VIA_N_CREATE),
             int(S.UPS_IS_NOT_YET_IN_THE_IN_PROGRESS_STATE), int(S.UPS_IS_ALREADY_COMPLETED),
             int(S.FINAL_STATE_REQUIREMENTS_NOT_MET), int(S.UPS_MAY_NO_LONGER_BE_UPDATED),
             int(S.PERFORMER_CANNOT_BE_CONTACTED), int(S.PERFORMER_CHOOSES_NOT_TO_CANCEL)}


def http_status(transaction: str, exc: WorkitemError) -> int:
    """The HTTP status answering the store's refusal ``exc`` in ``transaction``."""
    if exc.status == S.NO_SUCH_UPS:
        return _status(transaction, 404)
    if transaction == "Create Workitem" and exc.status == DUPLICATE_SOP_INSTANCE:
        return 409  # Table 11.4.3-1: "The Target Workitem already exists."
    if transaction == "Update Workitem" and exc.status == S.UPS_MAY_NO_LONGER_BE_UPDATED:
        return 400  # PS3.18 11.6.2
    if exc.status in _CONFLICT:
        return _status(transaction, 409)
    return 400


def _warning_text(transaction: str, exc: WorkitemError, given: str) -> str:
    """The Warning text PS3.18 names for a failure (11.6.3.2, 11.7.3.2), else the reason."""
    if exc.status == S.CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED:
        if transaction == "Update Workitem":
            return "The target URI did not reference a claimed Workitem."
        return "The Transaction UID is incorrect." if given else "The Transaction UID is missing."
    if exc.status in _CONFLICT and transaction == "Update Workitem":
        return "The submitted request is inconsistent with the current state of the Workitem."
    if exc.status in _CONFLICT and transaction == "Change Workitem State":
        return "The submitted request is inconsistent with the state of the UPS Instance."
    return exc.reason.replace('"', "'").replace("\n", " ")


def event_message(event: Event, message_id: int) -> bytes:
    """The Send Event Report frame of ``event`` (PS3.18 8.10.5.1.1, 11.13): a DICOM JSON object
    with the N-EVENT-REPORT-RQ fields of the 11.13 example (PS3.7 Table 10.3-1; Affected SOP
    Class UID of UPS Push, PS3.4 CC.2.4.3) and the Event Information (PS3.4 Table CC.2.4-1)."""
    ds = Dataset()
    values = {"AffectedSOPClassUID": uids.UnifiedProcedureStepPush,
              "MessageID": message_id & 0xFFFF, "AffectedSOPInstanceUID": event.uid,
              "EventTypeID": int(event.event_type)}
    for keyword, value in values.items():
        tag = COMMAND_TAGS[keyword]
        ds.add_new(tag, COMMAND_ELEMENTS[tag][2], value)
    for elem in event.info.elements():
        ds[elem.tag] = elem
    return orjson.dumps(to_json_dict(ds))


class NotificationConnections:
    """The open Notification Connections (PS3.18 8.10.4) by AE title, and the events sent to
    them: :meth:`publish` listens on the store's event hub.  Each connection has a bounded
    queue; one that cannot keep up loses the events past it, and the loss is logged."""

    def __init__(self, queue_size: int = 1000) -> None:
        self.queue_size = queue_size
        self._open: dict[str, set[MemoryObjectSendStream[bytes]]] = {}
        self._message_id = 0

    def connected(self, ae: str) -> bool:
        """Whether ``ae`` has a Notification Connection open."""
        return bool(self._open.get(ae))

    def add(self, ae: str, stream: MemoryObjectSendStream[bytes]) -> None:
        """Register a connection of ``ae``."""
        self._open.setdefault(ae, set()).add(stream)

    def remove(self, ae: str, stream: MemoryObjectSendStream[bytes]) -> None:
        """Forget a closed connection."""
        streams = self._open.get(ae)
        if streams is not None:
            streams.discard(stream)
            if not streams:
                del self._open[ae]

    async def publish(self, events: Sequence[Event]) -> None:
        """Send each event to the connections of its receivers (a Message ID each, managed
        here as PS3.18 8.10.5.1.1 asks of a proxy)."""
        for event in events:
            for ae in event.receivers:
                streams = self._open.get(ae)
                if not streams:
                    continue
                self._message_id = self._message_id % 0xFFFF + 1
                frame = event_message(event, self._message_id)
                for stream in list(streams):
                    try:
                        stream.send_nowait(frame)
                    except anyio.WouldBlock:
                        log.warning("UPS-RS event for %s dropped: its connection is %d "
                                    "events behind", ae, self.queue_size)
                    except (anyio.BrokenResourceError, anyio.ClosedResourceError):
                        self.remove(ae, stream)


def _service(request: Request) -> str:
    return request.headers.get("host") or "dicomkit"


def _uid(value: str, what: str) -> str:
    if not _UID.match(value) or len(value) > 64:
        raise HttpError(400, f"{what} {value[:80]!r} is not a UID (PS3.5 9.1)")
    return value


def _ae(value: str) -> str:
    if not _AE.match(value) or not value.strip():
        raise HttpError(400, f"AE title {value[:40]!r} is not 1 to 16 characters of the "
                        "default repertoire without backslash (PS3.5 Table 6.2-1 AE)")
    return value.strip()


class UpsRsService:
    """The UPS-RS handlers over ``store`` (see the module).

    Parameters
    ----------
    store
        The workitems (the same store as the DIMSE UPS SCP's); the service publishes the
        events of its transactions on the store's hub and listens there for every event.
    ae_title
        The origin server's AE title: the Requesting AE of a cancel request (see the module).
    public_url
        As :attr:`~dicomkit.web.server.ServerConfig.public_url`.
    max_results
        The most workitems a Search answers (more: 206 and a Warning, PS3.18 11.9.3).
    connections
        The Notification Connections (a new set by default).
    """

    def __init__(self, store: AsyncWorkitemStore, *, ae_title: str = "DICOMKIT",
                 public_url: str | None = None, max_results: int = 1000,
                 connections: NotificationConnections | None = None) -> None:
        if not _AE.match(ae_title) or not ae_title.strip():
            raise ValueError(f"AE title {ae_title[:40]!r} is not 1 to 16 characters of the "
                             "default repertoire without backslash (PS3.5 Table 6.2-1 AE)")
        self.store = store
        self.ae_title = ae_title.strip()
        self.public_url = public_url
        self.max_results = max_results
        self.connections = connections or NotificationConnections()
        store.hub.listen(self.connections.publish)

    def close(self) -> None:
        """Stop listening on the store's hub."""
        self.store.hub.unlisten(self.connections.publish)

    def _answer(self, response: Response, events: Sequence[Event]) -> Response:
        """``response``, the events published once it is sent (a DIMSE delivery does not
        hold the answer back)."""
        if events:
            response.background = BackgroundTask(self.store.publish, list(events))
        return response

    # ------------------------------------------------------------------ helpers

    async def _body(self, request: Request, *, optional: bool = False) -> Dataset | None:
        body = await request.body()
        if not body.strip():
            if optional:
                return None
            raise HttpError(400, "the request has no payload; a Workitem data set in "
                            f"{_JSON} is required (PS3.18 11)")
        ctype = request.headers.get("content-type", _JSON).split(";")[0].strip().lower()
        if ctype not in (_JSON, "application/json"):
            raise HttpError(415, f"Content-Type {ctype!r}: this origin server takes {_JSON} "
                            "(PS3.18 Table 11.1.3-1)")
        try:
            value = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise HttpError(400, f"the payload is not JSON: {exc}") from None
        if isinstance(value, list):
            if len(value) != 1:
                raise HttpError(400, f"the payload holds {len(value)} data sets; one Workitem "
                                "is expected (PS3.18 11.4.1.4)")
            value = value[0]
        if not isinstance(value, dict):
            raise HttpError(400, "the payload is not a DICOM JSON object (PS3.18 F.2)")
        try:
            return from_json_dict(value)
        except JsonModelError as exc:
            raise HttpError(400, f"the payload is not the DICOM JSON model: {exc}") from None

    def _refused(self, request: Request, transaction: str, exc: WorkitemError,
                 given: str = "") -> HttpError:
        text = _warning_text(transaction, exc, given)
        return HttpError(http_status(transaction, exc),
                         f"{exc} (DIMSE status 0x{exc.status:04X})",
                         headers=[("Warning", f'299 {_service(request)}: {text}')])

    def _url(self, request: Request, *parts: str) -> str:
        return "/".join([base_url(request, self.public_url), "workitems", *parts])

    # ------------------------------------------------------------------ transactions

    async def create(self, request: Request) -> Response:
        """Create Workitem (PS3.18 11.4)."""
        ds = await self._body(request)
        assert ds is not None
        given = [k for k, v in request.query_params.multi_items() if k == "workitem" or
                 (not v and _UID.match(k))]
        uid = request.query_params.get("workitem") or (given[0] if given else None)
        if uid is not None:
            _uid(uid, "workitem")
            if tags.SOPInstanceUID in ds and str(ds.SOPInstanceUID).strip("\0 ") != uid:
                raise HttpError(400, "the payload's SOP Instance UID differs from the workitem "
                                "query parameter (PS3.18 11.4.1.1)")
        elif not str(ds.get(tags.SOPInstanceUID, None) and ds.SOPInstanceUID or ""):
            raise HttpError(400, "the Workitem UID is given neither as the workitem query "
                            "parameter nor as SOP Instance UID in the payload (PS3.18 11.4.1.1)")
        try:
            outcome = await self.store.create(ds, uid)
        except WorkitemError as exc:
            raise self._refused(request, "Create Workitem", exc) from None
        assert outcome.dataset is not None
        created = str(outcome.dataset.SOPInstanceUID)
        headers = {"Location": self._url(request, created),
                   "Content-Location": self._url(request, created)}
        response = Response(status_code=201, headers=headers)
        if outcome.status == S.UPS_WAS_CREATED_WITH_MODIFICATIONS:
            response.headers.append("Warning", f"299 {_service(request)}: The Workitem was "
                                    "created with modifications.")
        return self._answer(response, outcome.events)

    async def retrieve(self, request: Request) -> Response:
        """Retrieve Workitem (PS3.18 11.5): the Workitem without its Transaction UID (PS3.4
        CC.2.7.3: never returned)."""
        uid = _uid(request.path_params["workitem"], "workitem")
        try:
            ds = await self.store.get(uid)
        except WorkitemError as exc:
            raise self._refused(request, "Retrieve Workitem", exc) from None
        if tags.TransactionUID in ds:
            del ds[tags.TransactionUID]
        return Response(orjson.dumps([to_json_dict(ds)]), media_type=_JSON,
                        headers={"Content-Location": self._url(request, uid)})

    def _transaction_uid(self, request: Request) -> str:
        """The Transaction UID of an Update: the ``transaction`` query parameter, a bare UID
        as the query (PS3.18 11.6.1: ``/workitems/{workitem}?{transaction-uid}``)."""
        params = request.query_params
        if params.get("transaction"):
            return _uid(params["transaction"], "transaction")
        for key, value in params.multi_items():
            if not value and _UID.match(key):
                return key
        return ""

    async def update(self, request: Request) -> Response:
        """Update Workitem (PS3.18 11.6)."""
        uid = _uid(request.path_params["workitem"], "workitem")
        changes = await self._body(request)
        assert changes is not None
        given = self._transaction_uid(request)
        if given:
            changes.add_new(tags.TransactionUID, "UI", given)
        else:
            given = str(changes.get(tags.TransactionUID) and changes.TransactionUID or "")
        try:
            outcome = await self.store.set(uid, changes)
        except WorkitemError as exc:
            raise self._refused(request, "Update Workitem", exc, given) from None
        response = Response(status_code=200, headers={"Content-Location": self._url(request, uid)})
        if outcome.status == S.COERCED_INVALID_VALUES_TO_VALID_VALUES:
            response.headers.append("Warning", f"299 {_service(request)}: The Workitem was "
                                    "updated with modifications.")
        return self._answer(response, outcome.events)

    async def change_state(self, request: Request) -> Response:
        """Change Workitem State (PS3.18 11.7): Procedure Step State and Transaction UID in the
        payload."""
        uid = _uid(request.path_params["workitem"], "workitem")
        ds = await self._body(request)
        assert ds is not None
        state = str(ds.get(tags.ProcedureStepState) and ds.ProcedureStepState or "").strip()
        given = str(ds.get(tags.TransactionUID) and ds.TransactionUID or "").strip("\0 ")
        if state not in (ups.IN_PROGRESS, ups.COMPLETED, ups.CANCELED):
            raise HttpError(400, f"Procedure Step State {state!r}: the payload requests IN "
                            "PROGRESS, COMPLETED or CANCELED (PS3.18 11.7.1.4)")
        if not given:
            raise HttpError(400, "the payload has no Transaction UID (PS3.18 11.7.1.4)",
                            headers=[("Warning", f"299 {_service(request)}: The Transaction "
                                      "UID is missing.")])
        try:
            outcome = await self.store.change_state(uid, state, given)
        except WorkitemError as exc:
            raise self._refused(request, "Change Workitem State", exc, given) from None
        response = Response(status_code=200)
        if outcome.status in (S.ALREADY_CANCELED, S.ALREADY_COMPLETED):
            response.headers.append("Warning", f"299 {_service(request)}: The UPS is already "
                                    f"in the requested state of {state}.")
        return self._answer(response, outcome.events)

    async def cancel(self, request: Request) -> Response:
        """Request Cancellation (PS3.18 11.8): 202 Accepted."""
        uid = _uid(request.path_params["workitem"], "workitem")
        info = await self._body(request, optional=True)
        try:
            outcome = await self.store.request_cancel(uid, self.ae_title, info)
        except WorkitemError as exc:
            raise self._refused(request, "Request Cancellation", exc) from None
        response = Response(status_code=202)
        if outcome.status == S.ALREADY_CANCELED:
            response.headers.append("Warning", f"299 {_service(request)}: The UPS is already "
                                    "in the requested state of CANCELED.")
        return self._answer(response, outcome.events)

    async def search(self, request: Request) -> Response:
        """Search (PS3.18 11.9): the store's C-FIND matching (PS3.4 CC.2.8.3, C.2.2) of the
        match parameters; ``includefield``, ``limit`` and ``offset`` as QIDO-RS (8.3.4)."""
        identifier = Dataset()
        limit, offset = self.max_results, 0
        for name, value in request.query_params.multi_items():
            if name in ("accept", "charset", "fuzzymatching"):
                continue
            if name in ("limit", "offset"):
                if not value.isdigit():
                    raise HttpError(400, f"{name}={value!r} is not an unsigned integer "
                                    "(PS3.18 8.3.4.4)")
                if name == "limit":
                    limit = min(int(value), self.max_results)
                else:
                    offset = int(value)
                continue
            if name == "includefield":
                for field in value.split(","):
                    if field.strip() == "all":
                        continue
                    tag = _tag(field.strip())
                    if tag not in identifier:
                        identifier.add_new(tag, dictionary_vr(tag), None)
                continue
            tag = _tag(name)
            vr = dictionary_vr(tag)
            if vr == "SQ":
                raise HttpError(400, f"{name}: matching on a sequence's items is given as "
                                "Sequence.Attribute (not supported by this origin server)")
            try:
                identifier.add_new(tag, vr, value.split("\\") if "\\" in value else value,
                                   validation_mode="ignore")
            except (DicomError, ValueError, TypeError) as exc:
                raise HttpError(400, f"{name}={value!r}: {exc}") from None
        asked = {int(t) for t in identifier}
        for tag in (*_RETURNED, *_RETURNED_IF_SET):
            if tag not in identifier and tag != tags.SpecificCharacterSet:
                identifier.add_new(tag, dictionary_vr(tag), None)
        try:
            found = await self.store.find(identifier)
        except WorkitemError as exc:
            raise HttpError(400, f"the search cannot be run: {exc}") from None
        for ds in found:
            for tag in _RETURNED_IF_SET:  # 1C: "Return Key required if set"
                if tag not in asked and tag in ds and not has_value(ds.get(tag)):
                    del ds[tag]
        page = found[offset:offset + limit]
        if not page:
            return Response(status_code=204)
        response = Response(orjson.dumps([to_json_dict(ds) for ds in page]), media_type=_JSON,
                            status_code=206 if offset + limit < len(found) else 200)
        if offset + limit < len(found):
            response.headers.append("Warning", f"299 {_service(request)}: There are "
                                    f"{len(found) - offset - limit} additional results that "
                                    "can be requested")
        return response

    async def subscribe(self, request: Request) -> Response:
        """Subscribe (PS3.18 11.10): ``deletionlock`` and (for the Filtered Worklist
        Subscription) ``filter``; 201 with Content-Location the WebSocket URL."""
        uid = _uid(request.path_params["workitem"], "workitem")
        ae = _ae(request.path_params["aetitle"])
        lock_text = request.query_params.get("deletionlock", "false").lower()
        if lock_text not in ("true", "false"):
            raise HttpError(400, f"deletionlock={lock_text!r}: true or false (PS3.18 11.10.1.2)")
        keys: Dataset | None = None
        text = request.query_params.get("filter")
        if text is not None:
            if uid != FILTERED_GLOBAL:
                raise HttpError(400, "filter is a parameter of the Filtered Worklist "
                                "Subscription only (PS3.18 Table 11.10.1-2)")
            keys = Dataset()
            for pair in text.split(","):
                name, eq, value = pair.partition("=")
                if not eq:
                    raise HttpError(400, f"filter {pair!r}: attribute=value (PS3.18 11.10.1.2)")
                tag = _tag(name.strip())
                try:
                    keys.add_new(tag, dictionary_vr(tag), value, validation_mode="ignore")
                except (DicomError, ValueError, TypeError) as exc:
                    raise HttpError(400, f"filter {pair!r}: {exc}") from None
        try:
            outcome = await self.store.subscribe(ae, uid, deletion_lock=lock_text == "true",
                                                 keys=keys)
        except WorkitemError as exc:
            raise self._refused(request, "Subscribe", exc) from None
        ws = base_url(request, self.public_url).replace("https://", "wss://", 1).replace(
            "http://", "ws://", 1)
        path = WEBSOCKET_PATH.format(aetitle=ae)
        response = Response(status_code=201, headers={"Content-Location": f"{ws}{path}"})
        if outcome.status == S.DELETION_LOCK_NOT_GRANTED:
            response.headers.append("Warning", f"299 {_service(request)}: Deletion Lock not "
                                    "granted.")
        return self._answer(response, outcome.events)

    async def unsubscribe(self, request: Request) -> Response:
        """Unsubscribe (PS3.18 11.11): 404 when ``aetitle`` has no such subscription (Table
        11.11.3-1: "The target Subscription was not found")."""
        uid = _uid(request.path_params["workitem"], "workitem")
        ae = _ae(request.path_params["aetitle"])
        held = await self.store.subscriptions(ae)
        # unsubscribing globally ends every subscription of the AE (PS3.4 Table CC.2.3-2)
        found = bool(held) if uid in (GLOBAL, FILTERED_GLOBAL) else \
            any(u == uid for _, u, _ in held)
        if not found:
            try:
                await self.store.get(uid)  # no such workitem: 404 as well, with C307H
            except WorkitemError as exc:
                raise self._refused(request, "Unsubscribe", exc) from None
            raise HttpError(404, f"{ae} has no subscription to {uid} (PS3.18 Table 11.11.3-1)")
        try:
            await self.store.unsubscribe(ae, uid)
        except WorkitemError as exc:
            raise self._refused(request, "Unsubscribe", exc) from None
        return Response(status_code=200)

    async def suspend(self, request: Request) -> Response:
        """Suspend Global Subscription (PS3.18 11.12): 404 when ``aetitle`` has no such
        Worklist Subscription (Table 11.12.3-1)."""
        uid = _uid(request.path_params["workitem"], "workitem")
        if uid not in (GLOBAL, FILTERED_GLOBAL):
            raise HttpError(400, f"{uid} is not a Worklist Subscription (PS3.18 Table "
                            "11.12.1-1)")
        ae = _ae(request.path_params["aetitle"])
        if not any(u == uid for _, u, _ in await self.store.subscriptions(ae)):
            raise HttpError(404, f"{ae} has no subscription to {uid} (PS3.18 Table 11.12.3-1)")
        try:
            await self.store.suspend_global(ae)
        except WorkitemError as exc:
            raise self._refused(request, "Suspend Global Subscription", exc) from None
        return Response(status_code=200)

    async def notifications(self, websocket: WebSocket) -> None:
        """Open Notification Connection (PS3.18 8.10.4): the Event Reports of ``aetitle``
        as text frames until the user agent closes it."""
        ae = websocket.path_params["aetitle"]
        if not _AE.match(ae) or not ae.strip():
            reason = (f"AE title {ae[:40]!r} is not 1 to 16 characters of the default "
                      "repertoire without backslash (PS3.5 Table 6.2-1 AE)")
            if "websocket.http.response" in websocket.scope.get("extensions", {}):
                # PS3.18 Table 8.10.4-2: 400 (Bad Request) for a problem with the request
                await websocket.send_denial_response(Response(reason + "\n", status_code=400,
                                                              media_type="text/plain"))
            else:
                await websocket.close(code=1008, reason=reason[:120])
            return
        ae = ae.strip()
        send, receive = anyio.create_memory_object_stream[bytes](self.connections.queue_size)
        # registered before the handshake completes: an event published once the user agent
        # has its 101 is queued for it
        self.connections.add(ae, send)
        try:
            await websocket.accept()
            async with anyio.create_task_group() as tg:
                async def pump() -> None:
                    async with receive:
                        async for frame in receive:
                            try:
                                await websocket.send_text(frame.decode("utf-8"))
                            except Exception as exc:  # the ASGI server's "closed" errors
                                # vary (uvicorn's, websockets', wsproto's); the connection
                                # is gone either way and the user agent reopens it (8.10.4.2)
                                log.info("Notification Connection of %s lost: %r", ae, exc)
                                tg.cancel_scope.cancel()
                                return

                tg.start_soon(pump)
                try:
                    while True:
                        message = await websocket.receive()
                        if message["type"] == "websocket.disconnect":
                            break
                except WebSocketDisconnect:
                    pass
                tg.cancel_scope.cancel()
        finally:
            self.connections.remove(ae, send)
            send.close()

    def routes(self) -> list[BaseRoute]:
        """The routes of PS3.18 Table 11.1.1-1 and the Notification Connection."""
        w = "/workitems/{workitem}"
        s = w + "/subscribers/{aetitle}"
        return [
            Route("/workitems", self.create, methods=["POST"], name="Create Workitem"),
            Route("/workitems", self.search, methods=["GET"], name="Search Workitems"),
            Route(w, self.retrieve, methods=["GET"], name="Retrieve Workitem"),
            Route(w, self.update, methods=["POST"], name="Update Workitem"),
            Route(w + "/state", self.change_state, methods=["PUT"], name="Change Workitem State"),
            Route(w + "/cancelrequest", self.cancel, methods=["POST"],
                  name="Request Cancellation"),
            Route(s, self.subscribe, methods=["POST"], name="Subscribe"),
            Route(s, self.unsubscribe, methods=["DELETE"], name="Unsubscribe"),
            Route(s + "/suspend", self.suspend, methods=["POST"],
                  name="Suspend Global Subscription"),
            WebSocketRoute(WEBSOCKET_PATH, self.notifications,
                           name="Notification Connection"),
        ]


def _tag(name: str) -> int:
    if len(name) == 8:
        try:
            return int(name, 16)
        except ValueError:
            pass
    tag = dictionary.tag_for_keyword(name)
    if tag is None:
        raise HttpError(400, f"{name[:80]!r} is neither a keyword of the data dictionary nor "
                        "a tag (ggggeeee) (PS3.18 8.3.4.1)")
    return tag

