"""TCP (and TLS) transport for the DICOM upper layer, on anyio (PS3.8 9.1.1, PS3.15 B.1).

Every socket gets ``TCP_NODELAY`` (PDUs are small and latency-bound).  TLS is optional on both
sides through an :class:`ssl.SSLContext`; a server context with ``verify_mode = CERT_REQUIRED``
and a CA gives mutual TLS (PS3.15 B.1, the Basic TLS Secure Transport Connection Profile).
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import anyio
import anyio.abc
import anyio.lowlevel
from anyio.streams.tls import TLSAttribute, TLSStream

from dicomkit.net.asyncio_socket import SocketProtocol, running_asyncio_loop
from dicomkit.net.errors import ConnectionClosed, NetworkError, NetworkTimeout

__all__ = ["AsyncioConnection", "Connection", "Listener", "connect", "listen"]

#: Most bytes asked of the socket at once: a few PDUs of the common maximum lengths (PS3.8 D.1).
RECEIVE_SIZE = 1 << 18

#: Writes after which an asyncio connection passes through the event loop once: its writes
#: do not wait while the peer keeps up, and a task sending many messages (pending C-FIND
#: responses) must not keep every other task of the loop waiting.
YIELD_EVERY = 32

#: Most bytes a corked connection holds before it sends them (:meth:`Connection.cork`).
CORK_LIMIT = 1 << 18

#: The exceptions an anyio stream raises when the connection is gone.
_CLOSED = (anyio.EndOfStream, anyio.IncompleteRead, anyio.BrokenResourceError,
           anyio.ClosedResourceError, ConnectionError, ssl.SSLError, OSError)


def _closed(exc: BaseException, peer: tuple[str, int]) -> ConnectionClosed:
    """The ConnectionClosed for ``exc``; a TLS failure says what TLS reported (e.g. the peer's
    alert refusing our certificate), not just that the connection went away."""
    if isinstance(exc, ssl.SSLError):
        return ConnectionClosed(f"TLS failed: {exc.reason or exc}", peer=peer)
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, ssl.SSLError):
        return ConnectionClosed(f"TLS failed: {cause.reason or cause}", peer=peer)
    return ConnectionClosed(f"connection closed ({type(exc).__name__})", peer=peer)


class SocketOptions(Protocol):
    """What :meth:`Connection.raw_socket` gives: a socket's options and family (a
    ``socket.socket``, or asyncio's ``TransportSocket`` wrapper of one)."""

    @property
    def family(self) -> int: ...

    def getsockopt(self, level: int, option: int) -> int: ...

    def setsockopt(self, level: int, option: int, value: int) -> None: ...


def _nodelay(stream: anyio.abc.AnyByteStream) -> None:
    sock = stream.extra(anyio.abc.SocketAttribute.raw_socket, None)
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _peer(stream: anyio.abc.AnyByteStream) -> tuple[str, int]:
    addr: Any = stream.extra(anyio.abc.SocketAttribute.remote_address, ("", 0))
    return (str(addr[0]), int(addr[1])) if isinstance(addr, tuple) else (str(addr), 0)


class Connection:
    """One transport connection: read exactly n bytes, send, close, with time limits.

    Parameters
    ----------
    stream
        A connected anyio byte stream (TCP, or TLS over TCP).
    """

    def __init__(self, stream: anyio.abc.AnyByteStream) -> None:
        self._stream = stream
        # bytes received and not yet consumed: self._buffer[self._start:]
        self._buffer = bytearray()
        self._start = 0
        self.peer = _peer(stream)
        self.closed = False
        self._corked: list[bytes] | None = None
        self._corked_size = 0
        _nodelay(stream)

    @property
    def tls(self) -> bool:
        """True when the connection runs over TLS."""
        return isinstance(self._stream, TLSStream)

    def raw_socket(self) -> SocketOptions | None:
        """The connection's socket (for socket options), None when it has none."""
        sock: SocketOptions | None = self._stream.extra(anyio.abc.SocketAttribute.raw_socket,
                                                        None)
        return sock

    def peer_certificate(self) -> dict[str, Any] | None:
        """The peer's verified certificate (TLS with verification), else None."""
        if not isinstance(self._stream, TLSStream):
            return None
        cert: Any = self._stream.extra(TLSAttribute.peer_certificate, None)
        return dict(cert) if cert else None

    async def receive_exactly(self, n: int, timeout: float | None = None) -> bytes:
        """Exactly ``n`` bytes, waiting at most ``timeout`` seconds (None: no limit).

        Reads from the socket whatever has arrived (up to :data:`RECEIVE_SIZE` bytes at a
        time) into one buffer and serves the PDU header and body reads from it, so that a
        data set arriving in one segment costs one socket read and no event-loop round trip
        per PDU.

        Raises
        ------
        ConnectionClosed
            The peer closed (or reset) the connection first.
        NetworkTimeout
            The bytes did not arrive in time.
        """
        buffer = self._buffer
        start = self._start
        if len(buffer) - start >= n:  # already here: no timer, no await
            end = start + n
            out = bytes(buffer[start:end])
            if end == len(buffer):
                buffer.clear()
                self._start = 0
            else:
                self._start = end
            return out
        if start:
            del buffer[:start]
            self._start = 0
        await self._fill(n, timeout)
        out = bytes(buffer[:n])
        if n == len(buffer):
            buffer.clear()
        else:
            self._start = n
        return out

    async def _fill(self, n: int, timeout: float | None) -> None:
        """Receive until the buffer (already compacted to start at 0) holds ``n`` bytes."""
        buffer = self._buffer
        try:
            if timeout is None:
                while len(buffer) < n:
                    buffer += await self._receive_some()
            else:
                with anyio.fail_after(timeout):
                    while len(buffer) < n:
                        buffer += await self._receive_some()
        except TimeoutError:
            raise NetworkTimeout(f"no data for {timeout} s", peer=self.peer) from None
        except _CLOSED as exc:
            raise _closed(exc, self.peer) from None

    async def peek_exactly(self, n: int, timeout: float | None = None) -> bytes:
        """The next ``n`` bytes without consuming them (waiting at most ``timeout`` seconds).

        A reader cancelled while it waits here loses nothing: what arrived stays buffered for
        the next read (the upper layer peeks at a PDU header, then takes the whole PDU).

        Raises
        ------
        ConnectionClosed, NetworkTimeout
            As :meth:`receive_exactly`.
        """
        buffer = self._buffer
        start = self._start
        if len(buffer) - start >= n:
            return bytes(buffer[start:start + n])
        if start:
            del buffer[:start]
            self._start = 0
        await self._fill(n, timeout)
        return bytes(buffer[:n])

    async def _receive_some(self) -> bytes:
        stream = self._stream
        if isinstance(stream, anyio.abc.ByteReceiveStream):
            return await stream.receive(RECEIVE_SIZE)
        return bytes(await stream.receive())

    async def wait_closed(self, timeout: float) -> bool:
        """Read and discard until the peer closes; True if it did within ``timeout`` seconds."""
        self._buffer.clear()
        self._start = 0
        with anyio.move_on_after(timeout):
            try:
                while True:
                    await self._receive_some()
            except _CLOSED:
                return True
        return False

    # -- sending ------------------------------------------------------------------------------
    def cork(self) -> None:
        """Hold what is sent from now on until :meth:`uncork` (or :data:`CORK_LIMIT` bytes):
        the PDUs of one DIMSE message leave in one write (one system call, one wake-up of
        the peer) instead of one each."""
        if self._corked is None:
            self._corked = []
            self._corked_size = 0

    def drop_cork(self) -> None:
        """Forget what the cork holds (the association is being aborted) and stop holding."""
        self._corked = None

    async def uncork(self, timeout: float | None = None) -> None:
        """Send what the cork holds and stop holding; raises as :meth:`send`."""
        parts, self._corked = self._corked, None
        if parts:
            await self._write(parts[0] if len(parts) == 1 else b"".join(parts), timeout)

    async def send(self, data: bytes, timeout: float | None = None) -> None:
        """Send all of ``data`` (held while corked); raises ConnectionClosed or NetworkTimeout."""
        corked = self._corked
        if corked is not None:
            corked.append(data)
            self._corked_size += len(data)
            if self._corked_size < CORK_LIMIT:
                return
            data = b"".join(corked)
            corked.clear()
            self._corked_size = 0
        await self._write(data, timeout)

    async def _write(self, data: bytes, timeout: float | None) -> None:
        try:
            with anyio.fail_after(timeout):
                await self._stream.send(data)
        except TimeoutError:
            raise NetworkTimeout(f"send blocked for {timeout} s", peer=self.peer) from None
        except _CLOSED as exc:
            raise _closed(exc, self.peer) from None

    async def aclose(self) -> None:
        """Close the connection (idempotent, never raises for an already broken one)."""
        if self.closed:
            return
        self.closed = True
        with anyio.CancelScope(shield=True):
            try:
                with anyio.move_on_after(1):
                    await self._stream.aclose()
            except _CLOSED:
                pass
            finally:
                if isinstance(self._stream, TLSStream):
                    await anyio.aclose_forcefully(self._stream.transport_stream)


class AsyncioConnection(Connection):
    """A plain TCP connection on asyncio, read and written through asyncio's protocol API
    (:mod:`.asyncio_socket`: no pause/resume of reading per receive, no extra pass through the
    event loop per send).  Behaves as :class:`Connection`.

    Parameters
    ----------
    transport, protocol
        What ``loop.create_connection`` or ``loop.connect_accepted_socket`` made with a
        :class:`~dicomkit.net.asyncio_socket.SocketProtocol` over this connection's buffer.
    """

    def __init__(self, transport: asyncio.Transport, protocol: SocketProtocol) -> None:
        self._transport = transport
        self._protocol = protocol
        self._buffer = protocol.buffer
        self._start = 0
        addr: Any = transport.get_extra_info("peername")
        self.peer = (str(addr[0]), int(addr[1])) if isinstance(addr, tuple) else (str(addr), 0)
        self.closed = False
        self._corked: list[bytes] | None = None
        self._corked_size = 0
        self._writes = 0
        sock = self.raw_socket()
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    @property
    def tls(self) -> bool:
        """False: TLS connections are :class:`Connection` over anyio's TLS stream."""
        return False

    def raw_socket(self) -> SocketOptions | None:
        """The connection's socket (for socket options)."""
        sock: SocketOptions | None = self._transport.get_extra_info("socket")
        return sock

    def peer_certificate(self) -> dict[str, Any] | None:
        """None (no TLS)."""
        return None

    def _lost(self) -> ConnectionClosed:
        lost = self._protocol.lost
        name = type(lost).__name__ if lost is not None else "EndOfStream"
        return ConnectionClosed(f"connection closed ({name})", peer=self.peer)

    async def _fill(self, n: int, timeout: float | None) -> None:
        try:
            arrived = await self._protocol.wait_for(n, timeout)
        except TimeoutError:
            raise NetworkTimeout(f"no data for {timeout} s", peer=self.peer) from None
        if not arrived:
            raise self._lost()

    async def wait_closed(self, timeout: float) -> bool:
        """Read and discard until the peer closes; True if it did within ``timeout`` seconds."""
        protocol = self._protocol
        with anyio.move_on_after(timeout):
            while not protocol.eof:
                self._buffer.clear()
                self._start = 0
                await protocol.wait_for(1 << 30)  # returns at the end of the connection
            return True
        self._buffer.clear()
        self._start = 0
        return False

    async def _write(self, data: bytes, timeout: float | None) -> None:
        protocol = self._protocol
        if protocol.closed or self._transport.is_closing():
            raise self._lost()
        self._transport.write(data)
        self._writes += 1
        if self._writes >= YIELD_EVERY:  # a sender that never waits lets the others run
            self._writes = 0
            await anyio.lowlevel.checkpoint()
        if protocol.writing_paused:  # the peer reads slower than we write: wait for it
            try:
                with anyio.fail_after(timeout):
                    await protocol.drain()
            except TimeoutError:
                raise NetworkTimeout(f"send blocked for {timeout} s", peer=self.peer) from None
        if protocol.closed:
            raise self._lost()

    async def aclose(self) -> None:
        """Close the connection (idempotent, never raises for an already broken one)."""
        if self.closed:
            return
        self.closed = True
        transport = self._transport
        with anyio.CancelScope(shield=True):
            transport.close()
            with anyio.move_on_after(1):
                await self._protocol.wait_lost()
            if not self._protocol.closed:
                transport.abort()


async def connect(host: str, port: int, *, ssl_context: ssl.SSLContext | None = None,
                  server_hostname: str | None = None, timeout: float | None = 30.0
                  ) -> Connection:
    """Open a TCP connection (TLS when ``ssl_context`` is given) with ``TCP_NODELAY``.

    Raises
    ------
    NetworkTimeout
        The connection (and TLS handshake) did not complete in ``timeout`` seconds.
    NetworkError
        The connection was refused or the TLS handshake failed.
    """
    loop = running_asyncio_loop() if ssl_context is None else None
    if loop is not None:  # plain TCP on asyncio: the protocol connection (asyncio_socket)
        buffer = bytearray()
        try:
            with anyio.fail_after(timeout):
                tcp, protocol = await loop.create_connection(lambda: SocketProtocol(buffer),
                                                             host, port)
        except TimeoutError:
            raise NetworkTimeout(f"connecting took over {timeout} s",
                                 peer=(host, port)) from None
        except OSError as exc:
            raise NetworkError(f"cannot connect: {exc}", peer=(host, port)) from None
        return AsyncioConnection(tcp, protocol)
    try:
        with anyio.fail_after(timeout):
            stream: anyio.abc.AnyByteStream = await anyio.connect_tcp(host, port)
            _nodelay(stream)
            if ssl_context is not None:
                stream = await TLSStream.wrap(
                    stream, server_side=False, ssl_context=ssl_context,
                    hostname=server_hostname or host, standard_compatible=False)
    except TimeoutError:
        raise NetworkTimeout(f"connecting took over {timeout} s", peer=(host, port)) from None
    except (OSError, ssl.SSLError, anyio.BrokenResourceError, anyio.EndOfStream) as exc:
        raise NetworkError(f"cannot connect: {exc}", peer=(host, port)) from None
    return Connection(stream)


class Listener:
    """A listening TCP socket; :meth:`serve` hands each (TLS-wrapped) connection to a handler."""

    def __init__(self, listener: anyio.abc.SocketListener,
                 ssl_context: ssl.SSLContext | None, handshake_timeout: float,
                 on_handshake_error: Callable[[tuple[str, int], str], None] | None = None
                 ) -> None:
        self._listener = listener
        self._ssl = ssl_context
        self._handshake_timeout = handshake_timeout
        #: called with (peer, why) when a TLS handshake fails (the connection is closed)
        self.on_handshake_error = on_handshake_error

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) listened on (port is the real one when 0 was asked)."""
        addr: Any = self._listener.extra(anyio.abc.SocketAttribute.local_address)
        return (str(addr[0]), int(addr[1]))

    async def _wrap(self, stream: anyio.abc.SocketStream,
                    handler: Callable[[Connection], Awaitable[None]]) -> None:
        wrapped: anyio.abc.AnyByteStream = stream
        _nodelay(stream)
        peer = _peer(stream)
        if self._ssl is not None:
            try:
                with anyio.fail_after(self._handshake_timeout):
                    wrapped = await TLSStream.wrap(stream, server_side=True,
                                                   ssl_context=self._ssl,
                                                   standard_compatible=False)
            except (TimeoutError, *_CLOSED) as exc:
                await anyio.aclose_forcefully(stream)
                if self.on_handshake_error is not None:
                    why = (f"no handshake within {self._handshake_timeout} s"
                           if isinstance(exc, TimeoutError) else _closed(exc, peer).reason)
                    self.on_handshake_error(peer, why)
                return
        await handler(Connection(wrapped))

    async def _wrap_socket(self, loop: asyncio.AbstractEventLoop, client: socket.socket,
                           handler: Callable[[Connection], Awaitable[None]]) -> None:
        try:
            tcp, protocol = await loop.connect_accepted_socket(
                lambda: SocketProtocol(bytearray()), client)
        except OSError:
            client.close()
            return

        await handler(AsyncioConnection(tcp, protocol))

    async def serve(self, handler: Callable[[Connection], Awaitable[None]]) -> None:
        """Accept connections until cancelled, each handled in its own task."""
        loop = running_asyncio_loop() if self._ssl is None else None
        raw = self._listener.extra(anyio.abc.SocketAttribute.raw_socket, None)
        async with anyio.create_task_group() as tg:
            while loop is not None and raw is not None:  # plain TCP on asyncio
                try:
                    client, _ = await loop.sock_accept(raw)
                except OSError:
                    await anyio.sleep(0.01)  # e.g. EMFILE: do not spin, keep serving
                    continue
                tg.start_soon(self._wrap_socket, loop, client, handler)
            while True:
                try:
                    stream = await self._listener.accept()
                except (OSError, anyio.BrokenResourceError):
                    await anyio.sleep(0.01)  # e.g. EMFILE: do not spin, keep serving
                    continue
                tg.start_soon(self._wrap, stream, handler)

    async def aclose(self) -> None:
        """Stop listening."""
        await self._listener.aclose()


async def listen(host: str, port: int, *, ssl_context: ssl.SSLContext | None = None,
                 handshake_timeout: float = 30.0) -> Listener:
    """Listen on ``host:port`` (port 0 picks a free one); TLS when ``ssl_context`` is given."""
    try:
        multi = await anyio.create_tcp_listener(local_host=host, local_port=port)
    except OSError as exc:
        raise NetworkError(f"cannot listen: {exc}", peer=(host, port)) from None
    first = multi.listeners[0]
    assert isinstance(first, anyio.abc.SocketListener)
    for extra in multi.listeners[1:]:  # one address is served; the host should name one
        await extra.aclose()
    return Listener(first, ssl_context, handshake_timeout)
