"""Observers of an application entity's network activity: associations established, ended
and rejected, DIMSE messages sent and received, operations completed with their duration,
bytes on the wire.

The network layer knows nothing of what watches it: the audit trail
(:mod:`dicomkit.audit`), the metrics (:mod:`dicomkit.metrics`) and logging subscribe by
passing observers to :class:`~dicomkit.net.ae.ApplicationEntity` (``events=``), which hands
them to :class:`NetEvents`.  An observer overrides the methods of :class:`NetObserver` it
cares about; an observer that raises is logged and never disturbs the association.

Durations are measured with :func:`time.monotonic`: an association's from its establishment
(A-ASSOCIATE-AC sent or received, PS3.8 7.1) to its end; an operation's from its request
(``*-RQ``) to its final response (the first whose status is not Pending, PS3.7 C.4.2), on the
side that sent the request (``"scu"``) and on the side that answered it (``"scp"``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from dicomkit.net.pdu import AAssociateRJ, AAssociateRQ

if TYPE_CHECKING:
    from dicomkit.net.association import Association
    from dicomkit.net.dimse import DimseMessage

__all__ = ["HookedEntity", "LoggingObserver", "NetEvents", "NetObserver"]

log = logging.getLogger("dicomkit.net")

_PENDING = "pending"


class NetObserver:
    """What an observer of the network may be told; every method does nothing here, so an
    observer subclass overrides only what it uses.

    ``assoc`` is the :class:`~dicomkit.net.association.Association` (calling and called AE
    titles, ``peer_address``, ``is_requestor``, ``tls``).
    """

    def application_started(self, ae_title: str) -> None:
        """The application entity ``ae_title`` starts serving (``ApplicationEntity.serve``)."""

    def application_stopped(self, ae_title: str) -> None:
        """The application entity ``ae_title`` stopped serving."""

    def association_established(self, assoc: Association) -> None:
        """The association is established (either side)."""

    def association_ended(self, assoc: Association, error: BaseException | None,
                          duration: float) -> None:
        """The association ended: released (``error`` None) or aborted/lost (``error``)."""

    def association_rejected(self, peer: tuple[str, int], request: AAssociateRQ | None,
                             rejection: AAssociateRJ) -> None:
        """We rejected an association request from ``peer`` (acceptor side)."""

    def handshake_failed(self, peer: tuple[str, int], why: str) -> None:
        """A TLS handshake with ``peer`` failed (acceptor side)."""

    def message(self, assoc: Association, direction: str, message: DimseMessage) -> None:
        """A DIMSE message was ``"sent"`` or ``"received"`` (its command set)."""

    def operation_completed(self, assoc: Association, role: str, request: DimseMessage,
                            response: DimseMessage, duration: float) -> None:
        """An operation got its final response: ``role`` is ``"scu"`` (we asked) or
        ``"scp"`` (we answered)."""

    def bytes_transferred(self, assoc: Association, direction: str, nbytes: int) -> None:
        """``nbytes`` of PDUs were ``"sent"`` or ``"received"`` (the association's
        negotiation is reported once, when it is established; then every PDU)."""


class HookedEntity(Protocol):
    """What :meth:`NetEvents.attach` needs of an application entity: its hook lists."""

    on_open: list[Callable[[Association], None]]
    on_close: list[Callable[[Association, BaseException | None], None]]
    on_message: list[Callable[[Association, str, DimseMessage], None]]
    on_reject: list[Callable[[tuple[str, int], AAssociateRQ | None, AAssociateRJ], None]]
    on_handshake_failed: list[Callable[[tuple[str, int], str], None]]


class NetEvents:
    """Dispatches an entity's hooks to observers, timing associations and operations."""

    def __init__(self, observers: Iterable[object]) -> None:
        self.observers = tuple(observers)
        # event -> (observer, bound method) of the observers that have it (an observer says
        # what it observes by the methods it has)
        self._handlers: dict[str, list[tuple[object, Callable[..., object]]]] = {}
        self._opened: dict[int, float] = {}
        self._operations: dict[tuple[int, str, int], tuple[DimseMessage, float]] = {}

    def attach(self, entity: HookedEntity) -> None:
        """Subscribe to ``entity``'s hooks (``on_open``, ``on_close``, ``on_message``,
        ``on_reject``, ``on_handshake_failed``)."""
        entity.on_open.append(self.opened)
        entity.on_close.append(self.closed)
        entity.on_message.append(self.message)
        entity.on_reject.append(self.rejected)
        entity.on_handshake_failed.append(self.handshake_failed)

    def _each(self, method: str, *args: object) -> None:
        handlers = self._handlers.get(method)
        if handlers is None:  # the bound methods of each event, looked up once
            handlers = self._handlers[method] = [
                (o, fn) for o in self.observers if (fn := getattr(o, method, None)) is not None]
        for observer, fn in handlers:
            try:
                fn(*args)
            except Exception:
                log.exception("network observer %r failed in %s", observer, method)

    # -- hooks ------------------------------------------------------------------------------
    def serving(self, ae_title: str, started: bool) -> None:
        """The entity starts (``started``) or stopped serving."""
        self._each("application_started" if started else "application_stopped", ae_title)

    def opened(self, assoc: Association) -> None:
        self._opened[id(assoc)] = time.monotonic()
        self._each("association_established", assoc)
        ul = assoc.ul
        self._each("bytes_transferred", assoc, "sent", ul.bytes_sent)
        self._each("bytes_transferred", assoc, "received", ul.bytes_received)

        def pdu(direction: str, _pdu_type: int, nbytes: int) -> None:
            self._each("bytes_transferred", assoc, direction, nbytes)

        ul.on_pdu = pdu

    def closed(self, assoc: Association, error: BaseException | None) -> None:
        start = self._opened.pop(id(assoc), None)
        duration = 0.0 if start is None else time.monotonic() - start
        key = id(assoc)
        for k in [k for k in self._operations if k[0] == key]:
            del self._operations[k]
        assoc.ul.on_pdu = None
        self._each("association_ended", assoc, error, duration)

    def rejected(self, peer: tuple[str, int], rq: AAssociateRQ | None,
                 rj: AAssociateRJ) -> None:
        self._each("association_rejected", peer, rq, rj)

    def handshake_failed(self, peer: tuple[str, int], why: str) -> None:
        self._each("handshake_failed", peer, why)

    def message(self, assoc: Association, direction: str, msg: DimseMessage) -> None:
        self._each("message", assoc, direction, msg)
        if msg.name.endswith("-RQ"):
            mid = msg.message_id
            if mid is not None and not msg.name.startswith("C-CANCEL"):
                role = "scu" if direction == "sent" else "scp"
                self._operations[(id(assoc), role, mid)] = (msg, time.monotonic())
            return
        if msg.status_category == _PENDING:
            return
        mid = msg.message_id_being_responded_to
        if mid is None:
            return
        role = "scu" if direction == "received" else "scp"
        begun = self._operations.pop((id(assoc), role, mid), None)
        if begun is not None:
            request, start = begun
            self._each("operation_completed", assoc, role, request, msg,
                       time.monotonic() - start)


def _addr(peer: tuple[str, int]) -> str:
    return f"{peer[0]}:{peer[1]}"


class LoggingObserver(NetObserver):
    """Logs associations and operations to ``dicomkit.net`` (INFO; messages at DEBUG), with
    the fields as ``extra`` (``peer``, ``calling_ae``, ``called_ae``, ``duration``...) for
    structured log handlers."""

    def __init__(self, logger: logging.Logger | None = None) -> None:
        self.log = logger or log

    @staticmethod
    def _fields(assoc: Association) -> dict[str, object]:
        return {"peer": _addr(assoc.peer_address), "calling_ae": assoc.calling_ae,
                "called_ae": assoc.called_ae, "requestor": assoc.is_requestor}

    def association_established(self, assoc: Association) -> None:
        f = self._fields(assoc)
        self.log.info("association established %s -> %s (%s)", f["calling_ae"],
                      f["called_ae"], f["peer"], extra=f)

    def association_ended(self, assoc: Association, error: BaseException | None,
                          duration: float) -> None:
        f = {**self._fields(assoc), "duration": duration,
             "outcome": "released" if error is None else "aborted"}
        if error is None:
            self.log.info("association released %s -> %s (%s) after %.3f s",
                          f["calling_ae"], f["called_ae"], f["peer"], duration, extra=f)
        else:
            self.log.warning("association aborted %s -> %s (%s) after %.3f s: %s",
                             f["calling_ae"], f["called_ae"], f["peer"], duration, error,
                             extra=f)

    def association_rejected(self, peer: tuple[str, int], request: AAssociateRQ | None,
                             rejection: AAssociateRJ) -> None:
        self.log.warning("association from %s:%s rejected (result %d, source %d, reason %d)",
                         *peer, rejection.result, rejection.source, rejection.reason,
                         extra={"peer": _addr(peer)})

    def handshake_failed(self, peer: tuple[str, int], why: str) -> None:
        self.log.warning("TLS handshake with %s:%s failed: %s", *peer, why,
                         extra={"peer": _addr(peer)})

    def message(self, assoc: Association, direction: str, message: DimseMessage) -> None:
        if self.log.isEnabledFor(logging.DEBUG):
            self.log.debug("%s %s (%s)", direction, message.name, _addr(assoc.peer_address),
                           extra={**self._fields(assoc), "message": message.name})

    def operation_completed(self, assoc: Association, role: str, request: DimseMessage,
                            response: DimseMessage, duration: float) -> None:
        if self.log.isEnabledFor(logging.DEBUG):
            self.log.debug("%s %s status 0x%04X in %.3f ms", role.upper(), request.name,
                           response.status or 0, duration * 1e3,
                           extra={**self._fields(assoc), "message": request.name,
                                  "status": response.status, "duration": duration})
