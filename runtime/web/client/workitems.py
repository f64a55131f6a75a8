"""The UPS-RS calls of the DICOMweb client (PS3.18 11, the Worklist Service), mixed into
:class:`~dicomkit.web.client.DicomWebClient`: create, retrieve, update, search, change state,
request cancellation, subscribe / unsubscribe / suspend, and the Event Reports of a
Notification Connection as an async iterator (:meth:`WorkitemCalls.aiter_events`).

Paths are the URI templates of PS3.18 Table 11.1.1-1 (``dicomkit.generated.web.RESOURCES``).
A refusal raises :class:`~dicomkit.web.errors.DicomWebError` with the HTTP status and the
Warning the origin server gave (PS3.18 11.x.3.2).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

import orjson

from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.generated import tags, ups
from dicomkit.generated.web import RESOURCES, MediaType
from dicomkit.web.client.notifications import aiter_events
from dicomkit.web.client.query import Match, QueryKey, key_name, query_params
from dicomkit.web.client.transport import Response
from dicomkit.web.errors import DicomWebError, JsonModelError
from dicomkit.web.json_model import from_json_dict, to_json_dict

if TYPE_CHECKING:
    import ssl

    from dicomkit.web.client.options import Auth
    from dicomkit.web.client.transport import Body, Transport

__all__ = ["WorkitemCalls", "worklist_path"]

_JSON = str(MediaType.APPLICATION_DICOM_JSON)
_VAR = re.compile(r"\{(\w+)\}")
#: The Notification Connection path of an AE under the base URL, where the Subscribe
#: response gives none (this library's origin server: dicomkit.web.server.ups_rs)
DEFAULT_WEBSOCKET_PATH = "/ws/subscribers/{aetitle}"


def worklist_path(name: str, transaction: str = "", **values: str) -> str:
    """The path of a Worklist Service resource (PS3.18 Table 11.1.1-1 and the transactions'
    Target Resources tables), the variables filled in and percent-encoded, no query part.

    >>> worklist_path("Workitem State", workitem="1.2.3")
    '/workitems/1.2.3/state'
    """
    for r in RESOURCES:
        if r.service == "Worklist" and r.transaction == transaction and r.name == name:
            template = r.uri_template.split("?", 1)[0].split("{?", 1)[0]
            return _VAR.sub(lambda m: quote(values[m.group(1)], safe=""), template)
    raise KeyError(f"PS3.18 has no Worklist resource {name!r}")


def _warnings(response: Response) -> list[str]:
    return [v for k, v in response.headers.items if k.lower() == "warning"]


def _payload(ds: Dataset) -> bytes:
    return orjson.dumps([to_json_dict(ds)])


class WorkitemCalls:
    """The UPS-RS user agent calls (see the module); a mixin of the DICOMweb client."""

    if TYPE_CHECKING:
        url: str
        headers: dict[str, str]
        auth: Auth | None
        transport: Transport
        timeout: float | None
        ssl_context: ssl.SSLContext | None

        def url_of(self, path: str, params: Sequence[tuple[str, str]] = ()) -> str: ...

        async def request(self, method: str, url: str, *, accept: str | None = None,
                          content_type: str | None = None, body: Body = None,
                          headers: Sequence[tuple[str, str]] = (),
                          allow: frozenset[int] = frozenset()) -> Response: ...

    async def _call(self, method: str, url: str, body: bytes | None = None, *,
                    accept: str | None = None) -> tuple[Response, bytes]:
        response = await self.request(method, url, accept=accept,
                                      content_type=_JSON if body is not None else None,
                                      body=body)
        try:
            data = b"".join([c async for c in response.aiter_bytes()])
        finally:
            await response.aclose()
        return response, data

    def _datasets(self, url: str, data: bytes) -> list[Dataset]:
        if not data.strip():
            return []
        try:
            value = orjson.loads(data)
            items = value if isinstance(value, list) else [value]
            return [from_json_dict(v) for v in items]
        except (orjson.JSONDecodeError, JsonModelError, TypeError, AttributeError) as exc:
            raise DicomWebError(f"the answer is not DICOM JSON: {exc}", method="GET",
                                url=url) from None

    # ------------------------------------------------------------------ workitems

    async def create_workitem(self, workitem: Dataset, uid: str | None = None) -> str:
        """Create Workitem (PS3.18 11.4): ``workitem`` as the N-CREATE attributes, its UID
        ``uid`` (the workitem query parameter), else its SOP Instance UID, else a new one.
        The Workitem UID."""
        ds = workitem.copy()
        given = uid or str(ds.get(tags.SOPInstanceUID) and ds.SOPInstanceUID or "") or \
            generate_uid()
        if tags.SOPInstanceUID in ds:
            del ds[tags.SOPInstanceUID]  # 11.4.1.4: the UID is the query parameter here
        url = self.url_of(worklist_path("Workitem", "Create Workitem")) + "?" + \
            quote(given, safe="")
        await self._call("POST", url, _payload(ds), accept=_JSON)
        return given

    async def retrieve_workitem(self, uid: str) -> Dataset:
        """Retrieve Workitem (PS3.18 11.5): the workitem (never its Transaction UID)."""
        url = self.url_of(worklist_path("Workitem", workitem=uid))
        _, data = await self._call("GET", url, accept=_JSON)
        found = self._datasets(url, data)
        if len(found) != 1:
            raise DicomWebError(f"the answer holds {len(found)} data sets, not one workitem",
                                method="GET", url=url)
        return found[0]

    async def update_workitem(self, uid: str, changes: Dataset,
                              transaction_uid: str | None = None) -> list[str]:
        """Update Workitem (PS3.18 11.6): the attributes of ``changes``; an IN PROGRESS
        workitem needs its ``transaction_uid``.  The response's Warning values."""
        url = self.url_of(worklist_path("Workitem", workitem=uid))
        if transaction_uid:
            url += "?" + quote(transaction_uid, safe="")
        response, _ = await self._call("POST", url, _payload(changes), accept=_JSON)
        return _warnings(response)

    async def change_workitem_state(self, uid: str, state: str, transaction_uid: str
                                    ) -> list[str]:
        """Change Workitem State (PS3.18 11.7) to ``state`` (IN PROGRESS, COMPLETED,
        CANCELED) with ``transaction_uid``.  The response's Warning values."""
        ds = Dataset()
        ds.ProcedureStepState = state
        ds.TransactionUID = transaction_uid
        url = self.url_of(worklist_path("Workitem State", workitem=uid))
        response, _ = await self._call("PUT", url, _payload(ds), accept=_JSON)
        return _warnings(response)

    async def claim_workitem(self, uid: str, transaction_uid: str | None = None) -> str:
        """Change a SCHEDULED workitem to IN PROGRESS (PS3.18 11.7.1.4: the user agent makes
        the Transaction UID); the Transaction UID to use from now on."""
        tx = transaction_uid or generate_uid()
        await self.change_workitem_state(uid, ups.IN_PROGRESS, tx)
        return tx

    async def request_cancellation(self, uid: str, *, reason: str | None = None,
                                   contact_uri: str | None = None,
                                   contact_name: str | None = None,
                                   info: Dataset | None = None) -> list[str]:
        """Request Cancellation (PS3.18 11.8) with the Request UPS Cancel Action Information
        (PS3.4 Table CC.2.2-1) given.  The response's Warning values (202 Accepted)."""
        ds = info.copy() if info is not None else Dataset()
        if reason:
            ds.ReasonForCancellation = reason
        if contact_uri:
            ds.ContactURI = contact_uri
        if contact_name:
            ds.ContactDisplayName = contact_name
        url = self.url_of(worklist_path("Workitem Request Cancellation", workitem=uid))
        response, _ = await self._call("POST", url, _payload(ds), accept=_JSON)
        return _warnings(response)

    async def search_workitems(self, match: Match | None = None, *,
                               includefield: Iterable[QueryKey] | str | None = None,
                               fuzzymatching: bool | None = None, limit: int | None = None,
                               offset: int | None = None,
                               warnings: list[str] | None = None) -> list[Dataset]:
        """Search (PS3.18 11.9): the workitems matching ``match`` (keywords or tags to
        values, as the QIDO-RS searches take them).  The Warning values (206: more results)
        are appended to ``warnings``."""
        params = query_params(match, includefield=includefield, fuzzymatching=fuzzymatching,
                              limit=limit, offset=offset)
        url = self.url_of(worklist_path("All Workitems"), params)
        response, data = await self._call("GET", url, accept=_JSON)
        if warnings is not None:
            warnings.extend(_warnings(response))
        return [] if response.status == 204 else self._datasets(url, data)

    # ------------------------------------------------------------------ subscriptions

    @staticmethod
    def _subscription(ae: str, workitem: str | None, filtered: bool) -> str:
        if workitem is None:
            name = "Filtered Worklist Subscription" if filtered else "Worklist Subscription"
            return worklist_path(name, "Subscribe", aetitle=ae)
        return worklist_path("Workitem Subscription", "Subscribe", workitem=workitem,
                             aetitle=ae)

    async def subscribe(self, ae: str, workitem: str | None = None, *,
                        deletion_lock: bool = False,
                        filter: Mapping[str | int, str] | None = None) -> str:
        """Subscribe (PS3.18 11.10) ``ae`` to ``workitem``, or (None) to the Worklist, or
        with ``filter`` (matching keys to values) to the Filtered Worklist.  The URL of the
        Notification Connection (the response's Content-Location, 11.10.3.2)."""
        path = self._subscription(ae, workitem, filter is not None)
        params = [("deletionlock", "true" if deletion_lock else "false")]
        if filter is not None:
            params.append(("filter", ",".join(f"{key_name(k)}={v}" for k, v in
                                              filter.items())))
        url = self.url_of(path, params)
        response, _ = await self._call("POST", url)
        return response.headers.get("content-location") or self.notification_url(ae)

    async def unsubscribe(self, ae: str, workitem: str | None = None, *,
                          filtered: bool = False) -> None:
        """Unsubscribe (PS3.18 11.11) ``ae`` from ``workitem``, or (None) from the Worklist
        (the Filtered Worklist with ``filtered``)."""
        await self._call("DELETE", self.url_of(self._subscription(ae, workitem, filtered)))

    async def suspend_subscription(self, ae: str, *, filtered: bool = False) -> None:
        """Suspend Global Subscription (PS3.18 11.12) of ``ae``: no new workitems, the
        existing subscriptions kept."""
        name = "Filtered Worklist Subscription" if filtered else "Worklist Subscription"
        path = worklist_path(name, "Suspend Global Subscription", aetitle=ae)
        await self._call("POST", self.url_of(path))

    def notification_url(self, ae: str) -> str:
        """The WebSocket URL of ``ae``'s Notification Connection at this library's origin
        server (the base URL's scheme made ws/wss)."""
        base = self.url.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
        return base + DEFAULT_WEBSOCKET_PATH.format(aetitle=quote(ae, safe=""))

    async def aiter_events(self, ae: str | None = None, *, url: str | None = None
                           ) -> AsyncIterator[Dataset]:
        """The Event Reports of a Notification Connection (PS3.18 8.10.4, 8.10.5), each a
        data set (N-EVENT-REPORT fields and Event Information), until the server closes it
        or the iteration is left.  ``url`` is the one :meth:`subscribe` returned, else
        :meth:`notification_url` of ``ae``.  The client's headers and credentials go with
        the handshake."""
        if url is None:
            if ae is None:
                raise ValueError("give the AE title or the Notification Connection URL")
            url = self.notification_url(ae)
        fields: list[tuple[str, str]] = list(self.headers.items())
        if self.auth is not None:
            field = await self.auth.aheader(self.transport)
            if field is not None:
                fields.append(field)
        async for event in aiter_events(url, headers=fields, ssl_context=self.ssl_context,
                                        timeout=self.timeout):
            yield event

