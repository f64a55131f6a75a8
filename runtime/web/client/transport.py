"""The HTTP seam of the DICOMweb client: a :class:`Transport` protocol and its default on httpx.

The client speaks to the network only through :meth:`Transport.request`, which sends one
request and returns a :class:`Response` whose body is an async stream of bytes, so that any
HTTP library can carry DICOMweb (PS3.18 8) and tests can put another in its place.

The default, :class:`HttpxTransport`, runs on httpx because it runs under anyio on asyncio and
on trio alike (the house plan's rule).  The measurements in ``/work/shared/ANCHORS.md``
(loopback, 32 concurrent small GETs) put httpx at 224-245 requests/s against aiohttp's
1,473-1,534, but aiohttp runs on asyncio only and niquests has no trio support either; a faster
transport for asyncio-only programs can be passed as ``transport=`` without touching the client.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterable, AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import httpx

from dicomkit.web.errors import DicomWebConnectionError
from dicomkit.web.multipart import Headers

__all__ = ["Body", "HttpxTransport", "Response", "Transport"]

#: A request body: all of it, or a stream of chunks (a multipart/related STOW-RS payload).
Body = bytes | AsyncIterable[bytes] | None


class Response(Protocol):
    """An HTTP response whose body has not been read yet."""

    @property
    def status(self) -> int:
        """The HTTP status code."""
        ...

    @property
    def headers(self) -> Headers:
        """The response header fields (names in any case)."""
        ...

    def aiter_bytes(self) -> AsyncIterator[bytes]:
        """The body, in chunks as they arrive (content codings removed)."""
        ...

    async def aclose(self) -> None:
        """Release the connection (what is left of the body is discarded)."""
        ...


class Transport(Protocol):
    """Sends HTTP requests; one instance is shared by all calls of a client."""

    async def request(self, method: str, url: str, headers: Sequence[tuple[str, str]],
                      body: Body = None, *, timeout: float | None = None) -> Response:
        """Send one request and return once the response's headers have arrived.

        Raises
        ------
        DicomWebConnectionError
            When no response arrived (connection refused, reset, timed out).
        """
        ...

    async def aclose(self) -> None:
        """Close every connection."""
        ...


@dataclass
class _HttpxResponse:
    raw: httpx.Response
    headers: Headers
    method: str
    url: str
    #: ``HTTP/1.1`` or ``HTTP/2``, as the connection spoke
    http_version: str = "HTTP/1.1"

    @property
    def status(self) -> int:
        return self.raw.status_code

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.raw.aiter_bytes():
                yield chunk
        except (httpx.TransportError, OSError) as exc:  # ssl.SSLError is an OSError
            raise DicomWebConnectionError(f"the response body broke off: {exc!r}",
                                          method=self.method, url=self.url,
                                          status=self.status) from exc

    async def aclose(self) -> None:
        await self.raw.aclose()


class HttpxTransport:
    """The default transport, on an ``httpx.AsyncClient`` (asyncio and trio).

    Parameters
    ----------
    verify
        An :class:`ssl.SSLContext` (custom CA, client certificate: see
        :meth:`dicomkit.web.client.options.TlsOptions.context`), or True / False.
    timeout
        Default seconds for connecting and for each read, None for none.
    max_connections
        Connections kept open to the server.
    http2
        Offer HTTP/2 (RFC 9113) in the TLS handshake (ALPN ``h2``) and use it where the server
        takes it; plain ``http://`` URLs stay on HTTP/1.1.  Needs the ``h2`` package (extra
        ``http2``).
    """

    def __init__(self, *, verify: ssl.SSLContext | bool = True, timeout: float | None = 30.0,
                 max_connections: int = 32, http2: bool = False) -> None:
        if http2:
            try:
                import h2  # noqa: F401
            except ImportError as exc:
                raise DicomWebConnectionError(
                    "HTTP/2 needs the h2 package: pip install 'dicomkit[http2]' (or h2)") from exc
        limits = httpx.Limits(max_connections=max_connections,
                              max_keepalive_connections=max_connections)
        self._client = httpx.AsyncClient(verify=verify, timeout=timeout, limits=limits,
                                         follow_redirects=True, trust_env=False, http2=http2)

    async def request(self, method: str, url: str, headers: Sequence[tuple[str, str]],
                      body: Body = None, *, timeout: float | None = None) -> Response:
        kwargs: dict[str, object] = {}
        if timeout is not None:
            kwargs["timeout"] = timeout
        try:
            req = self._client.build_request(method, url, headers=list(headers), content=body,
                                             **kwargs)  # type: ignore[arg-type]
            raw = await self._client.send(req, stream=True)
        except (httpx.TransportError, OSError) as exc:  # ssl.SSLError is an OSError
            raise DicomWebConnectionError(f"no response: {exc!r}", method=method,
                                          url=url) from exc
        return _HttpxResponse(raw, Headers(list(raw.headers.multi_items())), method, url,
                              raw.http_version)

    async def aclose(self) -> None:
        await self._client.aclose()
