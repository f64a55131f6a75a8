"""Streamed multipart answers that fail cleanly (WADO-RS retrieve of studies and series,
rendered series).

A retrieve is streamed: its status line and header fields are sent before the later parts
are made, so a part that cannot be made (a transcode that fails on damaged pixel data, a file
removed while it is read) can no longer change the status.  Two things keep such a failure
from passing for a complete answer:

* :func:`prefetch` makes the first part before the response starts, so that an answer of one
  part (an instance), and any failure of the first part, still gets its error status;
* :class:`CutOffStreamingResponse` ends a stream that fails later without its last body
  message: the server then closes the connection without the last chunk of the chunked
  transfer coding (HTTP/1.1, RFC 9112 7.1) or resets the stream (HTTP/2), and the multipart
  body lacks its close delimiter (RFC 2046 5.1.1), so that every client sees the answer is
  incomplete.  The failure is logged with the request and what failed (the instance).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import TypeVar

from starlette.responses import StreamingResponse
from starlette.types import Send

from dicomkit.errors import DicomError

__all__ = ["CutOffStreamingResponse", "prefetch"]

log = logging.getLogger("dicomkit.web.server")
T = TypeVar("T")


async def prefetch(items: AsyncIterator[T]) -> AsyncIterator[T]:
    """``items`` with its first item made now (its errors raised here, before any answer is
    sent), the rest as they are asked for."""
    first: list[T] = []
    async for item in items:
        first.append(item)
        break

    async def rest() -> AsyncIterator[T]:
        for item in first:
            yield item
        async for item in items:
            yield item

    return rest()


class CutOffStreamingResponse(StreamingResponse):
    """A :class:`StreamingResponse` that, when its body fails with a :class:`DicomError` or
    an ``OSError`` after it started, logs the failure and ends without its last body message
    (see the module): the client sees an incomplete answer, never a short complete one."""

    #: what the log says the answer was (``GET /studies/1.2.3``); set by the handler
    what: str = ""

    async def stream_response(self, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code,
                    "headers": self.raw_headers})
        sent = 0
        body = aiter(self.body_iterator)
        while True:
            try:
                chunk = await anext(body)
            except StopAsyncIteration:
                break
            except (DicomError, OSError) as exc:  # of the body, not of sending it
                log.error("%s: the answer is cut off after %d bytes of body, the connection "
                          "closed without ending it: %s", self.what or "streamed answer", sent,
                          exc)
                return
            data = chunk.encode(self.charset) if isinstance(chunk, str) else chunk
            sent += len(data)
            await send({"type": "http.response.body", "body": data, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
