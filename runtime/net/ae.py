"""The application entity (PS3.7 A.3, PS3.8 7.1): AE title, supported contexts, service
providers, hooks; the one place where the SCP side of every service is registered.

An :class:`ApplicationEntity` serves (:meth:`ApplicationEntity.serve`) and connects
(:meth:`ApplicationEntity.connect`) with a :class:`~dicomkit.net.dimse_provider.DimseProvider`
reading each association, and dispatches incoming requests to the service providers added
with :meth:`ApplicationEntity.add_service`, on either side of the association (a C-GET SCU
registers the Storage SCP for its sub-operations, a storage commitment SCU its N-EVENT-REPORT
handler).  Supported presentation contexts are per SOP class (transfer syntaxes, SCU and SCP
roles, :class:`~dicomkit.net.acse.SupportedContext`); without any, the
:class:`~dicomkit.net.acse.AcceptPolicy` decides as before.
"""

from __future__ import annotations

import contextlib
import logging
import ssl
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from typing import Protocol

import anyio
from anyio.abc import TaskStatus

from dicomkit.generated.service_classes import SOP_CLASS_SERVICE, SOP_CLASSES_OF, ServiceClass
from dicomkit.net.acse import (
    DEFAULT_MAX_PDU,
    AcceptPolicy,
    PresentationContext,
    SupportedContext,
    UserIdentity,
)
from dicomkit.net.association import Association
from dicomkit.net.client import associate
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.dimse_provider import DimseProvider, Handler, Request
from dicomkit.net.events import NetEvents
from dicomkit.net.pdu import AAssociateRJ, AAssociateRQ
from dicomkit.net.server import AssociationHooks, serve
from dicomkit.net.ul import Timeouts

__all__ = ["ApplicationEntity", "ServiceProvider"]

log = logging.getLogger(__name__)


class ServiceProvider(Protocol):
    """The SCP side of a service class, as an application entity registers it.

    ``requests`` names the request messages it answers (``"C-STORE-RQ"``); ``sop_classes``
    the SOP classes it serves (None: any the association accepted); ``handle`` answers one
    request (returning the final status, or responding itself through the request).

    A provider may also name ``service_classes`` (a tuple of generated
    :class:`~dicomkit.generated.service_classes.ServiceClass`): it then serves the requests
    of every SOP class PS3.4 puts in those service classes (the generated
    ``SOP_CLASS_SERVICE`` mapping), e.g. the Storage SCP every storage SOP class.
    """

    @property
    def requests(self) -> tuple[str, ...]: ...

    @property
    def sop_classes(self) -> Iterable[str] | None: ...

    async def handle(self, request: Request) -> int | None: ...


OpenHook = Callable[[Association], None]
CloseHook = Callable[[Association, BaseException | None], None]
MessageHook = Callable[[Association, str, DimseMessage], None]


class ApplicationEntity:
    """A DICOM application entity.

    Parameters
    ----------
    ae_title
        Our AE title: the calling AE title of the associations we open, and the called AE
        title we answer to when serving (``policy.ae_title`` overrides it; None: any).
    policy
        What to accept as an acceptor (limits, identity, AE titles).
    timeouts, max_pdu
        For the associations we open.
    events
        An observer of the network activity, or a list of them: objects with some of the
        methods of :class:`~dicomkit.net.events.NetObserver` (the audit trail, the metrics,
        :class:`~dicomkit.net.events.LoggingObserver`, which layers below the network
        implement without importing it); told of every association served or opened.
    """

    def __init__(self, ae_title: str = "DICOMKIT", *, policy: AcceptPolicy | None = None,
                 timeouts: Timeouts | None = None, max_pdu: int = DEFAULT_MAX_PDU,
                 events: object = None) -> None:
        self.ae_title = ae_title
        self.policy = policy if policy is not None else AcceptPolicy(ae_title=ae_title)
        self.timeouts = timeouts or Timeouts()
        self.max_pdu = max_pdu
        #: SOP class -> what we support for it (empty: the policy decides)
        self.supported: dict[str, SupportedContext] = {}
        self._handlers: dict[tuple[str, str | None], Handler] = {}
        self._by_service: dict[tuple[str, ServiceClass], Handler] = {}
        self.on_open: list[OpenHook] = []
        self.on_close: list[CloseHook] = []
        self.on_message: list[MessageHook] = []
        self.on_reject: list[Callable[[tuple[str, int], AAssociateRQ | None,
                                       AAssociateRJ], None]] = []
        self.on_handshake_failed: list[Callable[[tuple[str, int], str], None]] = []
        #: the dispatcher of ``events`` (None without observers)
        self.events: NetEvents | None = None
        if events is not None:
            self.events = NetEvents(events if isinstance(events, (list, tuple)) else [events])
            self.events.attach(self)

    # ----------------------------------------------------------------- configuration

    def add_supported(self, abstract_syntax: str, transfer_syntaxes: Sequence[str] | None = None,
                      *, scu_role: bool = False, scp_role: bool = True) -> None:
        """Support ``abstract_syntax`` in these transfer syntaxes (None: any known, as sent)
        with these roles of ours (PS3.7 D.3.3.4)."""
        self.supported[abstract_syntax] = SupportedContext(
            abstract_syntax, None if transfer_syntaxes is None else tuple(transfer_syntaxes),
            scu_role, scp_role)

    def register(self, request: str, handler: Handler,
                 sop_classes: Iterable[str] | None = None) -> None:
        """Answer ``request`` messages (``"C-ECHO-RQ"``) of these SOP classes (None: any)
        with ``handler``."""
        if sop_classes is None:
            self._handlers[(request, None)] = handler
        else:
            for uid in sop_classes:
                self._handlers[(request, uid)] = handler

    def add_service(self, provider: ServiceProvider, *,
                    transfer_syntaxes: Sequence[str] | None = None,
                    scu_role: bool = False, scp_role: bool = True,
                    supported: bool = True) -> None:
        """Register ``provider`` for its requests and SOP classes (or service classes, see
        :class:`ServiceProvider`); with ``supported`` the SOP classes named, or those of the
        service classes named, become supported contexts too."""
        classes = provider.sop_classes
        listed = None if classes is None else list(classes)
        services: tuple[ServiceClass, ...] = tuple(getattr(provider, "service_classes", ()))
        for name in provider.requests:
            if listed is None and services:
                for service in services:
                    self._by_service[(name, service)] = provider.handle
            else:
                self.register(name, provider.handle, listed)
        if supported:
            uids = listed if listed is not None else [
                uid for service in services for uid in SOP_CLASSES_OF[service]]
            for uid in uids:
                self.add_supported(uid, transfer_syntaxes, scu_role=scu_role, scp_role=scp_role)

    def handler_for(self, request: Request) -> Handler | None:
        """The handler of an incoming request: by message and the context's SOP class, then
        by message and the SOP class's PS3.4 service class, then by message alone."""
        name = request.message.name
        uid = request.association.contexts[request.context_id].abstract_syntax \
            if request.context_id in request.association.contexts else None
        handler = self._handlers.get((name, uid))
        if handler is None and uid is not None and self._by_service:
            service = SOP_CLASS_SERVICE.get(uid)
            if service is not None:
                handler = self._by_service.get((name, service))
        return handler or self._handlers.get((name, None))

    def _message(self, assoc: Association, direction: str, msg: DimseMessage) -> None:
        for hook in self.on_message:
            hook(assoc, direction, msg)

    def provider(self, assoc: Association) -> DimseProvider:
        """A DIMSE provider for ``assoc`` that dispatches to this entity's services."""
        return DimseProvider(assoc, self.handler_for,
                             on_message=self._message if self.on_message else None)

    def _hooks(self) -> AssociationHooks:
        def opened(assoc: Association) -> None:
            for hook in self.on_open:
                hook(assoc)

        def closed(assoc: Association, error: BaseException | None) -> None:
            for hook in self.on_close:
                hook(assoc, error)

        def rejected(peer: tuple[str, int], rq: AAssociateRQ | None, rj: AAssociateRJ) -> None:
            for hook in self.on_reject:
                hook(peer, rq, rj)

        def handshake(peer: tuple[str, int], why: str) -> None:
            for hook in self.on_handshake_failed:
                hook(peer, why)

        return AssociationHooks(rejected=rejected, handshake_failed=handshake, opened=opened,
                                closed=closed)

    # ----------------------------------------------------------------- acceptor

    async def serve(self, host: str, port: int, *, ssl_context: ssl.SSLContext | None = None,
                    timeouts: Timeouts | None = None,
                    task_status: TaskStatus[tuple[str, int]] = anyio.TASK_STATUS_IGNORED
                    ) -> None:
        """Accept associations on ``host:port`` until cancelled, serving every request with
        the registered providers (:func:`dicomkit.net.server.serve`)."""
        async def handle(assoc: Association) -> None:
            await self.provider(assoc).run()

        if self.events is not None:
            self.events.serving(self.ae_title, True)
        try:
            await serve(host, port, policy=self.policy, handler=handle,
                        ssl_context=ssl_context, timeouts=timeouts or self.timeouts,
                        supported=self.supported or None, hooks=self._hooks(),
                        task_status=task_status)
        finally:
            if self.events is not None:
                self.events.serving(self.ae_title, False)

    # ----------------------------------------------------------------- requestor

    @contextlib.asynccontextmanager
    async def connect(self, host: str, port: int, *, called_ae: str,
                      contexts: Sequence[PresentationContext],
                      user_identity: UserIdentity | None = None,
                      ssl_context: ssl.SSLContext | None = None,
                      async_ops: tuple[int, int] | None = None,
                      sop_class_extended: Mapping[str, bytes] | None = None,
                      server_hostname: str | None = None) -> AsyncIterator[Association]:
        """An association to ``host:port`` with a DIMSE provider reading it (requests through
        ``assoc.dimse``; incoming requests go to the registered services), released at the
        end of the block (aborted when the block raises)."""
        assoc = await associate(host, port, called_ae=called_ae, calling_ae=self.ae_title,
                                contexts=contexts, max_pdu=self.max_pdu,
                                user_identity=user_identity, ssl_context=ssl_context,
                                timeouts=self.timeouts, async_ops=async_ops,
                                sop_class_extended=sop_class_extended,
                                server_hostname=server_hostname)
        for hook in self.on_open:
            hook(assoc)
        error: BaseException | None = None
        try:
            async with self.provider(assoc):
                try:
                    yield assoc
                except BaseException as exc:
                    error = exc
                    with anyio.CancelScope(shield=True):
                        await assoc.abort()
                    raise
                await assoc.release()
        finally:
            for close in self.on_close:
                close(assoc, error)
