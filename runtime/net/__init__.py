"""DICOM networking on anyio (PS3.7, PS3.8): upper layer, associations, DIMSE and services."""

from __future__ import annotations

from dicomkit.net.association import (
    AcceptedContext,
    AcceptPolicy,
    Association,
    IncomingMessage,
    PresentationContext,
    Timeouts,
    UserIdentity,
    associate,
    serve,
)
from dicomkit.net.errors import (
    AssociationAborted,
    AssociationRejected,
    AssociationReleased,
    ConnectionClosed,
    NetworkError,
    NetworkTimeout,
    PDUError,
)

__all__ = [
    "AcceptPolicy", "AcceptedContext", "Association", "AssociationAborted",
    "AssociationRejected", "AssociationReleased", "ConnectionClosed", "IncomingMessage",
    "NetworkError", "NetworkTimeout", "PDUError", "PresentationContext", "Timeouts",
    "UserIdentity", "associate", "serve",
]
