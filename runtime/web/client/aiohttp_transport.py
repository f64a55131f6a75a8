"""A faster transport for asyncio-only programs, on aiohttp (``pip install 'dicomkit[web-fast]'``).

aiohttp runs on asyncio only (not on trio): pass ``transport=AiohttpTransport()`` to
:class:`~dicomkit.web.client.DicomWebClient` in asyncio code (or a
:class:`~dicomkit.web.client.BlockingDicomWebClient` with the default ``backend="asyncio"``)
when throughput matters; ``/work/shared/ANCHORS.md`` measures it 6x httpx on small requests and
2-5x on large downloads.  The session is made on first use, inside the running loop.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp

from dicomkit.web.client.transport import Body, Response
from dicomkit.web.errors import DicomWebConnectionError
from dicomkit.web.multipart import Headers

__all__ = ["AiohttpTransport"]

_CHUNK = 1 << 18


@dataclass
class _AiohttpResponse:
    raw: aiohttp.ClientResponse
    headers: Headers
    method: str
    url: str

    @property
    def status(self) -> int:
        return self.raw.status

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.raw.content.iter_chunked(_CHUNK):
                yield chunk
        except (aiohttp.ClientError, OSError) as exc:
            raise DicomWebConnectionError(f"the response body broke off: {exc!r}",
                                          method=self.method, url=self.url,
                                          status=self.status) from exc

    async def aclose(self) -> None:
        self.raw.release()


class AiohttpTransport:
    """:class:`~dicomkit.web.client.transport.Transport` on an ``aiohttp.ClientSession``
    (asyncio only).  ``verify``, ``timeout`` and ``max_connections`` as for
    :class:`~dicomkit.web.client.transport.HttpxTransport`."""

    def __init__(self, *, verify: ssl.SSLContext | bool = True, timeout: float | None = 30.0,
                 max_connections: int = 32) -> None:
        self._verify = verify
        self._timeout = timeout
        self._max = max_connections
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None:
            ssl_arg: Any = self._verify if isinstance(self._verify, ssl.SSLContext) else (
                None if self._verify else False)
            connector = aiohttp.TCPConnector(limit=self._max, ssl=ssl_arg)
            self._session = aiohttp.ClientSession(
                connector=connector, trust_env=False, auto_decompress=True,
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=self._timeout,
                                              sock_read=self._timeout))
        return self._session

    async def request(self, method: str, url: str, headers: Sequence[tuple[str, str]],
                      body: Body = None, *, timeout: float | None = None) -> Response:
        session = self._open()
        kwargs: dict[str, Any] = {}
        if timeout is not None:
            kwargs["timeout"] = aiohttp.ClientTimeout(total=None, sock_connect=timeout,
                                                      sock_read=timeout)
        try:
            raw = await session.request(method, url, headers=list(headers), data=body,
                                        **kwargs)
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise DicomWebConnectionError(f"no response: {exc!r}", method=method,
                                          url=url) from exc
        return _AiohttpResponse(raw, Headers(list(raw.headers.items())), method, url)

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
