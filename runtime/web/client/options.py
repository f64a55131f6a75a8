"""What a DICOMweb client is configured with: authentication, TLS and retries.

Authentication is a header added to every request (RFC 7617 basic, RFC 6750 bearer), so that
it works with any :class:`~dicomkit.web.client.transport.Transport`.  Retries follow RFC 7231:
only idempotent methods (4.2.2) are sent again, after 429 (RFC 6585 4) and 503 (RFC 7231
6.6.4), honouring ``Retry-After`` in seconds, and after connection errors.
"""

from __future__ import annotations

import base64
import os
import random
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Auth", "BasicAuth", "BearerAuth", "IDEMPOTENT_METHODS", "RetryPolicy", "TlsOptions"]

#: The methods RFC 7231 4.2.2 calls idempotent: the only ones retried.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


class Auth:
    """Adds credentials to a request; subclasses give :meth:`header`."""

    def header(self) -> tuple[str, str] | None:
        """The ``(name, value)`` header field carrying the credentials, or None."""
        raise NotImplementedError


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
