"""A TCP connection read and written through asyncio's protocol API (plain TCP on asyncio).

anyio's socket stream on asyncio pauses reading after every ``receive`` and resumes it before
the next (two ``epoll_ctl`` calls) and passes through the event loop once more per ``send``
(a checkpoint): per DIMSE round trip these cost about as much as decoding the messages.  Here
the transport keeps reading into the connection's own buffer while the buffer is below a high
water mark, a reader waits on a future only when the bytes it needs have not arrived, and a
send writes at once, waiting only while the transport's write buffer is full.  Cancellation
(anyio cancel scopes, timeouts) reaches the futures awaited here as it reaches any other.

TLS connections and the trio backend keep using anyio's streams (:mod:`.transport`).
"""

from __future__ import annotations

import asyncio
from typing import cast

__all__ = ["SocketProtocol", "running_asyncio_loop"]

#: Reading pauses while this many bytes are buffered and nobody waits for more.
HIGH_WATER = 1 << 22


def running_asyncio_loop() -> asyncio.AbstractEventLoop | None:
    """The running asyncio loop when called from an asyncio task, else None (e.g. trio)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop if asyncio.current_task(loop) is not None else None


class SocketProtocol(asyncio.Protocol):
    """Receives into ``buffer`` (appending); wakes the one reader waiting for enough bytes.

    Parameters
    ----------
    buffer
        The connection's receive buffer; only this protocol appends to it, only the reader
        consumes from its front.
    """

    def __init__(self, buffer: bytearray) -> None:
        self.buffer = buffer
        self.transport: asyncio.Transport | None = None
        self.eof = False
        #: the exception the connection was lost with (None while open or after a clean EOF)
        self.lost: BaseException | None = None
        self.closed = False
        self._want = 0
        self._reader: asyncio.Future[None] | None = None
        self._writer: asyncio.Future[None] | None = None
        self._closed_waiter: asyncio.Future[None] | None = None
        self._paused_reading = False
        self._paused_writing = False
        self._expired = False  # the timer of the current wait_for went off

    # -- asyncio callbacks ------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # (uvloop's transports have the methods of asyncio.Transport without subclassing it)
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer
        buffer += data
        reader = self._reader
        if reader is not None and len(buffer) >= self._want and not reader.done():
            reader.set_result(None)
        elif reader is None and len(buffer) > HIGH_WATER and not self._paused_reading:
            assert self.transport is not None
            self.transport.pause_reading()
            self._paused_reading = True

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False  # close the transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.eof = True
        self.lost = exc
        self._wake()
        writer = self._writer
        if writer is not None and not writer.done():
            writer.set_result(None)
        waiter = self._closed_waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def pause_writing(self) -> None:
        self._paused_writing = True

    def resume_writing(self) -> None:
        self._paused_writing = False
        writer = self._writer
        if writer is not None and not writer.done():
            writer.set_result(None)

    def _wake(self) -> None:
        reader = self._reader
        if reader is not None and not reader.done():
            reader.set_result(None)

    # -- the connection's side --------------------------------------------------------------
    async def wait_for(self, n: int, timeout: float | None = None) -> bool:
        """Wait until ``buffer`` holds ``n`` bytes; False when the connection ended first.

        Raises
        ------
        TimeoutError
            When the bytes did not arrive within ``timeout`` seconds (None: no limit); what
            arrived stays in the buffer.  (A loop timer, not a cancel scope: one is armed for
            nearly every PDU read.)
        """
        buffer = self.buffer
        if len(buffer) >= n:
            return True
        loop = asyncio.get_running_loop()
        timer = None if timeout is None else loop.call_later(timeout, self._time_out)
        try:
            while len(buffer) < n:
                if self._expired:
                    raise TimeoutError
                if self.eof:
                    return False
                if self._paused_reading:
                    assert self.transport is not None
                    self._paused_reading = False
                    self.transport.resume_reading()
                assert self._reader is None, "one reader at a time"
                self._want = n
                self._reader = reader = loop.create_future()
                try:
                    await reader
                finally:
                    self._reader = None
        finally:
            if timer is not None:
                timer.cancel()
            self._expired = False
        return True

    def _time_out(self) -> None:
        self._expired = True
        reader = self._reader
        if reader is not None and not reader.done():
            reader.set_exception(TimeoutError())

    @property
    def writing_paused(self) -> bool:
        """True while the transport's write buffer is over its high water mark."""
        return self._paused_writing and not self.closed

    async def drain(self) -> None:
        """Wait while the transport's write buffer is over its high water mark."""
        while self._paused_writing and not self.closed:
            self._writer = writer = asyncio.get_running_loop().create_future()
            try:
                await writer
            finally:
                self._writer = None

    async def wait_lost(self) -> None:
        """Wait until the connection is lost (after the peer closed or we did)."""
        if self.closed:
            return
        if self._closed_waiter is None:
            self._closed_waiter = asyncio.get_running_loop().create_future()
        await asyncio.shield(self._closed_waiter)
