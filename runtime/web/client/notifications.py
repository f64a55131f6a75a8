"""The user agent's end of a Notification Connection (PS3.18 8.10.4): a WebSocket (RFC 6455) to
the origin server over which it receives Event Reports (8.10.5), one DICOM JSON object per text
frame.

The protocol is that of the ``websockets`` package's sans-I/O client (handshake, framing,
ping/pong, closing), driven over anyio streams so that it runs on asyncio and on trio alike.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Sequence
from urllib.parse import urlsplit

import anyio
import orjson
from anyio.abc import ByteStream

from dicomkit.core.dataset import Dataset
from dicomkit.web.errors import DicomWebConnectionError, DicomWebError, JsonModelError
from dicomkit.web.json_model import from_json_dict

__all__ = ["aiter_event_frames", "aiter_events", "parse_event"]

_READ = 65536


def parse_event(text: str | bytes, *, url: str = "") -> Dataset:
    """The data set of one Event Report frame (PS3.18 8.10.5.1.1: a DICOM JSON data set).

    Raises
    ------
    DicomWebError
        When the frame is not a DICOM JSON object.
    """
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise DicomWebError(f"an Event Report frame is not JSON: {exc}", method="GET",
                            url=url) from None
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # a server that sends the data set as a one-element array
    if not isinstance(value, dict):
        raise DicomWebError("an Event Report frame is not a DICOM JSON object (PS3.18 "
                            "8.10.5.1.1)", method="GET", url=url)
    try:
        return from_json_dict(value)
    except JsonModelError as exc:
        raise DicomWebError(f"an Event Report frame is not the DICOM JSON model: {exc}",
                            method="GET", url=url) from None


async def _connect(url: str, ssl_context: ssl.SSLContext | None, timeout: float | None
                   ) -> ByteStream:
    parts = urlsplit(url)
    secure = parts.scheme == "wss"
    host = parts.hostname or "localhost"
    port = parts.port or (443 if secure else 80)
    try:
        with anyio.fail_after(timeout):
            if secure:
                return await anyio.connect_tcp(
                    host, port, tls=True, tls_hostname=host,
                    ssl_context=ssl_context or ssl.create_default_context())
            return await anyio.connect_tcp(host, port)
    except (OSError, TimeoutError, ssl.SSLError) as exc:
        raise DicomWebConnectionError(f"cannot open the Notification Connection: {exc}",
                                      method="GET", url=url) from None


async def aiter_event_frames(url: str, *, headers: Sequence[tuple[str, str]] = (),
                             ssl_context: ssl.SSLContext | None = None,
                             timeout: float | None = 30.0,
                             max_size: int | None = 16 << 20) -> AsyncIterator[str]:
    """The text frames the origin server sends over the Notification Connection at ``url``
    (``ws://`` or ``wss://``), until it closes it or the iteration is left (which closes it).

    Raises
    ------
    DicomWebError
        When the server refuses the WebSocket handshake (its HTTP status).
    DicomWebConnectionError
        When the connection cannot be made or breaks.
    """
    from websockets.client import ClientProtocol
    from websockets.exceptions import InvalidURI
    from websockets.frames import Frame, Opcode
    from websockets.http11 import Response
    from websockets.protocol import State
    from websockets.uri import parse_uri

    try:
        protocol = ClientProtocol(parse_uri(url), max_size=max_size)
    except InvalidURI as exc:
        raise ValueError(f"not a WebSocket URL: {url!r} ({exc})") from None
    stream = await _connect(url, ssl_context, timeout)
    request = protocol.connect()
    for name, value in headers:
        request.headers[name] = value
    protocol.send_request(request)

    async def flush() -> bool:
        """Send what the protocol has for the server; False once it says to close."""
        for data in protocol.data_to_send():
            if not data:
                return False
            await stream.send(data)
        return True

    try:
        async with stream:
            try:
                await flush()
                opened = False
                while True:
                    try:
                        with anyio.fail_after(timeout if not opened else None):
                            data = await stream.receive(_READ)
                    except (anyio.EndOfStream, anyio.BrokenResourceError):
                        protocol.receive_eof()
                        data = b""
                    if data:
                        protocol.receive_data(data)
                    for event in protocol.events_received():
                        if isinstance(event, Response):
                            if event.status_code != 101 or protocol.handshake_exc is not None:
                                raise DicomWebError(
                                    "the server refused the Notification Connection "
                                    f"(PS3.18 8.10.4): {protocol.handshake_exc}",
                                    method="GET", url=url, status=event.status_code,
                                    body=bytes(event.body or b"")[:2000].decode(
                                        "utf-8", "replace"))
                            opened = True
                        elif isinstance(event, Frame) and event.opcode == Opcode.TEXT:
                            yield bytes(event.data).decode("utf-8", "replace")
                    if not await flush() or protocol.state is State.CLOSED:
                        return
                    if not data:
                        return
            finally:
                if protocol.state is State.OPEN:
                    protocol.send_close(1000)
                    with anyio.move_on_after(1, shield=True):
                        try:
                            await flush()
                        except (anyio.BrokenResourceError, anyio.ClosedResourceError, OSError):
                            pass
    except (anyio.BrokenResourceError, OSError, TimeoutError) as exc:
        raise DicomWebConnectionError(f"the Notification Connection broke: {exc}",
                                      method="GET", url=url) from None


async def aiter_events(url: str, *, headers: Sequence[tuple[str, str]] = (),
                       ssl_context: ssl.SSLContext | None = None,
                       timeout: float | None = 30.0) -> AsyncIterator[Dataset]:
    """The Event Reports received over the Notification Connection at ``url``, as data sets
    (see :func:`aiter_event_frames`, :func:`parse_event`)."""
    async for text in aiter_event_frames(url, headers=headers, ssl_context=ssl_context,
                                         timeout=timeout):
        yield parse_event(text, url=url)
