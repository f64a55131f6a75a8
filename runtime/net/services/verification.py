"""The Verification service class (PS3.4 Annex A): C-ECHO as SCU and SCP."""

from __future__ import annotations

import ssl

from dicomkit.generated import uids
from dicomkit.net.acse import PresentationContext
from dicomkit.net.association import Association
from dicomkit.net.client import associate
from dicomkit.net.dimse import DimseError, DimseMessage, c_echo_rq, send
from dicomkit.net.dimse_provider import DimseProvider, Request, inline_handler
from dicomkit.net.ul import Timeouts

__all__ = ["VerificationSCP", "answer_echo", "echo", "echo_blocking", "echo_on"]

#: Success (PS3.4 Table A.4.2... C-ECHO answers 0000H).
SUCCESS = 0x0000


class VerificationSCP:
    """Answers C-ECHO-RQ with Success (PS3.4 A.4.2); register with
    :meth:`dicomkit.net.ae.ApplicationEntity.add_service`."""

    requests: tuple[str, ...] = ("C-ECHO-RQ",)
    sop_classes: tuple[str, ...] | None = (uids.Verification,)

    @inline_handler
    async def handle(self, request: Request) -> int | None:
        """Success."""
        return SUCCESS


def verification_context(association: Association) -> int:
    """The accepted Verification presentation context."""
    context_id = next((c.id for c in association.contexts.values()
                       if c.abstract_syntax == uids.Verification), None)
    if context_id is None:
        raise DimseError("the peer accepted no Verification presentation context "
                         "(PS3.4 A.4)", message_name="C-ECHO-RQ")
    return context_id


async def echo_on(assoc: Association, message_id: int | None = None) -> int:
    """One C-ECHO on an established association; the response's Status.

    Uses the association's DIMSE provider, or, when none reads it, a provider for the call
    that reads in this task (no reader task is started for one round trip).
    """
    context_id = verification_context(assoc)
    return await _echo(assoc.dimse or DimseProvider(assoc), context_id, message_id)


async def _echo(dimse: DimseProvider, context_id: int, message_id: int | None) -> int:
    rq = c_echo_rq(message_id if message_id is not None else dimse.next_message_id())
    rsp = await dimse.request_one(context_id, rq)
    if rsp.message.name != "C-ECHO-RSP":
        raise DimseError(f"expected a C-ECHO-RSP, got {rsp.message!r}",
                         message_name=rsp.message.name, received=True)
    return rsp.status


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
        return await echo_on(assoc)


async def answer_echo(assoc: Association, context_id: int, request: DimseMessage) -> None:
    """Answer a C-ECHO-RQ with Success (PS3.4 A.4.2) on a bare association."""
    await send(assoc, context_id, request.response(SUCCESS))


def echo_blocking(host: str, port: int, *, called_ae: str, calling_ae: str = "DICOMKIT",
                  timeouts: Timeouts | None = None,
                  ssl_context: ssl.SSLContext | None = None) -> int:
    """:func:`echo` for scripts (through the blocking facade, :func:`dicomkit.net.connect`)."""
    from dicomkit.net.blocking import connect

    with connect(host, port, called_ae=called_ae, calling_ae=calling_ae, timeouts=timeouts,
                 ssl_context=ssl_context, contexts=[PresentationContext(
                     1, uids.Verification, (uids.ImplicitVRLittleEndian,
                                            uids.ExplicitVRLittleEndian))]) as assoc:
        return assoc.echo()
