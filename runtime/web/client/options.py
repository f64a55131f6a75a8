"""What a DICOMweb client is configured with: authentication, TLS and retries.

Authentication is a header added to every request (RFC 7617 basic, RFC 6750 bearer), so that
it works with any :class:`~dicomkit.web.client.transport.Transport`.  Retries follow RFC 7231:
only idempotent methods (4.2.2) are sent again, after 429 (RFC 6585 4) and 503 (RFC 7231
6.6.4), honouring ``Retry-After`` in seconds, and after connection errors.
"""

from __future__ import annotations

import base64
import json
import os
import random
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import anyio

from dicomkit.web.errors import DicomWebError

if TYPE_CHECKING:
    from dicomkit.web.client.transport import Transport

__all__ = ["Auth", "BasicAuth", "BearerAuth", "IDEMPOTENT_METHODS", "OAuth2ClientCredentials",
           "RetryPolicy", "TlsOptions"]

#: The methods RFC 7231 4.2.2 calls idempotent: the only ones retried.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


class Auth:
    """Adds credentials to a request; subclasses give :meth:`header` (or :meth:`aheader` when
    getting them needs a request of its own, as OAuth 2.0 does)."""

    def header(self) -> tuple[str, str] | None:
        """The ``(name, value)`` header field carrying the credentials, or None."""
        raise NotImplementedError

    async def aheader(self, transport: Transport) -> tuple[str, str] | None:
        """:meth:`header`, free to use ``transport`` (the client's) to fetch credentials."""
        return self.header()

    def invalidate(self) -> bool:
        """Forget cached credentials after a 401; True when fresh ones may help (retry once)."""
        return False


@dataclass(frozen=True)
class BasicAuth(Auth):
    """HTTP basic authentication (RFC 7617): user and password in UTF-8."""

    user: str
    password: str = field(repr=False)

    def header(self) -> tuple[str, str]:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return ("Authorization", f"Basic {token}")


@dataclass(frozen=True)
class BearerAuth(Auth):
    """A bearer token (RFC 6750 2.1): a fixed string, or a callable asked before each request
    (so that a token about to expire can be refreshed by the caller's code)."""

    token: str | Callable[[], str] = field(repr=False)

    def header(self) -> tuple[str, str]:
        value = self.token() if callable(self.token) else self.token
        return ("Authorization", f"Bearer {value}")


class OAuth2ClientCredentials(Auth):
    """OAuth 2.0 client credentials grant (RFC 6749 4.4): a bearer token fetched from
    ``token_url`` with the client's id and secret (HTTP basic, RFC 6749 2.3.1), kept until
    ``refresh_margin`` seconds before it expires (``expires_in``, 5.1) and then fetched again;
    after a 401 the token is dropped and the request sent once more with a new one.

    ``clock`` (monotonic seconds) is for tests.
    """

    def __init__(self, token_url: str, client_id: str, client_secret: str, *,
                 scope: str | None = None, refresh_margin: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._secret = client_secret
        self.scope = scope
        self.refresh_margin = refresh_margin
        self.clock = clock
        self._token: str | None = None
        self._expires = 0.0
        self._lock: anyio.Lock | None = None

    def __repr__(self) -> str:
        return f"OAuth2ClientCredentials({self.token_url!r}, {self.client_id!r})"

    def header(self) -> tuple[str, str] | None:
        return ("Authorization", f"Bearer {self._token}") if self._token else None

    def invalidate(self) -> bool:
        self._token = None
        return True

    async def aheader(self, transport: Transport) -> tuple[str, str] | None:
        if self._lock is None:
            self._lock = anyio.Lock()
        async with self._lock:
            if self._token is None or self.clock() >= self._expires - self.refresh_margin:
                await self._fetch(transport)
        return self.header()

    async def _fetch(self, transport: Transport) -> None:
        form = {"grant_type": "client_credentials"}
        if self.scope:
            form["scope"] = self.scope
        basic = BasicAuth(self.client_id, self._secret).header()
        started = self.clock()
        response = await transport.request(
            "POST", self.token_url,
            [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json"),
             basic], urlencode(form).encode("ascii"))
        try:
            body = b"".join([c async for c in response.aiter_bytes()])
        finally:
            await response.aclose()
        try:
            doc = json.loads(body) if response.status == 200 else None
            token = doc["access_token"] if isinstance(doc, dict) else None
            expires_in = float(doc.get("expires_in", 3600)) if isinstance(doc, dict) else 0.0
        except (ValueError, KeyError, TypeError):
            token = None
        if not isinstance(token, str) or not token:
            raise DicomWebError("the OAuth 2.0 token endpoint gave no access_token (RFC 6749 "
                                "5.1); check client id, secret and scope", method="POST",
                                url=self.token_url, status=response.status,
                                body=body[:500].decode("utf-8", "replace"))
        self._token = token
        self._expires = started + expires_in


@dataclass(frozen=True)
class TlsOptions:
    """TLS for ``https://`` servers.

    Attributes
    ----------
    ca_file
        PEM file of the certificate authorities to trust (default: the system's).
    cert_file, key_file
        The client certificate (PEM) and its key, for servers that ask for one.
    verify
        False turns off certificate verification (testing only).
    """

    ca_file: str | os.PathLike[str] | None = None
    cert_file: str | os.PathLike[str] | None = None
    key_file: str | os.PathLike[str] | None = None
    verify: bool = True

    def context(self) -> ssl.SSLContext:
        """The :class:`ssl.SSLContext` these options describe."""
        ctx = ssl.create_default_context(cafile=os.fspath(self.ca_file) if self.ca_file else None)
        if not self.verify:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        if self.cert_file is not None:
            ctx.load_cert_chain(os.fspath(self.cert_file),
                                os.fspath(self.key_file) if self.key_file else None)
        return ctx


@dataclass(frozen=True)
class RetryPolicy:
    """When and how often an idempotent request is sent again.

    Attributes
    ----------
    attempts
        Sends in all (1: no retry).
    backoff
        Seconds before the first retry; doubled each time (with up to 25 % jitter), at most
        ``max_backoff``.  A ``Retry-After`` of the server (seconds) is used instead when given,
        also capped by ``max_backoff``.
    statuses
        The HTTP statuses that are retried.
    """

    attempts: int = 4
    backoff: float = 0.25
    max_backoff: float = 10.0
    statuses: frozenset[int] = frozenset({429, 503})

    def delay(self, attempt: int, retry_after: str | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1 for the first)."""
        if retry_after is not None and retry_after.strip().isdigit():
            return min(float(retry_after.strip()), self.max_backoff)
        base = min(self.backoff * 2.0 ** (attempt - 1), self.max_backoff)
        return base * (1.0 + random.random() / 4)  # noqa: S311 - jitter, not security
