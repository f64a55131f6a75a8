"""gzip of the server's JSON and XML answers (``Content-Encoding: gzip``, RFC 9110 8.4.1).

:class:`GzipMiddleware` compresses an answer when the request's Accept-Encoding takes gzip
(a q-value above 0, RFC 9110 12.5.3), the answer is complete in one body message (search,
metadata, capabilities: streamed retrieves pass untouched) and at least ``minimum_size``
bytes, and its media type is text: DICOM JSON and XML, JSON, the capabilities' WADL, XML
metadata parts (``multipart/related; type="application/dicom+xml"``).  Pixel data, images and
DICOM files are left alone (compressing them costs time for little).  The answer gets
``Vary: Accept-Encoding`` and its ETag a ``-gzip`` suffix (a strong validator names one
representation, RFC 9110 8.8.3), which :func:`same_entity` takes back.
"""

from __future__ import annotations

import gzip

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["GZIP_SUFFIX", "GzipMiddleware", "accepts_gzip", "same_entity"]

GZIP_SUFFIX = "-gzip"
_TYPES = ("application/dicom+json", "application/json", "application/dicom+xml",
          "application/vnd.sun.wadl+xml", "application/xml", "text/xml")


def accepts_gzip(accept_encoding: str | None) -> bool:
    """True when an Accept-Encoding value takes gzip (or ``*``) with a q-value above 0."""
    if not accept_encoding:
        return False
    chosen: dict[str, float] = {}
    for item in accept_encoding.split(","):
        name, _, params = item.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            key, _, value = p.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        chosen[name.strip().lower()] = q
    q = chosen.get("gzip", chosen.get("x-gzip", chosen.get("*", 0.0)))
    return q > 0


def same_entity(given: str, etag: str) -> bool:
    """True when ``given`` (an entity tag of If-None-Match) names ``etag`` or its gzip form."""
    if given == etag:
        return True
    return given.endswith(GZIP_SUFFIX + '"') and given[:-len(GZIP_SUFFIX) - 1] + '"' == etag


def _compressible(content_type: str) -> bool:
    ct = content_type.lower()
    mime = ct.split(";", 1)[0].strip()
    if mime in _TYPES:
        return True
    return mime == "multipart/related" and "application/dicom+xml" in ct


class GzipMiddleware:
    """ASGI middleware: gzip the answers described in the module."""

    def __init__(self, app: ASGIApp, minimum_size: int = 1024, level: int = 5) -> None:
        self.app = app
        self.minimum_size = minimum_size
        self.level = level

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not accepts_gzip(Headers(scope=scope).get(
                "accept-encoding")):
            await self.app(scope, receive, send)
            return
        start: Message | None = None

        async def wrapped(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                if "content-encoding" in headers or not _compressible(
                        headers.get("content-type", "")):
                    await send(message)
                else:
                    start = message  # held until the body says whether it is one message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            held, start = start, None
            body: bytes = message.get("body", b"")
            if message.get("more_body", False) or len(body) < self.minimum_size:
                await send(held)  # streamed, or too small to gain
                await send(message)
                return
            data = gzip.compress(body, compresslevel=self.level, mtime=0)
            headers = MutableHeaders(raw=list(held["headers"]))
            headers["Content-Encoding"] = "gzip"
            headers["Content-Length"] = str(len(data))
            headers.add_vary_header("Accept-Encoding")
            etag = headers.get("etag")
            if etag is not None and etag.endswith('"'):
                headers["ETag"] = etag[:-1] + GZIP_SUFFIX + '"'
            await send({**held, "headers": headers.raw})
            await send({"type": "http.response.body", "body": data, "more_body": False})

        await self.app(scope, receive, wrapped)
