"""Opening associations as requestor (PS3.8 7.1): :func:`associate`.

The application entity's :meth:`~dicomkit.net.ae.ApplicationEntity.connect` opens one with a
running DIMSE provider; :func:`associate` gives the bare association (messages read by the
caller).
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping, Sequence

from dicomkit.net import acse
from dicomkit.net.acse import DEFAULT_MAX_PDU, PresentationContext, UserIdentity
from dicomkit.net.association import Association
from dicomkit.net.pdu import CommonExtendedNegotiation
from dicomkit.net.ul import Timeouts, UpperLayer

__all__ = ["associate"]


async def associate(host: str, port: int, *, called_ae: str, calling_ae: str = "DICOMKIT",
                    contexts: Sequence[PresentationContext], max_pdu: int = DEFAULT_MAX_PDU,
                    user_identity: UserIdentity | None = None,
                    ssl_context: ssl.SSLContext | None = None, timeouts: Timeouts | None = None,
                    async_ops: tuple[int, int] | None = None,
                    sop_class_extended: Mapping[str, bytes] | None = None,
                    sop_class_common_extended: Sequence[CommonExtendedNegotiation] = (),
                    server_hostname: str | None = None) -> Association:
    """Request an association (PS3.8 7.1) and return it established.

    ``async_ops`` asks for an asynchronous operations window (invoked, performed; PS3.7
    D.3.3.3); the one granted is :attr:`Association.async_ops`.

    Raises
    ------
    AssociationRejected
        The peer answered A-ASSOCIATE-RJ (its result, source and reason spelled out).
    AssociationAborted
        The peer aborted or broke the protocol during establishment.
    NetworkTimeout, NetworkError
        Connection or response timed out or failed.
    """
    rq = acse.build_request(called_ae=called_ae, calling_ae=calling_ae, contexts=contexts,
                            max_pdu=max_pdu, user_identity=user_identity, async_ops=async_ops,
                            sop_class_extended=sop_class_extended,
                            sop_class_common_extended=sop_class_common_extended)
    ul = UpperLayer(requestor=True, timeouts=timeouts or Timeouts(), max_pdata_length=max_pdu)
    ac = await ul.request_association(host, port, rq, ssl_context=ssl_context,
                                      server_hostname=server_hostname)
    negotiated = acse.apply_accept(rq, ac, contexts, user_identity=user_identity)
    return Association(ul, negotiated)
