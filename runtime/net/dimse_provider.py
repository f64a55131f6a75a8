"""The DIMSE service provider of one association (PS3.7 7, 9.3, 10.3; D.3.3.3).

One reader per association takes every message off the wire and routes it:

* a response goes to the request it answers (by Message ID Being Responded To, PS3.7 9.3):
  :meth:`DimseProvider.request` is an async iterator of responses, kept open while the
  status is pending (FF00H, FF01H: C-FIND, C-GET, C-MOVE) and closed by the final one;
* a request goes to the handler the application registered for it (on either side: an SCU
  association receives N-EVENT-REPORT requests in storage commitment and C-STORE
  sub-operations in C-GET); a C-CANCEL-RQ (PS3.7 9.3.2.3) sets the ``cancelled`` event of
  the operation it names.

The negotiated asynchronous operations window (PS3.7 D.3.3.3) holds both ways: a requestor
never has more requests outstanding than it may invoke (the next one waits for a slot), and a
request beyond what this side may perform aborts the association.  Data sets stream: a
handler reads a request's data set fragment by fragment as the PDVs arrive, and the reader
waits until it has (or drains what the handler left), so an SCP can write a data set to disk
while it arrives.  A handler that raises :class:`~dicomkit.net.errors.ServiceError` is
answered with the error's status, comment and offending elements.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import anyio.abc
import anyio.lowlevel

from dicomkit.generated.commands import COMMAND_FIELDS, MESSAGES
from dicomkit.generated.statuses import STATUSES, classify
from dicomkit.net import _codes as codes
from dicomkit.net.association import Association, IncomingMessage
from dicomkit.net.dimse import (
    DimseError,
    DimseMessage,
    FieldEncodingError,
    MessageIDs,
    build,
    decode_command,
    encode_for_sending,
    read_data,
    send,
)
from dicomkit.net.errors import (
    AssociationAborted,
    AssociationReleased,
    NetworkError,
    NetworkTimeout,
    ServiceError,
)

__all__ = ["DimseProvider", "Handler", "Request", "Response", "inline_handler"]

log = logging.getLogger(__name__)

_CANCEL_FIELD = COMMAND_FIELDS["C-CANCEL-RQ"]
#: Requests a C-CANCEL-RQ may name (PS3.7 9.3.2.3, 9.3.3.3, 9.3.4.3): their handlers run in
#: their own task so the reader stays free to deliver the cancel.
CANCELLABLE: frozenset[str] = frozenset(
    service + "-RQ" for name, (field, service, _) in MESSAGES.items()
    if field == _CANCEL_FIELD)
#: Unrecognized operation (PS3.7 C.5.23) and Processing failure (PS3.7 C.4.1): the answers to
#: a request nobody serves and to a handler that failed without saying how.
UNRECOGNIZED_OPERATION = next(c for c, e in STATUSES.items() if e[0] == "Unrecognized operation")
PROCESSING_FAILURE = next(c for c, e in STATUSES.items() if e[0] == "Processing Failure")


def _category(status: int) -> str:
    if status == 0:
        return "success"
    try:
        return classify(status)
    except ValueError:
        return "failure"


@dataclass(frozen=True)
class Response:
    """A response received for a request: the message, its data set (read whole: response
    data sets are identifiers and attribute lists), and the presentation context."""

    message: DimseMessage
    data: bytes | None
    context_id: int

    @property
    def status(self) -> int:
        """Status (0000,0900)."""
        return self.message.status or 0

    @property
    def category(self) -> str:
        """success, pending, cancel, warning or failure (PS3.7 Annex C)."""
        return _category(self.status)

    @property
    def pending(self) -> bool:
        """True for a pending status (more responses follow)."""
        return self.category == "pending"


class LazyEvent:
    """An event (``set``, ``is_set``, ``wait``, as :class:`anyio.Event`) that makes its
    anyio event only when someone waits: a request carries two, and most are never awaited."""

    __slots__ = ("_set", "_event")

    def __init__(self) -> None:
        self._set = False
        self._event: anyio.Event | None = None

    def set(self) -> None:
        """Set it; wakes the waiters."""
        self._set = True
        if self._event is not None:
            self._event.set()

    def is_set(self) -> bool:
        """True once set."""
        return self._set

    async def wait(self) -> None:
        """Wait until it is set (at once when it is)."""
        if self._set:
            await anyio.lowlevel.checkpoint()
            return
        if self._event is None:
            self._event = anyio.Event()
        await self._event.wait()


class Request:
    """A request received from the peer, as a handler sees it.

    Attributes
    ----------
    provider, association
        Where it came from.
    context_id
        Its presentation context.
    message
        The command.
    data
        The data set as a stream of fragments (None without one): read it at most once.
    cancelled
        Set when the peer sends a C-CANCEL-RQ for it.
    """

    def __init__(self, provider: DimseProvider, context_id: int, message: DimseMessage,
                 data: AsyncIterator[bytes] | None) -> None:
        self.provider = provider
        self.association = provider.association
        self.context_id = context_id
        self.message = message
        self.data = data
        self.cancelled = LazyEvent()
        self.final_sent = False
        self.data_done = LazyEvent()
        if data is None:
            self.data_done.set()
        # the last Pending response sent with a data set and no other fields: (status, the
        # message, its encoded command set), the same for every match of a C-FIND
        self._pending: tuple[int, DimseMessage, bytes] | None = None

    @property
    def transfer_syntax(self) -> str:
        """The transfer syntax of its presentation context."""
        return self.association.contexts[self.context_id].transfer_syntax

    @property
    def abstract_syntax(self) -> str:
        """The abstract syntax (SOP class) of its presentation context."""
        return self.association.contexts[self.context_id].abstract_syntax

    async def read_data(self) -> bytes:
        """The whole data set (``b""`` without one)."""
        if self.data is None:
            return b""
        try:
            return await read_data(IncomingMessage(self.context_id, b"", self.data))
        finally:
            self.data_done.set()

    async def respond(self, status: int, data: bytes | AsyncIterable[bytes] | None = None,
                      **fields: Any) -> None:
        """Send a response with ``status``: pending ones may follow, the final one ends it."""
        if self.final_sent:
            raise DimseError("the final response was sent already",
                             message_name=self.message.name)
        if data is not None and not fields:
            pending = self._pending
            if pending is None or pending[0] != status:
                pending = self._pending_command(status)
            if pending is not None:
                await self.provider.send_encoded(self.context_id, pending[1], pending[2], data)
                return
        rsp = self.message.response(status, **fields)
        if _category(status) != "pending":
            self.final_sent = True
            self.provider.performed_done(self)
        try:
            await self.provider.send(self.context_id, rsp, data)
        except FieldEncodingError:
            # (raised while encoding, before anything is sent) a field the response repeats
            # (U(=), e.g. a non-ASCII Affected SOP Instance UID) cannot be encoded: answer
            # without the repeated fields
            name = self.message.name[:-3] + "-RSP"
            await self.provider.send(self.context_id, build(
                name, MessageIDBeingRespondedTo=self.message.message_id, Status=status,
                **fields), data)


    def _pending_command(self, status: int) -> tuple[int, DimseMessage, bytes] | None:
        """The Pending response ``status`` (with a data set, no other fields) and its encoded
        command set, kept for the next ones; None when ``status`` is not a pending one or a
        field the response repeats cannot be encoded (:meth:`respond` then sends it)."""
        if _category(status) != "pending":
            return None
        rsp = self.message.response(status)
        try:
            command = encode_for_sending(self.association, self.context_id, rsp, True)
        except FieldEncodingError:
            return None
        self._pending = (status, rsp, command)
        return self._pending


Handler = Callable[[Request], Awaitable[int | None]]
HandlerLookup = Callable[[Request], Handler | None]

_INLINE = "_dimse_inline"


_F = TypeVar("_F", bound=Callable[..., Awaitable[int | None]])


def inline_handler(handler: _F) -> _F:
    """Mark ``handler`` as one that never sends requests of its own on the association: in
    synchronous mode (a performed window of 1) the reader then runs it itself instead of in a
    new task, which saves a task per message (C-ECHO, C-STORE).  A handler that sends a
    request (an N-EVENT-REPORT, C-STORE sub-operations) must not be marked: the reader would
    wait for itself."""
    setattr(handler, _INLINE, True)
    return handler


class _Outstanding:
    """The responses of one outstanding request, as the reader delivers them."""

    __slots__ = ("responses", "closed", "_arrived", "context_id", "on_final")

    def __init__(self, context_id: int) -> None:
        self.responses: deque[Response] = deque()
        self.closed = False
        self._arrived: anyio.Event | None = None
        self.context_id = context_id
        #: set when the caller left before the final response: what to do when it comes
        #: (free the operations window slot the request still holds, PS3.7 D.3.3.3)
        self.on_final: Callable[[], None] | None = None

    def put(self, response: Response) -> None:
        self.responses.append(response)
        if self._arrived is not None:
            self._arrived.set()

    def close(self) -> None:
        self.closed = True
        if self._arrived is not None:
            self._arrived.set()

    async def get(self) -> Response:
        """The next response; EndOfStream when the reader ended first."""
        while not self.responses:
            if self.closed:
                raise anyio.EndOfStream
            self._arrived = anyio.Event()
            await self._arrived.wait()
            self._arrived = None
        return self.responses.popleft()


class DimseProvider:
    """The DIMSE service provider of ``association`` (see the module).

    Parameters
    ----------
    association
        An established association; this provider becomes its only reader.
    handlers
        Finds the handler of an incoming request (None: answered Unrecognized operation).
    on_message
        Called with (association, ``"received"`` or ``"sent"``, message) for every message,
        for logging and metrics.

    Use as ``async with DimseProvider(assoc, handlers) as dimse:`` (the reader runs in the
    block) or ``await DimseProvider(assoc, handlers).run()`` (serve until the association
    ends).
    """

    def __init__(self, association: Association, handlers: HandlerLookup | None = None, *,
                 on_message: Callable[[Association, str, DimseMessage], None] | None = None
                 ) -> None:
        self.association = association
        self.handlers = handlers
        self.on_message = on_message
        self.message_ids = MessageIDs()
        invoked, performed = association.async_ops
        self.max_invoked = invoked  # 0: unlimited
        self.max_performed = performed
        self._slots = anyio.Semaphore(invoked, fast_acquire=True) if invoked else None
        self._outstanding: dict[int, _Outstanding] = {}
        self._performing: dict[int, Request] = {}
        self._peer = (f"{association.peer_address[0]}:{association.peer_address[1]}"
                      if association.peer_address[0] else "")
        self._tg: anyio.abc.TaskGroup | None = None
        self._reader_scope: anyio.CancelScope | None = None
        self._waiting = False  # the reader waits for the next message (nothing consumed)
        self._stopping = False
        self._reader_done = anyio.Event()
        self.error: NetworkError | None = None

    # ----------------------------------------------------------------- running

    async def __aenter__(self) -> DimseProvider:
        if self.association.dimse is not None:
            raise NetworkError("the association has a DIMSE provider already",
                               peer=self.association.peer_address)
        self.association.dimse = self
        self._tg = anyio.create_task_group()
        await self._tg.__aenter__()
        self._tg.start_soon(self._read_loop_scoped)
        return self

    async def _read_loop_scoped(self) -> None:
        with anyio.CancelScope() as scope:
            self._reader_scope = scope
            await self._read_loop()

    def _stop_reader(self) -> None:
        self._stopping = True
        if self._waiting and self._reader_scope is not None:
            self._reader_scope.cancel()  # it waits between messages: nothing is lost

    async def __aexit__(self, *exc: Any) -> bool | None:
        assert self._tg is not None
        try:
            if exc[1] is not None and self.association.ended is None:
                with anyio.CancelScope(shield=True):
                    await self.association.abort()
            self._stop_reader()
        finally:
            try:
                suppressed = await self._tg.__aexit__(*exc)
            finally:
                self.association.dimse = None
        return suppressed

    async def run(self) -> None:
        """Serve the association until it is released or aborted."""
        async with self:
            await self._reader_done.wait()

    async def stop(self) -> None:
        """Stop reading at the next message boundary (before a release)."""
        self._stop_reader()
        if self._tg is not None:
            await self._reader_done.wait()

    def _reader_timeout(self) -> float | None:
        if self.association.is_requestor:
            return None  # a requestor waits for responses in request() (Timeouts.dimse)
        if self._performing or self._outstanding:
            return None
        return self.association.timeouts.dimse  # the acceptor's idle limit

    async def _read_loop(self) -> None:
        assoc = self.association
        try:
            while not self._stopping:
                self._waiting = True
                try:
                    await assoc.wait_message(self._reader_timeout())
                except NetworkTimeout:
                    await assoc.abort()
                    raise
                finally:
                    self._waiting = False
                if self._stopping:
                    break
                await self._read_one()
        except NetworkError as exc:
            self.error = exc
        except Exception:
            log.exception("DIMSE reader failed; aborting %s", self._peer)
            with anyio.CancelScope(shield=True):
                await assoc.abort()
            self.error = assoc.ended
        finally:
            self._reader_done.set()
            for pending in list(self._outstanding.values()):
                pending.close()
                if pending.on_final is not None:
                    pending.on_final()
                    pending.on_final = None
            for request in self._performing.values():
                request.cancelled.set()
                request.data_done.set()

    async def _read_one(self) -> None:
        """Take the next message off the association and route it (see the module)."""
        assoc = self.association
        incoming = await assoc.receive_message(assoc.timeouts.network, use_default=False)
        try:
            msg = decode_command(incoming.command, peer=self._peer)
        except DimseError as exc:
            # an unreadable command cannot be answered (PS3.7 C.5.15): abort
            log.warning("%s: %s; aborting", self._peer, exc)
            await assoc.abort(codes.ABORT_SERVICE_USER, codes.ABORT_REASON_NOT_SPECIFIED)
            raise assoc.ended or NetworkError(str(exc)) from None
        if self.on_message is not None:
            self.on_message(assoc, "received", msg)
        if msg.spec.is_request:
            await self._dispatch(msg, incoming)
        else:
            await self._route(msg, incoming)

    async def _read_inline(self, pending: _Outstanding, timeout: float | None) -> None:
        """Without a reader task: read and route messages in the caller until ``pending``
        has a response (a provider made for one exchange on a bare association, e.g. by
        :func:`~dicomkit.net.services.verification.echo_on`, costs no task)."""
        assoc = self.association
        try:
            while not pending.responses:
                try:
                    await assoc.wait_message(timeout)
                except NetworkTimeout:
                    raise TimeoutError from None  # no response in time: request() says so
                await self._read_one()
        except NetworkError as exc:
            self.error = exc
            raise

    # ----------------------------------------------------------------- responses

    async def _route(self, msg: DimseMessage, incoming: IncomingMessage) -> None:
        data = await read_data(incoming) if incoming.data is not None else None
        mid = msg.message_id_being_responded_to
        pending = self._outstanding.get(mid) if mid is not None else None
        if pending is None:
            log.warning("%s: %s answers no outstanding request; dropped", self._peer, msg.name)
            return
        response = Response(msg, data, incoming.context_id)
        if not response.pending:
            del self._outstanding[mid]  # type: ignore[arg-type]
            if pending.on_final is not None:  # the caller left early: nobody reads it
                pending.on_final()
                return
        if pending.on_final is None:
            pending.put(response)

    def next_message_id(self) -> int:
        """A message ID not used by an outstanding request (PS3.7 9.3)."""
        while True:
            mid = self.message_ids.next()
            if mid not in self._outstanding:
                return mid

    async def send(self, context_id: int, message: DimseMessage,
                   data: bytes | AsyncIterable[bytes] | None = None) -> None:
        """Send one message (and its data set) on ``context_id``."""
        if self.on_message is not None:
            self.on_message(self.association, "sent", message)
        await send(self.association, context_id, message, data)

    async def send_encoded(self, context_id: int, message: DimseMessage, command: bytes,
                           data: bytes | AsyncIterable[bytes] | None = None) -> None:
        """Send ``message`` whose command set ``command`` is (from
        :func:`~dicomkit.net.dimse.encode_for_sending`), and its data set, on ``context_id``."""
        if self.on_message is not None:
            self.on_message(self.association, "sent", message)
        await self.association.send_message(context_id, command, data)

    async def request(self, context_id: int, message: DimseMessage,
                      data: bytes | AsyncIterable[bytes] | None = None
                      ) -> AsyncIterator[Response]:
        """Send a request; its responses, until the final one (not pending).

        The Message ID is set when the message has none.  The request waits for a slot of
        the asynchronous operations window first (PS3.7 D.3.3.3); each response must come
        within ``Timeouts.dimse`` (else the association is aborted).  Close the iterator
        (``contextlib.aclosing``) when leaving it early.

        Raises
        ------
        AssociationAborted, AssociationReleased, NetworkTimeout
            When the association ends (or times out) before the final response.
        """
        if message.message_id is None:
            message.set("MessageID", self.next_message_id())
        mid = message.message_id
        assert mid is not None
        inline = self._tg is None  # no reader task: this call reads (see _read_inline)
        if self._reader_done.is_set():
            raise self.error or self.association.ended or NetworkError(
                "no DIMSE provider is reading the association",
                peer=self.association.peer_address)
        if inline:
            if self._outstanding or self.association.dimse not in (None, self):
                raise NetworkError(
                    "another request is outstanding on an association without a DIMSE "
                    "reader; for concurrent requests use `async with DimseProvider(assoc)`",
                    peer=self.association.peer_address)
            self.association.dimse = self
        slots = self._slots
        if slots is not None:
            await slots.acquire()
        finished = False
        pending = _Outstanding(context_id)
        try:
            self._outstanding[mid] = pending
            try:
                await self.send(context_id, message, data)
            except BaseException:
                self._outstanding.pop(mid, None)
                raise
            timeout = self.association.timeouts.dimse
            while True:
                try:
                    if inline:
                        if not pending.responses:
                            await self._read_inline(pending, timeout)
                        response = pending.responses.popleft()
                    elif timeout is None:
                        response = await pending.get()
                    else:
                        with anyio.fail_after(timeout):
                            response = await pending.get()
                except anyio.EndOfStream:
                    raise self.error or self.association.ended or AssociationAborted(
                        codes.ABORT_SERVICE_PROVIDER, codes.ABORT_REASON_NOT_SPECIFIED,
                        detail="association ended", peer=self.association.peer_address
                    ) from None
                except TimeoutError:
                    self._outstanding.pop(mid, None)
                    await self.association.abort()
                    raise NetworkTimeout(f"no response to {message.name} {mid} within "
                                         f"{timeout} s",
                                         peer=self.association.peer_address) from None
                yield response
                if not response.pending:
                    finished = True
                    return
        finally:
            if (not finished and not inline and slots is not None
                    and self._outstanding.get(mid) is pending
                    and not self._reader_done.is_set()):
                # left before the final response (a C-CANCEL, a break): the operation is
                # outstanding for the peer until its final response, so its slot of the
                # window stays taken until the reader sees that response (PS3.7 D.3.3.3)
                pending.on_final = slots.release
            else:
                self._outstanding.pop(mid, None)
                if slots is not None:
                    slots.release()
            if inline and self.association.dimse is self:
                self.association.dimse = None

    async def request_one(self, context_id: int, message: DimseMessage,
                          data: bytes | AsyncIterable[bytes] | None = None) -> Response:
        """Send a request and return its final response (pending ones are skipped)."""
        last: Response | None = None
        stream = self.request(context_id, message, data)
        try:
            async for response in stream:
                last = response
        finally:
            await stream.aclose()  # type: ignore[attr-defined]
        assert last is not None
        return last

    async def cancel(self, message_id: int, context_id: int) -> None:
        """Send C-CANCEL-RQ for the outstanding request ``message_id`` (PS3.7 9.3.2.3)."""
        pending = self._outstanding.get(message_id)
        if pending is None:
            return
        name = next((n for n, (field, _, _) in MESSAGES.items() if field == _CANCEL_FIELD), "")
        await self.send(context_id, build(name, MessageIDBeingRespondedTo=message_id))

    # ----------------------------------------------------------------- requests

    def performed_done(self, request: Request) -> None:
        """The final response of ``request`` is going out: it no longer counts."""
        mid = request.message.message_id
        if mid is not None and self._performing.get(mid) is request:
            del self._performing[mid]

    async def _dispatch(self, msg: DimseMessage, incoming: IncomingMessage) -> None:
        if msg.command_field == _CANCEL_FIELD:
            target = self._performing.get(msg.message_id_being_responded_to or -1)
            if target is not None:
                target.cancelled.set()
            if incoming.data is not None:
                await read_data(incoming)
            return
        request = Request(self, incoming.context_id, msg, incoming.data)
        handler = self.handlers(request) if self.handlers is not None else None
        if handler is None:
            if incoming.data is not None:
                await read_data(incoming)
            await self.send(incoming.context_id, msg.response(UNRECOGNIZED_OPERATION))
            return
        mid = msg.message_id or 0
        if self.max_performed and len(self._performing) >= self.max_performed:
            log.warning("%s: request %d beyond the %d operations we may perform (PS3.7 "
                        "D.3.3.3); aborting", self._peer, mid, self.max_performed)
            await self.association.abort(codes.ABORT_SERVICE_USER,
                                         codes.ABORT_REASON_NOT_SPECIFIED)
            raise self.association.ended or NetworkError("window exceeded")
        self._performing[mid] = request
        if self.max_performed == 1 and msg.name not in CANCELLABLE and getattr(
                handler, _INLINE, False):
            await self._perform(handler, request)  # nothing can arrive for it meanwhile
        elif self._tg is None:
            await self._perform(handler, request)  # no reader task: the caller performs it
        else:
            self._tg.start_soon(self._perform, handler, request)
            await request.data_done.wait()

    async def _perform(self, handler: Handler, request: Request) -> None:
        fields: dict[str, Any] = {}
        try:
            try:
                status = await handler(request)
            except ServiceError as exc:
                status = exc.status
                if exc.comment:
                    fields["ErrorComment"] = exc.comment[:64]
                if exc.offending_elements:
                    fields["OffendingElement"] = list(exc.offending_elements)
            except (AssociationAborted, AssociationReleased):
                return
            except NetworkError as exc:
                log.warning("%s: %s failed: %s", self._peer, request.message.name, exc)
                return
            except Exception:
                log.exception("%s: the %s handler failed", self._peer, request.message.name)
                status = PROCESSING_FAILURE
            if request.data is not None:
                try:  # the rest of a data set the handler left: read before answering
                    async for _ in request.data:
                        pass
                except NetworkError:
                    return
            request.data_done.set()
            if not request.final_sent and self.association.can_send:
                try:
                    await request.respond(status or 0, **fields)
                except (DimseError, ValueError):
                    # a status the response cannot carry (e.g. bad fields): say failure
                    request.final_sent = False
                    await request.respond(PROCESSING_FAILURE)
        except NetworkError as exc:
            log.info("%s: cannot answer %s: %s", self._peer, request.message.name, exc)
        finally:
            request.data_done.set()
            self.performed_done(request)
