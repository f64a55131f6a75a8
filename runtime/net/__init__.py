"""DICOM networking on anyio (PS3.7, PS3.8): upper layer, associations, DIMSE and services.

Layers, lowest first: :mod:`~dicomkit.net.transport` (TCP, TLS), :mod:`~dicomkit.net.pdu`,
:mod:`~dicomkit.net.ul` (the upper layer driven by the generated state table),
:mod:`~dicomkit.net.acse` (negotiation), :mod:`~dicomkit.net.association` (messages),
:mod:`~dicomkit.net.client` and :mod:`~dicomkit.net.server`,
:mod:`~dicomkit.net.dimse_provider` (one reader per association, routing, windows, cancel),
:mod:`~dicomkit.net.ae` (application entity and service registry),
:mod:`~dicomkit.net.blocking` (one association kept open across blocking calls).
"""

from __future__ import annotations

from dicomkit.net.acse import (
    AcceptedContext,
    AcceptPolicy,
    PresentationContext,
    SupportedContext,
    UserIdentity,
)
from dicomkit.net.ae import ApplicationEntity
from dicomkit.net.association import Association, IncomingMessage
from dicomkit.net.blocking import BlockingAssociation, connect
from dicomkit.net.client import associate
from dicomkit.net.dimse_provider import DimseProvider, Request, Response
from dicomkit.net.errors import (
    AssociationAborted,
    AssociationRejected,
    AssociationReleased,
    ConnectionClosed,
    NetworkError,
    NetworkTimeout,
    PDUError,
    ServiceError,
)
from dicomkit.net.server import serve
from dicomkit.net.ul import Timeouts

__all__ = [
    "AcceptPolicy", "AcceptedContext", "ApplicationEntity", "Association",
    "AssociationAborted", "AssociationRejected", "AssociationReleased", "BlockingAssociation",
    "ConnectionClosed", "DimseProvider", "IncomingMessage", "NetworkError", "NetworkTimeout",
    "PDUError", "PresentationContext", "Request", "Response", "ServiceError",
    "SupportedContext", "Timeouts", "UserIdentity", "associate", "connect", "serve",
]
