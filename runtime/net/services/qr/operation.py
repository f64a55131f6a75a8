"""The responses of one C-FIND, C-MOVE or C-GET request, with C-CANCEL (PS3.7 9.3.2.3).

:class:`Operation` sends the request through the association's DIMSE provider and reads its
responses in a task of its own, so that the caller may stop waiting (a time limit) without
losing the request's place: on a time limit, or when the caller leaves early, a C-CANCEL-RQ is
sent and the remaining responses are read until the final one (the peer answers Cancel,
FE00H), within ``cancel_grace`` seconds; a peer that never answers then has its association
aborted, so nothing is left waiting.
"""

from __future__ import annotations

import logging
import math
from types import TracebackType

import anyio
import anyio.abc
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from dicomkit.net.association import Association
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.dimse_provider import DimseProvider, Response
from dicomkit.net.errors import NetworkError
from dicomkit.net.services.qr.errors import QueryRetrieveError, QueryTimeout

__all__ = ["CANCEL_GRACE", "Operation"]

log = logging.getLogger(__name__)

#: Seconds to wait for the final response after a C-CANCEL before aborting the association.
CANCEL_GRACE = 10.0


class Operation:
    """One request and its responses (use as ``async with``; :meth:`next` gives each one).

    Parameters
    ----------
    association
        An association with a running DIMSE provider (``ApplicationEntity.connect``).
    context_id, message, data
        The request.
    timeout
        Seconds the whole operation may take (None: no limit beyond ``Timeouts.dimse`` per
        response); past it a C-CANCEL is sent and :class:`QueryTimeout` raised.
    cancel_grace
        Seconds to wait for the final response after a C-CANCEL.
    """

    def __init__(self, association: Association, context_id: int, message: DimseMessage,
                 data: bytes | None, *, operation: str, timeout: float | None = None,
                 cancel_grace: float = CANCEL_GRACE) -> None:
        self.association = association
        self.context_id = context_id
        self.message = message
        self.data = data
        self.operation = operation
        self.timeout = timeout
        self.cancel_grace = cancel_grace
        self.cancel_sent = False
        self.finished = False  # the final response arrived
        self.received = 0
        self.error: NetworkError | None = None
        self._tg: anyio.abc.TaskGroup | None = None
        self._send: MemoryObjectSendStream[Response] | None = None
        self._receive: MemoryObjectReceiveStream[Response] | None = None
        self._deadline = math.inf

    @property
    def message_id(self) -> int:
        """The request's Message ID."""
        mid = self.message.message_id
        assert mid is not None
        return mid

    def _provider(self) -> DimseProvider:
        dimse = self.association.dimse
        if dimse is None:
            raise QueryRetrieveError("no DIMSE provider reads the association (open it with "
                                     "ApplicationEntity.connect or dicomkit.net.connect)",
                                     operation=self.operation,
                                     peer=self.association.peer_address)
        return dimse

    async def __aenter__(self) -> Operation:
        dimse = self._provider()
        if self.message.message_id is None:
            self.message.set("MessageID", dimse.next_message_id())
        if self.timeout is not None:
            self._deadline = anyio.current_time() + self.timeout
        self._send, self._receive = anyio.create_memory_object_stream[Response](math.inf)
        self._tg = anyio.create_task_group()
        await self._tg.__aenter__()
        self._tg.start_soon(self._pump, dimse)
        return self

    async def _pump(self, dimse: DimseProvider) -> None:
        assert self._send is not None
        async with self._send:
            try:
                async for response in dimse.request(self.context_id, self.message, self.data):
                    await self._send.send(response)
            except NetworkError as exc:
                self.error = exc

    async def next(self) -> Response | None:
        """The next response, None after the final one.

        Raises
        ------
        QueryTimeout
            Past the operation's time limit (a C-CANCEL was sent, and the rest read).
        NetworkError
            When the association ends first (aborted, released, a response timed out).
        """
        assert self._receive is not None
        if self.finished:
            return None
        response: Response | None = None
        with anyio.move_on_after(max(0.0, self._deadline - anyio.current_time())
                                 if self._deadline != math.inf else math.inf):
            try:
                response = await self._receive.receive()
            except anyio.EndOfStream:
                self.finished = True
                if self.error is not None:
                    raise self.error from None
                return None
        if response is None:  # the time limit
            received = self.received
            await self._finish_cancelled()
            raise QueryTimeout(f"no final response within {self.timeout} s; C-CANCEL sent "
                               f"after {received} response(s)", operation=self.operation,
                               received=received, peer=self.association.peer_address)
        self.received += 1
        if not response.pending:
            self.finished = True
        return response

    async def cancel(self) -> None:
        """Send C-CANCEL-RQ for the request (once; nothing after the final response)."""
        if self.cancel_sent or self.finished:
            return
        self.cancel_sent = True
        dimse = self.association.dimse
        if dimse is not None and self.association.can_send:
            await dimse.cancel(self.message_id, self.context_id)

    async def _finish_cancelled(self) -> list[Response]:
        """Cancel and read the remaining responses until the final one, within the grace
        time (then abort); the responses read."""
        assert self._receive is not None
        rest: list[Response] = []
        try:
            await self.cancel()
        except NetworkError as exc:
            log.info("C-CANCEL not sent: %s", exc)
        with anyio.move_on_after(self.cancel_grace) as scope:
            while not self.finished:
                try:
                    response = await self._receive.receive()
                except anyio.EndOfStream:
                    self.finished = True
                    break
                rest.append(response)
                if not response.pending:
                    self.finished = True
        if scope.cancelled_caught:
            log.warning("%s: no final response within %s s of the C-CANCEL; aborting",
                        self.operation, self.cancel_grace)
            with anyio.CancelScope(shield=True):
                await self.association.abort()
            self.finished = True
        return rest

    async def drain(self) -> list[Response]:
        """Leave early: C-CANCEL (unless finished) and the responses read until the final."""
        if self.finished:
            return []
        return await self._finish_cancelled()

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> bool | None:
        assert self._tg is not None
        try:
            if not self.finished and not isinstance(exc, NetworkError) and \
                    self.association.can_send:
                # left early (break, an error of the caller, a cancellation): C-CANCEL and
                # read the rest, shielded but bounded by the grace time
                with anyio.CancelScope(shield=True):
                    await self.drain()
        finally:
            if not self.finished or exc is not None:
                self._tg.cancel_scope.cancel()
            try:
                # the caller's exception is not the pump's: it propagates as raised, not
                # wrapped in the task group's exception group
                await self._tg.__aexit__(None, None, None)
            finally:
                if self._receive is not None:
                    self._receive.close()
        return None
