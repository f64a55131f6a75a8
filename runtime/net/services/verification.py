"""The Verification service class (PS3.4 Annex A): C-ECHO as SCU and SCP."""

from __future__ import annotations

import ssl
from functools import partial

import anyio

from dicomkit.generated import uids
from dicomkit.net.association import Association, PresentationContext, Timeouts, associate
from dicomkit.net.dimse import DimseError, DimseMessage, MessageIDs, c_echo_rq, receive, send

__all__ = ["answer_echo", "echo", "echo_blocking"]


async def echo(host: str, port: int, *, called_ae: str, calling_ae: str = "DICOMKIT",
               timeouts: Timeouts | None = None,
               ssl_context: ssl.SSLContext | None = None) -> int:
    """Associate, send one C-ECHO-RQ (PS3.7 9.3.5), release; the Status of the response.

    Raises
    ------
    AssociationRejected, AssociationAborted, NetworkTimeout
        From the association (``dicomkit.net.errors``).
    DimseError
        When Verification is not accepted or the response is not a C-ECHO-RSP to our request.
    """
    context = PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,
                                                         uids.ExplicitVRLittleEndian))
    assoc = await associate(host, port, called_ae=called_ae, calling_ae=calling_ae,
                            contexts=[context], ssl_context=ssl_context,
                            timeouts=timeouts or Timeouts())
    async with assoc:
        return await echo_on(assoc, MessageIDs().next())


async def echo_on(assoc: Association, message_id: int = 1) -> int:
    """One C-ECHO on an established association; the response's Status."""
    context_id = next((c.id for c in assoc.contexts.values()
                       if c.abstract_syntax == uids.Verification), None)
    if context_id is None:
        raise DimseError("the peer accepted no Verification presentation context "
                         "(PS3.4 A.4)", message_name="C-ECHO-RQ")
    await send(assoc, context_id, c_echo_rq(message_id))
    rsp, _ = await receive(assoc)
    if rsp.name != "C-ECHO-RSP" or rsp.message_id_being_responded_to != message_id:
        raise DimseError(f"expected the C-ECHO-RSP to message {message_id}, got {rsp!r}",
                         message_name=rsp.name, received=True)
    status = rsp.status
    assert status is not None  # checked on receipt: Status is mandatory in C-ECHO-RSP
    return status


async def answer_echo(assoc: Association, context_id: int, request: DimseMessage) -> None:
    """Answer a C-ECHO-RQ with Success (PS3.4 A.4.2)."""
    await send(assoc, context_id, request.response(0x0000))


def echo_blocking(host: str, port: int, *, called_ae: str, calling_ae: str = "DICOMKIT",
                  timeouts: Timeouts | None = None,
                  ssl_context: ssl.SSLContext | None = None) -> int:
    """:func:`echo` for scripts (runs its own event loop)."""
    return anyio.run(partial(echo, host, port, called_ae=called_ae, calling_ae=calling_ae,
                             timeouts=timeouts, ssl_context=ssl_context))
