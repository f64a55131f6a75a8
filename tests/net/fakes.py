"""An in-memory stand-in for :class:`dicomkit.net.Association` (the methods DIMSE uses), so
DIMSE and the services are tested without sockets."""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Callable
from typing import Any

import anyio

from dicomkit.net import (
    AcceptedContext,
    AssociationAborted,
    AssociationReleased,
    IncomingMessage,
    Timeouts,
)

IMPLICIT = "1.2.840.10008.1.2"


async def chunks(parts: list[bytes], fail_after: int | None = None) -> AsyncIterator[bytes]:
    """The data set fragments; AssociationAborted after ``fail_after`` of them when set."""
    for i, part in enumerate(parts):
        if fail_after is not None and i >= fail_after:
            raise AssociationAborted(2, 0, detail="test abort mid data set")
        yield part
    if fail_after is not None and fail_after >= len(parts):
        raise AssociationAborted(2, 0, detail="test abort mid data set")


def incoming(context_id: int, command: bytes, data: list[bytes] | bytes | None,
             fail_after: int | None = None) -> IncomingMessage:
    if data is None:
        return IncomingMessage(context_id, command, None)
    parts = [data] if isinstance(data, bytes) else data
    return IncomingMessage(context_id, command, chunks(parts, fail_after))


class FakeAssociation:
    """Holds accepted contexts, an inbox of messages and what was sent; enough of an
    association for :class:`dicomkit.net.DimseProvider` to read it."""

    def __init__(self, contexts: dict[int, str] | dict[int, AcceptedContext],
                 transfer_syntax: str = IMPLICIT, *, requestor: bool = False,
                 async_ops: tuple[int, int] = (1, 1), ends_when_empty: bool = True) -> None:
        self.contexts: dict[int, AcceptedContext] = {
            cid: (c if isinstance(c, AcceptedContext) else
                  AcceptedContext(cid, c, transfer_syntax, 0))
            for cid, c in contexts.items()}
        self.peer_address = ("127.0.0.1", 11112)
        self.calling_ae, self.called_ae = "FAKE-SCU", "FAKE-SCP"
        self.inbox: deque[IncomingMessage] = deque()
        self.sent: list[tuple[int, bytes, bytes | None]] = []
        self.peer: FakeAssociation | None = None
        self.on_send: Callable[[FakeAssociation, int, bytes, bytes | None], None] | None = None
        self.released = self.aborted = False
        self._arrived = anyio.Event()
        self.is_requestor = requestor
        #: without a peer, an empty inbox means the peer released (SCP tests); a fake SCU's
        #: answers come from on_send, so it waits instead
        self.ends_when_empty = ends_when_empty
        self.async_ops = async_ops
        self.timeouts = Timeouts()
        self.dimse: Any = None
        self.ended: Any = None

    def _over(self) -> bool:
        return self.released or self.aborted or (self.peer is None and self.ends_when_empty)

    @property
    def can_send(self) -> bool:
        return not (self.aborted or self.released)

    async def wait_message(self, timeout: float | None) -> None:
        while not self.inbox and not (self._over()):
            self._arrived = anyio.Event()
            await self._arrived.wait()

    @classmethod
    def pair(cls, contexts: dict[int, str]) -> tuple[FakeAssociation, FakeAssociation]:
        a, b = cls(contexts, requestor=True), cls(contexts)
        a.peer, b.peer = b, a
        return a, b

    def deliver(self, message: IncomingMessage) -> None:
        self.inbox.append(message)
        self._arrived.set()

    async def send_message(self, context_id: int, command: bytes,
                           data: bytes | AsyncIterable[bytes] | None = None) -> None:
        if self.aborted or self.released:
            raise AssociationAborted(0, 0, detail="the fake association is closed")
        if data is not None and not isinstance(data, bytes):
            data = b"".join([part async for part in data])
        self.sent.append((context_id, command, data))
        if self.peer is not None:
            self.peer.deliver(incoming(context_id, command, data))
        if self.on_send is not None:
            self.on_send(self, context_id, command, data)

    async def receive_message(self, timeout: float | None = None, *,
                              use_default: bool = True) -> IncomingMessage:
        while not self.inbox:
            if self._over():
                raise AssociationReleased("the fake peer released")
            self._arrived = anyio.Event()
            await self._arrived.wait()
        return self.inbox.popleft()

    def drop(self) -> None:
        """The peer went away: readers waiting see the association end."""
        self.aborted = True
        self._arrived.set()

    async def release(self) -> None:
        self.released = True
        self._arrived.set()

    async def abort(self, source: int = 0, reason: int = 0) -> None:
        self.aborted = True
        self._arrived.set()

    async def __aenter__(self) -> FakeAssociation:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await (self.abort() if exc[1] is not None else self.release())
