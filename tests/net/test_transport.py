"""The transport's receive buffer (runtime/net/transport.py): PDUs served from one socket read."""

from __future__ import annotations

from collections import deque
from typing import Any

import anyio
import anyio.abc
import pytest

from dicomkit.net.errors import ConnectionClosed, NetworkTimeout
from dicomkit.net.pdu import PDV, PDataTF, encode_pdata, read_pdu
from dicomkit.net.transport import RECEIVE_SIZE, Connection


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class ChunkStream(anyio.abc.ByteStream):
    """A byte stream that hands out prepared chunks and counts the reads asked of it."""

    def __init__(self, chunks: list[bytes], *, hang: bool = False) -> None:
        self.chunks = deque(chunks)
        self.reads: list[int] = []
        self.hang = hang

    async def receive(self, max_bytes: int = 65536) -> bytes:
        self.reads.append(max_bytes)
        if not self.chunks:
            if self.hang:
                await anyio.sleep_forever()
            raise anyio.EndOfStream
        chunk = self.chunks.popleft()
        if len(chunk) > max_bytes:
            self.chunks.appendleft(chunk[max_bytes:])
            chunk = chunk[:max_bytes]
        return chunk

    async def send(self, item: bytes) -> None:
        raise AssertionError("not used")

    async def send_eof(self) -> None:
        pass

    async def aclose(self) -> None:
        pass

    @property
    def extra_attributes(self) -> Any:
        return {}


def _pdus(n: int) -> list[bytes]:
    return [encode_pdata(1, i == 0, i == n - 1, bytes([i]) * (100 + i)) for i in range(n)]


@pytest.mark.anyio
async def test_several_pdus_arriving_in_one_segment_take_one_socket_read() -> None:
    pdus = _pdus(4)
    stream = ChunkStream([b"".join(pdus)])
    conn = Connection(stream)
    got = [await read_pdu(conn.receive_exactly, max_pdata_length=16384) for _ in pdus]
    assert got == [PDataTF((PDV(1, i == 0, i == 3, bytes([i]) * (100 + i)),)) for i in range(4)]
    assert stream.reads == [RECEIVE_SIZE]  # whole segment at once, never split per PDU


@pytest.mark.anyio
async def test_a_pdu_split_over_many_segments_is_reassembled_in_order() -> None:
    pdus = _pdus(3)
    data = b"".join(pdus)
    stream = ChunkStream([data[i:i + 7] for i in range(0, len(data), 7)])
    conn = Connection(stream)
    got = [await read_pdu(conn.receive_exactly, max_pdata_length=16384) for _ in pdus]
    assert [p.pdvs[0].fragment for p in got if isinstance(p, PDataTF)] == [
        bytes([i]) * (100 + i) for i in range(3)]


@pytest.mark.anyio
async def test_receive_exactly_returns_exact_slices_across_buffer_refills() -> None:
    stream = ChunkStream([b"abcdef", b"ghij", b"klmnopq"])
    conn = Connection(stream)
    assert await conn.receive_exactly(4) == b"abcd"
    assert await conn.receive_exactly(2) == b"ef"
    assert await conn.receive_exactly(7) == b"ghijklm"
    assert await conn.receive_exactly(4) == b"nopq"
    with pytest.raises(ConnectionClosed):
        await conn.receive_exactly(1)


@pytest.mark.anyio
async def test_a_peer_closing_mid_pdu_and_a_silent_peer_raise_network_errors() -> None:
    conn = Connection(ChunkStream([b"\x04\x00\x00\x00"]))
    with pytest.raises(ConnectionClosed):
        await conn.receive_exactly(6)
    slow = Connection(ChunkStream([b"\x04\x00"], hang=True))
    with pytest.raises(NetworkTimeout):
        await slow.receive_exactly(6, timeout=0.05)
