"""The DICOMweb client (PS3.18 10, 11): QIDO-RS search, WADO-RS retrieve, STOW-RS store, and
UPS-RS (the Worklist Service) with its Event Reports over a WebSocket.

Modules:
    client: :class:`DicomWebClient`, async (anyio: asyncio and trio)
    blocking: :class:`BlockingDicomWebClient`, the same for blocking code (one portal)
    transport: the HTTP seam (:class:`Transport`) and its default on httpx
    query: QIDO-RS query parameters from keys and Python values
    results: search results, frames, per-instance store outcomes
    options: authentication (basic, bearer, OAuth 2.0), TLS and retry settings
    images: rendered answers as Pillow images or numpy arrays
    workitems: the UPS-RS calls (a mixin of :class:`DicomWebClient`)
    notifications: the Notification Connection (WebSocket) and its Event Reports
"""

from __future__ import annotations

from dicomkit.web.client.blocking import BlockingDicomWebClient
from dicomkit.web.client.client import (
    DicomWebClient,
    multipart_accept,
    resource_path,
    unlisted_keys,
)
from dicomkit.web.client.options import (
    BasicAuth,
    BearerAuth,
    OAuth2ClientCredentials,
    RetryPolicy,
    TlsOptions,
)
from dicomkit.web.client.results import Frame, InstanceOutcome, SearchResults, StoreResult
from dicomkit.web.client.transport import HttpxTransport, Response, Transport

__all__ = ["BasicAuth", "BearerAuth", "BlockingDicomWebClient", "DicomWebClient", "Frame",
           "HttpxTransport", "InstanceOutcome", "OAuth2ClientCredentials", "Response",
           "RetryPolicy", "SearchResults", "StoreResult", "TlsOptions", "Transport",
           "multipart_accept", "resource_path", "unlisted_keys"]
