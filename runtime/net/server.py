"""Accepting associations (PS3.8 7.1): :func:`serve` listens and runs a handler per
association, each in its own task (a failing one never takes the server down).

The acceptor side of the upper layer: the A-ASSOCIATE-RQ is read under ARTIM, checked by the
provider (protocol version, association limit: AE-6), answered by
:func:`dicomkit.net.acse.negotiate` (AE-7 or AE-8), then the handler runs; when it returns with
the association still up, the peer's release is awaited.
"""

from __future__ import annotations

import dataclasses
import logging
import ssl
from collections.abc import Awaitable, Callable, Mapping

import anyio
from anyio.abc import TaskStatus

from dicomkit.net import _codes as codes
from dicomkit.net import acse, transport
from dicomkit.net.acse import AcceptPolicy, SupportedContext
from dicomkit.net.association import Association
from dicomkit.net.errors import AssociationAborted, AssociationReleased, NetworkError
from dicomkit.net.pdu import AAssociateAC, AAssociateRJ, AAssociateRQ
from dicomkit.net.ul import Timeouts, UpperLayer

__all__ = ["AssociationHooks", "serve"]

log = logging.getLogger(__name__)


@dataclasses.dataclass
class AssociationHooks:
    """Callbacks of an acceptor (all optional): ``rejected(peer, rq_or_None, rj)``,
    ``handshake_failed(peer, why)``, ``opened(assoc)``, ``closed(assoc, error_or_None)``;
    ``error`` is None for a release, else what ended the association."""

    rejected: Callable[[tuple[str, int], AAssociateRQ | None, AAssociateRJ], None] | None = None
    handshake_failed: Callable[[tuple[str, int], str], None] | None = None
    opened: Callable[[Association], None] | None = None
    closed: Callable[[Association, BaseException | None], None] | None = None


class _Counter:
    def __init__(self) -> None:
        self.value = 0


def _protocol_ok(rq: AAssociateRQ) -> bool:
    return bool(rq.protocol_version & 1)  # PS3.8 9.3.2: bit 0 is version 1


async def _accept(conn: transport.Connection, policy: AcceptPolicy, timeouts: Timeouts,
                  counter: _Counter, supported: Mapping[str, SupportedContext] | None,
                  hooks: AssociationHooks) -> Association | None:
    """Sta2 to Sta6: read the A-ASSOCIATE-RQ under ARTIM and answer it."""
    if timeouts.dimse is None:
        timeouts = dataclasses.replace(timeouts, dimse=timeouts.idle)
    ul = UpperLayer(requestor=False, timeouts=timeouts,
                    max_pdata_length=policy.max_pdu or policy.max_pdu_cap, conn=conn)
    verdict: list[AAssociateRJ] = []

    def acceptable(rq: AAssociateRQ) -> bool:
        if not _protocol_ok(rq):
            verdict.append(AAssociateRJ(codes.RJ_PERMANENT, codes.RJ_ACSE,
                                        codes.RJ_PROTOCOL_VERSION))
        elif counter.value >= policy.max_associations:
            verdict.append(AAssociateRJ(codes.RJ_TRANSIENT, codes.RJ_PRESENTATION,
                                        codes.RJ_LOCAL_LIMIT))
        return not verdict

    rq = await ul.accept_connection(acceptable, lambda: verdict[0])
    if rq is None:
        if verdict and hooks.rejected is not None:
            hooks.rejected(conn.peer, None, verdict[0])
        return None
    answer, negotiated = acse.negotiate(rq, policy, supported)
    if isinstance(answer, AAssociateRJ):
        await ul.respond_association(answer)
        if hooks.rejected is not None:
            hooks.rejected(conn.peer, rq, answer)
        return None
    assert isinstance(answer, AAssociateAC)
    counter.value += 1
    try:
        await ul.respond_association(answer)
    except NetworkError:
        counter.value -= 1
        await conn.aclose()
        return None
    return Association(ul, negotiated)


async def _finish(assoc: Association, timeouts: Timeouts) -> None:
    """After the handler returned with the association still up: await the peer's release."""
    if not assoc.is_established:
        return
    try:
        with anyio.fail_after(timeouts.acse):
            await assoc.receive_message()
        await assoc.abort()  # a message the handler will not read
    except (AssociationReleased, AssociationAborted):
        pass
    except (TimeoutError, NetworkError):
        await assoc.abort()


async def serve(host: str, port: int, *, policy: AcceptPolicy,
                handler: Callable[[Association], Awaitable[None]],
                ssl_context: ssl.SSLContext | None = None, timeouts: Timeouts | None = None,
                supported: Mapping[str, SupportedContext] | None = None,
                hooks: AssociationHooks | None = None,
                task_status: TaskStatus[tuple[str, int]] = anyio.TASK_STATUS_IGNORED) -> None:
    """Accept associations on ``host:port`` until cancelled; each runs ``handler``.

    ``task_status.started`` receives the (host, port) listened on (useful with port 0).  A
    handler that raises aborts its association; the server stays up.  Peers that connect and
    send nothing are closed when ARTIM expires; requests beyond ``policy.max_associations``
    are rejected transiently (local-limit-exceeded, PS3.8 Table 9-21).  ``supported`` is an
    application entity's per-SOP-class table (:func:`dicomkit.net.acse.negotiate`).
    """
    hooks = hooks or AssociationHooks()
    timeouts = timeouts or Timeouts()
    listener = await transport.listen(host, port, ssl_context=ssl_context,
                                      handshake_timeout=timeouts.connect or 30.0)
    listener.on_handshake_error = hooks.handshake_failed
    counter = _Counter()

    async def on_connection(conn: transport.Connection) -> None:
        assoc: Association | None = None
        error: BaseException | None = None
        try:
            assoc = await _accept(conn, policy, timeouts, counter, supported, hooks)
            if assoc is None:
                return
            if hooks.opened is not None:
                hooks.opened(assoc)
            try:
                await handler(assoc)
            except (AssociationReleased, AssociationAborted) as exc:
                error = None if isinstance(exc, AssociationReleased) else exc
            except Exception as exc:
                log.exception("association handler failed; aborting %s", conn.peer)
                error = exc
                await assoc.abort()
            else:
                await _finish(assoc, timeouts)
                ended = assoc.ended
                error = None if ended is None or isinstance(ended, AssociationReleased) else ended
        except Exception:  # never let one connection take the server down
            log.exception("connection from %s failed", conn.peer)
        finally:
            if assoc is not None:
                counter.value -= 1
                if hooks.closed is not None:
                    try:
                        hooks.closed(assoc, error)
                    except Exception:
                        log.exception("association closed hook failed")
            await conn.aclose()

    try:
        task_status.started(listener.address)
        await listener.serve(on_connection)
    finally:
        with anyio.CancelScope(shield=True):
            await listener.aclose()
