"""The asyncio protocol connection (runtime/net/asyncio_socket.py, transport.AsyncioConnection):
plain TCP on asyncio reads into the connection's buffer without pausing per receive, pauses at
the high water mark, and reports every way a connection ends as the anyio one does."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from dicomkit.net import asyncio_socket, transport
from dicomkit.net.errors import ConnectionClosed, NetworkTimeout
from tests.net.conftest import ASYNCIO_LOOPS, backend_param


@pytest.fixture(params=ASYNCIO_LOOPS)
def anyio_backend(request: pytest.FixtureRequest) -> Any:
    """asyncio's own loop and uvloop (whose transports are not asyncio.Transport subclasses)."""
    return backend_param(request.param)


@asynccontextmanager
async def pair(server: Callable[[transport.Connection], Awaitable[None]]
               ) -> AsyncIterator[transport.Connection]:
    """A client connection to a listener whose connections ``server`` handles."""
    listener = await transport.listen("127.0.0.1", 0)
    async with anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, server)
        conn = await transport.connect(*listener.address, timeout=5)
        try:
            yield conn
        finally:
            await conn.aclose()
            tg.cancel_scope.cancel()
    await listener.aclose()


@pytest.mark.anyio
async def test_plain_tcp_on_asyncio_uses_the_protocol_connection_on_both_sides() -> None:
    kinds: list[type] = []

    async def server(conn: transport.Connection) -> None:
        kinds.append(type(conn))
        await conn.send(await conn.receive_exactly(5, 5))

    async with pair(server) as conn:
        kinds.append(type(conn))
        await conn.send(b"hello")
        assert await conn.receive_exactly(5, 5) == b"hello"
    assert kinds == [transport.AsyncioConnection, transport.AsyncioConnection]


@pytest.mark.anyio
async def test_bytes_sent_in_many_small_writes_come_back_exactly_and_in_order() -> None:
    payload = bytes(range(256)) * 4096  # 1 MiB

    async def server(conn: transport.Connection) -> None:
        got = await conn.receive_exactly(len(payload), 10)
        for i in range(0, len(got), 1000):
            await conn.send(got[i:i + 1000], 10)

    async with pair(server) as conn:
        await conn.send(payload, 10)
        head = await conn.peek_exactly(3, 10)
        back = await conn.receive_exactly(len(payload), 10)
    assert head == payload[:3] and back == payload


@pytest.mark.anyio
async def test_reading_pauses_at_the_high_water_mark_and_resumes_for_a_reader(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(asyncio_socket, "HIGH_WATER", 1 << 16)
    total = 1 << 21  # 2 MiB, 32 times the mark
    sent = anyio.Event()

    async def server(conn: transport.Connection) -> None:
        await conn.send(b"x" * total, 10)
        sent.set()
        await conn.wait_closed(10)

    async with pair(server) as conn:
        assert isinstance(conn, transport.AsyncioConnection)
        await anyio.sleep(0.3)  # nobody reads: the buffer stops near the mark
        buffered = len(conn._buffer)
        assert buffered < total
        assert buffered <= (1 << 16) + (1 << 18)  # the mark and at most a few socket reads
        got = 0
        while got < total:  # a reader takes it all (reading resumes)
            got += len(await conn.receive_exactly(min(1 << 15, total - got), 10))
        assert got == total
        with anyio.fail_after(5):
            await sent.wait()


@pytest.mark.anyio
async def test_a_peer_closing_mid_read_raises_connection_closed_and_a_silent_one_times_out() -> None:
    async def closes(conn: transport.Connection) -> None:
        await conn.send(b"\x04\x00")
        await conn.aclose()

    async with pair(closes) as conn:
        with pytest.raises(ConnectionClosed):
            await conn.receive_exactly(6, 5)
        with pytest.raises(ConnectionClosed):
            await conn.send(b"more")

    async def silent(conn: transport.Connection) -> None:
        await anyio.sleep(5)

    async with pair(silent) as conn:
        with pytest.raises(NetworkTimeout):
            await conn.receive_exactly(1, 0.2)
        assert not await conn.wait_closed(0.2)


@pytest.mark.anyio
async def test_a_peer_reset_is_connection_closed_and_close_is_idempotent() -> None:
    async def resets(conn: transport.Connection) -> None:
        sock = conn.raw_socket()
        assert sock is not None
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        await conn.aclose()  # SO_LINGER 0: RST

    async with pair(resets) as conn:
        with pytest.raises(ConnectionClosed):
            await conn.receive_exactly(1, 5)
        assert await conn.wait_closed(1)
        await conn.aclose()
        await conn.aclose()


@pytest.mark.anyio
async def test_a_cancelled_read_loses_nothing() -> None:
    async def late(conn: transport.Connection) -> None:
        await anyio.sleep(0.3)
        await conn.send(b"abcdef")
        await conn.wait_closed(5)

    async with pair(late) as conn:
        with anyio.move_on_after(0.1):
            await conn.receive_exactly(6, None)
        assert await conn.receive_exactly(6, 5) == b"abcdef"


@pytest.mark.anyio
async def test_a_send_into_a_full_peer_times_out() -> None:
    async def never_reads(conn: transport.Connection) -> None:
        await anyio.sleep(10)

    async with pair(never_reads) as conn:
        with pytest.raises(NetworkTimeout):
            for _ in range(10_000):  # far past both socket buffers
                await conn.send(b"\x00" * (1 << 16), 0.5)


@pytest.mark.anyio
async def test_a_timeout_covers_the_whole_wait_across_partial_arrivals() -> None:
    async def trickles(conn: transport.Connection) -> None:
        for _ in range(20):  # a byte every 50 ms: 1 s for all of them
            await conn.send(b"x")
            await anyio.sleep(0.05)
        await conn.wait_closed(5)

    async with pair(trickles) as conn:
        start = anyio.current_time()
        with pytest.raises(NetworkTimeout):
            await conn.receive_exactly(20, 0.3)
        assert anyio.current_time() - start < 0.6
        assert await conn.receive_exactly(20, 5) == b"x" * 20  # nothing was lost


@pytest.mark.anyio
async def test_a_corked_connection_sends_a_message_in_one_write_and_early_past_its_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[int] = []

    async def server(conn: transport.Connection) -> None:
        await conn.send(await conn.receive_exactly(3 + transport.CORK_LIMIT + 1, 10), 10)

    async with pair(server) as conn:
        real = conn._write

        async def counting(data: bytes, timeout: float | None) -> None:
            writes.append(len(data))
            await real(data, timeout)

        monkeypatch.setattr(conn, "_write", counting)
        conn.cork()
        for piece in (b"a", b"b", b"c"):
            await conn.send(piece)
        assert writes == []  # held
        await conn.uncork()
        assert writes == [3]
        conn.cork()
        await conn.send(b"x" * transport.CORK_LIMIT)  # reaches the limit: sent at once
        assert writes == [3, transport.CORK_LIMIT]
        conn.cork()
        await conn.send(b"dropped")
        conn.drop_cork()  # forgotten (an abort follows)
        await conn.send(b"z")  # no longer held
        assert writes == [3, transport.CORK_LIMIT, 1]
        back = await conn.receive_exactly(3 + transport.CORK_LIMIT + 1, 10)
    assert back == b"abc" + b"x" * transport.CORK_LIMIT + b"z"


@pytest.mark.anyio
async def test_a_sender_that_never_has_to_wait_still_lets_other_tasks_run() -> None:
    n = 50 * transport.YIELD_EVERY

    async def reader(conn: transport.Connection) -> None:
        await conn.receive_exactly(n, 10)
        await conn.wait_closed(5)

    ticks = [0]

    async def ticker() -> None:
        while True:
            ticks[0] += 1
            await anyio.lowlevel.checkpoint()

    async with pair(reader) as conn, anyio.create_task_group() as tg:
        tg.start_soon(ticker)
        await anyio.lowlevel.checkpoint()
        before = ticks[0]
        for _ in range(n):  # one byte each: the transport never pauses writing
            await conn.send(b"x")
        assert ticks[0] - before >= 40  # the ticker ran about once per YIELD_EVERY sends
        tg.cancel_scope.cancel()
